import type { ServiceEndpoints } from '../endpoints.js';
import type { Logger } from '../logging.js';
import { channelKey, SoleOwnership, type Ownership } from '../ownership/index.js';
import { fencedWrite, StaleFenceError, type Fence } from '../storage/fence.js';
import type { BotStorage } from '../storage/index.js';
import { SecretUnreadableError, sealedValueSchema, type SecretBox } from '../storage/secrets.js';
import type { TeamsUser } from '../teams/identity.js';
import { UcwaError, UcwaSession, type PasswordCredentials, type UcwaSessionOptions, type UcwaSessionState } from '../ucwa/index.js';
import { checkUcwaIdentity, UcwaUserMap, WrongAccountError, type TeamsIdentityRef } from './identity.js';

/** What is kept for a signed-in person: the session state (token included, never the password). */
export interface UcwaAccountRecord {
  teamsUserId: string;
  teamsUserName?: string;
  /** The Skype for Business sign-in address the person gave. */
  signInAddress: string;
  session: UcwaSessionState;
  signedInAt: string;
  eTag?: string;
}

/**
 * How a sign-in is stored: the session state (token included) sealed with the storage key, bound to the record's
 * key; the rest stays readable for operators. Records written before encryption hold `session` in clear and are
 * sealed at their next write.
 */
interface StoredAccount extends Omit<UcwaAccountRecord, 'session'> {
  sealedSession?: unknown;
  session?: UcwaSessionState;
}

export type AccountListener = (
  event:
    | { kind: 'expired'; teamsUserId: string; signInAddress: string }
    /** The person signed in again on another instance: the session this one ran is not theirs any more. */
    | { kind: 'replaced'; teamsUserId: string; signInAddress: string },
) => void;

/** Something that ran on a person's account and stopped with their sign-out: lobby alerts of meetings, presence watches of groups. */
export interface StoppedWork {
  kind: 'lobby' | 'presence';
  /** Meeting subjects or group names, as the person named them. */
  names: string[];
}

/**
 * Stops one kind of work of a person who signs out, while their session still works (so subscriptions can be
 * ended politely); says what stopped, if anything.
 */
export type SignOutHook = (teamsUserId: string, session: UcwaSession | undefined) => Promise<StoppedWork | undefined>;

export interface SignOutResult {
  /** Whether they had been signed in at all. */
  known: boolean;
  stopped: StoppedWork[];
}

const accountPrefix = 'ucwa/account/';
/** Marks someone who signed out on purpose: the sandbox's automatic sign-in leaves them signed out. */
const signedOutPrefix = 'ucwa/signedOut/';

/**
 * Links Teams users to their Skype for Business accounts. One live UcwaSession per person, restored from storage
 * after a restart without the password; the password itself is used once, at sign-in, and forgotten.
 */
export class UcwaAccounts {
  private readonly sessions = new Map<string, Promise<UcwaSession | undefined>>();
  private readonly listeners = new Set<AccountListener>();
  private readonly signOutHooks = new Set<SignOutHook>();
  /** When each live session's sign-in happened: a stored record with another time is a newer sign-in elsewhere. */
  private readonly signedInAt = new Map<string, string>();
  /** One child logger for every session: a child per session was a logger object and its bindings per person. */
  private readonly sessionLogger: Logger;

  constructor(
    private readonly storage: BotStorage,
    private readonly endpoint: ServiceEndpoints['ucwa'],
    private readonly logger: Logger,
    private readonly secrets: SecretBox,
    private readonly userMap: UcwaUserMap = UcwaUserMap.empty(),
    /** Who runs each person's event channel; only that instance writes their event position (fenced). */
    private readonly ownership: Ownership = new SoleOwnership(),
  ) {
    this.sessionLogger = logger.child({ component: 'ucwa' });
  }

  /**
   * Runs discovery and the password grant, checks that the account is the Teams user's own (else signs it out and
   * throws WrongAccountError, keeping nothing), creates the application and remembers the session. `signal` bounds
   * discovery, the grant and the application's creation.
   */
  async signIn(user: TeamsIdentityRef, credentials: PasswordCredentials, signal?: AbortSignal): Promise<UcwaSession> {
    // A failed sign-in must not cost the person the session they had, so the old one goes only after success.
    const previous = this.sessions.get(user.id);
    const session = await this.establish(user, credentials, { verify: true, signal });
    this.sessions.set(user.id, Promise.resolve(session));
    const old = await previous?.catch(() => undefined);
    if (old && old !== session) await this.retire(old, user.id);
    return session;
  }

  /** The person's live session, restored from storage when needed; undefined when they have not signed in. */
  async session(user: Pick<TeamsUser, 'id' | 'upn'>): Promise<UcwaSession | undefined> {
    const existing = this.sessions.get(user.id);
    if (existing) return existing;
    const restoring = this.restore(user).catch((error: unknown) => {
      this.sessions.delete(user.id);
      throw error;
    });
    this.sessions.set(user.id, restoring);
    const session = await restoring;
    if (!session) this.sessions.delete(user.id);
    return session;
  }

  async record(teamsUserId: string): Promise<UcwaAccountRecord | undefined> {
    return (await this.readAccount(teamsUserId))?.record;
  }

  /**
   * Saves what changed in a session (token refresh, application re-created, event-channel position). Called by the
   * person's event channel once its position moved (at once, or after a wait: see EventChannels); when nothing
   * changed nothing is written (a durable write is an fsync'd file replacement).
   */
  async save(teamsUserId: string): Promise<void> {
    const session = await this.sessions.get(teamsUserId);
    const stored = await this.readAccount(teamsUserId);
    if (!session || !stored) return;
    const known = this.signedInAt.get(teamsUserId);
    if (known !== undefined && stored.record.signedInAt !== known) {
      await this.replaced(teamsUserId, stored.record.signInAddress);
      return;
    }
    const state = session.state();
    // The stored record went through JSON, so JSON is how the two compare (key order is state()'s own, both times);
    // a record sealed with an older key is written again even when unchanged, so rotation completes.
    if (stored.current && JSON.stringify(stored.record.session) === JSON.stringify(state)) return;
    try {
      await this.writeAccount({ ...stored.record, session: state });
    } catch (error) {
      if (!(error instanceof StaleFenceError)) throw error;
      // Another instance runs this person's channel now; its position is the one that counts.
      this.logger.info({ teamsUserId }, 'not saving the session: another instance owns this event channel now');
    }
  }

  /**
   * Stamps the person's record with a new owner's fence as it takes their event channel over, before it acts on
   * it: from then on the previous owner's writes are refused (see fencedWrite).
   */
  async claim(teamsUserId: string, fence: Fence): Promise<void> {
    await fencedWrite<StoredAccount>(this.storage, accountKey(teamsUserId), (current) => current, fence);
  }

  /**
   * Forgets the live session without touching what is stored (its channel moved to another instance, or came back
   * here and must start from the stored position): the next use restores it from storage.
   */
  async drop(teamsUserId: string): Promise<void> {
    const pending = this.sessions.get(teamsUserId);
    this.sessions.delete(teamsUserId);
    this.signedInAt.delete(teamsUserId);
    (await pending?.catch(() => undefined))?.events.stop();
  }

  /** Drops the live session of someone who signed in again elsewhere and tells the listeners (the channel reopens). */
  private async replaced(teamsUserId: string, signInAddress: string): Promise<void> {
    const pending = this.sessions.get(teamsUserId);
    this.sessions.delete(teamsUserId);
    this.signedInAt.delete(teamsUserId);
    (await pending?.catch(() => undefined))?.events.stop();
    this.logger.info({ teamsUserId }, 'signed in again on another instance; taking up the new session');
    for (const listener of this.listeners) listener({ kind: 'replaced', teamsUserId, signInAddress });
  }

  /** The stored sign-in, opened; `current` is false when it was sealed with an older key (or not at all). */
  private async readAccount(teamsUserId: string): Promise<{ record: UcwaAccountRecord; current: boolean } | undefined> {
    const key = accountKey(teamsUserId);
    const stored = (await this.storage.read([key]))[key] as StoredAccount | undefined;
    if (!stored) return undefined;
    const { sealedSession, session: clearSession, eTag, ...rest } = stored;
    if (clearSession) return { record: { ...rest, session: clearSession, eTag }, current: false };
    const sealed = sealedValueSchema.safeParse(sealedSession);
    if (!sealed.success) {
      this.logger.warn({ teamsUserId }, 'a stored Skype for Business sign-in has no session; treating the person as signed out');
      return undefined;
    }
    try {
      const session = this.secrets.open(sealed.data, key) as UcwaSessionState;
      return { record: { ...rest, session, eTag }, current: this.secrets.isCurrent(sealed.data) };
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      this.logger.warn({ teamsUserId, reason: error.message }, 'a stored Skype for Business sign-in cannot be decrypted; the person must sign in again');
      return undefined;
    }
  }

  /**
   * Writes the sign-in with its session sealed under the current key. The instance that owns the person's event
   * channel writes with its fence, so it cannot overwrite a newer owner; any other instance (serving a command, the
   * sign-in page) writes without one and keeps the stored event position, which is the owner's to move, unless
   * `newSignIn` starts a new application whose channel starts from nothing.
   */
  private async writeAccount(record: UcwaAccountRecord, newSignIn = false): Promise<void> {
    const key = accountKey(record.teamsUserId);
    const { session, eTag: _eTag, ...rest } = record;
    const fence = this.ownership.fence(channelKey(record.teamsUserId));
    await fencedWrite<StoredAccount>(
      this.storage,
      key,
      (current) => {
        const stored = fence || newSignIn || !current ? undefined : this.storedSession(current, key);
        // The owner's position, as long as it belongs to this application's channel.
        const position = stored && stored.applicationUrl === session.applicationUrl ? stored.eventsPosition : session.eventsPosition;
        return { ...rest, sealedSession: this.secrets.seal({ ...session, eventsPosition: position }, key) };
      },
      fence,
    );
  }

  /** The session in a stored record, or undefined when it cannot be read. */
  private storedSession(stored: StoredAccount, key: string): UcwaSessionState | undefined {
    if (stored.session) return stored.session;
    const sealed = sealedValueSchema.safeParse(stored.sealedSession);
    if (!sealed.success) return undefined;
    try {
      return this.secrets.open(sealed.data, key) as UcwaSessionState;
    } catch {
      return undefined;
    }
  }

  /**
   * Stops everything that runs on the person's account (the sign-out hooks), then deletes the UCWA application and
   * the stored token, at once. Remembers that they chose to sign out, so the sandbox does not sign them in again
   * behind their back; only a sign-in through the page does.
   */
  async signOut(teamsUserId: string): Promise<SignOutResult> {
    const known = (await this.record(teamsUserId)) !== undefined;
    const session = await this.sessions.get(teamsUserId)?.catch(() => undefined);
    const stopped: StoppedWork[] = [];
    for (const hook of this.signOutHooks) {
      try {
        const work = await hook(teamsUserId, session);
        if (work && work.names.length > 0) stopped.push(work);
      } catch (error) {
        // What could not be stopped politely still stops: its records are gone with the application below.
        this.logger.warn({ err: error, teamsUserId }, 'could not stop some work at sign-out');
      }
    }
    await this.forget(teamsUserId, { deleteApplication: true });
    await this.storage.write({ [signedOutKey(teamsUserId)]: { at: new Date().toISOString(), eTag: '*' } });
    this.logger.info({ teamsUserId }, 'signed out of Skype for Business');
    return { known, stopped };
  }

  /** Registers work to stop when someone signs out; returns the way to unregister it. */
  onSignOut(hook: SignOutHook): () => void {
    this.signOutHooks.add(hook);
    return () => this.signOutHooks.delete(hook);
  }

  /** The token ran out: forget the session and tell whoever listens (the lobby alerts tell the person). */
  async expire(teamsUserId: string): Promise<void> {
    const record = await this.record(teamsUserId);
    await this.forget(teamsUserId, { deleteApplication: false });
    if (!record) return;
    this.logger.info({ teamsUserId }, 'Skype for Business sign-in expired');
    for (const listener of this.listeners) listener({ kind: 'expired', teamsUserId, signInAddress: record.signInAddress });
  }

  /**
   * The one way to hear that a sign-in ran out: true when `error` says so (token rejected, application gone), and
   * then the sign-in is expired as above. Every user of a session (commands, lobby, presence) goes through here.
   */
  async expireOnSignInFailure(teamsUserId: string, error: unknown): Promise<boolean> {
    if (!isSignInFailure(error)) return false;
    await this.expire(teamsUserId);
    return true;
  }

  onChange(listener: AccountListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    const sessions = await Promise.allSettled([...this.sessions.values()]);
    for (const result of sessions) if (result.status === 'fulfilled') result.value?.events.stop();
    this.sessions.clear();
  }

  private async restore(user: Pick<TeamsUser, 'id' | 'upn'>): Promise<UcwaSession | undefined> {
    const stored = await this.readAccount(user.id);
    if (!stored) return this.sandboxSignIn(user);
    const { record } = stored;
    try {
      const session = await UcwaSession.restore(record.session, this.sessionOptions());
      this.signedInAt.set(user.id, record.signedInAt);
      // Sealed with a previous key (or stored before encryption), or re-established elsewhere after a server move:
      // stored again now, so the next restart starts from here.
      const state = session.state();
      const moved = state.applicationUrl !== record.session.applicationUrl || state.discoveryUrl !== record.session.discoveryUrl;
      if (!stored.current || moved) await this.writeAccount({ ...record, session: state });
      return session;
    } catch (error) {
      if (isSignInFailure(error)) {
        await this.expire(user.id);
        return undefined;
      }
      throw error;
    }
  }

  /** In sandbox mode a Teams user whose address the simulator knows is signed in without asking. */
  private async sandboxSignIn(user: Pick<TeamsUser, 'id' | 'upn'>): Promise<UcwaSession | undefined> {
    const credentials = user.upn ? this.endpoint.sandboxCredentials?.(user.upn) : undefined;
    if (!credentials) return undefined;
    const signedOut = await this.storage.read([signedOutKey(user.id)]);
    if (signedOut[signedOutKey(user.id)]) return undefined;
    this.logger.info({ teamsUserId: user.id, signInAddress: credentials.username }, 'sandbox: signing in to the UCWA simulator automatically');
    // No identity check: the simulator's account is the one named by the user's own UPN.
    return this.establish({ id: user.id }, credentials, { verify: false });
  }

  /** Refuses someone else's account before anything is stored; the application it made is deleted again. */
  private async verifyIdentity(user: TeamsIdentityRef, session: UcwaSession): Promise<void> {
    const me = session.applicationView().me;
    const verdict = checkUcwaIdentity(user, { uri: me?.uri, emailAddresses: me?.emailAddresses ?? [] }, this.userMap);
    if (verdict.ok) return;
    await this.retire(session, user.id);
    this.logger.warn({ teamsUserId: user.id, reason: verdict.reason, signedInAs: verdict.reason === 'mismatch' ? verdict.signedInAs : undefined }, 'refused a Skype for Business sign-in with an account that is not the Teams user\'s');
    throw new WrongAccountError(verdict);
  }

  /** Signs in and stores the session; the caller decides what happens to an earlier one. */
  private async establish(user: TeamsIdentityRef, credentials: PasswordCredentials, options: { verify: boolean; signal?: AbortSignal }): Promise<UcwaSession> {
    const signedIn = await UcwaSession.signIn(credentials, this.sessionOptions(), options.signal);
    if (options.verify) await this.verifyIdentity(user, signedIn);
    // A signed-in session keeps the password to renew its token silently. Carry on from its state instead: the
    // password is forgotten now, and an expired token reaches the person, who is asked to sign in again.
    const session = await UcwaSession.restore(signedIn.state(), this.sessionOptions());
    const record: UcwaAccountRecord = {
      teamsUserId: user.id,
      teamsUserName: user.name,
      signInAddress: credentials.username,
      session: session.state(),
      signedInAt: new Date().toISOString(),
    };
    await this.writeAccount(record, true);
    this.signedInAt.set(user.id, record.signedInAt);
    await this.storage.delete([signedOutKey(user.id)]);
    this.logger.info({ teamsUserId: user.id, signInAddress: credentials.username }, 'signed in to Skype for Business');
    return session;
  }

  private async forget(teamsUserId: string, options: { deleteApplication: boolean }): Promise<void> {
    const pending = this.sessions.get(teamsUserId);
    this.sessions.delete(teamsUserId);
    this.signedInAt.delete(teamsUserId);
    const session = await pending?.catch(() => undefined);
    if (session && options.deleteApplication) await this.retire(session, teamsUserId);
    else session?.events.stop();
    await this.storage.delete([accountKey(teamsUserId)]);
  }

  private async retire(session: UcwaSession, teamsUserId: string): Promise<void> {
    session.events.stop();
    await session.signOut().catch((error: unknown) => this.logger.warn({ err: error, teamsUserId }, 'could not delete the UCWA application'));
  }

  private sessionOptions(): UcwaSessionOptions {
    return {
      discoveryUrl: this.endpoint.discoveryUrl,
      format: this.endpoint.format,
      userAgent: this.endpoint.userAgent,
      logger: this.sessionLogger,
    };
  }
}

/** The person's sign-in ran out (token rejected, or the application is gone): only a new sign-in helps. */
export function isSignInFailure(error: unknown): boolean {
  return error instanceof UcwaError && (error.status === 401 || error.code === 'NotSignedIn');
}

function accountKey(teamsUserId: string): string {
  return `${accountPrefix}${teamsUserId}`;
}

function signedOutKey(teamsUserId: string): string {
  return `${signedOutPrefix}${teamsUserId}`;
}

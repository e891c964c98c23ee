import type { ServiceEndpoints } from '../capabilities/index.js';
import type { Logger } from '../logging.js';
import type { FileStorage } from '../storage/index.js';
import type { TeamsUser } from '../teams/identity.js';
import { UcwaError, UcwaSession, type PasswordCredentials, type UcwaSessionOptions, type UcwaSessionState } from '../ucwa/index.js';
import { checkUcwaIdentity, UcwaUserMap, WrongAccountError, type TeamsIdentityRef } from './ucwaIdentity.js';

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

export type AccountListener = (event: { kind: 'expired'; teamsUserId: string; signInAddress: string }) => void;

const accountPrefix = 'ucwa/account/';

/**
 * Links Teams users to their Skype for Business accounts. One live UcwaSession per person, restored from storage
 * after a restart without the password; the password itself is used once, at sign-in, and forgotten.
 */
export class UcwaAccounts {
  private readonly sessions = new Map<string, Promise<UcwaSession | undefined>>();
  private readonly listeners = new Set<AccountListener>();

  constructor(
    private readonly storage: FileStorage,
    private readonly endpoint: ServiceEndpoints['ucwa'],
    private readonly logger: Logger,
    private readonly userMap: UcwaUserMap = UcwaUserMap.empty(),
  ) {}

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
    const items = await this.storage.read([accountKey(teamsUserId)]);
    return items[accountKey(teamsUserId)] as UcwaAccountRecord | undefined;
  }

  /** Saves what changed in a session (token refresh, application re-created, event-channel position). */
  async save(teamsUserId: string): Promise<void> {
    const session = await this.sessions.get(teamsUserId);
    const record = await this.record(teamsUserId);
    if (!session || !record) return;
    await this.storage.write({ [accountKey(teamsUserId)]: { ...record, session: session.state(), eTag: '*' } });
  }

  /** Deletes the UCWA application and the stored token. Returns false when the person was not signed in. */
  async signOut(teamsUserId: string): Promise<boolean> {
    const known = (await this.record(teamsUserId)) !== undefined;
    await this.forget(teamsUserId, { deleteApplication: true });
    return known;
  }

  /** The token ran out: forget the session and tell whoever listens (the lobby alerts tell the person). */
  async expire(teamsUserId: string): Promise<void> {
    const record = await this.record(teamsUserId);
    await this.forget(teamsUserId, { deleteApplication: false });
    if (!record) return;
    this.logger.info({ teamsUserId }, 'Skype for Business sign-in expired');
    for (const listener of this.listeners) listener({ kind: 'expired', teamsUserId, signInAddress: record.signInAddress });
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
    const record = await this.record(user.id);
    if (!record) return this.sandboxSignIn(user);
    try {
      return await UcwaSession.restore(record.session, this.sessionOptions());
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
    await this.storage.write({ [accountKey(user.id)]: { ...record, eTag: '*' } });
    this.logger.info({ teamsUserId: user.id, signInAddress: credentials.username }, 'signed in to Skype for Business');
    return session;
  }

  private async forget(teamsUserId: string, options: { deleteApplication: boolean }): Promise<void> {
    const pending = this.sessions.get(teamsUserId);
    this.sessions.delete(teamsUserId);
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
      logger: this.logger.child({ component: 'ucwa' }),
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

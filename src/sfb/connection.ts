import type { Logger } from '../logging.js';
import { channelKey, userOfChannelKey, type Ownership } from '../ownership/index.js';
import { StaleFenceError, type Fence } from '../storage/fence.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { CommandOptions } from '../teams/capability.js';
import type { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { TeamsUser } from '../teams/identity.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import type { UcwaSession } from '../ucwa/index.js';
import type { SignOutResult, UcwaAccounts } from './accounts.js';
import { EventChannels, type ChannelControl, type ChannelTap } from './channels.js';
import { SignIns, type SignInLink, type SignInOutcome, type SignInUser } from './signIn.js';
import type { SignInRecords } from './signInRecords.js';

export type { ChannelControl, ChannelTap, SignInLink, SignInOutcome };

/** Who a Skype for Business connection belongs to: the Teams user (their UPN lets the sandbox sign them in). */
export type SfbUser = Pick<TeamsUser, 'id' | 'upn' | 'name'>;

export interface SfbConnectionsDeps {
  accounts: UcwaAccounts;
  signInRecords: SignInRecords;
  references: ConversationReferenceStore;
  proactive: ProactiveMessenger;
  logger: Logger;
  /** Takes `account:<user>` (the account record's writes). */
  locks: KeyedSerializer;
  /** Which people's channels run on this instance: all with the file store, a share with STORAGE=blob. */
  ownership: Ownership;
}

/** What else moves with a person's channel: the alert outbox reads their stored alerts, or finishes its sends. */
export interface OwnershipHooks {
  takenOver(userId: string): Promise<void>;
  handedOver(userId: string): Promise<void>;
}

export interface SfbConnectionsOptions {
  /** One-time sign-in links live this long (default 10 minutes). */
  signInTtlMs?: number;
  /** Wait before reopening an event channel that failed for a reason other than sign-in (default 30 s). */
  reopenDelayMs?: number;
  /**
   * How long a moved event position may wait to be saved (see EventChannels): default 30 s with the file store's
   * sole owner, 0 (each move saved) when instances share the channels.
   */
  positionSaveMs?: number;
}

/**
 * Long enough that a busy organizer's stream of arrivals, presses and departures costs one account write, not one
 * per event (each Admit's departure was the press's third durable write); short enough that a crash sends few
 * channels through a resync.
 */
const soleOwnerPositionSaveMs = 30_000;

/**
 * Rebuilds what a listener keeps on a person's session once it is (again) theirs: after a sign-in (`user` is who
 * signed in, so a note may go to them) or after their failed channel was reopened (`user` undefined).
 */
export type ConnectedHook = (userId: string, session: UcwaSession, user?: SfbUser) => Promise<void>;

/**
 * Each person's Skype for Business connection, in one home: the sign-in (page, offer, one-time links), the
 * account record and its session (restored after a restart, forgotten when it runs out), and the ONE event
 * channel per person. Lobby alerts and presence listen to it as equals: each taps the channel (`tapEvents`),
 * hears sign-in and reopening (`onConnected`), expiry and sign-out (through the accounts).
 */
export class SfbConnections {
  readonly accounts: UcwaAccounts;
  private readonly channels: EventChannels;
  private readonly signIns: SignIns;
  private readonly connectedHooks = new Set<ConnectedHook>();
  private readonly ownershipHooks = new Set<OwnershipHooks>();
  private readonly detach: Array<() => void>;

  constructor(
    private readonly deps: SfbConnectionsDeps,
    options: SfbConnectionsOptions = {},
  ) {
    this.accounts = deps.accounts;
    this.channels = new EventChannels(
      deps,
      (userId) => (this.sharesChannels ? this.resumeOwned(userId) : this.reconnect(userId)),
      options.reopenDelayMs ?? 30_000,
      options.positionSaveMs ?? (deps.ownership.mode === 'shared' ? 0 : soleOwnerPositionSaveMs),
    );
    this.signIns = new SignIns(
      { accounts: deps.accounts, records: deps.signInRecords, logger: deps.logger, tell: (userId, message) => this.tell(userId, message) },
      (user) => this.connected(user),
      options.signInTtlMs ?? 10 * 60_000,
    );
    this.detach = [
      deps.accounts.onChange((event) => {
        if (event.kind === 'expired') this.channels.close(event.teamsUserId);
        // Signed in again on another instance: the new application's channel is the one to run.
        if (event.kind === 'replaced' && this.owns(event.teamsUserId)) void this.reconnect(event.teamsUserId).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not take up a new sign-in'));
      }),
      // The channel closes first; every other listener's sign-out hook then stops its own work.
      deps.accounts.onSignOut(async (userId) => {
        this.channels.close(userId);
        return undefined;
      }),
    ];
  }

  /** Closes the channels and saves the positions still unsaved: before the accounts and the store close. */
  async stop(): Promise<void> {
    for (const detach of this.detach) detach();
    await this.channels.stop();
  }

  /** True when several instances share the people's channels (STORAGE=blob): each runs those it owns. */
  get sharesChannels(): boolean {
    return this.deps.ownership.mode === 'shared';
  }

  /**
   * With shared channels, follows this instance's share: a channel taken over resumes here from its stored
   * position, one handed over closes without writing. Called once, by the composition root, after the listeners.
   */
  followOwnership(): void {
    const { ownership } = this.deps;
    if (ownership.mode !== 'shared') return;
    this.detach.push(
      ownership.onAcquired((key, fence) => {
        const userId = userOfChannelKey(key);
        return userId === undefined ? undefined : this.takeOver(userId, fence);
      }),
      ownership.onLost((key) => {
        const userId = userOfChannelKey(key);
        return userId === undefined ? undefined : this.handOver(userId);
      }),
    );
  }

  /** Hears each channel moving here or away (see OwnershipHooks). */
  onOwnershipChange(hooks: OwnershipHooks): () => void {
    this.ownershipHooks.add(hooks);
    return () => this.ownershipHooks.delete(hooks);
  }

  private owns(userId: string): boolean {
    return this.deps.ownership.owns(channelKey(userId));
  }

  /**
   * This instance now owns the person's channel: it stamps their record with its fence (the previous owner's writes
   * are refused from here on), lets the alert core read what the previous owner stored, and resumes from the stored
   * position with a session restored afresh (one kept from an earlier ownership has an old position).
   */
  private async takeOver(userId: string, fence: Fence): Promise<void> {
    if (!this.owns(userId)) return;
    try {
      await this.deps.accounts.claim(userId, fence);
    } catch (error) {
      if (error instanceof StaleFenceError) return; // a newer owner stamped it already: it is not ours after all
      // Storage slow: resume all the same (an arrival must not wait for the stamp); the first fenced save stamps it.
      this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not stamp a channel taken over; resuming it anyway');
    }
    // A replayed arrival maps to the same alert id and is merged on write, so the channel need not wait for this.
    for (const hooks of this.ownershipHooks) void hooks.takenOver(userId).catch((error: unknown) => this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not read the alerts of a channel taken over'));
    await this.deps.accounts.drop(userId);
    await this.resumeOwned(userId);
  }

  /**
   * Runs an owned channel, and keeps trying while it cannot: a restore that failed on a storage or pool timeout
   * would otherwise leave the channel closed on its owner — no other instance takes it — until the next rebalance,
   * and every arrival meanwhile would go unseen.
   */
  private async resumeOwned(userId: string): Promise<void> {
    try {
      await this.reconnect(userId);
    } catch (error) {
      this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not resume a channel this instance owns; trying again later');
    }
    if (!this.owns(userId) || this.channels.running(userId)) return;
    // Signed out meanwhile: nothing to run. Storage not answering: assume there is, and try again.
    const signedIn = await this.deps.accounts.record(userId).then(Boolean, () => true);
    if (signedIn) this.channels.reopenLater(userId);
  }

  /** The channel goes to another instance: it closes here without writing anything (the new owner resumes it). */
  private async handOver(userId: string): Promise<void> {
    this.channels.close(userId);
    for (const hooks of this.ownershipHooks) await hooks.handedOver(userId).catch((error: unknown) => this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not hand over card sends'));
    await this.deps.accounts.drop(userId);
  }

  // ------------------------------------------------------------------------------------------ the session

  /** The person's live session, or undefined when they are not (or no longer) signed in, or it cannot be restored now. */
  async session(user: SfbUser): Promise<UcwaSession | undefined> {
    try {
      return await this.deps.accounts.session(user);
    } catch (error) {
      this.deps.logger.warn({ err: error, teamsUserId: user.id }, 'could not restore a Skype for Business session');
      return undefined;
    }
  }

  /** True when the error means the person's sign-in ran out; then the sign-in is forgotten and every listener hears it. */
  expireOnSignInFailure(userId: string, error: unknown): Promise<boolean> {
    return this.deps.accounts.expireOnSignInFailure(userId, error);
  }

  /**
   * Restores the session of someone with a stored sign-in (never a first, automatic one) and makes sure their
   * channel runs: what a listener does for the people it serves when the bot starts.
   */
  async connect(user: SfbUser): Promise<UcwaSession | undefined> {
    if (!(await this.deps.accounts.record(user.id))) return undefined;
    const session = await this.session(user);
    if (session) this.channels.open(user.id, session);
    return session;
  }

  /** A short note in the person's personal chat; best effort (ProactiveMessenger already retries). */
  async tell(userId: string, message: string): Promise<void> {
    const stored = await this.deps.references.personalChatOf({ id: userId });
    if (!stored) {
      this.deps.logger.warn({ teamsUserId: userId }, 'no personal chat to tell the person');
      return;
    }
    await this.deps.proactive
      .send(stored.reference, { type: 'message', text: message })
      .catch((error: unknown) => this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not send a note'));
  }

  // ------------------------------------------------------------------------------------------ the channel

  /** Listens on every person's channel, now and on channels opened later (see EventChannels.tap). */
  tapEvents(tap: ChannelTap): () => void {
    return this.channels.tap(tap);
  }

  /** Opens the person's event channel unless it already runs; false when they are not signed in. */
  async openChannel(user: SfbUser): Promise<boolean> {
    const session = await this.session(user);
    if (!session) return false;
    this.channels.open(user.id, session);
    return true;
  }

  /** Runs the person's channel on this session (the one just used to join or subscribe). */
  open(userId: string, session: UcwaSession): void {
    this.channels.open(userId, session);
  }

  close(userId: string): void {
    this.channels.close(userId);
  }

  /** Hears each (re)connection: a sign-in, or a failed channel reopened. */
  onConnected(hook: ConnectedHook): () => void {
    this.connectedHooks.add(hook);
    return () => this.connectedHooks.delete(hook);
  }

  /** A channel failed for a reason other than sign-in: restore the session, reopen, let the listeners rebuild. */
  private async reconnect(userId: string): Promise<void> {
    const session = await this.connect({ id: userId });
    if (session) await this.runConnected(userId, session);
  }

  /** Just signed in: the channel opens on the new session and the listeners bring back what they watch. */
  private async connected(user: SfbUser): Promise<void> {
    const session = await this.session(user);
    if (!session) return;
    this.channels.open(user.id, session);
    await this.runConnected(user.id, session, user);
  }

  private async runConnected(userId: string, session: UcwaSession, user?: SfbUser): Promise<void> {
    for (const hook of this.connectedHooks) {
      await hook(userId, session, user).catch((error: unknown) => this.deps.logger.error({ err: error, teamsUserId: userId }, 'could not resume work on a Skype for Business connection'));
    }
  }

  // ------------------------------------------------------------------------------------------ sign-in and out

  createSignIn(user: SignInUser, held?: CommandOptions): Promise<string> {
    return this.signIns.create(user, held);
  }

  onHeldCommandReady(run: (options: CommandOptions) => Promise<void>): void {
    this.signIns.onHeldCommandReady(run);
  }

  /** Whose live sign-in link this is and in which language, or undefined when it is unknown, used or expired. */
  signInLink(state: string): Promise<SignInLink | undefined> {
    return this.signIns.link(state);
  }

  completeSignIn(state: string, username: string, password: string): Promise<SignInOutcome> {
    return this.signIns.complete(state, username, password);
  }

  /** Stops everything on the person's account (alerts, presence watches), deletes the UCWA application and token. */
  signOut(user: SfbUser): Promise<SignOutResult> {
    return this.deps.accounts.signOut(user.id);
  }
}

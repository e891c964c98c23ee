import pLimit from 'p-limit';
import type { SignOutResult, StoppedWork } from '../../../accounts/ucwaAccounts.js';
import type { CommandOptions } from '../../../teams/capability.js';
import type { StoredReference } from '../../../teams/conversationReferences.js';
import type { TeamsUser } from '../../../teams/identity.js';
import { channelKey, userOfChannelKey } from '../../../ownership/index.js';
import { StaleFenceError, type Fence } from '../../../storage/fence.js';
import type { UcwaSession } from '../../../ucwa/index.js';
import { EventChannels, type ChannelTap } from '../../channels.js';
import { organizerSession, tellOrganizer, type AlertsContext, type Organizer, type OrganizerContext } from '../../context.js';
import { SignIns, type SignInLink, type SignInOutcome } from '../../signIn.js';
import { sessionNotes } from '../../texts.js';
import { UcwaLobbySource } from './lobby.js';
import type { WatchedMeeting } from './records.js';
import { Watches, type WatchResult } from './watches.js';

export type { ChannelTap, WatchResult };

export interface UcwaLobbyOptions {
  /** One-time sign-in links live this long (default 10 minutes). */
  signInTtlMs?: number;
  /** Wait before reopening an event channel that failed for a reason other than sign-in (default 30 s). */
  reopenDelayMs?: number;
}

/**
 * The Skype for Business side of lobby alerts: keeps each signed-in organizer's UCWA application joined to the
 * meetings they watch, listens to one event channel per organizer, and hands lobby changes to its waiting-room
 * source (`source`), which the alert core listens to. Also owns what spans those parts: start and stop, resuming an
 * organizer's watches, sign-in and its running out.
 */
export class UcwaLobby {
  readonly source: UcwaLobbySource;
  private readonly channels: EventChannels;
  private readonly watches: Watches;
  private readonly signIns: SignIns;
  private detachAccounts?: () => void;
  private detachSignOut?: () => void;
  private detachOwnership: Array<() => void> = [];
  private onTakeOver?: (userId: string) => Promise<void>;
  private onHandOver?: (userId: string) => Promise<void>;

  constructor(
    private readonly context: AlertsContext,
    options: UcwaLobbyOptions = {},
  ) {
    // The channels call back into parts built after them; the callbacks run only once a channel is open.
    this.channels = new EventChannels(
      context,
      {
        lobbyChanged: (userId, session, change) => this.source.lobbyChanged(userId, session, change),
        reset: (userId, session) => this.watches.rejoinAll(userId, session),
        reopen: (userId) => this.resume(userId),
      },
      options.reopenDelayMs ?? 30_000,
    );
    this.watches = new Watches(context, this.channels);
    this.source = new UcwaLobbySource(context, this.watches);
    this.signIns = new SignIns(context, (userId, hint) => this.resume(userId, hint), options.signInTtlMs ?? 10 * 60_000);
  }

  /**
   * Resumes every watching organizer's channel in the background. With several instances (STORAGE=blob) it runs
   * only the channels this instance owns, as it comes to own them (`onAcquired`), and closes those it loses.
   */
  async start(): Promise<void> {
    this.detachAccounts = this.context.accounts.onChange((event) => {
      if (event.kind === 'expired') void this.onExpired(event.teamsUserId);
      if (event.kind === 'replaced') void this.resume(event.teamsUserId).catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not take up a new sign-in'));
    });
    this.detachSignOut = this.context.accounts.onSignOut((userId) => this.stopWatching(userId));
    const ownership = this.context.ownership;
    if (ownership.mode === 'shared') {
      this.detachOwnership = [
        ownership.onAcquired((key, fence) => {
          const userId = userOfChannelKey(key);
          return userId === undefined ? undefined : this.takeOver(userId, fence);
        }),
        ownership.onLost((key) => {
          const userId = userOfChannelKey(key);
          return userId === undefined ? undefined : this.handOver(userId);
        }),
      ];
      return;
    }
    const limit = pLimit(8);
    const watchers = await this.context.watchRecords.watchers();
    // Restores run in the background so a slow UCWA pool cannot hold up the bot's start.
    void Promise.all(watchers.map((id) => limit(() => this.resume(id)))).then(() => this.context.logger.info({ watchers: watchers.length }, 'lobby watches resumed'));
  }

  stop(): void {
    this.detachOwnership.forEach((detach) => detach());
    this.detachAccounts?.();
    this.detachSignOut?.();
    this.channels.stop();
  }

  /** Restores an organizer's session, reopens their event channel and re-joins their watched meetings. */
  async resume(userId: string, hint?: Organizer): Promise<void> {
    const record = await this.context.watchRecords.watch(userId);
    if (!(await this.context.accounts.record(userId))) return;
    const session = await this.session({ id: userId, upn: record?.upn ?? hint?.upn, name: record?.name ?? hint?.name });
    if (!session) return;
    const runsHere = this.channels.open(userId, session);
    if (!record || record.meetings.length === 0) return;
    // Another instance runs the channel: after a new sign-in here the meetings are joined again with the new
    // application all the same (its owner takes the new session up at its next save); otherwise it is the owner's.
    if (runsHere || hint) await this.watches.rejoinAll(userId, session);
    const subjects = record.meetings.map((meeting) => meeting.subject);
    if (hint) await tellOrganizer(this.context, userId, sessionNotes[record.language].resumed(subjects));
  }

  /**
   * This instance now owns the organizer's channel: it stamps their record with its fence (the previous owner's
   * writes are refused from here on), reads the alerts the previous owner stored (so a replayed event is not a new
   * alert), and resumes from the stored position with a session restored afresh (one kept from an earlier
   * ownership has an old position).
   */
  private async takeOver(userId: string, fence: Fence): Promise<void> {
    if (!this.context.ownership.owns(channelKey(userId))) return;
    try {
      await this.context.accounts.claim(userId, fence);
    } catch (error) {
      if (error instanceof StaleFenceError) return; // a newer owner stamped it already: it is not ours after all
      // Storage slow: resume all the same (an arrival must not wait for the stamp); the first fenced save stamps it.
      this.context.logger.warn({ err: error, teamsUserId: userId }, 'could not stamp a channel taken over; resuming it anyway');
    }
    // The outbox reads what the previous owner stored in the background: a replayed arrival maps to the same alert
    // id and its stored copy (sent or not) is merged on write, so the channel need not wait for that read.
    void this.onTakeOver?.(userId);
    await this.context.accounts.drop(userId);
    await this.resume(userId);
  }

  /** The channel goes to another instance: it closes here without writing anything (the new owner resumes it). */
  private async handOver(userId: string): Promise<void> {
    this.channels.close(userId);
    await this.onHandOver?.(userId);
    await this.context.accounts.drop(userId);
  }

  /** What the alert core does as a channel moves here or away (read its stored alerts; finish its card sends). */
  onOwnershipChange(takeOver: (userId: string) => Promise<void>, handOver: (userId: string) => Promise<void>): void {
    this.onTakeOver = takeOver;
    this.onHandOver = handOver;
  }

  session(user: Organizer): Promise<UcwaSession | undefined> {
    return organizerSession(this.context, user);
  }

  // ------------------------------------------------------------------------------------------ the channel, shared

  /** Another capability hears each organizer's events on the channel the alerts run (see EventChannels.tap). */
  tapEvents(tap: ChannelTap): () => void {
    return this.channels.tap(tap);
  }

  /**
   * Opens the person's event channel unless it already runs; false when they are not signed in. True as well when
   * another instance owns it: it runs there (or will, at that instance's next look).
   */
  async openChannel(user: Organizer): Promise<boolean> {
    if (!this.context.ownership.owns(channelKey(user.id))) {
      this.context.ownership.rebalanceSoon();
      return (await this.context.accounts.record(user.id)) !== undefined;
    }
    const session = await this.session(user);
    if (!session) return false;
    this.channels.open(user.id, session);
    return true;
  }

  // ------------------------------------------------------------------------------------------ sign-in

  createSignIn(user: OrganizerContext & Pick<TeamsUser, 'email' | 'aadObjectId'>, held?: CommandOptions): Promise<string> {
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
  signOut(user: Organizer): Promise<SignOutResult> {
    return this.context.accounts.signOut(user.id);
  }

  /** At sign-out: the event channel closes now and the watch list is forgotten (nothing to resume after a restart). */
  private async stopWatching(userId: string): Promise<StoppedWork> {
    this.channels.close(userId);
    const meetings = await this.watches.watched({ id: userId });
    await this.watches.forget(userId);
    return { kind: 'lobby', names: meetings.map((meeting) => meeting.subject) };
  }

  private async onExpired(userId: string): Promise<void> {
    this.channels.close(userId);
    const record = await this.context.watchRecords.watch(userId);
    await tellOrganizer(this.context, userId, sessionNotes[record?.language ?? 'en'].paused);
  }

  // ------------------------------------------------------------------------------------------ watching

  watch(user: OrganizerContext, target: { meeting?: string; all?: boolean; uri?: string; led?: boolean }): Promise<WatchResult> {
    return this.watches.watch(user, target);
  }

  unwatch(user: Organizer, target: { meeting?: string; all?: boolean }): Promise<WatchedMeeting[]> {
    return this.watches.unwatch(user, target);
  }

  watched(user: Organizer): Promise<WatchedMeeting[]> {
    return this.watches.watched(user);
  }

  routeHere(user: OrganizerContext, meeting: string, conversationId: string): Promise<WatchResult> {
    return this.watches.routeHere(user, meeting, conversationId);
  }

  /** What the bot knows of a conversation alerts may go to (its kind, channel and team names), to name it. */
  conversation(conversationId: string): Promise<StoredReference | undefined> {
    return this.context.references.forConversation(conversationId);
  }
}

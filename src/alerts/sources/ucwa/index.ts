import pLimit from 'p-limit';
import type { StoppedWork } from '../../../sfb/accounts.js';
import type { StoredReference } from '../../../teams/conversationReferences.js';
import type { ConversationReferenceStore } from '../../../teams/conversationReferences.js';
import type { ChannelControl } from '../../../sfb/connection.js';
import { lobbyChangeOf, type DispatchedEvent, type ResetReason, type UcwaSession } from '../../../ucwa/index.js';
import { retryStorage } from '../../../storage/retry.js';
import type { Organizer, OrganizerContext } from '../../people.js';
import { lobbyNotes } from '../../texts.js';
import type { UcwaLobbyContext } from './context.js';
import { UcwaLobbySource } from './lobby.js';
import type { WatchedMeeting } from './records.js';
import { Watches, type Rejoined, type WatchResult } from './watches.js';

export type { UcwaLobbyContext, WatchResult };

/** How many times a re-join is tried in all before the next reset or reconnection tries again. */
const rejoinTries = 6;

/**
 * The Skype for Business lobby: keeps each organizer's UCWA application joined to the meetings they watch
 * ("watch my meeting …"), and turns the lobby events of their event channel into its waiting-room source's events
 * (`source`, which the alert core listens to). It listens to the person's Skype for Business connection
 * (src/sfb/) like presence does: a tap on the channel, a hook on (re)connection, expiry and sign-out.
 */
export class UcwaLobby {
  readonly source: UcwaLobbySource;
  private readonly watches: Watches;
  private readonly detach: Array<() => void> = [];
  private readonly rejoinTimers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly context: UcwaLobbyContext,
    private readonly references: Pick<ConversationReferenceStore, 'forConversation'>,
  ) {
    this.watches = new Watches(context);
    this.source = new UcwaLobbySource(context, this.watches);
  }

  /** Listens on the connections, then resumes every watching organizer's channel in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    const { sfb, logger } = this.context;
    this.detach.push(
      sfb.tapEvents({
        event: (userId, session, event, channel) => this.onEvent(userId, session, event, channel),
        reset: (userId, session, reason) => this.onReset(userId, session, reason),
      }),
      sfb.onConnected((userId, session, user) => this.rejoin(userId, session, user)),
      sfb.accounts.onChange((event) => {
        if (event.kind === 'expired') void this.onExpired(event.teamsUserId);
      }),
      sfb.accounts.onSignOut((userId) => this.stopWatching(userId)),
    );
    // With several instances each channel is resumed by its owner as it takes it (SfbConnections' take-over).
    if (sfb.sharesChannels) return;
    const limit = pLimit(8);
    const watchers = await this.context.watchRecords.watchers();
    // Restores run in the background so a slow UCWA pool cannot hold up the bot's start.
    void Promise.all(watchers.map((id) => limit(() => this.resume(id)))).then(() => logger.info({ watchers: watchers.length }, 'lobby watches resumed'));
  }

  stop(): void {
    this.stopped = true;
    for (const detach of this.detach.splice(0)) detach();
    for (const timer of this.rejoinTimers) clearTimeout(timer);
    this.rejoinTimers.clear();
  }

  /** One event of an organizer's channel: a lobby change becomes a source event. */
  private async onEvent(userId: string, session: UcwaSession, event: DispatchedEvent, channel: ChannelControl): Promise<void> {
    const pending = lobbyChangeOf(event);
    if (!pending) return;
    const change = await pending;
    try {
      // Retried: a timed-out write would otherwise lose the arrival until the channel restarts from its held position.
      // Safe: a replayed arrival maps to the same alert and is merged on write.
      await retryStorage(() => this.source.lobbyChanged(userId, session, change));
    } catch (error) {
      // An arrival not stored as an alert: the channel's saved position stays before it.
      if (change.type === 'added') channel.holdPosition();
      throw error;
    }
  }

  /** A reset (resume, resync, new application) lost the joined meetings: they are joined again. */
  private onReset(userId: string, session: UcwaSession, reason: ResetReason): void {
    this.context.logger.info({ teamsUserId: userId, reason }, 'event channel reset; re-joining watched meetings');
    // Join again off the channel's path, so the channel keeps reading events meanwhile.
    setImmediate(() => void this.rejoinPatiently(userId, session));
  }

  /** Restores an organizer's session (their channel opens with it) and re-joins their watched meetings. */
  private async resume(userId: string): Promise<void> {
    const record = await this.context.watchRecords.watch(userId);
    const session = await this.context.sfb.connect({ id: userId, upn: record?.upn, name: record?.name });
    if (session) await this.rejoin(userId, session);
  }

  /** Re-joins the watched meetings on a (re)connected session; after a sign-in (`user`), tells the person. */
  private async rejoin(userId: string, session: UcwaSession, user?: Organizer): Promise<void> {
    const record = await retryStorage(() => this.context.watchRecords.watch(userId));
    if (!record || record.meetings.length === 0) return;
    // Runs after a sign-in (on whichever instance took it: the new application must join, and the channel's owner
    // takes the new session up) or on the channel's owner as it (re)connects.
    await this.rejoinPatiently(userId, session);
    const subjects = record.meetings.map((meeting) => meeting.subject);
    if (user) await this.context.sfb.tell(userId, lobbyNotes[record.language].resumed(subjects));
  }

  /**
   * Re-joins the watched meetings, and tries again later (5 s, doubling to a minute, six tries) while the session's
   * channel still runs here, when some could not be joined or the watch list could not be read: an unjoined meeting
   * hears no arrivals, so giving up after one try on a busy pool or store lost them silently.
   */
  private async rejoinPatiently(userId: string, session: UcwaSession, attempt = 1): Promise<void> {
    const { joinedAll, joined, record } = await this.watches.rejoinAll(userId, session).catch((error: unknown): Rejoined => {
      this.context.logger.warn({ err: error, teamsUserId: userId, attempt }, 'could not re-join the watched meetings');
      return { joinedAll: false, joined: [] };
    });
    if (record && joined.length > 0) {
      await this.source.reconcile(session, record, joined).catch((error: unknown) => this.context.logger.warn({ err: error, teamsUserId: userId }, 'could not reconcile the lobbies after re-joining'));
    }
    if (joinedAll || attempt >= rejoinTries || this.stopped) return;
    const timer = setTimeout(() => {
      this.rejoinTimers.delete(timer);
      if (session.events.running && !this.stopped) void this.rejoinPatiently(userId, session, attempt + 1);
    }, Math.min(60_000, 5_000 * 2 ** (attempt - 1)));
    timer.unref();
    this.rejoinTimers.add(timer);
  }

  /** At sign-out: the watch list is forgotten (nothing to resume after a restart). */
  private async stopWatching(userId: string): Promise<StoppedWork> {
    const meetings = await this.watches.watched({ id: userId });
    await this.watches.forget(userId);
    return { kind: 'lobby', names: meetings.map((meeting) => meeting.subject) };
  }

  private async onExpired(userId: string): Promise<void> {
    const record = await this.context.watchRecords.watch(userId);
    await this.context.sfb.tell(userId, lobbyNotes[record?.language ?? 'en'].paused);
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
    return this.references.forConversation(conversationId);
  }
}

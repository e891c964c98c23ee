import { chairPasswordOf, HuaweiError, WaitingRoomFeed, type HuaweiIdentityResolver, type HuaweiMeetingClient, type WaitingPerson, type WaitingRoomFeedOptions } from '../../../huawei/index.js';
import type { Logger } from '../../../logging.js';
import type { KeyedSerializer } from '../../../storage/keyedSerializer.js';
import { matchMeetings } from '../../meetings.js';
import type { Organizer, OrganizerContext } from '../../people.js';
import type {
  ActOutcome,
  ActRefusal,
  SourceMeeting,
  Visitor,
  WaitingRoomEvent,
  WaitingRoomHands,
  WaitingRoomListener,
  WaitingRoomSource,
} from '../../source.js';
import type { HuaweiWatchedMeeting, HuaweiWatchRecord, HuaweiWatchRecords } from './records.js';

export type { HuaweiWatchedMeeting };

export interface HuaweiWaitingRoomsContext {
  client: HuaweiMeetingClient;
  identities: HuaweiIdentityResolver;
  records: HuaweiWatchRecords;
  logger: Logger;
  /** Keyed `huawei-watch:<user>`: a watch list is read, changed and written back whole. */
  locks: KeyedSerializer;
  /** Feed tuning (tests shorten heartbeats and backoff). */
  feed?: Partial<Omit<WaitingRoomFeedOptions, 'api' | 'userId' | 'conferenceId' | 'logger'>>;
  /** Which watchers' feeds run here (absent: all of them, one process). */
  ownership?: FeedOwnership;
  /**
   * The visitors still waiting in a watcher's meeting as the alert core stored them: how an instance that does not
   * run the feed answers "who's in the lobby" and checks a press.
   */
  storedWaiting?: (watcherId: string, meetingKey: string) => Promise<Visitor[]>;
  /** How often an owner re-reads its watchers' lists (a watch or unwatch typed on another instance). Default 10 s. */
  resyncMs?: number;
}

/**
 * A watcher's feeds run on the one instance that owns their channel (the same key as their Skype for Business
 * channel), seen here by Teams user id only: the source knows nothing of leases.
 */
export interface FeedOwnership {
  owns(watcherId: string): boolean;
  onAcquired(handler: (watcherId: string) => Promise<void> | void): () => void;
  onLost(handler: (watcherId: string) => Promise<void> | void): () => void;
  /** A watch was recorded by an instance that does not own it: let the owners look again soon. */
  rebalanceSoon(): void;
}

export type HuaweiWatchResult =
  | { kind: 'watching'; meeting: HuaweiWatchedMeeting }
  | { kind: 'ambiguous'; choices: HuaweiWatchedMeeting[] }
  | { kind: 'notFound' }
  | { kind: 'unknownUser' }
  | { kind: 'notHost'; subject: string }
  | { kind: 'failed'; error: HuaweiError };

type User = Pick<Organizer, 'id' | 'upn' | 'name'>;

/** Codes that mean the meeting cannot be watched now (not found, not started, ended). */
const NOT_ONGOING = new Set(['MMC.111070005', 'MMC.111072005', 'MMC.111072014', 'MMC.111072015']);

/**
 * Huawei Cloud Meeting waiting rooms as a waiting-room source: one WaitingRoomFeed per watched meeting (its owner is
 * this process: one instance per meeting feed), whose typed events become the core's events. Keys: a meeting is
 * its conferenceID, a visit the waiting-room pid (stable across our reconnections, so the connection key is the
 * meeting itself), a person their Huawei account, else their name.
 */
export class HuaweiWaitingRooms implements WaitingRoomSource {
  readonly platform = 'huawei' as const;
  private listener?: WaitingRoomListener;
  /** `<teams user>\0<conferenceID>` → the feed and the chain its events are delivered on, in order. */
  private readonly feeds = new Map<string, { feed: WaitingRoomFeed; delivered: Promise<void> }>();
  private readonly detach: Array<() => void> = [];
  private resyncTimer?: NodeJS.Timeout;

  constructor(private readonly context: HuaweiWaitingRoomsContext) {}

  /**
   * Follows ownership: a watcher's feeds open when their key is acquired here and stop (writing nothing) when it is
   * lost; the new owner's feed starts from the full waiting list, which the core reconciles with the stored alerts.
   * Called once, before ownership starts.
   */
  followOwnership(): void {
    const { ownership } = this.context;
    if (!ownership) return;
    this.detach.push(
      ownership.onAcquired((watcherId) => this.resume(watcherId)),
      ownership.onLost((watcherId) => this.handOver(watcherId)),
    );
    // A watch or unwatch recorded on another instance reaches the owner here; a failed resume is retried here too.
    this.resyncTimer = setInterval(() => void this.resyncOwned(), this.context.resyncMs ?? 10_000);
    this.resyncTimer.unref();
  }

  private owns(watcherId: string): boolean {
    return this.context.ownership?.owns(watcherId) ?? true;
  }

  /** Opens the stored feeds of a watcher owned here and closes those no longer watched. */
  private async resume(watcherId: string): Promise<void> {
    try {
      const record = await this.context.records.watch(watcherId);
      if (!this.owns(watcherId)) return;
      const watched = new Set((record?.meetings ?? []).map((meeting) => meeting.conferenceId));
      for (const key of [...this.feeds.keys()]) {
        const [userId, conferenceId] = key.split('\u0000') as [string, string];
        if (userId === watcherId && !watched.has(conferenceId)) await this.close(userId, conferenceId);
      }
      for (const meeting of record?.meetings ?? []) this.open(record!, meeting);
    } catch (error) {
      // Left to the next resync, which tries again while the watcher is still owned here.
      this.context.logger.warn({ err: error, teamsUserId: watcherId }, 'could not resume the huawei feeds of a watcher this instance owns');
    }
  }

  private async resyncOwned(): Promise<void> {
    try {
      for (const watcherId of await this.context.records.watchers()) {
        if (this.owns(watcherId)) await this.resume(watcherId);
      }
    } catch (error) {
      this.context.logger.warn({ err: error }, 'could not re-read the huawei watch lists');
    }
  }

  /** The watcher went to another instance: their feeds stop here; events already delivering finish first. */
  private async handOver(watcherId: string): Promise<void> {
    const prefix = `${watcherId}\u0000`;
    await Promise.all([...this.feeds.keys()].filter((key) => key.startsWith(prefix)).map((key) => this.close(watcherId, key.slice(prefix.length))));
  }

  listen(listener: WaitingRoomListener): void {
    this.listener = listener;
  }

  /** Opens the feeds of every stored watch (after a restart). */
  async start(): Promise<void> {
    const watchers = await this.context.records.watchers();
    for (const id of watchers) {
      if (!this.owns(id)) continue;
      const record = await this.context.records.watch(id);
      for (const meeting of record?.meetings ?? []) this.open(record!, meeting);
    }
    if (watchers.length > 0) this.context.logger.info({ watchers: watchers.length }, 'huawei waiting-room watches resumed');
  }

  async stop(): Promise<void> {
    for (const detach of this.detach.splice(0)) detach();
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    const open = [...this.feeds.values()];
    this.feeds.clear();
    await Promise.all(open.map(({ feed }) => feed.stop()));
  }

  // ------------------------------------------------------------------------------------------ watching

  /** "watch my Huawei meeting <name or ID>": the meeting must be ongoing and the person its host (or an admin). */
  async watch(user: OrganizerContext, meetingText: string): Promise<HuaweiWatchResult> {
    const identity = await this.context.identities.resolve({ upn: user.upn });
    if (!identity) return { kind: 'unknownUser' };
    const huaweiUserId = identity.userId;
    let chosen: HuaweiWatchedMeeting;
    try {
      const id = /^\d{6,32}$/.test(meetingText.replace(/[\s-]/g, '')) ? meetingText.replace(/[\s-]/g, '') : undefined;
      if (id) {
        chosen = { conferenceId: id, subject: id };
      } else {
        const ongoing: HuaweiWatchedMeeting[] = [];
        for await (const meeting of this.context.client.ongoingMeetings(huaweiUserId, { searchKey: meetingText.slice(0, 128) })) {
          ongoing.push({ conferenceId: meeting.conferenceID, subject: meeting.subject ?? meeting.conferenceID });
        }
        const matches = matchMeetings(meetingText, ongoing.map((meeting) => ({ ...meeting, meetingId: meeting.conferenceId })));
        if (matches.length === 0) return { kind: 'notFound' };
        if (matches.length > 1) return { kind: 'ambiguous', choices: matches.map(({ conferenceId, subject }) => ({ conferenceId, subject })) };
        chosen = { conferenceId: matches[0]!.conferenceId, subject: matches[0]!.subject };
      }
      const { conference } = await this.context.client.getOngoingMeeting(huaweiUserId, chosen.conferenceId, { limit: 1 });
      chosen.subject = conference.subject ?? chosen.subject;
      // The control token needs the host password, shown only to the host and administrators.
      if (!chairPasswordOf(conference)) return { kind: 'notHost', subject: chosen.subject };
    } catch (error) {
      if (error instanceof HuaweiError && NOT_ONGOING.has(error.code ?? '')) return { kind: 'notFound' };
      if (error instanceof HuaweiError) return { kind: 'failed', error };
      throw error;
    }
    return this.underLock(user.id, async () => {
      const record: HuaweiWatchRecord = (await this.context.records.watch(user.id)) ?? {
        teamsUserId: user.id, huaweiUserId, language: user.language, timeZone: user.timeZone, meetings: [],
      };
      Object.assign(record, { upn: user.upn ?? record.upn, name: user.name ?? record.name, huaweiUserId, language: user.language, timeZone: user.timeZone });
      const existing = record.meetings.find((meeting) => meeting.conferenceId === chosen.conferenceId);
      if (existing) existing.subject = chosen.subject;
      else record.meetings.push(chosen);
      await this.context.records.save(record);
      // Not owned here: the owner (or whoever takes the new key) opens the feed from the stored record.
      if (this.owns(user.id)) this.open(record, existing ?? chosen);
      else this.context.ownership?.rebalanceSoon();
      return { kind: 'watching', meeting: existing ?? chosen };
    });
  }

  /** Stops the matching watches (all with `all`); returns the meetings no longer watched. */
  async unwatch(user: User, target: { meeting?: string; all?: boolean }): Promise<HuaweiWatchedMeeting[]> {
    return this.underLock(user.id, async () => {
      const record = await this.context.records.watch(user.id);
      if (!record) return [];
      const named = record.meetings.map((meeting) => ({ ...meeting, meetingId: meeting.conferenceId }));
      const leaving = target.all ? named : matchMeetings(target.meeting ?? '', named);
      const ids = new Set(leaving.map((meeting) => meeting.conferenceId));
      record.meetings = record.meetings.filter((meeting) => !ids.has(meeting.conferenceId));
      await this.context.records.save(record);
      await Promise.all([...ids].map((id) => this.close(user.id, id)));
      return leaving.map(({ conferenceId, subject }) => ({ conferenceId, subject }));
    });
  }

  async watched(user: Pick<Organizer, 'id'>): Promise<HuaweiWatchedMeeting[]> {
    return (await this.context.records.watch(user.id))?.meetings ?? [];
  }

  // ------------------------------------------------------------------------------------------ the source

  async watching(user: User): Promise<SourceMeeting[]> {
    return (await this.watched(user)).map(sourceMeeting);
  }

  /**
   * The live feed's list where it runs; elsewhere the alert core's stored open alerts of the meeting. Those are the
   * waiting list already: the owner records every arrival and every departure (fenced) before anything else, so a
   * second, separately persisted copy of the list would only add writes and a way to disagree.
   */
  async waiting(user: User, meeting: SourceMeeting): Promise<Visitor[]> {
    const entry = this.feeds.get(feedKey(user.id, meeting.key));
    if (entry) return entry.feed.waiting.map(visitorOf);
    if (this.owns(user.id) || !this.context.storedWaiting) return [];
    return this.context.storedWaiting(user.id, meeting.key);
  }

  /** The participant ids waiting now, as far as this instance can tell; undefined when it cannot (let Huawei decide). */
  private async waitingNow(watcherId: string, meetingKey: string): Promise<Set<string> | undefined> {
    const feed = this.feeds.get(feedKey(watcherId, meetingKey))?.feed;
    if (feed) return feed.state === 'open' ? new Set(feed.waiting.map((person) => person.participantId)) : undefined;
    if (this.owns(watcherId) || !this.context.storedWaiting) return undefined;
    return new Set((await this.context.storedWaiting(watcherId, meetingKey)).map((visitor) => visitor.visitKey));
  }

  /**
   * Acts as the presser's own Huawei user: control needs their host rights (Huawei refuses the control token
   * otherwise), so a Teams user who is not host or administrator of the meeting is refused, not served by the
   * watcher's rights.
   */
  async actAs<T>(presser: User, place: { watcherId: string; meetingKey: string }, work: (hands: WaitingRoomHands) => Promise<T>): Promise<{ acted: T } | { refused: ActRefusal }> {
    const identity = await this.context.identities.resolve({ upn: presser.upn });
    if (!identity) return { refused: 'notLeader' };
    const stillWaiting = async (pid: string) => (await this.waitingNow(place.watcherId, place.meetingKey))?.has(pid) ?? true;
    const hands: WaitingRoomHands = {
      admit: async (target) => {
        if (!(await stillWaiting(target.visitKey))) return 'gone';
        return this.attempt(
          () => this.context.client.admitFromWaitingRoom(identity.userId, place.meetingKey, target.visitKey),
          async () => !(await stillWaiting(target.visitKey)),
        );
      },
      reject: async () => 'unsupported',
      admitAll: async (targets) => {
        // allowAll only when it admits exactly these people: nobody who arrived meanwhile is let in unseen.
        const waiting = (await this.waitingNow(place.watcherId, place.meetingKey)) ?? new Set<string>();
        const exact = waiting.size > 0 && waiting.size === targets.length && targets.every((target) => waiting.has(target.visitKey));
        if (!exact) return 'oneByOne';
        return this.attempt(() => this.context.client.admitAllFromWaitingRoom(identity.userId, place.meetingKey), async () => false);
      },
    };
    return { acted: await work(hands) };
  }

  /** One control call as an outcome: no host rights → notLeader; the person or meeting gone → gone. */
  private async attempt(call: () => Promise<void>, gone: () => Promise<boolean>): Promise<ActOutcome> {
    try {
      await call();
      return 'done';
    } catch (error) {
      if (!(error instanceof HuaweiError)) throw error;
      if (error.code === 'NOT_HOST' || error.status === 403) return 'notLeader';
      if (NOT_ONGOING.has(error.code ?? '')) return 'gone';
      // A 400 for someone who left meanwhile; a failed look is no answer, so the error stands.
      if (error.status === 400 && (await gone().catch(() => false))) return 'gone';
      throw error;
    }
  }

  // ------------------------------------------------------------------------------------------ feeds

  private open(record: HuaweiWatchRecord, meeting: HuaweiWatchedMeeting): void {
    const key = feedKey(record.teamsUserId, meeting.conferenceId);
    if (this.feeds.has(key)) return;
    const feed = new WaitingRoomFeed({
      api: this.context.client,
      userId: record.huaweiUserId,
      conferenceId: meeting.conferenceId,
      logger: this.context.logger.child({ component: 'huawei-waiting-room' }),
      ...this.context.feed,
    });
    const entry = { feed, delivered: Promise.resolve() };
    this.feeds.set(key, entry);
    const watcher = { id: record.teamsUserId, language: record.language, timeZone: record.timeZone };
    const source = sourceMeeting(meeting);
    const deliver = (event: () => WaitingRoomEvent) => {
      // In order, one at a time: a departure never overtakes its arrival.
      entry.delivered = entry.delivered.then(() => this.emit(event())).catch((error: unknown) => {
        // Not recorded: a new connection brings the full list again, and the core reconciles from it.
        this.context.logger.error({ err: error, conferenceId: meeting.conferenceId }, 'a huawei waiting-room event was not recorded; resyncing');
        feed.resync();
      });
    };
    feed.on('joined', (person) => deliver(() => ({ kind: 'arrived', watcher, meeting: source, visitor: visitorOf(person), connectionKey: meeting.conferenceId })));
    feed.on('left', ({ participantId, admitted }) =>
      deliver(() => ({ kind: 'departed', watcherId: record.teamsUserId, visitKey: participantId, how: async () => (admitted ? 'admittedElsewhere' : 'left') })),
    );
    feed.on('synced', (waiting) => deliver(() => ({ kind: 'reset', watcher, meeting: source, connectionKey: meeting.conferenceId, waiting: waiting.map(visitorOf) })));
    feed.on('ended', () => {
      deliver(() => ({ kind: 'reset', watcher, meeting: source, connectionKey: meeting.conferenceId, waiting: [] }));
      void this.forgetEnded(record.teamsUserId, meeting.conferenceId);
    });
    feed.on('state', ({ state, error }) => {
      if (state === 'stopped' && error) this.context.logger.warn({ conferenceId: meeting.conferenceId, code: error.code }, 'huawei waiting-room feed stopped');
    });
    feed.start();
  }

  private async close(userId: string, conferenceId: string): Promise<void> {
    const key = feedKey(userId, conferenceId);
    const entry = this.feeds.get(key);
    this.feeds.delete(key);
    await entry?.feed.stop();
    await entry?.delivered;
  }

  /** An ended meeting leaves the watch list: there is nothing left to watch. */
  private async forgetEnded(userId: string, conferenceId: string): Promise<void> {
    try {
      await this.underLock(userId, async () => {
        const record = await this.context.records.watch(userId);
        if (!record) return;
        record.meetings = record.meetings.filter((meeting) => meeting.conferenceId !== conferenceId);
        await this.context.records.save(record);
      });
      this.feeds.delete(feedKey(userId, conferenceId));
    } catch (error) {
      this.context.logger.error({ err: error, conferenceId }, 'could not drop an ended meeting from a watch list');
    }
  }

  private async emit(event: WaitingRoomEvent): Promise<void> {
    if (!this.listener) throw new Error('the Huawei waiting rooms have no listener for their events');
    await this.listener(event);
  }

  private underLock<T>(userId: string, work: () => Promise<T>): Promise<T> {
    return this.context.locks.run(`huawei-watch:${userId}`, work);
  }
}

function feedKey(userId: string, conferenceId: string): string {
  return `${userId}\u0000${conferenceId}`;
}

function sourceMeeting(meeting: HuaweiWatchedMeeting): SourceMeeting {
  return { key: meeting.conferenceId, subject: meeting.subject, meetingId: meeting.conferenceId, alertConversationId: meeting.alertConversationId };
}

function visitorOf(person: WaitingPerson): Visitor {
  const name = person.name ?? person.account ?? person.participantId;
  return {
    visitKey: person.participantId,
    personKey: (person.account ? `huawei:${person.account}` : `name:${name}`).toLowerCase(),
    name,
    source: person.anonymous ? 'Anonymous' : 'Unknown',
  };
}

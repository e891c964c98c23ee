import type { Language } from '../nlu/recognition.js';

/**
 * A waiting room the alert core listens to and acts on: the Skype for Business (UCWA) lobby, the Huawei Cloud
 * Meeting waiting room, or a third platform later. The core (outbox, alert records, cards, buttons, "who's in the
 * lobby", admit/reject by name) knows a platform only through this interface; everything a service means by a
 * meeting, a person or a visit stays inside its source as OPAQUE keys the core stores and hands back unread.
 *
 * A source:
 * - emits what happens in the waiting rooms it watches (`listen`): arrivals, departures, and resets with the full
 *   list of who waits now;
 * - lists the meetings it watches for a person and who waits in one of them now (`watching`, `waiting`);
 * - carries out admit / reject for the core as the person who pressed (`actAs`), answering with typed outcomes,
 *   never sentences: the Teams side words them, in the person's language.
 *
 * A new platform: a folder src/alerts/sources/<platform>/ whose source implements this interface (the UCWA one,
 * sources/ucwa/lobby.ts, is the worked example), handed to `new LobbyAlerts(…, [sources])` in
 * src/alerts/capability.ts next to the others. Its watch list, its commands ("watch my … meeting") and its
 * connection are its own; the core stores its keys and hands them back, and calls `listen` once before it starts.
 */

/** The service a waiting room belongs to; cards and replies name it (see `platformNames` in src/cards/lobby). */
export type Platform = 'sfb' | 'huawei';

/** Where a visitor comes from, as far as the service says. */
export type PersonSource = 'SameEnterprise' | 'Federated' | 'Anonymous' | 'Unknown';

/** Someone in a waiting room, as a source reports them. */
export interface Visitor {
  /** This one visit to the waiting room (UCWA: the lobby participant's href). Opaque to the core. */
  visitKey: string;
  /** The same person across visits and re-created connections (UCWA: SIP URI, else the name). Opaque to the core. */
  personKey: string;
  /** Display name as the service gave it (outside text: the core escapes it). */
  name: string;
  /** The person's address, when the service gives one (matched by "admit bob@contoso.com"; never shown raw). */
  uri?: string;
  source: PersonSource;
}

/** A meeting a source watches for a person. */
export interface SourceMeeting {
  /** The meeting as the source knows it (UCWA: its onlineMeetingUri). Opaque to the core, stable while watched. */
  key: string;
  subject: string;
  /** What people may call it besides its subject (a meeting ID), for "who's in the lobby of 914083136". */
  meetingId?: string;
  /** A channel or group chat the meeting's alerts go to instead of the watcher's personal chat. */
  alertConversationId?: string;
  /**
   * The source's connection to the meeting as `watching` found it (UCWA: our conversation's href), handed back unread
   * to `waiting` right after, so the watch list is not read twice in one question.
   */
  connectionKey?: string;
}

/** The person a source watches for: whose alerts these are, and how their cards speak. */
export interface SourceWatcher {
  id: string;
  language: Language;
  timeZone: string;
}

export type DepartureKind = 'admittedElsewhere' | 'left';

export type WaitingRoomEvent =
  /**
   * Someone waits. `connectionKey` names the source's connection the visit was seen through (UCWA: our
   * conversation in the meeting): the same person still waiting on an open alert seen through an OLDER connection
   * is the same visit seen again after the connection was re-created, so the alert is rebound, not repeated.
   */
  | { kind: 'arrived'; watcher: SourceWatcher; meeting: SourceMeeting; visitor: Visitor; connectionKey: string }
  /**
   * Someone left the waiting room without the core. `how` is asked only when an open alert is settled by it (it may
   * cost the source a request): admitted by another client, or gone (turned away elsewhere, gave up).
   */
  | { kind: 'departed'; watcherId: string; visitKey: string; how: () => Promise<DepartureKind> }
  /**
   * The complete list of who waits in a meeting now (a full snapshot after a reconnect): new people become alerts
   * (nothing lost), known visits stay as they are (nothing repeated), open alerts of people no longer listed close.
   */
  | {
      kind: 'reset';
      watcher: SourceWatcher;
      meeting: SourceMeeting;
      connectionKey: string;
      waiting: Visitor[];
      /**
       * When the list was read, for a source whose snapshot is read beside its event stream rather than in it (UCWA's
       * GET lobby): what the core recorded after it (an outcome, a new arrival) is newer than the list and stands.
       */
      readAt?: string;
    };

/** The core's ear: a rejected promise means the event was not recorded (a source must not move past it). */
export type WaitingRoomListener = (event: WaitingRoomEvent) => Promise<void>;

/**
 * Why a source would not or could not act for the presser. `unsupported`: the platform has no such action (Huawei
 * Cloud Meeting documents no way to turn someone away from its waiting room).
 */
export type ActRefusal = 'notLeader' | 'signInNeeded' | 'signInExpired' | 'unsupported';

/** What admitting or turning away one visitor came to. */
export type ActOutcome = 'done' | 'gone' | ActRefusal;

/** The visit an action is about, as the core stored it from the arrival. */
export interface VisitTarget {
  /** Whose source saw the arrival (the presser may be another leader of the meeting). */
  watcherId: string;
  meetingKey: string;
  visitKey: string;
  person: { key: string; name: string; uri?: string };
}

/** The presser's hands on one meeting's waiting room, for the length of one press. */
export interface WaitingRoomHands {
  admit(target: VisitTarget): Promise<ActOutcome>;
  reject(target: VisitTarget): Promise<ActOutcome>;
  /**
   * Optional: admits all of `targets` in one call where the platform has one (Huawei's allowAll). The source does
   * so only when they are exactly everyone waiting, so nobody is admitted unseen; 'oneByOne' leaves it to `admit`.
   */
  admitAll?(targets: readonly VisitTarget[]): Promise<ActOutcome | 'oneByOne'>;
}

export interface WaitingRoomSource {
  readonly platform: Platform;

  /** Where events go; set once, by the core, before `start`. */
  listen(listener: WaitingRoomListener): void;

  /** The meetings watched for the person, or 'notSignedIn' when the source cannot act for them now. */
  watching(user: { id: string; upn?: string; name?: string }): Promise<SourceMeeting[] | 'notSignedIn'>;

  /** Who waits in one of those meetings right now, read live; [] when it cannot be read. */
  waiting(user: { id: string; upn?: string; name?: string }, meeting: SourceMeeting): Promise<Visitor[]>;

  /**
   * Runs `work` with the presser's own standing in the meeting (`watcherId`'s meeting `meetingKey`): one press may
   * admit or turn away one person or many ("Admit all": the core admits each of its open alerts through the same
   * hands, so the source checks the sign-in and the presser's right once). Answers `{ refused }` when the presser
   * cannot act there at all; errors other than those outcomes propagate.
   */
  actAs<T>(
    presser: { id: string; upn?: string; name?: string },
    place: { watcherId: string; meetingKey: string },
    work: (hands: WaitingRoomHands) => Promise<T>,
  ): Promise<{ acted: T } | { refused: ActRefusal }>;
}

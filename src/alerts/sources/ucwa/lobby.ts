import { UcwaError, type LobbyChange, type ParticipantView, type UcwaSession } from '../../../ucwa/index.js';
import { identityOf, type Organizer } from '../../people.js';
import type {
  ActOutcome,
  ActRefusal,
  SourceMeeting,
  Visitor,
  VisitTarget,
  WaitingRoomEvent,
  WaitingRoomHands,
  WaitingRoomListener,
  WaitingRoomSource,
} from '../../source.js';
import { isGone, type UcwaLobbyContext } from './context.js';
import { displayName, sourceOf } from './people.js';
import type { WatchedMeeting, WatchRecord } from './records.js';
import type { Watches } from './watches.js';

type User = Pick<Organizer, 'id' | 'upn' | 'name'>;

/**
 * The Skype for Business lobby as a waiting-room source. Its keys: a meeting is its onlineMeetingUri, a visit the
 * lobby participant's href, a connection our conversation's href, a person their SIP URI (else name).
 *
 * Arrivals and departures come from the organizer's UCWA event channel (`lobbyChanged`); admit and reject go
 * through the PRESSER's own session and their own view of the person (only a leader's view carries the links, per
 * lobby_ref), joining the meeting just for the press when the presser is a co-organizer who does not watch it.
 */
export class UcwaLobbySource implements WaitingRoomSource {
  readonly platform = 'sfb' as const;
  private listener?: WaitingRoomListener;
  /**
   * The lobby's people as the watcher's own session last saw them (an arrival's view, with its admit / reject
   * links), by visit: the watcher's press acts on that view without reading the person again first (a UCWA round
   * trip per press). Used once; a link that no longer works (404, 410, 409, 403: the person left, the conversation
   * was re-created) sends the press the usual way, reading the person afresh, so nothing is decided from it alone.
   * Only sessions with someone waiting have an entry; a departure removes its person.
   */
  private readonly seen = new WeakMap<UcwaSession, Map<string, ParticipantView>>();

  constructor(
    private readonly context: UcwaLobbyContext,
    private readonly watches: Watches,
  ) {}

  listen(listener: WaitingRoomListener): void {
    this.listener = listener;
  }

  // ------------------------------------------------------------------------------------------ events

  /** One lobby change from the organizer's event channel; a rejected promise holds the channel's position. */
  async lobbyChanged(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    this.see(session, change);
    if (change.type === 'added') await this.onArrival(userId, session, change);
    else if (change.type === 'deleted') await this.emit(departure(userId, session, change));
  }

  /** Remembers (or forgets) the watcher's view of a person in the lobby, from the event that told of them. */
  private see(session: UcwaSession, change: LobbyChange): void {
    const view = change.participant;
    const waiting = change.type !== 'deleted' && view && view.inLobby !== false && (view.admitHref || view.rejectHref);
    let seen = this.seen.get(session);
    if (!waiting) {
      seen?.delete(change.participantHref);
      return;
    }
    if (!seen) {
      seen = new Map();
      this.seen.set(session, seen);
    }
    seen.delete(change.participantHref);
    seen.set(change.participantHref, view);
    // Bounded: people who waited unpressed and whose departure was never heard go first.
    if (seen.size > maxSeenPerSession) seen.delete(seen.keys().next().value!);
  }

  private async onArrival(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    const participant = change.participant;
    // No participant: they left before we could look (aggregation may skip whole visits); nothing to alert.
    if (!participant || participant.inLobby === false) return;
    const record = await this.context.watchRecords.watch(userId);
    const meeting = record && (await this.watches.meetingOf(session, record, change.conversationHref));
    if (!record || !meeting) return;
    await this.emit({
      kind: 'arrived',
      watcher: { id: record.teamsUserId, language: record.language, timeZone: record.timeZone },
      meeting: sourceMeeting(meeting),
      visitor: visitorOf(participant, change.participantHref, change.title),
      connectionKey: change.conversationHref,
    });
  }

  private async emit(event: WaitingRoomEvent): Promise<void> {
    if (!this.listener) throw new Error('the Skype for Business lobby has no listener for its events');
    await this.listener(event);
  }

  /**
   * After a (re)join: who waits in each joined meeting, read whole, so that nothing that happened while the channel
   * could not hear is lost (lobby recipe, step 2: the snapshot): someone who came while the bot was restarting or
   * signed out is alerted, and an open card of someone who left meanwhile is settled. Read beside the event stream,
   * not in it, so the list carries its read time and what the core recorded after it stands (Arrivals.onReset).
   * A lobby that cannot be read is left to the events.
   */
  async reconcile(session: UcwaSession, record: WatchRecord, meetings: WatchedMeeting[]): Promise<void> {
    const watcher = { id: record.teamsUserId, language: record.language, timeZone: record.timeZone };
    for (const meeting of meetings) {
      const connectionKey = meeting.conversationHref;
      if (!connectionKey) continue;
      const readAt = new Date().toISOString();
      const views = await session.lobby.waiting(connectionKey).catch((error: unknown) => {
        this.context.logger.warn({ err: error, meeting: meeting.subject }, 'could not read a lobby after re-joining; its events still count');
        return undefined;
      });
      if (!views) continue;
      await this.emit({ kind: 'reset', watcher, meeting: sourceMeeting(meeting), connectionKey, waiting: stillWaiting(views), readAt });
    }
  }

  // ------------------------------------------------------------------------------------------ reading the lobby

  async watching(user: User): Promise<SourceMeeting[] | 'notSignedIn'> {
    if (!(await this.context.sfb.session(user))) return 'notSignedIn';
    return (await this.watches.watched(user)).map((meeting) => ({ ...sourceMeeting(meeting), connectionKey: meeting.conversationHref }));
  }

  /**
   * Read live from UCWA every time, never from what the event channel told us. A view fed by the channel would have
   * to be provably current, and UCWA gives a client no such proof: the server aggregates events before it releases
   * the held GET (events_ref: medium-urgency events wait up to `medium` seconds, 5 by default, low ones up to `low`,
   * 15 by default, neither shorter than 5), a released answer is on the wire while the next GET is not yet held, and
   * an event need not carry its resource (eventsinucwa). A held GET thus proves only that nothing was released, not
   * that nobody left; listing someone who already left is worse than a slower answer. What is saved instead is the
   * conversation read before the lobby (LobbyFacet.waiting) and the second read of the watch list (`connectionKey`).
   */
  async waiting(user: User, meeting: SourceMeeting): Promise<Visitor[]> {
    const session = await this.context.sfb.session(user);
    const conversationHref = meeting.connectionKey ?? (await this.watches.watched(user)).find((candidate) => candidate.uri === meeting.key)?.conversationHref;
    if (!session || !conversationHref) return [];
    try {
      const views = await session.lobby.waiting(conversationHref);
      return stillWaiting(views);
    } catch (error) {
      await this.context.sfb.expireOnSignInFailure(user.id, error);
      this.context.logger.warn({ err: error, meeting: meeting.subject }, 'could not read a lobby');
      return [];
    }
  }

  // ------------------------------------------------------------------------------------------ acting

  /**
   * Runs `work` as `presser`, through the presser's OWN session: only a view that carries the admit/reject link may
   * act. A presser who is not the watching organizer is joined just for the press (and leaves after) so their own
   * view can be asked; the lobby is read once for all the people acted on.
   */
  async actAs<T>(presser: User, place: { watcherId: string; meetingKey: string }, work: (hands: WaitingRoomHands) => Promise<T>): Promise<{ acted: T } | { refused: ActRefusal }> {
    const session = await this.context.sfb.session(presser);
    if (!session) return { refused: 'signInNeeded' };
    let temporary: string | undefined;
    try {
      if (presser.id === place.watcherId) {
        return { acted: await work(this.hands(presser, session, (target) => session.lobby.participant(target.visitKey), this.seen.get(session))) };
      }
      const own = await this.ownConversation(presser.id, session, place.meetingKey);
      if (!own) return { refused: 'notLeader' };
      if (own.temporary) temporary = own.href;
      const waiting = await session.lobby.waiting(own.href).catch(() => [] as ParticipantView[]);
      const viewOf = async (target: VisitTarget) =>
        waiting.find((candidate) => identityOf({ name: displayName(candidate), uri: candidate.uri }) === target.person.key);
      return { acted: await work(this.hands(presser, session, viewOf)) };
    } catch (error) {
      const refused = await this.refusalFor(presser, error);
      if (refused) return { refused };
      throw error;
    } finally {
      if (temporary) await session.lobby.leave(temporary).catch(() => undefined);
    }
  }

  private hands(
    presser: User,
    session: UcwaSession,
    viewOf: (target: VisitTarget) => Promise<ParticipantView | undefined>,
    seen?: Map<string, ParticipantView>,
  ): WaitingRoomHands {
    return {
      admit: (target) => this.actOnSeen(presser, session, viewOf, target, 'admit', seen),
      reject: (target) => this.actOnSeen(presser, session, viewOf, target, 'reject', seen),
    };
  }

  /**
   * Acts through the view this session saw at the person's arrival, when there is one; a link that no longer works
   * is no answer, so then (and without a view) the person is read afresh and acted on as always (act). Any other
   * failure of the call is handled as act would handle it.
   */
  private async actOnSeen(
    presser: User,
    session: UcwaSession,
    viewOf: (target: VisitTarget) => Promise<ParticipantView | undefined>,
    target: VisitTarget,
    action: 'admit' | 'reject',
    seen: Map<string, ParticipantView> | undefined,
  ): Promise<ActOutcome> {
    const view = seen?.get(target.visitKey);
    seen?.delete(target.visitKey);
    const href = action === 'admit' ? view?.admitHref : view?.rejectHref;
    if (!href) return this.act(presser, session, viewOf, target, action);
    try {
      return await this.post(presser, session, href, action);
    } catch (error) {
      if (error instanceof UcwaError && error.status !== undefined && staleLinkStatuses.has(error.status)) return this.act(presser, session, viewOf, target, action);
      const refused = await this.refusalFor(presser, error);
      if (refused) return refused;
      throw error;
    }
  }

  /** Admits or turns away one person through the presser's view of them. */
  private async act(
    presser: User,
    session: UcwaSession,
    viewOf: (target: VisitTarget) => Promise<ParticipantView | undefined>,
    target: VisitTarget,
    action: 'admit' | 'reject',
  ): Promise<ActOutcome> {
    try {
      const view = await viewOf(target);
      // Someone the watcher still sees waiting but this person cannot see: they are no leader here.
      if (!view) return 'notLeader';
      if (view.inLobby === false) return 'gone';
      const href = action === 'admit' ? view.admitHref : view.rejectHref;
      if (!href) return 'notLeader';
      return await this.post(presser, session, href, action);
    } catch (error) {
      if (isGone(error) || (error instanceof UcwaError && error.status === 409 && error.is('AlreadyExists'))) return 'gone';
      const refused = await this.refusalFor(presser, error);
      if (refused) return refused;
      throw error;
    }
  }

  /** Follows the person's admit or reject link. */
  private async post(presser: User, session: UcwaSession, href: string, action: 'admit' | 'reject'): Promise<'done'> {
    await session.post(href, undefined);
    this.context.logger.info({ teamsUserId: presser.id, action }, 'lobby participant handled');
    return 'done';
  }

  /** The refusal an error from Skype for Business amounts to, if it is one the presser should be told about. */
  private async refusalFor(presser: User, error: unknown): Promise<ActRefusal | undefined> {
    if (await this.context.sfb.expireOnSignInFailure(presser.id, error)) return 'signInExpired';
    if (error instanceof UcwaError && error.status === 403) return 'notLeader';
    return undefined;
  }

  /** The presser's own conversation in the meeting: the one they watch it with, or a join just for this action. */
  private async ownConversation(userId: string, session: UcwaSession, meetingUri: string): Promise<{ href: string; temporary: boolean } | undefined> {
    const watched = (await this.watches.watched({ id: userId })).find((meeting) => meeting.uri === meetingUri);
    if (watched?.conversationHref) return { href: watched.conversationHref, temporary: false };
    const joined = await session.lobby.join(meetingUri, { waitForConversationMs: 5_000 });
    return joined.conversationHref ? { href: joined.conversationHref, temporary: true } : undefined;
  }
}

/** People remembered per session for the watcher's presses (see UcwaLobbySource.seen). */
const maxSeenPerSession = 200;

/** What a remembered admit / reject link answers once it no longer works; the press then reads the person afresh. */
const staleLinkStatuses = new Set([403, 404, 409, 410]);

/** A watched meeting as the core sees it: its URI is the key; our conversation in it stays ours. */
function sourceMeeting(meeting: WatchedMeeting): SourceMeeting {
  return { key: meeting.uri, subject: meeting.subject, meetingId: meeting.meetingId, alertConversationId: meeting.alertConversationId };
}

/** The people a lobby read lists who still wait (a view may already say they left), as visitors. */
function stillWaiting(views: readonly ParticipantView[]): Visitor[] {
  return views.filter((view) => view.inLobby !== false).map((view) => visitorOf(view, view.href));
}

function visitorOf(participant: ParticipantView, participantHref: string, title?: string): Visitor {
  const person = { name: displayName(participant, title), uri: participant.uri };
  return { visitKey: participantHref, personKey: identityOf(person), ...person, source: sourceOf(participant) };
}

/** Still in the conversation but out of the lobby means admitted; gone means refused or hung up. */
function departure(userId: string, session: UcwaSession, change: LobbyChange): WaitingRoomEvent {
  return {
    kind: 'departed',
    watcherId: userId,
    visitKey: change.participantHref,
    how: () =>
      session.lobby
        .participant(change.participantHref)
        .then((view) => (view.inLobby === false ? 'admittedElsewhere' : 'left'))
        .catch(() => 'left'),
  };
}

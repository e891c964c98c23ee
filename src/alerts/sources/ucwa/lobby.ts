import { UcwaError, type LobbyChange, type ParticipantView, type UcwaSession } from '../../../ucwa/index.js';
import { expireOnSignInFailure, isGone, organizerSession, type AlertsContext, type Organizer } from '../../context.js';
import { identityOf } from '../../people.js';
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
import { displayName, sourceOf } from './people.js';
import type { WatchedMeeting } from './records.js';
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

  constructor(
    private readonly context: AlertsContext,
    private readonly watches: Watches,
  ) {}

  listen(listener: WaitingRoomListener): void {
    this.listener = listener;
  }

  // ------------------------------------------------------------------------------------------ events

  /** One lobby change from the organizer's event channel; a rejected promise holds the channel's position. */
  async lobbyChanged(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    if (change.type === 'added') await this.onArrival(userId, session, change);
    else if (change.type === 'deleted') await this.emit(departure(userId, session, change));
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

  // ------------------------------------------------------------------------------------------ reading the lobby

  async watching(user: User): Promise<SourceMeeting[] | 'notSignedIn'> {
    if (!(await organizerSession(this.context, user))) return 'notSignedIn';
    return (await this.watches.watched(user)).map(sourceMeeting);
  }

  async waiting(user: User, meeting: SourceMeeting): Promise<Visitor[]> {
    const session = await organizerSession(this.context, user);
    const watched = (await this.watches.watched(user)).find((candidate) => candidate.uri === meeting.key);
    if (!session || !watched?.conversationHref) return [];
    try {
      const views = await session.lobby.waiting(watched.conversationHref);
      return views.filter((view) => view.inLobby !== false).map((view) => visitorOf(view, view.href));
    } catch (error) {
      await expireOnSignInFailure(this.context, user.id, error);
      this.context.logger.warn({ err: error, meeting: watched.subject }, 'could not read a lobby');
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
    const session = await organizerSession(this.context, presser);
    if (!session) return { refused: 'signInNeeded' };
    let temporary: string | undefined;
    try {
      if (presser.id === place.watcherId) return { acted: await work(this.hands(presser, session, (target) => session.lobby.participant(target.visitKey))) };
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

  private hands(presser: User, session: UcwaSession, viewOf: (target: VisitTarget) => Promise<ParticipantView | undefined>): WaitingRoomHands {
    return {
      admit: (target) => this.act(presser, session, viewOf, target, 'admit'),
      reject: (target) => this.act(presser, session, viewOf, target, 'reject'),
    };
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
      await session.post(href, undefined);
      this.context.logger.info({ teamsUserId: presser.id, action }, 'lobby participant handled');
      return 'done';
    } catch (error) {
      if (isGone(error) || (error instanceof UcwaError && error.status === 409 && error.is('AlreadyExists'))) return 'gone';
      const refused = await this.refusalFor(presser, error);
      if (refused) return refused;
      throw error;
    }
  }

  /** The refusal an error from Skype for Business amounts to, if it is one the presser should be told about. */
  private async refusalFor(presser: User, error: unknown): Promise<ActRefusal | undefined> {
    if (await expireOnSignInFailure(this.context, presser.id, error)) return 'signInExpired';
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

/** A watched meeting as the core sees it: its URI is the key; our conversation in it stays ours. */
function sourceMeeting(meeting: WatchedMeeting): SourceMeeting {
  return { key: meeting.uri, subject: meeting.subject, meetingId: meeting.meetingId, alertConversationId: meeting.alertConversationId };
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

import { UcwaError, type ParticipantView, type UcwaSession } from '../ucwa/index.js';
import { expireOnSignInFailure, isGone, organizerSession, type AlertsContext, type Organizer } from './context.js';
import { matchMeetings } from './meetings.js';
import type { AlertOutbox } from './outbox.js';
import { displayName, identityOf, sourceOf, type WaitingPerson } from './people.js';
import type { AlertRecord, WatchedMeeting } from './records.js';
import { text } from './texts.js';
import type { Watches } from './watches.js';

export type LobbyAction = 'admit' | 'reject';
/** What an admit/reject came to: done, already decided (first result wins), gone, or refused with a reason. */
export type ActionResult =
  | { kind: 'done' | 'already' | 'gone'; alert?: AlertRecord }
  | { kind: 'refused'; message: string };

export type WaitingResult = { kind: 'notSignedIn' } | { kind: 'ok'; meetings: WatchedMeeting[]; people: WaitingPerson[] };

/** Someone in a watched meeting's lobby, as an action needs them. */
interface LobbyTarget {
  participantHref: string;
  /** The organizer whose application sees this participant. */
  watcherId: string;
  meetingUri: string;
  person: { name: string; uri?: string };
}

/**
 * Acting on the lobby: who waits (read live), and admit / reject from a card button or by name in chat, carried
 * out as the person who asked, through their OWN session's view.
 */
export class LobbyActions {
  constructor(
    private readonly context: AlertsContext,
    private readonly outbox: AlertOutbox,
    private readonly watches: Watches,
  ) {}

  /** Who waits right now in the watched meetings (optionally those matching `meeting`), read live. */
  async waiting(user: Organizer, meeting?: string): Promise<WaitingResult> {
    const session = await organizerSession(this.context, user);
    if (!session) return { kind: 'notSignedIn' };
    const all = await this.watches.watched(user);
    const meetings = meeting ? matchMeetings(meeting, all) : all;
    const lobbies = await Promise.all(meetings.map((watched) => this.waitingIn(user, session, watched)));
    return { kind: 'ok', meetings, people: lobbies.flat() };
  }

  /** Admit / reject someone picked by name in chat; their alert card (if any) shows the outcome too. */
  async actOnPerson(user: Organizer, person: WaitingPerson, action: LobbyAction): Promise<ActionResult> {
    const alert = this.outbox.openAlertFor(user.id, person.participantHref);
    if (alert) return this.actOnAlert(user, alert.id, action);
    return this.actAs(user, { participantHref: person.participantHref, watcherId: user.id, meetingUri: person.meetingUri, person }, action);
  }

  /** A card button: serialized per alert, so double clicks and two leaders at once see the first result. */
  async actOnAlert(presser: Organizer, alertId: string, action: LobbyAction): Promise<ActionResult> {
    return this.context.locks.run(`alert:${alertId}`, async () => {
      const alert = this.outbox.get(alertId);
      if (!alert) return { kind: 'refused', message: text(presser, 'alertGone') };
      if (alert.outcome) return { kind: 'already', alert };
      const result = await this.actAs(presser, targetOf(alert), action);
      if (result.kind === 'refused') return result;
      const at = new Date().toISOString();
      if (result.kind === 'done') await this.outbox.finish(alert, { kind: action === 'admit' ? 'admitted' : 'rejected', by: presser.name, at });
      else await this.outbox.finish(alert, { kind: 'leftLobby', at });
      return { ...result, alert };
    });
  }

  /** "Admit all": everyone still waiting in the pressed alert's meeting, each through its own alert. */
  async admitAll(presser: Organizer, alertId: string): Promise<ActionResult> {
    const pressed = this.outbox.get(alertId);
    if (!pressed) return { kind: 'refused', message: text(presser, 'alertGone') };
    const results: ActionResult[] = [];
    for (const alert of [pressed, ...this.outbox.openIn(pressed.watcherId, pressed.meeting.uri).filter((other) => other.id !== pressed.id)]) {
      const result = await this.actOnAlert(presser, alert.id, 'admit');
      results.push(result);
      if (result.kind === 'refused') break;
    }
    const refused = results.find((result) => result.kind === 'refused');
    return refused && !results.some((result) => result.kind === 'done') ? refused : { kind: 'done', alert: pressed };
  }

  private async waitingIn(user: Organizer, session: UcwaSession, meeting: WatchedMeeting): Promise<WaitingPerson[]> {
    if (!meeting.conversationHref) return [];
    try {
      const views = await session.lobby.waiting(meeting.conversationHref);
      return views.filter((view) => view.inLobby !== false).map((view) => waitingPerson(view, meeting));
    } catch (error) {
      await expireOnSignInFailure(this.context, user.id, error);
      this.context.logger.warn({ err: error, meeting: meeting.subject }, 'could not read a lobby');
      return [];
    }
  }

  /**
   * Acts as `presser`, through the presser's OWN session: only a view that carries the admit/reject link (a
   * leader's view, per lobby_ref) may act. A presser who is not the watching organizer is joined just for the
   * action (and leaves after) so their own view can be asked.
   */
  private async actAs(presser: Organizer, target: LobbyTarget, action: LobbyAction): Promise<ActionResult> {
    const session = await organizerSession(this.context, presser);
    if (!session) return { kind: 'refused', message: text(presser, 'signInFirst') };
    let temporary: string | undefined;
    try {
      let view: ParticipantView | undefined;
      if (presser.id === target.watcherId) {
        view = await session.lobby.participant(target.participantHref);
      } else {
        const own = await this.ownConversation(presser.id, session, target.meetingUri);
        if (!own) return { kind: 'refused', message: text(presser, 'notLeader') };
        if (own.temporary) temporary = own.href;
        const waiting = await session.lobby.waiting(own.href).catch(() => [] as ParticipantView[]);
        view = waiting.find((candidate) => identityOf({ name: displayName(candidate), uri: candidate.uri }) === identityOf(target.person));
        // Someone the watcher still sees waiting but this person cannot see: they are no leader here.
        if (!view) return { kind: 'refused', message: text(presser, 'notLeader') };
      }
      if (view.inLobby === false) return { kind: 'gone' };
      const href = action === 'admit' ? view.admitHref : view.rejectHref;
      if (!href) return { kind: 'refused', message: text(presser, 'notLeader') };
      await session.post(href, undefined);
      this.context.logger.info({ teamsUserId: presser.id, action }, 'lobby participant handled');
      return { kind: 'done' };
    } catch (error) {
      if (isGone(error) || (error instanceof UcwaError && error.status === 409 && error.is('AlreadyExists'))) return { kind: 'gone' };
      if (await expireOnSignInFailure(this.context, presser.id, error)) return { kind: 'refused', message: text(presser, 'signInExpired') };
      if (error instanceof UcwaError && error.status === 403) return { kind: 'refused', message: text(presser, 'notLeader') };
      throw error;
    } finally {
      if (temporary) await session.lobby.leave(temporary).catch(() => undefined);
    }
  }

  /** The presser's own conversation in the meeting: the one they watch it with, or a join just for this action. */
  private async ownConversation(userId: string, session: UcwaSession, meetingUri: string): Promise<{ href: string; temporary: boolean } | undefined> {
    const watched = (await this.watches.watched({ id: userId })).find((meeting) => meeting.uri === meetingUri);
    if (watched?.conversationHref) return { href: watched.conversationHref, temporary: false };
    const joined = await session.lobby.join(meetingUri, { waitForConversationMs: 5_000 });
    return joined.conversationHref ? { href: joined.conversationHref, temporary: true } : undefined;
  }
}

function targetOf(alert: AlertRecord): LobbyTarget {
  return { participantHref: alert.participantHref, watcherId: alert.watcherId, meetingUri: alert.meeting.uri, person: alert.person };
}

function waitingPerson(view: ParticipantView, meeting: WatchedMeeting): WaitingPerson {
  return {
    name: displayName(view),
    uri: view.uri,
    source: sourceOf(view),
    participantHref: view.href,
    conversationHref: meeting.conversationHref ?? '',
    meetingUri: meeting.uri,
    meetingSubject: meeting.subject,
  };
}

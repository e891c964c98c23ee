import { UcwaError, type ParticipantView, type UcwaSession } from '../ucwa/index.js';
import { expireOnSignInFailure, isGone, organizerSession, type AlertsContext, type Organizer } from './context.js';
import { matchMeetings } from './meetings.js';
import type { AlertOutbox } from './outbox.js';
import { displayName, identityOf, sourceOf, type WaitingPerson } from './people.js';
import type { AlertRecord, WatchedMeeting } from './records.js';
import { text, type Texts } from './texts.js';
import type { Watches } from './watches.js';

export type LobbyAction = 'admit' | 'reject';
/** What an admit/reject came to: done, already decided (first result wins), gone, or refused with a reason. */
export type ActionResult =
  | { kind: 'done' | 'already' | 'gone'; alert?: AlertRecord }
  | { kind: 'refused'; reason: Refusal; message: string };

export type Refusal = Extract<Texts, 'alertGone' | 'signInFirst' | 'signInExpired' | 'notLeader'>;

export type WaitingResult = { kind: 'notSignedIn' } | { kind: 'ok'; meetings: WatchedMeeting[]; people: WaitingPerson[] };

/** Someone in a watched meeting's lobby, as an action needs them. */
interface LobbyTarget {
  participantHref: string;
  /** The organizer whose application sees this participant. */
  watcherId: string;
  meetingUri: string;
  person: { name: string; uri?: string };
}

/** The presser acting on one meeting's lobby through their own session: opened once per press, for one or many people. */
interface Acting {
  presser: Organizer;
  session: UcwaSession;
  /** The presser's own view of the person (a leader's view carries the admit/reject links), if they see them at all. */
  viewOf(target: LobbyTarget): Promise<ParticipantView | undefined>;
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
    const alert = this.outbox.get(alertId);
    if (!alert) return refusal(presser, 'alertGone');
    // Already decided: show that, whoever presses, without asking Skype for Business anything.
    if (alert.outcome) return { kind: 'already', alert };
    return this.asPresser(presser, alert.watcherId, alert.meeting.uri, (acting) => this.settle(acting, alertId, action));
  }

  /**
   * "Admit all": admits exactly the people waiting in the pressed alert's meeting when it was pressed, each through
   * its own alert, as far as the presser holds an admit link for them; anyone they cannot admit keeps waiting.
   * Someone arriving meanwhile gets a card of their own rather than being admitted unseen.
   */
  async admitAll(presser: Organizer, alertId: string): Promise<ActionResult> {
    const pressed = this.outbox.get(alertId);
    if (!pressed) return refusal(presser, 'alertGone');
    const waiting = [pressed, ...this.outbox.openIn(pressed.watcherId, pressed.meeting.uri).filter((other) => other.id !== pressed.id)];
    const results = await this.asPresser(presser, pressed.watcherId, pressed.meeting.uri, async (acting) => {
      const settled: ActionResult[] = [];
      for (const alert of waiting) {
        const result = await this.settle(acting, alert.id, 'admit');
        settled.push(result);
        // A sign-in that ran out stops the run; a person without an admit link for this presser is just skipped.
        if (result.kind === 'refused' && result.reason !== 'notLeader') break;
      }
      return settled;
    });
    if (!Array.isArray(results)) return results;
    const refused = results.find((result) => result.kind === 'refused');
    if (refused && !results.some((result) => result.kind === 'done')) return refused;
    // Only a press that settled its own card speaks for the others (results[0] is the pressed alert's own).
    if (results[0]?.kind === 'done') await this.noteAdmittedTogether(pressed.id, results.filter((result) => result.kind === 'done').length);
    return { kind: 'done', alert: pressed };
  }

  /** The pressed card says how many people its "Admit all" let in, when that was more than its own person. */
  private async noteAdmittedTogether(alertId: string, admitted: number): Promise<void> {
    const alert = this.outbox.get(alertId);
    if (admitted < 2 || alert?.outcome?.kind !== 'admitted') return;
    await this.outbox.finish(alert, { ...alert.outcome, together: admitted });
  }

  /** Acts on one alert's person and records the outcome on the alert, unless it was already decided. */
  private settle(acting: Acting, alertId: string, action: LobbyAction): Promise<ActionResult> {
    return this.context.locks.run(`alert:${alertId}`, async () => {
      const alert = this.outbox.get(alertId);
      if (!alert) return refusal(acting.presser, 'alertGone');
      if (alert.outcome) return { kind: 'already', alert };
      const result = await this.act(acting, targetOf(alert), action);
      if (result.kind === 'refused') return result;
      const at = new Date().toISOString();
      if (result.kind === 'done') await this.outbox.finish(alert, { kind: action === 'admit' ? 'admitted' : 'rejected', by: acting.presser.name, at });
      else await this.outbox.finish(alert, { kind: 'leftLobby', at });
      return { ...result, alert };
    });
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

  private actAs(presser: Organizer, target: LobbyTarget, action: LobbyAction): Promise<ActionResult> {
    return this.asPresser(presser, target.watcherId, target.meetingUri, (acting) => this.act(acting, target, action));
  }

  /**
   * Runs `work` as `presser`, through the presser's OWN session: only a view that carries the admit/reject link (a
   * leader's view, per lobby_ref) may act. A presser who is not the watching organizer is joined just for the
   * press (and leaves after) so their own view can be asked; the lobby is read once for all the people acted on.
   */
  private async asPresser<T>(presser: Organizer, watcherId: string, meetingUri: string, work: (acting: Acting) => Promise<T>): Promise<T | Refused> {
    const session = await organizerSession(this.context, presser);
    if (!session) return refusal(presser, 'signInFirst');
    let temporary: string | undefined;
    try {
      if (presser.id === watcherId) return await work({ presser, session, viewOf: (target) => session.lobby.participant(target.participantHref) });
      const own = await this.ownConversation(presser.id, session, meetingUri);
      if (!own) return refusal(presser, 'notLeader');
      if (own.temporary) temporary = own.href;
      const waiting = await session.lobby.waiting(own.href).catch(() => [] as ParticipantView[]);
      const viewOf = async (target: LobbyTarget) =>
        waiting.find((candidate) => identityOf({ name: displayName(candidate), uri: candidate.uri }) === identityOf(target.person));
      return await work({ presser, session, viewOf });
    } catch (error) {
      const refused = await this.refusalFor(presser, error);
      if (refused) return refused;
      throw error;
    } finally {
      if (temporary) await session.lobby.leave(temporary).catch(() => undefined);
    }
  }

  /** Admits or turns away one person through the presser's view of them. */
  private async act(acting: Acting, target: LobbyTarget, action: LobbyAction): Promise<ActionResult> {
    try {
      const view = await acting.viewOf(target);
      // Someone the watcher still sees waiting but this person cannot see: they are no leader here.
      if (!view) return refusal(acting.presser, 'notLeader');
      if (view.inLobby === false) return { kind: 'gone' };
      const href = action === 'admit' ? view.admitHref : view.rejectHref;
      if (!href) return refusal(acting.presser, 'notLeader');
      await acting.session.post(href, undefined);
      this.context.logger.info({ teamsUserId: acting.presser.id, action }, 'lobby participant handled');
      return { kind: 'done' };
    } catch (error) {
      if (isGone(error) || (error instanceof UcwaError && error.status === 409 && error.is('AlreadyExists'))) return { kind: 'gone' };
      const refused = await this.refusalFor(acting.presser, error);
      if (refused) return refused;
      throw error;
    }
  }

  /** The refusal an error from Skype for Business amounts to, if it is one the presser should be told about. */
  private async refusalFor(presser: Organizer, error: unknown): Promise<Refused | undefined> {
    if (await expireOnSignInFailure(this.context, presser.id, error)) return refusal(presser, 'signInExpired');
    if (error instanceof UcwaError && error.status === 403) return refusal(presser, 'notLeader');
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

type Refused = Extract<ActionResult, { kind: 'refused' }>;

function refusal(presser: Organizer, reason: Refusal): Refused {
  return { kind: 'refused', reason, message: text(presser, reason) };
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

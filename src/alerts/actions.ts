import type { Logger } from '../logging.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { Organizer } from './people.js';
import { matchMeetings } from './meetings.js';
import type { AlertOutbox } from './outbox.js';
import type { WaitingPerson } from './people.js';
import type { AlertRecord } from './records.js';
import type { StoredReference } from '../teams/conversationReferences.js';
import type { ActOutcome, ActRefusal, Platform, SourceMeeting, VisitTarget, WaitingRoomHands, WaitingRoomSource } from './source.js';
import { text, type Texts } from './texts.js';

export type LobbyAction = 'admit' | 'reject';
/** What an admit/reject came to: done, already decided (first result wins), gone, or refused with a reason. */
export type ActionResult =
  | { kind: 'done' | 'already' | 'gone'; alert?: AlertRecord }
  | { kind: 'refused'; reason: Refusal; message: string };

export type Refusal = Extract<Texts, 'alertGone' | 'signInFirst' | 'signInExpired' | 'notLeader' | 'unsupported'>;

export type WaitingResult = { kind: 'notSignedIn' } | { kind: 'ok'; meetings: SourceMeeting[]; people: WaitingPerson[] };

/** What a source's refusal is called among the sentences the presser may read. */
const refusalTexts: Record<ActRefusal, Refusal> = { notLeader: 'notLeader', signInNeeded: 'signInFirst', signInExpired: 'signInExpired', unsupported: 'unsupported' };

/**
 * Acting on waiting rooms, whichever their platform: who waits (read live), and admit / reject from a card button
 * or by name in chat, carried out by the alert's source as the person who asked (see WaitingRoomSource.actAs).
 */
export class LobbyActions {
  constructor(
    private readonly locks: KeyedSerializer,
    private readonly logger: Logger,
    private readonly outbox: AlertOutbox,
    private readonly sources: ReadonlyMap<Platform, WaitingRoomSource>,
  ) {}

  /**
   * Who waits right now in the watched meetings of every source (optionally those matching `meeting`), read live.
   * Not signed in: no source watches anything for the person and one of them needs a sign-in first.
   */
  async waiting(user: Organizer, meeting?: string): Promise<WaitingResult> {
    const meetings: SourceMeeting[] = [];
    const lobbies: Array<Promise<WaitingPerson[]>> = [];
    let signedOut = false;
    for (const source of this.sources.values()) {
      const watched = await source.watching(user);
      if (watched === 'notSignedIn') {
        signedOut = true;
        continue;
      }
      const chosen = meeting ? matchMeetings(meeting, watched) : watched;
      meetings.push(...chosen);
      lobbies.push(...chosen.map((one) => this.waitingIn(source, user, one)));
    }
    if (signedOut && meetings.length === 0) return { kind: 'notSignedIn' };
    return { kind: 'ok', meetings, people: (await Promise.all(lobbies)).flat() };
  }

  /** Admit / reject someone picked by name in chat; their alert card (if any) shows the outcome too. */
  async actOnPerson(user: Organizer, person: WaitingPerson, action: LobbyAction): Promise<ActionResult> {
    const alert = this.outbox.openAlertFor(user.id, person.platform, person.visitKey);
    if (alert) return this.actOnAlert(user, alert.id, action);
    const source = this.sources.get(person.platform);
    if (!source) return refusal(user, 'alertGone');
    const target: VisitTarget = { watcherId: user.id, meetingKey: person.meetingKey, visitKey: person.visitKey, person: { key: person.personKey, name: person.name, uri: person.uri } };
    return this.asPresser(user, source, target, async (hands) => resultOf(user, await hands[action](target), source.platform));
  }

  /**
   * A card button: serialized per alert, so double clicks and two leaders at once see the first result. `pressedIn`:
   * the personal chat the button was pressed in, if it was (the card's update may go through it: AlertOutbox.finish).
   */
  async actOnAlert(presser: Organizer, alertId: string, action: LobbyAction, pressedIn?: StoredReference): Promise<ActionResult> {
    const alert = this.outbox.get(alertId);
    if (!alert) return refusal(presser, 'alertGone');
    // Already decided: show that, whoever presses, without asking the service anything.
    if (alert.outcome) return { kind: 'already', alert };
    const source = this.sources.get(alert.platform);
    if (!source) return refusal(presser, 'alertGone');
    return this.asPresser(presser, source, targetOf(alert), (hands) => this.settle(presser, hands, alertId, action, source.platform, pressedIn));
  }

  /**
   * "Admit all": admits exactly the people waiting in the pressed alert's meeting when it was pressed, each through
   * its own alert, as far as the presser may admit them; anyone they cannot admit keeps waiting. Someone arriving
   * meanwhile gets a card of their own rather than being admitted unseen.
   */
  async admitAll(presser: Organizer, alertId: string, pressedIn?: StoredReference): Promise<ActionResult> {
    const pressed = this.outbox.get(alertId);
    if (!pressed) return refusal(presser, 'alertGone');
    const source = this.sources.get(pressed.platform);
    if (!source) return refusal(presser, 'alertGone');
    const waiting = [pressed, ...this.outbox.openIn(pressed).filter((other) => other.id !== pressed.id)];
    const results = await this.asPresser(presser, source, targetOf(pressed), async (hands) => {
      // One call for everyone where the platform has one and they are exactly the people waiting; each alert is
      // then settled as admitted through the same path as one by one.
      const batch = hands.admitAll ? await hands.admitAll(waiting.map(targetOf)) : 'oneByOne';
      const each: WaitingRoomHands = batch === 'done' ? { admit: async () => 'done', reject: (target) => hands.reject(target) } : hands;
      const settled: ActionResult[] = [];
      for (const alert of waiting) {
        const result = await this.settle(presser, each, alert.id, 'admit', source.platform, pressedIn);
        settled.push(result);
        // A sign-in that ran out stops the run; a person this presser may not admit is just skipped.
        if (result.kind === 'refused' && result.reason !== 'notLeader') break;
      }
      return settled;
    });
    if (!Array.isArray(results)) return results;
    const refused = results.find((result) => result.kind === 'refused');
    if (refused && !results.some((result) => result.kind === 'done')) return refused;
    // Only a press that settled its own card speaks for the others (results[0] is the pressed alert's own).
    if (results[0]?.kind === 'done') await this.noteAdmittedTogether(pressed.id, results.filter((result) => result.kind === 'done').length, pressedIn);
    return { kind: 'done', alert: pressed };
  }

  /** The pressed card says how many people its "Admit all" let in, when that was more than its own person. */
  private async noteAdmittedTogether(alertId: string, admitted: number, pressedIn?: StoredReference): Promise<void> {
    const alert = this.outbox.get(alertId);
    if (admitted < 2 || alert?.outcome?.kind !== 'admitted') return;
    await this.outbox.finish(alert, { ...alert.outcome, together: admitted }, pressedIn);
  }

  /** Acts on one alert's person and records the outcome on the alert, unless it was already decided. */
  private settle(presser: Organizer, hands: WaitingRoomHands, alertId: string, action: LobbyAction, platform: Platform, pressedIn?: StoredReference): Promise<ActionResult> {
    return this.locks.run(`alert:${alertId}`, async () => {
      const alert = this.outbox.get(alertId);
      if (!alert) return refusal(presser, 'alertGone');
      if (alert.outcome) return { kind: 'already', alert };
      const result = resultOf(presser, await hands[action](targetOf(alert)), platform);
      if (result.kind === 'refused') return result;
      const at = new Date().toISOString();
      if (result.kind === 'done') await this.outbox.finish(alert, { kind: action === 'admit' ? 'admitted' : 'rejected', by: presser.name, at }, pressedIn);
      else await this.outbox.finish(alert, { kind: 'leftLobby', at }, pressedIn);
      return { ...result, alert };
    });
  }

  private async waitingIn(source: WaitingRoomSource, user: Organizer, meeting: SourceMeeting): Promise<WaitingPerson[]> {
    try {
      const visitors = await source.waiting(user, meeting);
      return visitors.map((visitor) => ({
        platform: source.platform,
        name: visitor.name,
        uri: visitor.uri,
        source: visitor.source,
        personKey: visitor.personKey,
        visitKey: visitor.visitKey,
        meetingKey: meeting.key,
        meetingSubject: meeting.subject,
      }));
    } catch (error) {
      this.logger.warn({ err: error, platform: source.platform, meeting: meeting.subject }, 'could not read a lobby');
      return [];
    }
  }

  /** Runs `work` with the presser's hands on the target's waiting room; a source that will not act says why. */
  private async asPresser<T>(presser: Organizer, source: WaitingRoomSource, target: VisitTarget, work: (hands: WaitingRoomHands) => Promise<T>): Promise<T | Refused> {
    const result = await source.actAs(presser, { watcherId: target.watcherId, meetingKey: target.meetingKey }, work);
    return 'refused' in result ? refusal(presser, refusalTexts[result.refused], source.platform) : result.acted;
  }
}

type Refused = Extract<ActionResult, { kind: 'refused' }>;

function refusal(presser: Organizer, reason: Refusal, platform?: Platform): Refused {
  return { kind: 'refused', reason, message: text(presser, reason, platform) };
}

function resultOf(presser: Organizer, outcome: ActOutcome, platform: Platform): ActionResult {
  if (outcome === 'done' || outcome === 'gone') return { kind: outcome };
  return refusal(presser, refusalTexts[outcome], platform);
}

function targetOf(alert: AlertRecord): VisitTarget {
  return { watcherId: alert.watcherId, meetingKey: alert.meeting.key, visitKey: alert.visitKey, person: alert.person };
}

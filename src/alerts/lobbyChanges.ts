import type { LobbyChange, UcwaSession } from '../ucwa/index.js';
import type { AlertsContext } from './context.js';
import type { AlertOutbox } from './outbox.js';
import { displayName, identityOf, sourceOf } from './people.js';
import { alertIdFor, type AlertRecord, type WatchedMeeting, type WatchRecord } from './records.js';
import type { Watches } from './watches.js';

/**
 * Turns an organizer's lobby events into durable alerts: an arrival becomes an alert in the outbox (written
 * before the event channel moves on), a departure settles the alert so its card stays true.
 */
export class LobbyChanges {
  constructor(
    private readonly context: AlertsContext,
    private readonly outbox: AlertOutbox,
    private readonly watches: Watches,
  ) {}

  async apply(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    if (change.type === 'added') await this.onArrival(userId, session, change);
    else if (change.type === 'deleted') await this.onDeparture(userId, session, change);
  }

  private async onArrival(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    const participant = change.participant;
    // No participant: they left before we could look (aggregation may skip whole visits); nothing to alert.
    if (!participant || participant.inLobby === false) return;
    const record = await this.context.records.watch(userId);
    const meeting = record && (await this.watches.meetingOf(session, record, change.conversationHref));
    if (!record || !meeting) return;
    const person = { name: displayName(participant, change.title), uri: participant.uri, source: sourceOf(participant) };
    await this.context.locks.run(`arrivals:${userId}`, async () => {
      const mine = this.outbox.of(userId);
      const open = mine.filter((alert) => !alert.outcome);
      if (open.some((alert) => alert.participantHref === change.participantHref)) return;
      const rejoined = open.find(
        (alert) => alert.meeting.uri === meeting.uri && alert.conversationHref !== change.conversationHref && identityOf(alert.person) === identityOf(person),
      );
      if (rejoined) return this.rebind(rejoined, change);
      const visit = mine.filter((alert) => alert.participantHref === change.participantHref).length;
      const alert = arrivalAlert({ watcher: record, meeting, change, person, visit });
      await this.outbox.add(alert);
      this.context.logger.info({ teamsUserId: userId, alertId: alert.id, meeting: meeting.subject }, 'lobby arrival recorded');
      this.outbox.kick(alert.id);
    });
  }

  /** The same person seen again after our conversation was re-created: keep their card, point it at the new hrefs. */
  private async rebind(alert: AlertRecord, change: LobbyChange): Promise<void> {
    await this.context.locks.run(`alert:${alert.id}`, async () => {
      alert.conversationHref = change.conversationHref;
      alert.participantHref = change.participantHref;
      await this.outbox.persist(alert);
    });
  }

  /** The card stays true: someone left the lobby without us (admitted elsewhere, turned away, gave up). */
  private async onDeparture(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    const alert = this.outbox.openAlertFor(userId, change.participantHref);
    if (!alert) return;
    await this.context.locks.run(`alert:${alert.id}`, async () => {
      if (alert.outcome) return;
      // Still in the conversation but out of the lobby means admitted; gone means refused or hung up.
      const admitted = await session.lobby
        .participant(change.participantHref)
        .then((view) => view.inLobby === false)
        .catch(() => false);
      await this.outbox.finish(alert, { kind: admitted ? 'admittedElsewhere' : 'leftLobby', at: new Date().toISOString() });
    });
  }
}

function arrivalAlert(arrival: { watcher: WatchRecord; meeting: WatchedMeeting; change: LobbyChange; person: AlertRecord['person']; visit: number }): AlertRecord {
  const { watcher, meeting, change } = arrival;
  const now = new Date().toISOString();
  return {
    id: alertIdFor(watcher.teamsUserId, change.conversationHref, change.participantHref, arrival.visit),
    watcherId: watcher.teamsUserId,
    meeting: { uri: meeting.uri, subject: meeting.subject },
    conversationHref: change.conversationHref,
    participantHref: change.participantHref,
    person: arrival.person,
    waitingSince: now,
    targetConversationId: meeting.alertConversationId,
    language: watcher.language,
    timeZone: watcher.timeZone,
    cardVersion: 1,
    deliveredVersion: 0,
    attempts: 0,
    createdAt: now,
  };
}

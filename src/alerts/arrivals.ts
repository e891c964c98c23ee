import type { Logger } from '../logging.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { AlertOutbox } from './outbox.js';
import { alertIdFor, type AlertRecord } from './records.js';
import type { Platform, SourceMeeting, SourceWatcher, Visitor, WaitingRoomEvent } from './source.js';

type Arrival = Extract<WaitingRoomEvent, { kind: 'arrived' }>;
type Departure = Extract<WaitingRoomEvent, { kind: 'departed' }>;
type Reset = Extract<WaitingRoomEvent, { kind: 'reset' }>;

/**
 * Turns a source's waiting-room events into durable alerts: an arrival becomes an alert in the outbox (written
 * before the source moves on), a departure settles the alert so its card stays true, a reset's full list is
 * reconciled with the open alerts. Knows the source only by its platform and opaque keys.
 */
export class Arrivals {
  constructor(
    private readonly locks: KeyedSerializer,
    private readonly outbox: AlertOutbox,
    private readonly logger: Logger,
  ) {}

  async apply(platform: Platform, event: WaitingRoomEvent): Promise<void> {
    if (event.kind === 'arrived') await this.onArrival(platform, event);
    else if (event.kind === 'departed') await this.onDeparture(platform, event);
    else await this.onReset(platform, event);
  }

  private async onArrival(platform: Platform, arrival: Arrival): Promise<void> {
    const { watcher, meeting, visitor, connectionKey } = arrival;
    await this.locks.run(`arrivals:${watcher.id}`, async () => {
      const mine = this.outbox.of(watcher.id).filter((alert) => alert.platform === platform);
      const open = mine.filter((alert) => !alert.outcome);
      if (open.some((alert) => alert.visitKey === visitor.visitKey)) return;
      const rejoined = open.find(
        (alert) => alert.meeting.key === meeting.key && alert.connectionKey !== connectionKey && alert.person.key === visitor.personKey,
      );
      if (rejoined) return this.rebind(rejoined, visitor, connectionKey);
      const visit = mine.filter((alert) => alert.visitKey === visitor.visitKey).length;
      const alert = arrivalAlert({ platform, watcher, meeting, visitor, connectionKey, visit });
      await this.outbox.add(alert);
      this.logger.info({ teamsUserId: watcher.id, alertId: alert.id, platform, meeting: meeting.subject }, 'lobby arrival recorded');
      this.outbox.kick(alert.id);
    });
  }

  /** The same person seen again after the source's connection was re-created: keep their card, point it at the new keys. */
  private async rebind(alert: AlertRecord, visitor: Visitor, connectionKey: string): Promise<void> {
    await this.locks.run(`alert:${alert.id}`, async () => {
      alert.connectionKey = connectionKey;
      alert.visitKey = visitor.visitKey;
      await this.outbox.persist(alert);
    });
  }

  /** The card stays true: someone left the lobby without us (admitted elsewhere, turned away, gave up). */
  private async onDeparture(platform: Platform, departure: Departure): Promise<void> {
    const alert = this.outbox.openAlertFor(departure.watcherId, platform, departure.visitKey);
    if (!alert) return;
    await this.locks.run(`alert:${alert.id}`, async () => {
      if (alert.outcome) return;
      const how = await departure.how();
      await this.outbox.finish(alert, { kind: how === 'admittedElsewhere' ? 'admittedElsewhere' : 'leftLobby', at: new Date().toISOString() });
    });
  }

  /**
   * Who waits now, complete: everyone listed is an arrival (known visits are left as they are), and an open alert
   * of this meeting whose visit is no longer listed ended while the source could not hear: it closes as gone.
   */
  private async onReset(platform: Platform, reset: Reset): Promise<void> {
    const { watcher, meeting, connectionKey, readAt } = reset;
    const settledSince = readAt ? this.visitsSettledSince(watcher.id, platform, readAt) : new Set<string>();
    for (const visitor of reset.waiting) {
      if (settledSince.has(visitor.visitKey)) continue;
      await this.onArrival(platform, { kind: 'arrived', watcher, meeting, visitor, connectionKey });
    }
    const listed = new Set(reset.waiting.map((visitor) => visitor.visitKey));
    const ended = this.outbox
      .openIn({ watcherId: watcher.id, platform, meeting })
      .filter((alert) => !listed.has(alert.visitKey) && (!readAt || alert.createdAt < readAt));
    for (const alert of ended) {
      await this.locks.run(`alert:${alert.id}`, async () => {
        if (!alert.outcome) await this.outbox.finish(alert, { kind: 'leftLobby', at: new Date().toISOString() });
      });
    }
  }

  /** Visits whose alert got its outcome after a snapshot was read: the snapshot still listing them is older news. */
  private visitsSettledSince(watcherId: string, platform: Platform, readAt: string): Set<string> {
    const settled = this.outbox.of(watcherId).filter((alert) => alert.platform === platform && alert.outcome && alert.outcome.at >= readAt);
    return new Set(settled.map((alert) => alert.visitKey));
  }
}

function arrivalAlert(arrival: { platform: Platform; watcher: SourceWatcher; meeting: SourceMeeting; visitor: Visitor; connectionKey: string; visit: number }): AlertRecord {
  const { platform, watcher, meeting, visitor } = arrival;
  const now = new Date().toISOString();
  return {
    id: alertIdFor(watcher.id, platform, arrival.connectionKey, visitor.visitKey, arrival.visit),
    watcherId: watcher.id,
    platform,
    meeting: { key: meeting.key, subject: meeting.subject },
    visitKey: visitor.visitKey,
    connectionKey: arrival.connectionKey,
    person: { key: visitor.personKey, name: visitor.name, uri: visitor.uri, source: visitor.source },
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

import { createHash } from 'node:crypto';
import type { Language } from '../nlu/recognition.js';
import { FENCE_FIELD, fencedWrite, withoutFence, type Fence } from '../storage/fence.js';
import type { BotStorage } from '../storage/index.js';
import { retryStorage } from '../storage/retry.js';
import { identityOf } from './people.js';
import type { PersonSource, Platform } from './source.js';

export type { PersonSource, Platform };

export type OutcomeKind = 'admitted' | 'rejected' | 'admittedElsewhere' | 'leftLobby';

export interface AlertOutcome {
  kind: OutcomeKind;
  /** Display name of whoever pressed the button or typed the command. */
  by?: string;
  at: string;
  /** On the card whose "Admit all" was pressed: how many people that press admitted, this one included. */
  together?: number;
}

/**
 * One lobby visit and its card. The waiting room is named by its source's platform and OPAQUE keys (see
 * src/alerts/source.ts): only that source reads them; the card and its buttons carry the alert id alone.
 */
export interface AlertRecord {
  id: string;
  /** The person whose source saw the arrival (the organizer, for Skype for Business). */
  watcherId: string;
  platform: Platform;
  /** `key`: the source's meeting key (UCWA: onlineMeetingUri). */
  meeting: { key: string; subject: string };
  /** The source's key of this visit (UCWA: the participant href). */
  visitKey: string;
  /** The source's connection the visit was last seen through (UCWA: our conversation href); see WaitingRoomEvent. */
  connectionKey: string;
  /** `key`: the source's person key, the same across visits and re-created connections. */
  person: { key: string; name: string; uri?: string; source: PersonSource };
  waitingSince: string;
  /** A routed conversation; the organizer's personal chat when absent. */
  targetConversationId?: string;
  language: Language;
  timeZone: string;
  /** Teams id of the card message, once sent. */
  activityId?: string;
  /**
   * An instance is sending the card for the first time (src/alerts/outbox.ts claims it with a fenced conditional
   * write before it sends): no one else sends it before `until` (epoch ms), so an alert is sent by one instance.
   */
  claim?: { by: string; until: number };
  outcome?: AlertOutcome;
  /**
   * How many people waited in the meeting (this one included) as of `cardVersion`: the "Admit all (N)" the card
   * shows. Absent on records written before cards kept count.
   */
  waitingInMeeting?: number;
  /** Bumped on every change the card must show; the card is up to date when `deliveredVersion` equals it. */
  cardVersion: number;
  deliveredVersion: number;
  attempts: number;
  /** Earliest next delivery attempt after a failure (epoch ms). */
  retryAt?: number;
  /** When the current run of failed attempts began (epoch ms); cleared by a delivery. */
  failingSince?: number;
  /**
   * Set when delivery stopped for good: Teams refused the card for a reason sending it again cannot fix (a 400 or
   * 413, say), or attempts kept failing for a long time. The alert is kept for inspection, never tried again, and
   * purged like a finished one.
   */
  parked?: ParkedDelivery;
  createdAt: string;
}

export interface ParkedDelivery {
  /** Why, in one line: "Teams answered 413 MessageSizeTooBig", "gave up after 20 attempts over 61 minutes". */
  reason: string;
  at: string;
  /** The attempt that parked it (1 = the first one). */
  attempts: number;
}

const alertPrefix = 'lobby/alert/';

type Stored<T> = T & { eTag?: string };

/**
 * The alert outbox in storage (`lobby/alert/<alert id>`): one record per lobby visit, written BEFORE the source
 * moves past its event (for UCWA: before the event channel's position is saved), delivered from here and marked
 * with the Teams activity id once sent. Writes are last-writer-wins: callers serialize per alert. (Watch lists are
 * their sources' own, e.g. sources/ucwa/records.ts; sign-in states are src/sfb's.)
 */
export class LobbyRecords {
  constructor(private readonly storage: BotStorage) {}

  /**
   * Writes an alert merged with what is stored (see mergeAlert: another instance may have settled it or sent its
   * card meanwhile), conditional on the version read, and fenced when the watcher's channel owner writes it. Returns
   * what was stored.
   */
  async saveAlert(alert: AlertRecord, fence?: Fence): Promise<AlertRecord> {
    let merged = alert;
    await fencedWrite<AlertRecord>(
      this.storage,
      `${alertPrefix}${alert.id}`,
      (current) => (merged = current ? mergeAlert(upgradeAlert(current), alert) : alert),
      fence,
    );
    return merged;
  }

  /**
   * Writes an alert as it is, without reading the stored copy first: only for the store's sole writer (the file
   * store, one process; see DeliveryRights.exclusive), whose copy in memory is the stored one moved forward, so the
   * merge saveAlert makes would give it back unchanged. Writes of one key land in the order they were called, each
   * with the record as it was at its call, so the last one called holds the latest state. Stamped like saveAlert.
   * Through the store's journal where it has one: an alert is rewritten at each change of its card (the outcome, the
   * delivery after each send or update), each a file replaced and fsync'd otherwise.
   */
  async replaceAlert(alert: AlertRecord, fence?: Fence): Promise<void> {
    const stamp = fence ? { [FENCE_FIELD]: { scope: fence.scope, token: fence.token } } : {};
    const changes = { [`${alertPrefix}${alert.id}`]: { ...alert, ...stamp, eTag: '*' } };
    await (this.storage.writeJournaled ? this.storage.writeJournaled(changes) : this.storage.write(changes));
  }

  /**
   * Changes a stored alert through `change`, which sees the stored record (or undefined) and returns the record to
   * store, or undefined to leave it; conditional and fenced like saveAlert. Returns what was stored, if anything.
   */
  async changeAlert(id: string, change: (stored: AlertRecord | undefined) => AlertRecord | undefined, fence?: Fence): Promise<AlertRecord | undefined> {
    let written: AlertRecord | undefined;
    await fencedWrite<AlertRecord>(this.storage, `${alertPrefix}${id}`, (current) => (written = change(current ? upgradeAlert(current) : undefined)), fence);
    return written;
  }

  async readAlert(id: string): Promise<AlertRecord | undefined> {
    const key = `${alertPrefix}${id}`;
    const value = (await this.storage.read([key]))[key] as Stored<AlertRecord | LegacyAlertRecord> | undefined;
    if (!value) return undefined;
    const { eTag: _eTag, ...alert } = value;
    return upgradeAlert(withoutFence(alert));
  }

  async deleteAlerts(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.storage.delete(ids.map((id) => `${alertPrefix}${id}`));
  }

  /**
   * Every alert, read whole. Each listing and slice is tried again when it fails: it runs at start (the outbox
   * load), where one read that timed out on a busy store made an instance of a rolling restart exit.
   */
  async allAlerts(): Promise<AlertRecord[]> {
    return this.readAlerts(await retryStorage(() => this.storage.keys(alertPrefix)));
  }

  /**
   * The stored alerts of some watchers, for an instance taking their channels over. An alert's watcher is part of
   * its id, so it never changes: of the alerts the caller already knows (`watcherOf`), only the watchers' own are
   * read again, and every alert it does not know yet is read (and returned, whoever's it is) so it is known next
   * time. Reading every alert at each take-over made a rolling restart of 3 instances read the outbox dozens of times.
   */
  async alertsOf(watchers: ReadonlySet<string>, watcherOf: (id: string) => string | undefined): Promise<AlertRecord[]> {
    const keys = await retryStorage(() => this.storage.keys(alertPrefix));
    return this.readAlerts(
      keys.filter((key) => {
        const watcher = watcherOf(key.slice(alertPrefix.length));
        return watcher === undefined || watchers.has(watcher);
      }),
    );
  }

  private async readAlerts(keys: string[]): Promise<AlertRecord[]> {
    const alerts: AlertRecord[] = [];
    // Read in slices: a long outbox must not open thousands of files at once.
    for (let start = 0; start < keys.length; start += 100) {
      const items = await retryStorage(() => this.storage.read(keys.slice(start, start + 100)));
      for (const value of Object.values(items)) {
        const { eTag: _eTag, ...alert } = value as Stored<AlertRecord | LegacyAlertRecord>;
        alerts.push(upgradeAlert(withoutFence(alert)));
      }
    }
    return alerts;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One lobby visit, one id: the same event seen twice (redelivered after a crash, or replayed) maps to the same
 * record. `visit` counts earlier visits with the same visit key, since a server may reuse it. Skype for Business
 * ids are what they were when the keys were UCWA hrefs, so an event replayed across the upgrade is still known.
 */
export function alertIdFor(watcherId: string, platform: Platform, connectionKey: string, visitKey: string, visit: number): string {
  const connection = platform === 'sfb' ? connectionKey : `${platform}\n${connectionKey}`;
  return sha256(`${watcherId}\n${connection}\n${visitKey}\n${visit}`).slice(0, 32);
}

/** An alert as stored before the core knew more than one platform: keyed on UCWA hrefs. */
export type LegacyAlertRecord = Omit<AlertRecord, 'platform' | 'meeting' | 'visitKey' | 'connectionKey' | 'person'> & {
  meeting: { uri: string; subject: string };
  conversationHref: string;
  participantHref: string;
  person: { name: string; uri?: string; source: PersonSource };
};

/**
 * Reads a stored alert in today's shape. Records written before the sources existed were all Skype for Business,
 * keyed on hrefs: they become the UCWA source's keys (meeting URI, participant href, conversation href) and its
 * person key; they are written in the new shape at their next change.
 */
export function upgradeAlert(stored: AlertRecord | LegacyAlertRecord): AlertRecord {
  if ('platform' in stored && typeof stored.platform === 'string') return stored;
  const { meeting, conversationHref, participantHref, person, ...rest } = stored as LegacyAlertRecord;
  return {
    ...rest,
    platform: 'sfb',
    meeting: { key: meeting.uri, subject: meeting.subject },
    visitKey: participantHref,
    connectionKey: conversationHref,
    person: { key: identityOf(person), ...person },
  };
}

/**
 * Two copies of one alert, the stored one and ours, made one. What only ever moves forward keeps its furthest value
 * whoever wrote it: the card's activity id once sent, the first outcome (first decision wins), the versions. The
 * rest is ours, the writer's: its delivery bookkeeping and its claim.
 */
export function mergeAlert(stored: AlertRecord, mine: AlertRecord): AlertRecord {
  // A card moved to the personal chat (the bot left the routed channel) starts again there: its old id is not kept.
  const sameTarget = stored.targetConversationId === mine.targetConversationId;
  return {
    ...mine,
    activityId: mine.activityId ?? (sameTarget ? stored.activityId : undefined),
    // The first decision stands; the same decision may be amended (how many an "Admit all" let in).
    outcome: stored.outcome && mine.outcome?.kind !== stored.outcome.kind ? stored.outcome : (mine.outcome ?? stored.outcome),
    cardVersion: Math.max(stored.cardVersion, mine.cardVersion),
    deliveredVersion: sameTarget ? Math.max(stored.deliveredVersion, mine.deliveredVersion) : mine.deliveredVersion,
  };
}

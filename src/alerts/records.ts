import type { CommandOptions } from '../teams/capability.js';
import { createHash } from 'node:crypto';
import type { Language } from '../nlu/recognition.js';
import type { FileStorage } from '../storage/index.js';

export type PersonSource = 'SameEnterprise' | 'Federated' | 'Anonymous' | 'Unknown';

export interface WatchedMeeting {
  /** onlineMeetingUri: the stable identity of the meeting. */
  uri: string;
  subject: string;
  meetingId?: string;
  /** The organizer's own conversation in the meeting, while joined. */
  conversationHref?: string;
  /** Where this meeting's alerts go instead of the organizer's personal chat (a channel or group chat). */
  alertConversationId?: string;
}

export interface WatchRecord {
  teamsUserId: string;
  upn?: string;
  name?: string;
  language: Language;
  timeZone: string;
  meetings: WatchedMeeting[];
}

export type OutcomeKind = 'admitted' | 'rejected' | 'admittedElsewhere' | 'leftLobby';

export interface AlertOutcome {
  kind: OutcomeKind;
  /** Display name of whoever pressed the button or typed the command. */
  by?: string;
  at: string;
}

export interface AlertRecord {
  id: string;
  /** The organizer whose application saw the lobby event. */
  watcherId: string;
  meeting: { uri: string; subject: string };
  conversationHref: string;
  participantHref: string;
  person: { name: string; uri?: string; source: PersonSource };
  waitingSince: string;
  /** A routed conversation; the organizer's personal chat when absent. */
  targetConversationId?: string;
  language: Language;
  timeZone: string;
  /** Teams id of the card message, once sent. */
  activityId?: string;
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

export interface SignInState {
  teamsUserId: string;
  name?: string;
  upn?: string;
  language: Language;
  expiresAt: number;
  failures: number;
  /** What the person asked for before they were signed in; run once they are. */
  held?: CommandOptions;
}

const watchPrefix = 'lobby/watch/';
const alertPrefix = 'lobby/alert/';
const signInPrefix = 'lobby/signin/';

type Stored<T> = T & { eTag?: string };

/**
 * What lobby alerts keep in storage. Three kinds of record, each under its own key prefix:
 * - a watch list per organizer (`lobby/watch/<teams user id>`): which meetings their UCWA application stays joined to;
 * - the alert outbox (`lobby/alert/<alert id>`): one record per lobby visit, written BEFORE the event channel's
 *   position is saved, delivered from here and marked with the Teams activity id once sent;
 * - one-time sign-in states (`lobby/signin/<sha256 of the state>`), so the raw state never sits on disk.
 *
 * Writes are last-writer-wins: callers serialize per key.
 */
export class LobbyRecords {
  constructor(private readonly storage: FileStorage) {}

  async watch(teamsUserId: string): Promise<WatchRecord | undefined> {
    return this.readOne<WatchRecord>(`${watchPrefix}${teamsUserId}`);
  }

  async saveWatch(record: WatchRecord): Promise<void> {
    await this.storage.write({ [`${watchPrefix}${record.teamsUserId}`]: { ...record, eTag: '*' } });
  }

  async deleteWatch(teamsUserId: string): Promise<void> {
    await this.storage.delete([`${watchPrefix}${teamsUserId}`]);
  }

  async watchers(): Promise<string[]> {
    return (await this.storage.keys(watchPrefix)).map((key) => key.slice(watchPrefix.length));
  }

  async saveAlert(alert: AlertRecord): Promise<void> {
    await this.storage.write({ [`${alertPrefix}${alert.id}`]: { ...alert, eTag: '*' } });
  }

  async deleteAlerts(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.storage.delete(ids.map((id) => `${alertPrefix}${id}`));
  }

  async allAlerts(): Promise<AlertRecord[]> {
    const keys = await this.storage.keys(alertPrefix);
    const alerts: AlertRecord[] = [];
    // Read in slices: a long outbox must not open thousands of files at once.
    for (let start = 0; start < keys.length; start += 100) {
      const items = await this.storage.read(keys.slice(start, start + 100));
      for (const value of Object.values(items)) {
        const { eTag: _eTag, ...alert } = value as Stored<AlertRecord>;
        alerts.push(alert);
      }
    }
    return alerts;
  }

  async saveSignInState(state: string, record: SignInState): Promise<void> {
    await this.storage.write({ [signInKey(state)]: { ...record, eTag: '*' } });
  }

  async signInState(state: string): Promise<SignInState | undefined> {
    return this.readOne<SignInState>(signInKey(state));
  }

  async deleteSignInState(state: string): Promise<void> {
    await this.storage.delete([signInKey(state)]);
  }

  private async readOne<T>(key: string): Promise<T | undefined> {
    const items = await this.storage.read([key]);
    const value = items[key] as Stored<T> | undefined;
    if (!value) return undefined;
    const { eTag: _eTag, ...record } = value;
    return record as T;
  }
}

function signInKey(state: string): string {
  return `${signInPrefix}${sha256(state)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One lobby visit, one id: the same event seen twice (redelivered after a crash, or replayed) maps to the same
 * record. `visit` counts earlier visits of the same participant resource, since a server may reuse it.
 */
export function alertIdFor(watcherId: string, conversationHref: string, participantHref: string, visit: number): string {
  return sha256(`${watcherId}\n${conversationHref}\n${participantHref}\n${visit}`).slice(0, 32);
}

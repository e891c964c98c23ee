import type { CommandOptions } from '../teams/capability.js';
import { createHash, randomUUID } from 'node:crypto';
import type { Language } from '../nlu/recognition.js';
import { fencedWrite, withoutFence, type Fence } from '../storage/fence.js';
import { ETagConflictError, type BotStorage } from '../storage/index.js';
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

export interface SignInState {
  teamsUserId: string;
  name?: string;
  upn?: string;
  email?: string;
  aadObjectId?: string;
  language: Language;
  expiresAt: number;
  failures: number;
  /** What the person asked for before they were signed in; run once they are. */
  held?: CommandOptions;
  /** A page post is running the password grant with this state (see LobbyRecords.claimSignInState). */
  claim?: { id: string; until: number };
  /** Signed in with it, or too many failures: kept (not deleted) until it expires, so a stale eTag cannot revive it. */
  ended?: 'used' | 'spent';
}

/** What a page post gets when it asks to use a sign-in state. */
export type SignInClaim =
  | { kind: 'claimed'; claimId: string; record: SignInState }
  /** Another post holds the state right now. */
  | { kind: 'busy' }
  | { kind: 'used' | 'spent' | 'expired' | 'unknown' };

const alertPrefix = 'lobby/alert/';
const signInPrefix = 'lobby/signin/';

type Stored<T> = T & { eTag?: string };

/**
 * What lobby alerts keep in storage. Two kinds of record, each under its own key prefix (the watch lists are
 * their sources' own: see sources/ucwa/records.ts):
 * - the alert outbox (`lobby/alert/<alert id>`): one record per lobby visit, written BEFORE the event channel's
 *   position is saved, delivered from here and marked with the Teams activity id once sent;
 * - one-time sign-in states (`lobby/signin/<sha256 of the state>`), so the raw state never sits on disk.
 *
 * Watch and alert writes are last-writer-wins: callers serialize per key. Sign-in states are claimed with
 * conditional (eTag) writes instead, because the posts that race for them may run in different processes.
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

  async allAlerts(): Promise<AlertRecord[]> {
    const keys = await this.storage.keys(alertPrefix);
    const alerts: AlertRecord[] = [];
    // Read in slices: a long outbox must not open thousands of files at once.
    for (let start = 0; start < keys.length; start += 100) {
      const items = await this.storage.read(keys.slice(start, start + 100));
      for (const value of Object.values(items)) {
        const { eTag: _eTag, ...alert } = value as Stored<AlertRecord | LegacyAlertRecord>;
        alerts.push(upgradeAlert(withoutFence(alert)));
      }
    }
    return alerts;
  }

  /** Stores a new sign-in state (the state is 32 random bytes, so the key is new: no eTag needed). */
  async saveSignInState(state: string, record: SignInState): Promise<void> {
    await this.storage.write({ [signInKey(state)]: { ...record, eTag: '*' } });
  }

  /** A state that can still be used (it may be claimed by a post in progress), or undefined. */
  async liveSignInState(state: string, now = Date.now()): Promise<SignInState | undefined> {
    const record = await this.readOne<SignInState>(signInKey(state));
    return record && !record.ended && record.expiresAt > now ? record : undefined;
  }

  /**
   * Takes a sign-in state for one page post, atomically: a conditional write on the eTag just read. Of posts that
   * read the same version only one write succeeds (FileStorage checks the eTag inside the key's serializer; Blob
   * and Cosmos stores check it on the server), so the others see `busy` and never run the password grant — within
   * one process and across processes sharing the storage alike. The claim is a lease: a process that dies while
   * holding it does not spend the link for good, only until `leaseMs` has passed.
   */
  async claimSignInState(state: string, leaseMs: number, now = Date.now()): Promise<SignInClaim> {
    const key = signInKey(state);
    const stored = await this.readStored<SignInState>(key);
    if (!stored) return { kind: 'unknown' };
    const { eTag, ...record } = stored;
    if (record.ended) return { kind: record.ended };
    if (record.expiresAt <= now) return { kind: 'expired' };
    if (record.claim && record.claim.until > now) return { kind: 'busy' };
    // Without an eTag the write below would be unconditional, and two posts could both win.
    if (!eTag || eTag === '*') throw new Error('storage returned a sign-in state without an eTag; cannot claim it');
    const claimId = randomUUID();
    try {
      await this.storage.write({ [key]: { ...record, claim: { id: claimId, until: now + leaseMs }, eTag } });
    } catch (error) {
      if (error instanceof ETagConflictError) return { kind: 'busy' };
      throw error;
    }
    // A conditional write on an item deleted meanwhile re-creates it (botbuilder's eTag semantics). States are
    // deleted only once expired, so a write that re-created one finds it expired here, now, and goes no further.
    if (record.expiresAt <= Date.now()) {
      await this.storage.delete([key]);
      return { kind: 'expired' };
    }
    return { kind: 'claimed', claimId, record: { ...record, claim: { id: claimId, until: now + leaseMs } } };
  }

  /**
   * Ends a claim: `used` and `spent` close the state for good; `failures` puts it back for another try. Writes
   * only while the claim is still ours (the same claim id, on the eTag just read); returns false otherwise.
   */
  async settleSignInClaim(state: string, claimId: string, outcome: { ended: 'used' | 'spent' } | { failures: number }): Promise<boolean> {
    const key = signInKey(state);
    const stored = await this.readStored<SignInState>(key);
    if (!stored || stored.claim?.id !== claimId || !stored.eTag) return false;
    const { eTag, claim: _claim, ...record } = stored;
    // An ended state keeps only what its expiry needs: the held command and the person's details go.
    const next: SignInState =
      'ended' in outcome
        ? { teamsUserId: record.teamsUserId, language: record.language, expiresAt: record.expiresAt, failures: record.failures, ended: outcome.ended }
        : { ...record, failures: outcome.failures };
    try {
      await this.storage.write({ [key]: { ...next, eTag } });
      return true;
    } catch (error) {
      if (error instanceof ETagConflictError) return false;
      throw error;
    }
  }

  /** Deletes sign-in states past their expiry (used, spent or never used); a few a day, so a plain scan. */
  async deleteExpiredSignInStates(now = Date.now()): Promise<number> {
    const keys = await this.storage.keys(signInPrefix);
    const expired: string[] = [];
    for (let start = 0; start < keys.length; start += 100) {
      const items = await this.storage.read(keys.slice(start, start + 100));
      for (const [key, value] of Object.entries(items)) {
        if ((value as SignInState).expiresAt <= now) expired.push(key);
      }
    }
    if (expired.length > 0) await this.storage.delete(expired);
    return expired.length;
  }

  private async readOne<T>(key: string): Promise<T | undefined> {
    const value = await this.readStored<T>(key);
    if (!value) return undefined;
    const { eTag: _eTag, ...record } = value;
    return record as T;
  }

  private async readStored<T>(key: string): Promise<Stored<T> | undefined> {
    const items = await this.storage.read([key]);
    return items[key] as Stored<T> | undefined;
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

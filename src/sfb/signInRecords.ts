import { createHash, randomUUID } from 'node:crypto';
import type { Language } from '../nlu/recognition.js';
import { ETagConflictError, type BotStorage } from '../storage/index.js';
import type { CommandOptions } from '../teams/capability.js';

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
  /** A page post is running the password grant with this state (see SignInRecords.claimSignInState). */
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

/** Kept under the prefix lobby alerts gave them first, so links issued before an upgrade still work. */
const signInPrefix = 'lobby/signin/';

type Stored<T> = T & { eTag?: string };

/**
 * One-time sign-in states (`lobby/signin/<sha256 of the state>`, so the raw state never sits on disk). They are
 * claimed with conditional (eTag) writes, because the page posts that race for them may run in different processes.
 */
export class SignInRecords {
  constructor(private readonly storage: BotStorage) {}

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

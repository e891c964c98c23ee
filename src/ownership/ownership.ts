import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import pLimit from 'p-limit';
import type { Logger } from '../logging.js';
import type { Fence } from '../storage/fence.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import { LeaseBlobs } from './leaseBlobs.js';
import { ownerOf } from './rendezvous.js';

/** Why a key stopped being ours. */
export type LostReason = 'rebalanced' | 'unwanted' | 'stopping' | 'taken' | 'expired';

export type AcquiredHandler = (key: string, fence: Fence) => Promise<void> | void;
export type LostHandler = (key: string, reason: LostReason) => Promise<void> | void;

/**
 * Which instance runs what. Each key (an organizer's event channel: `channel/<teams user id>`) is owned by exactly
 * one instance at a time; `acquired` and `lost` say when that changes here. An owner writes the key's records with
 * its fence (see fencedWrite), so an instance that lost a key without knowing it yet cannot overwrite its successor.
 */
export interface Ownership {
  /** Shared: several instances decide through Azure Blob leases. Sole: this process owns every key (the file store). */
  readonly mode: 'sole' | 'shared';
  readonly instanceId: string;
  start(): Promise<void>;
  /** Hands every key back: `lost` handlers run (and finish) while the leases still hold, then the leases are released. */
  stop(): Promise<void>;
  owns(key: string): boolean;
  /** The token to write the key's records with, while we own it. */
  fence(key: string): Fence | undefined;
  /** The keys owned here now. */
  owned(): string[];
  onAcquired(handler: AcquiredHandler): () => void;
  onLost(handler: LostHandler): () => void;
  /** The set of keys changed (someone started watching): look again soon rather than at the next tick. */
  rebalanceSoon(): void;
}

/** The key of an organizer's event channel. */
export function channelKey(teamsUserId: string): string {
  return `channel/${teamsUserId}`;
}

export function userOfChannelKey(key: string): string | undefined {
  return key.startsWith('channel/') ? key.slice('channel/'.length) : undefined;
}

/** One process, one owner: every key is ours, always, with a constant token (the file store has one writer). */
export class SoleOwnership implements Ownership {
  readonly mode = 'sole';
  /**
   * The same name in every process: the file store admits one process at a time (the DATA_DIR lock), so a claim
   * left by an earlier process of this folder (killed mid-send) is ours to take up, not another instance's to wait for.
   */
  readonly instanceId = 'sole';

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  owns(): boolean {
    return true;
  }
  fence(key: string): Fence {
    return { scope: key, token: 0 };
  }
  owned(): string[] {
    return [];
  }
  onAcquired(): () => void {
    return () => undefined;
  }
  onLost(): () => void {
    return () => undefined;
  }
  rebalanceSoon(): void {}
}

export interface LeaseOwnershipOptions {
  connectionString: string;
  container: string;
  /** Every key that should be owned by someone right now (read from shared storage at each tick). */
  keys: () => Promise<string[]>;
  logger: Logger;
  /** Lease length, 15–60 s (Azure's bounds): how long a dead instance's keys wait before moving. Default 20. */
  leaseSeconds?: number;
  /** How often leases are renewed and shares recomputed; default a quarter of the lease. */
  tickMs?: number;
  instanceId?: string;
  /** How many groups the keys are leased in (see LeaseOwnership); default 64. */
  groups?: number;
}

const DEFAULT_GROUPS = 64;

/** The lease group a key belongs to: fixed by the key alone, so every instance computes the same. */
export function groupOf(key: string, groups = DEFAULT_GROUPS): string {
  return `group/${createHash('sha256').update(key).digest().readUInt32BE(0) % groups}`;
}

interface Held {
  fence: Fence;
  /** After this (local clock) the lease may have run out on the server: act as if it had. */
  validUntil: number;
  /** `lost` handlers are running: still ours (renewed, fenced) until they finish. */
  leaving: boolean;
  /** A renewal of this lease is waiting for its answer. */
  renewing?: boolean;
}

/**
 * Ownership among instances through Azure Blob leases. Each instance keeps a leased membership blob; the live
 * members (those whose lease runs) share the work by rendezvous hashing, so every instance computes the same fair
 * split without talking to the others.
 *
 * Keys are leased in groups (`groups`, 64 by default, each key's fixed by a hash): one lease per group that has a
 * wanted key, not one per key. A lease is a storage transaction at every renewal, so one per organizer cost 2,000
 * transactions a second at 10,000 organizers and, on a busy store, thousands of renewals that could each be late;
 * grouped, it is at most 64 leases whatever the number of organizers. A key is owned, fenced, acquired and lost with
 * its group; the fencing token is the group's epoch, so each new owner of a key still writes with a higher token than
 * every owner before it.
 *
 * At each tick an instance renews what it holds, lets go of groups that now belong to another member (after the
 * `lost` handlers of their keys ran) and takes the groups that belong to it once they are free: released by their
 * former owner, or expired because it died.
 *
 * A lease is trusted only until `validUntil`, computed from when its last renewal was sent, minus a margin: past it,
 * its keys are reported lost even if the service could not be asked, since another instance may hold them by then.
 */
export class LeaseOwnership implements Ownership {
  readonly mode = 'shared';
  readonly instanceId: string;
  private readonly leaseId = randomUUID();
  private readonly leaseMs: number;
  private readonly tickMs: number;
  private readonly groups: number;
  /** Groups whose lease we hold. */
  private readonly held = new Map<string, Held>();
  /** Keys whose `acquired` handlers ran here and whose `lost` handlers have not yet finished. */
  private readonly active = new Set<string>();
  /** Active keys whose `lost` handlers are running (given up on purpose): told once, not again if the lease lapses. */
  private readonly retiring = new Set<string>();
  private readonly acquiredHandlers = new Set<AcquiredHandler>();
  private readonly lostHandlers = new Set<LostHandler>();
  /** acquired and lost handlers of one key run in order, never at once. */
  private readonly handlerOrder = new KeyedSerializer();
  private readonly limit = pLimit(16);
  /** Renewals have their own lane: taking new groups must never make a held lease late. */
  private readonly renewals = pLimit(32);
  private renewer?: NodeJS.Timeout;
  private renewingMembership?: Promise<void>;
  private leases?: LeaseBlobs;
  private memberValidUntil = 0;
  private timer?: NodeJS.Timeout;
  /** Checks leases' local validity every second, even while a tick waits on a slow storage call. */
  private watchdog?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly options: LeaseOwnershipOptions) {
    const seconds = options.leaseSeconds ?? 20;
    if (!Number.isInteger(seconds) || seconds < 15 || seconds > 60) throw new RangeError('leaseSeconds must be a whole number from 15 to 60');
    this.leaseMs = seconds * 1000;
    this.tickMs = options.tickMs ?? Math.floor(this.leaseMs / 4);
    this.groups = options.groups ?? DEFAULT_GROUPS;
    if (!Number.isInteger(this.groups) || this.groups < 1) throw new RangeError('groups must be a whole number of at least 1');
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${this.leaseId.slice(0, 8)}`;
  }

  async start(): Promise<void> {
    this.leases = await LeaseBlobs.open({ connectionString: this.options.connectionString, container: this.options.container, timeoutMs: Math.min(5_000, this.tickMs * 2) });
    // A first look that fails (storage slow at start) is not fatal: the next tick tries again.
    await this.tick().catch((error: unknown) => this.options.logger.warn({ err: error }, 'ownership: the first rebalance failed; trying again at the next tick'));
    this.timer = setInterval(() => this.rebalanceSoon(), this.tickMs);
    this.timer.unref();
    this.renewer = setInterval(() => void this.renewAll(), this.tickMs);
    this.renewer.unref();
    this.watchdog = setInterval(() => this.expireOverdue(), 1_000);
    this.watchdog.unref();
    this.options.logger.info({ instanceId: this.instanceId, leaseSeconds: this.leaseMs / 1000, owned: this.active.size }, 'ownership: joined the instances sharing the container');
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.renewer);
    await this.ticking;
    this.expireOverdue();
    await Promise.allSettled([...this.held.keys()].map((group) => this.letGo(group, 'stopping')));
    clearInterval(this.watchdog);
    if (this.leases) await this.leases.unregister(this.instanceId, this.leaseId).catch((error: unknown) => this.options.logger.warn({ err: error }, 'ownership: could not remove the membership record'));
    this.options.logger.info({ instanceId: this.instanceId }, 'ownership: left; every lease released');
  }

  /**
   * Stops renewing without releasing anything: what a crash looks like to the other instances, whose wait for the
   * leases to run out this is. For tests, and for an exit that cannot wait.
   */
  halt(): void {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.renewer);
    clearInterval(this.watchdog);
    this.held.clear();
    this.active.clear();
    this.retiring.clear();
  }

  owns(key: string): boolean {
    return this.active.has(key) && this.trusted(this.groupOf(key)) !== undefined;
  }

  fence(key: string): Fence | undefined {
    return this.active.has(key) ? this.trusted(this.groupOf(key))?.fence : undefined;
  }

  owned(): string[] {
    return [...this.active].filter((key) => this.owns(key)).sort();
  }

  onAcquired(handler: AcquiredHandler): () => void {
    this.acquiredHandlers.add(handler);
    return () => this.acquiredHandlers.delete(handler);
  }

  onLost(handler: LostHandler): () => void {
    this.lostHandlers.add(handler);
    return () => this.lostHandlers.delete(handler);
  }

  rebalanceSoon(): void {
    if (this.stopped) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'ownership: a rebalance failed; trying again at the next tick'))
      .finally(() => {
        this.ticking = undefined;
        if (this.again) {
          this.again = false;
          this.rebalanceSoon();
        }
      });
  }

  private groupOf(key: string): string {
    return groupOf(key, this.groups);
  }

  private trusted(group: string): Held | undefined {
    const held = this.held.get(group);
    return held !== undefined && held.validUntil > Date.now() ? held : undefined;
  }

  private async tick(): Promise<void> {
    const leases = this.leases!;
    this.expireOverdue();
    if (this.memberValidUntil === 0) await this.renewAll();
    if (this.stopped) return;
    const members = await leases.liveMembers();
    if (!members.includes(this.instanceId)) {
      // Our membership lapsed (storage unreachable for a while): the others may be taking our keys; take nothing new.
      if (Date.now() >= this.memberValidUntil) return;
      members.push(this.instanceId);
    }
    const wanted = new Set(await this.options.keys());
    const wantedGroups = new Set([...wanted].map((key) => this.groupOf(key)));
    const mine = (group: string) => ownerOf(group, members) === this.instanceId;
    // Keys nobody needs any more (the organizer stopped watching) go first, each under its group's lease.
    await Promise.all([...this.active].filter((key) => !wanted.has(key)).map((key) => this.retire(key, 'unwanted')));
    await Promise.all(
      [...this.held.entries()]
        .filter(([group, held]) => !held.leaving && (!wantedGroups.has(group) || !mine(group)))
        .map(([group]) => this.letGo(group, wantedGroups.has(group) ? 'rebalanced' : 'unwanted')),
    );
    if (this.stopped) return;
    await Promise.all([...wantedGroups].filter((group) => mine(group) && !this.held.has(group)).map((group) => this.limit(() => this.take(leases, group))));
    for (const key of wanted) if (!this.active.has(key)) this.activate(key);
  }

  /** A wanted key of a group we hold (and are not leaving) becomes ours: its `acquired` handlers run. */
  private activate(key: string): void {
    const held = this.trusted(this.groupOf(key));
    if (!held || held.leaving || this.stopped) return;
    this.active.add(key);
    this.options.logger.info({ key, token: held.fence.token }, 'ownership: acquired');
    void this.handlerOrder.run(key, () => this.emit(this.acquiredHandlers, (handler) => handler(key, held.fence), key));
  }

  /** Gives one key up on purpose: its `lost` handlers finish while its group's lease is still ours. */
  private async retire(key: string, reason: LostReason): Promise<void> {
    if (this.retiring.has(key)) return;
    this.retiring.add(key);
    try {
      await this.handlerOrder.run(key, () => this.emit(this.lostHandlers, (handler) => handler(key, reason), key));
    } finally {
      this.retiring.delete(key);
    }
    if (this.active.delete(key)) this.options.logger.info({ key, reason }, 'ownership: released');
  }

  /** Renews the membership and every held lease; see renewEach. Resolves once the membership is renewed. */
  private renewAll(): Promise<void> {
    const leases = this.leases;
    if (!leases || this.stopped) return Promise.resolve();
    this.renewEach(leases);
    this.renewingMembership ??= this.renewMembership(leases).finally(() => (this.renewingMembership = undefined));
    return this.renewingMembership;
  }

  /**
   * Each lease is renewed on its own (skipped while its previous renewal still waits): one slow answer must not hold
   * up the renewal of every other lease, which on a busy machine let a whole instance's leases lapse at once.
   */
  private renewEach(leases: LeaseBlobs): void {
    for (const [group, held] of this.held) {
      if (held.renewing) continue;
      held.renewing = true;
      void this.renewals(() => this.renew(leases, group, held)).finally(() => (held.renewing = false));
    }
  }

  private async renewMembership(leases: LeaseBlobs): Promise<void> {
    const name = LeaseBlobs.memberBlob(this.instanceId);
    const sentAt = Date.now();
    try {
      if (this.memberValidUntil > 0 && (await leases.renew(name, this.leaseId, this.trustLeft(this.memberValidUntil, sentAt)))) {
        this.memberValidUntil = sentAt + this.leaseMs - this.margin();
        return;
      }
      await leases.register(this.instanceId).catch(() => undefined); // a blob we still lease cannot be rewritten, which is fine
      if (await leases.acquire(name, this.leaseId, this.leaseMs / 1000)) this.memberValidUntil = sentAt + this.leaseMs - this.margin();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'ownership: could not renew membership');
    }
  }

  private async renew(leases: LeaseBlobs, group: string, held: Held): Promise<void> {
    const sentAt = Date.now();
    try {
      if (await leases.renew(LeaseBlobs.keyBlob(group), this.leaseId, this.trustLeft(held.validUntil, sentAt))) {
        held.validUntil = sentAt + this.leaseMs - this.margin();
        return;
      }
      this.lose(group, 'taken');
    } catch (error) {
      this.options.logger.warn({ err: error, group }, 'ownership: could not renew a lease; it stays ours until it may have run out');
    }
  }

  private async take(leases: LeaseBlobs, group: string): Promise<void> {
    if (this.stopped) return;
    const name = LeaseBlobs.keyBlob(group);
    const sentAt = Date.now();
    try {
      if (!(await leases.acquire(name, this.leaseId, this.leaseMs / 1000))) return; // its previous owner still holds it
      const token = await leases.nextEpoch(name, this.leaseId);
      this.held.set(group, { fence: { scope: group, token }, validUntil: sentAt + this.leaseMs - this.margin(), leaving: false });
      this.options.logger.debug({ group, token }, 'ownership: group acquired');
    } catch (error) {
      this.options.logger.warn({ err: error, group }, 'ownership: could not take a group of keys; trying again at the next tick');
      await leases.release(name, this.leaseId).catch(() => undefined);
    }
  }

  /** Gives a group up on purpose: the `lost` handlers of its keys finish while the lease is still ours, then it is released. */
  private async letGo(group: string, reason: LostReason): Promise<void> {
    const held = this.held.get(group);
    if (!held || held.leaving) return;
    held.leaving = true;
    await Promise.all(this.activeIn(group).map((key) => this.retire(key, reason)));
    if (this.held.get(group) !== held) return; // it ran out meanwhile and was reported lost already
    this.held.delete(group);
    await this.leases?.release(LeaseBlobs.keyBlob(group), this.leaseId).catch((error: unknown) => this.options.logger.warn({ err: error, group }, 'ownership: could not release a lease; it runs out by itself'));
    this.options.logger.debug({ group, reason }, 'ownership: group released');
  }

  /** Lost without asking: someone else holds the group, or it may have run out. */
  private lose(group: string, reason: LostReason): void {
    if (!this.held.delete(group)) return;
    for (const key of this.activeIn(group)) {
      this.active.delete(key);
      this.options.logger.warn({ key, reason }, 'ownership: lost');
      if (this.retiring.has(key)) continue; // its lost handlers are running already
      void this.handlerOrder.run(key, () => this.emit(this.lostHandlers, (handler) => handler(key, reason), key));
    }
  }

  private activeIn(group: string): string[] {
    return [...this.active].filter((key) => this.groupOf(key) === group);
  }

  private expireOverdue(now = Date.now()): void {
    for (const [group, held] of this.held) if (held.validUntil <= now) this.lose(group, 'expired');
  }

  private async emit<H>(handlers: Set<H>, call: (handler: H) => Promise<void> | void, key: string): Promise<void> {
    for (const handler of handlers) {
      try {
        await call(handler);
      } catch (error) {
        this.options.logger.error({ err: error, key }, 'ownership: a handler failed');
      }
    }
  }

  /** How long a renewal may wait for its answer: while the lease is still trusted here (at least a second). */
  private trustLeft(validUntil: number, now: number): number {
    return Math.max(1_000, validUntil - now);
  }

  /** Trust a lease a little less long than the service keeps it: clocks drift and requests take time. */
  private margin(): number {
    return Math.max(2_000, Math.floor(this.leaseMs / 5));
  }
}

/**
 * Teams limits a bot per conversation with several windows at once (7 per second, 8 per 2 seconds and 60 per 30
 * seconds for sends) and an app per tenant (its "global" limit, every call counted). Libraries such as p-throttle
 * enforce one window over one key; layering them still lets bursts straddle the boundaries, and none waits for a
 * conversation's and a tenant's windows together, so this keeps the recent send times and waits until every window
 * of both has room.
 */
import { performance } from 'node:perf_hooks';

export interface RateWindow {
  limit: number;
  periodMs: number;
}

/** Teams' send limits per bot and thread (rate-limit.md): 7 per second, 8 per 2 seconds, 60 per 30 seconds. */
export const teamsSendWindows: readonly RateWindow[] = [
  { limit: 7, periodMs: 1_000 },
  { limit: 8, periodMs: 2_000 },
  { limit: 60, periodMs: 30_000 },
];

/**
 * Teams' global limit per app per tenant (rate-limit.md: 50 requests per second). It binds a fan-out long before the
 * conversations' windows do: 1,000 alerts to one tenant take 20 s however they spread over its conversations.
 * Not kept unless asked for (`tenantWindows`): Teams counts every call of the app in the tenant, turn replies
 * included, which never pass here, and one process cannot see another instance's calls, so this alone does not
 * keep the bot under it; and bench line 1's Admit load (~120 card updates a second in one tenant) would queue its
 * updates behind it and carry them into the echo bot's rounds. Turning it on wants the replies counted too and
 * line 1 measured again.
 */
export const teamsTenantWindows: readonly RateWindow[] = [{ limit: 50, periodMs: 1_000 }];

/**
 * The throttle's clock by default: monotonic and finer than a millisecond. Date.now() floors, so a request that
 * completed at x.9 ms was counted from x, and the request its window was holding back could be granted up to 1 ms
 * before the window had truly passed at Teams' end; once requests reach the connector within a millisecond of
 * their grant, that was a 429 (bench line 4, one run in fifteen over the lean client). The wall clock also jumps.
 */
export const monotonicNow = (): number => performance.now();

export interface ThrottleOptions {
  /** Windows per conversation (default Teams' send limits). */
  windows?: readonly RateWindow[];
  /** Windows per tenant, over all its conversations (default none; `teamsTenantWindows` is Teams' limit). */
  tenantWindows?: readonly RateWindow[];
  /** Milliseconds on a monotonic clock (default `monotonicNow`; tests pass their own). */
  now?: () => number;
  /** Runs `fire` once after `ms` unless cancelled first (default setTimeout; tests pass their own clock). */
  setTimer?: (fire: () => void, ms: number) => () => void;
}

/** What a send counts against: its conversation's windows, and its tenant's when the reference names one. */
export interface ThrottleTarget {
  conversationId: string;
  tenantId?: string;
}

/**
 * One attempt's place in the windows: counted from when it was granted until it completes, then from its
 * completion. Counting from completion keeps the windows true at Teams' end, which counts a request when it
 * arrives: that is at most at its completion, while its start can be long before (a send queued for the CPU or
 * the network arrives late and would crowd the next window: 429s in bench line 4 when counted from the grant; see
 * BENCHMARKS.md, "Line 4, counting", for why counting from the start plus a margin is not safe there either).
 */
interface Slot {
  at: number;
  done: boolean;
}

/**
 * Runs one request of a send within the windows: called once per request made (a retry is another request), one at
 * a time, from within the send `schedule` runs, so a conversation's requests are granted in order and its times ascend.
 */
export type Paced = <R>(call: () => Promise<R>) => Promise<R>;

/** A tenant's recent sends and the attempts waiting for room in its windows, first come first served. */
interface TenantLog {
  readonly slots: Slot[];
  readonly waiting: Array<(slot: Slot) => void>;
  cancelTimer?: () => void;
}

export class ConversationThrottle {
  /** Per conversation, its recent attempts in the order they were granted (one at a time: see `schedule`). */
  private readonly sendTimes = new Map<string, Slot[]>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly tenants = new Map<string, TenantLog>();
  private readonly windows: readonly RateWindow[];
  private readonly tenantWindows: readonly RateWindow[];
  private readonly longestPeriodMs: number;
  private readonly longestTenantPeriodMs: number;
  private readonly now: () => number;
  private readonly setTimer: (fire: () => void, ms: number) => () => void;
  /** The number of conversations at which the next new one first drops those whose windows are empty. */
  private sweepAt = minimumSweep;

  constructor(options: ThrottleOptions = {}) {
    this.windows = options.windows ?? teamsSendWindows;
    this.tenantWindows = options.tenantWindows ?? [];
    this.longestPeriodMs = Math.max(0, ...this.windows.map((window) => window.periodMs));
    this.longestTenantPeriodMs = Math.max(0, ...this.tenantWindows.map((window) => window.periodMs));
    this.now = options.now ?? monotonicNow;
    this.setTimer = options.setTimer ?? defaultTimer;
  }

  /**
   * Runs `send` after the conversation's earlier sends have settled, so sends to one conversation go in order;
   * `send` makes each of its requests (the first and any retry) through `paced`, which waits for room in every
   * window and counts the request, since Teams counts every request, refused ones included.
   */
  schedule<T>(target: ThrottleTarget, send: (paced: Paced) => Promise<T>): Promise<T> {
    const { conversationId } = target;
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const paced: Paced = (call) => this.attempt(target, call);
    const result = previous.then(() => send(paced));
    const settled = result.then(() => undefined, () => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return result;
  }

  /**
   * Attempts granted to the conversation within its longest window (those still running included): the
   * dispatcher's rank, so a conversation with fewer recent sends goes first when calls wait for a place.
   */
  sendsInWindow(conversationId: string): number {
    const slots = this.sendTimes.get(conversationId);
    return slots ? sendsWithin(slots, this.now(), this.longestPeriodMs) : 0;
  }

  private async attempt<R>(target: ThrottleTarget, call: () => Promise<R>): Promise<R> {
    await this.roomInConversation(target.conversationId);
    // The conversation's room only grows while its one pending attempt waits for the tenant's.
    const tenantSlot = target.tenantId !== undefined && this.tenantWindows.length > 0 ? await this.roomInTenant(target.tenantId) : undefined;
    const slot: Slot = { at: this.now(), done: false };
    const slots = this.sendTimes.get(target.conversationId);
    if (slots) slots.push(slot);
    else this.track(target.conversationId, slot);
    try {
      return await call();
    } finally {
      const completedAt = this.now();
      slot.at = Math.max(slot.at, completedAt);
      slot.done = true;
      if (tenantSlot) this.completeInTenant(target.tenantId!, tenantSlot, completedAt);
    }
  }

  /** Conversations and tenants with requests still in their windows (for tests and diagnostics). */
  tracked(): { conversations: number; tenants: number } {
    return { conversations: this.sendTimes.size, tenants: this.tenants.size };
  }

  /**
   * Starts keeping a conversation's times. A conversation drops its entry when it next sends after its windows
   * emptied, but most conversations an alert reaches send nothing more for hours (10,000 watched chats must not
   * each keep an array), so whenever the map has doubled since the last sweep, entries whose windows are empty go:
   * each sweep's cost is covered by the entries added since the one before.
   */
  private track(conversationId: string, slot: Slot): void {
    if (this.sendTimes.size >= this.sweepAt) this.sweep();
    this.sendTimes.set(conversationId, [slot]);
  }

  private sweep(): void {
    const now = this.now();
    for (const [conversationId, slots] of this.sendTimes) {
      const newest = slots[slots.length - 1];
      if (!newest || (newest.done && now - newest.at >= this.longestPeriodMs)) this.sendTimes.delete(conversationId);
    }
    for (const [tenantId, log] of this.tenants) {
      if (log.waiting.length === 0 && log.slots.every((slot) => slot.done && now - slot.at >= this.longestTenantPeriodMs)) this.tenants.delete(tenantId);
    }
    this.sweepAt = Math.max(minimumSweep, this.sendTimes.size * 2);
  }

  private async roomInConversation(conversationId: string): Promise<void> {
    for (;;) {
      const wait = this.conversationDelay(conversationId);
      if (wait <= 0) return;
      await new Promise<void>((resolve) => this.setTimer(resolve, wait));
    }
  }

  /**
   * A conversation's attempts go one after another, each completing before the next is granted, so its times
   * ascend and each window's attempts are the newest ones: counted from the end, with no array built per check (a
   * fan-out checks 1,000 times while the process is still cold, bench line 4).
   */
  private conversationDelay(conversationId: string): number {
    const slots = this.sendTimes.get(conversationId);
    if (!slots) return 0;
    const now = this.now();
    let expired = 0;
    while (expired < slots.length && now - slots[expired]!.at >= this.longestPeriodMs) expired += 1;
    // An idle conversation keeps no entry (10,000 watched chats must not each hold an array).
    if (expired === slots.length) {
      this.sendTimes.delete(conversationId);
      return 0;
    }
    if (expired > 0) slots.splice(0, expired);
    let wait = 0;
    for (const window of this.windows) {
      if (slots.length < window.limit) continue;
      if (sendsWithin(slots, now, window.periodMs) < window.limit) continue;
      const oldestThatMustExpire = slots[slots.length - window.limit]!.at;
      wait = Math.max(wait, oldestThatMustExpire + window.periodMs - now);
    }
    return wait;
  }

  /** Resolves with the attempt's slot in the tenant's windows once it has room, in the order attempts asked. */
  private roomInTenant(tenantId: string): Promise<Slot> {
    let log = this.tenants.get(tenantId);
    if (!log) {
      log = { slots: [], waiting: [] };
      this.tenants.set(tenantId, log);
    }
    const waitingIn = log;
    return new Promise<Slot>((resolve) => {
      waitingIn.waiting.push(resolve);
      if (waitingIn.waiting.length === 1) this.grantInTenant(tenantId, waitingIn);
    });
  }

  private completeInTenant(tenantId: string, slot: Slot, completedAt: number): void {
    slot.at = Math.max(slot.at, completedAt);
    slot.done = true;
    const log = this.tenants.get(tenantId);
    // A completion fixes when the slot expires: the first waiter may now have a time to wait for.
    if (log && log.waiting.length > 0) this.grantInTenant(tenantId, log);
  }

  /**
   * Grants waiting attempts while the tenant has room, then sets one timer for when the first of the rest will
   * have it. Attempts still running count as sending now (Teams may count them at any moment until they complete),
   * so when they alone fill a window the next completion calls this again instead of a timer.
   */
  private grantInTenant(tenantId: string, log: TenantLog): void {
    log.cancelTimer?.();
    log.cancelTimer = undefined;
    while (log.waiting.length > 0) {
      const wait = this.tenantDelay(log);
      if (wait > 0) {
        if (Number.isFinite(wait)) log.cancelTimer = this.setTimer(() => this.grantInTenant(tenantId, log), wait);
        return;
      }
      const slot: Slot = { at: this.now(), done: false };
      log.slots.push(slot);
      log.waiting.shift()!(slot);
    }
    if (log.slots.length === 0 && this.tenants.get(tenantId) === log) this.tenants.delete(tenantId);
  }

  /** How long until the tenant has room in every window: Infinity while attempts still running fill one. */
  private tenantDelay(log: TenantLog): number {
    const now = this.now();
    // A tenant's attempts run side by side, so its slots are not in time order: kept as a list and filtered.
    let kept = 0;
    for (const slot of log.slots) if (!slot.done || now - slot.at < this.longestTenantPeriodMs) log.slots[kept++] = slot;
    log.slots.length = kept;
    let wait = 0;
    for (const window of this.tenantWindows) {
      let running = 0;
      const completed: number[] = [];
      for (const slot of log.slots) {
        if (!slot.done) running += 1;
        else if (now - slot.at < window.periodMs) completed.push(slot.at);
      }
      const mustExpire = running + completed.length - window.limit + 1;
      if (mustExpire <= 0) continue;
      if (mustExpire > completed.length) return Number.POSITIVE_INFINITY;
      completed.sort((a, b) => a - b);
      wait = Math.max(wait, completed[mustExpire - 1]! + window.periodMs - now);
    }
    return wait;
  }
}

/** Below this many conversations tracked none is swept: a few hundred small arrays cost less than sweeping. */
const minimumSweep = 256;

/** Attempts in the last `periodMs`: a conversation's times ascend (see conversationDelay), so they are the newest. */
function sendsWithin(slots: readonly Slot[], now: number, periodMs: number): number {
  let count = 0;
  for (let index = slots.length - 1; index >= 0 && now - slots[index]!.at < periodMs; index -= 1) count += 1;
  return count;
}

function defaultTimer(fire: () => void, ms: number): () => void {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
}

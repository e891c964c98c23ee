/**
 * Teams limits a bot per conversation with several windows at once (7 per second and 60 per 30 seconds for
 * sends). Libraries such as p-throttle enforce one window; layering two of them still lets bursts straddle the
 * boundaries, so this keeps the send times of the last 30 s and waits until every window has room.
 */
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

export class ConversationThrottle {
  /**
   * Per conversation, when each recent send counts from: granted at the start, moved to its completion when it
   * ends. Counting from completion keeps the windows true at Teams' end even when sends queue for the CPU or the
   * network (a burst granted at once but arriving late would otherwise crowd the next window: measured as 429s by
   * bench line 4).
   */
  private readonly sendTimes = new Map<string, Array<{ at: number }>>();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly longestPeriodMs: number;

  constructor(
    private readonly windows: readonly RateWindow[] = teamsSendWindows,
    private readonly now: () => number = Date.now,
  ) {
    this.longestPeriodMs = Math.max(...windows.map((window) => window.periodMs));
  }

  /** Runs `send` when the conversation has room in every window; sends to one conversation go in order. */
  schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const result = previous.then(async () => {
      const slot = await this.waitForRoom(conversationId);
      try {
        return await send();
      } finally {
        slot.at = Math.max(slot.at, this.now());
      }
    });
    const settled = result.then(() => undefined, () => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return result;
  }

  /**
   * Sends granted to the conversation within the longest window (those still running included): the
   * dispatcher's rank, so a conversation with fewer recent sends goes first when calls wait for a place.
   */
  sendsInWindow(conversationId: string): number {
    const times = this.sendTimes.get(conversationId);
    return times ? sendsWithin(times, this.now(), this.longestPeriodMs) : 0;
  }

  private async waitForRoom(conversationId: string): Promise<{ at: number }> {
    for (;;) {
      const wait = this.delayNeeded(conversationId);
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const times = this.sendTimes.get(conversationId) ?? [];
    const slot = { at: this.now() };
    times.push(slot);
    this.sendTimes.set(conversationId, times);
    return slot;
  }

  /**
   * A conversation's sends go one after another, each completing before the next is granted, so its times ascend
   * and each window's sends are the newest ones: counted from the end, with no array built per check (a fan-out
   * checks 1,000 times while the process is still cold, bench line 4).
   */
  private delayNeeded(conversationId: string): number {
    const times = this.sendTimes.get(conversationId);
    if (!times) return 0;
    const now = this.now();
    let expired = 0;
    while (expired < times.length && now - times[expired]!.at >= this.longestPeriodMs) expired += 1;
    // An idle conversation keeps no entry (10,000 watched chats must not each hold an array).
    if (expired === times.length) {
      this.sendTimes.delete(conversationId);
      return 0;
    }
    if (expired > 0) times.splice(0, expired);
    let wait = 0;
    for (const window of this.windows) {
      if (times.length < window.limit) continue;
      if (sendsWithin(times, now, window.periodMs) < window.limit) continue;
      const oldestThatMustExpire = times[times.length - window.limit]!.at;
      wait = Math.max(wait, oldestThatMustExpire + window.periodMs - now);
    }
    return wait;
  }
}

/** Sends in the last `periodMs`: a conversation's times ascend (see delayNeeded), so they are the newest ones. */
function sendsWithin(times: ReadonlyArray<{ at: number }>, now: number, periodMs: number): number {
  let count = 0;
  for (let index = times.length - 1; index >= 0 && now - times[index]!.at < periodMs; index -= 1) count += 1;
  return count;
}

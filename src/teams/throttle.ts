/**
 * Teams limits a bot per conversation with several windows at once (7 per second and 60 per 30 seconds for
 * sends). Libraries such as p-throttle enforce one window; layering two of them still lets bursts straddle the
 * boundaries, so this keeps the send times of the last 30 s and waits until every window has room.
 */
export interface RateWindow {
  limit: number;
  periodMs: number;
}

export const teamsSendWindows: readonly RateWindow[] = [
  { limit: 7, periodMs: 1_000 },
  { limit: 60, periodMs: 30_000 },
];

export class ConversationThrottle {
  private readonly sendTimes = new Map<string, number[]>();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly windows: readonly RateWindow[] = teamsSendWindows,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `send` when the conversation has room in every window; sends to one conversation go in order. */
  schedule<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const result = previous.then(async () => {
      await this.waitForRoom(conversationId);
      return send();
    });
    const settled = result.then(() => undefined, () => undefined);
    this.queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.queues.get(conversationId) === settled) this.queues.delete(conversationId);
    });
    return result;
  }

  private async waitForRoom(conversationId: string): Promise<void> {
    for (;;) {
      const wait = this.delayNeeded(conversationId);
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const times = this.sendTimes.get(conversationId) ?? [];
    times.push(this.now());
    this.sendTimes.set(conversationId, times);
  }

  private delayNeeded(conversationId: string): number {
    const now = this.now();
    const longest = Math.max(...this.windows.map((window) => window.periodMs));
    const times = (this.sendTimes.get(conversationId) ?? []).filter((time) => now - time < longest);
    this.sendTimes.set(conversationId, times);
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = times.filter((time) => now - time < window.periodMs);
      if (inWindow.length < window.limit) continue;
      const oldestThatMustExpire = inWindow[inWindow.length - window.limit]!;
      wait = Math.max(wait, oldestThatMustExpire + window.periodMs - now);
    }
    return wait;
  }
}

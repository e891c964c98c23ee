/**
 * Per-key rate limit with a trailing run: the first change of a key runs at once, later ones within `windowMs`
 * collapse into one run at the end of the window (the latest wins), and a quiet window forgets the key.
 * So a status that flaps Away → Online → Away inside the window costs at most two runs, and a single change is
 * not delayed at all.
 *
 * Hand-written: debounce/throttle libraries (lodash, p-throttle) keep one timer per function, not per key, and
 * would still need this map of keys and its clean-up.
 */
export class Coalescer {
  private readonly keys = new Map<string, { timer: NodeJS.Timeout; pending?: () => Promise<void> }>();

  constructor(
    private readonly windowMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(key: string, work: () => Promise<void>): void {
    const open = this.keys.get(key);
    if (open) {
      open.pending = work;
      return;
    }
    this.run(work);
    this.openWindow(key);
  }

  stop(): void {
    for (const { timer } of this.keys.values()) clearTimeout(timer);
    this.keys.clear();
  }

  private openWindow(key: string): void {
    const timer = setTimeout(() => {
      const pending = this.keys.get(key)?.pending;
      this.keys.delete(key);
      if (!pending) return;
      this.run(pending);
      this.openWindow(key);
    }, this.windowMs);
    timer.unref();
    this.keys.set(key, { timer });
  }

  private run(work: () => Promise<void>): void {
    void work().catch(this.onError);
  }
}

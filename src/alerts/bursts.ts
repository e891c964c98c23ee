/**
 * Runs work for a key at most once per burst of changes: the first change of a key starts a window, later changes
 * in that window join it, and the work runs once at its end, reading the state as it is then. Unlike a trailing
 * debounce, a steady stream of changes cannot put the work off forever. Hand-written: it is a dozen lines, and it
 * needs a per-key window plus a stop() that drops pending windows, which the small debounce packages do not offer.
 */
export class KeyedBursts {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly windowMs: number) {}

  /** Notes a change of `key`; `work` runs at the end of the key's current window (a later touch's work is dropped). */
  touch(key: string, work: () => void): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      work();
    }, this.windowMs);
    timer.unref();
    this.pending.set(key, timer);
  }

  /** Drops every pending window: the caller redoes what they would have done on its next start. */
  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}

/**
 * One timer for many long deadlines. Each event channel's hanging GET is bounded by a deadline of minutes; with
 * 10,000 channels a Timeout (plus an AbortSignal and its listeners) per request is memory an idle organizer should
 * not cost. Deadlines here sit in buckets of `tickMs`, and a single unref'd interval, running only while some are
 * pending, fires the due ones: a deadline never fires early and at most two ticks late (its bucket rounds up, the
 * interval's phase is arbitrary), nothing against the minutes it bounds.
 */
export interface Deadline {
  /** The bucket it sits in (its due time, rounded up to the tick). */
  readonly bucket: number;
  readonly fire: () => void;
}

/**
 * Something that is its own deadline (see `schedule`): an object with a `fire` method on its prototype, so that a
 * deadline per held request needs no closure of its own.
 */
export interface Schedulable {
  bucket: number;
  fire(): void;
}

export class DeadlineWheel {
  private readonly buckets = new Map<number, Set<Deadline>>();
  private timer?: NodeJS.Timeout;
  private pending = 0;
  /** Buckets count from here: small integers (V8 keeps them in the object) where Date.now()'s would be boxed numbers. */
  private readonly epoch = Date.now();

  constructor(private readonly tickMs = 1000) {}

  /** Calls `fire` once, `ms` from now (up to two ticks later), unless cancelled first. */
  add(ms: number, fire: () => void): Deadline {
    const deadline: Deadline = { bucket: this.bucketFor(ms), fire };
    this.insert(deadline);
    return deadline;
  }

  /** Like `add`, with `entry` as the deadline itself: its `fire` is called once, `ms` from now, unless cancelled first. */
  schedule(entry: Schedulable, ms: number): void {
    entry.bucket = this.bucketFor(ms);
    this.insert(entry);
  }

  private bucketFor(ms: number): number {
    return Math.ceil((Date.now() - this.epoch + ms) / this.tickMs);
  }

  private insert(deadline: Deadline): void {
    let entries = this.buckets.get(deadline.bucket);
    if (!entries) this.buckets.set(deadline.bucket, (entries = new Set()));
    entries.add(deadline);
    this.pending += 1;
    this.timer ??= setInterval(() => this.tick(), this.tickMs).unref();
  }

  cancel(deadline: Deadline): void {
    const entries = this.buckets.get(deadline.bucket);
    if (!entries?.delete(deadline)) return;
    this.pending -= 1;
    if (entries.size === 0) this.buckets.delete(deadline.bucket);
    this.stopWhenIdle();
  }

  /** How many deadlines wait (for tests and diagnostics). */
  get size(): number {
    return this.pending;
  }

  private tick(): void {
    const now = (Date.now() - this.epoch) / this.tickMs;
    for (const [bucket, entries] of this.buckets) {
      if (bucket > now) continue;
      this.buckets.delete(bucket);
      this.pending -= entries.size;
      for (const deadline of entries) deadline.fire();
    }
    this.stopWhenIdle();
  }

  private stopWhenIdle(): void {
    if (this.pending > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

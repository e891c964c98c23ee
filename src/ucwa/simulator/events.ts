import type { EventPriority, UcwaEvent } from './model.js';
import type { EventsPage } from './representation.js';

/**
 * One application's event channel (UCWA "events" + "Event channel details"):
 * - response N is answered to `events?ack=N`; requesting `ack=N+1` acknowledges it, requesting `ack=N`
 *   again resends the same events (that is how a client that lost a response loses no event);
 * - any other ack gets a body with only a `resync` link to the first unacknowledged set;
 * - a second pending GET releases the earlier one with 409 PGetReplaced (higher/equal priority wins);
 * - high events release at once; medium/low wait for their aggregation window, all bounded by `timeout`.
 */
export interface ChannelParams {
  timeout?: number;
  low?: number;
  medium?: number;
  priority?: number;
}

export interface ChannelBounds {
  minTimeoutSeconds: number;
}

export type ChannelOutcome = { kind: 'page'; page: EventsPage } | { kind: 'replaced' } | { kind: 'closed' };

interface Waiter {
  priority: number;
  ack: number;
  resolve: (outcome: ChannelOutcome) => void;
  timer?: NodeJS.Timeout;
  deadline: number;
}

interface Queued {
  event: UcwaEvent;
  at: number;
}

const MAX_SECONDS = 1800;

function clamp(value: number | undefined, fallback: number, min: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(MAX_SECONDS, Math.max(min, value));
}

export class EventChannel {
  private queue: Queued[] = [];
  private current = 1;
  /** Events already sent as response `current`; undefined until that response is released. */
  private sent: UcwaEvent[] | undefined;
  private waiter: Waiter | undefined;
  private pendingSpecial: 'resume' | 'resync' | undefined;
  private sticky = { timeout: 180, low: 15, medium: 5 };
  private closed = false;

  constructor(
    private readonly href: (ack: number) => string,
    private readonly bounds: ChannelBounds,
    private readonly onReleased: () => void = () => undefined,
  ) {}

  get firstHref(): string {
    return this.href(this.current);
  }

  push(event: UcwaEvent): void {
    if (this.closed) return;
    this.queue.push({ event, at: Date.now() });
    this.schedule();
  }

  /** Client fell behind: the next P-GET answers with only a `resync` link. */
  forceResync(): void {
    this.pendingSpecial = 'resync';
    this.releaseWaiterIfSpecial();
  }

  /** Transient state was dropped: the next response carries `resume` instead of `next`; sticky params reset. */
  forceResume(): void {
    this.pendingSpecial = 'resume';
    this.sticky = { timeout: 180, low: 15, medium: 5 };
    this.releaseWaiterIfSpecial();
  }

  close(): void {
    this.closed = true;
    this.queue = [];
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve({ kind: 'closed' });
    }
  }

  get(ack: number, params: ChannelParams): Promise<ChannelOutcome> {
    if (this.closed) return Promise.resolve({ kind: 'closed' });
    this.remember(params);
    if (this.sent !== undefined && ack === this.current + 1) this.acknowledge();
    if (ack !== this.current || this.pendingSpecial === 'resync') {
      if (this.pendingSpecial === 'resync') this.pendingSpecial = undefined;
      return Promise.resolve({ kind: 'page', page: { self: this.href(ack), resync: this.href(this.current), events: [] } });
    }
    if (this.sent !== undefined && this.sent.length > 0) return Promise.resolve(this.page(this.sent));
    this.sent = undefined;
    return new Promise<ChannelOutcome>((resolve) => {
      const priority = params.priority ?? 0;
      const previous = this.waiter;
      if (previous && previous.priority > priority) {
        resolve({ kind: 'replaced' });
        return;
      }
      if (previous) {
        clearTimeout(previous.timer);
        previous.resolve({ kind: 'replaced' });
      }
      this.waiter = { priority, ack, resolve, deadline: Date.now() + this.sticky.timeout * 1000 };
      this.schedule();
    });
  }

  private remember(params: ChannelParams): void {
    const min = this.bounds.minTimeoutSeconds;
    this.sticky = {
      timeout: clamp(params.timeout, this.sticky.timeout, min),
      low: clamp(params.low, this.sticky.low, Math.min(5, min)),
      medium: clamp(params.medium, this.sticky.medium, Math.min(5, min)),
    };
  }

  private acknowledge(): void {
    this.current += 1;
    this.sent = undefined;
  }

  private windowMs(priority: EventPriority): number {
    if (priority === 'high') return 0;
    return (priority === 'medium' ? this.sticky.medium : this.sticky.low) * 1000;
  }

  private schedule(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    clearTimeout(waiter.timer);
    const now = Date.now();
    let due = waiter.deadline;
    for (const queued of this.queue) due = Math.min(due, queued.at + this.windowMs(queued.event.priority));
    if (this.pendingSpecial === 'resume' || due <= now) {
      this.release();
      return;
    }
    waiter.timer = setTimeout(() => this.release(), due - now);
  }

  private releaseWaiterIfSpecial(): void {
    if (this.waiter) this.schedule();
  }

  private release(): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    this.sent = this.queue.map((queued) => queued.event);
    this.queue = [];
    waiter.resolve(this.page(this.sent));
    this.onReleased();
  }

  private page(events: UcwaEvent[]): ChannelOutcome {
    const page: EventsPage = { self: this.href(this.current), events };
    if (this.pendingSpecial === 'resume') {
      page.resume = this.href(this.current + 1);
      this.pendingSpecial = undefined;
    } else {
      page.next = this.href(this.current + 1);
    }
    return { kind: 'page', page };
  }
}

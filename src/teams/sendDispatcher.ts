/**
 * Orders the Bot Connector calls to one service URL when many wait at once (an alert fanned out to many
 * conversations).
 *
 * Teams counts its windows per conversation, and the throttle counts a send from its completion, so a
 * conversation's 9th and 10th sends may go 2 s after its 1st and 2nd complete (8 per 2 s). Let every granted call
 * go at once and the process works through them as they come: a conversation's second send completes only after
 * rounds of other conversations' third to seventh, and its later windows open that much later (bench line 4).
 * Here at most `maxInFlight` calls run per service URL, and a waiting call whose conversation has fewer sends in
 * its window goes first, so every conversation's first sends complete before any conversation's later ones.
 *
 * A call running longer than `slowCallMs` gives its place up and runs on outside the count, so one slow
 * conversation (or a connector holding a request) cannot hold the others back. Each attempt asks for a place on
 * its own: a retry queues again at its rank behind the calls already waiting there, it keeps no place.
 */
export interface SendDispatcherOptions {
  /** Calls running at once per service URL (default 16). */
  maxInFlight?: number;
  /** After this long a running call stops counting against `maxInFlight` (default 1 s). */
  slowCallMs?: number;
  /** Runs `fire` once after `ms` unless cancelled first (default an unref'd setTimeout; tests pass their own clock). */
  setTimer?: (fire: () => void, ms: number) => () => void;
}

interface Waiting {
  rank: number;
  start(): void;
}

/** One service URL's calls: how many hold a place, and those waiting, by rank and then by arrival. */
interface Lane {
  running: number;
  readonly waiting: Waiting[];
}

export class SendDispatcher {
  private readonly lanes = new Map<string, Lane>();
  private readonly maxInFlight: number;
  private readonly slowCallMs: number;
  private readonly setTimer: (fire: () => void, ms: number) => () => void;

  constructor(options: SendDispatcherOptions = {}) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 16);
    this.slowCallMs = options.slowCallMs ?? 1_000;
    this.setTimer = options.setTimer ?? unrefTimer;
  }

  /**
   * Runs `call` when `serviceUrl` has a place free and no call of a lower rank (fewer sends in its conversation's
   * window) waits; calls of equal rank go in the order they came.
   */
  run<T>(serviceUrl: string, rank: number, call: () => Promise<T>): Promise<T> {
    let lane = this.lanes.get(serviceUrl);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      this.lanes.set(serviceUrl, lane);
    }
    if (lane.running < this.maxInFlight && lane.waiting.length === 0) return this.start(serviceUrl, lane, call);
    const waitingIn = lane;
    return new Promise<T>((resolve, reject) => {
      insertByRank(waitingIn.waiting, { rank, start: () => this.start(serviceUrl, waitingIn, call).then(resolve, reject) });
    });
  }

  /** Calls holding a place and calls waiting for one, per service URL (for tests and diagnostics). */
  load(serviceUrl: string): { running: number; waiting: number } {
    const lane = this.lanes.get(serviceUrl);
    return { running: lane?.running ?? 0, waiting: lane?.waiting.length ?? 0 };
  }

  private start<T>(serviceUrl: string, lane: Lane, call: () => Promise<T>): Promise<T> {
    lane.running += 1;
    let holding = true;
    const release = (): void => {
      if (!holding) return;
      holding = false;
      lane.running -= 1;
      this.startWaiting(serviceUrl, lane);
    };
    const cancelSlow = this.setTimer(release, this.slowCallMs);
    let result: Promise<T>;
    try {
      result = call();
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.finally(() => {
      cancelSlow();
      release();
    });
  }

  private startWaiting(serviceUrl: string, lane: Lane): void {
    while (lane.running < this.maxInFlight && lane.waiting.length > 0) lane.waiting.shift()!.start();
    // An idle service URL keeps no entry; a call that gave its place up no longer refers to the lane's count.
    if (lane.running === 0 && lane.waiting.length === 0 && this.lanes.get(serviceUrl) === lane) this.lanes.delete(serviceUrl);
  }
}

/** Inserts after every entry of the same or a lower rank (first come, first served within a rank). */
function insertByRank(waiting: Waiting[], entry: Waiting): void {
  let low = 0;
  let high = waiting.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (waiting[middle]!.rank <= entry.rank) low = middle + 1;
    else high = middle;
  }
  waiting.splice(low, 0, entry);
}

function unrefTimer(fire: () => void, ms: number): () => void {
  const timer = setTimeout(fire, ms);
  timer.unref();
  return () => clearTimeout(timer);
}

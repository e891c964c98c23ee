import assert from 'node:assert/strict';
import { ConversationThrottle, monotonicNow, teamsSendWindows, teamsTenantWindows, type RateWindow, type ThrottleTarget } from '../../src/teams/throttle.js';

/** A clock the test moves: timers fire only when it passes their time, in time order. */
class TestClock {
  time = 0;
  private timers: Array<{ at: number; order: number; fire: () => void }> = [];
  private order = 0;

  readonly now = (): number => this.time;

  readonly setTimer = (fire: () => void, ms: number): (() => void) => {
    const timer = { at: this.time + Math.max(0, ms), order: this.order++, fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((other) => other !== timer);
    };
  };

  /** Fires every timer due up to `until`, letting the promises each one resolves run before the next. */
  async runUntil(until: number): Promise<void> {
    for (;;) {
      await settle();
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.fire();
    }
    this.time = until;
    await settle();
  }

  /** A request that Teams answers `roundTripMs` after it starts (on this clock). */
  answerAfter(roundTripMs: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, roundTripMs));
  }
}

/** Lets every pending promise continuation run (the throttle uses no real timers here). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function throttleOn(clock: TestClock, windows: readonly RateWindow[], tenantWindows: readonly RateWindow[] = []): ConversationThrottle {
  return new ConversationThrottle({ windows, tenantWindows, now: clock.now, setTimer: clock.setTimer });
}

/** Sends one message per entry of `targets` at once, each answered `roundTripMs` later; the start of each request. */
function fanOut(clock: TestClock, throttle: ConversationThrottle, targets: ThrottleTarget[], roundTripMs = 0): { starts: Array<{ conversationId: string; at: number }>; done: Promise<unknown> } {
  const starts: Array<{ conversationId: string; at: number }> = [];
  const done = Promise.all(
    targets.map((target) =>
      throttle.schedule(target, (paced) =>
        paced(async () => {
          starts.push({ conversationId: target.conversationId, at: clock.time });
          await clock.answerAfter(roundTripMs);
        }),
      ),
    ),
  );
  return { starts, done };
}

const timesOf = (starts: Array<{ conversationId: string; at: number }>, conversationId?: string) =>
  starts.filter((start) => conversationId === undefined || start.conversationId === conversationId).map((start) => start.at);

describe('per-conversation throttle', () => {
  it('sends each request at the first moment every window of its conversation has room', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [
      { limit: 3, periodMs: 60 },
      { limit: 5, periodMs: 200 },
    ]);
    const targets = Array.from({ length: 16 }, (_, index) => ({ conversationId: index % 2 === 0 ? 'a' : 'b' }));
    const { starts, done } = fanOut(clock, throttle, targets);
    await clock.runUntil(10_000);
    await done;
    // 3 at once; the 4th and 5th when the first three leave 3/60; the 6th to 8th when they leave 5/200.
    assert.deepEqual(timesOf(starts, 'a'), [0, 0, 0, 60, 60, 200, 200, 200]);
    assert.deepEqual(timesOf(starts, 'b'), [0, 0, 0, 60, 60, 200, 200, 200]);
  });

  it("Teams' windows: 10 sends to one conversation end at 2 s when each answers at once (bench line 4's minimum)", async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, teamsSendWindows);
    const { starts, done } = fanOut(clock, throttle, Array.from({ length: 10 }, () => ({ conversationId: 'c' })));
    await clock.runUntil(60_000);
    await done;
    assert.deepEqual(timesOf(starts), [0, 0, 0, 0, 0, 0, 0, 1_000, 2_000, 2_000]);
  });

  it('counts a request from its completion: Teams may count it as late as that', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 1, periodMs: 80 }]);
    const { starts, done } = fanOut(clock, throttle, [{ conversationId: 'c' }, { conversationId: 'c' }], 100);
    await clock.runUntil(1_000);
    await done;
    // The first completes at 100; counted from its start the second could have gone then (100 > 80).
    assert.deepEqual(timesOf(starts), [0, 180]);
  });

  it('counts a completion to the fraction of a millisecond: the window it opens ends no earlier than it truly does', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 1, periodMs: 1_000 }]);
    const { starts, done } = fanOut(clock, throttle, [{ conversationId: 'c' }, { conversationId: 'c' }], 0.6);
    await clock.runUntil(2_000);
    await done;
    // Counted from 0 (the completion floored, as Date.now() gives it) the second would go at 1,000: inside the window.
    assert.deepEqual(timesOf(starts), [0, 1_000.6]);
  });

  it('keeps time by default on a monotonic clock finer than a millisecond', () => {
    const readings = Array.from({ length: 200 }, () => monotonicNow());
    assert.ok(readings.every((reading, index) => index === 0 || reading >= readings[index - 1]!), 'never goes back');
    assert.ok(readings.some((reading) => !Number.isInteger(reading)), 'has fractions of a millisecond');
    assert.ok(Math.abs(monotonicNow() - performance.now()) < 50, 'the process clock, not the wall clock');
  });

  it('keeps the order of sends within a conversation and survives a failing send', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 100, periodMs: 1_000 }]);
    const order: number[] = [];
    const results = Promise.allSettled(
      [1, 2, 3].map((n) =>
        throttle.schedule({ conversationId: 'c' }, (paced) =>
          paced(async () => {
            order.push(n);
            // The first send is the slowest: the others still wait for it.
            await clock.answerAfter(n === 1 ? 50 : 1);
            if (n === 2) throw new Error('boom');
          }),
        ),
      ),
    );
    await clock.runUntil(1_000);
    const settled = await results;
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(settled[1]!.status, 'rejected');
    assert.equal(settled[2]!.status, 'fulfilled');
  });

  it('counts every request of a send: a retry takes room in the windows as a new send would', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 2, periodMs: 1_000 }]);
    const requests: number[] = [];
    const first = throttle.schedule({ conversationId: 'c' }, async (paced) => {
      // Refused once (a 429, say), then accepted.
      await paced(async () => void requests.push(clock.time)).then(() => undefined);
      await paced(async () => void requests.push(clock.time));
    });
    const second = throttle.schedule({ conversationId: 'c' }, (paced) => paced(async () => void requests.push(clock.time)));
    await clock.runUntil(5_000);
    await Promise.all([first, second]);
    assert.deepEqual(requests, [0, 0, 1_000]);
  });

  it("Teams' documented windows: 7/1 s, 8/2 s, 60/30 s per conversation, 50/1 s per tenant", () => {
    assert.deepEqual(teamsSendWindows.map((window) => `${window.limit}/${window.periodMs}`), ['7/1000', '8/2000', '60/30000']);
    assert.deepEqual(teamsTenantWindows.map((window) => `${window.limit}/${window.periodMs}`), ['50/1000']);
  });

  it("counts a conversation's requests in its longest window, for the dispatcher's rank", async () => {
    const clock = new TestClock();
    clock.time = 10_000;
    const throttle = throttleOn(clock, [{ limit: 100, periodMs: 1_000 }, { limit: 100, periodMs: 30_000 }]);
    const once = (conversationId: string, during?: () => void) =>
      throttle.schedule({ conversationId }, (paced) => paced(async () => during?.()));
    assert.equal(throttle.sendsInWindow('a'), 0);
    await once('a');
    await once('a');
    await once('b');
    assert.equal(throttle.sendsInWindow('a'), 2);
    assert.equal(throttle.sendsInWindow('b'), 1);
    let during = -1;
    await once('b', () => {
      during = throttle.sendsInWindow('b');
    });
    assert.equal(during, 2, 'a request counts from when it is granted');
    clock.time += 30_000;
    assert.equal(throttle.sendsInWindow('a'), 0, 'requests older than the longest window no longer count');
  });
});

describe('per-tenant throttle', () => {
  it('keeps no tenant window unless asked for (Teams counts turn replies too, which never pass here)', async () => {
    const clock = new TestClock();
    const throttle = new ConversationThrottle({ windows: [{ limit: 1, periodMs: 1_000 }], now: clock.now, setTimer: clock.setTimer });
    const { starts, done } = fanOut(clock, throttle, Array.from({ length: 60 }, (_, index) => ({ conversationId: `c${index}`, tenantId: 't' })));
    await clock.runUntil(10);
    await done;
    assert.deepEqual(new Set(timesOf(starts)), new Set([0]));
  });

  it("keeps a tenant's window over all its conversations, first come first served", async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 100, periodMs: 1_000 }], [{ limit: 2, periodMs: 100 }]);
    const targets = Array.from({ length: 10 }, (_, index) => ({ conversationId: `c${index % 5}`, tenantId: 't1' }));
    const { starts, done } = fanOut(clock, throttle, targets);
    await clock.runUntil(10_000);
    await done;
    assert.deepEqual(timesOf(starts), [0, 0, 100, 100, 200, 200, 300, 300, 400, 400]);
    assert.deepEqual(starts.slice(0, 5).map((start) => start.conversationId), ['c0', 'c1', 'c2', 'c3', 'c4'], 'in the order the sends came');
  });

  it('paces each tenant on its own, and sends without a tenant only by their conversations', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 100, periodMs: 1_000 }], [{ limit: 1, periodMs: 100 }]);
    const targets: ThrottleTarget[] = [
      { conversationId: 'a1', tenantId: 'a' },
      { conversationId: 'a2', tenantId: 'a' },
      { conversationId: 'b1', tenantId: 'b' },
      { conversationId: 'x1' },
      { conversationId: 'x2' },
    ];
    const { starts, done } = fanOut(clock, throttle, targets);
    await clock.runUntil(1_000);
    await done;
    const at = Object.fromEntries(starts.map((start) => [start.conversationId, start.at]));
    assert.deepEqual(at, { a1: 0, a2: 100, b1: 0, x1: 0, x2: 0 });
  });

  it('counts requests still running as sending now, and each from its completion once done', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 100, periodMs: 1_000 }], [{ limit: 2, periodMs: 100 }]);
    const targets = ['a', 'b', 'c'].map((conversationId) => ({ conversationId, tenantId: 't' }));
    const { starts, done } = fanOut(clock, throttle, targets, 50);
    await clock.runUntil(1_000);
    await done;
    // a and b run from 0 to 50 and then count until 150; from their starts c could have gone at 100.
    assert.deepEqual(timesOf(starts), [0, 0, 150]);
  });
});

describe('throttle state', () => {
  it('drops conversations and tenants whose windows have emptied as new ones come, keeping at most twice those in use', async () => {
    const clock = new TestClock();
    const throttle = throttleOn(clock, [{ limit: 10, periodMs: 1_000 }], [{ limit: 1_000, periodMs: 1_000 }]);
    const first = fanOut(clock, throttle, Array.from({ length: 300 }, (_, index) => ({ conversationId: `old-${index}`, tenantId: 'old' })));
    await clock.runUntil(100);
    await first.done;
    // All still within their windows: the sweep at 256 dropped nothing.
    assert.deepEqual(throttle.tracked(), { conversations: 300, tenants: 1 });
    clock.time = 2_000;
    // 300 others once the first windows have emptied: the sweep when the map reaches twice 256 drops the first 300.
    const later = fanOut(clock, throttle, Array.from({ length: 300 }, (_, index) => ({ conversationId: `new-${index}`, tenantId: 'new' })));
    await clock.runUntil(2_100);
    await later.done;
    assert.deepEqual(throttle.tracked(), { conversations: 300, tenants: 1 });
    assert.equal(throttle.sendsInWindow('new-0'), 1);
    assert.equal(throttle.sendsInWindow('old-0'), 0);
  });
});

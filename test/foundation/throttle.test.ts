import assert from 'node:assert/strict';
import { ConversationThrottle } from '../../src/teams/throttle.js';

describe('per-conversation throttle', () => {
  it('keeps every window: never more than the limit in any period, per conversation', async () => {
    const sent: Array<{ conversation: string; at: number }> = [];
    const throttle = new ConversationThrottle([
      { limit: 3, periodMs: 60 },
      { limit: 5, periodMs: 200 },
    ]);
    const sends = [];
    for (let index = 0; index < 8; index++) {
      for (const conversation of ['a', 'b']) {
        sends.push(throttle.schedule(conversation, async () => sent.push({ conversation, at: Date.now() })));
      }
    }
    await Promise.all(sends);
    for (const conversation of ['a', 'b']) {
      const times = sent.filter((entry) => entry.conversation === conversation).map((entry) => entry.at);
      assert.equal(times.length, 8);
      for (let index = 0; index < times.length; index++) {
        // Small tolerance for timer granularity: a window may never hold one send more than its limit.
        assert.ok(times.filter((time) => time >= times[index]! && time < times[index]! + 55).length <= 3, `3/60ms broken in ${conversation}`);
        assert.ok(times.filter((time) => time >= times[index]! && time < times[index]! + 190).length <= 5, `5/200ms broken in ${conversation}`);
      }
    }
  });

  it('keeps the order of sends within a conversation and survives a failing send', async () => {
    const throttle = new ConversationThrottle([{ limit: 100, periodMs: 1000 }]);
    const order: number[] = [];
    const results = await Promise.allSettled([1, 2, 3].map((n) => throttle.schedule('c', async () => {
      order.push(n);
      if (n === 2) throw new Error('boom');
    })));
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(results[1]!.status, 'rejected');
    assert.equal(results[2]!.status, 'fulfilled');
  });

  it('counts a send from when it completed, so a slow send cannot crowd the next window at the far end', async () => {
    const throttle = new ConversationThrottle([{ limit: 1, periodMs: 80 }]);
    const marks: Array<{ start: number; end: number }> = [];
    await Promise.all([0, 1].map(() => throttle.schedule('c', async () => {
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      marks.push({ start, end: Date.now() });
    })));
    // Counted from its start, the second send could begin at once when the first ended (100 ms > 80 ms).
    assert.ok(marks[1]!.start - marks[0]!.end >= 75, `second send began ${marks[1]!.start - marks[0]!.end} ms after the first completed`);
  });

  it("keeps Teams' documented send windows, 8 per 2 s among them", async () => {
    const { teamsSendWindows } = await import('../../src/teams/throttle.js');
    assert.deepEqual(teamsSendWindows.map((window) => `${window.limit}/${window.periodMs}`), ['7/1000', '8/2000', '60/30000']);
  });

  it("counts a conversation's sends in its longest window, for the dispatcher's rank", async () => {
    let clock = 10_000;
    const throttle = new ConversationThrottle([{ limit: 100, periodMs: 1_000 }, { limit: 100, periodMs: 30_000 }], () => clock);
    assert.equal(throttle.sendsInWindow('a'), 0);
    await throttle.schedule('a', async () => undefined);
    await throttle.schedule('a', async () => undefined);
    await throttle.schedule('b', async () => undefined);
    assert.equal(throttle.sendsInWindow('a'), 2);
    assert.equal(throttle.sendsInWindow('b'), 1);
    let during = -1;
    await throttle.schedule('b', async () => {
      during = throttle.sendsInWindow('b');
    });
    assert.equal(during, 2, 'a send counts from when it is granted');
    clock += 30_000;
    assert.equal(throttle.sendsInWindow('a'), 0, 'sends older than the longest window no longer count');
  });
});

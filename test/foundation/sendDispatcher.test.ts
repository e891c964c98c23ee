import assert from 'node:assert/strict';
import { SendDispatcher } from '../../src/teams/sendDispatcher.js';

/** A call the test finishes by hand, recording when it started. */
interface HeldCall {
  readonly name: string;
  finish(): void;
  fail(error: Error): void;
}

function recorder(): { started: string[]; held: Map<string, HeldCall>; call(name: string): () => Promise<string> } {
  const started: string[] = [];
  const held = new Map<string, HeldCall>();
  return {
    started,
    held,
    call: (name) => () =>
      new Promise<string>((resolve, reject) => {
        started.push(name);
        held.set(name, { name, finish: () => resolve(name), fail: reject });
      }),
  };
}

/** Timers fired by the test instead of the clock. */
function manualTimers(): { setTimer: (fire: () => void, ms: number) => () => void; fireAll(): void; pending(): number } {
  const timers = new Set<() => void>();
  return {
    setTimer: (fire) => {
      timers.add(fire);
      return () => timers.delete(fire);
    },
    fireAll: () => {
      const due = [...timers];
      timers.clear();
      for (const fire of due) fire();
    },
    pending: () => timers.size,
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('send dispatcher', () => {
  it('runs at most maxInFlight calls per service URL, and other service URLs beside them', async () => {
    const timers = manualTimers();
    const dispatcher = new SendDispatcher({ maxInFlight: 2, setTimer: timers.setTimer });
    const calls = recorder();
    const results = ['a', 'b', 'c'].map((name) => dispatcher.run('https://one/', 1, calls.call(name)));
    const other = dispatcher.run('https://two/', 1, calls.call('x'));
    assert.deepEqual(calls.started, ['a', 'b', 'x']);
    assert.deepEqual(dispatcher.load('https://one/'), { running: 2, waiting: 1 });
    calls.held.get('a')!.finish();
    await settle();
    assert.deepEqual(calls.started, ['a', 'b', 'x', 'c']);
    for (const name of ['b', 'c', 'x']) calls.held.get(name)!.finish();
    assert.deepEqual(await Promise.all([...results, other]), ['a', 'b', 'c', 'x']);
    assert.deepEqual(dispatcher.load('https://one/'), { running: 0, waiting: 0 });
    assert.equal(timers.pending(), 0, 'a finished call leaves no timer behind');
  });

  it("lets conversations with fewer sends in their window go first, in arrival order within a rank", async () => {
    const dispatcher = new SendDispatcher({ maxInFlight: 1, setTimer: manualTimers().setTimer });
    const calls = recorder();
    const url = 'https://one/';
    const all = [
      dispatcher.run(url, 1, calls.call('first')),
      dispatcher.run(url, 3, calls.call('c-third')),
      dispatcher.run(url, 2, calls.call('a-second')),
      dispatcher.run(url, 1, calls.call('b-first')),
      dispatcher.run(url, 2, calls.call('b-second')),
      dispatcher.run(url, 1, calls.call('d-first')),
    ];
    for (let index = 0; index < all.length; index += 1) {
      calls.held.get(calls.started[index]!)!.finish();
      await settle();
    }
    await Promise.all(all);
    assert.deepEqual(calls.started, ['first', 'b-first', 'd-first', 'a-second', 'b-second', 'c-third']);
  });

  it('a call that fails gives its place to the next, and its caller sees the failure', async () => {
    const dispatcher = new SendDispatcher({ maxInFlight: 1, setTimer: manualTimers().setTimer });
    const calls = recorder();
    const failing = dispatcher.run('u', 1, calls.call('a'));
    const next = dispatcher.run('u', 1, calls.call('b'));
    const thrown = dispatcher.run('u', 1, () => {
      throw new Error('synchronous');
    });
    calls.held.get('a')!.fail(new Error('429'));
    await assert.rejects(failing, /429/u);
    await settle();
    assert.deepEqual(calls.started, ['a', 'b']);
    calls.held.get('b')!.finish();
    assert.equal(await next, 'b');
    await assert.rejects(thrown, /synchronous/u);
    assert.deepEqual(dispatcher.load('u'), { running: 0, waiting: 0 });
  });

  it('a retry queues again behind calls already waiting at its rank (it keeps no place)', async () => {
    const dispatcher = new SendDispatcher({ maxInFlight: 1, setTimer: manualTimers().setTimer });
    const calls = recorder();
    const attempt = dispatcher.run('u', 1, calls.call('a-attempt-1'));
    const waiting = dispatcher.run('u', 1, calls.call('b'));
    calls.held.get('a-attempt-1')!.fail(new Error('503'));
    await assert.rejects(attempt);
    const retry = dispatcher.run('u', 1, calls.call('a-attempt-2'));
    await settle();
    calls.held.get('b')!.finish();
    await settle();
    calls.held.get('a-attempt-2')!.finish();
    await Promise.all([waiting, retry]);
    assert.deepEqual(calls.started, ['a-attempt-1', 'b', 'a-attempt-2']);
  });

  it('a slow call gives its place up and runs on, so a waiting call starts beside it', async () => {
    const timers = manualTimers();
    const dispatcher = new SendDispatcher({ maxInFlight: 1, slowCallMs: 1_000, setTimer: timers.setTimer });
    const calls = recorder();
    const slow = dispatcher.run('u', 1, calls.call('slow'));
    const next = dispatcher.run('u', 1, calls.call('next'));
    const after = dispatcher.run('u', 1, calls.call('after'));
    assert.deepEqual(calls.started, ['slow']);
    timers.fireAll();
    assert.deepEqual(calls.started, ['slow', 'next']);
    assert.deepEqual(dispatcher.load('u'), { running: 1, waiting: 1 });
    // The slow call ending later frees no second place: it no longer held one.
    calls.held.get('slow')!.finish();
    await slow;
    await settle();
    assert.deepEqual(calls.started, ['slow', 'next']);
    calls.held.get('next')!.finish();
    await settle();
    assert.deepEqual(calls.started, ['slow', 'next', 'after']);
    calls.held.get('after')!.finish();
    await Promise.all([next, after]);
    assert.deepEqual(dispatcher.load('u'), { running: 0, waiting: 0 });
  });
});

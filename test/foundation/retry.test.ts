import assert from 'node:assert/strict';
import pRetry, { AbortError, type Options } from 'p-retry';
import { pRetryAfterFirst, RetryableError, withRetries } from '../../src/http/retry.js';

/**
 * The first attempt is made before p-retry is set up (pRetryAfterFirst): every script of outcomes must give what
 * p-retry alone gives — the result or error, the attempt numbers, the callbacks' contexts, in the same order.
 */
describe('retries: the first attempt before p-retry', () => {
  type Step = { ok: string } | { fail: unknown };
  const boom = (message: string) => new Error(message);
  const scripts: Array<[string, Step[], Partial<Options>]> = [
    ['success at once', [{ ok: 'a' }], {}],
    ['success after two failures', [{ fail: boom('1') }, { fail: boom('2') }, { ok: 'c' }], {}],
    ['failures beyond the retries', [{ fail: boom('1') }, { fail: boom('2') }, { fail: boom('3') }, { ok: 'never' }], { retries: 2 }],
    ['no retries', [{ fail: boom('only') }, { ok: 'never' }], { retries: 0 }],
    ['an AbortError first', [{ fail: new AbortError(boom('stop')) }, { ok: 'never' }], {}],
    ['an AbortError later', [{ fail: boom('1') }, { fail: new AbortError('stop later') }, { ok: 'never' }], {}],
    ['a non-error thrown', [{ fail: 'a string' }, { ok: 'never' }], {}],
    ['a TypeError (not retried by p-retry)', [{ fail: new TypeError('bad') }, { ok: 'never' }], {}],
    ['shouldRetry says no', [{ fail: boom('1') }, { ok: 'never' }], { shouldRetry: () => false }],
  ];

  const run = async (runner: typeof pRetry, steps: Step[], extra: Partial<Options>) => {
    const seen: unknown[] = [];
    let index = 0;
    const input = async (attemptNumber: number) => {
      seen.push(['attempt', attemptNumber]);
      const step = steps[index++]!;
      if ('ok' in step) return step.ok;
      throw step.fail;
    };
    const options: Options = {
      retries: 3,
      minTimeout: 1,
      maxTimeout: 2,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft, retriesConsumed }) => void seen.push(['failed', error.message, attemptNumber, retriesLeft, retriesConsumed]),
      ...extra,
    };
    try {
      seen.push(['result', await runner(input, options)]);
    } catch (error) {
      seen.push(['error', error instanceof Error ? `${error.name}: ${error.message}` : error]);
    }
    return seen;
  };

  for (const [name, steps, extra] of scripts) {
    it(`is p-retry: ${name}`, async () => {
      assert.deepEqual(await run(pRetryAfterFirst, steps, extra), await run(pRetry, steps, extra));
    });
  }

  it('leaves a call with a signal to p-retry from the start (an aborted signal stops it before the first attempt)', async () => {
    let calls = 0;
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await assert.rejects(pRetryAfterFirst(async () => ++calls, { signal: controller.signal }), /cancelled/);
    assert.equal(calls, 0);
  });

  it('withRetries: retries what is retryable, numbering the attempts, and throws anything else as it is', async () => {
    const retried: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async (attempt) => {
        calls += 1;
        assert.equal(attempt, calls);
        if (attempt < 3) throw new RetryableError(new Error(`try ${attempt}`));
        return 'done';
      },
      { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 2, onRetry: ({ attempt }) => retried.push(attempt) },
    );
    assert.equal(result, 'done');
    assert.deepEqual(retried, [1, 2]);
    const final = new Error('final');
    await assert.rejects(withRetries(async () => { throw final; }, { retries: 3 }), (error) => error === final);
    await assert.rejects(withRetries(async () => { throw new RetryableError(new Error('cause')); }, { retries: 0 }), /^Error: cause$/);
  });
});

import assert from 'node:assert/strict';
import { retryStorage } from '../../src/storage/retry.js';
import { StorageClosedError } from '../../src/storage/errors.js';
import { StaleFenceError } from '../../src/storage/fence.js';

/** An arrival whose alert could not be stored on the first try is stored on a later one, not lost until a restart. */
describe('retryStorage', () => {
  it('tries again after a failed storage call and succeeds', async () => {
    let calls = 0;
    await retryStorage(async () => {
      calls += 1;
      if (calls < 3) throw new Error('The operation was aborted.');
    });
    assert.equal(calls, 3);
  }).timeout(15_000);

  it('gives up after a bounded number of tries, with the last error', async () => {
    let calls = 0;
    await assert.rejects(retryStorage(async () => {
      calls += 1;
      throw new Error(`timeout ${calls}`);
    }), /timeout 4/);
    assert.equal(calls, 4);
  }).timeout(15_000);

  it('does not retry a stale owner: the new owner replays the change', async () => {
    let calls = 0;
    await assert.rejects(retryStorage(async () => {
      calls += 1;
      throw new StaleFenceError('alert/x', { scope: 'channel/x', token: 1 }, 2);
    }), StaleFenceError);
    assert.equal(calls, 1);
  });

  it('does not retry a closed store', async () => {
    let calls = 0;
    await assert.rejects(retryStorage(async () => {
      calls += 1;
      throw new StorageClosedError('read');
    }), StorageClosedError);
    assert.equal(calls, 1);
  });
});

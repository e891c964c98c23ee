import { pRetryAfterFirst } from '../http/retry.js';
import { StorageClosedError } from './errors.js';
import { StaleFenceError } from './fence.js';

/**
 * Tries a storage call three more times (about 3.5 s in all) before its error goes up: a call that timed out on a busy
 * store would otherwise lose what it carried — an arrival not recorded, an instance that exits at start. Only for
 * idempotent work (reads; writes that merge). A closing store or a stale owner's refusal is final, not retried.
 */
export function retryStorage<T>(work: () => Promise<T>): Promise<T> {
  return pRetryAfterFirst(work, {
    retries: 3,
    minTimeout: 500,
    factor: 2,
    randomize: true,
    shouldRetry: ({ error }) => !(error instanceof StorageClosedError || error instanceof StaleFenceError),
  });
}

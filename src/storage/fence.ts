import { ServiceError } from '../errors.js';
import type { BotStorage } from './botStorage.js';
import { ETagConflictError } from './errors.js';

/**
 * A fencing token: the right to write one owned scope's records (an organizer's event channel, `channel/<id>`),
 * numbered by ownership epoch. Each new owner of a scope gets a higher token than every owner before it (see
 * src/ownership), so a record stamped by a newer owner tells an older one, still running on stale beliefs, that it
 * has lost.
 */
export interface Fence {
  scope: string;
  token: number;
}

/** Where a fenced record keeps the token of the last owner that wrote it. */
export const FENCE_FIELD = '_fence';

/** A write carried a token older than the one already on the record: another instance owns the scope now. */
export class StaleFenceError extends ServiceError {
  readonly key: string;
  readonly fence: Fence;
  readonly stored: number;

  constructor(key: string, fence: Fence, stored: number) {
    super({
      service: 'storage',
      status: 412,
      code: 'StaleOwner',
      serviceMessage: `refused a write of "${key}" by the owner of ${fence.scope} with token ${fence.token}: the record carries token ${stored}`,
      userMessage: 'Another instance of the bot took this over. Please try again.',
    });
    this.name = 'StaleFenceError';
    this.key = key;
    this.fence = fence;
    this.stored = stored;
  }
}

/** The eTag a caller passes to create a record only if it does not exist (see fencedWrite). */
const ABSENT = '"absent"';
const MAX_ATTEMPTS = 8;

/**
 * Writes one record of an owned scope, refusing an owner whose token is older than the record's.
 *
 * Blob Storage cannot check one blob's lease while writing another, so the check is an eTag round: read the record
 * and its stamp, refuse when the stamp is newer than our token, else write it back stamped with ours, conditional
 * on the eTag just read. A newer owner writing in between changes the eTag, so our write fails, we read again and
 * now see its stamp: of two owners, the older can never overwrite what the newer wrote. (That is why a new owner
 * stamps each record once as it takes a scope over, before it acts on it.)
 *
 * `fence` undefined is a write by someone who does not own the scope (a sign-in on another instance): it keeps the
 * stamp it found, so it neither takes the scope nor lets a stale owner back in.
 *
 * `next` receives the stored item (without eTag and stamp) and returns what to store, or undefined to write
 * nothing; it may run more than once when writers race. Works on any BotStorage whose conditional writes are
 * decided atomically per key: both the file store (within its one process) and the blob store (by the service).
 */
export async function fencedWrite<T extends object>(
  storage: BotStorage,
  key: string,
  next: (current: T | undefined) => T | undefined,
  fence?: Fence,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const stored = (await storage.read([key]))[key] as (Record<string, unknown> & { eTag?: string }) | undefined;
    const { eTag, [FENCE_FIELD]: stamp, ...current } = stored ?? {};
    const storedToken = tokenOf(stamp, fence?.scope);
    if (fence && storedToken > fence.token) throw new StaleFenceError(key, fence, storedToken);
    const item = next(stored ? (current as T) : undefined);
    if (item === undefined) return false;
    const { eTag: _ignored, [FENCE_FIELD]: _stamp, ...content } = item as Record<string, unknown>;
    const newStamp = fence ? { scope: fence.scope, token: fence.token } : stamp;
    // A missing record is created only if it is still missing: a conditional write of an absent item creates it
    // in both stores, and fails when someone created it meanwhile.
    const condition = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : ABSENT;
    try {
      await storage.write({ [key]: { ...content, ...(newStamp === undefined ? {} : { [FENCE_FIELD]: newStamp }), eTag: condition } });
      return true;
    } catch (error) {
      if (!(error instanceof ETagConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** Removes the stamp from an item read directly (callers that only read a fenced record need not see it). */
export function withoutFence<T extends object>(item: T): T {
  const { [FENCE_FIELD]: _stamp, ...rest } = item as Record<string, unknown>;
  return rest as T;
}

function tokenOf(stamp: unknown, scope: string | undefined): number {
  if (typeof stamp !== 'object' || stamp === null) return 0;
  const { scope: stampScope, token } = stamp as { scope?: unknown; token?: unknown };
  if (scope !== undefined && stampScope !== scope) return 0;
  return typeof token === 'number' && Number.isFinite(token) ? token : 0;
}

import { ServiceError } from '../errors.js';

/**
 * A conditional write lost the race: the caller read the item, someone else wrote it since, and the
 * caller's eTag no longer matches. botbuilder's BotState only needs `write` to reject; our own stores can
 * catch this type, re-read and retry.
 */
export class ETagConflictError extends ServiceError {
  readonly key: string;

  constructor(key: string, expectedETag: string, storedETag: string) {
    super({
      service: 'storage',
      status: 412,
      code: 'ETagConflict',
      serviceMessage: `error writing "${key}" due to eTag conflict (caller had eTag "${expectedETag}", stored eTag is "${storedETag}")`,
      userMessage: 'Someone else changed this at the same moment. Please try again.',
    });
    this.name = 'ETagConflictError';
    this.key = key;
  }
}

/** Any use of a FileStorage after `close()`: a bug in shutdown ordering, so it must fail loudly. */
export class StorageClosedError extends ServiceError {
  constructor(operation: string) {
    super({
      service: 'storage',
      code: 'StorageClosed',
      serviceMessage: `${operation} called after the file storage was closed`,
      userMessage: 'I am shutting down right now. Please try again in a moment.',
    });
    this.name = 'StorageClosedError';
  }
}

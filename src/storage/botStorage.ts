import type { Storage, StoreItems } from 'botbuilder';

/** What `/healthz` says about the store: which one, and whether it can be written right now. */
export interface StoreHealth {
  ok: boolean;
  /** Which store, without secrets or paths (/healthz is public): "file store", "Azure Blob container bot-state". */
  detail: string;
}

/**
 * The durable store the bot's code uses, whichever backs it (local files, Azure Blob Storage): botbuilder `Storage`
 * with its eTag semantics, plus listing keys by prefix, health and an orderly close.
 *
 * eTags follow botbuilder's MemoryStorage: a write whose eTag is set and not '*' must match the stored eTag when an
 * item is stored (else it rejects with ETagConflictError); a missing, empty or '*' eTag writes unconditionally; every
 * write stores a fresh eTag. Multi-key writes and deletes are atomic per key, not across keys.
 */
export interface BotStorage extends Storage {
  readonly kind: 'file' | 'blob';
  /** Stored keys starting with `prefix`, sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** Resolves once every write and delete started so far has finished (or failed). */
  flush(): Promise<void>;
  /** Refuses new operations, then waits for those in flight. */
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
  /**
   * Writes like `write`, durable when it resolves, but appended to a journal the store shares among the writes of the
   * moment (one fdatasync for all) instead of a file of its own: only where one process owns the store (the file store);
   * a store without it is written with `write`.
   */
  writeJournaled?(changes: StoreItems): Promise<void>;
}

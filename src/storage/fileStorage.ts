import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { BotStorage, StoreHealth } from './botStorage.js';
import { createLogger, type Logger } from '../logging.js';
import { errorCode, isTempFile, removeFileDurably, replaceFileDurably } from './durableFile.js';
import { ETagConflictError } from './errors.js';
import { readWholeFile } from './wholeFile.js';
import { ABSENT, decodeJournal, deletionEntry, isDeletion, Journal, journalFileName, journalGeneration, replayEntries, type JournalEntry } from './journal.js';
import { StoreLifecycle } from './lifecycle.js';
import { KeyedSerializer } from './keyedSerializer.js';
import { assertKeys, isConditional, validateChanges, type Change } from './items.js';
import { decodeRecord, encodeRecord, fileNameForKey, isRecordFile, RECORD_SUFFIX } from './record.js';

export interface FileStorageOptions {
  /** Receives warnings about files found damaged or left over at open. Silent when omitted. */
  logger?: Logger;
  /** Bytes of a journal file before the next one begins (default 8 MB); a quarter of it may be live (see below). */
  journalBytes?: number;
}

/** Files opened in parallel while indexing at start; enough to hide latency, few enough for ulimit. */
const OPEN_CONCURRENCY = 32;

/**
 * Characters of item JSON kept in memory for reads (~0.5 MB): the records of the conversations and organizers in use
 * now (a conversation state or watch record is a few hundred characters), not the whole store. Larger items are
 * always read from disk.
 */
const RECENT_CHARS = 512 * 1024;
const RECENT_ITEM_CHARS = 32 * 1024;

/**
 * Bytes of a journal file before the next one begins with the live entries. Live: item JSON whose latest version is in
 * the journal only, kept in memory until the record is next written to its file, deleted, or the store reopens. At
 * most a quarter of a file, beyond which a journaled write goes to its own file instead: a new journal file, which
 * begins with them, always has room for new writes, and memory stays bounded (2 MB with the default). From half of
 * that on, the records written longest ago are written to their files in the background (a checkpoint): a finished
 * alert is not written again for a day, and would otherwise hold its share until the store reopens.
 */
const JOURNAL_BYTES = 8 * 1024 * 1024;
/** Records a checkpoint writes at once: few, so that the writes a caller waits for keep the file system's threads. */
const CHECKPOINT_CONCURRENCY = 2;

/** A write whose latest version is in the journal only: `fileETag` is the version its record file holds (ABSENT: none). */
interface JournaledItem {
  fileETag: string;
  eTag: string;
  itemJson: string;
}

/** An item as last written or read, with the eTag it was stored under. */
interface RecentItem {
  eTag: string;
  itemJson: string;
}

/**
 * botbuilder `Storage` on the local disk, one file per key, safe against crashes and against concurrent
 * writes within this process. eTag semantics follow botbuilder's MemoryStorage exactly: a write whose
 * eTag is set and not '*' must match the stored eTag when an item is stored; a missing, empty or '*' eTag
 * writes unconditionally; every write stores a fresh eTag.
 *
 * One process owns a directory at a time: the per-key ordering and the eTag index live in memory, and
 * leftover temp files are deleted at open. Run one bot instance per storage directory.
 *
 * Multi-key `write`/`delete` calls are atomic per key, not across keys (like the Cosmos and Blob stores):
 * on an eTag conflict the other keys of the same call are still written, and the call rejects.
 *
 * `writeJournaled` puts a record's new version in a journal shared by the writes of the moment instead of its own
 * file (journal.ts); the record files catch up at the next open, or earlier in a checkpoint.
 */
export class FileStorage implements BotStorage {
  readonly kind = 'file';
  private readonly serializer = new KeyedSerializer();
  /** Whole write/delete calls still running, so flush() resolves only after the callers' promises did. */
  private readonly lifecycle = new StoreLifecycle();
  /**
   * Read-through copies of recently written or read items. Every turn read its conversation's state (and commands
   * their watch records) from disk: open, stat, read and close, then the record's check and hash, ~10 % of a
   * command's CPU in the bench. A copy is used only while its eTag is the one in the index, which this process alone
   * changes (the directory lock keeps other processes off), so it can never be older than the file. Each read parses
   * it afresh, so callers still get objects of their own.
   */
  private readonly recent = new LRUCache<string, RecentItem>({
    maxSize: RECENT_CHARS,
    maxEntrySize: RECENT_ITEM_CHARS,
    sizeCalculation: (item, key) => item.itemJson.length + key.length,
  });

  /** Writes whose latest version is in the journal only, by key: reads take them from here (the file is older). */
  private readonly journaled = new Map<string, JournaledItem>();
  private journaledChars = 0;
  private readonly journalLiveChars: number;
  private checkpointing?: Promise<void>;
  /**
   * Keys whose journal append failed and whose own file could not be written either: the failed entry may have reached
   * the journal all the same, and a replay would apply it, after which a later entry from the version before it would
   * no longer apply. Their writes go to their files until one succeeds, which makes every earlier entry stale.
   */
  private readonly unsettled = new Set<string>();
  /**
   * Keys this process created through the journal: a creation entry of theirs may be in a journal file, and would
   * apply again once the key's file is gone, so their deletes are journaled too (see journal.ts). Left when such a
   * deletion is on disk; a key created through the journal again comes back.
   */
  private readonly createdInJournal = new Set<string>();
  private readonly journal: Journal;

  private constructor(
    readonly directory: string,
    /** key → eTag of every stored item; authoritative because this process is the only writer. */
    private readonly index: Map<string, string>,
    journalGeneration: number,
    journalBytes: number,
  ) {
    this.journalLiveChars = Math.floor(journalBytes / 4);
    this.journal = new Journal(directory, {
      generation: journalGeneration,
      generationBytes: journalBytes,
      live: () => [...this.journaled].map(([key, item]) => ({ key, base: item.fileETag, eTag: item.eTag, itemJson: item.itemJson })),
    });
  }

  /**
   * Creates the directory if needed, removes temp files a crash left behind, indexes the stored keys and writes what
   * the journal holds into the record files (then removes the journal).
   */
  static async open(directory: string, options: FileStorageOptions = {}): Promise<FileStorage> {
    const logger = options.logger ?? createLogger({ level: 'silent' });
    const dir = resolve(directory);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const index = await indexDirectory(dir, logger);
    const nextGeneration = await replayJournal(dir, index, logger);
    return new FileStorage(dir, index, nextGeneration, options.journalBytes ?? JOURNAL_BYTES);
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.lifecycle.assertOpen('read');
    assertKeys(keys, 'read');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const record = this.journaledRecord(key) ?? this.recentRecord(key) ?? (await this.readRecord(key));
        if (!record) return;
        // defineProperty, not assignment: a key such as "__proto__" must stay a plain entry.
        const value = { ...record.item, eTag: record.eTag };
        Object.defineProperty(items, key, { value, enumerable: true, writable: true, configurable: true });
      }),
    );
    return items;
  }

  private journaledRecord(key: string): { eTag: string; item: Record<string, unknown> } | undefined {
    const journaled = this.journaled.get(key);
    return journaled && { eTag: journaled.eTag, item: JSON.parse(journaled.itemJson) as Record<string, unknown> };
  }

  /** The in-memory copy of a key's item, when it is the stored one. */
  private recentRecord(key: string): { eTag: string; item: Record<string, unknown> } | undefined {
    const stored = this.index.get(key);
    const recent = stored === undefined ? undefined : this.recent.get(key);
    if (!recent || recent.eTag !== stored) return undefined;
    return { eTag: recent.eTag, item: JSON.parse(recent.itemJson) as Record<string, unknown> };
  }

  write(changes: StoreItems): Promise<void> {
    return this.lifecycle.track(() => this.writeAll(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.lifecycle.track(() => this.deleteAll(keys));
  }

  /**
   * Writes like `write` (same eTag rules, same durability: on disk when it resolves), through the journal: an append
   * shared with the other writes of the moment instead of a file of its own. For records this process writes often,
   * many at once (a lobby alert: created at an arrival, rewritten at its outcome and after each delivery). A record
   * too large for the journal's share of memory is written to its file as `write` does.
   */
  writeJournaled(changes: StoreItems): Promise<void> {
    return this.lifecycle.track(async () => {
      this.lifecycle.assertOpen('write');
      const entries = validateChanges(changes);
      const results = await Promise.allSettled(
        entries.map((change) => this.serializer.run(change.key, () => this.journalOne(change))),
      );
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    });
  }

  private async writeAll(changes: StoreItems): Promise<void> {
    this.lifecycle.assertOpen('write');
    const entries = validateChanges(changes);
    const results = await Promise.allSettled(
      entries.map((change) => this.serializer.run(change.key, () => this.writeOne(change))),
    );
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async deleteAll(keys: string[]): Promise<void> {
    this.lifecycle.assertOpen('delete');
    assertKeys(keys, 'delete');
    await Promise.all(keys.map((key) => this.serializer.run(key, () => this.deleteOne(key))));
  }

  /** In the key's serializer slot, like a write. */
  private async deleteOne(key: string): Promise<void> {
    this.recent.delete(key);
    const stored = this.index.get(key);
    if (stored !== undefined && this.createdInJournal.has(key)) {
      // Before the file goes: from then on the creation entry would apply again. Deleted as the deletion becomes
      // durable: a new journal file must not carry the key's journaled version on without it, and a read meanwhile
      // must not find the older version in the file.
      try {
        await this.journal.append(deletionEntry(key, stored), () => {
          this.forgetJournaled(key);
          this.index.delete(key);
          this.createdInJournal.delete(key);
        });
      } catch (error) {
        // The deletion may have reached the disk all the same, and would then end the chain of the key's next journal
        // entries: its next write goes to its file (see unsettled), which a replay leaves alone.
        this.unsettled.add(key);
        throw error;
      }
    }
    await removeFileDurably(this.directory, fileNameForKey(key));
    this.index.delete(key);
    this.forgetJournaled(key);
    this.unsettled.delete(key);
  }

  /** Stored keys starting with `prefix`, sorted; used to list conversation references and outbox entries. */
  async keys(prefix = ''): Promise<string[]> {
    this.lifecycle.assertOpen('keys');
    if (typeof prefix !== 'string') throw new TypeError('Storage keys(prefix): prefix must be a string.');
    return [...this.index.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  /** Resolves once every write and delete started so far has reached the disk (or failed). */
  flush(): Promise<void> {
    return this.lifecycle.flush();
  }

  /** Refuses new operations, then waits for in-flight writes: the last step of graceful shutdown. */
  async close(): Promise<void> {
    await this.lifecycle.close();
    await this.journal.close();
  }

  /** Healthy while the folder can still be written (a full or read-only disk loses alerts); /healthz is public, so no path. */
  async health(): Promise<StoreHealth> {
    try {
      await access(this.directory, constants.W_OK);
      return { ok: true, detail: 'file store' };
    } catch {
      return { ok: false, detail: 'file store: the data folder is not writable' };
    }
  }


  private async readRecord(key: string) {
    if (!this.index.has(key)) return undefined;
    const fileName = fileNameForKey(key);
    let text: string;
    try {
      text = await readWholeFile(join(this.directory, fileName));
    } catch (error) {
      // Deleted between the index check and the read: the delete won, the item is gone.
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    const record = decodeRecord(text, fileName, key);
    // Kept only when it is still the stored version: a write may have replaced the file while it was read.
    if (this.index.get(key) === record.eTag) this.remember(key, record.eTag, JSON.stringify(record.item));
    return record;
  }

  private remember(key: string, eTag: string, itemJson: string): void {
    if (itemJson.length + key.length <= RECENT_ITEM_CHARS) this.recent.set(key, { eTag, itemJson });
  }

  /** Runs inside the key's serializer slot, so the eTag check and the rename cannot interleave with another write. */
  private async writeOne({ key, eTag: callerETag, itemJson }: Change): Promise<void> {
    const storedETag = this.index.get(key);
    refuseStale(key, callerETag, storedETag);
    const eTag = randomUUID();
    // Forgotten before and after a failure: a write that fails after its rename leaves a file the index does not
    // name, and reads must go on finding what the file holds, as they did before there were copies.
    this.recent.delete(key);
    try {
      await replaceFileDurably(this.directory, fileNameForKey(key), encodeRecord({ key, eTag, itemJson }));
    } catch (error) {
      this.recent.delete(key);
      throw error;
    }
    this.index.set(key, eTag);
    // The file is newer than anything journaled for the key: those entries no longer apply (see journal.ts).
    this.forgetJournaled(key);
    this.unsettled.delete(key);
    this.remember(key, eTag, itemJson);
  }

  /** Runs inside the key's serializer slot, like writeOne, whose eTag check it shares. */
  private async journalOne(change: Change): Promise<void> {
    const { key, eTag: callerETag, itemJson } = change;
    const storedETag = this.index.get(key);
    const previous = this.journaled.get(key);
    const room = this.journalLiveChars - this.journaledChars + (previous?.itemJson.length ?? 0);
    if (itemJson.length > room || this.unsettled.has(key)) return this.writeOne(change);
    refuseStale(key, callerETag, storedETag);
    const base = storedETag ?? ABSENT;
    // Before the append: a failed one may still have reached the disk.
    if (base === ABSENT) this.createdInJournal.add(key);
    const eTag = randomUUID();
    try {
      await this.journal.append({ key, base, eTag, itemJson }, () => {
        this.recent.delete(key);
        this.forgetJournaled(key);
        this.journaled.set(key, { fileETag: previous?.fileETag ?? base, eTag, itemJson });
        this.journaledChars += itemJson.length;
        this.index.set(key, eTag);
      });
    } catch {
      // The journal could not take it (its next write starts a new file): the record's own file takes it instead,
      // which also makes whatever part of the entry reached the journal stale.
      this.unsettled.add(key);
      return this.writeOne(change);
    }
    if (this.journaledChars > this.journalLiveChars / 2) this.checkpointSoon();
  }

  private checkpointSoon(): void {
    this.checkpointing ??= this.lifecycle
      .track(() => this.checkpoint())
      // A record that could not be written stays journaled (durable there); the next journaled write tries again.
      .catch(() => undefined)
      .finally(() => (this.checkpointing = undefined));
  }

  /** Writes the records journaled longest ago to their files until a quarter of the journal's share is in use. */
  private async checkpoint(): Promise<void> {
    while (this.journaledChars > this.journalLiveChars / 4) {
      // A Map iterates in insertion order, and a record journaled again is inserted anew: the oldest come first.
      const oldest = [...take(this.journaled.keys(), CHECKPOINT_CONCURRENCY)];
      if (oldest.length === 0) return;
      await Promise.all(oldest.map((key) => this.serializer.run(key, () => this.checkpointOne(key))));
    }
  }

  /**
   * In the key's serializer slot, like a write. The file gets the journaled version's own eTag, so its journal entries
   * no longer apply (journal.ts) and the index stays as it is.
   */
  private async checkpointOne(key: string): Promise<void> {
    const journaled = this.journaled.get(key);
    if (!journaled) return;
    await replaceFileDurably(this.directory, fileNameForKey(key), encodeRecord({ key, eTag: journaled.eTag, itemJson: journaled.itemJson }));
    this.forgetJournaled(key);
    this.remember(key, journaled.eTag, journaled.itemJson);
  }

  private forgetJournaled(key: string): void {
    const journaled = this.journaled.get(key);
    if (!journaled) return;
    this.journaledChars -= journaled.itemJson.length;
    this.journaled.delete(key);
  }

}

/**
 * botbuilder's MemoryStorage rule, for a write to its file or through the journal alike: an eTag given (not '*') must
 * be the stored one when the key is stored; a key not stored yet takes any.
 */
function refuseStale(key: string, callerETag: string | undefined, storedETag: string | undefined): void {
  if (isConditional(callerETag) && storedETag !== undefined && callerETag !== storedETag) throw new ETagConflictError(key, callerETag, storedETag);
}

function* take<T>(values: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const value of values) {
    yield value;
    taken += 1;
    if (taken >= count) return;
  }
}

/**
 * Writes the journal's entries into their record files, where they still apply (journal.ts), then removes the journal
 * files: a crash anywhere in between replays them again at the next open, and an entry replayed already no longer
 * applies. Returns the number for the next journal file.
 */
async function replayJournal(dir: string, index: Map<string, string>, logger: Logger): Promise<number> {
  const generations = (await readdir(dir))
    .map(journalGeneration)
    .filter((generation) => generation !== undefined)
    .sort((a, b) => a - b);
  if (generations.length === 0) return 0;
  const entries: JournalEntry[] = [];
  for (const generation of generations) {
    const { entries: read, damaged } = decodeJournal(await readFile(join(dir, journalFileName(generation)), 'utf8'));
    if (damaged) logger.warn({ file: journalFileName(generation), entries: read.length }, 'storage: a journal ended in an unfinished write; the entries before it are replayed');
    for (const entry of read) entries.push(entry);
  }
  const replayed = [...replayEntries(index, entries).values()];
  for (let start = 0; start < replayed.length; start += OPEN_CONCURRENCY) {
    await Promise.all(replayed.slice(start, start + OPEN_CONCURRENCY).map((entry) => replayOne(dir, index, entry)));
  }
  for (const generation of generations) await removeFileDurably(dir, journalFileName(generation));
  if (replayed.length > 0) logger.info({ records: replayed.length, entries: entries.length }, 'storage: replayed the write journal into the record files');
  return (generations.at(-1) ?? 0) + 1;
}

async function replayOne(dir: string, index: Map<string, string>, entry: JournalEntry): Promise<void> {
  const { key, eTag, itemJson } = entry;
  if (isDeletion(entry)) {
    // The delete was under way when the process stopped (the deletion is appended before the file goes).
    await removeFileDurably(dir, fileNameForKey(key));
    index.delete(key);
    return;
  }
  await replaceFileDurably(dir, fileNameForKey(key), encodeRecord({ key, eTag, itemJson }));
  index.set(key, eTag);
}

/**
 * Rebuilds the key → eTag index. Temp files are writes that never committed, so they are deleted;
 * a record file that does not parse cannot come from our rename protocol (only from outside damage),
 * so it is set aside as `.corrupt` for a person to inspect instead of stopping the bot.
 */
async function indexDirectory(dir: string, logger: Logger): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const names = await readdir(dir);
  for (const name of names.filter(isTempFile)) {
    await unlink(join(dir, name)).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
    logger.info({ file: name }, 'storage: removed an unfinished write left by a crash');
  }
  const recordNames = names.filter(isRecordFile);
  for (let start = 0; start < recordNames.length; start += OPEN_CONCURRENCY) {
    await Promise.all(
      recordNames.slice(start, start + OPEN_CONCURRENCY).map(async (name) => {
        try {
          const record = decodeRecord(await readFile(join(dir, name), 'utf8'), name);
          index.set(record.key, record.eTag);
        } catch (error) {
          const corruptName = `${name.slice(0, -RECORD_SUFFIX.length)}.corrupt-${Date.now()}`;
          await rename(join(dir, name), join(dir, corruptName));
          logger.warn({ file: name, movedTo: corruptName, err: error }, 'storage: set aside a damaged record file');
        }
      }),
    );
  }
  return index;
}

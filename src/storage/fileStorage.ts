import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { StoreItems } from 'botbuilder';
import type { BotStorage, StoreHealth } from './botStorage.js';
import { createLogger, type Logger } from '../logging.js';
import { errorCode, isTempFile, removeFileDurably, replaceFileDurably } from './durableFile.js';
import { ETagConflictError } from './errors.js';
import { StoreLifecycle } from './lifecycle.js';
import { KeyedSerializer } from './keyedSerializer.js';
import { assertKeys, isConditional, validateChanges, type Change } from './items.js';
import { decodeRecord, encodeRecord, fileNameForKey, isRecordFile, RECORD_SUFFIX } from './record.js';

export interface FileStorageOptions {
  /** Receives warnings about files found damaged or left over at open. Silent when omitted. */
  logger?: Logger;
}

/** Files opened in parallel while indexing at start; enough to hide latency, few enough for ulimit. */
const OPEN_CONCURRENCY = 32;

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
 */
export class FileStorage implements BotStorage {
  readonly kind = 'file';
  private readonly serializer = new KeyedSerializer();
  /** Whole write/delete calls still running, so flush() resolves only after the callers' promises did. */
  private readonly lifecycle = new StoreLifecycle();

  private constructor(
    readonly directory: string,
    /** key → eTag of every stored item; authoritative because this process is the only writer. */
    private readonly index: Map<string, string>,
  ) {}

  /** Creates the directory if needed, removes temp files a crash left behind and indexes the stored keys. */
  static async open(directory: string, options: FileStorageOptions = {}): Promise<FileStorage> {
    const logger = options.logger ?? createLogger({ level: 'silent' });
    const dir = resolve(directory);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const index = await indexDirectory(dir, logger);
    return new FileStorage(dir, index);
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.lifecycle.assertOpen('read');
    assertKeys(keys, 'read');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const record = await this.readRecord(key);
        if (!record) return;
        // defineProperty, not assignment: a key such as "__proto__" must stay a plain entry.
        const value = { ...record.item, eTag: record.eTag };
        Object.defineProperty(items, key, { value, enumerable: true, writable: true, configurable: true });
      }),
    );
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    return this.lifecycle.track(() => this.writeAll(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.lifecycle.track(() => this.deleteAll(keys));
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
    await Promise.all(
      keys.map((key) =>
        this.serializer.run(key, async () => {
          await removeFileDurably(this.directory, fileNameForKey(key));
          this.index.delete(key);
        }),
      ),
    );
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
  close(): Promise<void> {
    return this.lifecycle.close();
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
      text = await readFile(join(this.directory, fileName), 'utf8');
    } catch (error) {
      // Deleted between the index check and the read: the delete won, the item is gone.
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    return decodeRecord(text, fileName);
  }

  /** Runs inside the key's serializer slot, so the eTag check and the rename cannot interleave with another write. */
  private async writeOne({ key, eTag: callerETag, itemJson }: Change): Promise<void> {
    const storedETag = this.index.get(key);
    if (isConditional(callerETag) && storedETag !== undefined && callerETag !== storedETag) {
      throw new ETagConflictError(key, callerETag, storedETag);
    }
    const eTag = randomUUID();
    await replaceFileDurably(this.directory, fileNameForKey(key), encodeRecord({ key, eTag, itemJson }));
    this.index.set(key, eTag);
  }

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

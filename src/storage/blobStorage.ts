import { createHash } from 'node:crypto';
import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import type { BotStorage, StoreHealth } from './botStorage.js';
import { ETagConflictError } from './errors.js';
import { StoreLifecycle } from './lifecycle.js';
import { KeyedSerializer } from './keyedSerializer.js';
import { assertKeys, isConditional, validateChanges, type Change } from './items.js';
import { retryStorage } from './retry.js';

export interface BlobStorageOptions {
  connectionString: string;
  container: string;
  /** Longest wait for one storage operation, retries included; a silent endpoint must not hold a turn. */
  timeoutMs?: number;
}

/** Azure's own limit is 1024; names longer than this are shortened and made unique by a hash of the key. */
const MAX_READABLE_NAME = 900;
const KEY_METADATA = 'botkey';

/**
 * botbuilder `Storage` on Azure Blob Storage, one block blob per key, for several bot instances sharing state. The
 * blob's own ETag is the item's eTag, so a conditional write is a conditional PUT (If-Match, or If-None-Match: *
 * to create), decided by the service: two instances writing the same version cannot both win.
 *
 * Chosen over `botbuilder-azure-blobs` because that store neither lists keys by prefix (the outbox and the watch
 * lists need it) nor keeps MemoryStorage's "a conditional write of a missing item creates it" that the file store
 * and its callers rely on.
 */
export class BlobStorage implements BotStorage {
  readonly kind = 'blob';
  private readonly serializer = new KeyedSerializer();
  private readonly lifecycle = new StoreLifecycle();

  private constructor(
    private readonly container: ContainerClient,
    private readonly timeoutMs: number,
  ) {}

  /** Connects and creates the container when it is missing. */
  static async open(options: BlobStorageOptions): Promise<BlobStorage> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const service = BlobServiceClient.fromConnectionString(options.connectionString, {
      retryOptions: { maxTries: 3, tryTimeoutInMs: Math.max(1_000, Math.floor(timeoutMs / 2)) },
      userAgentOptions: { userAgentPrefix: 'MeetingOpsBot' },
    });
    const container = service.getContainerClient(options.container);
    // Retried: an instance (re)starting while the store is busy must wait for it, not exit.
    await retryStorage(() => container.createIfNotExists({ abortSignal: AbortSignal.timeout(timeoutMs) }));
    return new BlobStorage(container, timeoutMs);
  }

  get containerName(): string {
    return this.container.containerName;
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.lifecycle.assertOpen('read');
    assertKeys(keys, 'read');
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const stored = await this.readOne(key);
        if (!stored) return;
        // defineProperty, not assignment: a key such as "__proto__" must stay a plain entry.
        Object.defineProperty(items, key, { value: { ...stored.item, eTag: stored.eTag }, enumerable: true, writable: true, configurable: true });
      }),
    );
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    return this.lifecycle.track(async () => {
      this.lifecycle.assertOpen('write');
      const entries = validateChanges(changes);
      const results = await Promise.allSettled(entries.map((change) => this.serializer.run(change.key, () => this.writeOne(change))));
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
    });
  }

  delete(keys: string[]): Promise<void> {
    return this.lifecycle.track(async () => {
      this.lifecycle.assertOpen('delete');
      assertKeys(keys, 'delete');
      await Promise.all(
        keys.map((key) => this.serializer.run(key, () => this.container.getBlobClient(blobNameForKey(key)).deleteIfExists({ abortSignal: this.signal() }))),
      );
    });
  }

  async keys(prefix = ''): Promise<string[]> {
    this.lifecycle.assertOpen('keys');
    if (typeof prefix !== 'string') throw new TypeError('Storage keys(prefix): prefix must be a string.');
    const keys: string[] = [];
    const signal = this.signal();
    // Long keys have shortened names, so the listing prefix is cut to the readable part and the key checked after.
    const namePrefix = encodeKey(prefix).slice(0, MAX_READABLE_NAME);
    for await (const blob of this.container.listBlobsFlat({ prefix: namePrefix, includeMetadata: true, abortSignal: signal })) {
      const key = keyOfBlob(blob.name, blob.metadata);
      if (key !== undefined && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  }

  flush(): Promise<void> {
    return this.lifecycle.flush();
  }

  close(): Promise<void> {
    return this.lifecycle.close();
  }

  /** Healthy while the container answers; the detail names it (never the connection string). */
  async health(): Promise<StoreHealth> {
    const where = `Azure Blob container ${this.container.containerName}`;
    try {
      await this.container.getProperties({ abortSignal: this.signal() });
      return { ok: true, detail: where };
    } catch (error) {
      const status = error instanceof RestError ? ` (${error.statusCode ?? error.code ?? 'no answer'})` : '';
      return { ok: false, detail: `${where}: not reachable${status}` };
    }
  }

  private async readOne(key: string): Promise<{ item: Record<string, unknown>; eTag: string } | undefined> {
    let response;
    try {
      response = await this.container.getBlobClient(blobNameForKey(key)).download(0, undefined, { abortSignal: this.signal() });
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
    const text = await streamText(response.readableStreamBody);
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch {
      throw new Error(`storage blob for "${key}" is not valid JSON`);
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`storage blob for "${key}" is not a stored item`);
    return { item: item as Record<string, unknown>, eTag: response.etag ?? '' };
  }

  /** Runs inside the key's serializer slot, so writes of one key from this process land in call order. */
  private async writeOne({ key, eTag, itemJson }: Change): Promise<void> {
    const blob = this.container.getBlockBlobClient(blobNameForKey(key));
    const upload = (conditions: { ifMatch?: string; ifNoneMatch?: string }) =>
      blob.upload(itemJson, Buffer.byteLength(itemJson), {
        conditions,
        metadata: { [KEY_METADATA]: Buffer.from(key, 'utf8').toString('base64url') },
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
        abortSignal: this.signal(),
      });
    if (!isConditional(eTag)) {
      await upload({});
      return;
    }
    try {
      await upload({ ifMatch: eTag });
      return;
    } catch (error) {
      if (!isStatus(error, 412) && !isStatus(error, 404)) throw error;
    }
    // If-Match failed: either someone else wrote it, or it is gone and (as in MemoryStorage) the write creates it.
    try {
      await upload({ ifNoneMatch: '*' });
    } catch (error) {
      if (!isStatus(error, 409) && !isStatus(error, 412)) throw error;
      const current = await blob.getProperties({ abortSignal: this.signal() }).then((properties) => properties.etag ?? '', () => '');
      throw new ETagConflictError(key, eTag, current);
    }
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.timeoutMs);
  }


}

/**
 * Blob names: letters, digits, '-' and '_' as they are, every other UTF-8 byte as `~XX`, so names stay readable,
 * never end in '.' or '/', never clash by case folding of escapes, and a key prefix maps to a name prefix (listing by
 * prefix works). A name that would pass the limit is cut and ends in `!` and the key's SHA-256 ('!' is always escaped
 * in readable names, so the two kinds cannot meet).
 */
export function blobNameForKey(key: string): string {
  const encoded = encodeKey(key);
  if (encoded.length <= MAX_READABLE_NAME) return encoded;
  return `${encoded.slice(0, MAX_READABLE_NAME)}!${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

function encodeKey(key: string): string {
  let name = '';
  for (const char of key) {
    if (/^[A-Za-z0-9_-]$/.test(char)) name += char;
    else for (const byte of Buffer.from(char, 'utf8')) name += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return name;
}

/** The key a listed blob holds: from its metadata (written with every item), checked against its name. */
function keyOfBlob(name: string, metadata: Record<string, string> | undefined): string | undefined {
  const stored = metadata?.[KEY_METADATA];
  if (stored === undefined) return undefined; // not one of ours: someone else's blob in the container
  const key = Buffer.from(stored, 'base64url').toString('utf8');
  return blobNameForKey(key) === name ? key : undefined;
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}

async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!stream) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

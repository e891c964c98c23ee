import { hash } from 'node:crypto';
import * as z from 'zod';

/**
 * How one stored item looks on disk. Keys come from Teams ids (':', '/', '|', ';', '@', often > 100
 * characters), so the file is named by a hash of the key — fixed length, no path characters, no clashes
 * on case-insensitive file systems — and the key itself is kept inside the file for listing and checking.
 */

export const RECORD_SUFFIX = '.json';
const FORMAT_VERSION = 1;

export interface StoredRecord {
  key: string;
  eTag: string;
  item: Record<string, unknown>;
}

const storedRecordSchema = z.object({
  v: z.literal(FORMAT_VERSION),
  key: z.string().min(1),
  eTag: z.string().min(1),
  item: z.record(z.unknown()),
});

/**
 * `hash`, not `createHash(…).update(…).digest(…)`: one call without a Hash object, ~3× cheaper here (Node 20 with
 * OpenSSL 3), and every read that misses the cache and every write names its file.
 */
export function fileNameForKey(key: string): string {
  return hash('sha256', key, 'hex') + RECORD_SUFFIX;
}

export function isRecordFile(fileName: string): boolean {
  return /^[0-9a-f]{64}\.json$/.test(fileName);
}

/** `itemJson` is the item already serialized (without its eTag), taken when the write was called. */
export function encodeRecord(record: { key: string; eTag: string; itemJson: string }): string {
  return `{"v":${FORMAT_VERSION},"key":${JSON.stringify(record.key)},"eTag":${JSON.stringify(record.eTag)},"item":${record.itemJson}}`;
}

/**
 * Parses a record file; throws with a plain reason when the content is not one of ours. `expectedKey`: the key the
 * file was opened for (a read), whose file name is `fileName` already; the record must hold that key, which spares
 * hashing it again. Without it (indexing at open) the key's hash must name the file.
 */
export function decodeRecord(text: string, fileName: string, expectedKey?: string): StoredRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`storage file ${fileName} is not valid JSON`);
  }
  // The schema's rules checked by hand first (zod's parse and copy were ~half of a read that missed the cache); zod
  // still words whatever they decline.
  const record = plainRecord(json) ?? parsedRecord(json, fileName);
  if (expectedKey === undefined ? fileNameForKey(record.key) !== fileName : record.key !== expectedKey) {
    throw new Error(`storage file ${fileName} holds key "${record.key}", which belongs in another file`);
  }
  return record;
}

/** What storedRecordSchema accepts, checked by hand; undefined when it might not be (zod then decides and words it). */
function plainRecord(json: unknown): StoredRecord | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const { v, key, eTag, item } = json as Record<string, unknown>;
  if (v !== FORMAT_VERSION || typeof key !== 'string' || key === '' || typeof eTag !== 'string' || eTag === '') return undefined;
  if (typeof item !== 'object' || item === null || Array.isArray(item) || Object.getPrototypeOf(item) !== Object.prototype) return undefined;
  return { key, eTag, item: item as Record<string, unknown> };
}

function parsedRecord(json: unknown, fileName: string): StoredRecord {
  const parsed = storedRecordSchema.safeParse(json);
  if (!parsed.success) throw new Error(`storage file ${fileName} is not a storage record: ${parsed.error.issues[0]?.message}`);
  return { key: parsed.data.key, eTag: parsed.data.eTag, item: parsed.data.item };
}

import { createHash } from 'node:crypto';
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

export function fileNameForKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex') + RECORD_SUFFIX;
}

export function isRecordFile(fileName: string): boolean {
  return /^[0-9a-f]{64}\.json$/.test(fileName);
}

/** `itemJson` is the item already serialized (without its eTag), taken when the write was called. */
export function encodeRecord(record: { key: string; eTag: string; itemJson: string }): string {
  return `{"v":${FORMAT_VERSION},"key":${JSON.stringify(record.key)},"eTag":${JSON.stringify(record.eTag)},"item":${record.itemJson}}`;
}

/** Parses a record file; throws with a plain reason when the content is not one of ours. */
export function decodeRecord(text: string, fileName: string): StoredRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`storage file ${fileName} is not valid JSON`);
  }
  const parsed = storedRecordSchema.safeParse(json);
  if (!parsed.success) throw new Error(`storage file ${fileName} is not a storage record: ${parsed.error.issues[0]?.message}`);
  if (fileNameForKey(parsed.data.key) !== fileName) {
    throw new Error(`storage file ${fileName} holds key "${parsed.data.key}", which belongs in another file`);
  }
  return { key: parsed.data.key, eTag: parsed.data.eTag, item: parsed.data.item };
}

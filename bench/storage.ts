import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileStorage } from '../src/storage/index.js';

export interface StorageBenchResult {
  writes: number;
  fileStorageWritesPerSec: number;
  /** Plain `fs.writeFile` of the same JSON: no temp file, no fsync, no rename — the price of durability. */
  baselineWritesPerSec: number;
  /** fileStorage / baseline; below 1 means FileStorage is that fraction as fast. */
  ratio: number;
}

const KEYS = 50;

function itemFor(i: number): Record<string, unknown> {
  return { conversationId: `19:meeting_${i % KEYS}@thread.v2`, turn: i, text: 'x'.repeat(1024) };
}

async function timeWrites(writes: number, writeOne: (i: number) => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < writes; i += 1) await writeOne(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return writes / seconds;
}

/** Sequential 1 KiB writes over 50 keys, FileStorage against plain fs.writeFile in the same run. */
export async function benchStorage(writes = 500): Promise<StorageBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-storage-'));
  try {
    const storage = await FileStorage.open(join(dir, 'store'));
    const fileStorageWritesPerSec = await timeWrites(writes, (i) => storage.write({ [`conversation/${i % KEYS}`]: itemFor(i) }));
    await storage.close();
    const baselineWritesPerSec = await timeWrites(writes, (i) => writeFile(join(dir, `plain-${i % KEYS}.json`), JSON.stringify(itemFor(i))));
    return { writes, fileStorageWritesPerSec, baselineWritesPerSec, ratio: fileStorageWritesPerSec / baselineWritesPerSec };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchStorage();
  console.log(JSON.stringify(result, null, 2));
}

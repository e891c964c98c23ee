/**
 * Crash-test child for the write journal: `node journalChild.js <dir> <round>`. Rewrites a few stored records through
 * the journal, all at once (so their appends share a write and an fdatasync), creates a record through it and deletes
 * the one created two steps before, and prints "committed <n>" only after every write and delete of step n resolved:
 * each number the parent sees is a promise that must survive its SIGKILL.
 */
import { FileStorage } from '../../src/storage/fileStorage.js';
import { crashRecordContent, createdKey, journalSlotContent, JOURNAL_SLOTS } from '../storage/crashRecords.js';

/** Small, so that kills also land while a new journal file begins and the old one goes. */
const JOURNAL_BYTES = 48 * 1024;

async function main(): Promise<void> {
  const [dir, roundText] = process.argv.slice(2);
  const round = Number(roundText);
  if (!dir || !Number.isInteger(round)) throw new Error('usage: journalChild <dir> <round>');
  const storage = await FileStorage.open(dir, { journalBytes: JOURNAL_BYTES });
  const stored = await storage.read(JOURNAL_SLOTS);
  const missing = JOURNAL_SLOTS.filter((key) => !stored[key]);
  if (missing.length > 0) await storage.write(Object.fromEntries(missing.map((key) => [key, { round: -1, n: -1 }])));
  process.stdout.write('ready\n');
  for (let n = 0; ; n += 1) {
    await Promise.all([
      ...JOURNAL_SLOTS.map((key, slot) => storage.writeJournaled({ [key]: journalSlotContent(round, n, slot) })),
      storage.writeJournaled({ [createdKey(round, n)]: crashRecordContent(round, n) }),
      n >= 2 ? storage.delete([createdKey(round, n - 2)]) : undefined,
    ]);
    process.stdout.write(`committed ${n}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

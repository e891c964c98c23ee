/**
 * Crash-test child: `node storageChild.js <dir> <round>`. Writes records in a loop and prints
 * "committed <n>" only after the write of record n resolved, so every number the parent sees is a
 * promise of durability that must survive the SIGKILL the parent sends at a random moment.
 */
import { FileStorage } from '../../src/storage/fileStorage.js';
import { crashRecordContent, crashRecordKey, LATEST_KEY } from '../storage/crashRecords.js';

async function main(): Promise<void> {
  const [dir, roundText] = process.argv.slice(2);
  const round = Number(roundText);
  if (!dir || !Number.isInteger(round)) throw new Error('usage: storageChild <dir> <round>');
  const storage = await FileStorage.open(dir);
  process.stdout.write('ready\n');
  for (let n = 0; ; n += 1) {
    // One multi-key write: a fresh record plus an overwrite of a shared key, so both the create and the
    // replace path are under fire when the kill lands.
    await storage.write({ [crashRecordKey(round, n)]: crashRecordContent(round, n), [LATEST_KEY]: { round, n } });
    process.stdout.write(`committed ${n}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

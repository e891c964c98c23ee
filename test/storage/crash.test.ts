import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { FileStorage } from '../../src/storage/index.js';
import { crashRecordContent, crashRecordKey, createdKey, CREATED_PREFIX, journalSlotContent, JOURNAL_SLOTS, LATEST_KEY } from './crashRecords.js';

const CHILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'storageChild.js');
const JOURNAL_CHILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'journalChild.js');
const ROUNDS = 30;
/** Longest random wait between the child's first commit and the kill; keeps all rounds well under 20 s. */
const MAX_KILL_DELAY_MS = 60;

interface RoundOutcome {
  /** Highest n the child reported as committed, or -1 when it died before its first commit. */
  lastCommitted: number;
}

/**
 * Starts the child, waits until it is writing, then SIGKILLs it after a random delay. Everything it
 * printed before dying is read to the end (the pipe outlives the process), so every reported commit counts.
 */
function runAndKill(dir: string, round: number, script = CHILD_SCRIPT): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastCommitted = -1;
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const committed = /^committed (\d+)$/.exec(line);
      if (committed) lastCommitted = Math.max(lastCommitted, Number(committed[1]));
      // Half the rounds kill right after start-up (racing the first writes of a freshly opened store),
      // half after the loop is running, so kills land across the whole write path.
      const armNow = line === 'ready' ? round % 2 === 0 : committed !== null;
      if (armNow && killTimer === undefined) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * MAX_KILL_DELAY_MS));
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}, signal ${signal}): ${stderr}`));
      else resolve({ lastCommitted });
    });
  });
}

describe('storage/FileStorage crash safety', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'filestorage-crash-'));
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`keeps every committed record intact across ${ROUNDS} SIGKILLs at random moments`, async function () {
    this.timeout(60_000);
    const committedPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const { lastCommitted } = await runAndKill(dir, round);
      committedPerRound.push(lastCommitted);

      const storage = await FileStorage.open(dir);
      const files = await readdir(dir);
      assert.deepEqual(files.filter((name) => !/^[0-9a-f]{64}\.json$/.test(name)), [], `round ${round}: stray or damaged files`);

      const expectedKeys = committedPerRound.flatMap((last, r) => Array.from({ length: last + 1 }, (_, n) => crashRecordKey(r, n)));
      const items = await storage.read(expectedKeys);
      for (const [r, last] of committedPerRound.entries()) {
        for (let n = 0; n <= last; n += 1) {
          const item = items[crashRecordKey(r, n)];
          assert.ok(item, `round ${round}: committed record ${r}/${n} is missing`);
          const { eTag, ...content } = item;
          assert.equal(typeof eTag, 'string');
          assert.deepEqual(content, crashRecordContent(r, n), `round ${round}: record ${r}/${n} has wrong content`);
        }
      }
      if (lastCommitted >= 0) {
        // The shared key was overwritten by every write: it holds the last commit or the one in flight.
        const latest = (await storage.read([LATEST_KEY]))[LATEST_KEY];
        assert.equal(latest.round, round);
        assert.ok(latest.n === lastCommitted || latest.n === lastCommitted + 1, `round ${round}: latest is ${latest.n}, last commit ${lastCommitted}`);
      }
      await storage.close();
    }
    const roundsWithCommits = committedPerRound.filter((last) => last >= 0).length;
    assert.ok(roundsWithCommits >= ROUNDS / 2, `only ${roundsWithCommits} rounds committed anything: the test proved little`);
  });

  it(`keeps every journaled write across ${ROUNDS} SIGKILLs at random moments, replayed at the next open`, async function () {
    this.timeout(60_000);
    const journalDir = join(dir, 'journal');
    let rounds = 0;
    const committedPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const { lastCommitted } = await runAndKill(journalDir, round, JOURNAL_CHILD_SCRIPT);
      committedPerRound.push(lastCommitted);
      if (lastCommitted >= 0) rounds += 1;
      const storage = await FileStorage.open(journalDir);
      try {
        const files = await readdir(journalDir);
        assert.deepEqual(files.filter((name) => !/^[0-9a-f]{64}\.json$/.test(name)), [], `round ${round}: the journal is replayed and removed`);
        const items = await storage.read(JOURNAL_SLOTS);
        for (const [slot, key] of JOURNAL_SLOTS.entries()) {
          const { eTag: _eTag, ...content } = items[key] ?? {};
          if (lastCommitted < 0) continue;
          // Each slot holds the last committed step, or the one in flight when the kill came.
          const n = content.n === lastCommitted + 1 ? lastCommitted + 1 : lastCommitted;
          assert.deepEqual(content, journalSlotContent(round, n, slot), `round ${round}: slot ${slot} after commit ${lastCommitted}`);
        }
        // Every round's created records so far, replayed again at each open: what was deleted never comes back.
        const created = await storage.keys(CREATED_PREFIX);
        const createdItems = await storage.read(created);
        for (const [r, last] of committedPerRound.entries()) {
          for (let n = 0; n <= last + 1; n += 1) {
            const key = createdKey(r, n);
            // Created at step n, deleted at step n + 2: acknowledged, or in flight at the kill (then either way).
            const settled = n <= last - 2 ? 'deleted' : n === last ? 'created' : 'either';
            const item = createdItems[key];
            if (settled === 'deleted') assert.equal(item, undefined, `round ${round}: ${key} was deleted (commit ${last}) and came back`);
            if (settled === 'created') assert.ok(item, `round ${round}: ${key} was created (commit ${last}) and is missing`);
            if (item) {
              const { eTag: _eTag, ...content } = item;
              assert.deepEqual(content, crashRecordContent(r, n), `round ${round}: ${key}`);
            }
          }
        }
        const expected = new Set(committedPerRound.flatMap((last, r) => Array.from({ length: last + 2 }, (_, n) => createdKey(r, n))));
        assert.deepEqual(created.filter((key) => !expected.has(key)), [], `round ${round}: records no step created`);
      } finally {
        await storage.close();
      }
    }
    assert.ok(rounds >= ROUNDS / 2, `only ${rounds} rounds committed anything: the test proved little`);
  });
});

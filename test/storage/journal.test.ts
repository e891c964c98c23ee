import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ETagConflictError, FileStorage } from '../../src/storage/index.js';
import { ABSENT, decodeJournal, deletionEntry, encodeEntry, replayEntries, type JournalEntry } from '../../src/storage/journal.js';
import { fileNameForKey } from '../../src/storage/record.js';
import { testLogger } from '../helpers/testLogger.js';

const journalFiles = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('journal-')).sort();

/**
 * What a crash leaves: the folder's files as they are now, copied while the store is still open (and may be writing in
 * the background: a file renamed or removed meanwhile is not there).
 */
async function snapshot(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await copyFile(join(from, name), join(to, name)).catch((error: unknown) => {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    });
  }
}

async function recordFileItem(dir: string, key: string): Promise<unknown> {
  return (JSON.parse(await readFile(join(dir, fileNameForKey(key)), 'utf8')) as { item: unknown }).item;
}

const entry = (n: number): JournalEntry => ({ key: `k|${n}`, base: `b${n}`, eTag: `e${n}`, itemJson: JSON.stringify({ n, text: 'é "quoted" \n' }) });

describe('storage/journal: lines', () => {
  it('reads back what it wrote, the item exactly as written', () => {
    const text = [entry(1), entry(2)].map(encodeEntry).join('');
    assert.deepEqual(decodeJournal(text), { entries: [entry(1), entry(2)], damaged: false });
  });

  it('drops a last line a crash cut short, and keeps the whole ones before it', () => {
    const whole = encodeEntry(entry(1));
    const last = encodeEntry(entry(2));
    for (let cut = 1; cut < last.length; cut += 7) {
      assert.deepEqual(decodeJournal(whole + last.slice(0, cut)), { entries: [entry(1)], damaged: true }, `cut at ${cut}`);
    }
  });

  it('stops at a line of zeros or one whose checksum does not match, even when it parses', () => {
    const whole = encodeEntry(entry(1));
    assert.deepEqual(decodeJournal(whole + '\0'.repeat(4096)), { entries: [entry(1)], damaged: true });
    assert.deepEqual(decodeJournal(whole + `${'\0'.repeat(100)}\n${encodeEntry(entry(3))}`), { entries: [entry(1)], damaged: true });
    const altered = encodeEntry(entry(2)).replace('"n":2', '"n":7');
    assert.deepEqual(decodeJournal(whole + altered + encodeEntry(entry(3))), { entries: [entry(1)], damaged: true });
  });
});

describe('storage/journal: replaying entries', () => {
  const write = (key: string, base: string, eTag: string): JournalEntry => ({ key, base, eTag, itemJson: `{"v":"${eTag}"}` });
  const replay = (stored: Record<string, string>, entries: JournalEntry[]) =>
    Object.fromEntries([...replayEntries(new Map(Object.entries(stored)), entries)].map(([key, entry]) => [key, entry.eTag]));

  it('chains each key\'s entries from its file\'s version, and passes over the ones that do not follow on', () => {
    assert.deepEqual(replay({ a: 'e0', b: 'e5' }, [write('a', 'e0', 'e1'), write('a', 'e1', 'e2'), write('b', 'e0', 'e1')]), { a: 'e2' });
  });

  it('creates a key that has no file, and not one that has', () => {
    assert.deepEqual(replay({ b: 'e5' }, [write('a', ABSENT, 'e1'), write('b', ABSENT, 'e1')]), { a: 'e1' });
  });

  it('a deletion of the version reached deletes the key; a creation after it applies', () => {
    assert.deepEqual(replay({ a: 'e0' }, [write('a', 'e0', 'e1'), deletionEntry('a', 'e1')]), { a: ABSENT });
    assert.deepEqual(replay({}, [write('a', ABSENT, 'e1'), deletionEntry('a', 'e1'), write('a', ABSENT, 'e2')]), { a: 'e2' });
  });

  it('a deletion of a version written outside the journal ends the chain: the key falls back to its file', () => {
    // Created through the journal (e1), written to its file (e2), deleted: the file is gone, e1 must not come back.
    assert.deepEqual(replay({}, [write('a', ABSENT, 'e1'), deletionEntry('a', 'e2')]), {});
    // The same with the file still there (the process stopped before removing it): the file stays as it was.
    assert.deepEqual(replay({ a: 'e2' }, [write('a', ABSENT, 'e1'), deletionEntry('a', 'e2')]), { a: ABSENT });
    // Deleted, then created again outside the journal (e5): neither entry touches it.
    assert.deepEqual(replay({ a: 'e5' }, [write('a', ABSENT, 'e1'), deletionEntry('a', 'e1')]), {});
  });

  it('a deletion line survives encoding, and a damaged one is refused', () => {
    const text = encodeEntry(deletionEntry('k', 'e1'));
    assert.deepEqual(decodeJournal(text), { entries: [deletionEntry('k', 'e1')], damaged: false });
    assert.ok(text.endsWith(' {"k":"k","b":"e1","e":"","i":null}\n'), text);
    // Whole lines with good checksums, but a deletion with an item, or a write without one.
    for (const odd of [{ ...deletionEntry('k', 'e1'), itemJson: '{}' }, { key: 'k', base: 'e1', eTag: 'e2', itemJson: 'null' }]) {
      assert.deepEqual(decodeJournal(encodeEntry(odd)), { entries: [], damaged: true });
    }
  });
});

describe('storage/FileStorage: the write journal', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'filestorage-journal-'));
    storage = await FileStorage.open(join(dir, 'store'));
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const store = () => join(dir, 'store');
  const crashed = () => join(dir, 'crashed');

  it('writes an existing record through the journal, not its file, and reads give the journaled version', async () => {
    await storage.write({ k: { v: 0 } });
    await storage.writeJournaled({ k: { v: 1 } });
    assert.deepEqual(await recordFileItem(store(), 'k'), { v: 0 }, 'the record file was not replaced');
    assert.deepEqual(await journalFiles(store()), ['journal-0.log']);
    const read = (await storage.read(['k'])).k;
    assert.equal(read.v, 1);
    // Its eTag guards conditional writes as a file write's does, through the journal or not.
    await assert.rejects(storage.writeJournaled({ k: { v: 2, eTag: 'stale' } }), ETagConflictError);
    await storage.writeJournaled({ k: { v: 2, eTag: read.eTag } });
    await assert.rejects(storage.write({ k: { v: 3, eTag: read.eTag } }), ETagConflictError);
  });

  it('creates a record not stored yet through the journal: listed and read at once, its file written at the next open', async () => {
    await storage.writeJournaled({ fresh: { v: 1 } });
    await assert.rejects(recordFileItem(store(), 'fresh'), /ENOENT/, 'no file of its own yet');
    assert.deepEqual(await storage.keys(), ['fresh']);
    const read = (await storage.read(['fresh'])).fresh;
    assert.equal(read.v, 1);
    await assert.rejects(storage.writeJournaled({ fresh: { v: 2, eTag: 'stale' } }), ETagConflictError);
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await reopened.read(['fresh']), { fresh: read }, 'the acknowledged version, eTag included');
      assert.deepEqual(await recordFileItem(crashed(), 'fresh'), { v: 1 });
    } finally {
      await reopened.close();
    }
  });

  it('a record created through the journal and deleted stays deleted after a crash, whether its file was written or not', async () => {
    await storage.writeJournaled({ journaledOnly: { v: 1 }, filed: { v: 1 }, again: { v: 1 }, refiled: { v: 1 } });
    // filed: its creation is still in the journal when its own file is written and then removed.
    await storage.write({ filed: { v: 2 } });
    await storage.delete(['journaledOnly', 'filed', 'again', 'refiled']);
    await storage.writeJournaled({ again: { v: 3 } });
    await storage.write({ refiled: { v: 3 } });
    const latest = await storage.read(['again', 'refiled']);
    assert.deepEqual(Object.keys(latest).sort(), ['again', 'refiled']);
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await reopened.keys(), ['again', 'refiled']);
      assert.deepEqual(await reopened.read(['journaledOnly', 'filed', 'again', 'refiled']), latest);
    } finally {
      await reopened.close();
    }
  });

  it('a delete the process did not finish leaves the record deleted or as it was, never an older version', async () => {
    await storage.writeJournaled({ a: { v: 1 } });
    await storage.writeJournaled({ a: { v: 2 } });
    const before = await storage.read(['a']);
    // The deletion is on disk, the file not removed yet: what a crash between the two leaves.
    await storage.write({ b: { v: 0 } });
    await storage.writeJournaled({ b: { v: 1 } });
    await storage.delete(['a']);
    await snapshot(store(), crashed());
    const journal = await readFile(join(crashed(), 'journal-0.log'), 'utf8');
    const withoutDeletion = journal.split('\n').filter((line) => !line.includes('"e":""')).join('\n');
    await writeFile(join(dir, 'journal-without-deletion.log'), withoutDeletion);
    const reopened = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await reopened.read(['a']), {}, 'the deletion was durable: a is gone');
      assert.equal((await reopened.read(['b'])).b.v, 1);
    } finally {
      await reopened.close();
    }
    // And had the crash come before the deletion reached the journal, a is as it was, at its latest version.
    await rm(crashed(), { recursive: true });
    await snapshot(store(), crashed());
    await copyFile(join(dir, 'journal-without-deletion.log'), join(crashed(), 'journal-0.log'));
    const beforeDeletion = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await beforeDeletion.read(['a']), before);
    } finally {
      await beforeDeletion.close();
    }
  });

  it('after a kill between the journal append and its replay, the next open writes the records and removes the journal', async () => {
    await storage.write({ a: { v: 0 }, b: { v: 0 } });
    await Promise.all([storage.writeJournaled({ a: { v: 1 } }), storage.writeJournaled({ b: { v: 1 } })]);
    await storage.writeJournaled({ a: { v: 2 } });
    const eTags = await storage.read(['a', 'b']);
    await snapshot(store(), crashed());
    const lines: string[] = [];
    const reopened = await FileStorage.open(crashed(), { logger: testLogger({ level: 'info', lines }) });
    try {
      assert.deepEqual(await reopened.read(['a', 'b']), eTags, 'the acknowledged versions, eTags included');
      assert.deepEqual(await recordFileItem(crashed(), 'a'), { v: 2 });
      assert.deepEqual(await recordFileItem(crashed(), 'b'), { v: 1 });
      assert.deepEqual(await journalFiles(crashed()), []);
      assert.ok(lines.some((line) => line.includes('replayed the write journal')));
    } finally {
      await reopened.close();
    }
  });

  it('replays the whole entries of a journal whose last line a crash tore, and drops the torn one', async () => {
    await storage.write({ a: { v: 0 } });
    await storage.writeJournaled({ a: { v: 1 } });
    await storage.writeJournaled({ a: { v: 2 } });
    await snapshot(store(), crashed());
    const journal = join(crashed(), 'journal-0.log');
    const text = await readFile(journal, 'utf8');
    await writeFile(journal, text.slice(0, text.length - 20));
    const lines: string[] = [];
    const reopened = await FileStorage.open(crashed(), { logger: testLogger({ level: 'warn', lines }) });
    try {
      assert.equal((await reopened.read(['a'])).a.v, 1, 'the torn write was never acknowledged; the one before it was');
      assert.ok(lines.some((line) => line.includes('unfinished write')));
      assert.deepEqual(await journalFiles(crashed()), []);
    } finally {
      await reopened.close();
    }
  });

  it('replaying a journal again changes nothing, and never undoes a later write or a delete', async () => {
    await storage.write({ a: { v: 0 }, b: { v: 0 }, c: { v: 0 } });
    for (const key of ['a', 'b', 'c']) await storage.writeJournaled({ [key]: { v: 1 } });
    await snapshot(store(), crashed());
    const journal = await readFile(join(crashed(), 'journal-0.log'));
    const first = await FileStorage.open(crashed());
    const replayed = await first.read(['a', 'b', 'c']);
    // After the replay: one record written again, one deleted, one left; then the journal turns up again, as it
    // would after a crash between the records' writes and the journal's removal.
    await first.write({ a: { v: 5 } });
    await first.delete(['b']);
    const a = (await first.read(['a'])).a;
    await first.close();
    await writeFile(join(crashed(), 'journal-0.log'), journal);
    const second = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await second.read(['a', 'b', 'c']), { a, c: replayed.c });
      assert.deepEqual(await second.keys(), ['a', 'c']);
    } finally {
      await second.close();
    }
  });

  it('a journaled record written to its file later, or deleted, stays so after a crash', async () => {
    await storage.write({ a: { v: 0 }, b: { v: 0 } });
    await storage.writeJournaled({ a: { v: 1 } });
    await storage.writeJournaled({ b: { v: 1 } });
    await storage.write({ a: { v: 2 } });
    await storage.delete(['b']);
    assert.deepEqual((await storage.read(['a', 'b'])).a.v, 2);
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.equal((await reopened.read(['a'])).a.v, 2);
      assert.deepEqual(await reopened.keys(), ['a']);
    } finally {
      await reopened.close();
    }
  });

  it('begins a new journal file with the live entries once one is long, and removes the old one', async () => {
    await storage.close();
    storage = await FileStorage.open(store(), { journalBytes: 16 * 1024 });
    const keys = Array.from({ length: 10 }, (_, n) => `key-${n}`);
    await storage.write(Object.fromEntries(keys.map((key) => [key, { v: -1 }])));
    for (let v = 0; v < 40; v += 1) {
      await Promise.all(keys.map((key, n) => storage.writeJournaled({ [key]: { v, n, pad: 'x'.repeat(200) } })));
    }
    const files = await journalFiles(store());
    assert.equal(files.length, 1, `one journal file left: ${files.join(', ')}`);
    assert.notEqual(files[0], 'journal-0.log', 'the first one was followed by others');
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      const items = await reopened.read(keys);
      for (const [n, key] of keys.entries()) assert.deepEqual({ ...items[key], eTag: undefined }, { v: 39, n, pad: 'x'.repeat(200), eTag: undefined });
    } finally {
      await reopened.close();
    }
  });

  it('writes a record too large for the journal\'s share of memory to its own file', async () => {
    await storage.close();
    storage = await FileStorage.open(store(), { journalBytes: 8 * 1024 });
    await storage.write({ a: { v: 0 } });
    await storage.writeJournaled({ a: { v: 1, pad: 'x'.repeat(3000) } });
    assert.equal(((await recordFileItem(store(), 'a')) as { v: number }).v, 1);
    assert.deepEqual(await journalFiles(store()), []);
  });

  it('writes the records journaled longest ago to their files once half the journal\'s share of memory is used', async () => {
    await storage.close();
    storage = await FileStorage.open(store(), { journalBytes: 16 * 1024 });
    const keys = Array.from({ length: 10 }, (_, n) => `key-${n}`);
    await storage.write(Object.fromEntries(keys.map((key) => [key, { v: 0 }])));
    for (const key of keys) await storage.writeJournaled({ [key]: { v: 1, pad: 'x'.repeat(400) } });
    await storage.flush();
    const inFiles = await Promise.all(keys.map(async (key) => ((await recordFileItem(store(), key)) as { v: number }).v));
    assert.deepEqual(inFiles.slice(0, 4), [1, 1, 1, 1], 'the oldest are in their files');
    assert.equal(inFiles.at(-1), 0, 'the newest is in the journal only');
    const items = await storage.read(keys);
    assert.ok(keys.every((key) => items[key].v === 1));
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await reopened.read(keys), items, 'the same versions, eTags included, after a crash');
    } finally {
      await reopened.close();
    }
  });

  it('writes to the record\'s own file when the journal cannot be written, and journals again in a new file after', async () => {
    await storage.write({ a: { v: 0 } });
    // The journal's first file name is taken by something it cannot open as a file.
    await mkdir(join(store(), 'journal-0.log'));
    await storage.writeJournaled({ a: { v: 1 } });
    assert.deepEqual(await recordFileItem(store(), 'a'), { v: 1 }, 'the write went to the record file');
    await storage.writeJournaled({ a: { v: 2 } });
    assert.deepEqual(await recordFileItem(store(), 'a'), { v: 1 });
    assert.deepEqual(await journalFiles(store()), ['journal-0.log', 'journal-1.log']);
    await rm(join(store(), 'journal-0.log'), { recursive: true });
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.equal((await reopened.read(['a'])).a.v, 2);
    } finally {
      await reopened.close();
    }
  });

  it('a delete whose deletion the journal could not take fails, and the record\'s next write goes to its file', async () => {
    await storage.close();
    storage = await FileStorage.open(store(), { journalBytes: 1024 });
    // Written until the journal's file is long: its next write begins a new file, whose name is taken by a folder.
    let v = 0;
    let current: string | undefined;
    do {
      v += 1;
      await storage.writeJournaled({ a: { v, pad: 'x'.repeat(150) } });
      current = (await journalFiles(store())).at(-1);
    } while (!current || (await stat(join(store(), current))).size <= 1024);
    const next = join(store(), `journal-${Number(/\d+/.exec(current)?.[0]) + 1}.log`);
    await mkdir(next);
    await assert.rejects(storage.delete(['a']));
    assert.equal((await storage.read(['a'])).a.v, v, 'not deleted');
    await rm(next, { recursive: true });
    await storage.writeJournaled({ a: { v: 2 } });
    assert.deepEqual(await recordFileItem(store(), 'a'), { v: 2 }, 'written to its own file');
    const latest = await storage.read(['a']);
    await snapshot(store(), crashed());
    const reopened = await FileStorage.open(crashed());
    try {
      assert.deepEqual(await reopened.read(['a']), latest);
    } finally {
      await reopened.close();
    }
  });

  it('a clean close leaves the journal to the next open, which writes it into the records', async () => {
    await storage.write({ a: { v: 0 } });
    await storage.writeJournaled({ a: { v: 1 } });
    await storage.close();
    storage = await FileStorage.open(store());
    assert.equal((await storage.read(['a'])).a.v, 1);
    assert.deepEqual(await recordFileItem(store(), 'a'), { v: 1 });
    assert.deepEqual(await journalFiles(store()), []);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging.js';
import { ETagConflictError, FileStorage, StorageClosedError } from '../../src/storage/index.js';
import { describeStorageContract, ODD_KEYS } from './contract.js';

/** What only the file store does (its files, its index, crash leftovers); the shared contract is at the end. */
describe('storage/FileStorage', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'filestorage-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('read, write, delete', () => {
    it('persists across a fresh open of the directory', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['b']);
      const eTag = (await storage.read(['a'])).a.eTag;
      const reopened = await FileStorage.open(dir);
      assert.deepEqual(await reopened.read(['a', 'b']), { a: { v: 1, eTag } });
      // The eTag index survives the reopen: the stored eTag still guards conditional writes.
      await assert.rejects(reopened.write({ a: { v: 3, eTag: 'stale' } }), ETagConflictError);
      await reopened.write({ a: { v: 3, eTag } });
      await reopened.close();
    });

  });

  describe('concurrent writers to one key', () => {
    it('lands every unconditional write, the last one called wins, and the file stays whole', async () => {
      const big = 'z'.repeat(64 * 1024);
      const writers = Array.from({ length: 25 }, (_, writer) => storage.write({ k: { writer, big } }));
      await Promise.all(writers);
      assert.equal((await storage.read(['k'])).k.writer, 24);
      const files = await readdir(dir);
      assert.equal(files.length, 1, `expected one record file, found ${files.join(', ')}`);
      const onDisk: unknown = JSON.parse(await readFile(join(dir, files[0]!), 'utf8'));
      assert.deepEqual(onDisk, { v: 1, key: 'k', eTag: (await storage.read(['k'])).k.eTag, item: { writer: 24, big } });
    });

  });

  describe('keys', () => {
    it('stores keys with odd characters and long keys in separate files and lists them by prefix', async () => {
      await storage.write(Object.fromEntries(ODD_KEYS.map((key, index) => [key, { index }])));
      const items = await storage.read(ODD_KEYS);
      assert.deepEqual(Object.keys(items).sort(), [...ODD_KEYS].sort());
      ODD_KEYS.forEach((key, index) => assert.equal(items[key].index, index, key));
      assert.equal(Object.getPrototypeOf(items), Object.prototype);
      assert.equal((await readdir(dir)).length, ODD_KEYS.length);

      const reopened = await FileStorage.open(dir);
      assert.deepEqual(await reopened.keys(), [...ODD_KEYS].sort());
      assert.deepEqual(await reopened.keys('msteams/conversations/'), [ODD_KEYS[0]]);
      assert.deepEqual(await reopened.keys('mixed'), ['mixedcase']);
      assert.deepEqual(await reopened.keys('nothing-here'), []);
      await reopened.close();
    });
  });

  describe('start-up and shutdown', () => {
    it('removes temp files left by a crash and sets damaged record files aside', async () => {
      await storage.write({ kept: { v: 1 } });
      const [recordFile] = await readdir(dir);
      await writeFile(join(dir, `${recordFile}.5d8f-half-written.tmp`), '{"v":1,"key":"ke');
      const damaged = `${'0'.repeat(64)}.json`;
      await writeFile(join(dir, damaged), 'not json');
      const lines: string[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const reopened = await FileStorage.open(dir, { logger: createLogger({ level: 'info', destination }) });
      assert.deepEqual(await reopened.keys(), ['kept']);
      assert.equal((await reopened.read(['kept'])).kept.v, 1);
      const files = (await readdir(dir)).sort();
      assert.equal(files.length, 2);
      assert.ok(files.some((name) => name.startsWith(`${'0'.repeat(64)}.corrupt-`)), files.join(', '));
      assert.ok(lines.some((line) => line.includes('damaged record file')));
      await reopened.close();
    });

    it('close waits for in-flight writes and refuses new work afterwards', async () => {
      const pending = storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.close();
      const reopened = await FileStorage.open(dir);
      assert.deepEqual(await reopened.keys(), ['a', 'b']);
      await reopened.close();
      await pending;
      await assert.rejects(storage.write({ c: { v: 3 } }), StorageClosedError);
      await assert.rejects(storage.read(['a']), StorageClosedError);
    });

    it('flush waits for writes queued behind each other on one key', async () => {
      let settled = 0;
      const writes = Array.from({ length: 10 }, (_, v) => storage.write({ k: { v } }));
      for (const write of writes) void write.then(() => (settled += 1));
      await storage.flush();
      assert.equal(settled, 10);
      assert.equal((await FileStorage.open(dir).then((fresh) => fresh.read(['k']))).k.v, 9);
    });
  });
});

describeStorageContract('file', () => {
  let dir: string | undefined;
  return {
    open: async () => FileStorage.open((dir = await mkdtemp(join(tmpdir(), 'filestorage-contract-')))),
    reopen: async () => FileStorage.open(dir!),
    shared: false,
    dispose: async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
});

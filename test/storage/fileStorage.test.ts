import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Activity, ConversationState, TestAdapter, TurnContext } from 'botbuilder';
import { createLogger } from '../../src/logging.js';
import { ETagConflictError, FileStorage, StorageClosedError } from '../../src/storage/index.js';
import { describeStorageContract } from './contract.js';

const ODD_KEYS = [
  'msteams/conversations/19:meeting_abc@thread.v2;messageid=1700000000000|29:1xYz/user',
  'a:b/c|d;e@f',
  '__proto__',
  'MixedCase',
  'mixedcase',
  '会议/пользователь/🙂',
  `long:${'x/'.repeat(600)}`,
];

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
    it('returns nothing for keys never written', async () => {
      assert.deepEqual(await storage.read(['missing']), {});
    });

    it('round-trips an item with a fresh eTag and does not touch the caller object', async () => {
      const item = { topic: 'lobby', count: 2, nested: { list: [1, 'two', null] } };
      await storage.write({ k: item });
      const { k } = await storage.read(['k']);
      assert.equal(typeof k.eTag, 'string');
      assert.ok(k.eTag.length > 0);
      const { eTag, ...rest } = k;
      void eTag;
      assert.deepEqual(rest, item);
      assert.equal('eTag' in item, false);
    });

    it('stores the item as it was when write was called, even if the caller mutates it while queued', async () => {
      const item = { v: 1 };
      const writes = [storage.write({ k: { v: 0 } }), storage.write({ k: item })];
      item.v = 2;
      await Promise.all(writes);
      assert.equal((await storage.read(['k'])).k.v, 1);
    });

    it('stores a new eTag on every write', async () => {
      await storage.write({ k: { v: 1 } });
      const first = (await storage.read(['k'])).k.eTag;
      await storage.write({ k: { v: 1 } });
      const second = (await storage.read(['k'])).k.eTag;
      assert.notEqual(first, second);
    });

    it('reads several keys at once, leaving out the missing ones', async () => {
      await storage.write({ a: { v: 'a' }, b: { v: 'b' } });
      const items = await storage.read(['a', 'b', 'c']);
      assert.deepEqual(Object.keys(items).sort(), ['a', 'b']);
      assert.equal(items.b.v, 'b');
    });

    it('deletes items, and deleting a missing key is not an error', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'never-there']);
      assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
      assert.deepEqual(await storage.keys(), ['b']);
    });

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

    it('is usable as botbuilder ConversationState storage', async () => {
      const activity: Partial<Activity> = {
        type: 'message',
        text: 'hi',
        channelId: 'msteams',
        conversation: { id: '19:abc@thread.v2', isGroup: true, conversationType: 'groupChat', name: 'Standup' },
        from: { id: 'u', name: 'User' },
        recipient: { id: 'b', name: 'Bot' },
      };
      const state = new ConversationState(storage);
      const accessor = state.createProperty<{ turns: number }>('progress');
      for (let turn = 1; turn <= 2; turn += 1) {
        const context = new TurnContext(new TestAdapter(), activity);
        await state.load(context);
        const progress = await accessor.get(context, { turns: 0 });
        progress.turns += 1;
        await state.saveChanges(context);
      }
      const [key] = await storage.keys('msteams/conversations/');
      assert.equal(key, 'msteams/conversations/19:abc@thread.v2/');
      assert.deepEqual((await storage.read([key]))[key].progress, { turns: 2 });
    });
  });

  describe('eTags', () => {
    it('rejects a write whose eTag does not match the stored one and keeps the stored item', async () => {
      await storage.write({ k: { v: 1 } });
      const stored = (await storage.read(['k'])).k;
      await storage.write({ k: { v: 2 } });
      await assert.rejects(storage.write({ k: { ...stored, v: 3 } }), (error: unknown) => {
        assert.ok(error instanceof ETagConflictError);
        assert.equal(error.key, 'k');
        assert.match(error.message, /eTag conflict/);
        assert.equal(error.userMessage, 'Someone else changed this at the same moment. Please try again.');
        return true;
      });
      assert.equal((await storage.read(['k'])).k.v, 2);
    });

    it('accepts a write whose eTag matches', async () => {
      await storage.write({ k: { v: 1 } });
      const stored = (await storage.read(['k'])).k;
      await storage.write({ k: { ...stored, v: 2 } });
      assert.equal((await storage.read(['k'])).k.v, 2);
    });

    it("writes unconditionally with eTag '*', an empty eTag or none", async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      await storage.write({ k: { v: 3, eTag: '' } });
      await storage.write({ k: { v: 4 } });
      assert.equal((await storage.read(['k'])).k.v, 4);
    });

    it('creates an item even when the write carries an eTag, as MemoryStorage does', async () => {
      await storage.write({ k: { v: 1, eTag: 'from-elsewhere' } });
      const stored = (await storage.read(['k'])).k;
      assert.equal(stored.v, 1);
      assert.notEqual(stored.eTag, 'from-elsewhere');
    });

    it('writes the other keys of a batch when one key conflicts, then rejects', async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2 } });
      await assert.rejects(storage.write({ k: { v: 3, eTag: 'stale' }, other: { v: 'x' } }), ETagConflictError);
      const items = await storage.read(['k', 'other']);
      assert.equal(items.k.v, 2);
      assert.equal(items.other.v, 'x');
    });
  });

  describe('concurrent writers to one key', () => {
    it('lets exactly one of many conditional writes with the same eTag win', async () => {
      await storage.write({ k: { writer: -1 } });
      const { eTag } = (await storage.read(['k'])).k;
      const writers = Array.from({ length: 20 }, (_, writer) => storage.write({ k: { writer, eTag } }));
      const results = await Promise.allSettled(writers);
      const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []));
      assert.equal(winners.length, 1);
      for (const result of results) {
        if (result.status === 'rejected') assert.ok(result.reason instanceof ETagConflictError);
      }
      assert.equal((await storage.read(['k'])).k.writer, winners[0]);
    });

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

    it('orders writes and deletes of a key as they were called', async () => {
      const operations = [storage.write({ k: { v: 1 } }), storage.delete(['k']), storage.write({ k: { v: 2 } }), storage.delete(['k'])];
      await Promise.all(operations);
      assert.deepEqual(await storage.read(['k']), {});
      assert.deepEqual(await storage.keys(), []);
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

  describe('input validation', () => {
    it('rejects malformed calls with a plain message and writes nothing', async () => {
      await assert.rejects(storage.write(null as unknown as Record<string, unknown>), /changes must be an object/);
      await assert.rejects(storage.write({ a: { v: 1 }, b: 'text' }), /item for "b" must be an object/);
      await assert.rejects(storage.write({ a: { eTag: 7 } }), /eTag of "a" must be a string/);
      await assert.rejects(storage.write({ a: { big: 1n } }), /cannot be saved as JSON/);
      await assert.rejects(storage.write({ a: { toJSON: () => 5 } }), /does not serialize to a JSON object/);
      await assert.rejects(storage.write({ '': { v: 1 } }), /non-empty string/);
      await assert.rejects(storage.read('k' as unknown as string[]), /keys must be an array/);
      assert.deepEqual(await storage.keys(), []);
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

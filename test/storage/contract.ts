import assert from 'node:assert/strict';
import { type Activity, ConversationState, TestAdapter, TurnContext } from 'botbuilder';
import { ETagConflictError, StorageClosedError, type BotStorage } from '../../src/storage/index.js';

/** Keys as Teams and the bot make them: ':', '/', '|', ';', '@', case pairs, "__proto__", non-Latin, very long. */
export const ODD_KEYS = [
  'msteams/conversations/19:meeting_abc@thread.v2;messageid=1700000000000|29:1xYz/user',
  'a:b/c|d;e@f',
  '__proto__',
  'MixedCase',
  'mixedcase',
  '会议/пользователь/🙂',
  `long:${'x/'.repeat(600)}`,
];

export interface StoreUnderTest {
  /** A fresh, empty store. */
  open(): Promise<BotStorage>;
  /** A second store over the same data (a restart, or another instance). */
  reopen(): Promise<BotStorage>;
  /** Whether several stores may use the same data at once (instances sharing a container; not a DATA_DIR). */
  shared: boolean;
  /** Removes what the store left behind. */
  dispose?(): Promise<void>;
}

/**
 * The contract every store the bot runs on keeps (see BotStorage): the same tests for the file store and the blob
 * store, so the bot's code cannot tell them apart.
 */
export function describeStorageContract(name: string, factory: () => StoreUnderTest): void {
  describe(`storage contract: ${name}`, () => {
    let store: StoreUnderTest;
    let storage: BotStorage;
    const extra: BotStorage[] = [];
    const reopen = async () => {
      const opened = await store.reopen();
      extra.push(opened);
      return opened;
    };

    beforeEach(async () => {
      store = factory();
      storage = await store.open();
    });

    afterEach(async () => {
      await storage.close();
      await Promise.all(extra.splice(0).map((opened) => opened.close()));
      await store.dispose?.();
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

      it('persists across a fresh open', async () => {
        await storage.write({ a: { v: 1 }, b: { v: 2 } });
        await storage.delete(['b']);
        const eTag = (await storage.read(['a'])).a.eTag;
        const reopened = await reopen();
        assert.deepEqual(await reopened.read(['a', 'b']), { a: { v: 1, eTag } });
        await assert.rejects(reopened.write({ a: { v: 3, eTag: 'stale' } }), ETagConflictError);
        await reopened.write({ a: { v: 3, eTag } });
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

      it('lets exactly one of two stores over the same data win a conditional write of the same version', async function() {
        if (!store.shared) this.skip(); // one process per DATA_DIR (the lock sees to it)
        const other = await reopen();
        await storage.write({ k: { writer: 'none' } });
        const { eTag } = (await storage.read(['k'])).k;
        const results = await Promise.allSettled([storage.write({ k: { writer: 'one', eTag } }), other.write({ k: { writer: 'two', eTag } })]);
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1, 'one store wins');
        const loser = results.find((result) => result.status === 'rejected');
        assert.ok(loser && loser.status === 'rejected' && loser.reason instanceof ETagConflictError, 'the other gets an eTag conflict');
      });

      it('lands every unconditional write and the last one called wins', async () => {
        const big = 'z'.repeat(64 * 1024);
        await Promise.all(Array.from({ length: 25 }, (_, writer) => storage.write({ k: { writer, big } })));
        const stored = (await storage.read(['k'])).k;
        assert.equal(stored.writer, 24);
        assert.equal(stored.big, big);
        assert.deepEqual(await storage.keys(), ['k']);
      });

      it('orders writes and deletes of a key as they were called', async () => {
        const operations = [storage.write({ k: { v: 1 } }), storage.delete(['k']), storage.write({ k: { v: 2 } }), storage.delete(['k'])];
        await Promise.all(operations);
        assert.deepEqual(await storage.read(['k']), {});
        assert.deepEqual(await storage.keys(), []);
      });
    });

    describe('keys', () => {
      it('stores keys with odd characters and long keys apart and lists them by prefix', async () => {
        await storage.write(Object.fromEntries(ODD_KEYS.map((key, index) => [key, { index }])));
        const items = await storage.read(ODD_KEYS);
        assert.deepEqual(Object.keys(items).sort(), [...ODD_KEYS].sort());
        ODD_KEYS.forEach((key, index) => assert.equal(items[key].index, index, key));
        assert.equal(Object.getPrototypeOf(items), Object.prototype);

        const reopened = await reopen();
        assert.deepEqual(await reopened.keys(), [...ODD_KEYS].sort());
        assert.deepEqual(await reopened.keys('msteams/conversations/'), [ODD_KEYS[0]]);
        assert.deepEqual(await reopened.keys('mixed'), ['mixedcase']);
        assert.deepEqual(await reopened.keys('long:x/x/'), [ODD_KEYS[6]]);
        assert.deepEqual(await reopened.keys('nothing-here'), []);
        await reopened.delete(['__proto__']);
        assert.ok(!(await reopened.keys()).includes('__proto__'));
        assert.deepEqual(await reopened.read(['__proto__']), {});
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

    describe('shutdown', () => {
      it('close waits for in-flight writes and refuses new work afterwards', async () => {
        const pending = storage.write({ a: { v: 1 }, b: { v: 2 } });
        await storage.close();
        const reopened = await reopen();
        assert.deepEqual(await reopened.keys(), ['a', 'b']);
        await pending;
        await assert.rejects(storage.write({ c: { v: 3 } }), StorageClosedError);
        await assert.rejects(storage.read(['a']), StorageClosedError);
      });

      it('reports itself healthy, naming the store', async () => {
        const health = await storage.health();
        assert.equal(health.ok, true);
        assert.match(health.detail, /store|container/);
      });
    });
  });
}

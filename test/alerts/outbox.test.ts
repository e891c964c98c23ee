import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertOutbox } from '../../src/alerts/outbox.js';
import { LobbyRecords } from '../../src/alerts/records.js';
import { matchPeople } from '../../src/alerts/people.js';
import { channelKey } from '../../src/ownership/index.js';
import { testLogger } from '../helpers/testLogger.js';
import { FileStorage } from '../../src/storage/index.js';
import { MessageRejectedError, type ProactiveMessenger } from '../../src/teams/proactive.js';
import type { ConversationReferenceStore, StoredReference } from '../../src/teams/conversationReferences.js';
import { references, alert } from './outboxFixtures.js';
import type { StoreItems } from 'botbuilder';

type Write = (changes: StoreItems) => Promise<void>;

/**
 * Puts `hook` in front of the store's writes, given the write it replaces: plain ones and journaled ones, since the
 * outbox of the file store writes an alert's later versions through the journal.
 */
function hookWrites(storage: FileStorage, hook: (changes: StoreItems, write: Write) => Promise<void>): void {
  const write = storage.write.bind(storage);
  const writeJournaled = storage.writeJournaled.bind(storage);
  storage.write = (changes) => hook(changes, write);
  storage.writeJournaled = (changes) => hook(changes, writeJournaled);
}

/** A messenger whose retries "ran out" for the first `failures` sends, as ProactiveMessenger throws then. */
function flakyMessenger(failures: number) {
  const sent: string[] = [];
  const updated: string[] = [];
  /** Every update with what its text fallback said, in order. */
  const updates: { activityId: string; summary: string }[] = [];
  let left = failures;
  const messenger = {
    async send(_reference: unknown, activity: { summary?: string }): Promise<string> {
      if (left-- > 0) throw Object.assign(new Error('throttled'), { statusCode: 429 });
      sent.push(activity.summary ?? '');
      return `activity-${sent.length}`;
    },
    async update(_reference: unknown, activityId: string, activity: { summary?: string }): Promise<void> {
      updated.push(activityId);
      updates.push({ activityId, summary: activity.summary ?? '' });
    },
  };
  return { messenger: messenger as unknown as ProactiveMessenger, sent, updated, updates };
}

describe('lobby alert outbox', () => {
  let dir: string;
  let storage: FileStorage;
  const logger = testLogger();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const waitUntil = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(await check(), 'condition reached');
  };

  it('keeps an alert whose sends failed and delivers it later, exactly once', async () => {
    const { messenger, sent } = flakyMessenger(3);
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, messenger, logger, { pumpIntervalMs: 10, maxRetryDelayMs: 20 });
    await outbox.load();
    outbox.start();
    await outbox.add(alert('a'));
    outbox.kick('a');
    await waitUntil(() => sent.length === 1);
    // The send is recorded in memory first and persisted right after; wait for the durable record.
    await waitUntil(async () => (await new LobbyRecords(storage).allAlerts())[0]?.activityId !== undefined);
    outbox.stop();
    assert.equal(outbox.get('a')!.activityId, 'activity-1');
    const stored = (await new LobbyRecords(storage).allAlerts())[0]!;
    assert.equal(stored.activityId, 'activity-1', 'marked sent with the Teams activity id');
    assert.equal(stored.deliveredVersion, 1);
  });

  it('in one process (the file store), sends a first card right after recording the arrival: no claim write between', async () => {
    const events: string[] = [];
    const messenger = sendRecordingMessenger(events);
    hookWrites(storage, async (changes, write) => {
      events.push('write');
      return write(changes);
    });
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    outbox.start();
    await outbox.add(alert('a'));
    await waitUntil(() => events.filter((event) => event === 'write').length === 2);
    outbox.stop();
    assert.deepEqual(events, ['write', 'send', 'write'], 'recorded, sent, marked sent');
  });

  it('looks up a new alert\'s conversation while its record is written, and sends only once the write is on disk', async () => {
    const events: string[] = [];
    const messenger = sendRecordingMessenger(events);
    let finishWrite: (() => void) | undefined;
    hookWrites(storage, async (changes, write) => {
      events.push('write begins');
      // The first write (the arrival's record) is held until the lookup has been seen to run meanwhile.
      if (!finishWrite) await new Promise<void>((resolve) => (finishWrite = resolve));
      await write(changes);
      events.push('write ends');
    });
    let lookups = 0;
    const lookingUp = {
      ...references,
      async personalChatOf(user: { id: string }) {
        lookups += 1;
        events.push('lookup');
        return references.personalChatOf(user);
      },
    } as typeof references;
    const outbox = new AlertOutbox(new LobbyRecords(storage), lookingUp, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    outbox.start();
    const adding = outbox.add(alert('a')).then(() => outbox.kick('a'));
    await waitUntil(() => finishWrite !== undefined && events.includes('lookup'));
    assert.ok(!events.includes('send'), 'nothing is sent while the record is being written');
    finishWrite!();
    await adding;
    await waitUntil(() => events.filter((event) => event === 'write ends').length === 2);
    outbox.stop();
    // The lookup starts as the write does; the send waits for the write's end.
    assert.deepEqual([...events.slice(0, 2)].sort(), ['lookup', 'write begins']);
    assert.deepEqual(events.slice(2), ['write ends', 'send', 'write begins', 'write ends']);
    assert.equal(lookups, 1, 'the first send uses the lookup made during the write');
  });

  it('sends nothing for an alert whose record could not be written, and keeps no lookup for it', async () => {
    const { messenger, sent } = flakyMessenger(0);
    let lookups = 0;
    const counting = {
      ...references,
      async personalChatOf(user: { id: string }) {
        lookups += 1;
        return references.personalChatOf(user);
      },
    } as typeof references;
    let failing = true;
    hookWrites(storage, async (changes, write) => {
      if (failing) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      return write(changes);
    });
    const outbox = new AlertOutbox(new LobbyRecords(storage), counting, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    outbox.start();
    await assert.rejects(outbox.add(alert('a')), /disk full/);
    outbox.kick('a');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(sent.length, 0, 'an alert not on disk is not sent');
    failing = false;
    await outbox.add(alert('a'));
    outbox.kick('a');
    await waitUntil(() => sent.length === 1);
    outbox.stop();
    assert.equal(lookups, 2, 'one lookup per add, whatever the write\'s attempts: the failed add\'s is not kept');
  });

  it('backs off when the store times out on the claim, instead of trying again at every pump, and then sends once', async () => {
    const { messenger, sent } = flakyMessenger(0);
    const { logger: recording, lines } = recordingLogger();
    const records = new LobbyRecords(storage);
    // One of several instances (the blob store): its first send is claimed.
    const shared = { instanceId: 'instance-1', fence: (watcherId: string) => ({ scope: channelKey(watcherId), token: 1 }) };
    const outbox = new AlertOutbox(records, references, messenger, recording, { pumpIntervalMs: 10 }, shared);
    await outbox.load();
    await outbox.add(alert('a'));
    let claims = 0;
    const changeAlert = records.changeAlert.bind(records);
    records.changeAlert = async (...args) => {
      if (++claims <= 2) throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
      return changeAlert(...args);
    };
    outbox.start();
    for (let i = 0; i < 600 && sent.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    outbox.stop();
    assert.equal(sent.length, 1);
    // Two interruptions, paused 1 s then 2 s: at a 10 ms pump, without the pause there would be hundreds of claims.
    assert.equal(claims, 3);
    assert.equal(lines.filter((line) => line.level >= 50).length, 0, 'a busy store is not an error somebody must act on');
    assert.equal(lines.filter((line) => line.msg.startsWith('lobby alert delivery interrupted')).length, 2);
  });

  it('delivers what a previous process left pending, and updates a finished card in place', async () => {
    await new LobbyRecords(storage).saveAlert(alert('b'));
    const { messenger, sent, updated } = flakyMessenger(0);
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    outbox.start();
    await waitUntil(() => sent.length === 1);
    await outbox.finish(outbox.get('b')!, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() });
    await waitUntil(() => updated.length === 1);
    outbox.stop();
    assert.deepEqual(updated, ['activity-1']);
    assert.equal(sent.length, 1);
  });

  describe('updating a pressed card', () => {
    const pressedChat = (userId: string): StoredReference => ({
      reference: { conversation: { id: `chat-of-${userId}` } } as StoredReference['reference'],
      kind: 'personal',
      userId,
      updatedAt: '',
    });

    /** An outbox whose first card is out, with every lookup, write and update recorded in order. */
    async function withSentCard(routedTo?: string) {
      const events: string[] = [];
      const updatedIn: string[] = [];
      const messenger = {
        async send(): Promise<string> {
          events.push('send');
          return 'activity-1';
        },
        async update(reference: { conversation?: { id?: string } }): Promise<void> {
          events.push('update');
          updatedIn.push(reference.conversation?.id ?? '');
        },
      } as unknown as ProactiveMessenger;
      /** Answers for the next lookups of the personal chat, before the usual one. */
      const nextLookups: Array<Promise<StoredReference | undefined>> = [];
      const lookingUp = {
        async personalChatOf(user: { id: string }) {
          events.push('lookup');
          return nextLookups.shift() ?? references.personalChatOf(user);
        },
        async forConversation(id: string) {
          events.push('lookup');
          return { reference: { conversation: { id } }, kind: 'channel', updatedAt: '' };
        },
      } as unknown as ConversationReferenceStore;
      hookWrites(storage, async (changes, write) => {
        await write(changes);
        events.push('written');
      });
      const outbox = new AlertOutbox(new LobbyRecords(storage), lookingUp, messenger, logger, { pumpIntervalMs: 10 });
      await outbox.load();
      outbox.start();
      await outbox.add({ ...alert('p'), targetConversationId: routedTo });
      outbox.kick('p');
      await waitUntil(() => events.filter((event) => event === 'written').length === 2);
      events.length = 0;
      return { outbox, events, updatedIn, nextLookups };
    }

    it('goes through the watcher\'s own chat the press came from, without reading it back, once the outcome is on disk', async () => {
      const { outbox, events, updatedIn } = await withSentCard();
      await outbox.finish(outbox.get('p')!, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() }, pressedChat('user-1'));
      await waitUntil(() => events.length === 3);
      outbox.stop();
      // The outcome is on disk before the card shows it; no lookup: the update goes where the press came from.
      assert.deepEqual(events, ['written', 'update', 'written']);
      assert.deepEqual(updatedIn, ['chat-of-user-1']);
      const stored = await new LobbyRecords(storage).readAlert('p');
      assert.equal(stored?.deliveredVersion, 2);
      assert.equal(stored?.outcome?.kind, 'admitted');
    });

    for (const [situation, pressedIn, routedTo, expected] of [
      ['pressed in someone else\'s chat', pressedChat('user-2'), undefined, 'chat-1'],
      ['living in a routed channel', pressedChat('user-1'), 'channel-7', 'channel-7'],
      ['pressed outside a personal chat', { ...pressedChat('user-1'), kind: 'channel' }, undefined, 'chat-1'],
    ] as const) {
      it(`reads where the card lives when it is ${situation}`, async () => {
        const { outbox, events, updatedIn } = await withSentCard(routedTo);
        await outbox.finish(outbox.get('p')!, { kind: 'rejected', by: 'Bob Kelly', at: new Date().toISOString() }, pressedIn as StoredReference);
        await waitUntil(() => events.length === 4);
        outbox.stop();
        assert.deepEqual(events, ['written', 'lookup', 'update', 'written']);
        assert.deepEqual(updatedIn, [expected]);
      });
    }

    it('shows an outcome on no card before it is on disk, whoever starts a delivery meanwhile', async () => {
      const { outbox, events, updatedIn } = await withSentCard();
      let release: (() => void) | undefined;
      hookWrites(storage, async (changes, write) => {
        if (!release) await new Promise<void>((resolve) => (release = resolve));
        return write(changes);
      });
      const finishing = outbox.finish(outbox.get('p')!, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() }, pressedChat('user-1'));
      await waitUntil(() => release !== undefined);
      // The pump runs every 10 ms here; a kick as a re-count would make one is tried as well.
      outbox.kick('p');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.deepEqual(events, [], 'nothing drawn while the outcome is being written');
      release!();
      await finishing;
      await waitUntil(() => events.length === 3);
      outbox.stop();
      assert.deepEqual(events, ['written', 'update', 'written']);
      assert.deepEqual(updatedIn, ['chat-of-user-1']);
    });

    it('delivers an outcome written while another delivery of the card ran, even when that delivery fails', async () => {
      const { outbox, events, nextLookups } = await withSentCard();
      const held = outbox.get('p')!;
      // A re-count's update is under way, stuck in its lookup of the chat, when the press's outcome is recorded.
      let failLookup: ((error: Error) => void) | undefined;
      nextLookups.push(new Promise((_resolve, reject) => (failLookup = reject)));
      held.cardVersion += 1;
      outbox.kick('p');
      await waitUntil(() => events.includes('lookup'));
      await outbox.finish(held, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() }, pressedChat('user-1'));
      failLookup!(new Error('store timed out'));
      await waitUntil(() => events.includes('update') && events.filter((event) => event === 'written').length === 2);
      outbox.stop();
      // The outcome written, then shown through the press's chat (no second lookup) once the failed delivery ended.
      assert.deepEqual(events, ['lookup', 'written', 'update', 'written']);
    });

    it('writes an outcome that could not be written before any card shows it, and keeps no conversation for it', async () => {
      const { outbox, events, updatedIn } = await withSentCard();
      let failing = true;
      hookWrites(storage, async (changes, write) => {
        if (failing) throw new Error('disk full');
        return write(changes);
      });
      const held = outbox.get('p')!;
      await assert.rejects(outbox.finish(held, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() }, pressedChat('user-1')), /disk full/);
      outbox.kick('p');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(events, [], 'the pump draws nothing while the outcome is not on disk');
      failing = false;
      outbox.kick('p');
      await waitUntil(() => events.length === 4);
      outbox.stop();
      assert.deepEqual(events, ['written', 'lookup', 'update', 'written'], 'written first, then shown, from where the card lives');
      assert.deepEqual(updatedIn, ['chat-1']);
      assert.equal((await new LobbyRecords(storage).readAlert('p'))?.outcome?.kind, 'admitted');
    });
  });

  it('in one process (the file store), answers a press from the alert it holds, without reading it again', async () => {
    const { messenger } = flakyMessenger(0);
    const records = new LobbyRecords(storage);
    const outbox = new AlertOutbox(records, references, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    await outbox.add(alert('f'));
    let reads = 0;
    const readAlert = records.readAlert.bind(records);
    records.readAlert = async (id) => {
      reads += 1;
      return readAlert(id);
    };
    assert.equal(await outbox.fresh('f'), outbox.get('f'), 'the copy held here');
    assert.equal(reads, 0, 'no process but this one writes the store: nothing to read');
    // An id it does not hold is still looked up (and is gone).
    assert.equal(await outbox.fresh('unknown'), undefined);
    assert.equal(reads, 1);
    outbox.stop();
  });

  it('in one process, writes an alert without reading it back first, and the last write called holds the latest state', async () => {
    const { messenger } = flakyMessenger(0);
    const records = new LobbyRecords(storage);
    const outbox = new AlertOutbox(records, references, messenger, logger, { pumpIntervalMs: 10 });
    await outbox.load();
    await outbox.add(alert('w'));
    const held = outbox.get('w')!;
    let reads = 0;
    const read = storage.read.bind(storage);
    storage.read = async (keys) => {
      reads += keys.length;
      return read(keys);
    };
    // Two writes of one alert in flight at once (an outcome, and a delivery's bookkeeping right behind it).
    const first = outbox.finish(held, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() });
    held.deliveredVersion = held.cardVersion;
    held.activityId = 'activity-9';
    const second = outbox.persist(held);
    await Promise.all([first, second]);
    outbox.stop();
    storage.read = read;
    assert.equal(reads, 0, 'nothing read to write');
    const stored = await records.readAlert('w');
    assert.equal(stored?.outcome?.kind, 'admitted');
    assert.equal(stored?.activityId, 'activity-9');
    assert.equal(stored?.deliveredVersion, 2);
    assert.equal(stored?.cardVersion, 2);
    // Stamped with the channel's fence as a merged write would have been: a fenced writer after it reads the same stamp.
    const raw = (await storage.read(['lobby/alert/w']))['lobby/alert/w'] as { _fence?: { scope: string; token: number } };
    assert.deepEqual(raw._fence, { scope: channelKey('user-1'), token: 0 });
  });

  it('lists one watcher\'s alerts in the order they became known, and forgets purged ones', async () => {
    const { messenger } = flakyMessenger(0);
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, messenger, logger, { pumpIntervalMs: 10, retentionMs: 1_000 });
    const other = { ...alert('o'), watcherId: 'user-2' };
    await new LobbyRecords(storage).saveAlert({ ...alert('old'), outcome: { kind: 'admitted', at: new Date(Date.now() - 60_000).toISOString() }, activityId: 'x', deliveredVersion: 1 });
    await outbox.load();
    assert.deepEqual(outbox.of('user-1').map((one) => one.id), [], 'the finished alert past the retention was purged at load');
    await outbox.add(alert('p'));
    await outbox.add(other);
    await outbox.add(alert('q'));
    assert.deepEqual(outbox.of('user-1').map((one) => one.id), ['p', 'q']);
    assert.deepEqual(outbox.of('user-2').map((one) => one.id), ['o']);
    assert.deepEqual(outbox.openIn(alert('p')).map((one) => one.id), ['p', 'q']);
    outbox.stop();
  });

  /** Longer than a recount window: whatever else was coming would have come. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

  it('re-counts the open cards of a meeting once per burst of arrivals, and never touches a closed card', async () => {
    const { messenger, sent, updates } = flakyMessenger(0);
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, messenger, logger, { pumpIntervalMs: 10, recountWindowMs: 100 });
    await outbox.load();
    outbox.start();
    await outbox.add(alert('a'));
    outbox.kick('a');
    await waitUntil(() => sent.length === 1);
    assert.doesNotMatch(sent[0]!, /waiting in this lobby/, 'alone: no "admit everyone" hint');

    const perCard = (id: string) => updates.filter((update) => update.activityId === outbox.get(id)!.activityId).map((update) => update.summary);

    // A burst: two more arrive one right after the other (as the arrivals lock orders them); each card drawn
    // before the burst ended is re-drawn once, with the final count.
    await outbox.add(alert('b'));
    await outbox.add(alert('c'));
    await waitUntil(() => sent.length === 3 && updates.length === 2);
    await settle();
    assert.equal(updates.length, 2, 'one update per card per burst');
    assert.equal(perCard('a').length, 1);
    assert.match(perCard('a')[0]!, /3 people are waiting/);
    assert.match(perCard('b')[0]!, /3 people are waiting/);
    assert.equal(perCard('c').length, 0, 'the newest card was drawn with the right count');
    assert.equal(outbox.get('a')!.waitingInMeeting, 3);

    await outbox.finish(outbox.get('c')!, { kind: 'leftLobby', at: new Date().toISOString() });
    // c's own closing update, then a and b re-counted to 2; nothing more for c.
    await waitUntil(() => updates.length === 5);
    await settle();
    outbox.stop();
    assert.equal(perCard('c').length, 1, 'the closed card is updated once, to its outcome');
    assert.match(perCard('c')[0]!, /No longer waiting/);
    assert.match(perCard('a').at(-1)!, /2 people are waiting/);
    assert.match(perCard('b').at(-1)!, /2 people are waiting/);
    assert.equal(sent.length, 3, 'no card sent twice');
    const stored = await new LobbyRecords(storage).allAlerts();
    for (const record of stored) assert.equal(record.deliveredVersion, record.cardVersion, `${record.id} is up to date`);
  });

  it('re-counts on load what a stopped process left stale, as durable card versions', async () => {
    const records = new LobbyRecords(storage);
    // Two cards already out, each still showing one person waiting: the recount was pending at the crash.
    for (const id of ['d', 'e']) await records.saveAlert({ ...alert(id), activityId: `sent-${id}`, deliveredVersion: 1, waitingInMeeting: 1 });
    const { messenger, sent, updates } = flakyMessenger(0);
    const outbox = new AlertOutbox(records, references, messenger, logger, { pumpIntervalMs: 10, recountWindowMs: 20 });
    await outbox.load();
    const loaded = (await records.allAlerts()).find((record) => record.id === 'd')!;
    assert.equal(loaded.cardVersion, 2, 'the new version is stored before any delivery');
    assert.equal(loaded.waitingInMeeting, 2);
    outbox.start();
    await waitUntil(() => updates.length === 2);
    outbox.stop();
    assert.deepEqual(updates.map((update) => update.activityId).sort(), ['sent-d', 'sent-e']);
    assert.ok(updates.every((update) => /2 people are waiting/.test(update.summary)));
    assert.equal(sent.length, 0);
  });
});

/** A messenger whose every send fails with `error`, counting the attempts. */
/** A messenger that notes each first send in `events` (next to the test's notes of storage writes). */
function sendRecordingMessenger(events: string[]): ProactiveMessenger {
  return {
    async send(): Promise<string> {
      events.push('send');
      return 'activity-1';
    },
    async update(): Promise<void> {},
  } as unknown as ProactiveMessenger;
}

function failingMessenger(error: () => unknown) {
  const attempts = { count: 0 };
  const messenger = {
    async send(): Promise<string> {
      attempts.count += 1;
      throw error();
    },
    async update(): Promise<void> {
      attempts.count += 1;
      throw error();
    },
  };
  return { messenger: messenger as unknown as ProactiveMessenger, attempts };
}

/** A logger that keeps its JSON lines, to count what was said about an alert. */
function recordingLogger() {
  const lines: Array<{ level: number; msg: string; reason?: string }> = [];
  const raw = { push: (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { level: number; msg: string })) };
  return { logger: testLogger({ level: 'debug', lines: raw }), lines };
}

describe('lobby alert outbox: alerts that can never be delivered', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const waitUntil = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(await check(), 'condition reached');
  };
  /** Many pump rounds (the pump runs every 10 ms here): whatever would be retried would have been. */
  const manyPumps = () => new Promise((resolve) => setTimeout(resolve, 300));

  for (const [status, code] of [[400, 'BadArgument'], [413, 'MessageSizeTooBig'], [404, 'ConversationNotFound']] as const) {
    it(`parks an alert Teams refuses with ${status} ${code} after one try, with the reason, logged once`, async () => {
      const { messenger, attempts } = failingMessenger(() => new MessageRejectedError('chat-1', status, code, new Error(code)));
      const { logger, lines } = recordingLogger();
      const records = new LobbyRecords(storage);
      const outbox = new AlertOutbox(records, references, messenger, logger, { pumpIntervalMs: 10, maxRetryDelayMs: 20 });
      await outbox.load();
      outbox.start();
      await outbox.add(alert('p'));
      outbox.kick('p');
      await waitUntil(async () => (await records.allAlerts())[0]?.parked !== undefined);
      await manyPumps();
      outbox.stop();
      assert.equal(attempts.count, 1, 'tried once, never again');
      const stored = (await records.allAlerts())[0]!;
      assert.equal(stored.parked!.reason, `Teams answered ${status} ${code}`);
      assert.equal(stored.parked!.attempts, 1);
      assert.equal(stored.activityId, undefined, 'kept as it was, for inspection');
      const parkedLines = lines.filter((line) => line.msg.includes('parked'));
      assert.equal(parkedLines.length, 1);
      assert.equal(parkedLines[0]!.level, 40, 'at warn');
      assert.equal(lines.filter((line) => line.level >= 50).length, 0, 'no error line');
      assert.equal(lines.filter((line) => line.msg.includes('stays in the outbox')).length, 0, 'no retry announced');
    });
  }

  it('keeps retrying a failure that may pass, then parks it after N attempts over a long enough time', async () => {
    const unavailable = () => Object.assign(new Error('unavailable'), { statusCode: 503 });
    // Attempts alone are not enough: an hour has not passed, so it keeps trying.
    const patient = failingMessenger(unavailable);
    const records = new LobbyRecords(storage);
    const keeps = new AlertOutbox(records, references, patient.messenger, testLogger(), { pumpIntervalMs: 10, maxRetryDelayMs: 5, giveUpAfterAttempts: 3 });
    await keeps.load();
    keeps.start();
    await keeps.add(alert('q'));
    keeps.kick('q');
    await waitUntil(() => patient.attempts.count >= 6);
    keeps.stop();
    assert.equal(keeps.get('q')!.parked, undefined, 'twice the attempts, well under an hour: still trying');

    await storage.delete(['lobby/alert/q']);
    const hopeless = failingMessenger(unavailable);
    const { logger, lines } = recordingLogger();
    const outbox = new AlertOutbox(records, references, hopeless.messenger, logger, { pumpIntervalMs: 10, maxRetryDelayMs: 5, giveUpAfterAttempts: 3, giveUpAfterMs: 0 });
    await outbox.load();
    outbox.start();
    await outbox.add(alert('r'));
    outbox.kick('r');
    await waitUntil(() => outbox.get('r')!.parked !== undefined);
    await manyPumps();
    outbox.stop();
    assert.equal(hopeless.attempts.count, 3, 'three attempts, then parked');
    assert.match(outbox.get('r')!.parked!.reason, /^gave up after 3 attempts over \d+ minutes$/);
    assert.equal((await records.allAlerts()).find((record) => record.id === 'r')!.parked!.attempts, 3);
    assert.equal(lines.filter((line) => line.msg.includes('parked')).length, 1);
  });

  it('purges a parked alert once it is older than the retention, like a finished one', async () => {
    const records = new LobbyRecords(storage);
    const old = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    await records.saveAlert({ ...alert('s'), parked: { reason: 'Teams answered 400 BadArgument', at: old, attempts: 1 } });
    await records.saveAlert({ ...alert('t'), parked: { reason: 'Teams answered 400 BadArgument', at: new Date().toISOString(), attempts: 1 } });
    const { messenger, attempts } = failingMessenger(() => new Error('must not be called'));
    const outbox = new AlertOutbox(records, references, messenger, testLogger(), { pumpIntervalMs: 10 });
    await outbox.load();
    outbox.start();
    await manyPumps();
    outbox.stop();
    assert.deepEqual((await records.allAlerts()).map((record) => record.id), ['t'], 'the old one is gone, the recent one kept');
    assert.equal(attempts.count, 0, 'a parked alert is never tried again, even after a restart');
  });
});

describe('matching people by what was typed', () => {
  const people = [
    { name: 'Bob Kelly', uri: 'sip:bob@contoso.com' },
    { name: 'Bobby Tables', uri: 'sip:bobby@contoso.com' },
    { name: 'Dave Diaz', uri: 'sip:dave@fabrikam.com' },
    { name: 'Guest', uri: undefined },
  ];
  it('prefers whole names and addresses, matches domains, and finds partial names', () => {
    assert.deepEqual(matchPeople('Bob', people).map((p) => p.name), ['Bob Kelly']);
    assert.deepEqual(matchPeople('sip:bobby@contoso.com', people).map((p) => p.name), ['Bobby Tables']);
    assert.deepEqual(matchPeople('the guest from fabrikam', people).map((p) => p.name), ['Dave Diaz']);
    assert.deepEqual(matchPeople('from contoso.com', people).map((p) => p.name), ['Bob Kelly', 'Bobby Tables']);
    assert.deepEqual(matchPeople('tables', people).map((p) => p.name), ['Bobby Tables']);
    assert.deepEqual(matchPeople('nobody', people), []);
  });
});

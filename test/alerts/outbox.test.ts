import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertOutbox } from '../../src/alerts/outbox.js';
import { LobbyRecords, type AlertRecord } from '../../src/alerts/records.js';
import { matchPeople } from '../../src/alerts/people.js';
import { testLogger } from '../helpers/testLogger.js';
import { FileStorage } from '../../src/storage/index.js';
import type { ConversationReferenceStore } from '../../src/teams/conversationReferences.js';
import type { ProactiveMessenger } from '../../src/teams/proactive.js';

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

const references = {
  async personalChatOf() {
    return { reference: { conversation: { id: 'chat-1' } }, kind: 'personal', updatedAt: '' };
  },
  async forConversation() {
    return undefined;
  },
} as unknown as ConversationReferenceStore;

function alert(id: string): AlertRecord {
  const now = new Date().toISOString();
  return {
    id,
    watcherId: 'user-1',
    meeting: { uri: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:BR7Q4K2M', subject: 'Budget review' },
    conversationHref: 'https://pool/conv/1',
    participantHref: `https://pool/conv/1/participants/${id}`,
    person: { name: `Guest ${id}`, source: 'Anonymous' },
    waitingSince: now,
    language: 'en',
    timeZone: 'UTC',
    cardVersion: 1,
    deliveredVersion: 0,
    attempts: 0,
    createdAt: now,
  };
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

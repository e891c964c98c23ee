import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertOutbox } from '../../src/alerts/outbox.js';
import { LobbyRecords, type AlertRecord } from '../../src/alerts/records.js';
import { matchPeople } from '../../src/alerts/people.js';
import { createLogger } from '../../src/logging.js';
import { FileStorage } from '../../src/storage/index.js';
import type { ConversationReferenceStore } from '../../src/teams/conversationReferences.js';
import type { ProactiveMessenger } from '../../src/teams/proactive.js';

/** A messenger whose retries "ran out" for the first `failures` sends, as ProactiveMessenger throws then. */
function flakyMessenger(failures: number) {
  const sent: string[] = [];
  const updated: string[] = [];
  let left = failures;
  const messenger = {
    async send(_reference: unknown, activity: { summary?: string }): Promise<string> {
      if (left-- > 0) throw Object.assign(new Error('throttled'), { statusCode: 429 });
      sent.push(activity.summary ?? '');
      return `activity-${sent.length}`;
    },
    async update(_reference: unknown, activityId: string): Promise<void> {
      updated.push(activityId);
    },
  };
  return { messenger: messenger as unknown as ProactiveMessenger, sent, updated };
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
  const logger = createLogger({ level: 'silent' });

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

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LobbyRecords, type AlertRecord } from '../../src/alerts/records.js';
import { LobbyAlerts } from '../../src/alerts/service.js';
import type {
  ActOutcome,
  ActRefusal,
  SourceMeeting,
  Visitor,
  VisitTarget,
  WaitingRoomHands,
  WaitingRoomListener,
  WaitingRoomSource,
} from '../../src/alerts/source.js';
import { alertReply } from '../../src/cards/lobby/alertCard.js';
import { FileStorage } from '../../src/storage/index.js';
import { KeyedSerializer } from '../../src/storage/keyedSerializer.js';
import type { ProactiveMessenger } from '../../src/teams/proactive.js';
import { testLogger } from '../helpers/testLogger.js';
import { references } from './outboxFixtures.js';

/**
 * A waiting room kept in memory, as a second platform would be: the core must run it through the interface alone.
 * Its keys deliberately look like nothing UCWA would send.
 */
class MemorySource implements WaitingRoomSource {
  readonly platform = 'huawei' as const;
  listener?: WaitingRoomListener;
  readonly room = new Map<string, Visitor>();
  readonly calls: string[] = [];
  /** What the presser may do; a refusal stops every press. */
  standing: ActRefusal | 'leader' = 'leader';
  readonly meeting: SourceMeeting = { key: 'conf-914083136', subject: 'Quarterly plan', meetingId: '914083136' };

  listen(listener: WaitingRoomListener): void {
    this.listener = listener;
  }

  async watching(): Promise<SourceMeeting[]> {
    return [this.meeting];
  }

  async waiting(): Promise<Visitor[]> {
    return [...this.room.values()];
  }

  async actAs<T>(presser: { id: string }, place: { watcherId: string; meetingKey: string }, work: (hands: WaitingRoomHands) => Promise<T>) {
    this.calls.push(`press ${presser.id} ${place.meetingKey}`);
    if (this.standing !== 'leader') return { refused: this.standing };
    return { acted: await work({ admit: (target) => this.act('admit', target), reject: (target) => this.act('reject', target) }) };
  }

  private async act(action: string, target: VisitTarget): Promise<ActOutcome> {
    this.calls.push(`${action} ${target.visitKey}`);
    if (!this.room.delete(target.visitKey)) return 'gone';
    return 'done';
  }

  async arrive(pid: string, name: string, connection = 'ws-1'): Promise<void> {
    const visitor: Visitor = { visitKey: pid, personKey: `person-${name}`, name, source: 'Unknown' };
    this.room.set(pid, visitor);
    await this.listener!({ kind: 'arrived', watcher: watcher, meeting: this.meeting, visitor, connectionKey: connection });
  }
}

const watcher = { id: 'user-1', language: 'en' as const, timeZone: 'UTC' };

function recordingMessenger() {
  const sent: string[] = [];
  const updates: string[] = [];
  const messenger = {
    async send(_reference: unknown, activity: { summary?: string; attachments?: Array<{ content: unknown }> }): Promise<string> {
      sent.push(`${activity.summary ?? ''}\n${JSON.stringify(activity.attachments?.[0]?.content)}`);
      return `activity-${sent.length}`;
    },
    async update(_reference: unknown, _activityId: string, activity: { summary?: string; attachments?: Array<{ content: unknown }> }): Promise<void> {
      updates.push(`${activity.summary ?? ''}\n${JSON.stringify(activity.attachments?.[0]?.content)}`);
    },
  };
  return { messenger: messenger as unknown as ProactiveMessenger, sent, updates };
}

const waitUntil = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(await check(), 'condition reached');
};

describe('the alert core knows waiting rooms only through their source', () => {
  let dir: string;
  let storage: FileStorage;
  let alerts: LobbyAlerts;
  let source: MemorySource;
  let delivered: ReturnType<typeof recordingMessenger>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sources-'));
    storage = await FileStorage.open(dir);
    source = new MemorySource();
    delivered = recordingMessenger();
    alerts = new LobbyAlerts(
      { records: new LobbyRecords(storage), references, proactive: delivered.messenger, logger: testLogger(), locks: new KeyedSerializer() },
      [source],
      { pumpIntervalMs: 10, recountWindowMs: 20 },
    );
    await alerts.start();
  });

  afterEach(async () => {
    alerts.stop();
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const presser = { id: 'user-1', name: 'Alice Wood', language: 'en' as const };

  it('an arrival becomes a card naming the platform; Admit goes back to the source with its own visit key', async () => {
    await source.arrive('pid-7', 'Wang Fang');
    await waitUntil(() => delivered.sent.length === 1);
    assert.match(delivered.sent[0]!, /Wang Fang/);
    assert.match(delivered.sent[0]!, /Huawei Cloud Meeting/);
    const alert = alerts.outbox.of('user-1')[0]!;
    assert.deepEqual([alert.platform, alert.meeting.key, alert.visitKey, alert.person.key], ['huawei', 'conf-914083136', 'pid-7', 'person-Wang Fang']);

    const result = await alerts.actOnAlert(presser, alert.id, 'admit');
    assert.equal(result.kind, 'done');
    assert.deepEqual(source.calls, ['press user-1 conf-914083136', 'admit pid-7']);
    assert.equal(alerts.outbox.get(alert.id)!.outcome?.kind, 'admitted');
    // A second press (a double click) asks the source nothing.
    assert.equal((await alerts.actOnAlert(presser, alert.id, 'admit')).kind, 'already');
    assert.equal(source.calls.length, 2);
  });

  it('the same arrival twice is one alert; a departure the source calls "admitted elsewhere" closes the card so', async () => {
    await source.arrive('pid-1', 'Li Lei');
    await source.arrive('pid-1', 'Li Lei');
    assert.equal(alerts.outbox.of('user-1').length, 1);
    await waitUntil(() => delivered.sent.length === 1);
    await source.listener!({ kind: 'departed', watcherId: 'user-1', visitKey: 'pid-1', how: async () => 'admittedElsewhere' });
    await waitUntil(() => delivered.updates.some((update) => update.includes('Admitted from another Huawei Cloud Meeting client')));
  });

  it('a refusal from the source is a sentence for the presser, and nothing is recorded', async () => {
    await source.arrive('pid-2', 'Zhang Wei');
    const alert = alerts.outbox.of('user-1')[0]!;
    source.standing = 'notLeader';
    const result = await alerts.actOnAlert(presser, alert.id, 'reject');
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.message : '', /Only a leader/);
    assert.equal(alerts.outbox.get(alert.id)!.outcome, undefined);
  });

  it('"who is in the lobby" and "admit" by name work through the source', async () => {
    await source.arrive('pid-3', 'Chen Jie');
    const lobby = await alerts.waiting(presser);
    assert.equal(lobby.kind, 'ok');
    const people = lobby.kind === 'ok' ? lobby.people : [];
    assert.deepEqual(people.map((person) => [person.platform, person.name, person.meetingSubject]), [['huawei', 'Chen Jie', 'Quarterly plan']]);
    assert.equal((await alerts.actOnPerson(presser, people[0]!, 'admit')).kind, 'done');
    assert.deepEqual(source.calls, ['press user-1 conf-914083136', 'admit pid-3']);
    assert.equal(alerts.outbox.of('user-1')[0]!.outcome?.kind, 'admitted', 'the card of the person admitted by name closes too');
  });

  it('"Admit all" admits each open alert of the meeting through one press', async () => {
    await source.arrive('pid-a', 'A');
    await source.arrive('pid-b', 'B');
    await source.arrive('pid-c', 'C');
    const pressed = alerts.outbox.of('user-1').find((alert) => alert.visitKey === 'pid-b')!;
    assert.equal((await alerts.admitAll(presser, pressed.id)).kind, 'done');
    assert.deepEqual(source.calls.filter((call) => call.startsWith('press')).length, 1);
    assert.deepEqual(source.calls.slice(1).sort(), ['admit pid-a', 'admit pid-b', 'admit pid-c']);
    assert.equal(alerts.outbox.get(pressed.id)!.outcome?.together, 3);
  });

  it('a reset with the full list: nothing repeated, nobody lost, and who left meanwhile is closed', async () => {
    await source.arrive('pid-1', 'Stays');
    await source.arrive('pid-2', 'Left while disconnected');
    source.room.delete('pid-2');
    const newcomer: Visitor = { visitKey: 'pid-3', personKey: 'person-New', name: 'Arrived while disconnected', source: 'Unknown' };
    await source.listener!({ kind: 'reset', watcher, meeting: source.meeting, connectionKey: 'ws-2', waiting: [source.room.get('pid-1')!, newcomer] });
    const byVisit = new Map(alerts.outbox.of('user-1').map((alert) => [alert.visitKey, alert]));
    assert.equal(byVisit.size, 3, 'one alert per visit');
    assert.equal(byVisit.get('pid-1')!.outcome, undefined);
    assert.equal(byVisit.get('pid-2')!.outcome?.kind, 'leftLobby');
    assert.equal(byVisit.get('pid-3')!.outcome, undefined);
  });

  it('a snapshot read beside the events (readAt): what the core recorded after the read stands', async () => {
    await source.arrive('pid-1', 'Left after the read');
    const readAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 2));
    // After the read: pid-1's departure is heard, and pid-2 arrives; the older list still names pid-1 and not pid-2.
    await source.listener!({ kind: 'departed', watcherId: 'user-1', visitKey: 'pid-1', how: async () => 'left' });
    await source.arrive('pid-2', 'Came after the read');
    const listed: Visitor = { visitKey: 'pid-1', personKey: 'person-Left after the read', name: 'Left after the read', source: 'Unknown' };
    await source.listener!({ kind: 'reset', watcher, meeting: source.meeting, connectionKey: 'ws-1', waiting: [listed], readAt });
    const mine = alerts.outbox.of('user-1');
    assert.equal(mine.filter((alert) => alert.visitKey === 'pid-1').length, 1, 'the departed visit is not alerted again');
    assert.equal(mine.find((alert) => alert.visitKey === 'pid-1')!.outcome?.kind, 'leftLobby');
    assert.equal(mine.find((alert) => alert.visitKey === 'pid-2')!.outcome, undefined, 'the newer arrival stays open');
  });

  it('the same person seen through a re-created connection keeps their card, rebound to the new visit', async () => {
    await source.arrive('pid-1', 'Rejoined', 'conversation-1');
    await source.arrive('pid-9', 'Rejoined', 'conversation-2');
    const mine = alerts.outbox.of('user-1');
    assert.equal(mine.length, 1);
    assert.deepEqual([mine[0]!.visitKey, mine[0]!.connectionKey], ['pid-9', 'conversation-2']);
  });
});

describe('alert records and cards carry no service addresses', () => {
  const conversationHref = 'https://pool.contoso.com/ucwa/oauth/v1/applications/101/communication/conversations/7';
  const participantHref = `${conversationHref}/participants/dave@fabrikam.com`;
  const meetingUri = 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:BR7Q4K2M';

  it('an alert stored in the old shape (UCWA hrefs) loads as a Skype for Business alert with opaque keys', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'old-alert-'));
    const storage = await FileStorage.open(dir);
    try {
      const now = new Date().toISOString();
      const old = {
        id: 'old-1',
        watcherId: 'user-1',
        meeting: { uri: meetingUri, subject: 'Budget review' },
        conversationHref,
        participantHref,
        person: { name: 'Dave Fisher', uri: 'sip:Dave@fabrikam.com', source: 'Federated' },
        waitingSince: now,
        language: 'en',
        timeZone: 'UTC',
        activityId: 'activity-1',
        cardVersion: 2,
        deliveredVersion: 2,
        attempts: 0,
        createdAt: now,
      };
      await storage.write({ 'lobby/alert/old-1': { ...old, eTag: '*' } });
      const [loaded] = await new LobbyRecords(storage).allAlerts();
      assert.ok(loaded);
      assert.equal(loaded.platform, 'sfb');
      assert.deepEqual(loaded.meeting, { key: meetingUri, subject: 'Budget review' });
      assert.equal(loaded.visitKey, participantHref);
      assert.equal(loaded.connectionKey, conversationHref);
      assert.equal(loaded.person.key, 'sip:dave@fabrikam.com', 'the UCWA source keys a person by their address, as it did');
      assert.equal(loaded.activityId, 'activity-1', 'the rest is kept');
      assert.ok(!('conversationHref' in loaded) && !('participantHref' in loaded), 'no href fields survive');
    } finally {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the Admit, Reject and Admit all buttons carry the alert id and nothing else', () => {
    const now = new Date().toISOString();
    const alert: AlertRecord = {
      id: 'a1',
      watcherId: 'user-1',
      platform: 'sfb',
      meeting: { key: meetingUri, subject: 'Budget review' },
      visitKey: participantHref,
      connectionKey: conversationHref,
      person: { key: 'sip:dave@fabrikam.com', name: 'Dave Fisher', uri: 'sip:dave@fabrikam.com', source: 'Federated' },
      waitingSince: now,
      language: 'en',
      timeZone: 'UTC',
      cardVersion: 1,
      deliveredVersion: 0,
      attempts: 0,
      createdAt: now,
    };
    const { card, fallback } = alertReply(alert, 3);
    const actions = (card as { actions?: Array<{ verb?: string; data?: unknown }> }).actions ?? [];
    assert.deepEqual(
      actions.map((action) => [action.verb, action.data]),
      [
        ['lobby.admit', { alertId: 'a1' }],
        ['lobby.reject', { alertId: 'a1' }],
        ['lobby.admitAll', { alertId: 'a1' }],
      ],
    );
    const everything = JSON.stringify(card) + fallback;
    for (const href of [conversationHref, participantHref, meetingUri, 'ucwa/oauth', 'https://']) assert.ok(!everything.includes(href), `no ${href} on the card`);
  });
});

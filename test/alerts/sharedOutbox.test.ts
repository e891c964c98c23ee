import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LobbyActions } from '../../src/alerts/actions.js';
import { AlertOutbox, type DeliveryRights } from '../../src/alerts/outbox.js';
import type { Organizer } from '../../src/alerts/people.js';
import type { WaitingRoomSource } from '../../src/alerts/source.js';
import { KeyedSerializer } from '../../src/storage/keyedSerializer.js';
import { LobbyRecords } from '../../src/alerts/records.js';
import { channelKey } from '../../src/ownership/index.js';
import type { Fence } from '../../src/storage/fence.js';
import { FileStorage } from '../../src/storage/index.js';
import type { ProactiveMessenger } from '../../src/teams/proactive.js';
import { testLogger } from '../helpers/testLogger.js';
import { references, alert } from './outboxFixtures.js';

/**
 * The outbox when several instances share one store (issue 13): the first card of an alert is sent by exactly one
 * instance (the owner of the watcher's channel, claimed with a fenced conditional write), what another instance
 * changed is never undone, and a graceful stop finishes the card sends in progress before it returns.
 */

/** Records sends; `gate` (when set) holds each send until released, like a slow Bot Connector. */
function messenger() {
  const sent: string[] = [];
  const updated: string[] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  const value = {
    async send(_reference: unknown, activity: { summary?: string }): Promise<string> {
      await gate;
      sent.push(activity.summary ?? '');
      return `activity-${sent.length}`;
    },
    async update(_reference: unknown, activityId: string): Promise<void> {
      updated.push(activityId);
    },
  };
  return {
    messenger: value as unknown as ProactiveMessenger,
    sent,
    updated,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release() {
      gate = undefined;
      release?.();
    },
  };
}

/** An instance's delivery rights, switchable: the owner of user-1's channel with `token`, or not an owner. */
function rights(instanceId: string): DeliveryRights & { own(token: number | undefined): void } {
  let fence: Fence | undefined;
  return {
    instanceId,
    fence: (watcherId) => (fence && channelKey(watcherId) === fence.scope ? fence : undefined),
    own(token) {
      fence = token === undefined ? undefined : { scope: channelKey('user-1'), token };
    },
  };
}

describe('lobby alert outbox shared by several instances', () => {
  let dir: string;
  let storage: FileStorage;
  const logger = testLogger();
  const outboxes: AlertOutbox[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shared-outbox-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((outbox) => outbox.stop()));
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const waitUntil = async (what: string, check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(await check(), what);
  };

  function instance(name: string, sender: ReturnType<typeof messenger>) {
    const own = rights(name);
    const outbox = new AlertOutbox(new LobbyRecords(storage), references, sender.messenger, logger, { pumpIntervalMs: 10 }, own);
    outboxes.push(outbox);
    return { outbox, own };
  }

  it('sends a first card only from the instance that owns the watcher\'s channel', async () => {
    const first = messenger();
    const second = messenger();
    const a = instance('a', first);
    const b = instance('b', second);
    a.own.own(1);
    await new LobbyRecords(storage).saveAlert(alert('x'));
    await Promise.all([a.outbox.load(), b.outbox.load()]);
    a.outbox.start();
    b.outbox.start();
    await waitUntil('the owner sent the card', () => first.sent.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(second.sent.length, 0, 'the other instance sends nothing');
    assert.equal((await new LobbyRecords(storage).readAlert('x'))?.activityId, 'activity-1');
  });

  it('lets no second instance send while another\'s claim runs, and sends exactly once when ownership moves', async () => {
    const first = messenger();
    const second = messenger();
    const a = instance('a', first);
    const b = instance('b', second);
    a.own.own(1);
    first.hold();
    await a.outbox.load();
    a.outbox.start();
    await a.outbox.add(alert('y'));
    a.outbox.kick('y');
    await waitUntil('a claimed the send', async () => (await new LobbyRecords(storage).readAlert('y'))?.claim?.by === 'a');
    // The channel moves to b while a's send hangs (a believes it still owns it: a stale owner).
    b.own.own(2);
    await b.outbox.load();
    b.outbox.start();
    await b.outbox.adopt('user-1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(second.sent.length, 0, 'b waits for a\'s claim');
    first.release();
    await waitUntil('a recorded its send', async () => (await new LobbyRecords(storage).readAlert('y'))?.activityId === 'activity-1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(first.sent.length + second.sent.length, 1, 'one card in all');
  });

  it('refuses a stale owner\'s claim once the new owner wrote the alert', async () => {
    const first = messenger();
    const second = messenger();
    const a = instance('a', first);
    const b = instance('b', second);
    a.own.own(1);
    await a.outbox.load();
    await a.outbox.add(alert('z'));
    // b takes the channel over and writes the alert (its own claim), then the stale a tries to send it.
    b.own.own(2);
    second.hold();
    await b.outbox.load();
    b.outbox.start();
    b.outbox.kick('z');
    await waitUntil('b claimed the send', async () => (await new LobbyRecords(storage).readAlert('z'))?.claim?.by === 'b');
    await a.outbox.deliver('z');
    assert.equal(first.sent.length, 0, 'the stale owner sent nothing');
    second.release();
    await waitUntil('b sent the card', () => second.sent.length === 1);
  });

  it('keeps an outcome set on another instance (a card pressed there) when the owner writes the alert again', async () => {
    const first = messenger();
    const a = instance('a', first);
    const b = instance('b', messenger());
    a.own.own(1);
    await a.outbox.load();
    await a.outbox.add(alert('w'));
    // b serves the card press: reads the alert afresh, records the outcome.
    const pressed = await b.outbox.fresh('w');
    assert.ok(pressed);
    await b.outbox.finish(pressed, { kind: 'admitted', by: 'Alice Wood', at: new Date().toISOString() });
    // a, with its own older copy in memory, delivers and records the send: the outcome must survive.
    a.outbox.start();
    await waitUntil('a sent the card', () => first.sent.length === 1);
    await waitUntil('the stored alert carries the send', async () => (await new LobbyRecords(storage).readAlert('w'))?.activityId !== undefined);
    const stored = await new LobbyRecords(storage).readAlert('w');
    assert.equal(stored?.outcome?.kind, 'admitted');
  });

  it('does not act on a press from a stale copy: the owner reads afresh and sees what another instance settled', async () => {
    const a = instance('a', messenger());
    const b = instance('b', messenger());
    a.own.own(1);
    await a.outbox.load();
    await a.outbox.add(alert('s'));
    // b serves a press on the card and settles it; a's copy in memory still says the person waits.
    const there = await b.outbox.fresh('s');
    assert.ok(there);
    await b.outbox.finish(there, { kind: 'rejected', by: 'Bob Lee', at: new Date().toISOString() });
    assert.equal(a.outbox.get('s')?.outcome, undefined, 'a\'s copy is stale');
    // A second press, served by a, the owner of the watcher's channel: read afresh, then acted on (or not).
    const acted: string[] = [];
    const hands = { admit: async () => (acted.push('admit'), 'done' as const), reject: async () => (acted.push('reject'), 'done' as const) };
    const source = { platform: 'sfb', actAs: async (_presser: unknown, _place: unknown, work: (h: typeof hands) => Promise<unknown>) => ({ acted: await work(hands) }) };
    const actions = new LobbyActions(new KeyedSerializer(), logger, a.outbox, new Map([['sfb', source as unknown as WaitingRoomSource]]));
    assert.equal((await a.outbox.fresh('s'))?.outcome?.kind, 'rejected');
    const result = await actions.actOnAlert({ id: 'user-1', name: 'Alice Wood', language: 'en' } as Organizer, 's', 'admit');
    assert.equal(result.kind, 'already');
    assert.deepEqual(acted, [], 'nobody was admitted after being turned away elsewhere');
  });

  it('finishes a card send in progress before stop returns, and records it (no second send after a restart)', async () => {
    const first = messenger();
    const a = instance('a', first);
    a.own.own(1);
    first.hold();
    await a.outbox.load();
    a.outbox.start();
    await a.outbox.add(alert('v'));
    a.outbox.kick('v');
    await waitUntil('the send started', async () => (await new LobbyRecords(storage).readAlert('v'))?.claim !== undefined);
    const stopping = a.outbox.stop();
    setTimeout(() => first.release(), 50);
    await stopping;
    assert.equal((await new LobbyRecords(storage).readAlert('v'))?.activityId, 'activity-1', 'recorded before stop returned');
  });
});

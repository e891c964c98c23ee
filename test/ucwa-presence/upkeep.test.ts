import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConversationReference } from 'botbuilder';
import { testLogger } from '../helpers/testLogger.js';
import { PresenceRecords } from '../../src/presence/records.js';
import { PresenceRelay, type SharedEventChannels } from '../../src/presence/relay.js';
import { groupMembers } from '../../src/presence/members.js';
import { FileStorage } from '../../src/storage/index.js';
import type { StoredReference } from '../../src/teams/conversationReferences.js';
import { UcwaSession, type ChannelSubscriber } from '../../src/ucwa/index.js';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';

/** Polls a condition every 20 ms: the waits here follow the simulator's (shortened) clock, not a fixed sleep. */
async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * The relay against a simulator whose subscription "minute" is 20 ms (30 minutes = 1.5 s, the warning 100 ms before the end) and whose medium
 * events are not held: the subscription must be kept alive by the documented refresh, and one contact's quick
 * changes arriving in separate event batches must still make only the first and the latest message.
 */
describe('presence relay: subscription upkeep and coalescing', () => {
  const minuteMs = 50;
  let sim: UcwaSimulator;
  let session: UcwaSession;
  let storage: FileStorage;
  let dataDir: string;
  let relay: PresenceRelay;
  const told: string[] = [];

  beforeEach(async () => {
    told.length = 0;
    sim = await startUcwaSimulator({ minEventTimeoutSeconds: 0.05, presenceMinuteMs: minuteMs });
    session = await UcwaSession.signIn(
      { kind: 'password', username: 'alice@contoso.com', password: 'Alice-Pass-1' },
      { discoveryUrl: sim.discoveryUrl, events: { timeoutSeconds: 1, medium: 0.05, low: 0.05 } },
    );
    dataDir = await mkdtemp(join(tmpdir(), 'presence-'));
    storage = await FileStorage.open(dataDir);
    const reference: StoredReference = { reference: { conversation: { id: 'alice-chat' } } as Partial<ConversationReference>, kind: 'personal', updatedAt: '' };
    // The person's channel is run by "someone else" (the lobby alerts in the app); here, by this stand-in.
    const channels: SharedEventChannels = {
      tapEvents: (tap) => {
        const subscriber: ChannelSubscriber = {
          event: async (event) => tap.event?.('alice', session, event, { holdPosition: () => undefined }),
          reset: async (reason) => tap.reset?.('alice', session, reason),
          position: () => undefined,
          stopped: () => undefined,
        };
        session.events.subscribe(subscriber);
        tap.opened?.('alice', session);
        return () => session.events.unsubscribe(subscriber);
      },
      openChannel: async () => {
        session.events.start();
        return true;
      },
    };
    relay = new PresenceRelay(
      {
        accounts: { session: async () => session },
        records: new PresenceRecords(storage),
        references: { personalChatOf: async () => reference },
        proactive: {
          send: async (_reference, activity) => {
            told.push(activity.text ?? '');
            return String(told.length);
          },
        },
        channels,
        logger: testLogger(),
      },
      { coalesceMs: 400 },
    );
    await relay.start();
  });

  afterEach(async () => {
    relay.stop();
    session.events.stop();
    await session.events.done();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
    await sim.close();
  });

  async function watchProjectTeam(): Promise<void> {
    const group = (await session.groups.myGroups()).groups.find((candidate) => candidate.name === 'Project team')!;
    await relay.watch({ id: 'alice', language: 'en' }, session, group, await groupMembers(session, group));
  }

  it('extends the subscription each time it is about to expire, so it outlives its 30 minutes', async () => {
    await watchProjectTeam();
    const [first] = sim.control.presenceSubscriptions();
    assert.ok(first);
    const lifetime = 30 * minuteMs;
    const started = Date.now();
    await until(() => Date.now() - started > 2 * lifetime, 'two lifetimes');
    const now = sim.control.presenceSubscriptions();
    assert.equal(now.length, 1);
    assert.equal(now[0]!.id, first.id, 'the same subscription, extended rather than made again');
    assert.ok(now[0]!.expiresAt.getTime() > first.expiresAt.getTime());

    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Away' });
    await until(() => told.includes('Bob Kelly is now Away'), 'the relayed change');
  });

  it('says the first change at once and only the latest of the quick ones after it', async () => {
    await watchProjectTeam();
    sim.control.setPresence({ user: 'carol@contoso.com', availability: 'Away' });
    await until(() => told.length === 1, 'the first change');
    assert.deepEqual(told, ['Carol Diaz is now Away']);
    sim.control.setPresence({ user: 'carol@contoso.com', availability: 'Online' });
    await sleep(120); // lets the first quick change travel in its own event batch
    sim.control.setPresence({ user: 'carol@contoso.com', availability: 'Busy' });
    await until(() => told.length === 2, 'the coalesced change');
    assert.deepEqual(told, ['Carol Diaz is now Away', 'Carol Diaz is now Busy']);

    assert.equal((await relay.unwatch({ id: 'alice' }, 'project TEAM'))?.name, 'Project team');
    assert.deepEqual(sim.control.presenceSubscriptions(), [], 'unwatching ends the subscription');
    assert.deepEqual(await relay.watched('alice'), []);
  });

  it('tells the person once when a watched group is gone by the time the watches are renewed', async () => {
    await watchProjectTeam();
    const group = (await session.groups.myGroups()).groups.find((candidate) => candidate.name === 'Project team')!;
    await session.groups.delete(group);
    // The server dropped our subscriptions (`resume`): every watched group is read again, and this one is gone.
    const app = sim.control.applications().find((candidate) => candidate.user === 'alice@contoso.com' && candidate.state === 'active')!;
    sim.control.forceResume(app.id);
    const line = 'I stopped watching the presence of "Project team": that contact group no longer exists in Skype for Business.';
    await until(() => told.includes(line), 'the note about the gone group');
    assert.deepEqual(await relay.watched('alice'), []);
    assert.equal(told.filter((text) => text === line).length, 1, 'said once');
  });
});

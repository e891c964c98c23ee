import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SoleOwnership } from '../../src/ownership/index.js';
import type { UcwaAccounts } from '../../src/sfb/accounts.js';
import { EventChannels, positionSavesAtOnce } from '../../src/sfb/channels.js';
import { KeyedSerializer } from '../../src/storage/keyedSerializer.js';
import type { ChannelSubscriber, DispatchedEvent, UcwaSession } from '../../src/ucwa/index.js';
import { testLogger } from '../helpers/testLogger.js';

/** A session whose event channel the test drives: it hands over the subscriber EventChannels registers. */
function drivenSession(): { session: UcwaSession; subscriber(): ChannelSubscriber } {
  let subscriber: ChannelSubscriber | undefined;
  const events = {
    running: false,
    subscribe(next: ChannelSubscriber) {
      subscriber = next;
    },
    unsubscribe() {},
    start() {
      events.running = true;
    },
    stop() {
      events.running = false;
    },
  };
  return {
    session: { events } as unknown as UcwaSession,
    subscriber: () => {
      assert.ok(subscriber, 'the channel subscribed');
      return subscriber;
    },
  };
}

/** EventChannels over accounts that only count the saves asked of them. */
function channelsSaving(positionSaveMs: number): { channels: EventChannels; saves: string[] } {
  const saves: string[] = [];
  const accounts = {
    save: async (userId: string) => {
      saves.push(userId);
    },
  } as unknown as UcwaAccounts;
  const deps = { accounts, logger: testLogger(), locks: new KeyedSerializer(), ownership: new SoleOwnership() };
  return { channels: new EventChannels(deps, async () => undefined, 60_000, positionSaveMs), saves };
}

const anEvent = {} as unknown as DispatchedEvent;

describe('event positions saved', () => {
  it('once per person per wait, however many times their position moved in it', async () => {
    const { channels, saves } = channelsSaving(40);
    const alice = drivenSession();
    const bob = drivenSession();
    channels.open('alice', alice.session);
    channels.open('bob', bob.session);
    for (let batch = 0; batch < 5; batch++) {
      alice.subscriber().position(`ack=${batch}`);
      bob.subscriber().position(`ack=${batch}`);
    }
    await sleep(5);
    assert.deepEqual(saves, [], 'nothing written while the wait runs');
    await sleep(80);
    assert.deepEqual([...saves].sort(), ['alice', 'bob']);
    alice.subscriber().position('ack=5');
    await sleep(80);
    assert.deepEqual([...saves].sort(), ['alice', 'alice', 'bob'], 'a later move starts a new wait');
    await channels.stop();
  });

  it('at stop, what moved since the last save', async () => {
    const { channels, saves } = channelsSaving(60_000);
    const alice = drivenSession();
    channels.open('alice', alice.session);
    alice.subscriber().position('ack=1');
    alice.subscriber().position('ack=2');
    await sleep(5);
    assert.deepEqual(saves, []);
    await channels.stop();
    assert.deepEqual(saves, ['alice'], 'saved before stop resolves');
  });

  for (const [when, waitMs] of [['when the wait ends', 30], ['at stop', 60_000]] as const) {
    it(`never past an event a listener could not record, ${when}, also when the save was already waiting`, async () => {
      const { channels, saves } = channelsSaving(waitMs);
      channels.tap({ event: (_userId, _session, _event, channel) => channel.holdPosition() });
      const alice = drivenSession();
      const bob = drivenSession();
      channels.open('alice', alice.session);
      channels.open('bob', bob.session);
      alice.subscriber().position('ack=1');
      bob.subscriber().position('ack=1');
      // Alice's next event is not recorded after her first move's save began to wait.
      await alice.subscriber().event(anEvent);
      alice.subscriber().position('ack=2');
      await sleep(70);
      await channels.stop();
      assert.deepEqual(saves, ['bob']);
    });
  }

  it('a few people at a time, everyone before stop resolves', async () => {
    let running = 0;
    let most = 0;
    const saved: string[] = [];
    const accounts = {
      save: async (userId: string) => {
        running += 1;
        most = Math.max(most, running);
        await sleep(5);
        running -= 1;
        saved.push(userId);
      },
    } as unknown as UcwaAccounts;
    const channels = new EventChannels({ accounts, logger: testLogger(), locks: new KeyedSerializer(), ownership: new SoleOwnership() }, async () => undefined, 60_000, 60_000);
    const people = Array.from({ length: 20 }, (_, index) => `person${index}`);
    for (const person of people) {
      const driven = drivenSession();
      channels.open(person, driven.session);
      driven.subscriber().position('ack=2');
    }
    await channels.stop();
    assert.deepEqual([...saved].sort(), [...people].sort());
    assert.equal(most, positionSavesAtOnce);
    assert.ok(positionSavesAtOnce > 1 && positionSavesAtOnce < people.length);
  });

  it('at each move when the wait is 0 (channels shared by instances)', async () => {
    const { channels, saves } = channelsSaving(0);
    const alice = drivenSession();
    channels.open('alice', alice.session);
    alice.subscriber().position('ack=1');
    alice.subscriber().position('ack=2');
    alice.subscriber().position('ack=3');
    await sleep(5);
    assert.deepEqual(saves, ['alice', 'alice', 'alice']);
    await channels.stop();
    assert.equal(saves.length, 3, 'nothing left to save at stop');
  });
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { HuaweiSimulator } from '../../src/huawei/simulator/index.js';
import { LeaseOwnership } from '../../src/ownership/index.js';
import type { BotEvent } from '../../src/localChannel/transcript.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { isAlertFor } from './helpers.js';

const wait = { timeoutMs: 10_000, includeSeen: true };

/**
 * Two instances sharing one Azurite container and one Huawei simulator (issues 13 and 15): a watched Huawei meeting
 * has exactly one feed (one WebSocket), run by the owner of the watcher's channel key; each arrival is one card;
 * the feed moves when its owner stops; the other instance answers "who's in the lobby" from the stored alerts.
 */
describe('Huawei waiting-room feeds with several instances (Azurite, one owner per feed)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let first: BotUnderTest;
  let second: BotUnderTest;
  let sim: HuaweiSimulator;
  const stopped = new Set<BotUnderTest>();

  beforeEach(async () => {
    azurite = await startAzurite();
    const env = (instance: string) => ({
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'meeting-bot',
      STORAGE_ENCRYPTION_KEY: key,
      OWNERSHIP_LEASE_SECONDS: '15',
      INSTANCE_ID: instance,
    });
    const key = randomBytes(32).toString('base64');
    first = await startBotUnderTest({ env: env('instance-a') });
    second = await startBotUnderTest({ env: env('instance-b'), sandbox: first.sandbox });
    sim = first.sandbox.simulators.huawei!;
  });

  afterEach(async () => {
    // The second shares the first's simulators: it goes first. A bot whose app was stopped keeps only its channel.
    for (const bot of [second, first]) {
      if (!bot) continue;
      if (stopped.has(bot)) {
        await bot.channel.close();
        if (bot === first) await bot.sandbox.stop();
        await rm(bot.dataDir, { recursive: true, force: true });
      } else await bot.close();
    }
    stopped.clear();
    await azurite?.stop();
  });

  const subscribedSockets = (conferenceId: string) => sim.control.sockets().filter((socket) => socket.conferenceID === conferenceId && socket.subscribed.length === 2);
  const cardsFor = (events: BotEvent[], name: string) => events.filter(isAlertFor(name)).length;
  const botEvents = (bot: BotUnderTest) =>
    bot.channel
      .personalChat('alice@contoso.com')
      .transcript()
      .flatMap((entry) => (entry.from === 'bot' ? [entry.event] : []));
  const owns = (bot: BotUnderTest) => !stopped.has(bot) && bot.app.services.ownership.owned().length > 0;

  it('one socket for the meeting, one card per arrival; the non-owner lists who waits; the feed moves when its owner stops', async () => {
    const conferenceId = sim.control.createMeeting({ subject: 'Huawei design sync', hostUserId: 'alice@contoso.com', startsInMinutes: -5, language: 'en-US', enableWaitingRoom: true }).conferenceID;
    const alice = first.channel.personalChat('alice@contoso.com');
    await alice.send(`watch my Huawei meeting ${conferenceId}`);
    await alice.waitFor((event) => event.rendered.includes("I'm watching the waiting room of **Huawei design sync**"), wait);
    await until(() => subscribedSockets(conferenceId).length === 1, 30_000);
    const owner = owns(first) ? first : second;
    const other = owner === first ? second : first;
    assert.ok(owns(owner) && !owns(other), 'exactly one instance owns the watcher');

    sim.control.addToWaitingRoom(conferenceId, 'Dave Fisher');
    await alice.waitFor(isAlertFor('Dave Fisher'), wait);
    await pause(1_500);
    assert.equal(cardsFor(botEvents(first), 'Dave Fisher'), 1, 'one card for one arrival');
    assert.equal(sim.control.sockets().filter((socket) => socket.conferenceID === conferenceId).length, 1, 'one WebSocket for the meeting across both instances');

    // Asked of the instance that does not run the feed: answered from the stored alerts.
    const asked = other.channel.personalChat('alice@contoso.com');
    await asked.send("who's in the lobby");
    const who = await asked.waitFor((event) => event.kind === 'send' && event.rendered.includes('Dave Fisher') && !isAlertFor('Dave Fisher')(event), wait);
    assert.match(who.rendered, /Huawei design sync/);

    // A graceful stop hands the key back: the other instance opens the feed at once.
    await owner.app.stop();
    stopped.add(owner);
    await until(() => owns(other) && subscribedSockets(conferenceId).length === 1, 30_000);
    sim.control.addToWaitingRoom(conferenceId, 'Erin Guest');
    // Alice's stored conversation reference now names the connector she last spoke through (each test bot has its
    // own; Teams has one): the card may reach either, so both are counted.
    const everywhere = () => [...botEvents(first), ...botEvents(second)];
    await until(() => cardsFor(everywhere(), 'Erin Guest') > 0, 10_000);
    await pause(1_500);
    assert.equal(cardsFor(everywhere(), 'Erin Guest'), 1, 'one card for the arrival after the move');
    assert.equal(cardsFor(everywhere(), 'Dave Fisher'), 1, 'the new owner did not alert again who was already alerted');
    assert.equal(sim.control.sockets().filter((socket) => socket.conferenceID === conferenceId).length, 1, 'still one WebSocket');
  });

  it('an owner that dies (its leases run out, never released): the other instance opens the feed, one card per arrival', async () => {
    const conferenceId = sim.control.createMeeting({ subject: 'Huawei design sync', hostUserId: 'alice@contoso.com', startsInMinutes: -5, language: 'en-US', enableWaitingRoom: true }).conferenceID;
    const alice = first.channel.personalChat('alice@contoso.com');
    await alice.send(`watch my Huawei meeting ${conferenceId}`);
    await alice.waitFor((event) => event.rendered.includes("I'm watching the waiting room of **Huawei design sync**"), wait);
    await until(() => subscribedSockets(conferenceId).length === 1 && (owns(first) || owns(second)), 30_000);
    const owner = owns(first) ? first : second;
    const other = owner === first ? second : first;

    // What a crash looks like to the others: no renewal, no release, and the dead process's sockets gone.
    const ownership = owner.app.services.ownership;
    assert.ok(ownership instanceof LeaseOwnership);
    ownership.halt();
    await Promise.all(owner.app.capabilities.map((capability) => capability.stop?.()));
    await until(() => subscribedSockets(conferenceId).length === 0, 10_000);
    await until(() => owns(other) && subscribedSockets(conferenceId).length === 1, 60_000);

    sim.control.addToWaitingRoom(conferenceId, 'Fay Guest');
    const everywhere = () => [...botEvents(first), ...botEvents(second)];
    await until(() => cardsFor(everywhere(), 'Fay Guest') > 0, 10_000);
    await pause(1_500);
    assert.equal(cardsFor(everywhere(), 'Fay Guest'), 1, 'one card for the arrival after the take-over');
    assert.equal(sim.control.sockets().filter((socket) => socket.conferenceID === conferenceId).length, 1, 'one WebSocket');
  });
});

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await pause(50);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

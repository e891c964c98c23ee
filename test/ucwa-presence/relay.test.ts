import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/**
 * "Watch presence of <group>" end to end: Alice types it in Teams (sandbox sign-in), people's status changes in
 * the UCWA simulator, and the bot tells Alice in her personal chat. Presence events are Medium priority, so
 * each change takes the documented 5 s aggregation window to arrive.
 */
describe('presence relay through /api/messages', function () {
  this.timeout(40_000);
  let bot: BotUnderTest;
  let sim: UcwaSimulator;
  let alice: LocalConversation;

  before(async () => {
    bot = await startBotUnderTest();
    sim = bot.sandbox.simulators.ucwa!;
    alice = bot.channel.personalChat('alice@contoso.com');
  });

  after(async () => {
    await bot?.close();
  });

  const presenceLines = (who: string) =>
    alice
      .botEvents()
      .map((event) => event.text ?? '')
      .filter((text) => text.startsWith(`${who} is now`));
  const says = (line: string) => (event: BotEvent) => (event.text ?? '') === line;

  it('"watch presence of Project team", then Bob goes Away: Alice hears "Bob Kelly is now Away"', async () => {
    await alice.send('watch presence of Project team');
    const answer = await alice.nextActivity({ timeoutMs: 10_000 });
    assert.match(answer.rendered, /presence of the 3 contact\(s\) in "Project team"/);
    assert.equal(sim.control.presenceSubscriptions().filter((subscription) => subscription.user === 'alice@contoso.com').length, 1);

    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Away' });
    await alice.waitFor(says('Bob Kelly is now Away'), { timeoutMs: 15_000 });
    assert.ok(!bot.logLines.some((line) => line.includes('PGetReplaced')), 'one pending GET per application, never two');
  });

  it('flapping within the window makes one message with the latest status', async () => {
    for (const availability of ['Away', 'Online', 'Away', 'BeRightBack'] as const) sim.control.setPresence({ user: 'carol@contoso.com', availability });
    await alice.waitFor(says('Carol Diaz is now Be right back'), { timeoutMs: 15_000 });
    // A later change is the event that proves nothing was said in between.
    sim.control.setPresence({ user: 'carol@contoso.com', availability: 'Offline' });
    await alice.waitFor(says('Carol Diaz is now Offline'), { timeoutMs: 20_000 });
    assert.deepEqual(presenceLines('Carol Diaz'), ['Carol Diaz is now Be right back', 'Carol Diaz is now Offline']);
  });

  it('a contact outside the watched group produces nothing', async () => {
    sim.control.setPresence({ user: 'erin@litware.com', availability: 'Away' }); // in "Vendors", not watched
    sim.control.setPresence({ user: 'frank@contoso.com', availability: 'DoNotDisturb', activity: 'presenting' });
    await alice.waitFor(says('Frank Fischer is now Do not disturb (presenting)'), { timeoutMs: 15_000 });
    assert.deepEqual(presenceLines('Erin Evans'), []);
  });

  it('the watch survives a restart: the subscription is renewed and changes keep coming', async () => {
    await bot.restart();
    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Busy', activity: 'in-a-meeting' });
    await alice.waitFor(says('Bob Kelly is now Busy (in a meeting)'), { timeoutMs: 20_000 });
    const live = sim.control.applications().filter((app) => app.user === 'alice@contoso.com' && app.state === 'active');
    assert.ok(sim.control.presenceSubscriptions().some((subscription) => live.some((app) => app.id === subscription.appId)));
    assert.ok(!bot.logLines.some((line) => line.includes('PGetReplaced')), 'the restarted bot did not start a second loop');
  });
});

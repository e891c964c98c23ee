import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/**
 * "Stop watching presence of <group>" end to end through /api/messages: the watch ends (the UCWA subscription
 * too) and later changes in that group say nothing. That nothing was said is proven by a change in another,
 * still watched group arriving after it: presence events are Medium priority, so both take the 5 s window.
 */
describe('stop watching presence through /api/messages', function () {
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

  const subscriptionsOfAlice = () => sim.control.presenceSubscriptions().filter((subscription) => subscription.user === 'alice@contoso.com');
  const says = (line: string) => (event: BotEvent) => (event.text ?? '') === line;
  const linesAbout = (who: string) =>
    alice
      .botEvents()
      .map((event) => event.text ?? '')
      .filter((text) => text.startsWith(`${who} is now`));

  it('"stop" for a group that is not watched says so, and names what is watched', async () => {
    await alice.send('watch presence of Project team');
    assert.match((await alice.nextActivity({ timeoutMs: 10_000 })).rendered, /presence of the 3 contact\(s\) in "Project team"/);

    await alice.send('stop watching presence of Vendors');
    const answer = await alice.nextActivity({ timeoutMs: 10_000 });
    assert.equal(answer.text, `I wasn't watching the presence of "Vendors". I am watching: "Project team".`);
    assert.equal(subscriptionsOfAlice().length, 1, 'the watched group keeps its subscription');
  });

  it('answers in Chinese', async () => {
    await alice.send('停止关注Vendors分组的在线状态', { locale: 'zh-CN' });
    const answer = await alice.nextActivity({ timeoutMs: 10_000 });
    assert.equal(answer.text, '我没有在关注“Vendors”的在线状态。正在关注：“Project team”。');
  });

  it('"stop watching presence of Project team" ends the watch and its subscription; a later change says nothing', async () => {
    await alice.send('stop watching presence of project team');
    const answer = await alice.nextActivity({ timeoutMs: 10_000 });
    assert.equal(answer.text, `Stopped watching the presence of "Project team"; I won't tell you about their status changes any more.`);
    assert.deepEqual(subscriptionsOfAlice(), [], 'the UCWA subscription was ended');

    // A second "stop" finds nothing left to stop.
    await alice.send('stop watching presence of Project team');
    assert.equal((await alice.nextActivity({ timeoutMs: 10_000 })).text, `I wasn't watching the presence of "Project team".`);

    // Vendors is watched as the witness: its change arriving proves Bob's earlier one was heard of and not told.
    await alice.send('watch presence of Vendors');
    assert.match((await alice.nextActivity({ timeoutMs: 10_000 })).rendered, /in "Vendors"/);
    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Away' });
    sim.control.setPresence({ user: 'erin@litware.com', availability: 'Away' });
    await alice.waitFor(says('Erin Evans is now Away'), { timeoutMs: 20_000 });
    assert.deepEqual(linesAbout('Bob Kelly'), []);
  });
});

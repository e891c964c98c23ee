import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { LocalConversation } from '../../src/localChannel/localChannel.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { allFileText, signInThroughPage } from './helpers.js';

/**
 * "sign out" in sandbox mode (people signed in to the UCWA simulator automatically), end to end through
 * /api/messages: everything that ran on the person's Skype for Business account stops at once, the reply says what
 * stopped, and the automatic sandbox sign-in does not undo it.
 */
describe('sign out takes effect at once (issue 14, item 6)', function () {
  this.timeout(60_000);
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

  const liveApplicationsOf = (user: string) => sim.control.applications().filter((app) => app.user === user && app.state === 'active');
  const grantsOf = (user: string) => sim.control.passwordGrants().filter((grant) => grant.user === user).length;
  const say = async (text: string) => {
    await alice.send(text);
    return alice.nextMessage({ timeoutMs: 15_000 });
  };

  const askedToSignIn = async (text: string) => {
    await alice.send(text);
    assert.match((await alice.nextMessage({ timeoutMs: 15_000 })).text ?? '', /Please sign in to Skype for Business first/);
    assert.ok(JSON.stringify((await alice.nextMessage()).cards).includes('/signin?state='), 'a sign-in card, not the answer');
  };

  it('stops the lobby alerts and presence watches, deletes the application and says what stopped', async () => {
    assert.match((await say('watch my meeting Budget review')).rendered, /I'm watching the lobby of/);
    assert.match((await say('watch my meeting Weekly standup')).rendered, /I'm watching the lobby of/);
    assert.match((await say('watch presence of Project team')).rendered, /presence of the 3 contact\(s\) in "Project team"/);
    assert.equal(liveApplicationsOf('alice@contoso.com').length, 1);
    assert.ok(sim.control.presenceSubscriptions().some((subscription) => subscription.user === 'alice@contoso.com'));

    const answer = await say('sign out');
    assert.match(answer.text ?? '', /signed out of Skype for Business/i);
    assert.match(answer.text ?? '', /Lobby alerts for \*\*Budget review\*\* and \*\*Weekly standup\*\* stop/);
    assert.match(answer.text ?? '', /presence watches of \*\*Project team\*\* stop/);

    assert.deepEqual(liveApplicationsOf('alice@contoso.com'), [], 'the UCWA application is deleted at once');
    assert.deepEqual(sim.control.presenceSubscriptions().filter((subscription) => subscription.user === 'alice@contoso.com'), []);
  });

  it('a UCWA command afterwards asks to sign in: the automatic sandbox sign-in does not undo the sign-out', async () => {
    const grants = grantsOf('alice@contoso.com');
    await askedToSignIn('my meetings');
    assert.equal(grantsOf('alice@contoso.com'), grants, 'no password grant behind the person\'s back');
    assert.deepEqual(liveApplicationsOf('alice@contoso.com'), []);
    await askedToSignIn('my watched meetings');
  });

  it('nothing comes back after a restart', async () => {
    const grants = grantsOf('alice@contoso.com');
    // The bot's own records: the sandbox's simulated world (DATA_DIR/sandbox) holds the meetings and groups themselves.
    assert.doesNotMatch(await allFileText(join(bot.dataDir, 'store')), /Project team|Weekly standup/, 'no watch is left to resume');
    const resumedLines = () => bot.logLines.filter((line) => line.includes('lobby watches resumed')).length;
    const before = resumedLines();
    await bot.restart();
    await waitUntil(() => resumedLines() > before);
    assert.match((await say('sign out')).text ?? '', /not signed in/i);
    assert.equal(grantsOf('alice@contoso.com'), grants);
    assert.deepEqual(liveApplicationsOf('alice@contoso.com'), []);
  });

  it('signing in again through the page brings the account back', async () => {
    await signInThroughPage(bot.app.url, alice, 'alice@contoso.com');
    assert.match((await say('my meetings')).rendered, /Budget review/);
    assert.equal(liveApplicationsOf('alice@contoso.com').length, 1);
  });
});

/** Resolves once the condition holds (checked on each turn of the event loop; the suite's timeout bounds it). */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

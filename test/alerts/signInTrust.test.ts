import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TENANT_ID, stableGuid } from '../../src/localChannel/ids.js';
import type { LocalConversation } from '../../src/localChannel/localChannel.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import type { BotUnderTest } from '../helpers/botUnderTest.js';
import { askForSignInLink, freshAlertsBotPerTest, passwords, postForm, startAlertsBot } from './helpers.js';

const tokenPath = '/WebTicket/oauthtoken';

/** The Skype for Business account stored for a Teams user, if any: what the bot would act as. */
async function storedAccount(bot: BotUnderTest, upn: string): Promise<string | undefined> {
  const record = await bot.app.services.accounts.record(bot.channel.user(upn).id);
  return record?.signInAddress;
}

function activeApplicationsOf(sim: UcwaSimulator, user: string): number {
  return sim.control.applications().filter((app) => app.user === user && app.state === 'active').length;
}

function said(chat: LocalConversation, pattern: RegExp): number {
  return chat.botEvents().filter((event) => pattern.test(event.text ?? '')).length;
}

/**
 * Password grants slow enough that posts sent together are certainly in flight together: without a claim on the
 * state, every one of them would run the grant.
 */
function slowPasswordGrants(sim: UcwaSimulator, times: number): void {
  sim.control.injectFault({ method: 'POST', path: tokenPath, delayMs: 300, times });
}

describe('sign-in links under concurrency: one link, one password grant', function () {
  this.timeout(30_000);
  const alertsBot = freshAlertsBotPerTest();

  it('a failure on our side (the store times out) says so, costs no try, and the same link works next time', async () => {
    const { bot } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const state = await askForSignInLink(alice);
    const storage = bot.app.services.storage;
    const write = storage.write.bind(storage);
    let refusedWrites = 0;
    storage.write = async (changes) => {
      if (refusedWrites === 0 && Object.keys(changes).some((key) => key.startsWith('ucwa/account/'))) {
        refusedWrites++;
        throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
      }
      return write(changes);
    };
    const first = await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! });
    assert.equal(first.status, 503);
    const page = await first.text();
    assert.match(page, /problem on our side, not your password/);
    assert.ok(page.includes(`value="${state}"`), 'the form is shown again with the same link');
    assert.equal(refusedWrites, 1);

    const second = await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! });
    assert.equal(second.status, 200, await second.clone().text());
    assert.equal(await storedAccount(bot, 'alice@contoso.com'), 'alice@contoso.com');
  });

  it('four simultaneous posts of one state run the grant once; the others hear the link is in use or used', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const state = await askForSignInLink(alice);
    slowPasswordGrants(sim, 4);
    const form = { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! };
    const answers = await Promise.all([1, 2, 3, 4].map(() => postForm(bot.app.url, form)));
    const pages = await Promise.all(answers.map((answer) => answer.text()));

    assert.deepEqual(answers.map((answer) => answer.status).filter((status) => status === 200), [200], `statuses ${answers.map((a) => a.status)}`);
    answers.forEach((answer, index) => {
      if (answer.status === 200) return;
      // In use while the winner's grant runs; already used once it finished.
      if (answer.status === 409) assert.match(pages[index]!, /being used right now/);
      else assert.match(`${answer.status} ${pages[index]}`, /^400 [\s\S]*already used/);
    });
    assert.equal(sim.control.passwordGrants().length, 1, 'the password grant ran once');
    assert.equal(activeApplicationsOf(sim, 'alice@contoso.com'), 1, 'one UCWA application, not four');
    assert.equal(await storedAccount(bot, 'alice@contoso.com'), 'alice@contoso.com');
    assert.equal(said(alice, /You are signed in to Skype for Business/), 1, 'one "signed in" note in chat');

    const again = await postForm(bot.app.url, form);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /already used/);
    assert.equal(sim.control.passwordGrants().length, 1);
  });

  it("two people's credentials posted at once to one link: one grant, and never the other person's account", async () => {
    const { bot, sim } = alertsBot();
    const bob = bot.channel.personalChat('bob@contoso.com');
    const state = await askForSignInLink(bob);
    slowPasswordGrants(sim, 2);
    const [asBob, asAlice] = await Promise.all([
      postForm(bot.app.url, { state, username: 'bob@contoso.com', password: passwords['bob@contoso.com']! }),
      postForm(bot.app.url, { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! }),
    ]);
    const statuses = [asBob.status, asAlice.status];
    assert.equal(sim.control.passwordGrants().length, 1, `one grant (statuses ${statuses})`);
    assert.ok(statuses.includes(409), `the second post hears the link is in use (statuses ${statuses})`);
    assert.notEqual(asAlice.status, 200, "Alice's account never completes Bob's link");
    assert.equal(activeApplicationsOf(sim, 'alice@contoso.com'), 0, "no application of Alice's is left running");
    assert.notEqual(await storedAccount(bot, 'bob@contoso.com'), 'alice@contoso.com');
    assert.equal(said(bob, /You are signed in to Skype for Business as alice/), 0);
  });

  it('a wrong password releases the claim: the link stays usable, then works once', async () => {
    const { bot, sim } = alertsBot();
    const carol = bot.channel.personalChat('carol@contoso.com');
    const state = await askForSignInLink(carol);
    const wrong = await postForm(bot.app.url, { state, username: 'carol@contoso.com', password: 'not-it' });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /<form method="post"/, 'the form is shown again');
    const right = await postForm(bot.app.url, { state, username: 'carol@contoso.com', password: passwords['carol@contoso.com']! });
    assert.equal(right.status, 200);
    assert.deepEqual(sim.control.passwordGrants().map((grant) => grant.accepted), [false, true]);
    assert.equal(await storedAccount(bot, 'carol@contoso.com'), 'carol@contoso.com');
  });
});

describe("sign-in links complete only with their own person's account", function () {
  this.timeout(30_000);
  const alertsBot = freshAlertsBotPerTest();

  it('the page says whose link it is', async () => {
    const { bot } = alertsBot();
    const state = await askForSignInLink(bot.channel.personalChat('bob@contoso.com'));
    const html = await (await fetch(`${bot.app.url}/signin?state=${state}`)).text();
    assert.match(html, /This link signs in <strong>Bob Kelly<\/strong> \(bob@contoso\.com\)/);
  });

  it("refuses Alice's account on Bob's link, keeps nothing, tells Bob, and still takes Bob's own", async () => {
    const { bot, sim } = alertsBot();
    const bob = bot.channel.personalChat('bob@contoso.com');
    const state = await askForSignInLink(bob);
    const refused = await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! });
    assert.equal(refused.status, 403);
    const page = await refused.text();
    assert.match(page, /alice@contoso\.com is not the Skype for Business account of Bob Kelly \(bob@contoso\.com\)/);
    assert.match(page, /<form method="post"/, 'Bob can still use his own account on the same link');
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), undefined, 'no session kept for Bob');
    assert.deepEqual(await bot.app.services.storage.keys('ucwa/account/'), [], 'nothing persisted');
    assert.equal(activeApplicationsOf(sim, 'alice@contoso.com'), 0, "Alice's application was signed out");
    await bob.waitFor((event) => /did not sign you in as alice@contoso\.com/.test(event.text ?? ''), { timeoutMs: 3_000 });
    assert.equal(said(bob, /You are signed in/), 0);
    assert.ok(!bot.logLines.join('').includes(passwords['alice@contoso.com']!), 'the password is not logged');

    // Bob's own account: the sign-in name may differ from the SIP URI in case, prefix or DOMAIN\user form.
    const accepted = await postForm(bot.app.url, { state, username: 'CONTOSO\\Bob', password: passwords['bob@contoso.com']! });
    assert.equal(accepted.status, 200, await accepted.text());
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), 'CONTOSO\\Bob');
    await bob.waitFor((event) => /You are signed in to Skype for Business/.test(event.text ?? ''), { timeoutMs: 3_000 });
  });

  it('refuses in Chinese on a Chinese link', async () => {
    const { bot } = alertsBot();
    const bob = bot.channel.personalChat('bob@contoso.com');
    const state = await askForSignInLink(bob, '登录', 'zh-CN');
    const refused = await postForm(bot.app.url, { state, username: 'SIP:Alice@Contoso.com', password: passwords['alice@contoso.com']! });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /alice@contoso\.com 不是 Bob Kelly（bob@contoso\.com）的 Skype for Business 帐户/);
    await bob.waitFor((event) => /未以 alice@contoso\.com 为您登录/.test(event.text ?? ''), { timeoutMs: 3_000 });
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), undefined);
  });

  it('refuses when Teams cannot say who the person is (no roster), with a clear sentence', async () => {
    const { bot } = alertsBot();
    // The roster lookup fails before Bob's first message, so the bot knows his Teams id but not his UPN.
    bot.channel.connector.injectFault({ status: 404, count: 50, operations: ['getMember'] });
    const bob = bot.channel.personalChat('bob@contoso.com');
    const state = await askForSignInLink(bob);
    const html = await (await fetch(`${bot.app.url}/signin?state=${state}`)).text();
    assert.match(html, /This link signs in <strong>Bob Kelly<\/strong>/);
    const refused = await postForm(bot.app.url, { state, username: 'bob@contoso.com', password: passwords['bob@contoso.com']! });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Teams did not tell me your sign-in name/);
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), undefined);
  });
});

describe('UCWA_USER_MAP: an admin-managed map of Teams users to Skype for Business accounts', function () {
  this.timeout(30_000);
  let dir: string;
  let env: Awaited<ReturnType<typeof startAlertsBot>> | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ucwa-map-'));
  });

  afterEach(async () => {
    await env?.close();
    env = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it("maps a Teams UPN to another sign-in address: that account is accepted, the UPN's own is not", async () => {
    const map = join(dir, 'map.json');
    await writeFile(map, JSON.stringify({ 'Bob@Contoso.com': 'sip:carol@contoso.com' }));
    env = await startAlertsBot({ env: { UCWA_USER_MAP: map } });
    const { bot } = env;
    const bob = bot.channel.personalChat('bob@contoso.com');
    const state = await askForSignInLink(bob);
    const own = await postForm(bot.app.url, { state, username: 'bob@contoso.com', password: passwords['bob@contoso.com']! });
    assert.equal(own.status, 403);
    assert.match(await own.text(), /bob@contoso\.com is not the Skype for Business account of Bob Kelly/);
    const mapped = await postForm(bot.app.url, { state, username: 'carol@contoso.com', password: passwords['carol@contoso.com']! });
    assert.equal(mapped.status, 200);
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), 'carol@contoso.com');
  });

  it('maps an AAD object id, which holds even when the roster cannot be read', async () => {
    const map = join(dir, 'map.json');
    // The local tenant's ids are stable: Bob's AAD object id is known before the bot starts.
    const bobAad = stableGuid('aad', DEFAULT_TENANT_ID, 'Bob Kelly');
    await writeFile(map, JSON.stringify({ users: { [bobAad]: 'bob@contoso.com' } }));
    env = await startAlertsBot({ env: { UCWA_USER_MAP: map } });
    const { bot } = env;
    assert.equal(bot.channel.user('bob@contoso.com').aadObjectId, bobAad);
    bot.channel.connector.injectFault({ status: 404, count: 50, operations: ['getMember'] });
    const state = await askForSignInLink(bot.channel.personalChat('bob@contoso.com'));
    const posted = await postForm(bot.app.url, { state, username: 'bob@contoso.com', password: passwords['bob@contoso.com']! });
    assert.equal(posted.status, 200, await posted.text());
    assert.equal(await storedAccount(bot, 'bob@contoso.com'), 'bob@contoso.com');
  });
});

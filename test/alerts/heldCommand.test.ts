import assert from 'node:assert/strict';
import type { BotUnderTest } from '../helpers/botUnderTest.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { passwords, postForm, signInUrlOf, startAlertsBot } from './helpers.js';

/** A Skype for Business command from someone not yet signed in waits for the sign-in, then runs by itself. */
describe('commands held for sign-in', () => {
  let sim: UcwaSimulator;
  let bot: BotUnderTest;
  let close: () => Promise<void>;

  before(async () => {
    ({ sim, bot, close } = await startAlertsBot());
  });

  after(async () => {
    await close();
  });

  it('asks for sign-in, then carries out what was asked once the person has signed in', async () => {
    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send('watch my meeting Budget review');
    const note = await alice.waitFor((event) => /sign in to Skype for Business first/.test(event.text ?? ''));
    assert.match(note.text ?? '', /carry on with "watch my meeting Budget review"/);
    const card = await alice.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='));
    assert.equal(sim.control.applications().length, 0, 'nothing was done before sign-in');

    const state = signInUrlOf(card).searchParams.get('state')!;
    const posted = await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: passwords['alice@contoso.com']! });
    assert.equal(posted.status, 200);
    await alice.waitFor((event) => /You are signed in to Skype for Business/.test(event.text ?? ''), { timeoutMs: 5_000 });
    await alice.waitFor((event) => /watching the lobby of \*\*Budget review\*\*/.test(event.text ?? ''), { timeoutMs: 5_000 });
  });

  it('sends the sign-in link privately when asked in a channel', async () => {
    const carolChat = bot.channel.personalChat('carol@contoso.com');
    await carolChat.install();
    await carolChat.waitFor((event) => event.cards.length > 0);
    const channel = bot.channel.channel('Finance', 'Approvals');
    await channel.send('send lobby alerts for Budget review here', { from: 'carol@contoso.com' });
    const answer = await channel.waitFor((event) => /personal chat/.test(event.text ?? ''));
    assert.doesNotMatch(JSON.stringify(answer.activity), /signin\?state=/);
    assert.equal(channel.botEvents().filter((event) => JSON.stringify(event.cards).includes('/signin?state=')).length, 0);
    await carolChat.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='));
  });

  it('shows the sign-in page in the language the person asked in', async () => {
    const bob = bot.channel.personalChat('bob@contoso.com');
    await bob.send('登录', { locale: 'zh-CN' });
    const card = await bob.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='));
    const page = await (await fetch(signInUrlOf(card))).text();
    assert.match(page, /<html lang="zh-CN">/);
    assert.match(page, /登录 Skype for Business/);
    const state = signInUrlOf(card).searchParams.get('state')!;
    const refused = await postForm(bot.app.url, { state, username: 'bob@contoso.com', password: 'wrong' });
    assert.equal(refused.status, 401);
    assert.match(await refused.text(), /Skype for Business 未接受该用户名和密码/);
  });
});

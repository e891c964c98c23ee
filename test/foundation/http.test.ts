import assert from 'node:assert/strict';
import { intents } from '../../src/nlu/catalog.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** The HTTP boundary and the basic Teams behaviour, through the real endpoint. */
describe('the bot over HTTP', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest();
  });

  after(async () => {
    await bot.close();
  });

  const post = (body: string | Buffer, contentType = 'application/json') =>
    fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  const validActivity = () => ({
    type: 'message',
    id: 'a1',
    text: 'help',
    channelId: 'msteams',
    serviceUrl: bot.channel.serviceUrl,
    conversation: { id: 'a:boundary', conversationType: 'personal' },
    from: { id: '29:boundary', name: 'Boundary' },
    recipient: { id: '28:bot', name: 'Bot' },
  });

  it('answers "help" with the help card, delivered to the serviceUrl', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    const result = await chat.send('help');
    assert.equal(result.status, 200);
    const help = await chat.waitFor((event) => event.cards.length > 0);
    assert.match(help.rendered, /Here is what I can do/);
    assert.match(help.rendered, /list ongoing meetings/i);
  });

  it('lists every command of the catalog in help, each with its example', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    await chat.send('hlep');
    const help = await chat.waitFor((event) => event.cards.length > 0 && /Here is what I can do/.test(event.rendered));
    const card = JSON.stringify(help.cards);
    for (const intent of intents) assert.ok(card.includes(JSON.stringify(intent.text.en.example).slice(1, -1)), `help lacks ${intent.name}`);
  });

  it('welcomes people when installed', async () => {
    const chat = bot.channel.personalChat('bob@contoso.com');
    await chat.install();
    const welcome = await chat.waitFor((event) => /help you run your meetings/.test(event.text ?? ''));
    assert.ok(welcome);
  });

  it('answers in Chinese when spoken to in Chinese', async () => {
    const chat = bot.channel.personalChat('carol@contoso.com');
    await chat.send('帮助');
    const help = await chat.waitFor((event) => event.cards.length > 0);
    assert.match(help.rendered, /我可以做这些事情/);
  });

  it('acts in a channel only when @mentioned, and understands the text without the mention', async () => {
    const channel = bot.channel.channel('Finance', 'General');
    await channel.send('help', { mention: false, from: 'alice@contoso.com' });
    await assert.rejects(channel.nextActivity({ timeoutMs: 400 }));
    await channel.send('help', { mention: true, from: 'alice@contoso.com' });
    const help = await channel.waitFor((event) => event.cards.length > 0);
    assert.match(help.rendered, /Here is what I can do/);
  });

  it('answers small talk in a line instead of "I didn\'t understand"', async () => {
    const chat = bot.channel.personalChat('bob@contoso.com');
    await chat.send('thanks!');
    const thanks = await chat.waitFor((event) => event.seq > 0 && /welcome|understand/.test(event.text ?? event.rendered) && !/help you run/.test(event.text ?? ''));
    assert.equal(thanks.text, "You're welcome!");
    await chat.send('你好');
    assert.match((await chat.waitFor((event) => /您好|理解/.test(event.rendered))).text ?? '', /^您好！/);
  });

  it('offers the nearest commands, not the help card, for anything it does not understand', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    await chat.send('the weather in Lisbon tomorrow');
    const reply = await chat.waitFor((event) => /didn't catch that/.test(event.rendered));
    assert.doesNotMatch(reply.rendered, /Here is what I can do/);
  });

  it('refuses malformed JSON with 400', async () => {
    assert.equal((await post('{"type": "message",')).status, 400);
  });

  it('refuses a body over 256 KB with 413', async () => {
    const big = JSON.stringify({ ...validActivity(), text: 'x'.repeat(300 * 1024) });
    assert.equal((await post(big)).status, 413);
  });

  it('refuses a non-JSON content type with 415', async () => {
    assert.equal((await post('type=message', 'application/x-www-form-urlencoded')).status, 415);
    assert.equal((await post('hello', 'text/plain')).status, 415);
  });

  it('answers 404 for an unknown path', async () => {
    assert.equal((await fetch(`${bot.app.url}/api/nothing`)).status, 404);
  });

  for (const [field, strip] of [
    ['type', (a: Record<string, unknown>) => delete a.type],
    ['conversation.id', (a: Record<string, unknown>) => delete (a.conversation as Record<string, unknown>).id],
    ['serviceUrl', (a: Record<string, unknown>) => delete a.serviceUrl],
    ['from', (a: Record<string, unknown>) => delete a.from],
  ] as const) {
    it(`refuses an activity without ${field} with 400 and a reason`, async () => {
      const activity: Record<string, unknown> = validActivity();
      strip(activity);
      const response = await post(JSON.stringify(activity));
      assert.equal(response.status, 400);
      const body = (await response.json()) as { message: string };
      assert.ok(body.message.includes(`"${field}"`), body.message);
    });
  }

  it('stays up and healthy after all that, and logged none of it as an error', async () => {
    const health = await fetch(`${bot.app.url}/healthz`);
    assert.equal(health.status, 200);
    const report = (await health.json()) as { ready: boolean; dependencies: Array<{ name: string; ok: boolean }> };
    assert.equal(report.ready, true);
    assert.ok(report.dependencies.some((dependency) => dependency.name === 'storage' && dependency.ok));
    const errors = bot.logLines.filter((line) => JSON.parse(line).level >= 50);
    assert.deepEqual(errors, []);
  });

  it('keeps secrets that pass through a turn out of the log', async () => {
    const secrets = ['cwt=AAEBHAEFAAAAAAAKBBAAAAD', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'];
    const response = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secrets[1]}` },
      body: JSON.stringify({ ...validActivity(), id: 'a2', text: `explain admit ${secrets[0]} password=hunter2secret` }),
    });
    assert.equal(response.status, 200);
    const log = bot.logLines.join('');
    for (const secret of [...secrets, 'hunter2secret']) assert.ok(!log.includes(secret), `${secret} reached the log`);
  });
});

describe('the bot with a Microsoft app id', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' } });
  });

  after(async () => {
    await bot.close();
  });

  it('refuses a request without a valid Bot Framework token with 401', async () => {
    const activity = {
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: bot.channel.serviceUrl,
      conversation: { id: 'a:auth' },
      from: { id: '29:auth' },
      recipient: { id: '28:bot' },
    };
    const noToken = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    assert.equal(noToken.status, 401);
    const forged = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIxMTExIn0.' },
      body: JSON.stringify(activity),
    });
    assert.equal(forged.status, 401);
    assert.equal(bot.channel.connector.activities().length, 0);
  });
});

describe('the bot for one organization', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest({ env: { TEAMS_ALLOWED_TENANTS: 'c0ffee00-0000-4000-8000-000000000001' } });
  });

  after(async () => {
    await bot.close();
  });

  it('serves its own tenant and refuses another with 403', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    assert.equal((await chat.send('help')).status, 200);
    await chat.waitFor((event) => event.cards.length > 0);
    const foreign = {
      type: 'message',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: bot.channel.serviceUrl,
      conversation: { id: 'a:foreign', tenantId: 'deadbeef-0000-4000-8000-000000000002' },
      channelData: { tenant: { id: 'deadbeef-0000-4000-8000-000000000002' } },
      from: { id: '29:foreign' },
      recipient: { id: '28:bot' },
    };
    const response = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(foreign) });
    assert.equal(response.status, 403);
    assert.equal(bot.channel.connector.activities('a:foreign').length, 0);
  });
});

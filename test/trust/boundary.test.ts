import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** What issue 10 found at the HTTP boundary: each request here once crashed the bot or answered 500. */
describe('the HTTP boundary under hostile input', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest();
  });

  after(async () => {
    await bot.close();
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const activity = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    type: 'message',
    id: 'b1',
    text: 'help',
    channelId: 'msteams',
    serviceUrl: bot.channel.serviceUrl,
    conversation: { id: 'a:hostile', conversationType: 'personal' },
    from: { id: '29:hostile', name: 'Hostile' },
    recipient: { id: '28:bot', name: 'Bot' },
    ...overrides,
  });

  async function refusal(response: Response): Promise<{ status: number; message: string }> {
    const body = (await response.json()) as { message: string };
    return { status: response.status, message: body.message };
  }

  it('refuses a gzip body that is not gzip with 415, and stays up', async () => {
    const { status } = await refusal(await post(Buffer.from('definitely not gzip'), { 'content-encoding': 'gzip' }));
    assert.equal(status, 415);
    assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
  });

  it('refuses a decompression bomb without inflating it', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    const before = process.memoryUsage().rss;
    const response = await post(bomb, { 'content-encoding': 'gzip' });
    assert.equal(response.status, 415);
    assert.ok(process.memoryUsage().rss - before < 40 * 1024 * 1024, 'the body was inflated');
  });

  it('refuses deflate and br as well', async () => {
    for (const encoding of ['deflate', 'br', 'gzip, identity']) {
      assert.equal((await post(JSON.stringify(activity()), { 'content-encoding': encoding })).status, 415, encoding);
    }
  });

  it('refuses a body over 256 KB with 413, one claiming an encoding with 415, and a wrong Content-MD5 with 400', async () => {
    const big = JSON.stringify(activity({ text: 'x'.repeat(300 * 1024) }));
    assert.equal((await post(big)).status, 413);
    assert.equal((await post(JSON.stringify(activity()), { 'content-encoding': 'identity' })).status, 415);
    const body = JSON.stringify(activity());
    assert.equal((await post(body, { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' })).status, 400);
    const { createHash } = await import('node:crypto');
    assert.equal((await post(body, { 'content-md5': createHash('md5').update(body).digest('base64') })).status, 200);
    assert.equal((await post('')).status, 400);
    assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
  });

  it('does not echo a malformed body into the answer or the log', async () => {
    const secret = 'Sup3r-Secret-Password';
    const { status, message } = await refusal(await post(`{"password": "${secret}", `));
    assert.equal(status, 400);
    assert.equal(message, 'The body is not valid JSON.');
    assert.ok(!bot.logLines.join('').includes(secret));
  });

  const badShapes: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a missing channelId', { channelId: undefined }, /"channelId"/],
    ['a numeric channelId', { channelId: 42 }, /"channelId" must be a string, not a number/],
    ['a non-string locale', { locale: { en: true } }, /"locale"/],
    ['a non-array membersAdded', { type: 'conversationUpdate', membersAdded: { id: 'x' } }, /"membersAdded"/],
    ['a member without a string id', { type: 'conversationUpdate', membersAdded: [{ id: 7 }] }, /"membersAdded\.0\.id"/],
    ['a numeric from.id', { from: { id: 29 } }, /"from\.id"/],
    ['a non-string from.name', { from: { id: '29:x', name: ['x'] } }, /"from\.name"/],
    ['a non-string conversation.id', { conversation: { id: { nested: true } } }, /"conversation\.id"/],
    ['a non-string recipient.id', { recipient: { id: false } }, /"recipient\.id"/],
    ['a Teams messageUpdate without channelData', { type: 'messageUpdate', channelData: undefined }, /"channelData"/],
    ['a missing recipient', { recipient: undefined, type: 'conversationUpdate', membersAdded: [{ id: '29:x' }] }, /"recipient"/],
    ['an entity list that is an object', { entities: { type: 'mention' } }, /"entities"/],
    ['text longer than Teams allows', { text: 'create a meeting called '.padEnd(100_000, 'x') }, /"text" must be at most 28000/],
  ];
  for (const [what, overrides, reason] of badShapes) {
    it(`answers ${what} with 400 and the reason`, async () => {
      const { status, message } = await refusal(await post(JSON.stringify(activity(overrides))));
      assert.equal(status, 400);
      assert.match(message, reason);
    });
  }

  it('logged none of that as an error and is still healthy', async () => {
    assert.equal((await fetch(`${bot.app.url}/healthz`)).status, 200);
    const errors = bot.logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    assert.deepEqual(errors, []);
  });

  it('without MicrosoftAppId replies only to a serviceUrl on this machine', async () => {
    const { status, message } = await refusal(await post(JSON.stringify(activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }))));
    assert.equal(status, 403);
    assert.match(message, /only to a serviceUrl on this machine/);
  });
});

describe('a Bot Connector that never answers', () => {
  let bot: BotUnderTest;
  let blackHole: Server;
  const sockets = new Set<Socket>();

  before(async () => {
    bot = await startBotUnderTest({ env: { CONNECTOR_TIMEOUT_MS: '500' } });
    blackHole = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    await bot.close();
  });

  it('lets the turn end instead of holding the request', async function () {
    this.timeout(30_000);
    const address = blackHole.address() as { port: number };
    const response = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'silent-1',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: `http://127.0.0.1:${address.port}/`,
        conversation: { id: 'a:silent', conversationType: 'personal' },
        from: { id: '29:silent', name: 'Silent' },
        recipient: { id: '28:bot' },
      }),
    });
    assert.ok(response.status < 600);
    assert.ok(sockets.size > 0, 'the bot never called the connector');
  });
});

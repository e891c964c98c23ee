import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AppCredentials } from 'botframework-connector';
import jsonwebtoken from 'jsonwebtoken';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { botConnectorIssuer, LocalTokenIssuer, newKeyPair, nowSeconds, unsignedToken } from '../helpers/tokenIssuer.js';

const appId = '0b5e2c5d-4f1a-4c59-9d2e-7d0c6a1e9f01';
const appPassword = 'Local-App-Pass-77';

/**
 * The bot replies with a token it gets from Entra ID for its app id; a test must not reach Entra ID, so the token
 * is put where botframework-connector keeps tokens it already has (its process-wide cache).
 */
function seedOutboundToken(): void {
  const cache = (AppCredentials as unknown as { cache: Map<string, { accessToken: string; expiresOn: Date }> }).cache;
  cache.set(`${appId}https://api.botframework.com-cache`, { accessToken: 'outbound-test-token', expiresOn: new Date(Date.now() + 3_600_000) });
}

async function startAuthenticatedBot(issuer: LocalTokenIssuer): Promise<BotUnderTest> {
  seedOutboundToken();
  return startBotUnderTest({ env: { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, BOT_OPENID_METADATA_URL: issuer.metadataUrl } });
}

function activity(bot: BotUnderTest, conversationId: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${randomUUID()}`,
    text: 'help',
    channelId: 'msteams',
    serviceUrl: bot.channel.serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal' },
    from: { id: '29:auth-test', name: 'Auth Test' },
    recipient: { id: `28:${appId}`, name: 'Bot' },
  };
}

async function post(bot: BotUnderTest, body: Record<string, unknown>, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  return fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
}

function errorLines(bot: BotUnderTest): string[] {
  return bot.logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
}

async function replies(bot: BotUnderTest, conversationId: string): Promise<number> {
  // Bounded wait for the reply (a count of polls, not a time assertion).
  for (let attempt = 0; attempt < 200; attempt++) {
    const sent = bot.channel.connector.activities(conversationId).length;
    if (sent > 0) return sent;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return 0;
}

/** One forging key for the floods: what matters there is the random key id, and RSA key generation is slow. */
const floodKey = newKeyPair();
const randomKid = () => ({ ...floodKey, kid: randomUUID() });

describe('inbound authentication with real tokens', function () {
  this.timeout(30_000);
  let issuer: LocalTokenIssuer;
  let bot: BotUnderTest;

  // botframework-connector prints rejected tokens with console.error; the bot must refuse them before it does.
  const printed: unknown[][] = [];
  const originalConsoleError = console.error;

  before(async () => {
    issuer = await LocalTokenIssuer.start();
    bot = await startAuthenticatedBot(issuer);
    console.error = (...args: unknown[]) => printed.push(args);
  });

  after(async () => {
    console.error = originalConsoleError;
    await bot.close();
    await issuer.close();
  });

  it('accepts a token the Bot Connector would send, and the bot replies to the loopback serviceUrl', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    const alice = chat.members()[0]!;
    const body = { ...activity(bot, chat.id), from: { id: alice.id, name: alice.name, aadObjectId: alice.aadObjectId } };
    const response = await post(bot, body, `Bearer ${issuer.sign(appId, bot.channel.serviceUrl)}`);
    assert.equal(response.status, 200);
    assert.ok((await replies(bot, chat.id)) > 0, `the bot did not reply: ${bot.logLines.slice(-3).join('')}`);
    assert.deepEqual(errorLines(bot), []);
    assert.ok(issuer.requests.jwks >= 1, 'the keys did not come from the local JWKS');
  });

  const forgeries: Array<[string, (serviceUrl: string) => string | undefined]> = [
    ['a wrong audience', (serviceUrl) => `Bearer ${issuer.sign('another-app-id', serviceUrl)}`],
    ['an expired token', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, { exp: nowSeconds() - 3600, nbf: nowSeconds() - 7200 })}`],
    ['a token not valid yet', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, { nbf: nowSeconds() + 3600 })}`],
    ['a wrong issuer', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, { iss: 'https://api.botframework.com.evil.example' })}`],
    ['a bad signature (another RSA key, same kid)', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, {}, newKeyPair(issuer.teamsKey.kid))}`],
    ['an unknown kid', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, {}, newKeyPair())}`],
    ['a key endorsed for another channel', (serviceUrl) => `Bearer ${issuer.sign(appId, serviceUrl, {}, issuer.otherChannelKey)}`],
    ['a serviceUrl claim for another service', () => `Bearer ${issuer.sign(appId, 'http://127.0.0.1:9/elsewhere')}`],
    [
      'alg none',
      (serviceUrl) =>
        `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT', kid: issuer.teamsKey.kid }, { iss: botConnectorIssuer, aud: appId, serviceurl: serviceUrl, exp: nowSeconds() + 3600 })}`,
    ],
    [
      'HS256 signed with the app password',
      (serviceUrl) =>
        `Bearer ${jsonwebtoken.sign({ iss: botConnectorIssuer, aud: appId, serviceurl: serviceUrl }, appPassword, { algorithm: 'HS256', keyid: issuer.teamsKey.kid, expiresIn: 3600 })}`,
    ],
    ['a garbage string', () => 'Bearer not.a-jwt.at-all'],
    ['a token that is not base64', () => 'Bearer eyJ!!!.eyJ???.x'],
    ['another scheme', (serviceUrl) => `Basic ${issuer.sign(appId, serviceUrl)}`],
    ['no Authorization header', () => undefined],
  ];

  for (const [name, token] of forgeries) {
    it(`refuses ${name} with 401 and no error line`, async () => {
      const conversationId = `a:forged-${randomUUID()}`;
      const before = errorLines(bot).length;
      const printedBefore = printed.length;
      const response = await post(bot, activity(bot, conversationId), token(bot.channel.serviceUrl));
      assert.equal(response.status, 401, `${name}: ${await response.text()}`);
      assert.deepEqual(errorLines(bot).slice(before), []);
      assert.equal(printed.length - printedBefore, 0, 'printed to stderr');
      assert.equal(bot.channel.connector.activities(conversationId).length, 0);
    });
  }

  it('looks up unknown key ids at most once per few seconds, not once per forged token', async () => {
    const before = issuer.requests.jwks;
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(bot, activity(bot, 'a:flood'), `Bearer ${issuer.sign(appId, bot.channel.serviceUrl, {}, randomKid())}`)),
    );
    const elapsedMs = Date.now() - started;
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([401]));
    // A miss is remembered for 5 s: one download at most per 5 s window that the 50 requests spanned.
    assert.ok(issuer.requests.jwks - before <= 1 + Math.floor(elapsedMs / 5000), `${issuer.requests.jwks - before} JWKS downloads`);
    assert.deepEqual(errorLines(bot), []);
  });
});

describe('inbound authentication when the signing keys cannot be fetched', function () {
  this.timeout(30_000);
  let issuer: LocalTokenIssuer;
  let bot: BotUnderTest;

  before(async () => {
    issuer = await LocalTokenIssuer.start({ failWith: 500 });
    bot = await startAuthenticatedBot(issuer);
  });

  after(async () => {
    await bot.close();
    await issuer.close();
  });

  it('answers 503 with Retry-After, logs no error, and does not download once per request', async () => {
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(bot, activity(bot, 'a:keys-down'), `Bearer ${issuer.sign(appId, bot.channel.serviceUrl, {}, randomKid())}`)),
    );
    const elapsedMs = Date.now() - started;
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([503]));
    assert.ok(Number(responses[0]!.headers.get('retry-after')) >= 1);
    assert.ok(issuer.requests.metadata <= 1 + Math.floor(elapsedMs / 5000), `${issuer.requests.metadata} metadata downloads`);
    assert.deepEqual(errorLines(bot), []);
    assert.equal(bot.channel.connector.activities('a:keys-down').length, 0);
  });

  it('still refuses a token from a wrong issuer with 401: it needs no key to be refused', async () => {
    const response = await post(bot, activity(bot, 'a:keys-down'), `Bearer ${issuer.sign(appId, bot.channel.serviceUrl, { iss: 'https://evil.example' })}`);
    assert.equal(response.status, 401);
  });
});

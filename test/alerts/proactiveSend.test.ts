import assert from 'node:assert/strict';
import { MemoryStorage, type ConversationReference } from 'botbuilder';
import { createLogger } from '../../src/logging.js';
import { MeetingBotAdapter } from '../../src/teams/adapter.js';
import { createBotAuthentication } from '../../src/teams/authentication.js';
import { ConversationReferenceStore, type KeyedStorage } from '../../src/teams/conversationReferences.js';
import { MessageRejectedError, ProactiveMessenger, type ProactiveOptions } from '../../src/teams/proactive.js';
import { scriptedConnectorsPerTest } from '../helpers/scriptedConnector.js';

/** Counts turns started for sends: a proactive send or update must not build one. */
class CountingAdapter extends MeetingBotAdapter {
  turns = 0;
  override async continueConversationAsync(...args: Parameters<MeetingBotAdapter['continueConversationAsync']>): Promise<void> {
    this.turns += 1;
    return super.continueConversationAsync(...args);
  }
}

function messengerFor(timeoutMs: number, options: ProactiveOptions = {}): { messenger: ProactiveMessenger; adapter: CountingAdapter } {
  const logger = createLogger({ level: 'silent' });
  const adapter = new CountingAdapter(createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, timeoutMs));
  const storage = Object.assign(new MemoryStorage(), { keys: async () => [] as string[] }) as KeyedStorage;
  const messenger = new ProactiveMessenger(adapter, '', new ConversationReferenceStore(storage, logger), logger, { minRetryDelayMs: 10, ...options });
  return { messenger, adapter };
}

function referenceTo(serviceUrl: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    conversation: { id: 'a:chat-1', conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:bot', name: 'Meeting Ops' },
    user: { id: '29:alice', name: 'Alice Wood' },
  };
}

describe('proactive sends without a turn (ProactiveMessenger straight to the Bot Connector)', function () {
  this.timeout(20_000);
  const connector = scriptedConnectorsPerTest();

  it('sends to the conversation’s activities endpoint, addressed from the bot to the person, and updates in place, with no turn', async () => {
    const teams = await connector();
    const { messenger, adapter } = messengerFor(5_000);
    const id = await messenger.send(referenceTo(teams.url), { type: 'message', text: 'Dave is waiting', id: 'ignored' });
    await messenger.update(referenceTo(teams.url), id, { type: 'message', text: 'Dave was admitted' });
    assert.deepEqual(teams.received.map((request) => `${request.method} ${request.url}`), ['POST /v3/conversations/a%3Achat-1/activities', `PUT /v3/conversations/a%3Achat-1/activities/${id}`]);
    const [sent, updated] = teams.received.map((request) => request.body);
    assert.equal(id, 'm1');
    assert.deepEqual([sent!['text'], (sent!['from'] as { id: string }).id, (sent!['recipient'] as { id: string }).id, sent!['channelId'], sent!['serviceUrl'], sent!['locale']], ['Dave is waiting', '28:bot', '29:alice', 'msteams', teams.url, 'en-US']);
    assert.equal(sent!['id'], undefined, 'a caller’s id is not sent');
    assert.equal(sent!['replyToId'], undefined);
    assert.deepEqual([updated!['id'], updated!['text'], (updated!['conversation'] as { id: string }).id], [id, 'Dave was admitted', 'a:chat-1']);
    assert.equal(adapter.turns, 0);
  });

  it('goes through the connector client, and so through its proxy, when a *_PROXY variable names one', async () => {
    const teams = await connector();
    const proxy = await connector();
    const saved = process.env['HTTP_PROXY'];
    process.env['HTTP_PROXY'] = proxy.url;
    try {
      const { messenger } = messengerFor(5_000);
      assert.equal(await messenger.send(referenceTo(teams.url), { type: 'message', text: 'Dave is waiting' }), 'm1');
    } finally {
      if (saved === undefined) delete process.env['HTTP_PROXY'];
      else process.env['HTTP_PROXY'] = saved;
    }
    // A proxy is asked for the whole URL; the connector itself heard nothing.
    assert.deepEqual(proxy.received.map((request) => `${request.method} ${request.url}`), [`POST ${teams.url}v3/conversations/a%3Achat-1/activities`]);
    assert.equal(teams.received.length, 0);
  });

  it('waits as long as a 429’s Retry-After says, then sends once', async () => {
    const teams = await connector([{ status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled' } } }]);
    const { messenger } = messengerFor(5_000);
    assert.equal(await messenger.send(referenceTo(teams.url), { type: 'message', text: 'hello' }), 'm2');
    assert.equal(teams.received.length, 2);
    const waited = teams.received[1]!.at - teams.received[0]!.at;
    assert.ok(waited >= 900, `retried after ${waited} ms, before the second Retry-After asked for`);
  });

  it('gives up on a connector that does not answer within the connector timeout, and tries again', async () => {
    const teams = await connector(['hang']);
    const { messenger } = messengerFor(300, { retries: 1 });
    const started = Date.now();
    assert.equal(await messenger.send(referenceTo(teams.url), { type: 'message', text: 'hello' }), 'm2');
    assert.equal(teams.received.length, 2);
    assert.ok(Date.now() - started >= 280, 'the first attempt was given the connector timeout');
  });

  it('fails once the retries are spent on a connector that never answers', async () => {
    const teams = await connector(['hang', 'hang']);
    const { messenger } = messengerFor(200, { retries: 1 });
    await assert.rejects(messenger.send(referenceTo(teams.url), { type: 'message', text: 'hello' }));
    assert.equal(teams.received.length, 2);
  });

  it('refuses for good, sending nothing, a serviceUrl that inbound activities could not name (not on this machine without an app id; not http)', async () => {
    const { messenger } = messengerFor(5_000);
    for (const serviceUrl of ['https://smba.trafficmanager.net/emea/', 'ftp://127.0.0.1/', 'not a url']) {
      await assert.rejects(messenger.send(referenceTo(serviceUrl), { type: 'message', text: 'hello' }), (error: unknown) => {
        assert.ok(error instanceof MessageRejectedError, String(error));
        assert.equal(error.code, 'ServiceUrlNotAllowed');
        return true;
      });
      await assert.rejects(messenger.update(referenceTo(serviceUrl), 'm1', { type: 'message', text: 'hello' }), MessageRejectedError);
    }
  });

  it('refuses a remote serviceUrl when told to send on this machine only, and sends to loopback', async () => {
    const teams = await connector();
    const { messenger } = messengerFor(5_000, { loopbackServiceUrlsOnly: true });
    await assert.rejects(messenger.send(referenceTo('https://smba.trafficmanager.net/amer/'), { type: 'message', text: 'hello' }), MessageRejectedError);
    assert.equal(await messenger.send(referenceTo(teams.url), { type: 'message', text: 'hello' }), 'm1');
  });

  it("fanned out to many conversations, every conversation's first send reaches the connector before any second one", async () => {
    const teams = await connector();
    const { messenger } = messengerFor(5_000, { dispatch: { maxInFlight: 2 } });
    const to = (chat: number): Partial<ConversationReference> => ({ ...referenceTo(teams.url), conversation: { id: `a:chat-${chat}`, conversationType: 'personal', isGroup: false, name: '' } });
    const sends = [];
    for (let chat = 0; chat < 5; chat += 1) {
      for (let round = 1; round <= 3; round += 1) sends.push(messenger.send(to(chat), { type: 'message', text: `round ${round}` }));
    }
    await Promise.all(sends);
    const rounds = teams.received.map((request) => request.body['text']);
    assert.deepEqual(rounds, [...Array(5).fill('round 1'), ...Array(5).fill('round 2'), ...Array(5).fill('round 3')]);
  });

  it("paces sends by the tenant the reference names (Teams' limit per app per tenant), and counts a 429's retry as a send", async () => {
    // Its first request is refused: the retry is a second request in the tenant's window of 3.
    const teams = await connector([{ status: 429, body: { error: { code: 'Throttled' } } }]);
    // The windows' clock stands still until the test moves it, so what waits for the window waits for the test.
    let now = 0;
    const timers: Array<{ at: number; fire: () => void }> = [];
    // One call at a time, so the first send is the one the connector refuses.
    const { messenger } = messengerFor(5_000, {
      dispatch: { maxInFlight: 1 },
      throttle: {
        windows: [{ limit: 100, periodMs: 60_000 }],
        tenantWindows: [{ limit: 3, periodMs: 60_000 }],
        now: () => now,
        setTimer: (fire, ms) => {
          const timer = { at: now + ms, fire };
          timers.push(timer);
          return () => void timers.splice(timers.indexOf(timer), 1);
        },
      },
    });
    const to = (chat: number, tenantId: string | undefined): Partial<ConversationReference> => ({
      ...referenceTo(teams.url),
      conversation: { id: `a:chat-${chat}`, conversationType: 'personal', isGroup: false, name: '', tenantId },
    });
    const inTenant = [0, 1, 2].map((chat) => messenger.send(to(chat, 'tenant-1'), { type: 'message', text: `tenant ${chat}` }));
    assert.ok((await Promise.all(inTenant.slice(1))).every(Boolean));
    assert.ok(await messenger.send(to(3, undefined), { type: 'message', text: 'no tenant' }), 'a reference without a tenant is paced by its conversation only');
    // The three first requests filled the tenant's window; the refused one's retry waits for it to move on.
    for (let polls = 0; timers.length === 0 && polls < 400; polls += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const sentTexts = () => teams.received.map((request) => String(request.body['text'])).sort();
    assert.deepEqual(sentTexts(), ['no tenant', 'tenant 0', 'tenant 1', 'tenant 2']);
    now = 60_000;
    for (const timer of timers.splice(0)) timer.fire();
    assert.ok(await inTenant[0]);
    assert.deepEqual(sentTexts(), ['no tenant', 'tenant 0', 'tenant 0', 'tenant 1', 'tenant 2']);
  });
});

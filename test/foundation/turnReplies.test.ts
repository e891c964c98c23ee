import assert from 'node:assert/strict';
import { ActivityTypes, CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  MicrosoftAppCredentials,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import { MeetingBotAdapter } from '../../src/teams/adapter.js';
import { ConnectorCallError } from '../../src/teams/activityCalls.js';
import { createBotAuthentication } from '../../src/teams/authentication.js';
import { statusOf } from '../../src/teams/proactive.js';
import { scriptedConnectorsPerTest } from '../helpers/scriptedConnector.js';

/** botframework-connector's own app credentials, signing as they do; only the token request is replaced. */
class FixedTokenCredentials extends MicrosoftAppCredentials {
  override async getToken(): Promise<string> {
    return 'turn-token';
  }
}

/** Connector clients as a channel's turn gets them, counting the calls made through the client itself. */
class CountingFactory extends ConnectorFactory {
  readonly clientCalls: string[] = [];

  override async create(serviceUrl: string): Promise<ConnectorClient> {
    const client = new ConnectorClient(new FixedTokenCredentials('00000000-0000-0000-0000-00000000a11c', 'secret'), { baseUri: serviceUrl });
    for (const name of ['sendToConversation', 'replyToActivity', 'updateActivity'] as const) {
      const original = client.conversations[name].bind(client.conversations) as (...args: unknown[]) => Promise<unknown>;
      (client.conversations as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        this.clientCalls.push(name);
        return original(...args);
      };
    }
    return client;
  }
}

/** The adapter with a turn run as CloudAdapter runs an authenticated one (the token check itself is not the point). */
class TurnAdapter extends MeetingBotAdapter {
  readonly factory = new CountingFactory();
  turnErrors: unknown[] = [];

  constructor(authentication: BotFrameworkAuthentication) {
    super(authentication);
    this.onTurnError = async (_context, error) => {
      this.turnErrors.push(error);
    };
  }

  run(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const claims = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: '00000000-0000-0000-0000-00000000a11c' }], true);
    const result: AuthenticateRequestResult = { claimsIdentity: claims, connectorFactory: this.factory, audience: AuthenticationConstants.ToChannelFromBotOAuthScope, callerId: '' };
    return this.processActivity(result, activity as Activity, logic);
  }
}

function incoming(serviceUrl: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: 'in-1',
    text: 'help',
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    conversation: { id: 'a:chat-1', conversationType: 'personal', isGroup: false, name: '' },
    from: { id: '29:alice', name: 'Alice Wood' },
    recipient: { id: '28:bot', name: 'Meeting Ops' },
    ...overrides,
  };
}

/** The adapter the app builds (a connector deadline), or botbuilder's own authentication (no deadline). */
function adapterWith(deadlineMs?: number): TurnAdapter {
  const authentication = deadlineMs === undefined ? new ConfigurationBotFrameworkAuthentication({}) : createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, deadlineMs);
  return new TurnAdapter(authentication);
}

/** A reply with the parts of the Activity schema the bot's replies use. */
function cardReply(): Partial<Activity> {
  const reply = MessageFactory.attachment(
    CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Dave is waiting', wrap: true }], actions: [{ type: 'Action.Submit', title: 'Admit', data: { verb: 'admit', n: 1 } }] }),
    'Dave is waiting',
  );
  reply.entities = [{ type: 'mention', mentioned: { id: '29:alice', name: 'Alice Wood' }, text: '<at>Alice Wood</at>' }];
  reply.channelData = { notification: { alert: true } };
  reply.summary = 'lobby';
  reply.textFormat = 'markdown';
  reply.suggestedActions = { to: ['29:alice'], actions: [{ type: 'imBack', title: 'help', value: 'help' }] };
  return reply;
}

describe('turn replies on the plain path (MeetingBotAdapter.sendActivities / updateActivity)', function () {
  this.timeout(20_000);
  const connector = scriptedConnectorsPerTest();

  it('replies to the incoming activity with a plain request signed by the turn’s client credentials, not through the client', async () => {
    const teams = await connector();
    const adapter = adapterWith(5_000);
    let reply: { id: string } | undefined;
    await adapter.run(incoming(teams.url), async (context) => {
      reply = await context.sendActivity('Here is what I can do');
    });
    assert.deepEqual(adapter.turnErrors, []);
    assert.deepEqual(teams.received.map((request) => `${request.method} ${request.url}`), ['POST /v3/conversations/a%3Achat-1/activities/in-1']);
    const [request] = teams.received;
    assert.equal(request!.headers.authorization, 'Bearer turn-token');
    assert.equal(request!.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual([request!.body['text'], request!.body['replyToId'], (request!.body['from'] as { id: string }).id, (request!.body['recipient'] as { id: string }).id], ['Here is what I can do', 'in-1', '28:bot', '29:alice']);
    assert.equal(reply?.id, 'm1', 'the connector’s id is the reply’s');
    assert.deepEqual(adapter.factory.clientCalls, []);
  });

  it('sends to the conversation itself when the activity replies to nothing, and updates in place', async () => {
    const teams = await connector();
    const adapter = adapterWith(5_000);
    let updated: { id: string } | void = undefined;
    await adapter.run(incoming(teams.url), async (context) => {
      // TurnContext addresses every send as a reply; the adapter is given one that is not (a turn in a stored conversation).
      const [sent] = await adapter.sendActivities(context, [{ ...MessageFactory.text('Dave is waiting'), conversation: context.activity.conversation }]);
      updated = await context.updateActivity({ ...MessageFactory.text('Dave was admitted'), id: sent!.id, conversation: context.activity.conversation });
    });
    assert.deepEqual(adapter.turnErrors, []);
    assert.deepEqual(teams.received.map((request) => `${request.method} ${request.url}`), ['POST /v3/conversations/a%3Achat-1/activities', 'PUT /v3/conversations/a%3Achat-1/activities/m1']);
    assert.equal(teams.received[1]!.headers.authorization, 'Bearer turn-token');
    assert.equal(teams.received[1]!.body['text'], 'Dave was admitted');
    assert.deepEqual(updated, { id: 'm2' });
    assert.deepEqual(adapter.factory.clientCalls, []);
  });

  it('sends the same JSON the connector client sends, for every part of the schema a reply uses', async () => {
    const plain = await connector();
    const stock = await connector();
    await adapterWith(5_000).run(incoming(plain.url), async (context) => {
      await context.sendActivity(cardReply());
    });
    const stockAdapter = adapterWith();
    await stockAdapter.run(incoming(stock.url), async (context) => {
      await context.sendActivity(cardReply());
    });
    assert.deepEqual(stockAdapter.factory.clientCalls, ['replyToActivity']);
    const withoutServiceUrl = (body: Record<string, unknown>) => ({ ...body, serviceUrl: undefined });
    assert.deepEqual(withoutServiceUrl(plain.received[0]!.body), withoutServiceUrl(stock.received[0]!.body));
    assert.equal(plain.received[0]!.url, stock.received[0]!.url);
  });

  it('keeps an invoke response in-band, sends no trace, and waits out a delay, as CloudAdapter does', async () => {
    const teams = await connector();
    const adapter = adapterWith(5_000);
    const answer = await adapter.run(incoming(teams.url, { type: ActivityTypes.Invoke, name: 'adaptiveCard/action', text: undefined }), async (context) => {
      const responses = await context.sendActivities([
        { type: ActivityTypes.Trace, name: 'debug', value: 'x' },
        { type: 'delay', value: 1 },
        { type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} } } },
      ]);
      assert.deepEqual(responses, [{ id: '' }, { id: '' }, { id: '' }]);
    });
    assert.deepEqual(adapter.turnErrors, []);
    assert.equal(answer?.status, 200);
    assert.deepEqual(answer?.body, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} });
    assert.equal(teams.received.length, 0, 'nothing went to the connector');
  });

  it('goes through the turn’s connector client, and so through its proxy, when a *_PROXY variable names one', async () => {
    const teams = await connector();
    const proxy = await connector();
    const saved = process.env['HTTP_PROXY'];
    process.env['HTTP_PROXY'] = proxy.url;
    const adapter = adapterWith(5_000);
    try {
      await adapter.run(incoming(teams.url), async (context) => {
        await context.sendActivity('hello');
      });
    } finally {
      if (saved === undefined) delete process.env['HTTP_PROXY'];
      else process.env['HTTP_PROXY'] = saved;
    }
    assert.deepEqual(adapter.turnErrors, []);
    assert.deepEqual(adapter.factory.clientCalls, ['replyToActivity']);
    assert.deepEqual(proxy.received.map((request) => `${request.method} ${request.url}`), [`POST ${teams.url}v3/conversations/a%3Achat-1/activities/in-1`]);
    assert.equal(teams.received.length, 0);
  });

  it('goes through the turn’s connector client when the authentication sets no deadline', async () => {
    const teams = await connector();
    const adapter = adapterWith();
    await adapter.run(incoming(teams.url), async (context) => {
      await context.sendActivity('hello');
      await context.updateActivity({ ...MessageFactory.text('hello again'), id: 'm1', conversation: context.activity.conversation });
    });
    assert.deepEqual(adapter.turnErrors, []);
    assert.deepEqual(adapter.factory.clientCalls, ['replyToActivity', 'updateActivity']);
    assert.equal(teams.received.length, 2);
  });

  it('hands a refusal to onTurnError with the status, headers and body the app classifies by', async () => {
    const teams = await connector([{ status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'not a member' } } }]);
    const adapter = adapterWith(5_000);
    await adapter.run(incoming(teams.url), async (context) => {
      await context.sendActivity('hello');
    });
    assert.equal(adapter.turnErrors.length, 1);
    const [error] = adapter.turnErrors;
    assert.ok(error instanceof ConnectorCallError, String(error));
    assert.equal(statusOf(error), 403, 'read as a refusal by the connector (a warning, not an error line)');
    assert.match(error.response.bodyAsText, /BotNotInConversationRoster/u);
  });

  it('fails a reply the connector does not answer within the deadline, and an update the same way', async () => {
    const teams = await connector(['hang', 'hang']);
    const adapter = adapterWith(200);
    const failures: unknown[] = [];
    await adapter.run(incoming(teams.url), async (context) => {
      await context.sendActivity('hello').catch((error: unknown) => failures.push(error));
      await context.updateActivity({ ...MessageFactory.text('hello'), id: 'm1', conversation: context.activity.conversation }).catch((error: unknown) => failures.push(error));
    });
    assert.deepEqual(adapter.turnErrors, []);
    assert.deepEqual(failures.map((error) => (error as Error).name), ['TimeoutError', 'TimeoutError']);
    assert.equal(teams.received.length, 2);
  });
});

import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { MicrosoftAppCredentials, type ConnectorClient } from 'botframework-connector';
import type { Exchange, ExchangeRequest, ExchangeResponse } from '../../src/http/exchange.js';
import { ConnectorCallError, restActivityCalls } from '../../src/teams/activityCalls.js';

type Credentials = ConnectorClient['credentials'];

/** Credentials that sign as botframework-connector's do: one header set on the request, or nothing (no app id). */
function credentials(token?: string): Credentials {
  return {
    async signRequest(request) {
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}

/** An exchange that records each request and answers from a script (then 201 with an id). */
function recording(answers: ExchangeResponse[] = []): { exchange: Exchange; requests: ExchangeRequest[] } {
  const requests: ExchangeRequest[] = [];
  const exchange: Exchange = async (request) => {
    requests.push(request);
    return answers.shift() ?? { status: 201, headers: { get: () => null }, body: '{"id":"m7"}' };
  };
  return { exchange, requests };
}

const activity = { type: 'message', text: 'Dave is waiting', conversation: { id: 'a:chat-1' } } as Activity;

describe('Bot Connector activity calls without the connector client', () => {
  it('posts a send to the conversation’s activities endpoint under the serviceUrl’s path, and returns the id given', async () => {
    const { exchange, requests } = recording();
    const calls = restActivityCalls('https://smba.trafficmanager.net/emea/', credentials(), 1_500, exchange);
    assert.equal(await calls.send('19:abc@thread.v2;messageid=1', activity), 'm7');
    const [request] = requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url.href, 'https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D1/activities');
    assert.deepEqual(JSON.parse(request!.body!), activity);
    assert.equal(request!.headers['Content-Type'], 'application/json; charset=utf-8');
    assert.equal(request!.timeoutMs, 1_500, 'within the connector deadline');
    assert.equal(request!.headers['Authorization'], undefined, 'no token for a bot without an app id');
  });

  it('puts an update to the activity, and signs every call with the credentials’ token', async () => {
    const { exchange, requests } = recording([{ status: 200, headers: { get: () => null }, body: '{"id":"m1"}' }]);
    const calls = restActivityCalls('http://127.0.0.1:3978', credentials('t0k3n'), 15_000, exchange);
    await calls.update('a:chat-1', 'm1', activity);
    assert.equal(requests[0]!.method, 'PUT');
    assert.equal(requests[0]!.url.href, 'http://127.0.0.1:3978/v3/conversations/a%3Achat-1/activities/m1');
    assert.equal(requests[0]!.headers['Authorization'], 'Bearer t0k3n');
  });

  it('signs through botframework-connector’s own app credentials', async () => {
    // Its signRequest as it is; only the token request (to login.microsoftonline.com) is replaced.
    class FixedTokenCredentials extends MicrosoftAppCredentials {
      override async getToken(): Promise<string> {
        return 'cached-token';
      }
    }
    const { exchange, requests } = recording();
    await restActivityCalls('http://127.0.0.1:3978/', new FixedTokenCredentials('00000000-0000-0000-0000-00000000a11c', 'secret'), 15_000, exchange).send('a:chat-1', activity);
    assert.equal(requests[0]!.headers['Authorization'], 'Bearer cached-token');
  });

  it('returns no id for an answer without one, as the client did', async () => {
    const { exchange } = recording([
      { status: 201, headers: { get: () => null }, body: '' },
      { status: 202, headers: { get: () => null }, body: '{}' },
    ]);
    const calls = restActivityCalls('http://127.0.0.1:3978/', credentials(), 15_000, exchange);
    assert.equal(await calls.send('a:chat-1', activity), '');
    assert.equal(await calls.send('a:chat-1', activity), '');
  });

  it('fails with the status, the headers and the body of any other answer, where the messenger reads them', async () => {
    const { exchange } = recording([{ status: 429, headers: { get: (name) => (name === 'retry-after' ? '3' : null) }, body: '{"error":{"code":"Throttled"}}' }]);
    const calls = restActivityCalls('http://127.0.0.1:3978/', credentials(), 15_000, exchange);
    await assert.rejects(calls.send('a:chat-1', activity), (error: unknown) => {
      assert.ok(error instanceof ConnectorCallError);
      assert.equal(error.statusCode, 429);
      assert.equal(error.response.headers.get('retry-after'), '3');
      assert.equal(error.response.bodyAsText, '{"error":{"code":"Throttled"}}');
      return true;
    });
  });
});

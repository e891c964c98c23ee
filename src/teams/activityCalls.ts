import type { Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Exchange, ResponseHeaders } from '../http/exchange.js';

/**
 * The Bot Connector calls the bot's messages take: send to a conversation, reply to one of its activities (a turn's
 * reply), update one of its activities. Each returns the id the connector answered with ('' when it gave none).
 */
export interface ActivityCalls {
  send(conversationId: string, activity: Activity): Promise<string>;
  reply(conversationId: string, replyToId: string, activity: Activity): Promise<string>;
  update(conversationId: string, activityId: string, activity: Activity): Promise<string>;
}

/**
 * A Bot Connector answer other than 2xx, shaped where ProactiveMessenger reads the connector client's RestError
 * (statusCode, response.headers.get, response.bodyAsText), so both paths classify alike.
 */
export class ConnectorCallError extends Error {
  readonly response: { headers: ResponseHeaders; bodyAsText: string };

  constructor(readonly statusCode: number, headers: ResponseHeaders, body: string) {
    super(`Bot Connector answered ${statusCode}`);
    this.name = 'ConnectorCallError';
    this.response = { headers, bodyAsText: body };
  }
}

type Credentials = ConnectorClient['credentials'];
type SignedRequest = Parameters<Credentials['signRequest']>[0];

/**
 * The calls as plain HTTP requests through the given exchange (the adapter gives the lean keep-alive client of
 * leanHttp.ts, for a turn's replies and for proactive sends and updates alike). Through the connector client each
 * call ran its request pipeline (core-client's serializer walking the Activity mapper over the whole card, tracing,
 * request ids, four policy layers): ~0.6 ms of the bot's CPU per send against ~0.2 ms for the request itself, and
 * in a fan-out that CPU is what delays each conversation's first sends and so its windows (bench line 4). The
 * client's credentials still sign each request, so tokens are fetched and cached by botframework-connector.
 */
export function restActivityCalls(serviceUrl: string, credentials: Credentials, timeoutMs: number, exchange: Exchange): ActivityCalls {
  const base = serviceUrl.replace(/\/+$/u, '');
  const call = async (method: 'POST' | 'PUT', path: string, activity: Activity): Promise<string> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json', 'User-Agent': 'MeetingOpsBot' };
    const authorization = await authorizationFrom(credentials);
    if (authorization) headers.Authorization = authorization;
    const answer = await exchange({ method, url: new URL(`${base}${path}`), headers, body: JSON.stringify(activity), timeoutMs, maxBytes: MAX_ANSWER_BYTES });
    if (answer.status < 200 || answer.status > 299) throw new ConnectorCallError(answer.status, answer.headers, answer.body);
    return idIn(answer.body);
  };
  const activities = (conversationId: string) => `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  const one = (conversationId: string, activityId: string) => `${activities(conversationId)}/${encodeURIComponent(activityId)}`;
  return {
    send: (conversationId, activity) => call('POST', activities(conversationId), activity),
    reply: (conversationId, replyToId, activity) => call('POST', one(conversationId, replyToId), activity),
    update: (conversationId, activityId, activity) => call('PUT', one(conversationId, activityId), activity),
  };
}

/** The same calls through botframework-connector's client (when requests must take its proxy settings). */
export function clientActivityCalls(client: ConnectorClient): ActivityCalls {
  return {
    send: async (conversationId, activity) => (await client.conversations.sendToConversation(conversationId, activity))?.id ?? '',
    reply: async (conversationId, replyToId, activity) => (await client.conversations.replyToActivity(conversationId, replyToId, activity))?.id ?? '',
    update: async (conversationId, activityId, activity) => (await client.conversations.updateActivity(conversationId, activityId, activity))?.id ?? '',
  };
}

/** A ResourceResponse is a few dozen bytes; anything near this is not one. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * The Authorization header the client's credentials would add (none for a bot without an app id). signRequest
 * only sets that one header on the request it is given, so a request with nothing but a header setter serves.
 */
async function authorizationFrom(credentials: Credentials): Promise<string | undefined> {
  let authorization: string | undefined;
  const headers = {
    set(name: string, value: string): void {
      if (name.toLowerCase() === 'authorization') authorization = value;
    },
  };
  await credentials.signRequest({ headers } as unknown as SignedRequest);
  return authorization;
}

/** The id of a ResourceResponse (`{ "id": "..." }`); '' for an empty or other answer, as the client gave. */
function idIn(body: string): string {
  if (!body.trimStart().startsWith('{')) return '';
  try {
    const id = (JSON.parse(body) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : '';
  } catch {
    return '';
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityTypes, Channels, CloudAdapter, INVOKE_RESPONSE_KEY, type Activity, type InvokeResponse, type ResourceResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { leanHttpExchange } from '../http/leanHttp.js';
import { clientActivityCalls, restActivityCalls, type ActivityCalls } from './activityCalls.js';
import { classifyAuthenticationError, InboundAuthenticationError } from './authentication.js';
import { DeadlineBotFrameworkAuthentication } from './connectorTimeout.js';

/**
 * CloudAdapter with its activity processing opened up to the HTTP layer: `process()` prints every failure (a
 * wrong token included) to stderr and echoes error text to the caller, so the server validates and answers itself.
 */
export class MeetingBotAdapter extends CloudAdapter {
  /**
   * Authenticates, then runs the turn. Authentication is its own step so that only its failures can be read as
   * "not authenticated" (`InboundAuthenticationError`); anything thrown later is an internal error.
   */
  async handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const dated = withDates(activity);
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.botFrameworkAuthentication.authenticateRequest(dated, authorization);
    } catch (error) {
      const failure = classifyAuthenticationError(error);
      if (failure) throw new InboundAuthenticationError(failure);
      throw error;
    }
    return this.processActivity(authenticated, dated, logic);
  }

  private readonly proactiveFactories = new Map<string, ConnectorFactory>();

  /**
   * A Bot Connector client for a send the bot starts itself, without a turn: from the same authentication and
   * connector factory `continueConversationAsync` uses for `botAppId` (so the same credentials, audience, deadline
   * and cached clients), without building the turn (context, claims, middleware) around one call.
   */
  proactiveClient(botAppId: string, serviceUrl: string): Promise<ConnectorClient> {
    let factory = this.proactiveFactories.get(botAppId);
    if (!factory) {
      factory = this.botFrameworkAuthentication.createConnectorFactory(this.createClaimsIdentity(botAppId));
      this.proactiveFactories.set(botAppId, factory);
    }
    // No audience, as continueConversationAsync passes none: the factory's own (the channel's OAuth scope).
    return factory.create(serviceUrl);
  }

  // Read once: environment lookups were ~50 µs a send.
  private readonly viaProxy = proxyConfigured();

  /**
   * Sends and updates for the bot's own messages to `serviceUrl`: plain HTTP requests signed with the proactive
   * client's credentials (activityCalls.ts says why), within the authentication's connector deadline. Through the
   * client itself when requests must go through a proxy (its pipeline reads the *_PROXY variables; node:http does
   * not) or the authentication sets no deadline. They go over the lean client (leanHttp.ts), as a turn's replies do:
   * a fan-out's first sends run cold, and their CPU sets when the conversations' rate windows open; node's client
   * was also most of a warm turn reply's CPU outside the socket (BENCHMARKS.md, "7 December, third pass on line 1").
   */
  async proactiveCalls(botAppId: string, serviceUrl: string): Promise<ActivityCalls> {
    const client = await this.proactiveClient(botAppId, serviceUrl);
    return this.plainCalls(client, serviceUrl) ?? clientActivityCalls(client);
  }

  /** The plain calls for `client`'s messages to `serviceUrl`, or none when the client must make them (see above). */
  private plainCalls(client: ConnectorClient, serviceUrl: string): ActivityCalls | undefined {
    const authentication = this.botFrameworkAuthentication;
    if (!(authentication instanceof DeadlineBotFrameworkAuthentication) || this.viaProxy) return undefined;
    return restActivityCalls(serviceUrl, client.credentials, authentication.timeoutMs, leanHttpExchange);
  }

  // One set of plain calls per cached connector client (clients are cached per service URL, so per turn only a lookup).
  private readonly turnCallsByClient = new WeakMap<ConnectorClient, { serviceUrl: string; calls: ActivityCalls }>();

  /**
   * The plain calls for a turn's replies: signed with the credentials of the connector client the turn was given
   * (CloudAdapter made it for the activity's serviceUrl), or none where CloudAdapter's own path must run (no client
   * on the turn, a proxy, no deadline).
   */
  private turnCalls(context: TurnContext | undefined): ActivityCalls | undefined {
    const client = context?.turnState.get<ConnectorClient | undefined>(this.ConnectorClientKey);
    const serviceUrl = context?.activity.serviceUrl;
    if (!client || !serviceUrl) return undefined;
    const known = this.turnCallsByClient.get(client);
    if (known?.serviceUrl === serviceUrl) return known.calls;
    const calls = this.plainCalls(client, serviceUrl);
    if (calls) this.turnCallsByClient.set(client, { serviceUrl, calls });
    return calls;
  }

  /**
   * A turn's sends, as CloudAdapterBase.sendActivities makes them, but each reply as a plain request (activityCalls.ts
   * says why: the connector client's pipeline was most of a send's CPU outside the socket). The activity's JSON is
   * what the client would send for every field of the Activity schema; a field outside the schema, which the
   * client's serializer drops, is sent as it is.
   */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const calls = this.turnCalls(context);
    if (!calls || !activities?.length) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      delete activity.id;
      responses.push({ id: await sendInTurn(context, calls, activity) });
    }
    return responses;
  }

  /** A turn's update (a card replaced after a press, say) as a plain request, as sendActivities' replies. */
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const calls = this.turnCalls(context);
    if (!calls || !activity) return super.updateActivity(context, activity);
    if (!activity.id) throw new TypeError('the activity to update has no id');
    const id = await calls.update(conversationIdOf(activity), activity.id, activity as Activity);
    return id ? { id } : undefined;
  }
}

/**
 * One activity of a turn's sends, with CloudAdapterBase's special cases: a delay waits, an invoke response is kept
 * for the HTTP answer (so a card action's answer stays in-band), a trace goes only to the Emulator. Returns the
 * connector's id ('' for the rest, as CloudAdapterBase answers them).
 */
async function sendInTurn(context: TurnContext, calls: ActivityCalls, activity: Partial<Activity>): Promise<string> {
  if (activity.type === 'delay') {
    await sleep(typeof activity.value === 'number' ? activity.value : 1000);
    return '';
  }
  if (activity.type === ActivityTypes.InvokeResponse) {
    context.turnState.set(INVOKE_RESPONSE_KEY, activity);
    return '';
  }
  if (activity.type === ActivityTypes.Trace && activity.channelId !== Channels.Emulator) return '';
  const conversationId = conversationIdOf(activity);
  return activity.replyToId ? calls.reply(conversationId, activity.replyToId, activity as Activity) : calls.send(conversationId, activity as Activity);
}

/** CloudAdapterBase reads `activity.conversation.id` unguarded; a send with no conversation fails here as there. */
function conversationIdOf(activity: Partial<Activity>): string {
  const id = activity.conversation?.id;
  if (!id) throw new TypeError('the activity names no conversation');
  return id;
}

/** What the connector client's proxy policy reads (either case), so a proxied deployment keeps its proxy. */
function proxyConfigured(): boolean {
  return ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'].some((name) => Boolean(process.env[name] || process.env[name.toLowerCase()]));
}

/** The Bot Framework sends timestamps as strings; botbuilder expects Dates and the raw text alongside. */
function withDates(activity: Activity): Activity {
  const fixed = activity as Activity & Record<string, unknown>;
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = fixed[field];
    if (typeof value !== 'string') continue;
    const raw = `raw${field[0]!.toUpperCase()}${field.slice(1)}`;
    fixed[raw] = value;
    fixed[field] = new Date(value);
  }
  return fixed;
}

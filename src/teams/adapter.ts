import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, ConnectorClient, ConnectorFactory } from 'botframework-connector';
import { nodeHttpExchange } from '../http/nodeHttp.js';
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
   * not) or the authentication sets no deadline.
   */
  async proactiveCalls(botAppId: string, serviceUrl: string): Promise<ActivityCalls> {
    const client = await this.proactiveClient(botAppId, serviceUrl);
    const authentication = this.botFrameworkAuthentication;
    if (!(authentication instanceof DeadlineBotFrameworkAuthentication) || this.viaProxy) return clientActivityCalls(client);
    return restActivityCalls(serviceUrl, client.credentials, authentication.timeoutMs, nodeHttpExchange);
  }
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

import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClientOptions,
} from 'botframework-connector';

type ConfigurationOptions = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0];
type RequestPolicyFactory = Extract<NonNullable<ConnectorClientOptions['requestPolicyFactories']>, unknown[]>[number];

/**
 * Bot Framework authentication whose Bot Connector clients give up after `timeoutMs`. The connector client waits
 * forever by default: a serviceUrl that accepts and never answers held a turn (and the HTTP request carrying it)
 * for minutes. botbuilder's connector factory replaces any request policies passed in its options, so the
 * clients it makes are rebuilt here with the same credentials and a deadline policy.
 */
export class DeadlineBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationOptions,
    private readonly timeoutMs: number,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withDeadline(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withDeadline(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  private readonly clients = new ClientCache();

  private withDeadline(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new DeadlineConnectorFactory(result.connectorFactory, this.timeoutMs, this.clients) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new DeadlineConnectorFactory(super.createConnectorFactory(claimsIdentity), this.timeoutMs, this.clients);
  }
}

/** What botbuilder's ConnectorFactoryImpl builds a client from (its fields, read to key the cache). */
interface FactoryFields {
  appId?: string;
  toChannelFromBotOAuthScope?: string;
  loginEndpoint?: string;
}

/**
 * Connector clients by service URL, audience and bot identity. Building one per turn (botbuilder's and then ours)
 * was the bench's per-send cost (line 4's profile: client and pipeline construction, Sanitizer); a client holds no
 * per-conversation state and its credentials cache their own token, so one per key serves every turn. Bounded:
 * Teams uses a handful of service URLs, and the oldest goes first when there are more.
 */
class ClientCache {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  get(key: string, build: () => Promise<ConnectorClient>): Promise<ConnectorClient> {
    const cached = this.clients.get(key);
    if (cached) return cached;
    const client = build();
    this.clients.set(key, client);
    client.catch(() => this.clients.delete(key));
    if (this.clients.size > 64) this.clients.delete(this.clients.keys().next().value!);
    return client;
  }
}

class DeadlineConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
    private readonly clients: ClientCache,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const fields = this.inner as unknown as FactoryFields;
    // Without the fields that say whose client it is (another botbuilder's factory), nothing is shared.
    if (typeof fields.toChannelFromBotOAuthScope !== 'string') return this.build(serviceUrl, audience);
    const key = [serviceUrl, audience ?? fields.toChannelFromBotOAuthScope, fields.appId ?? '', fields.loginEndpoint ?? ''].join('\n');
    return this.clients.get(key, () => this.build(serviceUrl, audience));
  }

  private async build(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    return new ConnectorClient(client.credentials, {
      baseUri: serviceUrl,
      userAgent: 'MeetingOpsBot',
      requestPolicyFactories: [acceptAnything, deadline(this.timeoutMs)],
    });
  }
}

/** What botbuilder's own factory adds: some connectors refuse a request without an Accept header. */
const acceptAnything: RequestPolicyFactory = {
  create: (next) => ({
    sendRequest(request) {
      if (!request.headers.contains('accept')) request.headers.set('accept', '*/*');
      return next.sendRequest(request);
    },
  }),
};

function deadline(timeoutMs: number): RequestPolicyFactory {
  return {
    create: (next) => ({
      sendRequest(request) {
        if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
        return next.sendRequest(request);
      },
    }),
  };
}

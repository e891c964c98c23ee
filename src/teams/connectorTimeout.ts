import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorClient,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClientOptions,
  type UserTokenClient,
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
    /** How long a Bot Connector call may take, answer included. */
    readonly timeoutMs: number,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withDeadline(await super.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withDeadline(await super.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  private readonly clients = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();

  /**
   * CloudAdapter asks for a user token client on every turn (for OAuth prompts, which this bot does not use) and
   * botbuilder built a new one each time: a token API client with its whole request pipeline, ~4 % of a "help"
   * turn's CPU. Like a connector client it holds only its app's credentials, so one per app id serves every turn.
   */
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // The app id botbuilder builds it for: the audience of a channel's token, the appid claim of an emulator's.
    const appId = claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    return this.userTokenClients.get(appId, () => super.createUserTokenClient(claimsIdentity));
  }

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
 * Clients by what they are built for (connector clients by service URL, audience and bot identity; user token
 * clients by app id). Building one per turn (botbuilder's and then ours) was the bench's per-send cost (line 4's
 * profile: client and pipeline construction, Sanitizer); a client holds no per-conversation state and its
 * credentials cache their own token, so one per key serves every turn. Bounded: Teams uses a handful of service
 * URLs, and the oldest goes first when there are more.
 */
class ClientCache<Client> {
  private readonly clients = new Map<string, Promise<Client>>();

  get(key: string, build: () => Promise<Client>): Promise<Client> {
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
    private readonly clients: ClientCache<ConnectorClient>,
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

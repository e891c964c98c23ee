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

  private withDeadline(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new DeadlineConnectorFactory(result.connectorFactory, this.timeoutMs) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new DeadlineConnectorFactory(super.createConnectorFactory(claimsIdentity), this.timeoutMs);
  }
}

class DeadlineConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
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

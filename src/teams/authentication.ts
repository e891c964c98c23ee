import { CallerIdConstants, StatusCodes, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  EndorsementsValidator,
  ToBotFromBotOrEmulatorTokenValidationParameters,
  type AuthenticateRequestResult,
} from 'botframework-connector';
import jsonwebtoken from 'jsonwebtoken';
import type { BotIdentity } from '../config.js';
import { DeadlineBotFrameworkAuthentication } from './connectorTimeout.js';
import { installSigningKeySource, SigningKeySource, SigningKeysUnavailableError } from './signingKeys.js';

/**
 * Inbound Bot Framework authentication: botbuilder's own validators, with the signing keys coming from
 * `SigningKeySource` (bounded, cached failures) and, when `openIdMetadataUrl` is set, from that document instead of
 * Microsoft's (tests with locally signed tokens; a private cloud).
 */
export function createBotAuthentication(bot: BotIdentity, connectorTimeoutMs: number): DeadlineBotFrameworkAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId ?? '',
  };
  const metadataUrls = bot.openIdMetadataUrl
    ? { channel: bot.openIdMetadataUrl, emulator: bot.openIdMetadataUrl }
    : { channel: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, emulator: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl };
  if (bot.openIdMetadataUrl) {
    // Setting any one endpoint makes botbuilder take every endpoint from this object, so all of them are given: the
    // public cloud's, except where keys come from. Emulator and skill tokens use the same document, so a test never
    // sends a key lookup off this machine.
    Object.assign(options, {
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrls.channel,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrls.emulator,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ValidateAuthority: true,
    });
  }
  if (!bot.appId) return new DeadlineBotFrameworkAuthentication(options, connectorTimeoutMs);
  const channelKeys = new SigningKeySource(metadataUrls.channel);
  const emulatorKeys = metadataUrls.emulator === metadataUrls.channel ? channelKeys : new SigningKeySource(metadataUrls.emulator);
  installSigningKeySource(channelKeys);
  installSigningKeySource(emulatorKeys);
  return new ScreenedBotFrameworkAuthentication(options, connectorTimeoutMs, (issuer) => {
    if (issuer === AuthenticationConstants.ToBotFromChannelTokenIssuer) return channelKeys;
    if (emulatorIssuers.includes(issuer)) return emulatorKeys;
    return undefined;
  });
}

const emulatorIssuers: readonly string[] = Array.isArray(ToBotFromBotOrEmulatorTokenValidationParameters.issuer)
  ? ToBotFromBotOrEmulatorTokenValidationParameters.issuer
  : [];

/**
 * botframework-connector prints every token that fails its signature or time check to stderr with `console.error`
 * (the signing key's PEM included): one unstructured error line per forged token. Those tokens are refused here
 * first, with the same keys (same cache, no extra download) and the connector's own rules (its algorithms, its five
 * minutes of clock tolerance, the key's channel endorsements); everything else, and every token that passes, still goes through the connector's
 * full validation (issuer, audience, endorsements, serviceUrl).
 */
class ScreenedBotFrameworkAuthentication extends DeadlineBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    connectorTimeoutMs: number,
    private readonly keysFor: (issuer: string) => SigningKeySource | undefined,
  ) {
    super(options, connectorTimeoutMs);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    await this.screen(authHeader, activity.channelId);
    return super.authenticateRequest(activity, authHeader);
  }

  private async screen(authHeader: string, channelId: string): Promise<void> {
    const [scheme, token, ...rest] = authHeader.split(' ');
    // Anything not shaped like the connector's "Bearer <jwt>" is refused by it without a print.
    if (scheme !== 'Bearer' || !token || rest.length > 0) return;
    const decoded = jsonwebtoken.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object' || typeof decoded.payload.iss !== 'string') return;
    const keys = this.keysFor(decoded.payload.iss);
    if (!keys) return;
    const key = await keys.getKey(decoded.header.kid);
    if (!key) return;
    try {
      jsonwebtoken.verify(token, key.key, { algorithms: AuthenticationConstants.AllowedSigningAlgorithms as jsonwebtoken.Algorithm[], clockTolerance: 5 * 60 });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'token rejected';
      throw new AuthenticationError(reason, StatusCodes.UNAUTHORIZED);
    }
    const endorsements = key.endorsements ?? [];
    if (endorsements.length > 0 && !EndorsementsValidator.validate(channelId, endorsements)) {
      throw new AuthenticationError(`the signing key is not endorsed for channel ${channelId}`, StatusCodes.UNAUTHORIZED);
    }
  }
}

/** Why an inbound request was not authenticated; `unavailable` means we could not tell, not that the token is bad. */
export type AuthenticationFailure =
  | { kind: 'unauthenticated'; reason: string }
  | { kind: 'unavailable'; reason: string; retryAfterSeconds: number };

/**
 * Sorts what botframework-connector throws while checking a token. Only errors from the authentication step are
 * passed here (see MeetingBotAdapter), so a JWT error can only be about the inbound token.
 * - `AuthenticationError` with a 4xx status, and jsonwebtoken's errors (bad signature, wrong algorithm, `alg: none`,
 *   malformed, expired, not yet valid), which the connector lets escape untranslated: the caller's token is wrong.
 * - The signing keys cannot be downloaded (and none are cached): we cannot tell a good token from a forged one. That
 *   is our outage, not the caller's fault: 401 would tell the Bot Connector its valid token was refused and hide the
 *   outage behind "unauthorized"; 503 with Retry-After says "try again", and the Connector retries.
 * - Anything else is not an authentication outcome: undefined, and the caller treats it as an internal error.
 */
export function classifyAuthenticationError(error: unknown): AuthenticationFailure | undefined {
  if (error instanceof SigningKeysUnavailableError) {
    return { kind: 'unavailable', reason: error.message, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof jsonwebtoken.JsonWebTokenError) return { kind: 'unauthenticated', reason: `${error.name}: ${error.message}` };
  if (error instanceof AuthenticationError) {
    // The connector's own key download (replaced by SigningKeySource, kept for safety) reports 500 when it fails.
    if (error.statusCode >= 500) return { kind: 'unavailable', reason: error.message, retryAfterSeconds: 5 };
    return { kind: 'unauthenticated', reason: error.message };
  }
  return undefined;
}

/** Thrown by the adapter when authentication, not the turn, failed. */
export class InboundAuthenticationError extends Error {
  override readonly name = 'InboundAuthenticationError';
  constructor(readonly failure: AuthenticationFailure) {
    super(failure.reason);
  }
}

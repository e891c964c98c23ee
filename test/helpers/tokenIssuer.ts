import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsonwebtoken from 'jsonwebtoken';

/** The issuer and audience rules the Bot Connector's tokens follow (botframework-connector's ChannelValidation). */
export const botConnectorIssuer = 'https://api.botframework.com';

export interface SigningKeyPair {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface TokenIssuerOptions {
  /** Answer every request with this status instead of the documents (a metadata endpoint that is down). */
  failWith?: number;
}

export interface TokenClaims {
  aud?: string;
  iss?: string;
  serviceurl?: string;
  /** Seconds since the epoch; defaults to an hour from now. */
  exp?: number;
  [claim: string]: unknown;
}

/**
 * A local stand-in for login.botframework.com: an OpenID metadata document and its JWKS on loopback, and tokens
 * signed with its keys, so inbound authentication is tested with real signatures and no traffic leaves the machine.
 * The first key is endorsed for Teams, the second only for another channel.
 */
export class LocalTokenIssuer {
  readonly teamsKey = newKeyPair();
  readonly otherChannelKey = newKeyPair();
  readonly requests = { metadata: 0, jwks: 0 };
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(options: TokenIssuerOptions = {}): Promise<LocalTokenIssuer> {
    let issuer: LocalTokenIssuer | undefined;
    const server = createServer((req, res) => issuer!.answer(req.url ?? '', res, options));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    issuer = new LocalTokenIssuer(server, `http://127.0.0.1:${port}`);
    return issuer;
  }

  get metadataUrl(): string {
    return `${this.baseUrl}/v1/.well-known/openidconfiguration`;
  }

  /** A token as the Bot Connector would send it to `appId` for an activity whose serviceUrl is `serviceUrl`. */
  sign(appId: string, serviceUrl: string, claims: TokenClaims = {}, key: SigningKeyPair = this.teamsKey): string {
    const payload = { iss: botConnectorIssuer, aud: appId, serviceurl: serviceUrl, exp: nowSeconds() + 3600, nbf: nowSeconds() - 60, ...claims };
    return jsonwebtoken.sign(payload, key.privateKey, { algorithm: 'RS256', keyid: key.kid, noTimestamp: false });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(path: string, res: import('node:http').ServerResponse, options: TokenIssuerOptions): void {
    if (path.endsWith('/openidconfiguration')) this.requests.metadata++;
    if (path.endsWith('/keys')) this.requests.jwks++;
    if (options.failWith) {
      res.statusCode = options.failWith;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/json');
    if (path.endsWith('/openidconfiguration')) {
      res.end(JSON.stringify({ issuer: botConnectorIssuer, jwks_uri: `${this.baseUrl}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (path.endsWith('/keys')) {
      res.end(JSON.stringify({ keys: [jwk(this.teamsKey, ['msteams']), jwk(this.otherChannelKey, ['slack'])] }));
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  }
}

export function newKeyPair(kid: string = randomUUID()): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/** `{"alg":"none"}` tokens cannot be made by jsonwebtoken.sign with a key; this is what an attacker sends. */
export function unsignedToken(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function jwk(pair: SigningKeyPair, endorsements: string[]): Record<string, unknown> {
  return { ...pair.publicKey.export({ format: 'jwk' }), kid: pair.kid, use: 'sig', alg: 'RS256', endorsements };
}

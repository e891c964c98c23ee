import { createPublicKey } from 'node:crypto';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor.js';
import { z } from 'zod';

/**
 * The keys that sign inbound Bot Framework tokens, fetched from an OpenID metadata document and its JWKS.
 *
 * Hand-written instead of botframework-connector's own `OpenIdMetadata` because that one has no timeout (a
 * metadata host that never answers holds every request), downloads once per concurrent request on a cold start,
 * and retries a failed download on every request: a flood of forged tokens became a flood of outbound fetches.
 * Here: one download at a time, each bounded by a timeout; a failed download, or a key id that a fresh download did
 * not have, is remembered for `lookupFailureCacheMs` before the next download; keys that could not be refreshed
 * are kept (Microsoft publishes keys well before it signs with them) rather than failing every request.
 */
export interface SigningKey {
  /** PEM (SPKI) public key, what `jsonwebtoken.verify` takes. */
  key: string;
  /** Channel ids this key may sign for; the connector checks them against the activity's channel. */
  endorsements?: string[];
}

export interface SigningKeySourceOptions {
  /** Bound on each of the two downloads (metadata document, then JWKS). */
  fetchTimeoutMs?: number;
  /** Keys older than this are downloaded again (the connector's own default: 24 hours). */
  maxAgeMs?: number;
  /** How long a failed download or an unknown key id is remembered before the next download. */
  lookupFailureCacheMs?: number;
  now?: () => number;
}

/** The key set could not be downloaded and no earlier copy exists: no token can be checked, good or bad. */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
  constructor(
    message: string,
    /** When the next download will be tried. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

const metadataSchema = z.object({ jwks_uri: z.string().url() });
const jwksSchema = z.object({
  keys: z.array(
    z
      .object({
        kid: z.string().optional(),
        kty: z.string().optional(),
        n: z.string().optional(),
        e: z.string().optional(),
        endorsements: z.array(z.string()).optional(),
      })
      .passthrough(),
  ),
});

export class SigningKeySource {
  private keys = new Map<string, SigningKey>();
  private loadedAt: number | undefined;
  private lastAttemptAt: number | undefined;
  private lastFailure: string | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly fetchTimeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly lookupFailureCacheMs: number;
  private readonly now: () => number;

  /** Outbound downloads started (metadata + JWKS count as one), for tests and diagnostics. */
  downloads = 0;

  constructor(
    readonly metadataUrl: string,
    options: SigningKeySourceOptions = {},
  ) {
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.lookupFailureCacheMs = options.lookupFailureCacheMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** The connector's `OpenIdMetadata.getKey` contract: the key, null when unknown, or a throw when none can be known. */
  async getKey(keyId: string | undefined): Promise<SigningKey | null> {
    if (this.loadedAt === undefined || this.now() - this.loadedAt > this.maxAgeMs) await this.refresh();
    const found = this.find(keyId);
    if (found || !this.mayDownload()) return found;
    // A key id we do not know may be a key published since the last download; look once, then remember the miss.
    await this.refresh().catch(() => undefined);
    return this.find(keyId);
  }

  private find(keyId: string | undefined): SigningKey | null {
    if (typeof keyId !== 'string') return null;
    return this.keys.get(keyId) ?? null;
  }

  private mayDownload(): boolean {
    return this.lastAttemptAt === undefined || this.now() - this.lastAttemptAt >= this.lookupFailureCacheMs;
  }

  /** Downloads unless one is running (then joins it) or the last attempt is too recent; throws only with no keys. */
  private async refresh(): Promise<void> {
    if (!this.inFlight && this.mayDownload()) {
      this.inFlight = this.download().finally(() => {
        this.inFlight = undefined;
      });
    }
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.keys.size > 0) return;
    const retryAfterMs = Math.max(0, (this.lastAttemptAt ?? this.now()) + this.lookupFailureCacheMs - this.now());
    throw new SigningKeysUnavailableError(
      `token signing keys unavailable from ${this.metadataUrl}: ${this.lastFailure ?? 'no usable key'}`,
      Math.max(1, Math.ceil(retryAfterMs / 1000)),
    );
  }

  private async download(): Promise<void> {
    this.lastAttemptAt = this.now();
    this.downloads++;
    try {
      const metadata = metadataSchema.parse(await this.fetchJson(this.metadataUrl));
      const jwks = jwksSchema.parse(await this.fetchJson(metadata.jwks_uri));
      const keys = new Map<string, SigningKey>();
      for (const jwk of jwks.keys) {
        const key = toSigningKey(jwk);
        if (key && jwk.kid) keys.set(jwk.kid, key);
      }
      if (keys.size === 0) throw new Error('the key set holds no RSA key');
      this.keys = keys;
      this.loadedAt = this.now();
      this.lastFailure = undefined;
    } catch (error) {
      this.lastFailure = error instanceof z.ZodError ? 'unexpected document shape' : error instanceof Error ? error.message : String(error);
    }
  }

  private async fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.fetchTimeoutMs), headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} from ${new URL(url).host}`);
    }
    return response.json();
  }
}

/** Only RSA keys sign Bot Framework tokens (the connector allows RS256/384/512); others are skipped. */
function toSigningKey(jwk: z.infer<typeof jwksSchema>['keys'][number]): SigningKey | undefined {
  if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) return undefined;
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    return { key: key.toString(), endorsements: jwk.endorsements };
  } catch {
    return undefined;
  }
}

/**
 * Puts a source in the connector's per-URL cache, where its token validators look keys up. That cache is private to
 * the connector; if a future version drops it, starting fails here instead of silently losing the guarantees above.
 */
export function installSigningKeySource(source: SigningKeySource): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache?: unknown }).openIdMetadataCache;
  if (!(cache instanceof Map)) {
    throw new Error('botframework-connector no longer keeps JwtTokenExtractor.openIdMetadataCache; review src/teams/signingKeys.ts');
  }
  cache.set(source.metadataUrl, source);
}

import { createHmac, randomBytes } from 'node:crypto';
import { Secret } from './secret.js';

/**
 * Signing-in to Huawei Cloud Meeting (API reference "执行App ID鉴权" / CreateAppIdToken, "执行鉴权" /
 * CreateToken, and the FAQ "执行APPID登录鉴权失败"), plus the per-user access-token cache.
 */

/** clientType 72 = API caller: up to 64 live tokens per user, so the bot never logs a person's apps out. */
export const API_CLIENT_TYPE = 72;
export const APP_AUTH_PATH = '/v2/usg/acs/auth/appauth';
export const ACCOUNT_AUTH_PATH = '/v1/usg/acs/auth/account';

export interface AppAuthFields {
  appId: string;
  /** Empty = act as the enterprise's default administrator. */
  userId: string;
  /** Unix seconds after which the signature is refused; 0 = never. */
  expireTime: number;
  /** 32–64 characters, single use. */
  nonce: string;
  /** Only in SP (multi-tenant) mode; sending it for a single enterprise makes sign-in fail. */
  corpId?: string;
}

/** `appId:userId:expireTime:nonce` (single enterprise) or `appId:corpId:userId:expireTime:nonce` (SP mode). */
export function appAuthStringToSign(fields: AppAuthFields): string {
  const parts = fields.corpId === undefined
    ? [fields.appId, fields.userId, String(fields.expireTime), fields.nonce]
    : [fields.appId, fields.corpId, fields.userId, String(fields.expireTime), fields.nonce];
  return parts.join(':');
}

/** HexEncode(HMAC-SHA256(key = appKey, message = stringToSign)), lower case as in the documented samples. */
export function signAppAuth(appKey: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(appKey, 'utf8')).update(stringToSign, 'utf8').digest('hex');
}

/** `HMAC-SHA256 signature=<hex>,access=<base64(appId)>` — no space after the comma, as documented. */
export function appAuthAuthorization(appId: string, signature: string): string {
  return `HMAC-SHA256 signature=${signature},access=${Buffer.from(appId, 'utf8').toString('base64')}`;
}

/** 48 hex characters: inside the documented 32–64 range, and unguessable. */
export function newNonce(): string {
  return randomBytes(24).toString('hex');
}

export interface SignInRequest {
  path: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** How the client proves who it acts for. Two kinds exist: App ID (recommended) and account/password. */
export interface HuaweiAuthenticator {
  readonly kind: 'appId' | 'account';
  signInRequest(userId: string): Promise<SignInRequest>;
  /** Text that must never show up in logs or errors (App Key, passwords). */
  secrets(): string[];
}

export interface AppIdAuthenticatorOptions {
  appId: string;
  appKey: string;
  /** SP mode only. */
  corpId?: string;
  /** How long each signature stays valid; Huawei's SDK uses 600 s. */
  signatureLifetimeSeconds?: number;
  now?: () => number;
}

export class AppIdAuthenticator implements HuaweiAuthenticator {
  readonly kind = 'appId' as const;
  readonly #appKey: string;

  constructor(private readonly options: AppIdAuthenticatorOptions) {
    if (!options.appId.trim()) throw new Error('Huawei App ID is empty');
    if (!options.appKey) throw new Error('Huawei App Key is empty');
    this.#appKey = options.appKey;
  }

  async signInRequest(userId: string): Promise<SignInRequest> {
    const now = this.options.now?.() ?? Date.now();
    const fields: AppAuthFields = {
      appId: this.options.appId,
      userId,
      expireTime: Math.floor(now / 1000) + (this.options.signatureLifetimeSeconds ?? 600),
      nonce: newNonce(),
      corpId: this.options.corpId,
    };
    const signature = signAppAuth(this.#appKey, appAuthStringToSign(fields));
    const body: Record<string, unknown> = {
      appId: fields.appId,
      clientType: API_CLIENT_TYPE,
      expireTime: fields.expireTime,
      nonce: fields.nonce,
      userId,
    };
    if (fields.corpId !== undefined) body.corpId = fields.corpId;
    return {
      path: APP_AUTH_PATH,
      headers: { Authorization: appAuthAuthorization(fields.appId, signature), 'X-Token-Type': 'LongTicket' },
      body,
    };
  }

  secrets(): string[] {
    return [this.#appKey];
  }
}

export interface AccountCredentials {
  /** Huawei Cloud Meeting account, 1–255 characters. */
  account: string;
  /** 8–32 characters. */
  password: string;
}

/** Account/password sign-in, for deployments without an App ID: each userId maps to stored credentials. */
export class AccountAuthenticator implements HuaweiAuthenticator {
  readonly kind = 'account' as const;
  readonly #seen = new Set<string>();

  constructor(private readonly credentialsFor: (userId: string) => Promise<AccountCredentials | undefined>) {}

  async signInRequest(userId: string): Promise<SignInRequest> {
    const credentials = await this.credentialsFor(userId);
    if (!credentials) throw new Error(`No Huawei account credentials are configured for ${userId}`);
    this.#seen.add(credentials.password);
    const basic = Buffer.from(`${credentials.account}:${credentials.password}`, 'utf8').toString('base64');
    return {
      path: ACCOUNT_AUTH_PATH,
      headers: { Authorization: `Basic ${basic}` },
      body: { account: credentials.account, clientType: API_CLIENT_TYPE },
    };
  }

  secrets(): string[] {
    return [...this.#seen];
  }
}

export interface IssuedToken {
  token: Secret;
  /** Local clock, ms. */
  expiresAtMs: number;
}

interface CachedToken extends IssuedToken {
  refreshAtMs: number;
}

/**
 * One access token per Huawei user, renewed before it expires. Concurrent callers share a single sign-in, so
 * a burst of page requests after expiry costs one authentication, not one each.
 */
export class AccessTokenCache {
  readonly #tokens = new Map<string, CachedToken>();
  readonly #pending = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly signIn: (userId: string) => Promise<IssuedToken>,
    private readonly options: { refreshMarginMs?: number; now?: () => number } = {},
  ) {}

  async get(userId: string): Promise<Secret> {
    const cached = this.#tokens.get(userId);
    if (cached && this.now() < cached.refreshAtMs) return cached.token;
    let pending = this.#pending.get(userId);
    if (!pending) {
      pending = this.issue(userId).finally(() => this.#pending.delete(userId));
      this.#pending.set(userId, pending);
    }
    return (await pending).token;
  }

  /** Forgets `token` if it is still the cached one (a newer token obtained meanwhile is kept). */
  invalidate(userId: string, token: Secret): void {
    if (this.#tokens.get(userId)?.token === token) this.#tokens.delete(userId);
  }

  clear(): void {
    this.#tokens.clear();
  }

  private async issue(userId: string): Promise<CachedToken> {
    const issuedAt = this.now();
    const issued = await this.signIn(userId);
    const lifetime = Math.max(0, issued.expiresAtMs - issuedAt);
    // Renew a little early, but never so early that a short-lived token is renewed on every call.
    const margin = Math.min(this.options.refreshMarginMs ?? 5 * 60_000, lifetime / 5);
    const entry: CachedToken = { ...issued, refreshAtMs: issued.expiresAtMs - margin };
    this.#tokens.set(userId, entry);
    return entry;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

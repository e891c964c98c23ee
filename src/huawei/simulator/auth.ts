import { timingSafeEqual } from 'node:crypto';
import { ACCOUNT_AUTH_PATH, API_CLIENT_TYPE, APP_AUTH_PATH, appAuthStringToSign, signAppAuth } from '../auth.js';
import { asRecord, header, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext, type RouteTable } from './http.js';
import { hex, type SimState, type SimUser } from './state.js';

/**
 * Sign-in and access tokens: App ID signature checks (with expiry and nonce replay), account/password sign-in,
 * and the expiring X-Access-Token every other API needs.
 *
 * USG.000000004 and USG.201040000 are the codes seen in Huawei's docs and SDK-based code. Huawei documents no
 * REST code for a bad App ID signature, an expired one or a reused nonce; the simulator uses the client-SDK
 * numbers in USG form (USG.206010025 "App ID check failed", USG.206010057 "App ID auth expired").
 */
const APP_ID_CHECK_FAILED = 'USG.206010025';
const APP_ID_AUTH_EXPIRED = 'USG.206010057';
const TOKEN_INVALID = 'USG.000000004';

export interface SimAuthOptions {
  appId: string;
  appKey: string;
  /** The enterprise App ID sign-in acts in (single-enterprise mode). */
  corpId: string;
  tokenLifetimeMs: number;
}

interface AccessToken {
  userId: string;
  expiresAtMs: number;
}

interface AppAuthRequest {
  signature: string;
  /** The appId named in the Authorization header's `access=`, when given. */
  access: string | undefined;
  appId: string;
  userId: string;
  expireTime: number;
  nonce: string;
}

export class SimAuth {
  readonly #accessTokens = new Map<string, AccessToken>();
  /** nonce → its expireTime (s); kept until then, so a replay inside the signature's lifetime is caught. */
  readonly #usedNonces = new Map<string, number>();

  constructor(
    private readonly state: SimState,
    private readonly options: SimAuthOptions,
  ) {}

  routes(): RouteTable {
    return {
      [`POST ${APP_AUTH_PATH}`]: (ctx) => this.appAuth(ctx),
      [`POST ${ACCOUNT_AUTH_PATH}`]: (ctx) => this.accountAuth(ctx),
    };
  }

  /** The user behind the request's X-Access-Token; a missing, unknown or expired token is Huawei's 401. */
  currentUser(ctx: RequestContext): SimUser {
    const entry = this.tokenOf(ctx);
    const user = entry && entry.expiresAtMs > Date.now() ? this.state.user(entry.userId) : undefined;
    if (!user) throw new SimHttpError(401, TOKEN_INVALID, 'The token is invalid or has expired.');
    ctx.log.userId = user.userId;
    return user;
  }

  /** Expires access tokens now (all, or one user's). Returns how many were still live. */
  expireTokens(filter: { userId?: string } = {}): number {
    let count = 0;
    for (const entry of this.#accessTokens.values()) {
      if (filter.userId !== undefined && entry.userId !== filter.userId.toLowerCase()) continue;
      if (entry.expiresAtMs > Date.now()) count++;
      entry.expiresAtMs = 0;
    }
    return count;
  }

  /** Expires the token this request carries, so the request meets a real 401. */
  expireRequestToken(ctx: RequestContext): void {
    const entry = this.tokenOf(ctx);
    if (entry) entry.expiresAtMs = 0;
  }

  private tokenOf(ctx: RequestContext): AccessToken | undefined {
    const token = header(ctx.req, 'x-access-token');
    return token ? this.#accessTokens.get(token) : undefined;
  }

  private appAuth(ctx: RequestContext): void {
    const request = parseAppAuthRequest(ctx);
    this.checkSignature(request);
    this.checkFreshness(request);
    const { corpId } = this.options;
    const user = request.userId === '' ? this.state.defaultAdmin(corpId) : this.state.user(request.userId);
    if (!user || user.corpId !== corpId) throw new SimHttpError(400, 'USG.201040000', 'The user does not exist.');
    this.#usedNonces.set(request.nonce, request.expireTime);
    ctx.log.userId = user.userId;
    send(ctx, 200, this.issueToken(user));
  }

  private checkSignature(request: AppAuthRequest): void {
    const { appId, appKey } = this.options;
    const expected = signAppAuth(appKey, appAuthStringToSign({ appId, userId: request.userId, expireTime: request.expireTime, nonce: request.nonce }));
    const authentic = request.appId === appId &&
      (request.access === undefined || Buffer.from(request.access, 'base64').toString('utf8') === appId) &&
      sameHex(expected, request.signature);
    if (!authentic) throw new SimHttpError(401, APP_ID_CHECK_FAILED, 'App ID authentication failed.');
  }

  /** An expired signature, or a nonce already used while its signature is still valid, is refused. */
  private checkFreshness(request: AppAuthRequest): void {
    const nowSeconds = Date.now() / 1000;
    if (request.expireTime !== 0 && nowSeconds > request.expireTime) throw new SimHttpError(401, APP_ID_AUTH_EXPIRED, 'App ID authentication has expired.');
    for (const [nonce, expiry] of this.#usedNonces) if (expiry !== 0 && expiry < nowSeconds) this.#usedNonces.delete(nonce);
    if (this.#usedNonces.has(request.nonce)) throw new SimHttpError(401, APP_ID_CHECK_FAILED, 'The nonce has already been used.');
  }

  private accountAuth(ctx: RequestContext): void {
    const authorization = header(ctx.req, 'authorization') ?? '';
    const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : '';
    const separator = decoded.indexOf(':');
    const account = separator > 0 ? decoded.slice(0, separator) : '';
    const password = separator > 0 ? decoded.slice(separator + 1) : '';
    const user = this.state.user(account);
    if (!user || user.password !== password) throw new SimHttpError(401, 'USG.206010000', 'Wrong account or password.');
    ctx.log.userId = user.userId;
    send(ctx, 200, this.issueToken(user));
  }

  /** The documented sign-in answer (CreateAppIdToken / CreateToken share it). */
  private issueToken(user: SimUser): Record<string, unknown> {
    const { tokenLifetimeMs, appId } = this.options;
    const token = `sim${hex(20)}`.slice(0, 40);
    const now = Date.now();
    this.#accessTokens.set(token, { userId: user.userId, expiresAtMs: now + tokenLifetimeMs });
    return {
      accessToken: token,
      tokenIp: '127.0.0.1',
      validPeriod: Math.round(tokenLifetimeMs / 1000),
      expireTime: Math.floor((now + tokenLifetimeMs) / 1000),
      createTime: now,
      user: {
        realm: 'huaweicloud.com',
        userId: user.uuid,
        ucloginAccount: `Auto-${user.uuid}`,
        serviceAccount: `sip:+99111${user.uuid.slice(0, 8)}@huaweicloud.com`,
        companyId: user.corpId,
        userType: 2,
        adminType: user.adminType,
        name: user.name,
        nameEn: '',
        thirdAccount: user.userId,
        appId,
        status: 0,
        corpType: 6,
      },
      clientType: 72,
      forceLoginInd: null,
      firstLogin: false,
      pwdExpired: false,
      daysPwdAvailable: 90,
      proxyToken: null,
      tokenType: 0,
      refreshToken: `simr${hex(18)}`,
      refreshValidPeriod: 2_592_000,
      refreshExpireTime: Math.floor(now / 1000) + 2_592_000,
      refreshCreateTime: now,
    };
  }
}

/** Shape checks on an App ID sign-in, before any signature is looked at. */
function parseAppAuthRequest(ctx: RequestContext): AppAuthRequest {
  const authorization = header(ctx.req, 'authorization') ?? '';
  const match = /^HMAC-SHA256 signature=([0-9a-fA-F]+)(?:,access=([A-Za-z0-9+/=]+))?$/.exec(authorization);
  if (!match) throw new SimHttpError(401, APP_ID_CHECK_FAILED, 'Authorization must be "HMAC-SHA256 signature=<hex>,access=<base64 appId>".');
  if (header(ctx.req, 'x-token-type') !== 'LongTicket') throw new SimHttpError(400, SIM_PARAM_ERROR, 'X-Token-Type must be LongTicket.');
  const body = asRecord(ctx.body);
  const { appId, expireTime, nonce } = body;
  const userId = body.userId ?? '';
  if (typeof appId !== 'string' || typeof userId !== 'string' || typeof expireTime !== 'number' || !Number.isInteger(expireTime) ||
    typeof nonce !== 'string') {
    throw new SimHttpError(400, SIM_PARAM_ERROR, 'appId, expireTime and nonce are required.');
  }
  if (nonce.length < 32 || nonce.length > 64) throw new SimHttpError(400, SIM_PARAM_ERROR, 'nonce must be 32 to 64 characters.');
  if (body.clientType !== API_CLIENT_TYPE) throw new SimHttpError(400, SIM_PARAM_ERROR, `clientType must be ${API_CLIENT_TYPE} for API callers.`);
  if (body.corpId !== undefined) throw new SimHttpError(401, APP_ID_CHECK_FAILED, 'corpId is only allowed in SP mode.');
  return { signature: match[1]!, access: match[2], appId, userId, expireTime, nonce };
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

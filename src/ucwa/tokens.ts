import type { Logger } from '../logging.js';
import { shared } from './sharedStrings.js';
import {
  bearerToken,
  msRtcOAuthHint,
  requestPasswordToken,
  type AccessToken,
  type AuthChallenge,
  type MsRtcOAuthHint,
  type UcwaCredentials,
} from './auth.js';

/** The pool's token endpoint, the same for everyone on it: its strings kept once for all sessions. */
function sharedHint(hint: MsRtcOAuthHint): MsRtcOAuthHint {
  return { href: shared(hint.href), grantTypes: hint.grantTypes.map(shared) };
}

/** Renew a little before the server's `expires_in` runs out, so a request never leaves with a dying token. */
const RENEW_MARGIN_MS = 60_000;

export interface TokenState {
  token?: string;
  expiresAt?: number;
  tokenEndpoint?: string;
  grantTypes?: string[];
  origins: string[];
}

/**
 * Keeps a user's tokens and the list of origins discovery established for that user. The bearer token is
 * handed out only for those origins: a link to anywhere else never sees it.
 */
export class TokenKeeper {
  private readonly origins = new Set<string>();
  private passwordToken?: AccessToken;
  private endpoint?: MsRtcOAuthHint;
  /** Only bearer credentials fill it, so it is made on first use (an empty Map is ~150 bytes per session). */
  private bearerTokens?: Map<string, AccessToken>;
  private pending?: Promise<boolean>;

  constructor(
    private credentials: UcwaCredentials | undefined,
    private readonly options: { fetch: typeof fetch; timeoutMs: number; logger: Logger },
  ) {}

  allow(origin: string): void {
    if (this.origins.has(origin)) return;
    this.options.logger.debug({ origin }, 'ucwa: origin established by discovery');
    this.origins.add(shared(origin));
  }

  isAllowed(origin: string): boolean {
    return this.origins.has(origin);
  }

  allowedOrigins(): string[] {
    return [...this.origins];
  }

  hasCredentials(): boolean {
    return this.credentials !== undefined;
  }

  forgetCredentials(): void {
    this.credentials = undefined;
  }

  /** The token to send to `origin`, renewing it when it is about to expire; undefined means "ask the server". */
  async tokenFor(origin: string, signal?: AbortSignal): Promise<string | undefined> {
    if (!this.isAllowed(origin)) return undefined;
    if (this.credentials?.kind === 'bearer') {
      const cached = this.bearerTokens?.get(origin);
      if (cached && !expiring(cached)) return cached.value;
      const fresh = await bearerToken(this.credentials, origin, false);
      (this.bearerTokens ??= new Map()).set(origin, fresh);
      return fresh.value;
    }
    if (this.passwordToken && expiring(this.passwordToken) && this.endpoint && this.credentials) {
      await this.renew(undefined, origin, signal);
    }
    return this.passwordToken?.value;
  }

  /** After a 401: get a new token (once for concurrent callers). False when we have no way to get one. */
  async renew(challenges: AuthChallenge[] | undefined, origin: string, signal?: AbortSignal): Promise<boolean> {
    if (!this.credentials) return false;
    this.pending ??= this.acquire(challenges, origin, signal).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async acquire(challenges: AuthChallenge[] | undefined, origin: string, signal?: AbortSignal): Promise<boolean> {
    const credentials = this.credentials;
    if (!credentials) return false;
    if (credentials.kind === 'bearer') {
      (this.bearerTokens ??= new Map()).set(origin, await bearerToken(credentials, origin, true));
      return true;
    }
    const hint = (challenges ? msRtcOAuthHint(challenges, origin) : undefined) ?? this.endpoint;
    if (!hint) return false;
    this.passwordToken = await requestPasswordToken(hint, credentials, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs, signal });
    this.endpoint = sharedHint(hint);
    this.options.logger.info({ tokenEndpoint: new URL(hint.href).origin, expiresAt: this.passwordToken.expiresAt }, 'ucwa: signed in (web ticket)');
    return true;
  }

  state(): TokenState {
    return {
      token: this.passwordToken?.value,
      expiresAt: this.passwordToken?.expiresAt,
      tokenEndpoint: this.endpoint?.href,
      grantTypes: this.endpoint?.grantTypes,
      origins: this.allowedOrigins(),
    };
  }

  restore(state: TokenState): void {
    for (const origin of state.origins) this.origins.add(shared(origin));
    if (state.token) this.passwordToken = { value: state.token, expiresAt: state.expiresAt };
    if (state.tokenEndpoint) this.endpoint = sharedHint({ href: state.tokenEndpoint, grantTypes: state.grantTypes ?? [] });
  }

  /**
   * Forgets where the token may go, keeping the token: the server moved, and only a new discovery may say where it
   * lives now. Until then no stored link, to the old server or any other, is sent the token.
   */
  forgetOrigins(): void {
    this.origins.clear();
  }

  clear(): void {
    this.passwordToken = undefined;
    this.bearerTokens?.clear();
    this.origins.clear();
  }
}

function expiring(token: AccessToken): boolean {
  return token.expiresAt !== undefined && token.expiresAt - RENEW_MARGIN_MS <= Date.now();
}

import { isRecord } from './resource.js';
import { UcwaError, type UcwaProblem } from './errors.js';

/** How a user signs in: a web-ticket password grant (on-premises) or a token from elsewhere (Azure AD). */
export type UcwaCredentials = PasswordCredentials | BearerCredentials;

export interface PasswordCredentials {
  kind: 'password';
  username: string;
  password: string;
}

export interface BearerCredentials {
  kind: 'bearer';
  /**
   * Returns an access token for `audience` (scheme + host of the server about to be called; Azure AD needs one
   * token per host). `forceRefresh` is set after the server rejected the previous token.
   */
  getToken(audience: string, options: { forceRefresh: boolean }): Promise<string | { token: string; expiresAt?: number }>;
}

export interface AccessToken {
  /** The value after "Bearer ", e.g. `cwt=…`. */
  value: string;
  /** Epoch ms; undefined when the issuer did not say. */
  expiresAt?: number;
}

/** One challenge from a WWW-Authenticate header. */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

export interface MsRtcOAuthHint {
  href: string;
  grantTypes: string[];
}

/**
 * Parses WWW-Authenticate values into challenges. Hand-written because fetch joins repeated headers with ", "
 * and UCWA's MsRtcOAuth hint is not RFC 7235 shaped (the docs show `href` both quoted and unquoted), which
 * generic parsers reject.
 */
export function parseChallenges(headerValue: string | null): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  if (!headerValue) return challenges;
  let index = 0;
  const source = headerValue;
  const skip = (pattern: RegExp) => {
    while (index < source.length && pattern.test(source[index]!)) index++;
  };
  while (index < source.length) {
    skip(/[\s,]/);
    const tokenMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(source.slice(index));
    if (!tokenMatch) break;
    const token = tokenMatch[0];
    index += token.length;
    skip(/\s/);
    if (source[index] === '=' && challenges.length > 0) {
      index++;
      skip(/\s/);
      challenges[challenges.length - 1]!.params[token.toLowerCase()] = readValue();
    } else {
      challenges.push({ scheme: token, params: {} });
    }
  }
  return challenges;

  function readValue(): string {
    if (source[index] === '"') {
      let value = '';
      index++;
      while (index < source.length && source[index] !== '"') {
        if (source[index] === '\\' && index + 1 < source.length) index++;
        value += source[index];
        index++;
      }
      index++;
      return value;
    }
    const end = source.slice(index).search(/[\s,]/);
    const value = end < 0 ? source.slice(index) : source.slice(index, index + end);
    index += value.length;
    return value;
  }
}

export function msRtcOAuthHint(challenges: AuthChallenge[], baseUrl: string): MsRtcOAuthHint | undefined {
  const challenge = challenges.find((item) => item.scheme.toLowerCase() === 'msrtcoauth');
  const href = challenge?.params.href;
  if (!challenge || !href) return undefined;
  let absolute: string;
  try {
    absolute = new URL(href, baseUrl).toString();
  } catch {
    return undefined;
  }
  // The password goes wherever this points, so only to the server that asked for it or its own domain.
  if (!isSameDeployment(new URL(absolute), new URL(baseUrl))) {
    throw new UcwaError({
      code: 'ForeignOrigin',
      message: `sign-in challenge from ${new URL(baseUrl).origin} names a token endpoint on ${new URL(absolute).origin}`,
      problem: { kind: 'tokenEndpointElsewhere' },
    });
  }
  const grantTypes = (challenge.params.grant_type ?? '').split(',').map((grant) => grant.trim()).filter(Boolean);
  return { href: absolute, grantTypes };
}

export interface TokenRequestOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Posts the password grant (form-encoded, as the "Authentication in UCWA" page shows) and reads the token. */
export async function requestPasswordToken(hint: MsRtcOAuthHint, credentials: PasswordCredentials, options: TokenRequestOptions): Promise<AccessToken> {
  if (hint.grantTypes.length > 0 && !hint.grantTypes.includes('password')) {
    throw new UcwaError({
      code: 'SignInFailed',
      subcode: 'unsupported_grant_type',
      message: `server offers grant types ${hint.grantTypes.join(', ')} but not password`,
      problem: { kind: 'passwordGrantUnsupported' },
    });
  }
  const body = new URLSearchParams({ grant_type: 'password', username: credentials.username, password: credentials.password });
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let response: Response;
  try {
    response = await options.fetch(hint.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'application/json' },
      body: body.toString(),
      signal: AbortSignal.any(signals),
      redirect: 'manual',
    });
  } catch (error) {
    throw new UcwaError({ code: 'NetworkFailure', message: `token request to ${new URL(hint.href).origin} failed`, cause: error, request: `POST ${hint.href}` });
  }
  const text = await response.text();
  const parsed = safeJson(text);
  if (!response.ok) throw tokenError(response.status, parsed);
  if (!isRecord(parsed) || typeof parsed.access_token !== 'string' || parsed.access_token === '') {
    throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: 'token response has no access_token' });
  }
  const expiresIn = Number(parsed.expires_in);
  return { value: parsed.access_token, expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined };
}

function tokenError(status: number, body: unknown): UcwaError {
  const oauthError = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  const problem: UcwaProblem =
    oauthError === 'invalid_grant'
      ? { kind: 'passwordRefused' }
      : oauthError === 'unsupported_grant_type'
        ? { kind: 'passwordGrantUnsupported' }
        : { kind: 'signInFailed' };
  return new UcwaError({ status, code: 'SignInFailed', subcode: oauthError, message: `token endpoint answered ${status}${oauthError ? ` ${oauthError}` : ''}`, problem });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function bearerToken(credentials: BearerCredentials, audience: string, forceRefresh: boolean): Promise<AccessToken> {
  const result = await credentials.getToken(audience, { forceRefresh });
  const value = typeof result === 'string' ? result : result.token;
  if (!value) throw new UcwaError({ code: 'SignInFailed', message: 'the token provider returned an empty token' });
  return { value, expiresAt: typeof result === 'string' ? undefined : result.expiresAt };
}

/**
 * Pools name their token endpoint on a sibling web host (lyncdiscover.contoso.com challenges, lyncweb.contoso.com
 * issues tokens, as the documented samples show), so the check is "same host, or inside the challenger's parent
 * domain", and never a downgrade from https.
 */
function isSameDeployment(target: URL, challenger: URL): boolean {
  if (challenger.protocol === 'https:' && target.protocol !== 'https:') return false;
  if (target.hostname === challenger.hostname) return true;
  if (/^[\d.]+$|:/.test(challenger.hostname)) return false;
  const labels = challenger.hostname.split('.');
  if (labels.length < 3) return false;
  const parent = labels.slice(1).join('.');
  return target.hostname === parent || target.hostname.endsWith(`.${parent}`);
}

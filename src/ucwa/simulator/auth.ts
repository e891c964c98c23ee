import { resource, UcwaFailure, withLinks } from './model.js';
import type { Ctx, Reply, Router } from './http.js';
import { APPLICATIONS_PATH, DISCOVERY_ROOT_PATH, REDIRECTED_ROOT_PATH, TOKEN_PATH, XFRAME_PATH } from './paths.js';
import type { App, SimState } from './state.js';

/** Autodiscovery (root, user, xframe), the web-ticket token endpoint and bearer checks ("Authentication in UCWA"). */
const GRANTS = 'urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password';

export function challengeHeaders(origin: string): Record<string, string | string[]> {
  return {
    'WWW-Authenticate': [
      'Bearer trusted_issuers="00000002-0000-0ff1-ce00-000000000000@contoso.com", client_id="00000004-0000-0ff1-ce00-000000000000"',
      `MsRtcOAuth href="${origin}${TOKEN_PATH}",grant_type="${GRANTS}"`,
    ],
  };
}

/** IIS answers an unauthenticated request with an HTML page, not a UCWA error body. */
export function unauthorized(ctx: Ctx): Reply {
  return {
    kind: 'text',
    status: 401,
    contentType: 'text/html',
    headers: challengeHeaders(ctx.origin),
    body: '<html><head><title>401 - Unauthorized</title></head><body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2></body></html>',
  };
}

export class Unauthorized extends Error {}

export function requireUser(state: SimState, ctx: Ctx): string {
  const match = /^Bearer\s+(.+)$/i.exec(ctx.header('authorization') ?? '');
  const user = match?.[1] ? state.userForToken(match[1].trim()) : undefined;
  if (!user) throw new Unauthorized();
  return user;
}

export function requireApp(state: SimState, ctx: Ctx, appId: string | undefined): App {
  const user = requireUser(state, ctx);
  const app = appId ? state.apps.get(appId) : undefined;
  if (!app || app.user !== user || app.gone === 'ApplicationNotFound') {
    throw new UcwaFailure(404, 'ApplicationNotFound', 'The application resource does not exist.');
  }
  if (app.gone === 'InactiveApplicationExpired') {
    throw new UcwaFailure(410, 'InactiveApplicationExpired', 'The application expired because it was inactive.');
  }
  return app;
}

function rootReply(ctx: Ctx, base: string): Reply {
  const domain = ctx.url.searchParams.get('originalDomain') ?? 'contoso.com';
  const query = `?originalDomain=${encodeURIComponent(domain)}`;
  const root = withLinks(resource('root', `${ctx.origin}${base}${query}`), {
    user: `${ctx.origin}${base}/oauth/user${query}`,
    xframe: `${ctx.origin}${XFRAME_PATH}`,
  });
  return { kind: 'resource', resource: root };
}

function userReply(state: SimState, ctx: Ctx, base: string): Reply {
  try {
    requireUser(state, ctx);
  } catch {
    return unauthorized(ctx);
  }
  const user = withLinks(resource('user', `${ctx.origin}${base}/oauth/user`), {
    applications: `${ctx.origin}${APPLICATIONS_PATH}`,
    xframe: `${ctx.origin}${XFRAME_PATH}`,
  });
  return { kind: 'resource', resource: user };
}

type TokenError = 'invalid_request' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope';

function tokenError(error: TokenError): Reply {
  return { kind: 'json', status: 400, body: { error }, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}

/** `alice`, `alice@contoso.com`, `sip:alice@contoso.com` and `CONTOSO\alice` all name the same person. */
function signInName(raw: string): string {
  const name = raw.trim().toLowerCase().replace(/^sip:/, '');
  const domainUser = /^([^\\]+)\\(.+)$/.exec(name);
  if (domainUser) return `${domainUser[2]}@${domainUser[1]}.com`;
  return name.includes('@') ? name : `${name}@contoso.com`;
}

async function token(state: SimState, ctx: Ctx): Promise<Reply> {
  if (!/application\/x-www-form-urlencoded/i.test(ctx.header('content-type') ?? '')) return tokenError('invalid_request');
  const form = new URLSearchParams(await ctx.text());
  const grant = form.get('grant_type');
  if (!grant) return tokenError('invalid_request');
  const scope = form.get('scope');
  if (scope !== null && scope !== 'all') return tokenError('invalid_scope');
  if (grant !== 'password') {
    // Windows and anonymous-meeting grants are advertised, but no Windows identity or conference key exists here.
    return tokenError(GRANTS.split(',').includes(grant) ? 'invalid_grant' : 'unsupported_grant_type');
  }
  const username = form.get('username');
  const password = form.get('password');
  if (!username || password === null) return tokenError('invalid_request');
  const person = state.people.get(signInName(username));
  const accepted = person?.password !== undefined && person.password === password;
  // The log names the person, never the password: tests count grants ("one link, one grant") from it.
  state.passwordGrants.push({ user: signInName(username), accepted });
  if (state.passwordGrants.length > 1000) state.passwordGrants.shift();
  if (!accepted) return tokenError('invalid_grant');
  const issued = state.issueToken(person.key);
  return {
    kind: 'json',
    status: 200,
    body: { access_token: issued.token, expires_in: issued.expiresIn, ms_rtc_identityscope: 'local', token_type: 'Bearer' },
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  };
}

export function registerAuth(router: Router, state: SimState): void {
  router.on('GET', DISCOVERY_ROOT_PATH, (ctx) => {
    if (!state.discoveryRedirect) return rootReply(ctx, DISCOVERY_ROOT_PATH);
    const redirect = withLinks(resource('root', `${ctx.origin}${DISCOVERY_ROOT_PATH}`), {
      redirect: `${ctx.origin}${REDIRECTED_ROOT_PATH}`,
    });
    return { kind: 'resource', resource: redirect };
  });
  router.on('GET', REDIRECTED_ROOT_PATH, (ctx) => rootReply(ctx, REDIRECTED_ROOT_PATH));
  router.on('GET', `${DISCOVERY_ROOT_PATH}/oauth/user`, (ctx) => userReply(state, ctx, DISCOVERY_ROOT_PATH));
  router.on('GET', `${REDIRECTED_ROOT_PATH}/oauth/user`, (ctx) => userReply(state, ctx, REDIRECTED_ROOT_PATH));
  router.on('GET', XFRAME_PATH, () => ({
    kind: 'text',
    status: 200,
    contentType: 'text/html',
    body: '<!DOCTYPE html><html><head><title>XFrame</title></head><body></body></html>',
  }));
  router.on('POST', TOKEN_PATH, (ctx) => token(state, ctx));
}

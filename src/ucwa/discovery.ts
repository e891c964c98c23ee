import type { Logger } from '../logging.js';
import { UcwaError } from './errors.js';
import { linkOf, type UcwaResource } from './resource.js';
import type { TokenKeeper } from './tokens.js';
import { resourceOf, withoutQuery, type UcwaTransport } from './transport.js';

export interface DiscoveryResult {
  /** The `user` resource that answered with `applications` (after any redirects). */
  userUrl: string;
  applicationsUrl: string;
}

const MAX_HOPS = 8;

/**
 * Autodiscovery as the "Create an application" page describes it: root → `user` (401 challenge, sign in) →
 * `applications`, following `redirect` links when the user is homed elsewhere. Every origin that answers as this
 * user's `user` or `applications` host becomes an origin the token may go to; nothing else does.
 */
export async function discover(
  transport: UcwaTransport,
  tokens: TokenKeeper,
  startUrl: string,
  logger: Logger,
  signal?: AbortSignal,
): Promise<DiscoveryResult> {
  const visited = new Set<string>();
  let url = startUrl;
  let authenticated = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    if (visited.has(url)) break;
    visited.add(url);
    const resource = await fetchHop(transport, tokens, url, authenticated, signal);
    authenticated = resource.authenticated;
    const applications = linkOf(resource.resource, 'applications');
    if (applications) {
      tokens.allow(new URL(resource.resource.href).origin);
      tokens.allow(new URL(applications.href).origin);
      logger.debug({ userUrl: withoutQuery(new URL(url)), applications: withoutQuery(new URL(applications.href)) }, 'ucwa: discovery finished');
      return { userUrl: url, applicationsUrl: applications.href };
    }
    const next = nextHop(resource.resource, url);
    if (!next) break;
    url = next.url;
    authenticated = next.authenticated;
  }
  throw new UcwaError({
    code: 'InvalidResponse',
    subcode: 'DiscoveryFailed',
    message: `autodiscovery from ${new URL(startUrl).origin} did not reach an applications link within ${MAX_HOPS} hops`,
    problem: { kind: 'serverNotFound' },
  });
}

/** GETs one hop; a 401 on an anonymous GET means "this is a user resource: sign in and ask again". */
async function fetchHop(
  transport: UcwaTransport,
  tokens: TokenKeeper,
  url: string,
  authenticated: boolean,
  signal?: AbortSignal,
): Promise<{ resource: UcwaResource; authenticated: boolean }> {
  if (authenticated) {
    tokens.allow(new URL(url).origin);
    return { resource: resourceOf(await transport.send({ method: 'GET', url, signal })), authenticated: true };
  }
  try {
    return { resource: resourceOf(await transport.send({ method: 'GET', url, authenticated: false, signal })), authenticated: false };
  } catch (error) {
    if (!(error instanceof UcwaError) || error.status !== 401) throw error;
    return fetchHop(transport, tokens, url, true, signal);
  }
}

function nextHop(resource: UcwaResource, currentUrl: string): { url: string; authenticated: boolean } | undefined {
  const user = linkOf(resource, 'user');
  if (user) return { url: user.href, authenticated: true };
  const redirect = linkOf(resource, 'redirect');
  if (!redirect) return undefined;
  checkRedirect(currentUrl, redirect.href);
  // A redirect target may be another root or the user resource itself; ask anonymously and let a 401 tell.
  return { url: redirect.href, authenticated: false };
}

/** The docs' anti-spoofing check, as far as a client can make it: http(s) only and never HTTPS → HTTP. */
function checkRedirect(from: string, to: string): void {
  const source = new URL(from);
  const target = new URL(to);
  const allowedProtocol = target.protocol === 'https:' || target.protocol === 'http:';
  if (!allowedProtocol || (source.protocol === 'https:' && target.protocol === 'http:')) {
    throw new UcwaError({
      code: 'ForeignOrigin',
      subcode: 'UnsafeRedirect',
      message: `discovery redirect from ${source.origin} to ${target.origin} refused`,
      problem: { kind: 'unsafeDiscovery' },
    });
  }
}

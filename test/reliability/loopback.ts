/**
 * The harnesses send hostile activities to a bot that replies to whatever `serviceUrl` it is given, so every URL
 * they generate must point back at this machine. This is checked where URLs are produced, and again over the whole
 * payload text, and a violation stops the run: a bug in a generator must never reach the network.
 */
import { isLoopbackUrl } from '../../src/http/urls.js';

export class NonLoopbackUrlError extends Error {
  constructor(url: string) {
    super(`refusing to generate a non-loopback URL: ${url.slice(0, 200)}`);
    this.name = 'NonLoopbackUrlError';
  }
}

/** Throws unless `value` is an http(s) URL on loopback. */
export function assertLoopbackUrl(value: string): string {
  if (!/^https?:/i.test(value) || !isLoopbackUrl(value)) throw new NonLoopbackUrlError(value);
  return value;
}

/** Every absolute URL written anywhere in the text (escaped or not) must be loopback. */
export function assertOnlyLoopbackUrlsIn(text: string): void {
  const unescaped = text.replace(/\\\//g, '/');
  for (const match of unescaped.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'\\<>]*/gi)) {
    if (!isLoopbackUrl(match[0])) throw new NonLoopbackUrlError(match[0]);
  }
}

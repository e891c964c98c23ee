/** True for an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when the URL's host is this machine (localhost, 127.0.0.0/8, ::1); false for anything that is not a URL. */
export function isLoopbackUrl(value: string): boolean {
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether the bot may talk to this Bot Connector serviceUrl: an http(s) URL and, when the bot has no Bot Framework
 * identity (anyone can post it an activity naming any serviceUrl), one on this machine. Inbound activities are held
 * to it, and so are sends the bot starts itself from a stored conversation, wherever that was stored from.
 */
export function isReachableServiceUrl(serviceUrl: string, loopbackOnly: boolean): boolean {
  return isHttpUrl(serviceUrl) && (!loopbackOnly || isLoopbackUrl(serviceUrl));
}

import { fetchExchange, type Exchange, type ExchangeRequest } from './exchange.js';
import { leanHttpExchange } from './leanHttp.js';
import { nodeHttpExchange } from './nodeHttp.js';

/**
 * How the adapters' REST calls (UCWA, Huawei) travel: through a fetch the caller gave (tests, proxies), which then
 * sees every call; otherwise over the lean keep-alive client (leanHttp.ts). In the line-1 bench node's client
 * (a ClientRequest, the agent's bookkeeping, an IncomingMessage stream and its events per answer) was most of each
 * call's CPU outside the socket, and every "list" or "who's in the lobby" turn makes one such call.
 *
 * A header value outside visible ASCII (a configured UCWA_USER_AGENT with "é", say) goes over node:http, which writes
 * it as Latin-1 where the lean client refuses it: such a setting keeps working as it did.
 */
export function exchangeFor(fetchImpl: typeof fetch | undefined): Exchange {
  return fetchImpl ? fetchExchange(fetchImpl) : defaultExchange;
}

/** Visible ASCII, spaces and tabs: what the lean client writes as it is. */
const PLAIN_VALUE = /^[\t\x20-\x7e]*$/u;

function plainHeaders(request: ExchangeRequest): boolean {
  for (const name in request.headers) if (!PLAIN_VALUE.test(request.headers[name]!)) return false;
  return true;
}

export const defaultExchange: Exchange = (request) => (plainHeaders(request) ? leanHttpExchange(request) : nodeHttpExchange(request));

/**
 * One request/response exchange: what the UCWA and Huawei transports send their REST calls through. Implementations
 * of one contract, chosen by configuration (carrier.ts) so the same client code talks to a simulator and to the real
 * service: the lean keep-alive client (leanHttp.ts; the default), `node:http` with keep-alive agents (nodeHttp.ts; a
 * third of fetch's CPU per call in the line-1 bench, kept for header values the lean client refuses) and a given
 * `fetch` (tests that record or reroute calls, a proxying fetch).
 *
 * The contract, whichever carries it: the whole exchange (answer body included) is bounded by `timeoutMs` (a
 * TimeoutError) and ends on `signal` (its reason); redirects are never followed (a 3xx comes back as it is, so
 * tokens in headers reach only the host they were meant for); an answer longer than `maxBytes` ends the exchange
 * with a ResponseTooLargeError instead of filling memory.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface ExchangeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Defaults to MAX_RESPONSE_BYTES. */
  maxBytes?: number;
}

/** The part of fetch's Headers callers use: `Headers` itself fits, so a fetch answer needs no copying. */
export interface ResponseHeaders {
  /** Repeated headers joined with ", " (as fetch does); null when absent. */
  get(name: string): string | null;
}

export interface ExchangeResponse {
  status: number;
  headers: ResponseHeaders;
  /** Decoded as UTF-8, a byte-order mark dropped (as fetch's text() does). */
  body: string;
}

export type Exchange = (request: ExchangeRequest) => Promise<ExchangeResponse>;

/** Far above any page the adapters ask for (500 Huawei meetings are under 1 MB), far below harm. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The answer was longer than the limit: the exchange was cut, nothing of the body kept. */
export class ResponseTooLargeError extends Error {
  readonly code = 'ERESPONSETOOLARGE';

  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${limitBytes} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

/** Named like AbortSignal.timeout's reason, which is how callers tell a timeout from other failures. */
export function timeoutError(ms: number): Error {
  const error = new Error(`no complete answer within ${ms} ms`);
  error.name = 'TimeoutError';
  return error;
}

/** The exchange over a given fetch, with the same contract as the node:http one. */
export function fetchExchange(fetchImpl: typeof fetch): Exchange {
  return async (request) => {
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'manual' });
    return { status: response.status, headers: response.headers, body: await boundedText(response, request.maxBytes ?? MAX_RESPONSE_BYTES) };
  };
}

/** Reads the body, refusing (and cancelling the rest) past `maxBytes`, by the declared length or by what arrives. */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    total += read.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    chunks.push(read.value);
  }
  return decodeUtf8(Buffer.concat(chunks, total));
}

/** UTF-8 without a leading byte-order mark, as fetch's text() gives it. */
export function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Node's parsed headers behind fetch's `get`: lower-case names, repeats joined with ", " (set-cookie is a list). */
export function nodeResponseHeaders(headers: IncomingHttpHeaders): ResponseHeaders {
  return {
    get(name: string): string | null {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

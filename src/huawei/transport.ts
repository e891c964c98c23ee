import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging.js';
import { ResponseTooLargeError, type Exchange, type ExchangeResponse } from '../http/exchange.js';
import { RetryableError, failedBeforeSending, isNetworkError, parseRetryAfter, withRetries, type RetryOptions } from '../http/retry.js';
import { HuaweiError, huaweiErrorFromResponse } from './errors.js';

/**
 * Sends one Huawei REST call: JSON in and out, a per-attempt timeout, retries for network failures and
 * 5xx/429 on idempotent calls, and one HuaweiError shape for every failure. Never follows redirects, so
 * tokens in headers can only ever reach the configured endpoint.
 */
export type QueryValue = string | number | boolean | undefined;

export interface HuaweiRequest {
  /** Short name for logs, e.g. "listOngoingMeetings". */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Safe to send twice. GET and Huawei's PUT control calls are; invite/hang-up POSTs are not. */
  idempotent: boolean;
  /** The sign-in call: its 401 means bad credentials, not an expired token. */
  isAuthCall?: boolean;
  signal?: AbortSignal;
}

export interface HuaweiResponse {
  status: number;
  body: unknown;
  requestId?: string;
}

export interface TransportOptions {
  endpoint: string;
  logger: Logger;
  requestTimeoutMs: number;
  retry: RetryOptions;
  /** How requests travel: the default carrier, or a fetch the client was given (see src/http/carrier.ts). */
  exchange: Exchange;
  /** Called with every error/log text candidate; returns the secrets to strip (App Key, passwords). */
  secrets: () => string[];
}

export class HuaweiTransport {
  readonly #origin: URL;

  constructor(private readonly options: TransportOptions) {
    let url: URL;
    try {
      url = new URL(options.endpoint);
    } catch {
      throw new Error(`Huawei endpoint "${options.endpoint}" is not a valid URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('Huawei endpoint must be an http(s) URL');
    this.#origin = url;
  }

  get origin(): string {
    return this.#origin.origin;
  }

  async send(request: HuaweiRequest): Promise<HuaweiResponse> {
    const url = this.urlFor(request);
    return withRetries(
      async (attempt) => {
        try {
          return await this.attempt(request, url, attempt);
        } catch (error) {
          throw this.classify(request, error);
        }
      },
      {
        // Non-idempotent calls only ever raise RetryableError when the request certainly never left.
        ...this.options.retry,
        signal: request.signal,
        onRetry: ({ attempt, error }) =>
          this.options.logger.debug({ operation: request.operation, attempt, error: describe(error) }, 'huawei request will be retried'),
      },
    );
  }

  private async attempt(request: HuaweiRequest, url: URL, attempt: number): Promise<HuaweiResponse> {
    const started = Date.now();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Request-ID': randomUUID().replaceAll('-', ''),
      ...request.headers,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json;charset=UTF-8';
    let response: ExchangeResponse;
    try {
      response = await this.options.exchange({
        method: request.method,
        url,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        timeoutMs: this.options.requestTimeoutMs,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      throw error;
    }
    const text = response.body;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const log = { operation: request.operation, method: request.method, path: url.pathname, status: response.status, requestId, attempt, ms: Date.now() - started };
    if (response.status >= 200 && response.status < 300) {
      this.options.logger.debug(log, 'huawei request done');
      return { status: response.status, body: parseJson(text, request, requestId), requestId };
    }
    const error = response.status >= 300 && response.status < 400
      ? new HuaweiError({ status: response.status, code: 'BAD_RESPONSE', serviceMessage: 'unexpected redirect (not followed)', requestId })
      : huaweiErrorFromResponse(response.status, this.scrub(text), requestId, request.isAuthCall ?? false);
    this.options.logger.debug({ ...log, code: error.code }, 'huawei request failed');
    if (request.idempotent && (response.status >= 500 || response.status === 429)) {
      throw new RetryableError(error, parseRetryAfter(response.headers.get('retry-after')));
    }
    throw error;
  }

  /** Turns a thrown value into a HuaweiError (wrapped in RetryableError when another attempt may help). */
  private classify(request: HuaweiRequest, error: unknown): unknown {
    if (error instanceof RetryableError || error instanceof HuaweiError) return error;
    if (request.signal?.aborted) return error;
    if (error instanceof ResponseTooLargeError) return new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: error.message, cause: error });
    if (isNetworkError(error)) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const wrapped = new HuaweiError({
        code: timedOut ? 'TIMEOUT' : 'NETWORK',
        serviceMessage: timedOut ? `no answer within ${this.options.requestTimeoutMs} ms` : describe(error),
        cause: error,
      });
      return request.idempotent || failedBeforeSending(error) ? new RetryableError(wrapped) : wrapped;
    }
    return new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: this.scrub(describe(error)), cause: error });
  }

  private urlFor(request: HuaweiRequest): URL {
    const url = new URL(request.path, this.#origin);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private scrub(text: string): string {
    let scrubbed = text;
    for (const secret of this.options.secrets()) {
      if (secret) scrubbed = scrubbed.split(secret).join('[Redacted]');
    }
    return scrubbed;
  }
}

function parseJson(text: string, request: HuaweiRequest, requestId: string | undefined): unknown {
  // Control calls answer 200 with no documented body; an empty body is a success, not a parse error.
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new HuaweiError({ status: 200, code: 'BAD_RESPONSE', serviceMessage: `${request.operation}: response is not JSON`, requestId, cause });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}: ${error.message} (${code})` : `${error.name}: ${error.message}`;
  }
  return String(error);
}

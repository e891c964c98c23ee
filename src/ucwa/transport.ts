import type { Logger } from '../logging.js';
import { ResponseTooLargeError, type Exchange, type ExchangeResponse, type ResponseHeaders } from '../http/exchange.js';
import type { Cancellation } from '../http/cancellation.js';
import { holdGet, holdingGet, type HeldGetReceiver } from '../http/holdingGet.js';
import { failedBeforeSending, isNetworkError, parseRetryAfter, RetryableError, withRetries } from '../http/retry.js';
import { parseChallenges } from './auth.js';
import { codeForStatus, parseReason, UcwaError } from './errors.js';
import {
  RepresentationError,
  resourceFromJson,
  resourceFromXml,
  serializeInput,
  type UcwaFormat,
  type UcwaResource,
  type UcwaValue,
} from './resource.js';
import type { TokenKeeper } from './tokens.js';
import { parseXml } from './xml.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RetryPolicy {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, minTimeoutMs: 250, maxTimeoutMs: 5_000, maxRetryAfterMs: 30_000 };

export interface UcwaRequest {
  method: HttpMethod;
  url: string;
  /** Input fields (serialized in the session's format) or an already serialized body. */
  input?: Record<string, UcwaValue | Date | undefined>;
  body?: string;
  ifMatch?: string;
  /** Defaults to true: send the user's token (only ever to an origin discovery established). */
  authenticated?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Overrides the retry policy, e.g. the event channel retries on its own. */
  retries?: number;
  /** A GET the server holds open for minutes (the event channel): sent on the lean path for those (see holdingGet). */
  hold?: boolean;
  /** For held GETs, in place of `signal` (see Cancellation). */
  cancellation?: Cancellation;
}

export interface UcwaResponse {
  status: number;
  url: string;
  headers: ResponseHeaders;
  contentType: string;
  body: string;
  etag?: string;
  /** Absolute Location header (operation resources, created resources). */
  location?: string;
}

export interface TransportHooks {
  /** The docs' rediscovery triggers: 403, 502, or repeated connection failures. */
  onRediscoveryHint?: (reason: string) => void;
}

export interface TransportOptions {
  format: UcwaFormat;
  userAgent: string;
  /** How requests travel: the default carrier, or the fetch the session was given (see src/http/carrier.ts). */
  exchange: Exchange;
  requestTimeoutMs: number;
  logger: Logger;
  retry: RetryPolicy;
  tokens: TokenKeeper;
  hooks?: TransportHooks;
  /**
   * Send held GETs with holdingGet (HTTP/1.1 of its own on pooled sockets, deadlines on one shared timer) instead of `exchange`. Off when the
   * session was given a fetch of its own (tests recording or rerouting calls, a proxying fetch), which then sees
   * every request.
   */
  holdWithNode?: boolean;
}

const REPEATED_CONNECTION_FAILURES = 3;

/** Every request to UCWA goes through here: token guard, content negotiation, timeout, retries, error parsing. */
export class UcwaTransport {
  private connectionFailures = 0;

  constructor(private readonly options: TransportOptions) {}

  get format(): UcwaFormat {
    return this.options.format;
  }

  async send(request: UcwaRequest): Promise<UcwaResponse> {
    const url = new URL(request.url);
    const authenticated = request.authenticated ?? true;
    if (authenticated && !this.options.tokens.isAllowed(url.origin)) throw this.foreignOrigin(request, url);
    const idempotent = request.method !== 'POST';
    const policy = this.options.retry;
    const retries = request.retries ?? policy.retries;
    // Without retries the retry machinery has nothing to do, and a held GET would keep its frames for minutes. The
    // handler is a function of the module, not a closure: a closure here would share this call's context, and with
    // it `url`, for as long as the server holds the GET.
    if (retries === 0) return this.attempt(request, url, authenticated, idempotent).catch(unwrapRetryable);
    return withRetries(() => this.attempt(request, url, authenticated, idempotent), {
      retries,
      minTimeoutMs: policy.minTimeoutMs,
      maxTimeoutMs: policy.maxTimeoutMs,
      maxRetryAfterMs: policy.maxRetryAfterMs,
      signal: request.signal,
      onRetry: ({ attempt, error }) =>
        this.options.logger.debug({ method: request.method, url: withoutQuery(url), attempt, error: describe(error) }, 'ucwa: retrying request'),
    });
  }

  /**
   * A GET the server holds for minutes (the event channel), sent once: no retries (the channel's loop owns them, so
   * its position stays exact), a 401 renewing the token once, failures as `send` reports them. The promise form of
   * `holdTo`, for callers that want one.
   */
  hold(request: UcwaRequest): Promise<UcwaResponse> {
    return new Promise<UcwaResponse>((resolve, reject) => this.holdTo(request, { heldAnswer: resolve, heldFailure: reject }));
  }

  /**
   * `hold`, heard by `receiver` (once, never synchronously) instead of through a promise. While the server holds the
   * GET, what waits is the pending GET (src/http/holdingGet.ts), one HeldCall and the receiver: no promises, each
   * adopting the next, with their reactions and closures, and no suspended frames, which an idle channel kept for
   * minutes (~1 KB of each idle organizer in the line-3 bench). A session given a fetch of its own sends it through that.
   */
  holdTo(request: UcwaRequest, receiver: HeldReceiver): void {
    let url: URL;
    try {
      url = new URL(request.url);
      if (!this.options.tokens.isAllowed(url.origin)) throw this.foreignOrigin(request, url);
    } catch (error) {
      process.nextTick(() => receiver.heldFailure(error));
      return;
    }
    this.holdWithToken(request, false, receiver);
  }

  /**
   * Sends the held GET with the current token; on a 401, once more after renewing it (`renewed` says whether done).
   * What waits is a HeldCall: no URL object, no closure (see `attempt`).
   */
  private holdWithToken(request: UcwaRequest, renewed: boolean, receiver: HeldReceiver): void {
    this.headers(request, new URL(request.url), true).then((headers) => {
      const timeoutMs = request.timeoutMs ?? this.options.requestTimeoutMs;
      const call = new HeldCall(this, request, renewed, receiver);
      if (this.options.holdWithNode) return holdGet(request.url, { headers, timeoutMs, signal: request.signal, cancellation: request.cancellation }, call);
      let pending: Promise<ExchangeResponse>;
      try {
        pending = this.options.exchange({ method: 'GET', url: new URL(request.url), headers, timeoutMs, signal: request.signal ?? request.cancellation?.signal() });
      } catch (error) {
        // A fetch given by the caller may throw instead of rejecting: reported the same way.
        pending = Promise.reject(error);
      }
      pending.then(
        (response) => call.answered(response),
        (error: unknown) => call.failed(error),
      );
    }, (error: unknown) => receiver.heldFailure(error));
  }

  /** (For HeldCall.) The held GET's answer: the response, or once after a 401 the same GET with a renewed token, or the failure. */
  heldAnswered(call: HeldCall, response: ExchangeResponse): void {
    const { request, receiver } = call;
    this.connectionFailures = 0;
    if (this.options.logger.isLevelEnabled('debug')) {
      this.options.logger.debug({ method: 'GET', url: withoutQuery(new URL(request.url)), status: response.status, ms: Date.now() - call.started }, 'ucwa: response');
    }
    if (response.status === 401 && !call.renewed) {
      const url = new URL(request.url);
      this.options.tokens.renew(parseChallenges(response.headers.get('www-authenticate')), url.origin, request.signal).then((ok) => {
        if (ok) return this.holdWithToken(request, true, receiver);
        receiver.heldFailure(new UcwaError({ status: 401, code: 'NotSignedIn', message: 'the server rejected the token and no credentials are available', request: label(request, url) }));
      }, (error: unknown) => receiver.heldFailure(error));
      return;
    }
    let answer: UcwaResponse;
    try {
      answer = this.interpret(request, new URL(request.url), response, true);
    } catch (error) {
      return receiver.heldFailure(unwrapped(error));
    }
    receiver.heldAnswer(answer);
  }

  /** (For HeldCall.) The held GET failed on the way (connection, deadline, cancellation): reported as `send` reports it. */
  heldFailed(call: HeldCall, error: unknown): void {
    call.receiver.heldFailure(unwrapped(this.networkFailure(error, call.request, new URL(call.request.url), true)));
  }

  /**
   * One try, re-authenticating once on 401 before giving up on it. Promise chains rather than `await`s here and in
   * `exchange`: a held GET waits minutes, and every suspended async frame is memory each idle channel keeps. For
   * the same reason the callbacks that wait keep the request, not `url`: they parse its href again when the answer
   * comes, so a held GET keeps no URL object (nor the strings it slices from the href) besides the href itself.
   */
  private attempt(request: UcwaRequest, url: URL, authenticated: boolean, idempotent: boolean): Promise<UcwaResponse> {
    return this.exchange(request, url, authenticated, idempotent).then(async (first) => {
      const url = new URL(request.url);
      let response = first;
      if (response.status === 401 && authenticated) {
        const challenges = parseChallenges(response.headers.get('www-authenticate'));
        const renewed = await this.options.tokens.renew(challenges, url.origin, request.signal);
        if (!renewed) {
          throw new UcwaError({ status: 401, code: 'NotSignedIn', message: 'the server rejected the token and no credentials are available', request: label(request, url) });
        }
        response = await this.exchange(request, url, authenticated, idempotent);
      }
      return this.interpret(request, url, response, idempotent);
    });
  }

  private exchange(request: UcwaRequest, url: URL, authenticated: boolean, idempotent: boolean): Promise<ExchangeResponse> {
    return this.headers(request, url, authenticated).then((headers) => this.sendWith(request, url, headers, idempotent));
  }

  /** Sends with these headers; the callbacks keep `request`, not `url` (see `attempt`). */
  private sendWith(request: UcwaRequest, url: URL, headers: Record<string, string>, idempotent: boolean): Promise<ExchangeResponse> {
    const body = request.body ?? (request.input ? serializeInput(request.input, this.format) : undefined);
    if (body !== undefined) headers['Content-Type'] = this.format === 'json' ? 'application/json' : 'application/xml';
    const timeoutMs = request.timeoutMs ?? this.options.requestTimeoutMs;
    const started = Date.now();
    let pending: Promise<ExchangeResponse>;
    try {
      pending =
        request.hold && request.method === 'GET' && this.options.holdWithNode
          ? holdingGet(request.url, { headers, timeoutMs, signal: request.signal })
          : this.options.exchange({ method: request.method, url, headers, body, timeoutMs, signal: request.signal });
    } catch (error) {
      // A fetch given by the caller may throw instead of rejecting: reported the same way.
      pending = Promise.reject(error);
    }
    return pending.then(
      (response) => {
        this.connectionFailures = 0;
        if (this.options.logger.isLevelEnabled('debug')) {
          this.options.logger.debug({ method: request.method, url: withoutQuery(new URL(request.url)), status: response.status, ms: Date.now() - started }, 'ucwa: response');
        }
        return response;
      },
      (error: unknown) => {
        throw this.networkFailure(error, request, new URL(request.url), idempotent);
      },
    );
  }

  private foreignOrigin(request: UcwaRequest, url: URL): UcwaError {
    this.options.logger.warn({ method: request.method, url: withoutQuery(url), origin: url.origin }, 'ucwa: refused a link to an origin discovery did not establish');
    return new UcwaError({ code: 'ForeignOrigin', message: `refused to send credentials to ${url.origin}`, request: `${request.method} ${withoutQuery(url)}` });
  }

  private async headers(request: UcwaRequest, url: URL, authenticated: boolean): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: acceptFor(this.format), 'User-Agent': this.options.userAgent };
    if (request.ifMatch) headers['If-Match'] = request.ifMatch;
    if (authenticated) {
      const token = await this.options.tokens.tokenFor(url.origin, request.signal);
      if (token) headers['Authorization'] = `Bearer ${token}`;
    }
    return headers;
  }

  private networkFailure(error: unknown, request: UcwaRequest, url: URL, idempotent: boolean): Error {
    if (request.signal?.aborted || request.cancellation?.cancelled) return new UcwaError({ code: 'Aborted', message: 'request cancelled', request: label(request, url), cause: error });
    if (error instanceof ResponseTooLargeError) return new UcwaError({ code: 'InvalidResponse', message: error.message, request: label(request, url), cause: error });
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const failure = new UcwaError({
      code: timedOut ? 'Timeout' : 'NetworkFailure',
      message: timedOut ? 'no answer before the request timeout' : `could not reach ${url.origin}`,
      request: label(request, url),
      cause: error,
    });
    if (++this.connectionFailures >= REPEATED_CONNECTION_FAILURES) {
      this.connectionFailures = 0;
      this.options.hooks?.onRediscoveryHint?.('repeated connection failures');
    }
    const retryable = isNetworkError(error) && (idempotent || failedBeforeSending(error));
    return retryable ? new RetryableError(failure) : failure;
  }

  private interpret(request: UcwaRequest, url: URL, response: ExchangeResponse, idempotent: boolean): UcwaResponse {
    const body = response.body;
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status >= 200 && response.status < 300) {
      const location = response.headers.get('location');
      return {
        status: response.status,
        url: url.toString(),
        headers: response.headers,
        contentType,
        body,
        etag: response.headers.get('etag') ?? undefined,
        location: location ? new URL(location, url).toString() : undefined,
      };
    }
    const error = errorFromResponse(response.status, body, contentType, label(request, url));
    if (response.status === 403 || response.status === 502) this.options.hooks?.onRediscoveryHint?.(`HTTP ${response.status}`);
    const transient = response.status === 500 || response.status === 503 || response.status === 504;
    if (transient && idempotent) throw new RetryableError(error, parseRetryAfter(response.headers.get('retry-after')));
    throw error;
  }
}

/** Who hears how a held GET (`holdTo`) ended: one of the two, once. */
export interface HeldReceiver {
  heldAnswer(response: UcwaResponse): void;
  heldFailure(error: unknown): void;
}

/**
 * One held GET on its way, as the transport's part of it: what it needs when the answer comes (the request, whether
 * the token was renewed already, when it left) and who hears the outcome. An object of its own in place of the
 * closures and their context that a callback pair would keep for the minutes the server holds the GET.
 */
class HeldCall implements HeldGetReceiver {
  readonly started = Date.now();

  constructor(
    private readonly transport: UcwaTransport,
    readonly request: UcwaRequest,
    readonly renewed: boolean,
    readonly receiver: HeldReceiver,
  ) {}

  answered(response: ExchangeResponse): void {
    this.transport.heldAnswered(this, response);
  }

  failed(error: unknown): void {
    this.transport.heldFailed(this, error);
  }
}

/** The failure itself, out of the wrapper that only tells the retry machinery to try again. */
function unwrapRetryable(error: unknown): never {
  throw unwrapped(error);
}

function unwrapped(error: unknown): unknown {
  return error instanceof RetryableError ? error.cause : error;
}

export function errorFromResponse(status: number, body: string, contentType: string, request: string): UcwaError {
  const reason = parseReason(body, contentType);
  if (reason) return new UcwaError({ status, ...reason, request });
  // Not a UCWA body (a proxy's or IIS's page): keep the status, never echo the page.
  return new UcwaError({ status, code: codeForStatus(status), message: `HTTP ${status} without a UCWA error body`, request });
}

/** Parses a 2xx body into the resource model; errors name the request, not the body. */
export function resourceOf(response: UcwaResponse): UcwaResource {
  try {
    const type = response.contentType.toLowerCase();
    let resource: UcwaResource;
    if (type.includes('xml')) resource = resourceFromXml(parseXml(response.body), response.url);
    else if (type.includes('json')) resource = resourceFromJson(JSON.parse(response.body) as unknown, response.url);
    else throw new RepresentationError(`expected a UCWA resource, got content type "${response.contentType || 'none'}"`);
    // A header ETag is sent back verbatim; a body `etag` property is bare, and If-Match wants it quoted
    // (the "Update an online meeting" sample sends If-Match: "3109609770").
    const etag = response.etag ?? (resource.etag ? `"${resource.etag}"` : undefined);
    return etag ? { ...resource, etag } : resource;
  } catch (error) {
    if (error instanceof UcwaError) throw error;
    throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: error instanceof Error ? error.message : String(error), request: `GET ${response.url}`, cause: error });
  }
}

export function hasBody(response: UcwaResponse): boolean {
  return response.body.trim().length > 0;
}

function acceptFor(format: UcwaFormat): string {
  // The vnd type is what the event channel needs for XML; plain application/xml is what resource samples send.
  return format === 'json' ? 'application/json' : 'application/vnd.microsoft.com.ucwa+xml, application/xml;q=0.9';
}

/** Query strings can carry web tickets (`cwt=`), so logs and errors show origin + path only. */
export function withoutQuery(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function label(request: UcwaRequest, url: URL): string {
  return `${request.method} ${withoutQuery(url)}`;
}

function describe(error: unknown): string {
  return error instanceof UcwaError ? `${error.status ?? ''} ${error.code} ${error.subcode ?? ''}`.trim() : error instanceof Error ? error.message : String(error);
}

import pRetry, { AbortError, type Options as PRetryOptions } from 'p-retry';

/**
 * One retry policy for every outbound HTTP call (UCWA, Huawei, Bot Connector): exponential backoff with
 * jitter through p-retry, honouring a server's Retry-After. Callers decide what is retryable; this module
 * only decides when to try again.
 */
export interface RetryOptions {
  /** Attempts after the first one. */
  retries?: number;
  minTimeoutMs?: number;
  maxTimeoutMs?: number;
  /** Longest Retry-After the caller is willing to honour; longer waits fail fast instead. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; error: unknown; delayMs: number }) => void;
}

/** Thrown (or returned as the cause) by an attempt that may be tried again, optionally after a delay. */
export class RetryableError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly retryAfterMs?: number,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'RetryableError';
  }
}

/**
 * Runs `attempt` until it returns. An attempt signals "try again" by throwing RetryableError; any other
 * error ends the loop at once and is rethrown as is.
 */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  try {
    return await pRetryAfterFirst(
      async (attemptNumber) => {
        try {
          return await attempt(attemptNumber);
        } catch (error) {
          if (!(error instanceof RetryableError)) throw new AbortError(wrapForAbort(error));
          if (error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfterMs) {
            throw new AbortError(wrapForAbort(error.cause));
          }
          if (error.retryAfterMs) await delay(error.retryAfterMs, options.signal);
          throw error;
        }
      },
      {
        retries: options.retries ?? 3,
        factor: 2,
        minTimeout: options.minTimeoutMs ?? 200,
        maxTimeout: options.maxTimeoutMs ?? 5_000,
        randomize: true,
        signal: options.signal,
        onFailedAttempt: ({ error, attemptNumber }) => {
          options.onRetry?.({ attempt: attemptNumber, error: unwrap(error), delayMs: 0 });
        },
      },
    );
  } catch (error) {
    throw unwrap(error);
  }
}

/**
 * p-retry, with the first attempt made before p-retry is set up: almost every call succeeds at once, and p-retry's
 * set-up (its options copied and checked, a clock read, another async frame) was a visible share of each UCWA,
 * Huawei and storage call in the bench's profiles. A failed first attempt is handed to p-retry as its own first
 * attempt's failure, so retries, delays, attempt numbers and callbacks are exactly p-retry's. With a signal p-retry
 * runs from the start: it checks the signal around each attempt, which this shortcut would not repeat.
 */
export async function pRetryAfterFirst<T>(input: (attemptNumber: number) => PromiseLike<T> | T, options: PRetryOptions = {}): Promise<T> {
  if (options.signal) return pRetry(input, options);
  let failure: unknown;
  try {
    return await input(1);
  } catch (error) {
    failure = error;
  }
  return pRetry((attemptNumber) => (attemptNumber === 1 ? Promise.reject(failure) : input(attemptNumber)), options);
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** True when a fetch failure certainly happened before the request reached the server. */
export function failedBeforeSending(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT';
}

/** True for network-level failures (no HTTP answer at all). */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  if (failedBeforeSending(error)) return true;
  const code = errorCode(error);
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT' || (error instanceof TypeError && error.message === 'fetch failed');
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** p-retry rethrows an AbortError's original error, so a non-retryable error surfaces unchanged. */
function wrapForAbort(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function unwrap(error: unknown): unknown {
  return error instanceof RetryableError ? error.cause : error;
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}

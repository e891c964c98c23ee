/**
 * The error shapes service adapters throw. An adapter's error says WHAT failed in typed fields (service, status,
 * code, subcode); the Teams side words it for people. `AdapterError` carries no sentence at all (the UCWA adapter's
 * errors: src/teams/errorSentences.ts words them, in English and Chinese); `ServiceError` still carries a plain
 * English `userMessage` for the adapters that have not moved their sentences out yet.
 */
export interface AdapterErrorDetails {
  service: 'ucwa' | 'huawei' | 'teams' | 'storage';
  /** HTTP status, when the error came from an HTTP answer. */
  status?: number;
  /** The service's own error code, e.g. UCWA `Conflict` or Huawei `USG.000000004`. */
  code?: string;
  /** The service's subcode, e.g. UCWA `AlreadyExists`. */
  subcode?: string;
  /** What the service said, for logs; never shown to users verbatim. */
  serviceMessage?: string;
  /** Correlation id from the service (Huawei `X-Request-Id`, UCWA debugInfo), for support. */
  requestId?: string;
  cause?: unknown;
}

export class AdapterError extends Error {
  readonly service: AdapterErrorDetails['service'];
  readonly status?: number;
  readonly code?: string;
  readonly subcode?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;

  /** `summary`: what the error's own message says when the service said nothing (for logs). */
  constructor(details: AdapterErrorDetails, summary = 'failed') {
    const label = [details.service, details.status, details.code, details.subcode].filter(Boolean).join(' ');
    super(`${label}: ${details.serviceMessage ?? summary}`, { cause: details.cause });
    this.name = 'AdapterError';
    this.service = details.service;
    this.status = details.status;
    this.code = details.code;
    this.subcode = details.subcode;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
  }
}

export interface ServiceErrorDetails extends AdapterErrorDetails {
  /** A plain sentence for the person in chat. */
  userMessage: string;
}

export class ServiceError extends AdapterError {
  readonly userMessage: string;

  constructor(details: ServiceErrorDetails) {
    super(details, details.userMessage);
    this.name = 'ServiceError';
    this.userMessage = details.userMessage;
  }
}

/** What to tell a person about any error: the adapter's sentence, or a safe generic one. */
export function userMessageOf(error: unknown): string {
  const serviceError = findServiceError(error);
  if (serviceError) return serviceError.userMessage;
  return 'Something went wrong on my side. Please try again in a moment.';
}

/** botbuilder wraps errors thrown inside dialogs (DialogContextError keeps the original in `error`). */
function findServiceError(error: unknown): ServiceError | undefined {
  const found = findAdapterError(error);
  return found instanceof ServiceError ? found : undefined;
}

/** The adapter's error inside whatever wraps it (botbuilder's DialogContextError keeps the original in `error`). */
export function findAdapterError(error: unknown): AdapterError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof AdapterError) return current;
    const wrapper = current as { error?: unknown; cause?: unknown };
    current = wrapper.error ?? wrapper.cause;
  }
  return undefined;
}

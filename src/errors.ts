/**
 * The one error shape every service adapter throws. Adapters subclass it with their own parsing; the Teams
 * side only reads `userMessage` (a plain sentence safe to show in chat) and logs the rest.
 */
export interface ServiceErrorDetails {
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
  /** A plain sentence for the person in chat. */
  userMessage: string;
  cause?: unknown;
}

export class ServiceError extends Error {
  readonly service: ServiceErrorDetails['service'];
  readonly status?: number;
  readonly code?: string;
  readonly subcode?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;
  readonly userMessage: string;

  constructor(details: ServiceErrorDetails) {
    const label = [details.service, details.status, details.code, details.subcode].filter(Boolean).join(' ');
    super(`${label}: ${details.serviceMessage ?? details.userMessage}`, { cause: details.cause });
    this.name = 'ServiceError';
    this.service = details.service;
    this.status = details.status;
    this.code = details.code;
    this.subcode = details.subcode;
    this.serviceMessage = details.serviceMessage;
    this.requestId = details.requestId;
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
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof ServiceError) return current;
    const wrapper = current as { error?: unknown; cause?: unknown };
    current = wrapper.error ?? wrapper.cause;
  }
  return undefined;
}

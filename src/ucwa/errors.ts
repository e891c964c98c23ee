import { lookup } from '../tables.js';
import { AdapterError } from '../errors.js';
import { isRecord } from './resource.js';
import { childrenNamed, firstChild, parseXml, type XmlElement } from './xml.js';

/** What UCWA said went wrong: the error body of the docs' "Errors and informational messages" page. */
export interface UcwaReason {
  code: string;
  subcode?: string;
  message?: string;
  parameters?: Record<string, string>;
  debugInfo?: Record<string, string>;
}

/** Failures that happen on our side of the wire, named like UCWA codes so callers switch on one field. */
export type LocalErrorCode =
  | 'ForeignOrigin'
  | 'NetworkFailure'
  | 'Timeout'
  | 'InvalidResponse'
  | 'SignInFailed'
  | 'NotSignedIn'
  | 'MissingLink'
  | 'InvalidInput'
  | 'Aborted';

/**
 * What went wrong on our side when the code alone does not say it: typed, so the Teams side can word it in the
 * person's language (src/teams/errorSentences.ts). No sentences here.
 */
export type UcwaProblem =
  /** What was given as a meeting address is neither a sip: nor a conf: URI. */
  | { kind: 'notMeetingAddress' }
  /** The participant offers no admit / reject link: gone, or the caller may not manage this lobby. */
  | { kind: 'participantNotActionable'; action: 'admit' | 'reject' }
  | { kind: 'groupNameLength'; max: number }
  | { kind: 'credentialsMissing' }
  /** The sign-in challenge named a token endpoint on another deployment: the password was not sent there. */
  | { kind: 'tokenEndpointElsewhere' }
  | { kind: 'passwordGrantUnsupported' }
  | { kind: 'passwordRefused' }
  | { kind: 'signInFailed' }
  /** `problems`: our own field-level findings (technical, in English), e.g. "attendees must be SIP addresses …". */
  | { kind: 'meetingInvalid'; problems: string[] }
  | { kind: 'extensionInvalid'; detail: string }
  | { kind: 'serverNotFound' }
  | { kind: 'unsafeDiscovery' };

export interface UcwaErrorDetails {
  status?: number;
  code: string;
  subcode?: string;
  message?: string;
  parameters?: Record<string, string>;
  debugInfo?: Record<string, string>;
  /** Method and URL of the failed request, for logs (never carries the token). */
  request?: string;
  cause?: unknown;
  problem?: UcwaProblem;
}

/** Every failure of the UCWA adapter, typed (status, code, subcode, problem); it carries no sentence for people. */
export class UcwaError extends AdapterError {
  readonly parameters?: Record<string, string>;
  readonly debugInfo?: Record<string, string>;
  readonly request?: string;
  readonly problem?: UcwaProblem;
  override readonly code: string;

  constructor(details: UcwaErrorDetails) {
    super({
      service: 'ucwa',
      status: details.status,
      code: details.code,
      subcode: details.subcode,
      serviceMessage: details.message,
      requestId: details.debugInfo ? firstDebugId(details.debugInfo) : undefined,
      cause: details.cause,
    });
    this.name = 'UcwaError';
    this.problem = details.problem;
    this.code = details.code;
    this.parameters = details.parameters;
    this.debugInfo = details.debugInfo;
    this.request = details.request;
  }

  /** True when the error says the same subcode (UCWA compares codes case-sensitively; we do not). */
  is(subcode: string): boolean {
    return (this.subcode ?? '').toLowerCase() === subcode.toLowerCase();
  }
}

const statusCodes: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 408: 'ClientTimeout',
  409: 'Conflict', 410: 'Gone', 412: 'PreconditionFailed', 413: 'EntityTooLarge', 415: 'UnsupportedMediaType',
  428: 'PreconditionRequired', 429: 'TooManyRequests', 500: 'ServiceFailure', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'Timeout',
};

export function codeForStatus(status: number): string {
  return lookup(statusCodes, status) ?? `Http${status}`;
}

/** Reads a UCWA error body (JSON or XML `reason`); undefined when the body is not one (a proxy's HTML page). */
export function parseReason(body: string, contentType: string | null): UcwaReason | undefined {
  const type = (contentType ?? '').toLowerCase();
  try {
    if (type.includes('json')) return reasonFromJson(JSON.parse(body) as unknown);
    if (type.includes('xml')) return reasonFromXml(parseXml(body));
  } catch {
    return undefined;
  }
  return undefined;
}

export function reasonFromJson(value: unknown): UcwaReason | undefined {
  if (!isRecord(value) || typeof value.code !== 'string') return undefined;
  return {
    code: value.code,
    subcode: typeof value.subcode === 'string' ? value.subcode : undefined,
    message: typeof value.message === 'string' ? value.message : undefined,
    parameters: stringBag(value.parameters),
    debugInfo: stringBag(value.debugInfo),
  };
}

export function reasonFromXml(element: XmlElement): UcwaReason | undefined {
  const code = firstChild(element, 'code')?.text;
  if (!code) return undefined;
  return {
    code,
    subcode: firstChild(element, 'subcode')?.text || undefined,
    message: firstChild(element, 'message')?.text || undefined,
    parameters: xmlBag(firstChild(element, 'parameters')),
    debugInfo: xmlBag(firstChild(element, 'debugInfo')),
  };
}

function stringBag(value: unknown): Record<string, string> | undefined {
  if (Array.isArray(value)) {
    // Some servers send parameters as [{name, value}] pairs rather than an object.
    const bag: Record<string, string> = {};
    for (const item of value) if (isRecord(item) && typeof item.name === 'string') bag[item.name] = String(item.value ?? '');
    return Object.keys(bag).length > 0 ? bag : undefined;
  }
  if (!isRecord(value)) return undefined;
  const bag: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) bag[key] = typeof item === 'string' ? item : JSON.stringify(item);
  return Object.keys(bag).length > 0 ? bag : undefined;
}

function xmlBag(element: XmlElement | undefined): Record<string, string> | undefined {
  if (!element) return undefined;
  const bag: Record<string, string> = {};
  for (const child of element.children) {
    const name = child.attributes.name ?? child.name;
    bag[name] = child.name === 'propertyList' ? childrenNamed(child, 'item').map((item) => item.text).join(',') : child.text;
  }
  return Object.keys(bag).length > 0 ? bag : undefined;
}

function firstDebugId(debugInfo: Record<string, string>): string | undefined {
  const key = Object.keys(debugInfo).find((name) => /diagnostic|correlation|requestid|ms-?diagnostics/i.test(name));
  return key ? debugInfo[key] : undefined;
}

/** The server no longer has the application (deleted, or expired while idle): a new one is needed, not a new sign-in. */
export function isLostApplication(error: unknown): boolean {
  if (!(error instanceof UcwaError)) return false;
  return (error.status === 404 && error.is('ApplicationNotFound')) || (error.status === 410 && error.is('InactiveApplicationExpired'));
}

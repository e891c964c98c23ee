import { lookup } from '../tables.js';
import { ServiceError } from '../errors.js';
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
  userMessage?: string;
}

export class UcwaError extends ServiceError {
  readonly parameters?: Record<string, string>;
  readonly debugInfo?: Record<string, string>;
  readonly request?: string;
  override readonly code: string;

  constructor(details: UcwaErrorDetails) {
    super({
      service: 'ucwa',
      status: details.status,
      code: details.code,
      subcode: details.subcode,
      serviceMessage: details.message,
      requestId: details.debugInfo ? firstDebugId(details.debugInfo) : undefined,
      userMessage: details.userMessage ?? userMessageFor(details.status, details.code, details.subcode),
      cause: details.cause,
    });
    this.name = 'UcwaError';
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

// Subcodes named on the seed pages and the generic ones a bot meets; anything else falls back to the code.
const subcodeMessages: Record<string, string> = {
  InvalidExchangeServerVersion: "Skype for Business can't reach a supported Exchange mailbox for this, so the feature isn't available for this account.",
  CallbackChannelError: "Skype for Business couldn't reach my event channel. Please try again in a moment.",
  AlreadyExists: 'That already exists in Skype for Business.',
  TooManyGroups: 'You have reached the maximum number of contact groups in Skype for Business.',
  None: "Skype for Business doesn't support that request right now.",
  CannotRedirect: "Skype for Business is unavailable: your home server is down and no backup pool is configured. Please try again later.",
  Forbidden: "Skype for Business says you don't have permission to do that.",
  ApplicationNotFound: 'My Skype for Business session expired. Please try again.',
  InactiveApplicationExpired: 'My Skype for Business session expired after being idle. Please sign in again.',
  TooManyApplications: 'You are signed in to Skype for Business from too many apps. Sign out of one and try again.',
  UserAgentNotAllowed: 'Your Skype for Business server does not allow this bot to sign in. Please contact your administrator.',
  ParameterValidationFailure: 'Skype for Business rejected some of the details I sent.',
  TooManyOnlineMeetings: 'You have reached the maximum number of Skype meetings. Delete an old one and try again.',
  DestinationNotFound: "I couldn't find that Skype meeting.",
  PGetReplaced: 'Another copy of this session took over the event channel.',
  TooManyLobbyParticipants: 'Too many people are waiting in the lobby.',
  Denied: 'The lobby participant was denied entry to the meeting.',
  MigrationInProgress: 'Your contact list is being migrated and is read-only for now. Please try again later.',
};

const codeMessages: Record<string, string> = {
  BadRequest: 'Skype for Business did not accept that request.',
  Forbidden: "Skype for Business says you don't have permission to do that.",
  NotFound: "That no longer exists in Skype for Business (it may have ended or been deleted).",
  Conflict: 'Skype for Business could not do that right now because something changed. Please try again.',
  Gone: 'That Skype for Business session has ended. Please sign in again.',
  PreconditionFailed: 'Someone else changed that at the same time. Please try again.',
  PreConditionFailed: 'Someone else changed that at the same time. Please try again.',
  TooManyRequests: 'Skype for Business is busy. Please try again in a moment.',
  ServiceFailure: 'Skype for Business had a problem on its side. Please try again in a moment.',
  ServiceUnavailable: 'Skype for Business is temporarily unavailable. Please try again in a moment.',
  Timeout: 'Skype for Business took too long to answer. Please try again.',
  ForeignOrigin: 'I refused to follow a Skype for Business link to an unexpected server.',
  NetworkFailure: "I couldn't reach the Skype for Business server. Please try again in a moment.",
  InvalidResponse: 'The Skype for Business server sent an answer I could not understand.',
  SignInFailed: "I couldn't sign in to Skype for Business with those credentials.",
  NotSignedIn: 'Please sign in to Skype for Business first.',
  MissingLink: "Skype for Business doesn't offer that action here (you may not have permission, or it isn't available).",
  InvalidInput: 'Some of the details are not valid.',
  Aborted: 'The request was cancelled.',
};

const statusCodes: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 408: 'ClientTimeout',
  409: 'Conflict', 410: 'Gone', 412: 'PreconditionFailed', 413: 'EntityTooLarge', 415: 'UnsupportedMediaType',
  428: 'PreconditionRequired', 429: 'TooManyRequests', 500: 'ServiceFailure', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'Timeout',
};

export function userMessageFor(status: number | undefined, code: string, subcode?: string): string {
  const bySubcode = subcode ? lookup(subcodeMessages, subcode) : undefined;
  if (bySubcode) return bySubcode;
  const byCode = lookup(codeMessages, code);
  if (byCode) return byCode;
  const statusCode = status === undefined ? undefined : lookup(statusCodes, status);
  const byStatus = statusCode ? lookup(codeMessages, statusCode) : undefined;
  if (byStatus) return byStatus;
  return 'Skype for Business could not do that. Please try again.';
}

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

import { lookup } from '../tables.js';
import { ServiceError } from '../errors.js';
import { scrubSecrets } from '../logging.js';
import { errorBodySchema } from './types.js';

/** Codes the client raises itself, before or instead of a Huawei answer. */
export type HuaweiClientErrorCode = 'INVALID_ARGUMENT' | 'NOT_HOST' | 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE' | 'NO_CREDENTIALS';

export interface HuaweiErrorDetails {
  status?: number;
  code?: string;
  serviceMessage?: string;
  requestId?: string;
  userMessage?: string;
  /** The sign-in call itself was refused: the bot's App ID / App Key (or account) are wrong. */
  signInRefused?: boolean;
  cause?: unknown;
}

/** Every failure of the Huawei adapter; `userMessage` is a plain sentence safe for chat. */
export class HuaweiError extends ServiceError {
  constructor(details: HuaweiErrorDetails) {
    super({
      service: 'huawei',
      status: details.status,
      code: details.code,
      serviceMessage: details.serviceMessage === undefined ? undefined : scrubSecrets(details.serviceMessage),
      requestId: details.requestId,
      userMessage: details.userMessage ?? userMessageFor(details.status, details.code),
      cause: details.cause,
    });
    this.name = 'HuaweiError';
    this.isSignInRefused = details.signInRefused === true;
  }

  /** The sign-in call itself was refused (a 401/403 there means bad app credentials, not an expired token). */
  readonly isSignInRefused: boolean;

  /** True when the access token was rejected and a fresh one may help. */
  get isTokenRejected(): boolean {
    return this.status === 401 || tokenErrorCodes.has(this.code ?? '');
  }

  /** True when the bot's own credentials (App ID/App Key, account password) are missing or were refused. */
  get isCredentialFailure(): boolean {
    return this.code === 'NO_CREDENTIALS' || credentialErrorCodes.has(this.code ?? '');
  }

  /** True when the meeting-control token was rejected (or the meeting is gone). */
  get isControlAuthFailure(): boolean {
    return this.code === 'MMC.111072065';
  }
}

/** USG codes meaning "this access token is not (or no longer) valid". */
const tokenErrorCodes = new Set(['USG.000000004', 'USG.000000005']);

/** App ID / account sign-in failures: the bot's own configuration is wrong, not the person's request. */
const credentialErrorCodes = new Set(['USG.206010025', 'USG.206010057', 'USG.206010000']);

const messagesByCode: Record<string, string> = {
  'MMC.111072065': "I couldn't find that meeting, or Huawei Cloud Meeting didn't let me control it.",
  'MMC.111070005': "That meeting doesn't exist or has already ended.",
  'MMC.111072005': "That meeting hasn't started yet or has already ended.",
  'MMC.111072013': 'That meeting ID belongs to a different meeting room meeting.',
  'MMC.111072014': 'That meeting room meeting has already ended.',
  'MMC.111072015': "That meeting room meeting hasn't started yet.",
  'USG.201040000': "Your Huawei Cloud Meeting account wasn't found. Ask an administrator to add you to the enterprise.",
  'USG.206030000': "Your Huawei Cloud Meeting account wasn't found. Ask an administrator to add you to the enterprise.",
  'USG.206010007': "Your Huawei Cloud Meeting account isn't activated yet.",
  NOT_HOST: 'Only the meeting host or a Huawei Cloud Meeting administrator can do that.',
  TIMEOUT: 'Huawei Cloud Meeting took too long to answer. Please try again in a moment.',
  NETWORK: "I couldn't reach Huawei Cloud Meeting. Please try again in a moment.",
  BAD_RESPONSE: 'Huawei Cloud Meeting sent an answer I could not read. Please try again later.',
  NO_CREDENTIALS: 'The bot has no Huawei Cloud Meeting credentials configured. Ask an administrator to set them up.',
};

const credentialMessage =
  'Huawei Cloud Meeting rejected the bot\'s app credentials (App ID or App Key). Ask an administrator to check the bot\'s Huawei settings.';

export function userMessageFor(status: number | undefined, code: string | undefined): string {
  const byCode = code ? lookup(messagesByCode, code) : undefined;
  if (byCode) return byCode;
  if (code && credentialErrorCodes.has(code)) return credentialMessage;
  if (code && tokenErrorCodes.has(code)) return 'My Huawei Cloud Meeting sign-in expired. Please try again.';
  switch (status) {
    case 400:
      return 'Huawei Cloud Meeting did not accept that request.';
    case 401:
      return 'Huawei Cloud Meeting did not accept the bot\'s sign-in. Please try again; if it keeps happening, ask an administrator to check the bot\'s Huawei settings.';
    case 403:
      return "You don't have permission to do that in Huawei Cloud Meeting.";
    case 404:
      return "I couldn't find that in Huawei Cloud Meeting.";
    case 412:
      return 'That Huawei Cloud Meeting account is disabled.';
    case 423:
      return 'That Huawei Cloud Meeting account is locked.';
    case 429:
      return 'Huawei Cloud Meeting is busy right now. Please try again in a moment.';
    default:
      if (status !== undefined && status >= 500) return 'Huawei Cloud Meeting is having trouble right now. Please try again in a moment.';
      return 'Something went wrong talking to Huawei Cloud Meeting. Please try again in a moment.';
  }
}

/** Builds the error for a non-2xx answer from its (possibly empty or non-JSON) body. */
export function huaweiErrorFromResponse(status: number, bodyText: string, requestId: string | undefined, isAuthCall: boolean): HuaweiError {
  let code: string | undefined;
  let message: string | undefined;
  let bodyRequestId: string | undefined;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) ({ code, message, requestId: bodyRequestId } = parsed.data);
  } catch {
    message = bodyText.slice(0, 200) || undefined;
  }
  // A 401 from the sign-in call itself means the App ID/App Key (or account) are wrong, not an expired token.
  const signInRefused = isAuthCall && (status === 401 || status === 403 || (code !== undefined && credentialErrorCodes.has(code)));
  const userMessage = signInRefused ? credentialMessage : undefined;
  return new HuaweiError({ status, code, serviceMessage: message, requestId: requestId ?? bodyRequestId, userMessage, signInRefused });
}

export function invalidArgument(userMessage: string): HuaweiError {
  return new HuaweiError({ code: 'INVALID_ARGUMENT', serviceMessage: userMessage, userMessage });
}

import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CommandStep } from '../command.js';
import { HuaweiError, type HuaweiIdentity, type HuaweiIdentityResolver, type HuaweiMeetingClient } from '../../src/huawei/index.js';
import type { Logger } from '../../src/logging.js';
import type { CommandOptions } from '../../src/teams/capability.js';
import { reply } from '../../src/teams/reply.js';
import { loggerOf } from '../../src/teams/turnLogger.js';
import { errorText, say } from './text.js';

/** The last list shown in a conversation, so "next page" can continue it (conversation state: plain data). */
export interface HuaweiListState {
  kind: 'ongoing' | 'scheduled';
  /** The Huawei user the list was fetched as; only they may continue it. */
  ownerUserId: string;
  queryAll: boolean;
  searchKey?: string;
  /** Service offset the next page starts from. */
  nextOffset: number;
  /** Meetings shown so far, for "Showing 11–20 of …". */
  shown: number;
  /** Ids shown on the latest pages: meetings that start or end between pages shift offsets, and these stop repeats. */
  recentIds: string[];
}

/** Everything the Huawei dialogs share. */
export interface HuaweiCommandDeps {
  client: HuaweiMeetingClient;
  identities: HuaweiIdentityResolver;
  logger: Logger;
  lists: StatePropertyAccessor<HuaweiListState | undefined>;
  /** Told about every finished Huawei call, so health can report rejected credentials. */
  outcomes: CallOutcomes;
}

/** Remembers whether the last Huawei call failed because the bot's own credentials were rejected. */
export class CallOutcomes {
  #credentialFailureAt: Date | undefined;

  get credentialFailureAt(): Date | undefined {
    return this.#credentialFailureAt;
  }

  succeeded(): void {
    this.#credentialFailureAt = undefined;
  }

  failed(error: unknown): void {
    if (error instanceof HuaweiError && error.isCredentialFailure) this.#credentialFailureAt = new Date();
  }
}

/** The person's own Huawei account is missing or not activated: theirs to sort out, not the bot's. */
const personAccountCodes = new Set(['USG.201040000', 'USG.206030000', 'USG.206010007']);

/** Mistakes of the person or of their rights, not faults of the bot: logged as warnings. */
function isUserSideError(error: unknown): boolean {
  if (!(error instanceof HuaweiError)) return false;
  const code = error.code ?? '';
  return code === 'INVALID_ARGUMENT' || code === 'NOT_HOST' || code.startsWith('MMC.') || personAccountCodes.has(code);
}

/** The Huawei identity of the person who typed the command; says so plainly when there is none. */
export async function identify(step: CommandStep, deps: HuaweiCommandDeps, options: CommandOptions): Promise<HuaweiIdentity | undefined> {
  const { user } = options;
  const identity = await deps.identities.resolve({ aadObjectId: user.aadObjectId, upn: user.upn, email: user.email });
  if (!identity) await reply(step.context, { text: say.unknownUser[options.language] });
  return identity;
}

/**
 * Runs one Huawei call for a command. A failure is logged (without secrets: HuaweiError messages are already
 * scrubbed and no request data is logged) and answered with a plain sentence; the caller gets undefined.
 */
export async function attempt<T>(context: TurnContext, deps: HuaweiCommandDeps, options: CommandOptions, operation: string, call: () => Promise<T>): Promise<{ value: T } | undefined> {
  try {
    const value = await call();
    deps.outcomes.succeeded();
    return { value };
  } catch (error) {
    deps.outcomes.failed(error);
    const log = loggerOf(context, deps.logger);
    const fields = describe(error, operation, options.recognition.intent);
    if (isUserSideError(error)) log.warn(fields, 'huawei command refused');
    else log.error(fields, 'huawei command failed');
    await reply(context, { text: errorText(error, options.language) });
    return undefined;
  }
}

function describe(error: unknown, operation: string, intent: string): Record<string, unknown> {
  if (error instanceof HuaweiError) {
    return { intent, operation, service: error.service, status: error.status, code: error.code, requestId: error.requestId, serviceMessage: error.serviceMessage };
  }
  return { intent, operation, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

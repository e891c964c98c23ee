import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { ServiceError } from '../errors.js';
import { RetryableError, isNetworkError, parseRetryAfter, withRetries } from '../http/retry.js';
import { isReachableServiceUrl } from '../http/urls.js';
import type { Logger } from '../logging.js';
import type { ActivityCalls } from './activityCalls.js';
import type { MeetingBotAdapter } from './adapter.js';
import type { ConversationReferenceStore } from './conversationReferences.js';
import { SendDispatcher, type SendDispatcherOptions } from './sendDispatcher.js';
import { tenantOf } from './tenant.js';
import { ConversationThrottle, type ThrottleOptions } from './throttle.js';

/** Statuses Teams documents as "back off and try again" for bot sends. */
const retryableStatuses = new Set([429, 412, 502, 504, 500, 503]);

/**
 * Statuses that say this message will never be accepted as it is, however often it is sent: a malformed or
 * refused activity (400 BadArgument, 403 ConversationBlockedByUser or BotDisabledByAdmin), a conversation or
 * message that does not exist (404 ConversationNotFound), a message over Teams' size limit (413
 * MessageSizeTooBig). 401 is not among them: it is the bot's own credentials, true of every message alike.
 */
const permanentStatuses = new Set([400, 403, 404, 413]);

export class BotRemovedError extends ServiceError {
  constructor(readonly conversationId: string, cause: unknown) {
    super({ service: 'teams', status: 403, code: 'BotNotInConversationRoster', userMessage: 'I am no longer in that conversation.', cause });
  }
}

/** Teams refused this message for good (see `permanentStatuses`): sending it again cannot help. */
export class MessageRejectedError extends ServiceError {
  constructor(readonly conversationId: string, status: number, code: string | undefined, cause: unknown) {
    super({ service: 'teams', status, code, serviceMessage: `Teams refused the message with ${status}${code ? ` ${code}` : ''}`, userMessage: 'Teams refused that message.', cause });
    this.name = 'MessageRejectedError';
  }

  /** One line for whoever inspects what was not delivered, e.g. "Teams answered 413 MessageSizeTooBig". */
  get reason(): string {
    return `Teams answered ${this.status}${this.code ? ` ${this.code}` : ''}`;
  }
}

export interface ProactiveOptions {
  retries?: number;
  minRetryDelayMs?: number;
  /** Send only to a serviceUrl on this machine (default: when the bot has no app id, as inbound activities). */
  loopbackServiceUrlsOnly?: boolean;
  /** How many Bot Connector calls run at once per serviceUrl, and in what order the others wait (sendDispatcher.ts). */
  dispatch?: SendDispatcherOptions;
  /** Teams' windows per conversation and per tenant, and the clock they are kept by (throttle.ts). */
  throttle?: ThrottleOptions;
}

/** A send or update through the Bot Connector calls for the conversation's serviceUrl. */
type ConnectorCall = (calls: ActivityCalls, conversationId: string) => Promise<string>;

/**
 * Speaks first: sends and updates messages in stored conversations, paced per conversation within Teams' limits,
 * retrying throttling and transient failures with jittered backoff. A conversation the bot was removed from is
 * forgotten so it is not tried again.
 */
export class ProactiveMessenger {
  private readonly throttle: ConversationThrottle;
  private readonly dispatcher: SendDispatcher;
  private readonly reachableServiceUrls = new Map<string, boolean>();

  constructor(
    private readonly adapter: MeetingBotAdapter,
    private readonly botAppId: string,
    private readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
    private readonly options: ProactiveOptions = {},
  ) {
    this.dispatcher = new SendDispatcher(options.dispatch);
    this.throttle = new ConversationThrottle(options.throttle);
  }

  /**
   * Sends a message and returns the id Teams gave it (needed to update the message later). Sends and updates go
   * straight to the conversation's activities endpoint with the adapter's proactive calls (its connector client's
   * credentials and deadline): a turn per send (what continueConversationAsync builds) was most of a send's CPU
   * outside the HTTP call, for nothing a send uses.
   */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string> {
    return this.deliver(reference, (calls, conversationId) => calls.send(conversationId, addressed(activity, reference)));
  }

  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.deliver(reference, async (calls, conversationId) => {
      await calls.update(conversationId, activityId, { ...addressed(activity, reference), id: activityId });
      return activityId;
    });
  }

  /** Runs bot logic in a stored conversation as if someone had just spoken there (a held command, say). */
  async continueIn(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    // The adapter hands errors inside the turn to onTurnError and returns normally, so they are carried out here.
    const outcome: { error?: unknown } = { error: new Error('proactive turn did not run') };
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        await logic(context);
        outcome.error = undefined;
      } catch (error) {
        outcome.error = error;
      }
    });
    if (outcome.error !== undefined) throw outcome.error;
  }

  private async deliver(reference: Partial<ConversationReference>, call: ConnectorCall): Promise<string> {
    const conversationId = reference.conversation?.id ?? '';
    const serviceUrl = reference.serviceUrl ?? '';
    this.refuseUnreachable(reference, conversationId);
    const target = { conversationId, tenantId: tenantOf(reference) };
    return this.throttle.schedule(target, (paced) =>
      withRetries(
        async () => {
          try {
            const calls = await this.adapter.proactiveCalls(this.botAppId, serviceUrl);
            // Each attempt is paced (a retry is a request Teams counts too), and ranked when it has its room: a
            // retry waits behind conversations that have had fewer sends, as a new send would.
            return await paced(() => this.dispatcher.run(serviceUrl, this.throttle.sendsInWindow(conversationId), () => call(calls, conversationId)));
          } catch (error) {
            throw await this.classify(error, conversationId);
          }
        },
        {
          retries: this.options.retries ?? 6,
          minTimeoutMs: this.options.minRetryDelayMs ?? 500,
          maxTimeoutMs: 20_000,
          maxRetryAfterMs: 60_000,
          onRetry: ({ attempt, error }) => this.logger.warn({ conversationId, attempt, status: statusOf(error) }, 'proactive send failed; retrying'),
        },
      ),
    );
  }

  /**
   * A stored conversation whose serviceUrl inbound activities could not name now (not http(s), or not on this
   * machine for a bot without an app id) is refused for good, before anything is sent or paced.
   */
  private refuseUnreachable(reference: Partial<ConversationReference>, conversationId: string): void {
    if (this.isReachable(reference.serviceUrl ?? '')) return;
    throw new MessageRejectedError(conversationId, 403, 'ServiceUrlNotAllowed', new Error(`serviceUrl not allowed: ${String(reference.serviceUrl).slice(0, 100)}`));
  }

  /**
   * Remembered per serviceUrl: Teams uses a handful, and parsing one twice for each of a fan-out's sends (1,000
   * alerts queued at once) was ~13 % of the bot's CPU before the first of them could go (bench line 4's profile).
   */
  private isReachable(serviceUrl: string): boolean {
    let reachable = this.reachableServiceUrls.get(serviceUrl);
    if (reachable === undefined) {
      reachable = isReachableServiceUrl(serviceUrl, this.options.loopbackServiceUrlsOnly ?? !this.botAppId);
      if (this.reachableServiceUrls.size >= 64) this.reachableServiceUrls.clear();
      this.reachableServiceUrls.set(serviceUrl, reachable);
    }
    return reachable;
  }

  private async classify(error: unknown, conversationId: string): Promise<unknown> {
    const status = statusOf(error);
    if (status === 403 && codeOf(error) === 'BotNotInConversationRoster') {
      await this.references.remove(conversationId);
      return new BotRemovedError(conversationId, error);
    }
    if (status !== undefined && retryableStatuses.has(status)) return new RetryableError(error, retryAfterOf(error));
    if (status !== undefined && permanentStatuses.has(status)) return new MessageRejectedError(conversationId, status, codeOf(error), error);
    if (status === undefined && isNetworkError(error)) return new RetryableError(error);
    return error;
  }
}

/**
 * The activity as the turn would have sent it (TurnContext.applyConversationReference, outgoing): in the stored
 * conversation, from the bot, to the person. No replyToId: a turn's was the random id of a continuation activity
 * that never existed, so the call goes to the conversation itself rather than "in reply" to nothing.
 */
function addressed(activity: Partial<Activity>, reference: Partial<ConversationReference>): Activity {
  // Copied and then assigned rather than spread with overrides: for 215 alert activities in a fresh process the
  // spread took ~15 µs each against ~5, and its result ~2× as long to stringify. Same keys in the same order, so
  // the same JSON.
  const out: Partial<Activity> = Object.assign({}, activity);
  // As a turn's send: the id is the connector's to give (left out of the JSON when undefined).
  out.id = undefined;
  out.type = activity.type ?? 'message';
  out.channelId = reference.channelId;
  out.locale = activity.locale ?? reference.locale;
  out.serviceUrl = reference.serviceUrl;
  out.conversation = reference.conversation;
  out.from = reference.bot;
  out.recipient = reference.user;
  return out as Activity;
}

interface ConnectorFailure {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string; parsedBody?: { error?: { code?: string } } };
  details?: { error?: { code?: string } };
}

/** The HTTP status a Bot Connector call failed with, when it got that far. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as ConnectorFailure | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function codeOf(error: unknown): string | undefined {
  const failure = error as ConnectorFailure;
  const fromBody = failure.response?.parsedBody?.error?.code ?? failure.details?.error?.code;
  if (fromBody) return fromBody;
  const text = failure.response?.bodyAsText ?? '';
  return errorCodeIn(text) ?? (text.includes('BotNotInConversationRoster') ? 'BotNotInConversationRoster' : undefined);
}

/** The `error.code` of a Bot Framework error body (`{ "error": { "code": ... } }`), when the text is one. */
function errorCodeIn(text: string): string | undefined {
  if (!text.startsWith('{') || text.length > 10_000) return undefined;
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' && code.length > 0 ? code.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterOf(error: unknown): number | undefined {
  return parseRetryAfter((error as ConnectorFailure).response?.headers?.get?.('retry-after'));
}

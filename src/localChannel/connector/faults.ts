import { baseConversationId } from '../ids.js';
import type { ConnectorOperation, Route } from './routes.js';

/**
 * What the connector emulator refuses before doing anything: injected faults (throttling, outages) and
 * conversations whose roster no longer has the bot (app uninstalled), so tests can see botbuilder's retries and
 * the bot's error handling.
 */

export interface FaultSpec {
  /** HTTP status to answer with, e.g. 429, 412, 502. */
  status: number;
  /** How many matching requests get the fault (default 1). */
  count?: number;
  /** Sends a `Retry-After` header with this many seconds (0 makes botbuilder retry at once). */
  retryAfterSeconds?: number;
  /** Which operations the fault applies to (default `['send']`, which covers replies too). */
  operations?: ConnectorOperation[];
  /** Only requests for this conversation (or its threads). */
  conversationId?: string;
  /** Error code in the body; defaults to the one Teams uses for the status. */
  code?: string;
}

/** How a refused request is answered, and why (the `fault` of the request log). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  reason: string;
  retryAfterSeconds?: number;
}

interface PendingFault {
  status: number;
  operations: ConnectorOperation[];
  remaining: number;
  retryAfterSeconds?: number;
  conversationId?: string;
  code: string;
}

const defaultErrorCodes: Record<number, string> = {
  400: 'BadArgument',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'MessageSizeTooBig',
  429: 'Throttled',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const NOT_IN_ROSTER_MESSAGE = 'The bot is not part of the conversation roster.';

export class ConnectorFaults {
  private readonly pending: PendingFault[] = [];
  private readonly rejected = new Map<string, { status: number; code: string }>();

  inject(spec: FaultSpec): void {
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
      throw new Error(`Fault status must be an HTTP error status (400-599), got ${spec.status}`);
    }
    this.pending.push({
      status: spec.status,
      remaining: spec.count ?? 1,
      operations: spec.operations ?? ['send'],
      retryAfterSeconds: spec.retryAfterSeconds,
      conversationId: spec.conversationId === undefined ? undefined : baseConversationId(spec.conversationId),
      code: spec.code ?? defaultErrorCodes[spec.status] ?? 'Error',
    });
  }

  clear(): void {
    this.pending.length = 0;
  }

  reject(conversationOrTeamId: string, code: string, status: number): void {
    this.rejected.set(baseConversationId(conversationOrTeamId), { status, code });
  }

  restore(conversationOrTeamId: string): void {
    this.rejected.delete(baseConversationId(conversationOrTeamId));
  }

  /** The roster refusal for a conversation (threads included) or team, if the bot was removed from it. */
  rejection(conversationOrTeamId: string): Refusal | undefined {
    const rejection = this.rejected.get(baseConversationId(conversationOrTeamId));
    return rejection && { ...rejection, message: NOT_IN_ROSTER_MESSAGE, reason: rejection.code };
  }

  /** The refusal for this request, if any; a matching injected fault is used up by it. */
  refuse(route: Route): Refusal | undefined {
    const target = route.conversationId ?? route.teamId;
    const rejection = target === undefined ? undefined : this.rejection(target);
    return rejection ?? this.takeFault(route);
  }

  private takeFault(route: Route): Refusal | undefined {
    const index = this.pending.findIndex(
      (fault) =>
        fault.operations.includes(route.operation) &&
        (fault.conversationId === undefined ||
          (route.conversationId !== undefined && baseConversationId(route.conversationId) === fault.conversationId)),
    );
    if (index === -1) return undefined;
    const fault = this.pending[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return {
      status: fault.status,
      code: fault.code,
      message: `Injected fault ${fault.status} ${fault.code}`,
      reason: `injected ${fault.status}`,
      retryAfterSeconds: fault.retryAfterSeconds,
    };
  }
}

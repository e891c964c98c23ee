import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging.js';

const turnLoggerKey = Symbol('turnLogger');

/** A turn's logger, made when the turn first writes a line. */
interface TurnLoggerSlot {
  parent: Logger;
  child?: Logger;
}

/**
 * Every line logged during a turn carries the activity, conversation and user ids. The child logger is made only
 * when the turn writes its first line: a pino child serialises and redacts its bindings when it is made, and most
 * turns that write nothing at the running level (invokes, updates, "turn started" below debug) need none.
 */
export function attachTurnLogger(context: TurnContext, logger: Logger): void {
  const slot: TurnLoggerSlot = { parent: logger };
  context.turnState.set(turnLoggerKey, slot);
  if (logger.isLevelEnabled('debug')) loggerOf(context, logger).debug('turn started');
}

export function loggerOf(context: TurnContext, fallback: Logger): Logger {
  const slot = context.turnState.get(turnLoggerKey) as TurnLoggerSlot | undefined;
  if (!slot) return fallback;
  slot.child ??= childFor(context, slot.parent);
  return slot.child;
}

function childFor(context: TurnContext, parent: Logger): Logger {
  const activity = context.activity;
  return parent.child({ activityId: activity.id, conversationId: activity.conversation?.id, userId: activity.from?.id, activityType: activity.type });
}

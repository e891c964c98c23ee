import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logging.js';

const turnLoggerKey = Symbol('turnLogger');

/** Every line logged during a turn carries the activity, conversation and user ids. */
export function attachTurnLogger(context: TurnContext, logger: Logger): Logger {
  const activity = context.activity;
  const child = logger.child({ activityId: activity.id, conversationId: activity.conversation?.id, userId: activity.from?.id, activityType: activity.type });
  context.turnState.set(turnLoggerKey, child);
  return child;
}

export function loggerOf(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(turnLoggerKey) as Logger | undefined) ?? fallback;
}

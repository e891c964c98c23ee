import type { Activity, TurnContext } from 'botbuilder';
import { cardMessage, type CardJson } from '../cards/render.js';

/** A reply is text, or a card with the text that stands in for it where cards are not shown. */
export type Reply = { text: string } | { card: CardJson; fallback: string };

/** The activity for a reply, for a turn or for a proactive send. */
export function replyActivity(message: Reply): Partial<Activity> {
  return 'card' in message ? cardMessage(message.card, message.fallback) : { type: 'message', text: message.text, textFormat: 'markdown' };
}

export async function reply(context: TurnContext, message: Reply): Promise<string | undefined> {
  const response = await context.sendActivity(replyActivity(message));
  return response?.id;
}

import type { TurnContext } from 'botbuilder';
import { cardMessage, type CardJson } from '../cards/render.js';

/** A reply is text, or a card with the text that stands in for it where cards are not shown. */
export type Reply = { text: string } | { card: CardJson; fallback: string };

export async function reply(context: TurnContext, message: Reply): Promise<string | undefined> {
  const activity = 'card' in message ? cardMessage(message.card, message.fallback) : { type: 'message', text: message.text, textFormat: 'markdown' };
  const response = await context.sendActivity(activity);
  return response?.id;
}

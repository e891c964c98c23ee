import type { Activity, TurnContext } from 'botbuilder';
import { cardMessage, type CardJson } from '../cards/render.js';
import { clip, textLimits } from './markdown.js';

/**
 * A reply is markdown text, or a card with the plain text that stands in for it where cards are not shown.
 * Markdown text is built with every outside string passed through `md` (./markdown.ts); a whole sentence that is
 * plain text by contract (an adapter's `userMessage`) goes through `escapeMarkdown`.
 */
export type Reply = { text: string } | { card: CardJson; fallback: string };

/** The activity for a reply, for a turn or for a proactive send. */
export function replyActivity(message: Reply): Partial<Activity> {
  return 'card' in message ? cardMessage(message.card, message.fallback) : { type: 'message', text: clip(message.text, textLimits.message), textFormat: 'markdown' };
}

export async function reply(context: TurnContext, message: Reply): Promise<string | undefined> {
  const response = await context.sendActivity(replyActivity(message));
  return response?.id;
}

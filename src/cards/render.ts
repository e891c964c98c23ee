import { Template } from 'adaptivecards-templating';
import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';

/** Teams rejects messages over ~28 KB; cards are checked before they leave so the user gets a clear answer instead. */
export const maxCardBytes = 28 * 1024;

export type CardJson = Record<string, unknown>;

export class CardTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`Adaptive Card is ${bytes} bytes; Teams accepts at most ${maxCardBytes}`);
    this.name = 'CardTooLargeError';
  }
}

/**
 * Expands an Adaptive Card template (`${...}` bindings, `$data`, `$when`) with data. Templates are plain JSON
 * objects in `src/cards/templates/`; no card is string-built.
 */
export function renderCard(template: CardJson, data: object): CardJson {
  const expanded = new Template(template).expand({ $root: data }) as CardJson;
  const bytes = Buffer.byteLength(JSON.stringify(expanded));
  if (bytes > maxCardBytes) throw new CardTooLargeError(bytes);
  return expanded;
}

export function cardAttachment(card: CardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}

/** A message with a card and a plain-text fallback for clients that do not render cards (and for notifications). */
export function cardMessage(card: CardJson, fallbackText: string): Partial<Activity> {
  const activity = MessageFactory.attachment(cardAttachment(card));
  activity.summary = fallbackText.slice(0, 200);
  activity.text = undefined;
  (card as { fallbackText?: string }).fallbackText ??= fallbackText;
  return activity;
}

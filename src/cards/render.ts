import { Template } from 'adaptivecards-templating';
import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { clip, escapeMarkdownLines } from '../teams/markdown.js';

/**
 * Teams refuses a message over about 28 KB with 413 MessageSizeTooBig (the figure the bot designs for; see the
 * Teams reference). The card gets most of it; the rest is the envelope botbuilder adds (conversation, sender,
 * recipient, service URL, summary).
 */
export const maxActivityBytes = 28 * 1024;

/** Cards are checked before they leave, so a card that could never be delivered fails here, clearly, once. */
export const maxCardBytes = 24 * 1024;

/** Longest text fallback carried in a card (code points): it is a stand-in, and counts against the card's size. */
const maxFallbackChars = 2_000;
/** Teams shows the summary as a one-line notification. */
const maxSummaryChars = 200;

export type CardJson = Record<string, unknown>;

export class CardTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`Adaptive Card is ${bytes} bytes; Teams accepts at most ${maxCardBytes}`);
    this.name = 'CardTooLargeError';
  }
}

/**
 * Each template compiled once: `new Template` parses every `${...}` into an expression tree, which the profile of
 * the command load showed costing more than the expansion itself when done per render. A Template's expansion is
 * synchronous and leaves the compiled tree as it was, so one instance serves every render. Keyed by the template
 * object (the imported JSON), so a template built on the fly is compiled for its one use and then collected.
 */
const compiled = new WeakMap<CardJson, Template>();

function compile(template: CardJson): Template {
  let prepared = compiled.get(template);
  if (!prepared) {
    prepared = new Template(template);
    compiled.set(template, prepared);
  }
  return prepared;
}

/**
 * Expands an Adaptive Card template (`${...}` bindings, `$data`, `$when`) with data. Templates are plain JSON
 * objects in `src/cards/templates/`; no card is string-built.
 */
export function renderCard(template: CardJson, data: object): CardJson {
  return checkedCard(compile(template).expand({ $root: data }) as CardJson);
}

/** A card built by a typed function instead of a template: the same size check as a rendered one. */
export function checkedCard(card: CardJson): CardJson {
  checkSize(card);
  return card;
}

function checkSize(card: CardJson): void {
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > maxCardBytes) throw new CardTooLargeError(bytes);
}

export function cardAttachment(card: CardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}

/**
 * A message with a card and a plain-text fallback for clients that do not render cards (and for notifications).
 * The fallback is plain text: the card's `fallbackText` may be rendered as markdown, so it goes there escaped
 * (line by line, keeping its lines); the summary is shown as it is, so it is only clipped.
 */
export function cardMessage(card: CardJson, fallbackText: string): Partial<Activity> {
  const activity = MessageFactory.attachment(cardAttachment(card));
  activity.summary = clip(fallbackText.replace(/\s+/g, ' '), maxSummaryChars);
  activity.text = undefined;
  (card as { fallbackText?: string }).fallbackText ??= escapeMarkdownLines(clip(fallbackText, maxFallbackChars));
  checkSize(card);
  return activity;
}

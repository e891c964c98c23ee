/**
 * Outside strings on their way into Teams markdown: Adaptive Card TextBlock and Fact text, and message text
 * (`textFormat: 'markdown'`). Display names, meeting subjects, group and contact names, what a person typed and
 * whatever a service sent are data, never markup: a lobby visitor called `[Verify your account](https://…)` must
 * read as those characters, not as a link. And they are clipped, so that no one string can push a message over
 * Teams' size limit.
 *
 * Hand-written rather than taken from a library: Teams renders a subset of CommonMark in cards and a slightly
 * larger one (with a few HTML tags such as `<at>`) in messages, and CommonMark lets any ASCII punctuation be
 * escaped with a backslash, which both honour. So the job is a fixed character set, a few rules for constructs
 * that only mean something at the start of a line, and flattening line breaks — smaller than any library's
 * options for it. Button titles and Input.ChoiceSet titles are not markdown: clip those, never escape them.
 */

/** How long an outside string of each kind may be, in code points (ellipsis included). */
export const textLimits = {
  /** A person's display name, a contact or group name. */
  name: 100,
  /** A meeting subject. */
  subject: 200,
  /** An address, an id, a phone number: anything that names one thing. */
  id: 200,
  /** A longer text from a service: a meeting description, an invitation footer, an error sentence. */
  text: 1_000,
  /** A whole message text: stays well under Teams' ~28 KB activity limit even at 4 UTF-8 bytes per code point. */
  message: 6_000,
} as const;

export type TextKind = keyof typeof textLimits;

const ellipsis = '…';

/**
 * The first `max` code points of `text`, the last of them an ellipsis when anything was cut. Counts code points,
 * not UTF-16 units, so a surrogate pair (an emoji, a rare CJK character) is kept whole or dropped whole. Stops
 * walking one code point past `max`, so a 30 KB string costs no more than a short one.
 */
export function clip(text: string, max: number): string {
  // UTF-16 length is never less than the code point count: a string this short fits as it is.
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let count = 0;
  let cut = 0;
  for (const codePoint of text) {
    count += 1;
    if (count > max) return `${text.slice(0, cut)}${ellipsis}`;
    if (count < max) cut += codePoint.length;
  }
  return text;
}

/** Line breaks and other control characters: in a name they could only start a fake paragraph, heading or list. */
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Characters that are markup anywhere in a line: `\` itself (escaped in the same pass as the rest), emphasis and
 * strikethrough `* _ ~`, code `` ` ``, link and image brackets `[ ]`, `< >` for autolinks, raw HTML and `<at>`
 * mentions, `&` for entity references that would decode into those, `#` for headings, `|` for tables.
 */
const inlineMarkup = /[\\`*_~[\]<>&#|]/g;

/**
 * Constructs that only count at the start of a line, and so of the string, since its line breaks are flattened:
 * bullet `-`/`+` and ordered `1.`/`1)` list markers, setext `=` underlines. Leading spaces are dropped (four of
 * them would start a code block).
 */
const lineStartMarkup = /^\s*(?:([-+=])|(\d{1,9})([.)]))?/;

/**
 * `text` as literal characters in Teams markdown: every markup character is backslash-escaped, line breaks and
 * control characters become spaces. Escaped text renders exactly as the characters it holds.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(controls, ' ').replace(inlineMarkup, (char) => `\\${char}`);
  return flat.replace(lineStartMarkup, (_match, marker?: string, digits?: string, delimiter?: string) =>
    marker !== undefined ? `\\${marker}` : digits !== undefined ? `${digits}\\${delimiter}` : '',
  );
}

/** An outside string as it goes into markdown: clipped to its kind's length, then escaped. */
export function md(text: string | undefined, kind: TextKind = 'text'): string {
  return escapeMarkdown(clip(text ?? '', textLimits[kind]));
}

/** An outside string where markdown is not rendered (button and choice titles, notification summaries): clipped only. */
export function plain(text: string | undefined, kind: TextKind = 'text'): string {
  return clip((text ?? '').replace(controls, ' '), textLimits[kind]);
}

/** Several lines of plain text as markdown: each line escaped on its own, the line breaks kept. */
export function escapeMarkdownLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeMarkdown(line))
    .join('\n');
}

import type { Token } from '../text.js';
import type { Rule, Slot } from './patterns.js';
import { stripZh } from './slots.js';

/**
 * Runs a rule list over a sentence: the first rule whose pattern matches (and whose captures the caller
 * accepts) wins, and the trace says which.
 */

export type Captures = Partial<Record<Slot, string>>;

// A subject or a new name ends at a clause break too ("called UX readout, invited people only").
const NAME_SLOTS: ReadonlySet<string> = new Set(['meeting', 'person', 'group', 'subject', 'newName']);

// "reject Bob, Carol and Dave": commas between people named in a row, closed by "and", list them; they open no clause.
// A pronoun, a reason or thanks after the comma still does ("admit Lee, he's the contractor").
const PERSON_IN_LIST = String.raw`(?!(?:he|she|they|it|we|i|you|thanks|thank|thx|because|since|so|but|please|pls|then|now)\b)[\p{L}\p{M}.'’-]+(?: [\p{L}\p{M}.'’-]+){0,3}`;
const LIST_OF_PEOPLE = new RegExp(String.raw`^${PERSON_IN_LIST}(?:, ${PERSON_IN_LIST})*,? (?:and|&) ${PERSON_IN_LIST}$`, 'iu');

const CLAUSE_ENDING_PREPOSITION: ReadonlySet<string> = new Set(['in', 'into', 'to', 'for', 'from', 'on', 'at', 'of', 'through']);

export type AcceptCaptures = (captures: Captures) => boolean;

interface TokenText {
  text: string;
  starts: number[];
}

function joinTokens(tokens: Token[]): TokenText {
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    if (text) {
      text += ' ';
    }
    starts.push(text.length);
    text += token.norm;
  }
  return { text, starts };
}

/** The tokens covered by [from, to) of the joined text, as the user typed them. */
function originalSpan(tokens: Token[], joined: TokenText, from: number, to: number, name: boolean, commas = false): string {
  let picked = '';
  let ended = false;
  tokens.forEach((token, i) => {
    const start = joined.starts[i] ?? 0;
    // A name (meeting, person, group) never runs over a comma.
    ended ||= name && picked !== '' && token.clauseBefore === true;
    if (!ended && start >= from && start + token.norm.length <= to) {
      picked += picked ? `${token.dashBefore ? ` ${token.dashBefore} ` : token.joinerBefore ? ` ${token.joinerBefore} ` : commas && token.clauseBefore ? ', ' : ' '}${token.original}` : token.original;
    }
  });
  return picked;
}

export function matchEnglish(rules: readonly Rule[], tokens: Token[], trace: string[], accept: AcceptCaptures = () => true): Captures {
  const joined = joinTokens(tokens);
  for (const { name, pattern } of rules) {
    const match = pattern.exec(joined.text);
    if (!match?.indices?.groups || !match.groups) {
      continue;
    }
    const captures: Captures = {};
    for (const [slot, range] of Object.entries(match.indices.groups)) {
      if (range && match.groups[slot] !== undefined) {
        // "don't let that stranger in, remove him from the lobby": the object of a preposition that ended the clause
        // before a comma is no name; what follows is the next clause. ("a new contact group, Design crew" names it.)
        const first = joined.starts.indexOf(range[0]);
        if (NAME_SLOTS.has(slot) && first > 0 && tokens[first]?.clauseBefore === true && CLAUSE_ENDING_PREPOSITION.has(tokens[first - 1]?.norm ?? '')) continue;
        const clause = originalSpan(tokens, joined, range[0], range[1], NAME_SLOTS.has(slot));
        const whole = slot === 'person' ? originalSpan(tokens, joined, range[0], range[1], false, true) : clause;
        captures[slot as Slot] = whole !== clause && LIST_OF_PEOPLE.test(whole) ? whole : clause;
      }
    }
    if (accept(captures)) {
      trace.push(`pattern "${name}" matched: ${describe(captures)}`);
      return captures;
    }
  }
  return {};
}

export function matchChinese(rules: readonly Rule[], text: string, trace: string[], accept: AcceptCaptures = () => true): Captures {
  for (const { name, pattern } of rules) {
    const match = pattern.exec(text);
    if (!match?.groups) {
      continue;
    }
    const captures: Captures = {};
    for (const [slot, value] of Object.entries(match.groups)) {
      // A keyword is text as typed ("解析 把张伟放进来"); only names lose the words around them.
      // Settings ("rest") run over clauses too: "改到明天，下午两点到三点" is one time.
      const cleaned = value === undefined ? '' : stripZh(value, slot !== 'keyword' && slot !== 'rest');
      if (cleaned) {
        captures[slot as Slot] = cleaned;
      }
    }
    if (accept(captures)) {
      trace.push(`pattern "${name}" matched: ${describe(captures)}`);
      return captures;
    }
  }
  return {};
}

export function describe(captures: Captures): string {
  const parts = Object.entries(captures).map(([slot, value]) => `${slot}="${value}"`);
  return parts.length > 0 ? parts.join(', ') : '(no slots)';
}

/**
 * Literal prefilters for hand-written patterns. The strong cues (cues.ts) are a few hundred regexes tested one after
 * another on every sentence, and most of them cannot match most sentences: "…lobby (?:doors?|gates?)…" needs the text
 * to hold "lobby ". Finding such a word in a pattern's source once, at module load, lets a plain `includes` skip the
 * regex — so the patterns stay exactly as written (and free to change), and only what they must contain is read.
 *
 * `requiredLiterals` is conservative: it answers only what every match of the pattern provably contains, and gives up
 * (undefined) on anything it does not read — flags other than `u`, case-insensitivity, escapes it does not know.
 */

/** One piece of a parsed sequence: a literal character, a group's alternatives, or anything else. */
type Atom =
  /** `repeated`: said with a quantifier ("s+", "x{2}"); the character is there, but what follows may be another copy. */
  | { kind: 'char'; char: string; repeated: boolean }
  | { kind: 'group'; branches: Atom[][] }
  | { kind: 'other' }
  /** An atom that may match nothing ("s?", "(?:the )?", "x*"). */
  | { kind: 'optional' };

/** Strings one of which every match of `pattern` contains, or undefined when that cannot be shown. */
export function requiredLiterals(pattern: RegExp): readonly string[] | undefined {
  // Only the `u` flag is read: case-insensitivity would need Unicode case folding, other flags change nothing here
  // but are not used by the cues, so they are not trusted either.
  if (pattern.flags !== 'u') return undefined;
  try {
    const parser = new Parser(pattern.source);
    const branches = parser.alternation();
    if (!parser.done()) return undefined;
    return fromAlternation(branches);
  } catch {
    return undefined;
  }
}

/** True when `text` holds one of `literals` (an empty list holds none). */
export function containsAny(text: string, literals: readonly string[]): boolean {
  // A plain loop: this runs for every cue on every sentence, and a callback per call would be allocated each time.
  for (let i = 0; i < literals.length; i += 1) {
    if (text.includes(literals[i]!)) return true;
  }
  return false;
}

function fromAlternation(branches: readonly Atom[][]): string[] | undefined {
  const all: string[] = [];
  for (const branch of branches) {
    const literals = fromSequence(branch);
    if (!literals) return undefined;
    all.push(...literals);
  }
  return [...new Set(all)];
}

/** The most selective required set in one sequence: its longest literal runs, or a mandatory group's sets. */
function fromSequence(sequence: readonly Atom[]): string[] | undefined {
  const candidates: string[][] = [];
  let run = '';
  const endRun = (): void => {
    if (run) candidates.push([run]);
    run = '';
  };
  for (const atom of sequence) {
    if (atom.kind === 'char') {
      run += atom.char;
      if (atom.repeated) endRun();
      continue;
    }
    endRun();
    if (atom.kind === 'group') {
      const inner = fromAlternation(atom.branches);
      if (inner) candidates.push(inner);
    }
  }
  endRun();
  return best(candidates);
}

/** The set whose shortest literal is longest (the rarest to find by chance), fewer literals breaking ties. */
function best(candidates: readonly string[][]): string[] | undefined {
  let chosen: string[] | undefined;
  let chosenShortest = 0;
  for (const set of candidates) {
    const shortest = Math.min(...set.map((literal) => literal.length));
    if (shortest > chosenShortest || (shortest === chosenShortest && chosen && set.length < chosen.length)) {
      chosen = set;
      chosenShortest = shortest;
    }
  }
  return chosenShortest > 0 ? chosen : undefined;
}

// Characters with a meaning of their own in a pattern; an escaped one stands for itself.
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/-']);

/** A recursive-descent reader of the pattern syntax the cues use; it throws on what it does not know. */
class Parser {
  private readonly chars: string[];
  private at = 0;

  constructor(source: string) {
    // Code points, as the `u` flag reads the pattern: a quantifier after an astral character repeats all of it.
    this.chars = [...source];
  }

  done(): boolean {
    return this.at === this.chars.length;
  }

  alternation(): Atom[][] {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    return branches;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.at + offset];
  }

  private next(): string {
    const char = this.chars[this.at];
    if (char === undefined) throw new Error('unexpected end of pattern');
    this.at += 1;
    return char;
  }

  private sequence(): Atom[] {
    const atoms: Atom[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      if (atom) atoms.push(this.quantified(atom));
    }
    return atoms;
  }

  /** One atom, or undefined for a zero-width one that never holds text of its own (lookarounds, anchors). */
  private atom(): Atom | undefined {
    const char = this.next();
    switch (char) {
      case '^':
      case '$':
        // Zero-width, but a literal run must not be read across it (conservative: nothing is gained by it).
        return { kind: 'other' };
      case '.':
        return { kind: 'other' };
      case '[':
        this.skipClass();
        return { kind: 'other' };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        throw new Error(`unexpected ${char}`);
      default:
        return { kind: 'char', char, repeated: false };
    }
  }

  private group(): Atom {
    if (this.peek() === '?') {
      const kind = this.peek(1);
      const lookbehind = kind === '<' && (this.peek(2) === '=' || this.peek(2) === '!');
      if (kind === '=' || kind === '!' || lookbehind) {
        // A lookaround holds no text of the match; a negative one may even hold what the match must not.
        this.at += lookbehind ? 3 : 2;
        this.alternation();
        this.expect(')');
        return { kind: 'other' };
      }
      if (kind === ':') {
        this.at += 2;
      } else if (kind === '<') {
        while (this.next() !== '>') { /* the group's name */ }
      } else {
        throw new Error('unknown group');
      }
    }
    const branches = this.alternation();
    this.expect(')');
    return { kind: 'group', branches };
  }

  private expect(char: string): void {
    if (this.next() !== char) throw new Error(`expected ${char}`);
  }

  private escape(): Atom {
    const char = this.next();
    if (SYNTAX.has(char)) return { kind: 'char', char, repeated: false };
    if (char === 'p' || char === 'P' || char === 'u' && this.peek() === '{') {
      this.expect('{');
      while (this.next() !== '}') { /* the property or code point */ }
      return { kind: 'other' };
    }
    if ('dDwWsSbB'.includes(char)) return { kind: 'other' };
    // \uXXXX, \xHH, \cX, \k<name>, back-references, control escapes: not read.
    throw new Error(`escape \\${char} not read`);
  }

  private skipClass(): void {
    for (;;) {
      const char = this.next();
      if (char === '\\') this.next();
      else if (char === ']') return;
    }
  }

  /** The atom as its quantifier, if one follows, leaves it: optional, or there at least once. */
  private quantified(atom: Atom): Atom {
    const min = this.quantifierMinimum();
    if (min === undefined) return atom;
    if (this.peek() === '?') this.at += 1; // lazy: matches the same texts
    if (min === 0) return { kind: 'optional' };
    return atom.kind === 'char' ? { ...atom, repeated: true } : atom;
  }

  private quantifierMinimum(): number | undefined {
    const char = this.peek();
    if (char === '*' || char === '?') {
      this.at += 1;
      return 0;
    }
    if (char === '+') {
      this.at += 1;
      return 1;
    }
    if (char !== '{') return undefined;
    const close = this.chars.indexOf('}', this.at);
    const bounds = close < 0 ? null : /^\{(\d+)(?:,\d*)?\}$/u.exec(this.chars.slice(this.at, close + 1).join(''));
    if (!bounds) throw new Error('unexpected {');
    this.at = close + 1;
    return Number(bounds[1]);
  }
}

/**
 * Which of a fixed list of strings a text holds, found in one pass over the text (Aho–Corasick): the cues need some
 * 600 literals between them, and one `includes` each on every sentence cost more than the patterns they spared.
 */
export class LiteralSet {
  // A trie over UTF-16 code units (as `includes` compares), with each state's longest proper suffix that is also a
  // state (`fail`) and the literals ending there, its suffixes' included.
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly ends: number[][] = [[]];

  /** `literals[i]` is reported as `i`. */
  constructor(readonly literals: readonly string[]) {
    literals.forEach((literal, id) => this.ends[this.insert(literal)]!.push(id));
    this.link();
  }

  /** Sets `found[i]` to 1 for every literal `i` the text holds; `found` is cleared by the caller. */
  scan(text: string, found: Uint8Array): void {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      let to = this.next[state]!.get(unit);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(unit);
      }
      state = to ?? 0;
      const ends = this.ends[state]!;
      for (let j = 0; j < ends.length; j += 1) found[ends[j]!] = 1;
    }
  }

  private insert(literal: string): number {
    let state = 0;
    for (let i = 0; i < literal.length; i += 1) {
      const unit = literal.charCodeAt(i);
      let to = this.next[state]!.get(unit);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.ends.push([]);
        this.next[state]!.set(unit, to);
      }
      state = to;
    }
    return state;
  }

  /** Breadth first, so a state's suffix link is known before its children's. */
  private link(): void {
    const queue = [...this.next[0]!.values()];
    for (let at = 0; at < queue.length; at += 1) {
      const state = queue[at]!;
      for (const [unit, child] of this.next[state]!) {
        let suffix = this.fail[state]!;
        while (suffix !== 0 && !this.next[suffix]!.has(unit)) suffix = this.fail[suffix]!;
        const target = this.next[suffix]!.get(unit);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.ends[child]!.push(...this.ends[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }
}

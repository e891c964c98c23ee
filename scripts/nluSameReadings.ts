import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Recognizer } from '../src/nlu/recognition.js';
import { createRecognizer, type RecognizerOptions } from '../src/nlu/recognizer.js';

/**
 * Whether a change to the recognizer changed any reading: this build's recognitions against another build's (a
 * worktree of the commit before, built), compared whole as JSON with one fixed clock. For refactors and speed work
 * that must not change what the bot understands; a change that should is measured on the held-out corpora instead.
 * `node dist/scripts/nluSameReadings.js <other build's dist folder> [mutations, default 6000]`
 *
 * The sentences: every corpus (the training corpus and each held-out one), the sentences quoted first in a row of the
 * NLU tests' phrasing tables, seeded mutations of them (cut, doubled words, two joined, punctuation, mentions and ids
 * put in, case changed, words reversed, texts thousands of characters long), and a few edge texts. Exits 1 on any
 * difference, printing the first few.
 */
type RecognizerFactory = (options?: RecognizerOptions) => Recognizer;
type Sentence = [text: string, locale: string | undefined];

const [otherDist, mutationsText] = process.argv.slice(2);
if (!otherDist) {
  console.error('usage: node dist/scripts/nluSameReadings.js <other build dist folder> [mutations]');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const other = (await import(pathToFileURL(resolve(otherDist, 'src/nlu/recognizer.js')).href)) as { createRecognizer: RecognizerFactory };
const fixedNow = () => new Date('2025-01-15T10:00:00');
const mine = createRecognizer({ now: fixedNow });
const theirs = other.createRecognizer({ now: fixedNow });

const base = corpusSentences().concat(phrasingTableSentences());
const sentences = [...base, ...mutations(base, Number(mutationsText ?? 6000), 7), ...edgeTexts()];
let differences = 0;
for (const [text, locale] of sentences) {
  const before = reading(theirs, text, locale);
  const after = reading(mine, text, locale);
  if (before === after) continue;
  differences += 1;
  if (differences <= 5) console.log(`DIFFERENT ${JSON.stringify(text)} ${locale ?? ''}\n  other ${before.slice(0, 500)}\n  this  ${after.slice(0, 500)}`);
}
console.log(`${sentences.length} sentences (${base.length} from corpora and phrasing tables), different readings: ${differences}`);
process.exit(differences > 0 ? 1 : 0);

function reading(recognizer: Recognizer, text: string, locale: string | undefined): string {
  try {
    return JSON.stringify(recognizer.recognize(text, locale));
  } catch (error) {
    return `THROWS ${error instanceof Error ? error.message : String(error)}`;
  }
}

function corpusSentences(): Sentence[] {
  const fixtures = join(root, 'test/fixtures/nlu');
  const files = [join(root, 'test/nlu/corpus.json'), ...readdirSync(fixtures).filter((name) => name.endsWith('.json')).map((name) => join(fixtures, name))];
  return files.flatMap((file) => {
    const corpus = JSON.parse(readFileSync(file, 'utf8')) as { utterances?: Array<{ text: string; locale?: string }> };
    return (corpus.utterances ?? []).map((utterance): Sentence => [utterance.text, utterance.locale]);
  });
}

/**
 * A heuristic, not a parser: a table row opens with the sentence as a quoted string and then a quoted intent
 * (`["let them in, 978123456", 'huawei.admitWaiting'`); a row it misses only makes the comparison smaller.
 */
function phrasingTableSentences(): Sentence[] {
  const tests = join(root, 'test/nlu');
  const sentences: Sentence[] = [];
  for (const name of readdirSync(tests).filter((file) => file.endsWith('.test.ts'))) {
    const source = readFileSync(join(tests, name), 'utf8');
    for (const match of source.matchAll(/\[\s*("(?:[^"\\\n]|\\.)*")\s*,\s*["']/gu)) sentences.push([JSON.parse(match[1]!) as string, undefined]);
    for (const match of source.matchAll(/\[\s*'((?:[^'\\\n]|\\.)*)'\s*,\s*["']/gu)) sentences.push([match[1]!.replace(/\\'/gu, "'"), undefined]);
  }
  return sentences;
}

function mutations(base: Sentence[], count: number, seed: number): Sentence[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const texts = base.map(([text]) => text);
  const insertions = ['?', '!', '.', ',', '，', '？', '。', ' - ', ' & ', ' + ', '"', "'", '“', '”', '(', ')', ':', ';', '—', ' @MeetingBot ', '<at>Bot</at> ', ' 👍', ' 123 456 789 ', ' 912345678 ', ' sip:a@b.com '];
  const mutate = (text: string): string => {
    const at = (length: number) => Math.floor(random() * length);
    switch (at(9)) {
      case 0: return text.slice(0, at(text.length));
      case 1: return text.slice(at(text.length));
      case 2: { const words = text.split(' '); const i = at(words.length); words.splice(i, 0, words[i]!); return words.join(' '); }
      case 3: return `${text} ${pick(texts)}`;
      case 4: { const i = at(text.length + 1); return text.slice(0, i) + pick(insertions) + text.slice(i); }
      case 5: { let long = text; while (long.length < 300 + random() * 3000) long += ` ${pick(texts)}`; return long; }
      case 6: return random() < 0.5 ? text.toUpperCase() : text.toLowerCase();
      case 7: { const other = pick(texts); return text.slice(0, at(text.length)) + other.slice(at(other.length)); }
      default: return text.split(/(\s+)/u).map((word) => (random() < 0.2 ? [...word].reverse().join('') : word)).join('');
    }
  };
  return Array.from({ length: count }, (): Sentence => [mutate(pick(texts)), random() < 0.2 ? pick(['zh-CN', 'en-US', 'zh-TW']) : undefined]);
}

function edgeTexts(): Sentence[] {
  return [['', undefined], ['   ', undefined], ['x'.repeat(2500), undefined], ['谁在大厅'.repeat(200), undefined], ['admit Bob '.repeat(60), undefined]];
}

/** A linear congruential generator: the same mutations on every run, so two runs compare the same texts. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

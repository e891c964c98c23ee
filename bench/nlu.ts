import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isWrite } from '../src/nlu/catalog.js';
import { LONGEST_COMMAND, createRecognizer } from '../src/nlu/recognizer.js';
import { loadCorpus, scoreCorpus, type Corpus } from '../test/nlu/corpus.js';

/**
 * Recognizer latency on the held-out corpus, as a ratio against a baseline measured in the same run: one
 * case-insensitive regex test per utterance (the cheapest "recognizer" imaginable). Also reports construction
 * (training) time against the same baseline's per-utterance cost, and absolute figures for reference only.
 */
export interface NluBenchResult {
  name: string;
  utterances: number;
  constructionMs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  baselineMedianMs: number;
  medianRatio: number;
  meanRatio: number;
  /** Every frozen held-out corpus (test/fixtures/nlu/heldout-*.json): accuracy, writes acted on wrongly, latency. */
  heldOut: HeldOutResult[];
  /** Cost per character of the longest text Teams lets through against a short one: ≈ 1 means linear. */
  longInput: LongInputResult[];
}

export interface LongInputResult {
  shape: string;
  shortMs: number;
  longMs: number;
  /** (long ms per character) ÷ (short ms per character). */
  growth: number;
}

/**
 * Texts shaped like the ones that once went quadratic (issue 10, item 11). Teams allows 28,000 characters, but a text
 * longer than any command is refused unread (`LONGEST_COMMAND`), so the growth that matters is up to that length.
 */
const longShapes: ReadonlyArray<[string, (length: number) => string]> = [
  ['create a meeting called …', (length) => `create a meeting called ${'budget review '.repeat(length / 14)}`],
  ['a run of Chinese characters', (length) => `让${'鲍'.repeat(length)}进来`],
  ['a run of Latin letters', (length) => `admit ${'x'.repeat(length)}`],
  ['names and commas', (length) => `admit ${'Bob, '.repeat(length / 5)}`],
];
const shortLength = 100;
const longLength = LONGEST_COMMAND;

function benchLongInputs(recognizer: ReturnType<typeof createRecognizer>): LongInputResult[] {
  const fastest = (text: string): number => {
    let best = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      recognizer.recognize(text);
      best = Math.min(best, performance.now() - started);
    }
    return best;
  };
  return longShapes.map(([shape, make]) => {
    const shortMs = fastest(make(shortLength).slice(0, shortLength));
    const longMs = fastest(make(longLength).slice(0, longLength));
    return { shape, shortMs: round(shortMs), longMs: round(longMs), growth: round(longMs / longLength / (Math.max(shortMs, 0.01) / shortLength)) };
  });
}

export interface HeldOutResult {
  corpus: string;
  utterances: number;
  intentAccuracy: number;
  entityAccuracy: number;
  /** Misreads landing on a write intent (what a plain scorer counts). */
  misreadsOnWrite: number;
  /** Of those, the ones the bot would act on without asking first: reads (or nothing) turned into writes. */
  falseWrites: number;
  p50Ms: number;
  p99Ms: number;
}

/** The frozen held-out corpora, found by name so a later one is picked up without code changes. */
export function heldOutCorpora(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../test/fixtures/nlu'), resolve(here, '../../test/fixtures/nlu')];
  for (const folder of candidates) {
    try {
      return readdirSync(folder).filter((name) => /^heldout-.+\.json$/u.test(name)).sort().map((name) => resolve(folder, name));
    } catch {
      // not this layout (source or dist); try the next
    }
  }
  return [];
}

export function benchHeldOut(path: string): HeldOutResult {
  const corpus: Corpus = loadCorpus(path);
  const recognizer = createRecognizer({ now: () => corpus.referenceTime });
  const score = scoreCorpus(recognizer, corpus);
  let misreadsOnWrite = 0;
  let falseWrites = 0;
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const utterance of corpus.utterances) {
      const started = performance.now();
      recognizer.recognize(utterance.text, utterance.locale);
      samples.push(performance.now() - started);
    }
  }
  for (const utterance of corpus.utterances) {
    const result = recognizer.recognize(utterance.text, utterance.locale);
    if (result.intent !== utterance.intent && isWrite(result.intent)) {
      misreadsOnWrite += 1;
      if (!result.ask && !isWrite(utterance.intent)) falseWrites += 1;
    }
  }
  return {
    corpus: path.split('/').pop() ?? path,
    utterances: score.total,
    intentAccuracy: round(score.intentAccuracy),
    entityAccuracy: round(score.entityAccuracy),
    misreadsOnWrite,
    falseWrites,
    p50Ms: round(percentile(samples, 0.5)),
    p99Ms: round(percentile(samples, 0.99)),
  };
}

const ROUNDS = 5;
const BASELINE = /\b(?:admit|reject|lobby|meeting|group|help|sign|watch|page|mute|lock)\b|大厅|会议/iu;

export async function benchNlu(): Promise<NluBenchResult> {
  const corpus = loadCorpus();
  const texts = corpus.utterances.map((u) => u.text);
  const started = performance.now();
  const recognizer = createRecognizer({ now: () => corpus.referenceTime });
  const constructionMs = performance.now() - started;

  // Warm-up: the first date-time recognition loads Recognizers-Text's models.
  for (const text of texts) {
    recognizer.recognize(text);
  }
  const samples: number[] = [];
  const baseline: number[] = [];
  let sink = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const text of texts) {
      let t = performance.now();
      sink += recognizer.recognize(text).score;
      samples.push(performance.now() - t);
      t = performance.now();
      // A regex over a fresh lower-cased copy so the engine cannot skip the work.
      sink += BASELINE.test(text.toLowerCase()) ? 1 : 0;
      baseline.push(performance.now() - t);
    }
  }
  if (Number.isNaN(sink)) {
    throw new Error('unreachable: keeps the measured work observable');
  }
  const median = percentile(samples, 0.5);
  const baselineMedian = Math.max(percentile(baseline, 0.5), 1e-6);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const baselineMean = Math.max(baseline.reduce((a, b) => a + b, 0) / baseline.length, 1e-6);
  return {
    name: 'nlu',
    utterances: texts.length,
    constructionMs: round(constructionMs),
    medianMs: round(median),
    p95Ms: round(percentile(samples, 0.95)),
    p99Ms: round(percentile(samples, 0.99)),
    meanMs: round(mean),
    baselineMedianMs: round(baselineMedian),
    medianRatio: round(median / baselineMedian),
    meanRatio: round(mean / baselineMean),
    heldOut: heldOutCorpora().map(benchHeldOut),
    longInput: benchLongInputs(recognizer),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

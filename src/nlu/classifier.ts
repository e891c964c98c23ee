import { NeuralNetwork, type NeuralExample, type NeuralNetworkJson } from '@nlpjs/neural';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { NONE_INTENT, training, type TrainingSet } from './training.js';
import { isMeetingId, normWord, tokenize, type Token } from './text.js';
import { lookup } from '../tables.js';
import { Perceptrons, type LookedUp } from './perceptrons.js';
import { sortShort } from './shortSort.js';

/**
 * Intent classification: NLP.js's in-process neural network (one perceptron per intent, trained synchronously)
 * over features this module builds — English word stems and stem bigrams after typo correction against the
 * training vocabulary, Chinese character unigrams and bigrams, and shape features (#id for a meeting id, #num,
 * #quoted, #email). NLP.js's own NluManager trains asynchronously and has no typo tolerance or Chinese segmenter
 * without extra packages, so the pipeline around the network is built here; the network itself is theirs.
 * Typo correction is hand-written: NLP.js's SpellCheck uses plain Levenshtein distance, which counts the most
 * common chat typo, two swapped letters ("hlep", "mtue"), as two edits.
 */

export interface IntentScore {
  intent: string;
  score: number;
}

export interface Classification {
  /** Best first, scores normalised to sum 1; empty when no feature of the text is known. */
  ranked: IntentScore[];
  /** The strongest raw perceptron output (how sure the network is at all, before normalising). */
  strength: number;
  features: string[];
  /** The features that pushed the winning intent most, for explanations. */
  evidence: string[];
}

/** Words removed before classifying: politeness and filler that carry no command. */
const FILLER = new Set(['please', 'pls', 'plz', 'kindly', 'the', 'a', 'an', 'um', 'uh', 'hey', 'yo', 'bot', 'meetingbot', 'just', 'quickly', 'now', 'thx']);

// The platform a sentence names ("my Huawei meeting", 华为会议) says which side a command runs on, not which command
// it is: left to the classifier, "huawei" outvoted every other word ("show me the huawei meeting …" became a watch).
// The recognizer moves a command to its Huawei counterpart when the platform is named (recognizer.ts).
const PLATFORM_WORDS = new Set(['huawei', 'cloud']);
const PLATFORM_ZH = /华为(?:云)?/gu;
// Without the platform's name, watching a Huawei meeting is said exactly as watching a Skype one; the classifier
// learns them as one command and the recognizer tells the sides apart by the platform, a conference id or a waiting room.
const SAME_WORDS_AS: Readonly<Record<string, string>> = { 'huawei.watch': 'watch.start', 'huawei.unwatch': 'watch.stop' };

// Typos are corrected only against the command vocabulary and only in words of this length or more: shorter
// words are too often names ("Bob", "Ann") that a correction would turn into command words.
const MIN_CORRECTION_LENGTH = 4;

// Common English words one edit away from a command word: they are what the person meant, never typos ("when you
// get a chance" is not "change", "let Ana in real quick" not "read", "the step" not "stop", "will" not "well").
// Found by running the corrector over a list of frequent English words; plurals of the same word are left to it.
const REAL_WORDS: ReadonlySet<string> = new Set(('along area attack bank black both cell chance charge deal ever fight fire five form four fund guess '
  + 'hand hard head late least left life line love miss movie note once past plant play police quite ready real road safe save seat seek seem '
  + 'shake shoot shot skill skin some sort spend sport star stay step test than then these they think though three thus wall west while whom '
  + 'whose will wish word world mate kinda sent slow hire bite site sight light might tight bright fine find kind '
  // Fifth pass, the same run over more verbs and nouns: "lift the mute" is no list, "pause alerts" no parse, "held" no help.
  + 'lift exit quiet mend wash clean hate pace date shown held pause hers meant made gave came knew died ride meat neat chap '
  + 'shop ship slip drip strap scrape shape shore stare smart chart shard fort port wart '
  // Tenth pass: "send the contract to legal" is no contact.
  + 'contract '
  // Eleventh pass: "Hiring loop #3" is no look.
  + 'loop '
  // Thirteenth pass: "im lost, show me what u can do" is no list.
  + 'lost '
  // "reset my password" is no rest.
  + 'reset '
  // After corpus Y: "you were right", "we're finished" (typed "were") are no where.
  + 'were '
  // After corpus AL ("my meetings are so boring lately" is no bring); the others from the corrections over the tuned
  // corpora: a presenter is no presence, "till 5" no tell, "30 mins" no mind.
  + 'boring bored presenter presenters till toll mins nerds sing user users').split(' '));

const stemmer = new StemmerEn();

// Contractions typed without apostrophes read as the words they stand for, so "whos" and "who is" agree.
const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  whos: ['who', 'is'], whats: ['what', 'is'], wheres: ['where', 'is'], dont: ['do', 'not'], doesnt: ['does', 'not'],
  cant: ['can', 'not'], cannot: ['can', 'not'], wont: ['will', 'not'], im: ['i', 'am'], ive: ['i', 'have'], id: ['i', 'would'],
  theres: ['there', 'is'], isnt: ['is', 'not'], arent: ['are', 'not'],
  // Tenth pass: a negation typed without its apostrophe is never "corrected" into its affirmative ("shouldnt" → "should").
  shouldnt: ['should', 'not'], wouldnt: ['would', 'not'], couldnt: ['could', 'not'], mustnt: ['must', 'not'],
  didnt: ['did', 'not'], wasnt: ['was', 'not'], werent: ['were', 'not'], hasnt: ['has', 'not'], havent: ['have', 'not'],
  neednt: ['need', 'not'], youre: ['you', 'are'], theyre: ['they', 'are'], weare: ['we', 'are'], wewill: ['we', 'will'],
}));

export interface ClassifierModel {
  /** `tokens` already typo-corrected (see `correct`); Chinese text is classified from `rawText`. */
  classify(tokens: Token[], chinese: boolean, rawText: string): Classification;
  /** True if the (lower-case) word is part of the command vocabulary. */
  knows(word: string): boolean;
  /** The vocabulary form of a word when it is a typo of one (distance 1, or 2 for long words), else undefined. */
  correct(word: string): string | undefined;
}

export function trainClassifier(sets: Readonly<Record<string, TrainingSet>> = training): ClassifierModel {
  const { network, vocabulary } = trainedNetwork(sets);
  return classifierOver(network, vocabulary, vocabulary);
}

/** A trained network, the words it knows and the words it corrects typos towards, as stored by `storeClassifier`. */
export interface StoredClassifier {
  network: NeuralNetworkJson;
  vocabulary: Array<[string, number]>;
  correctionVocabulary: Array<[string, number]>;
}

/**
 * Trains on `sets` plus `extra` (labelled sentences with their entities already turned into {slots}) and returns it
 * in a form that can be stored and loaded without training again. Typos are still corrected towards the words of
 * `sets` alone: the extra sentences' words count as features, but a bigger target list turns real typos ("delte",
 * "rejcet") into other words.
 */
export function storeClassifier(sets: Readonly<Record<string, TrainingSet>>, extra: Readonly<Record<string, TrainingSet>>): StoredClassifier {
  const merged: Record<string, TrainingSet> = { ...sets };
  for (const [intent, set] of Object.entries(extra)) {
    const base = merged[intent] ?? { en: [], zh: [] };
    merged[intent] = { en: [...base.en, ...set.en], zh: [...base.zh, ...set.zh] };
  }
  const { network, vocabulary } = trainedNetwork(merged);
  return { network: network.toJSON(), vocabulary: [...vocabulary], correctionVocabulary: [...buildVocabulary(sets)] };
}

/** The network trained on `sets`, over the features of the words `sets` use. */
function trainedNetwork(sets: Readonly<Record<string, TrainingSet>>): { network: NeuralNetwork; vocabulary: Map<string, number> } {
  const vocabulary = buildVocabulary(sets);
  const network = new NeuralNetwork({ log: false });
  network.train(trainingExamples(sets, (word) => knownIn(vocabulary, word)));
  return { network, vocabulary };
}

export function loadClassifier(stored: StoredClassifier): ClassifierModel {
  const network = new NeuralNetwork({ log: false });
  network.fromJSON(stored.network);
  return classifierOver(network, new Map(stored.vocabulary), new Map(stored.correctionVocabulary));
}

// "delivered", "pings": a known word with a plural or past ending is not a typo; it stays as typed (patterns read
// it so) and the classifier reads it through its stem. "-ing" forms are left out: "planning" in a subject would
// otherwise count as the command word "plan".
function inflectedIn(vocabulary: ReadonlyMap<string, number>, word: string): boolean {
  return INFLECTED.test(word) && (knownBase(vocabulary, word.slice(0, -1)) || knownBase(vocabulary, word.slice(0, -2)));
}

const INFLECTED = /^[a-z]{3,}(?:s|d)$/u;

function knownBase(vocabulary: ReadonlyMap<string, number>, base: string): boolean {
  return base.length >= 3 && vocabulary.has(base);
}

function knownIn(vocabulary: ReadonlyMap<string, number>, word: string): boolean {
  return vocabulary.has(word) || inflectedIn(vocabulary, word);
}

function trainingExamples(sets: Readonly<Record<string, TrainingSet>>, known: (word: string) => boolean): NeuralExample[] {
  const corpus: NeuralExample[] = [];
  for (const [name, set] of Object.entries(sets)) {
    const intent = lookup(SAME_WORDS_AS, name) ?? name;
    for (const example of set.en) {
      corpus.push(toExample(englishFeatures(tokenize(fillSlots(example)), known), intent));
    }
    for (const example of set.zh) {
      corpus.push(toExample(chineseFeatures(fillSlots(example), known), intent));
    }
  }
  return corpus;
}

function classifierOver(network: NeuralNetwork, vocabulary: ReadonlyMap<string, number>, correctionVocabulary: ReadonlyMap<string, number>): ClassifierModel {
  const words = [...correctionVocabulary.keys()];
  // "customer" is not a typo of "custom", nor "planner" of "plan": a known word plus a suffix is another word.
  const derived = (word: string): boolean => {
    const stem = /^(.{3,}?)(?:er|ers|or|ors|ing|ings|ion|ions|ly|ment|ments|al|ance)$/u.exec(word)?.[1];
    return stem !== undefined && (correctionVocabulary.has(stem) || correctionVocabulary.has(`${stem}e`) || (stem.length > 3 && stem.at(-1) === stem.at(-2) && correctionVocabulary.has(stem.slice(0, -1))));
  };
  const correct = (word: string): string | undefined => {
    if (correctionVocabulary.has(word) || word.length < MIN_CORRECTION_LENGTH || REAL_WORDS.has(word) || CONTRACTIONS.has(word) || /[^a-z]/u.test(word) || inflectedIn(correctionVocabulary, word) || derived(word)) {
      return undefined;
    }
    return closestWord(word, words, correctionVocabulary);
  };
  const known = (word: string): boolean => knownIn(vocabulary, word);
  const perceptrons = new Perceptrons(network);
  return {
    knows: known,
    correct,
    classify(tokens, chinese, rawText) {
      const features = chinese ? chineseFeatures(rawText, known) : englishFeatures(tokens, known);
      return { ...score(perceptrons, features), features };
    },
  };
}

function score(perceptrons: Perceptrons, features: string[]): Omit<Classification, 'features'> {
  const input = perceptrons.lookUp(features);
  const raw = features.length > 0 ? perceptrons.positiveOutputs(input) : [];
  let total = 0;
  let strength = 0;
  for (const output of raw) {
    total += output[1];
    strength = Math.max(strength, output[1]);
  }
  const ranked: IntentScore[] = [];
  for (const [intent, value] of raw) ranked.push({ intent: intent === 'None' ? NONE_INTENT : intent, score: value / total });
  sortShort(ranked, byScoreThenName);
  const top = ranked[0];
  return { ranked, strength, evidence: top ? evidenceFor(perceptrons, input, top.intent) : [] };
}

function byScoreThenName(a: IntentScore, b: IntentScore): number {
  return b.score - a.score || a.intent.localeCompare(b.intent);
}

/** The (at most four) features that pushed `intent` most, strongest first. */
function evidenceFor(perceptrons: Perceptrons, input: LookedUp, intent: string): string[] {
  const pushing = sortShort(perceptrons.weightsFor(input, intent).filter(isPositive), byWeight);
  const evidence: string[] = [];
  for (let i = 0; i < pushing.length && i < 4; i += 1) {
    const [feature, weight] = pushing[i]!;
    evidence.push(`${feature}(+${weight.toFixed(2)})`);
  }
  return evidence;
}

function isPositive(entry: readonly [string, number]): boolean {
  return entry[1] > 0;
}

function byWeight(a: readonly [string, number], b: readonly [string, number]): number {
  return b[1] - a[1];
}

/**
 * The vocabulary word within one edit (two for words of 8+ letters), counting a swap of neighbouring letters as
 * one edit (optimal string alignment distance). The first letter must agree: typos rarely hit it, while names
 * that merely resemble a command word ("Core"/"more", "Project"/"reject") usually differ there.
 */
function closestWord(word: string, words: readonly string[], frequency: ReadonlyMap<string, number>): string | undefined {
  const limit = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of words) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > limit) {
      continue;
    }
    const distance = osaDistance(word, candidate, limit);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && (frequency.get(candidate) ?? 0) > (frequency.get(best) ?? 0))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

// The rows of the distance table, reused: a sentence with words the vocabulary lacks ("create a meeting called Budget
// review at 3pm tomorrow") compared each with every candidate of its first letter, and the two arrays a row came to
// ~14 KB of that recognition's garbage. Three rows, as the swap of neighbouring letters looks two rows back.
let distanceRows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

function osaDistance(a: string, b: string, limit: number): number {
  if (distanceRows[0].length <= b.length) {
    distanceRows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  }
  let [previous2, previous, current] = distanceRows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, previous2[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) {
      return limit + 1;
    }
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/** The network sees each feature present as 1; absent features are simply missing. */
function networkInput(features: string[]): Record<string, number> {
  return Object.fromEntries(features.map((feature) => [feature, 1]));
}

function toExample(features: string[], intent: string): NeuralExample {
  return { input: networkInput(features), output: { [intent]: 1 } };
}

/** Slots become nothing (entity words are unknown at run time too); {id} becomes a meeting-id-shaped number. */
function fillSlots(example: string): string {
  return example.replace(/\{id\}/gu, '914083136').replace(/\{[a-z]+\}/gu, ' ');
}

/** Word → how often the training examples use it; a Map, because the words looked up in it are whatever people type. */
function buildVocabulary(sets: Readonly<Record<string, TrainingSet>>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const set of Object.values(sets)) {
    for (const example of set.en) {
      for (const token of tokenize(fillSlots(example))) {
        if (!/\d/u.test(token.norm)) {
          vocabulary.set(token.norm, (vocabulary.get(token.norm) ?? 0) + 1);
        }
      }
    }
    for (const example of set.zh) {
      for (const word of fillSlots(example).match(/[a-z]+/giu) ?? []) {
        const norm = normWord(word);
        vocabulary.set(norm, (vocabulary.get(norm) ?? 0) + 1);
      }
    }
  }
  return vocabulary;
}

function shapeOf(token: Token): string | undefined {
  if (token.quoted) {
    return '#quoted';
  }
  if (isMeetingId(token.original)) {
    return '#id';
  }
  if (/^\d{1,5}$/u.test(token.norm)) {
    return '#num';
  }
  if (/^(sip:)?[^@\s]+@[^@\s]+\.[a-z]{2,}$/iu.test(token.norm)) {
    return '#email';
  }
  return undefined;
}

function englishFeatures(tokens: Token[], known: (word: string) => boolean): string[] {
  const units: string[] = [];
  for (const token of tokens) {
    const shape = shapeOf(token);
    const expanded = shape ? undefined : CONTRACTIONS.get(token.norm);
    if (shape) {
      units.push(shape);
    } else if (expanded) {
      for (const word of expanded) pushStemIfKnown(units, word, known);
    } else {
      pushStemIfKnown(units, token.norm, known);
    }
  }
  return withBigrams(units, '_');
}

function pushStemIfKnown(units: string[], word: string, known: (word: string) => boolean): void {
  if (!FILLER.has(word) && !PLATFORM_WORDS.has(word) && known(word)) {
    units.push(stemmer.stemWord(word));
  }
}

// 销 is learned from 注销 (sign out) alone, so 报销, 销售, 营销 voted for the sign-out: any other 销 is a unit of its own.
const OTHER_XIAO = '销#';

// Read with exec from lastIndex 0 rather than matchAll, which clones the pattern and an iterator for every sentence.
const CHINESE_UNIT = /\d{6,12}|\d+|[a-z][a-z'-]*|[\u3400-\u9fff]/giu;

function chineseFeatures(text: string, known: (word: string) => boolean): string[] {
  const units: string[] = [];
  const read = text.replace(PLATFORM_ZH, ' ');
  CHINESE_UNIT.lastIndex = 0;
  for (let match = CHINESE_UNIT.exec(read); match; match = CHINESE_UNIT.exec(read)) {
    const piece = match[0];
    if (/^\d{6,12}$/u.test(piece)) {
      units.push('#id');
    } else if (/^\d+$/u.test(piece)) {
      units.push('#num');
    } else if (/^[a-z]/iu.test(piece)) {
      const word = normWord(piece);
      if (known(word) && !PLATFORM_WORDS.has(word)) {
        units.push(stemmer.stemWord(word));
      }
    } else {
      units.push(piece === '销' && text[match.index - 1] !== '注' ? OTHER_XIAO : piece);
    }
  }
  return withBigrams(units, '');
}

function withBigrams(units: string[], joiner: string): string[] {
  const features = new Set(units);
  for (let i = 1; i < units.length; i += 1) {
    features.add(`${units[i - 1]}${joiner}${units[i]}`);
  }
  return [...features];
}

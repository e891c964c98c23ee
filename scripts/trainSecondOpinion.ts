import { writeFileSync } from 'node:fs';
import { storeClassifier } from '../src/nlu/classifier.js';
import { secondOpinionPath, type StoredSecondOpinion } from '../src/nlu/secondOpinion.js';
import { training, type TrainingSet } from '../src/nlu/training.js';
import { corporaTunedOn, corpusFingerprint, loadCorpus, type CorpusUtterance } from '../test/nlu/corpus.js';

/**
 * Trains the recognizer's second opinion (src/nlu/secondOpinion.ts) on ./training.ts and every corpus the project
 * has tuned on, and stores it in src/nlu/secondOpinion.json. Run after a corpus is tuned on (and moved out of
 * UNTUNED_CORPORA): `npm run build && node dist/scripts/trainSecondOpinion.js && npm run build`.
 */

// A meeting id stays a meeting id (the classifier's #id feature); other entity words are unknown at run time too.
const MEETING_ID = /^\d[\d ]{6,}$/u;

function withSlots(utterance: CorpusUtterance): string {
  let text = utterance.text;
  for (const [slot, value] of Object.entries(utterance.entities)) {
    for (const word of Array.isArray(value) ? value : [value]) {
      if (typeof word !== 'string' || word.trim().length === 0) continue;
      const placeholder = MEETING_ID.test(word) ? ' {id} ' : ` {${slot}} `;
      text = text.replace(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'giu'), placeholder);
    }
  }
  return text;
}

function labelled(utterances: readonly CorpusUtterance[]): Record<string, TrainingSet> {
  const sets: Record<string, { en: string[]; zh: string[] }> = {};
  for (const utterance of utterances) {
    const set = (sets[utterance.intent] ??= { en: [], zh: [] });
    const text = withSlots(utterance);
    (/[\u3400-\u9fff]/u.test(text) ? set.zh : set.en).push(text);
  }
  return sets;
}

/**
 * Weights to 4 decimals: the file is 1.15 MB instead of 2.07 MB, and not one of the 8,896 corpus sentences reads
 * differently (intent, entities, asked or not; compared against the unrounded weights when the comment was written).
 */
function rounded(stored: StoredSecondOpinion['classifier']): StoredSecondOpinion['classifier'] {
  const perceptrons = stored.network.perceptrons.map((weights) => weights.map((weight) => Math.round(weight * 1e4) / 1e4));
  return { ...stored, network: { ...stored.network, perceptrons } };
}

const corpora = corporaTunedOn().map((path) => ({ path, utterances: loadCorpus(path).utterances }));
const stored: StoredSecondOpinion = {
  trainedOn: corpora.map(({ path, utterances }) => ({ ...corpusFingerprint(path), sentences: utterances.length })),
  classifier: rounded(storeClassifier(training, labelled(corpora.flatMap(({ utterances }) => utterances)))),
};
writeFileSync(secondOpinionPath(), `${JSON.stringify(stored)}\n`);
console.log(`trained on ${stored.trainedOn.reduce((sum, corpus) => sum + corpus.sentences, 0)} sentences of ${corpora.length} corpora → ${secondOpinionPath()}`);

import assert from 'node:assert/strict';
import { intents } from '../../src/nlu/catalog.js';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { training } from '../../src/nlu/training.js';
import { loadCorpus, scoreCorpus, type Miss } from './corpus.js';

const MIN_INTENT_ACCURACY = 0.97;
const MIN_ENTITY_ACCURACY = 0.95;

describe('nlu corpus (held-out accuracy)', () => {
  const corpus = loadCorpus();

  it('has at least 300 utterances covering every catalog intent and none', () => {
    assert.ok(corpus.utterances.length >= 300, `only ${corpus.utterances.length} utterances`);
    const covered = new Set(corpus.utterances.map((u) => u.intent));
    const missing = [...intents.map((i) => i.name), 'none'].filter((name) => !covered.has(name));
    assert.deepEqual(missing, []);
    const unknown = [...covered].filter((name) => name !== 'none' && !intents.some((i) => i.name === name));
    assert.deepEqual(unknown, [], 'corpus names intents the catalog does not have');
  });

  it('is held out: no corpus sentence is a training example', () => {
    const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const trained = new Set(Object.values(training).flatMap((set) => [...set.en, ...set.zh]).map(squash));
    const repeated = corpus.utterances.filter((u) => trained.has(squash(u.text))).map((u) => u.text);
    assert.deepEqual(repeated, []);
  });

  it(`reaches ≥ ${MIN_INTENT_ACCURACY * 100}% intent and ≥ ${MIN_ENTITY_ACCURACY * 100}% entity accuracy`, () => {
    const recognizer = createRecognizer({ now: () => corpus.referenceTime });
    const score = scoreCorpus(recognizer, corpus);
    const show = (miss: Miss): string =>
      `  "${miss.text}": expected ${miss.expected.intent} ${JSON.stringify(miss.expected.entities)}, got ${miss.actual.intent} (${miss.actual.score}) ${JSON.stringify(miss.actual.entities)}`;
    console.log(`      intent accuracy ${(score.intentAccuracy * 100).toFixed(1)}%, entity accuracy ${(score.entityAccuracy * 100).toFixed(1)}% over ${score.total} utterances`);
    if (score.intentMisses.length > 0) {
      console.log(`      intent misses:\n${score.intentMisses.map(show).join('\n')}`);
    }
    if (score.entityMisses.length > 0) {
      console.log(`      entity misses:\n${score.entityMisses.map(show).join('\n')}`);
    }
    assert.ok(score.intentAccuracy >= MIN_INTENT_ACCURACY, `intent accuracy ${(score.intentAccuracy * 100).toFixed(1)}% < ${MIN_INTENT_ACCURACY * 100}%`);
    assert.ok(score.entityAccuracy >= MIN_ENTITY_ACCURACY, `entity accuracy ${(score.entityAccuracy * 100).toFixed(1)}% < ${MIN_ENTITY_ACCURACY * 100}%`);
  });
});

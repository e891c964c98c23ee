import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NeuralNetwork, type NeuralNetworkJson } from '@nlpjs/neural';
import { describe, it } from 'mocha';
import { loadClassifier, storeClassifier } from '../../src/nlu/classifier.js';
import { Perceptrons } from '../../src/nlu/perceptrons.js';
import { readSecondOpinion } from '../../src/nlu/secondOpinion.js';
import { tokenize } from '../../src/nlu/text.js';
import { training } from '../../src/nlu/training.js';
import { corpusPath, loadCorpus } from './corpus.js';

/**
 * src/nlu/perceptrons.ts computes NLP.js's run and explain itself: it must give the same numbers, bit for bit, in the
 * same order, for every input the recognizer can build. Held against NLP.js over every corpus sentence's features
 * (both networks the product runs: the recognizer's, trained on the training sets, and the stored second opinion's),
 * and over random feature mixes with unknown words in them.
 */
describe('recognizer: the perceptrons computed outside NLP.js', function () {
  this.timeout(120_000);
  const recognizerNetwork = storeClassifier(training, {});
  const networks: Array<[string, NeuralNetworkJson, ReturnType<typeof loadClassifier>]> = [
    ['the recognizer’s network', recognizerNetwork.network, loadClassifier(recognizerNetwork)],
    ['the second opinion’s network', readSecondOpinion().classifier.network, loadClassifier(readSecondOpinion().classifier)],
  ];

  for (const [name, json, model] of networks) {
    it(`gives NLP.js's outputs and explanations for ${name}`, () => {
      const network = new NeuralNetwork({ log: false });
      network.fromJSON(json);
      const perceptrons = new Perceptrons(network);
      let compared = 0;
      for (const features of featureLists(model, json.features)) {
        const input = Object.fromEntries(features.map((feature) => [feature, 1]));
        // NLP.js looks features up in a plain object, where the names of Object.prototype's properties are found
        // ('constructor', '__proto__': every output NaN, nothing votes); here they are unknown words, like any other.
        const asNlpJsShouldRead = Object.fromEntries(features.filter((feature) => !(feature in Object.prototype)).map((feature) => [feature, 1]));
        const theirs = Object.entries(network.run(asNlpJsShouldRead) ?? {}).filter(([, value]) => value > 0);
        const looked = perceptrons.lookUp(Object.keys(input));
        assert.deepStrictEqual(perceptrons.positiveOutputs(looked), theirs, features.join(' '));
        for (const intent of [theirs[0]?.[0] ?? 'None', 'none', 'not-an-intent']) {
          assert.deepStrictEqual(Object.fromEntries(perceptrons.weightsFor(looked, intent)), network.explain(asNlpJsShouldRead, intent).weights ?? {}, `${features.join(' ')} → ${intent}`);
        }
        compared += 1;
      }
      assert.ok(compared > 30_000, `compared ${compared} inputs`);
    });
  }
});

/** Every corpus sentence's features as the classifier builds them, then seeded random mixes of known and unknown ones. */
function* featureLists(model: ReturnType<typeof loadClassifier>, known: readonly string[]): Generator<string[]> {
  const folder = resolve(dirname(corpusPath()), '../fixtures/nlu');
  const files = [corpusPath(), ...readdirSync(folder).filter((file) => /^heldout-.+\.json$/u.test(file)).map((file) => resolve(folder, file))];
  for (const file of files) {
    for (const { text } of loadCorpus(file).utterances) {
      const chinese = /[\u3400-\u9fff]/u.test(text);
      yield model.classify(tokenize(text), chinese, text).features;
    }
  }
  let seed = 12345;
  const next = (below: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % below;
  };
  const unknown = ['zzqx', 'constructor', '__proto__', 'toString', '1', '914083136'];
  for (let round = 0; round < 3000; round++) {
    const size = 1 + next(6);
    yield Array.from({ length: size }, () => (next(5) === 0 ? unknown[next(unknown.length)]! : known[next(known.length)]!));
  }
}

import type { NeuralNetwork } from '@nlpjs/neural';

/**
 * NLP.js's NeuralNetwork.run and explain (neural-network.js), computed from the network's own serialisation. Why by
 * hand: on every call `run` looked the input up, allocated a closure per perceptron for its `reduce` and a number per
 * output in a dictionary-mode object, and `explain` looked the input up again: ~15 KB of garbage a recognition, the
 * largest share of the recognizer's, and the recognizer's garbage is what the bot's turns pay for in scavenges
 * (issue 12). Here the input is looked up once and each output is summed in a plain loop.
 *
 * Same numbers bit for bit: each perceptron's sum starts at its bias and adds `input × weight` in the order NLP.js
 * looks the input up (the input object's keys, known features only), the weights are the network's float32 values,
 * an output is `alpha × sum` when the sum is positive, and outputs come in the network's intent order.
 * test/nlu/perceptrons.test.ts holds them equal to NLP.js's over every corpus sentence.
 */
export class Perceptrons {
  private readonly featureIndex: Map<string, number>;
  private readonly features: readonly string[];
  private readonly intents: readonly string[];
  private readonly intentIndex: Map<string, number>;
  private readonly weights: Float32Array[];
  private readonly biases: Float64Array;
  private readonly alpha: number;

  constructor(network: NeuralNetwork) {
    const json = network.toJSON();
    this.features = json.features;
    this.intents = json.intents;
    this.featureIndex = firstIndexOf(json.features);
    this.intentIndex = firstIndexOf(json.intents);
    this.weights = json.perceptrons.map((perceptron) => Float32Array.from(perceptron.slice(0, json.features.length)));
    this.biases = Float64Array.from(json.perceptrons.map((perceptron) => perceptron[json.features.length] ?? 0));
    this.alpha = network.settings.alpha;
  }

  /**
   * The input as NLP.js looks it up, for the input object whose keys are `features` (each once), every value 1:
   * the known ones, in the object's key order. That order is the list's, as no feature is an array index (those an
   * object puts first): the classifier's features are words, characters and #shapes. Taking the list, not the
   * object, saves building a dictionary-mode object and its key array for every recognition.
   */
  lookUp(features: readonly string[]): LookedUp {
    const keys: number[] = [];
    for (const feature of features) {
      const index = this.featureIndex.get(feature);
      if (index !== undefined) keys.push(index);
    }
    return { keys };
  }

  /** `run`'s outputs above zero, as [intent, output] in the network's intent order. */
  positiveOutputs(input: LookedUp): Array<[string, number]> {
    const outputs: Array<[string, number]> = [];
    for (let perceptron = 0; perceptron < this.intents.length; perceptron += 1) {
      const weights = this.weights[perceptron]!;
      let sum = this.biases[perceptron]!;
      // NLP.js adds value × weight; every value here is 1, and 1 × w is w exactly, so the sums stay bit for bit.
      for (const key of input.keys) sum = sum + weights[key]!;
      const output = sum <= 0 ? 0 : this.alpha * sum;
      if (output > 0) outputs.push([this.intents[perceptron]!, output]);
    }
    return outputs;
  }

  /**
   * `explain(input, intent).weights` as [feature, weight] entries, in the object's key order: each known feature of
   * the input with its weight for `intent`; none for an unknown intent. Entries, not the object: the classifier
   * filters and sorts them for its evidence, and the object was built only to be taken apart again.
   */
  weightsFor(input: LookedUp, intent: string): Array<[string, number]> {
    const perceptron = this.intentIndex.get(intent);
    const weights: Array<[string, number]> = [];
    if (perceptron === undefined) return weights;
    for (const key of input.keys) weights.push([this.features[key]!, this.weights[perceptron]![key]!]);
    return weights;
  }
}

/** A looked-up input: its known features' indices, in lookup order, each present with the value 1. */
export interface LookedUp {
  keys: number[];
}

/** NLP.js's Lookup keeps the first index of a name (lookup.js `add`); the serialised lists hold each name once anyway. */
function firstIndexOf(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, at) => {
    if (!index.has(name)) index.set(name, at);
  });
  return index;
}

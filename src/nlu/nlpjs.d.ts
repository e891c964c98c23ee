// NLP.js ships plain CommonJS without type declarations; these describe only the parts this recognizer uses.
declare module '@nlpjs/neural' {
  export interface NeuralExample {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export interface NeuralStatus {
    error: number;
    deltaError: number;
    iterations: number;
  }
  /** NeuralNetwork's own serialisation: one weight per feature, then the bias, per intent. */
  export interface NeuralNetworkJson {
    settings: Record<string, unknown>;
    features: string[];
    intents: string[];
    perceptrons: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean });
    /** The settings in force (defaults filled in); `alpha` scales a perceptron's positive sum into its output. */
    readonly settings: { alpha: number };
    /** Synchronous: trains the per-intent perceptrons in process. */
    train(corpus: NeuralExample[]): NeuralStatus;
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralNetworkJson;
    fromJSON(json: NeuralNetworkJson): void;
    explain(input: Record<string, number>, intent: string): { weights?: Record<string, number>; bias?: number };
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}

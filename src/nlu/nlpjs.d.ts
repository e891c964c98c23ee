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
  export class NeuralNetwork {
    constructor(settings?: { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean });
    /** Synchronous: trains the per-intent perceptrons in process. */
    train(corpus: NeuralExample[]): NeuralStatus;
    run(input: Record<string, number>): Record<string, number> | undefined;
    explain(input: Record<string, number>, intent: string): { weights?: Record<string, number>; bias?: number };
  }
}

declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}

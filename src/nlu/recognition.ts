import type { Entities } from './catalog.js';

export type Language = 'en' | 'zh';

/** What the recognizer made of one message. `intent` is 'none' when nothing matched well enough. */
export interface Recognition {
  intent: string;
  /** 0..1 confidence. */
  score: number;
  entities: Entities;
  /** Language the text was written in (drives reply language when the activity has no locale). */
  language: Language;
  /** The text after mention removal and normalisation, as the recognizer saw it. */
  text: string;
  /** Human-readable trace of how the result was reached, for the "explain" command. */
  explanation: string[];
  /** The runner-up intents, best first, for "did you mean" and ambiguity handling. */
  alternatives: Array<{ intent: string; score: number }>;
}

export interface Recognizer {
  recognize(text: string, locale?: string): Recognition;
}

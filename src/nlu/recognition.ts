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
  /**
   * Set when a write is not clearly meant (src/nlu/safety.ts): the readings to offer as one question, each with
   * its own entities, best guess first. `intent` is then the safe reading, and nothing should run unasked.
   */
  ask?: Array<{ intent: string; entities: Entities }>;
  /**
   * Why `ask` is set, when what exists may settle it: 'kind' when the readings differ only in what kind of thing
   * their object is (a meeting or a contact group), so the one whose object the person has can run unasked.
   */
  askWhy?: 'kind';
  /** Set when the text is in a language the bot does not speak (French, Japanese, …) rather than unclear. */
  foreign?: boolean;
  /** Set when the text is far longer than any command (`LONGEST_COMMAND`): it was not read at all. */
  tooLong?: boolean;
}

export interface Recognizer {
  recognize(text: string, locale?: string): Recognition;
}

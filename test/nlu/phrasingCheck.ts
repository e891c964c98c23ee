import assert from 'node:assert/strict';
import { isWrite } from '../../src/nlu/catalog.js';
import { createRecognizer } from '../../src/nlu/recognizer.js';

/** One phrasing: the text, the intent it means and exactly the entities it states. */
export type PhrasingCase = readonly [text: string, intent: string, entities: Record<string, unknown>];

/** The phrasing-class suites' reference time: Wednesday 15 January 2025, 10:00. */
const now = new Date(2025, 0, 15, 10, 0, 0);
const recognizer = createRecognizer({ now: () => now });

/**
 * One test per phrasing: the intent and entities exactly, a read never acted on as a write (asking is allowed), and a
 * write said plainly run without a question (unless its object's kind is not said: then what exists settles it).
 */
export function check(cases: readonly PhrasingCase[]): void {
  for (const [text, intent, entities] of cases) {
    it(`"${text}" → ${intent} ${JSON.stringify(entities)}`, () => {
      const result = recognizer.recognize(text);
      assert.equal(result.intent, intent, result.explanation.join('\n'));
      assert.deepEqual(result.entities, entities, result.explanation.join('\n'));
      if (!isWrite(intent)) {
        assert.ok(!isWrite(result.intent) || result.ask, 'a read never becomes a write');
      } else if (result.askWhy !== 'kind') {
        assert.equal(result.ask, undefined, 'a write said plainly runs without a question');
      } else {
        // "rename Vendors to Suppliers": a meeting or a group? What the person has settles it before anyone is asked
        // (the router's settledByWhatExists); the reading meant must be one of the two.
        assert.ok(result.ask?.some((reading) => reading.intent === intent), 'the reading meant is offered');
      }
    });
  }
}

/** Questions whose exact reading is open, but which must never change anything without asking. */
export function checkChangesNothing(texts: readonly string[]): void {
  for (const text of texts) {
    it(`"${text}" changes nothing without asking`, () => {
      const result = recognizer.recognize(text);
      assert.ok(!isWrite(result.intent) || result.ask, result.explanation.join('\n'));
    });
  }
}

/** A phrasing that must be asked, not run: the readings offered, in order, and the slot both are read with. */
export type AskedCase = readonly [text: string, readings: readonly string[], entities: Record<string, unknown>];

/** Each text is asked as the readings given, in that order, the first reading carrying exactly those entities. */
export function checkAsked(cases: readonly AskedCase[]): void {
  for (const [text, readings, entities] of cases) {
    it(`"${text}" asks: ${readings.join(' or ')}`, () => {
      const result = recognizer.recognize(text);
      assert.deepEqual(result.ask?.map((reading) => reading.intent), readings, result.explanation.join('\n'));
      assert.deepEqual(result.ask?.[0]?.entities, entities, result.explanation.join('\n'));
    });
  }
}

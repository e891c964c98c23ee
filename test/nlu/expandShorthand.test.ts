import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { expandShorthand, expandShorthandFully } from '../../src/nlu/text.js';

/**
 * expandShorthand skips its twenty replaces when one combined test finds no shorthand (src/nlu/text.ts). The shortcut
 * must give exactly what the replaces give: on every corpus sentence, as typed and lower-cased, and on texts made of
 * the shorthand itself.
 */
describe('expandShorthand', () => {
  it('gives what the full replaces give', () => {
    const folder = new URL('../../../test/fixtures/nlu/', import.meta.url);
    const texts = ['tmrw 2pm', 'pls del grp Old vendors', 'rename Q3 Hires -> Q3 2025 Hires', 'turn off the all-mute', 'any1 waiting 4 Sprint Review?',
      'ok let thm all in', 'hlp pls', 'lck 912345678', 'unmute-all', 'letin Bob', 'mut everyone', 'TMRW', '→', 'a → b', 'a ⇒ b', 'nxt week', '2nite'];
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
      const corpus = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { utterances: Array<{ text: string }> };
      texts.push(...corpus.utterances.flatMap((utterance) => [utterance.text, utterance.text.toLowerCase()]));
    }
    for (const text of texts) assert.equal(expandShorthand(text), expandShorthandFully(text), text);
  });
});

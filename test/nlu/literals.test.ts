import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { cuePrefilters } from '../../src/nlu/cues.js';
import { LiteralSet, containsAny, requiredLiterals } from '../../src/nlu/literals.js';

/**
 * A strong cue's pattern runs only on a text that holds one of the literals read from it (src/nlu/literals.ts). The
 * shortcut must never skip a text the pattern matches: held here on every corpus sentence, as typed and lower-cased.
 */
function corpusTexts(): string[] {
  const folders = [new URL('../../../test/fixtures/nlu/', import.meta.url), new URL('../../../test/nlu/', import.meta.url)];
  const texts: string[] = [];
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((file) => /^(?:heldout-.+|corpus)\.json$/u.test(file))) {
      const corpus = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { utterances: Array<{ text: string }> };
      texts.push(...corpus.utterances.flatMap((utterance) => [utterance.text, utterance.text.toLowerCase().replace(/['’]/gu, '')]));
    }
  }
  return texts;
}

describe('literal prefilters of the strong cues', () => {
  it('reads what a pattern must contain, and nothing it may not', () => {
    assert.deepEqual(requiredLiterals(/\bopen(?: up)? (?:the )?lobby(?:'s|s)? (?:doors?|gates?)\b/u), ['lobby']);
    assert.deepEqual(requiredLiterals(/^(?:who|whos)(?: is)? part of\s/u), [' part of']);
    assert.deepEqual(requiredLiterals(/(?:打开|开开|开一下)大厅的?门/u), ['大厅']);
    assert.deepEqual(requiredLiterals(/^(?!.*lobby)(?:cancel|drop) it$/u), ['cancel', 'drop']);
    assert.deepEqual(requiredLiterals(/a(?:x|y?)b/u), ['a']);
    assert.deepEqual(requiredLiterals(/ab+c/u), ['ab']);
    assert.equal(requiredLiterals(/(?:x|y?)/u), undefined);
    assert.equal(requiredLiterals(/lobby/iu), undefined, 'case-insensitive patterns are not read');
    assert.equal(requiredLiterals(/\u0041bc/u), undefined, 'escapes it does not know make it give up');
    assert.equal(containsAny('who is in the lobby', ['lobby', 'waiting']), true);
    assert.equal(containsAny('who is in the lobby', []), false);
  });

  it('finds in one pass exactly the literals `includes` finds', () => {
    const literals = [...new Set(cuePrefilters().flatMap((cue) => cue.needs ?? [])), 'a', 'aa', 'ab', 'bab', 'abab'];
    const set = new LiteralSet(literals);
    const found = new Uint8Array(literals.length);
    for (const text of [...corpusTexts(), 'abababaab', 'xbabx', 'aaa']) {
      found.fill(0);
      set.scan(text, found);
      const wrong = literals.find((literal, id) => (found[id] === 1) !== text.includes(literal));
      assert.equal(wrong, undefined, `"${wrong}" in "${text}"`);
    }
  });

  it('never skips a text a cue matches', () => {
    const cues = cuePrefilters();
    assert.ok(cues.filter((cue) => cue.needs).length > cues.length * 0.9, 'most cues have a prefilter');
    const texts = corpusTexts();
    for (const { name, pattern, needs } of cues) {
      if (!needs) continue;
      for (const text of texts) {
        if (!containsAny(text, needs)) assert.equal(pattern.test(text), false, `${name}: "${text}" skipped but matched`);
      }
    }
  });
});

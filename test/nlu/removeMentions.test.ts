import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { removeMentions, removeMentionsFully } from '../../src/nlu/text.js';

/**
 * removeMentions skips the mention patterns when a text has neither "@" nor "<" (src/nlu/text.ts). The shortcut
 * must give exactly what the full path gives: on every corpus sentence and on many generated texts built from the
 * characters the patterns react to (tags, at-signs, bot words, separators, Unicode spaces, CJK).
 */
function corpusTexts(): string[] {
  const folder = new URL('../../../test/fixtures/nlu/', import.meta.url);
  const texts: string[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    const corpus = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { utterances: Array<{ text: string }> };
    texts.push(...corpus.utterances.map((utterance) => utterance.text));
  }
  return texts;
}

const fragments = [
  '<at>', '</at>', '<AT>', '<at>MeetingBot</at>', '@', '@MeetingBot', '@meeting bot', '@bot', 'bot', 'meetingops', '<', '>', '/',
  ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', ',', ':', ';', '.', '-', '_', 'who', "who's", 'in', 'the', 'lobby',
  'Anna', 'anna@contoso.com', '会议', '大厅', '谁在', 'é', '\u0301', '😀', '\ud800', '',
];

/** A deterministic generator, so a failure names a reproducible text. */
function* generatedTexts(count: number): Generator<string> {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let index = 0; index < count; index += 1) {
    const length = next() % 12;
    let text = '';
    for (let part = 0; part < length; part += 1) text += fragments[next() % fragments.length];
    yield text;
  }
}

describe('removeMentions', () => {
  it('gives what the full mention removal gives on every corpus sentence', () => {
    const texts = corpusTexts();
    assert.ok(texts.length > 2000, `only ${texts.length} corpus sentences found`);
    for (const text of texts) assert.equal(removeMentions(text), removeMentionsFully(text), JSON.stringify(text));
  });

  it('gives what the full mention removal gives on generated texts with and without mentions', () => {
    let withMention = 0;
    for (const text of generatedTexts(50_000)) {
      if (text.includes('@') || text.includes('<')) withMention += 1;
      assert.equal(removeMentions(text), removeMentionsFully(text), JSON.stringify(text));
    }
    assert.ok(withMention > 10_000, 'the generator must exercise the full path as well');
  });

  it('still removes mentions', () => {
    assert.equal(removeMentions("<at>MeetingBot</at> who's in the lobby"), "who's in the lobby");
    assert.equal(removeMentions("@MeetingBot who's in the lobby @bot"), "who's in the lobby");
    assert.equal(removeMentions('  who\u3000is  in the lobby\n'), 'who is in the lobby');
  });
});

import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { availabilityLabel } from '../../src/presence/texts.js';
import { ucwaSentence } from '../../src/teams/errorSentences.js';
import { userMessageFor as huaweiMessage } from '../../src/huawei/errors.js';

/** Words that name Object.prototype's members must read as plain words wherever text meets a table. */
const prototypeWords = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf'];

describe('words that are also Object.prototype members', () => {
  const recognizer = createRecognizer();

  for (const word of prototypeWords) {
    it(`recognizes sentences containing "${word}"`, () => {
      assert.equal(recognizer.recognize(`admit ${word}`).intent, 'lobby.admit');
      assert.equal(recognizer.recognize(`list ongoing meetings about ${word}`).intent, 'huawei.ongoing');
      assert.doesNotThrow(() => recognizer.recognize(word));
      assert.doesNotThrow(() => recognizer.recognize(`让 ${word} 进来`));
    });
  }

  it('names an admitted person "constructor" when that is what was typed', () => {
    assert.equal(recognizer.recognize('admit constructor').entities.person, 'constructor');
  });

  it('falls back to the raw value when a service sends such a word as a code', () => {
    for (const word of prototypeWords) {
      assert.equal(typeof availabilityLabel(word, 'en'), 'string');
      assert.equal(typeof ucwaSentence({ status: 400, code: word, subcode: word }, 'en'), 'string');
      assert.equal(typeof ucwaSentence({ status: 400, code: word, subcode: word }, 'zh'), 'string');
      assert.equal(typeof huaweiMessage(400, word), 'string');
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { trainClassifier } from '../../src/nlu/classifier.js';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { readSecondOpinion } from '../../src/nlu/secondOpinion.js';
import { isWrite } from '../../src/nlu/catalog.js';
import { corporaTunedOn, corpusFingerprint, UNTUNED_CORPORA } from './corpus.js';

/** The second opinion (src/nlu/secondOpinion.ts): heard only when the rules find no command, and never to act unasked. */
describe('recognizer: the second opinion', () => {
  const recognizer = createRecognizer({ now: () => new Date(2026, 1, 3, 16, 10) });
  const secondOpinionSpoke = (text: string): boolean => recognizer.recognize(text).explanation.some((line) => line.startsWith('second opinion'));

  it('reads a question the rules have no pattern for', () => {
    // (我能设置哪些入会级别 was this example until a rule learned it, after corpus AD; then "im new here, what r u for?",
    // until one did after corpus AK.)
    const result = recognizer.recognize('which contact lists have i got in skype');
    assert.equal(result.intent, 'groups.list');
    assert.ok(secondOpinionSpoke('which contact lists have i got in skype'), result.explanation.join('\n'));
    assert.equal(result.ask, undefined);
  });

  it('asks before a change it finds, never runs it', () => {
    // A second opinion of our own, sure of one reading, so that the policy is what is tested, not the stored weights.
    const sure = trainClassifier({ 'watch.stop': { en: [], zh: ['{id} 不用看了', '{id} 不用再看了', '{id} 不看了'] }, none: { en: ['hello there'], zh: ['你好'] } });
    const withOurs = createRecognizer({ now: () => new Date(2026, 1, 3, 16, 10), secondOpinion: sure });
    const result = withOurs.recognize('912345678 不用看了');
    assert.ok(result.explanation.some((line) => line.startsWith('second opinion')), result.explanation.join('\n'));
    assert.equal(result.intent, 'huawei.unwatch');
    assert.ok(isWrite(result.intent));
    assert.deepEqual(result.ask?.map((reading) => reading.intent), ['huawei.unwatch']);
    assert.deepEqual(result.entities, { meeting: '912345678' });
  });

  it('is not heard when the first classifier heard no command word at all', () => {
    const sure = trainClassifier({ 'meetings.details': { en: ['show me the {meeting} stuff', 'show me the {meeting} thing'], zh: [] }, none: { en: ['hello there'], zh: ['你好'] } });
    const withOurs = createRecognizer({ now: () => new Date(2026, 1, 3, 16, 10), secondOpinion: sure });
    assert.equal(withOurs.recognize('show me the blue thing for the Q3 stuff').intent, 'none');
  });

  for (const text of ['I like turtles', 'tell me a joke', 'asdf qwer', 'good night', 'hello there', '晚安', '帮我点杯咖啡']) {
    it(`leaves small talk alone: "${text}"`, () => {
      assert.equal(recognizer.recognize(text).intent, 'none');
    });
  }

  for (const text of ["don't delete Board prep", '别删周例会', '先别结束 912345678']) {
    it(`is not asked when the sentence refuses a change: "${text}"`, () => {
      assert.equal(recognizer.recognize(text).intent, 'none');
      assert.equal(secondOpinionSpoke(text), false);
    });
  }

  it('is not asked about a language the bot does not speak', () => {
    const result = recognizer.recognize('Quel temps fait-il à Paris ?');
    assert.equal(result.intent, 'none');
    assert.equal(result.foreign, true);
  });

  it('was trained on exactly the corpora tuned on, as they are now (else: node dist/scripts/trainSecondOpinion.js)', () => {
    const stored = readSecondOpinion().trainedOn;
    const expected = corporaTunedOn().map(corpusFingerprint);
    assert.deepEqual(stored.map(({ corpus, sha256 }) => ({ corpus, sha256 })), expected);
    assert.ok(stored.every(({ corpus }) => !UNTUNED_CORPORA.has(corpus)), 'a corpus nobody tuned on is never learned from');
  });
});

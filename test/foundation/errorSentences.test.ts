import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ServiceError } from '../../src/errors.js';
import { errorSentenceOf, ucwaSentence } from '../../src/teams/errorSentences.js';
import { UcwaError, type UcwaProblem } from '../../src/ucwa/index.js';

const projectRoot = resolve(import.meta.dirname, '../../..');

/** Issue 15: the UCWA adapter returns typed errors; the sentences people read live on the Teams side, in both languages. */
describe('UCWA errors are worded on the Teams side', () => {
  it('a UcwaError carries no sentence, only what failed', () => {
    const error = new UcwaError({ status: 410, code: 'Gone', subcode: 'TooManyApplications', message: 'application creation refused' });
    assert.ok(!('userMessage' in error));
    assert.equal(error.subcode, 'TooManyApplications');
    assert.match(ucwaSentence(error, 'en'), /too many apps/);
    assert.match(ucwaSentence(error, 'zh'), /太多应用/);
  });

  it('every typed problem has an English and a Chinese sentence', () => {
    const problems: UcwaProblem[] = [
      { kind: 'notMeetingAddress' },
      { kind: 'participantNotActionable', action: 'admit' },
      { kind: 'participantNotActionable', action: 'reject' },
      { kind: 'groupNameLength', max: 256 },
      { kind: 'credentialsMissing' },
      { kind: 'tokenEndpointElsewhere' },
      { kind: 'passwordGrantUnsupported' },
      { kind: 'passwordRefused' },
      { kind: 'signInFailed' },
      { kind: 'meetingInvalid', problems: ['subject is too long'] },
      { kind: 'extensionInvalid', detail: 'the code is empty' },
      { kind: 'serverNotFound' },
      { kind: 'unsafeDiscovery' },
    ];
    for (const problem of problems) {
      const error = new UcwaError({ code: 'InvalidInput', problem });
      const en = ucwaSentence(error, 'en');
      const zh = ucwaSentence(error, 'zh');
      assert.ok(en.length > 10 && zh.length > 3, problem.kind);
      assert.notEqual(en, zh, `${problem.kind} is said in Chinese too`);
      assert.match(zh, /[\u4e00-\u9fff]/, problem.kind);
    }
  });

  it('falls back from subcode to code to HTTP status, and finds the error inside what wraps it', () => {
    assert.match(ucwaSentence({ status: 404, code: 'Unknown', subcode: 'Unheard' }, 'en'), /no longer exists/);
    assert.match(ucwaSentence({ code: 'NetworkFailure' }, 'zh'), /无法连接/);
    const wrapped = { error: new UcwaError({ status: 403, code: 'Forbidden' }) };
    assert.match(errorSentenceOf(wrapped, 'zh'), /无权/);
    assert.equal(errorSentenceOf(new ServiceError({ service: 'storage', userMessage: 'Try again.' }), 'en'), 'Try again.');
    assert.equal(errorSentenceOf(new Error('connect ECONNREFUSED 10.0.0.5 token=abc'), 'en'), 'Something went wrong on my side. Please try again in a moment.');
  });

  it('no sentence for people is left in the UCWA adapter', async () => {
    const folder = join(projectRoot, 'src/ucwa');
    const files = (await readdir(folder)).filter((name) => name.endsWith('.ts'));
    assert.ok(files.length > 5);
    for (const name of files) {
      const source = await readFile(join(folder, name), 'utf8');
      assert.doesNotMatch(source, /userMessage/, `${name} builds no user message`);
      assert.doesNotMatch(source, /[\u4e00-\u9fff]/, `${name} has no Chinese sentence`);
    }
  });
});

import assert from 'node:assert/strict';
import { huaweiErrorSentence } from '../../src/teams/huaweiErrorSentences.js';
import { HuaweiError } from '../../src/huawei/index.js';
import { errorSentenceOf } from '../../src/teams/errorSentences.js';
import { huaweiErrorFromResponse } from '../../src/huawei/errors.js';

describe('Huawei error sentences live on the Teams side, in English and Chinese', () => {
  it('words a typed error by code, then by status, in the asked language', () => {
    assert.equal(huaweiErrorSentence(new HuaweiError({ status: 400, code: 'MMC.111072014' }), 'zh'), '该云会议室会议已经结束。');
    assert.equal(huaweiErrorSentence(new HuaweiError({ status: 429 }), 'zh'), '华为云会议当前繁忙，请稍后再试。');
    assert.equal(huaweiErrorSentence(new HuaweiError({ status: 429 }), 'en'), 'Huawei Cloud Meeting is busy right now. Please try again in a moment.');
    assert.match(huaweiErrorSentence(new HuaweiError({ status: 503 }), 'zh'), /暂时出现问题/);
  });

  it('is what errorSentenceOf says for a Huawei failure (the router\'s last resort too)', () => {
    assert.equal(errorSentenceOf(new HuaweiError({ status: 429 }), 'zh'), '华为云会议当前繁忙，请稍后再试。');
  });

  it('tells a refused sign-in (the bot\'s own credentials) from an expired token, from the typed error alone', () => {
    const refused = huaweiErrorFromResponse(401, '', undefined, true);
    assert.equal(refused.isSignInRefused, true);
    assert.match(huaweiErrorSentence(refused, 'zh'), /App ID 或 App Key/);
    const expired = huaweiErrorFromResponse(401, '{"error_code":"USG.000000004","error_msg":"token invalid"}', undefined, false);
    assert.equal(expired.isSignInRefused, false);
    assert.equal(huaweiErrorSentence(expired, 'en'), 'My Huawei Cloud Meeting sign-in expired. Please try again.');
  });
});

import assert from 'node:assert/strict';
import { TurnContext, TestAdapter } from 'botbuilder';
import { DialogContext, DialogContextError, DialogSet } from 'botbuilder-dialogs';
import { ServiceError, userMessageOf } from '../../src/errors.js';

describe('what people are told about errors', () => {
  const refusal = new ServiceError({ service: 'ucwa', status: 409, code: 'Conflict', subcode: 'AlreadyExists', userMessage: 'That group already exists.' });

  it("uses the service's sentence, even when botbuilder wrapped the error", () => {
    assert.equal(userMessageOf(refusal), 'That group already exists.');
    const context = new TurnContext(new TestAdapter(), { type: 'message', conversation: { id: 'c' } as never });
    const dialogContext = new DialogContext(new DialogSet(), context, { dialogStack: [] });
    assert.equal(userMessageOf(new DialogContextError(refusal, dialogContext)), 'That group already exists.');
  });

  it('never repeats the text of an unexpected error', () => {
    const message = userMessageOf(new Error('connect ECONNREFUSED 10.0.0.5:443 token=abc'));
    assert.doesNotMatch(message, /ECONNREFUSED|token/);
  });
});

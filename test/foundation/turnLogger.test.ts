import assert from 'node:assert/strict';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { attachTurnLogger, loggerOf } from '../../src/teams/turnLogger.js';
import type { Logger } from '../../src/logging.js';
import { testLogger } from '../helpers/testLogger.js';

function turn(): TurnContext {
  const activity: Partial<Activity> = {
    type: 'message',
    id: 'activity-1',
    text: 'help',
    channelId: 'msteams',
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-1', name: 'Anna' },
    recipient: { id: 'bot', name: 'bot' },
  };
  return new TurnContext(new TestAdapter(), activity);
}

/** Counts the children a logger makes, so a test can tell a turn that wrote nothing made none. */
function countingChildren(logger: Logger): { logger: Logger; children: () => number } {
  let children = 0;
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<Logger['child']>) => {
    children += 1;
    return child(...args);
  }) as Logger['child'];
  return { logger, children: () => children };
}

describe('turn logger', () => {
  it('puts the activity, conversation and user ids on every line of the turn, from one child', () => {
    const lines: string[] = [];
    const { logger, children } = countingChildren(testLogger({ level: 'info', lines }));
    const context = turn();
    attachTurnLogger(context, logger);
    loggerOf(context, logger).info('first');
    loggerOf(context, logger).info({ token: 'abc' }, 'second');
    assert.equal(children(), 1);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of logged) {
      assert.equal(line['activityId'], 'activity-1');
      assert.equal(line['conversationId'], 'conversation-1');
      assert.equal(line['userId'], 'user-1');
      assert.equal(line['activityType'], 'message');
    }
    assert.equal(logged[1]!['token'], '[Redacted]');
  });

  it('makes no child logger for a turn that writes nothing', () => {
    const { logger, children } = countingChildren(testLogger({ level: 'info' }));
    attachTurnLogger(turn(), logger);
    assert.equal(children(), 0);
  });

  it('writes "turn started" when debug lines are wanted', () => {
    const lines: string[] = [];
    const logger = testLogger({ level: 'debug', lines });
    attachTurnLogger(turn(), logger);
    const [line] = lines.map((text) => JSON.parse(text) as Record<string, unknown>);
    assert.equal(line?.['msg'], 'turn started');
    assert.equal(line?.['activityId'], 'activity-1');
  });

  it('falls back to the given logger outside a turn with one attached', () => {
    const logger = testLogger();
    assert.equal(loggerOf(turn(), logger), logger);
  });
});

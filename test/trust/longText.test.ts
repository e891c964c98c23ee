import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { LONGEST_COMMAND, createRecognizer } from '../../src/nlu/recognizer.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { maxTextLength } from '../../src/server/activitySchema.js';

/**
 * Teams lets 28,000 characters through. Read whole, such texts threw (V8 ran out of stack compiling a
 * case-insensitive pattern around a name that long: "lock xxx…", 删掉xxx…) or held the event loop for minutes
 * (Recognizers-Text on a run of digits: "create a meeting called 111…", 113 s).
 */
const shapes = ['admit $', 'delete $', 'lock $', 'watch $', 'get rid of $', 'explain $', 'create a meeting called $', 'create a meeting called $ tomorrow at 3pm', 'make $ the presenter of Budget', '删掉$', '创建会议 $ 明天下午三点', '$改成大学同学'];
const fills = ['x', 'Bob ', '鲍', '1', 'meeting '];
const filled = (shape: string, fill: string, length: number): string => shape.replace('$', fill.repeat(length)).slice(0, length);

describe('texts far longer than any command', () => {
  const recognizer = createRecognizer({ now: () => new Date(2026, 11, 8, 14, 20) });

  it('are not read, whatever their shape, up to the length Teams allows', () => {
    for (const shape of shapes) {
      for (const fill of fills) {
        const recognition = recognizer.recognize(filled(shape, fill, maxTextLength));
        assert.equal(recognition.tooLong, true, shape);
        assert.equal(recognition.intent, 'none');
        assert.deepEqual(recognition.entities, {});
      }
    }
  });

  it('are read up to the longest command without an error', () => {
    for (const shape of shapes) {
      for (const fill of fills) {
        const recognition = recognizer.recognize(filled(shape, fill, LONGEST_COMMAND));
        assert.equal(recognition.tooLong, undefined, shape);
      }
    }
  });

  it('count without the @mention: a command of the longest length with one is still read', () => {
    const command = filled('create a meeting called $', 'Budget ', LONGEST_COMMAND);
    const recognition = recognizer.recognize(`<at>Meeting Bot</at> ${command}`);
    assert.equal(recognition.tooLong, undefined);
    assert.equal(recognition.intent, 'meetings.create');
  });

  it('a meeting id is no time, and neither is a long run of digits', () => {
    const recognition = recognizer.recognize('create a meeting called Launch 123456789012 tomorrow at 3pm');
    assert.deepEqual(recognition.entities, { subject: 'Launch 123456789012', startTime: '2026-12-09T15:00:00' });
  });
});

describe('a text far longer than any command, end to end', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest();
  });

  after(async () => {
    await bot.close();
  });

  it('gets one line saying so, in the language it is written in, and the next command is answered', async () => {
    const chat = bot.channel.personalChat('bob@contoso.com');
    await chat.send(filled('create a meeting called $', '1', maxTextLength));
    const english = await chat.nextMessage({ timeoutMs: 10_000 });
    assert.match(english.rendered, /too long/);
    assert.equal(english.cards.length, 0);

    await chat.send(filled('删掉$', '鲍', maxTextLength));
    const chinese = await chat.nextMessage({ timeoutMs: 10_000 });
    assert.match(chinese.rendered, /太长/);

    await chat.send('help');
    const help = await chat.nextMessage({ timeoutMs: 10_000 });
    assert.doesNotMatch(help.rendered, /too long/);
    assert.ok(help.cards.length > 0, 'the help card');
  });
});

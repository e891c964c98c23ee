import assert from 'node:assert/strict';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { startHuaweiBot, type HuaweiBot } from './helpers.js';

/** Times in the person's own zone, from Teams' `localTimezone` (issue 14, item 7). */
describe('Times in the person\'s time zone', () => {
  let hw: HuaweiBot;
  const shanghai = { timeZone: 'Asia/Shanghai' };

  before(async () => {
    hw = await startHuaweiBot();
  });

  after(async () => {
    await hw?.close();
  });

  const ask = async (chat: LocalConversation, text: string): Promise<BotEvent> => {
    await chat.send(text, shanghai);
    return chat.nextMessage({ timeoutMs: 10_000 });
  };

  it('Huawei lists show when meetings happen in the reader\'s zone', async () => {
    const list = await ask(hw.chat('alice'), 'list ongoing meetings');
    assert.match(list.rendered, /预算评审会[\s\S]*GMT\+8/, list.rendered);
    assert.doesNotMatch(list.rendered, /UTC/);
  });

  it('a scheduled list leaves out meetings already in progress', async () => {
    const list = await ask(hw.chat('alice'), 'list scheduled meetings');
    assert.match(list.rendered, /Design sync/);
    assert.doesNotMatch(list.rendered, /预算评审会|周例会|Ongoing/, list.rendered);
    assert.match(list.rendered, /Showing 1–1 of 1/);
    assert.match(list.rendered, /GMT\+8/);
  });

  it('the Skype for Business meeting list says when each meeting expires, in the reader\'s zone', async () => {
    const chat = hw.chat('alice');
    const created = await ask(chat, 'create a meeting called Zone check at 11pm tomorrow');
    assert.match(created.rendered, /Zone check/);
    const list = await ask(chat, 'my meetings');
    assert.match(list.rendered, /Zone check\n[^[]*Expires:\s+[^\n]*GMT\+8/, list.rendered);
  });
});

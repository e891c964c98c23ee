import assert from 'node:assert/strict';
import type { BotEvent } from '../../src/localChannel/localChannel.js';
import { ask, startHuaweiBot, type HuaweiBot } from './helpers.js';

/** Buttons of a card as the local channel shows them ("[1] Yes"). */
function hasButtons(event: BotEvent | { card?: unknown }): boolean {
  return JSON.stringify('cards' in event ? event.cards : event.card).includes('Action.Execute');
}

describe('Answered cards stop offering buttons (issue 14, item 5)', () => {
  let hw: HuaweiBot;

  before(async () => {
    hw = await startHuaweiBot();
  });

  after(async () => {
    await hw?.close();
  });

  it('Yes on "end meeting …?" ends it, the card says what was decided without buttons, and a second press is told it was done', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Retro', hostUserId: 'alice@contoso.com' });
    const question = await ask(chat, `end meeting ${conferenceID}`);
    assert.match(question.rendered, new RegExp(`End meeting ${conferenceID} \\(Retro\\) for everyone\\?`));
    assert.ok(hasButtons(question), 'the open question offers Yes / No');

    const pressed = await chat.press(question, 'Yes');
    assert.equal(pressed.kind, 'invoke');
    assert.ok(pressed.kind === 'invoke' && pressed.card, JSON.stringify(pressed));
    assert.match(JSON.stringify(pressed.card), /Alice Wood answered: Yes/);
    assert.ok(!hasButtons(pressed), 'the answered card has no buttons');
    assert.match((await chat.waitFor((event) => event.kind === 'send')).text ?? '', new RegExp(`Ended meeting ${conferenceID} \\(Retro\\)`));
    const updated = await chat.waitFor((event) => event.kind === 'update' && event.activityId === question.activityId);
    assert.match(updated.rendered, /Alice Wood answered: Yes/);
    assert.ok(!hasButtons(updated), 'the card in the chat has no buttons either');
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Destroyed');

    const again = await chat.press(question, 'No');
    assert.ok(again.kind === 'invoke' && again.card, JSON.stringify(again));
    assert.match(JSON.stringify(again.card), /already answered; nothing more was done/);
    assert.doesNotMatch(JSON.stringify(again.card), /didn't understand/);
    assert.ok(!hasButtons(again));
  });

  it('a typed answer closes the card in place too', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Vendor call', hostUserId: 'alice@contoso.com' });
    const question = await ask(chat, `end meeting ${conferenceID}`);
    assert.match((await ask(chat, 'no')).text ?? '', /keeps running/);
    const updated = await chat.waitFor((event) => event.kind === 'update' && event.activityId === question.activityId);
    assert.match(updated.rendered, /Alice Wood answered: No/);
    assert.ok(!hasButtons(updated));
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Created');
  });

  it('a question that was cancelled: its card says so, and a late Yes does nothing and says so', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Board offsite', hostUserId: 'alice@contoso.com' });
    const question = await ask(chat, `end meeting ${conferenceID}`);
    assert.match((await ask(chat, 'cancel')).text ?? '', /cancelled/);
    const updated = await chat.waitFor((event) => event.kind === 'update' && event.activityId === question.activityId);
    assert.match(updated.rendered, /No longer asked: nothing was done/);
    assert.ok(!hasButtons(updated));

    const late = await chat.press(question, 'Yes');
    assert.ok(late.kind === 'invoke' && late.card, JSON.stringify(late));
    assert.match(JSON.stringify(late.card), /no longer open, so nothing was done/);
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Created', 'a stale Yes ends nothing');
  });

  it('only the person asked can answer by button in a group chat', async () => {
    const group = hw.bot.channel.groupChat(['alice@contoso.com', 'bob@contoso.com']);
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Planning', hostUserId: 'alice@contoso.com' });
    const question = await ask(group, `end meeting ${conferenceID}`);
    const byBob = await group.press(question, 'Yes', { from: 'bob@contoso.com' });
    assert.ok(byBob.kind === 'invoke' && byBob.message, JSON.stringify(byBob));
    assert.match(byBob.message, /Only the person who was asked/);
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Created');
    const byAlice = await group.press(question, 'Yes', { from: 'alice@contoso.com' });
    assert.ok(byAlice.kind === 'invoke' && byAlice.card);
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Destroyed');
  });

  it('"yes" typed with no question open says so rather than "I didn\'t understand"', async () => {
    const chat = hw.chat('carol');
    const answer = await ask(chat, 'yes');
    assert.match(answer.text ?? '', /no question waiting for an answer, so nothing was done/);
  });
});

import assert from 'node:assert/strict';
import { ask, startHuaweiBot, type HuaweiBot } from './helpers.js';

/** Huawei control commands name the meeting by its subject, in the person's words (issue 14, item 4). */
describe('Huawei meetings by name, not only by 9-digit ID', () => {
  let hw: HuaweiBot;
  const budget = '914083136';

  before(async () => {
    hw = await startHuaweiBot();
  });

  after(async () => {
    await hw?.close();
  });

  it('"end Weekly sync" finds the ongoing meeting by subject and asks first', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Weekly sync', hostUserId: 'alice@contoso.com' });
    const question = await ask(chat, 'end Weekly sync');
    assert.match(question.rendered, new RegExp(`End meeting ${conferenceID} \\(Weekly sync\\) for everyone\\?`));
    const pressed = await chat.press(question, 'Yes');
    assert.equal(pressed.kind, 'invoke');
    assert.match((await chat.nextMessage()).text ?? '', new RegExp(`Ended meeting ${conferenceID} \\(Weekly sync\\)`));
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Destroyed');
  });

  it('"lock 预算评审会" (an English verb, a Chinese subject) locks it', async () => {
    const reply = await ask(hw.chat('alice'), 'lock 预算评审会');
    assert.match(reply.text ?? '', new RegExp(`${budget}`));
    assert.doesNotMatch(reply.text ?? '', /哪个会议|Which meeting/);
    assert.equal(hw.simulator.control.meeting(budget)!.locked, true);
    await ask(hw.chat('alice'), `unlock ${budget}`);
  });

  it('"mute everyone in the budget meeting": several match, so it asks with buttons; the pressed one is muted', async () => {
    const chat = hw.chat('alice');
    const review = hw.simulator.control.createMeeting({ subject: 'Budget review', hostUserId: 'alice@contoso.com' });
    const planning = hw.simulator.control.createMeeting({ subject: 'BUDGET planning', hostUserId: 'alice@contoso.com' });
    const question = await ask(chat, 'mute everyone in the budget meeting');
    assert.match(question.rendered, /Which meeting\?/);
    const buttons = JSON.stringify(question.cards);
    assert.ok(buttons.includes(`Budget review (${review.conferenceID})`) && buttons.includes(`BUDGET planning (${planning.conferenceID})`), question.rendered);
    const pressed = await chat.press(question, `BUDGET planning (${planning.conferenceID})`);
    assert.ok(pressed.kind === 'invoke' && pressed.card, JSON.stringify(pressed));
    assert.match(JSON.stringify(pressed.card), /Alice Wood chose: BUDGET planning/);
    assert.doesNotMatch(JSON.stringify(pressed.card), /Action\.Execute/, 'the answered choice offers no buttons');
    assert.match((await chat.nextMessage()).text ?? '', new RegExp(`Muted everyone in meeting ${planning.conferenceID}`));
    assert.equal(hw.simulator.control.meeting(planning.conferenceID)!.allMuted, true);
    assert.equal(hw.simulator.control.meeting(review.conferenceID)!.allMuted, false);

    const stale = await chat.press(question, `Budget review (${review.conferenceID})`);
    assert.ok(stale.kind === 'invoke' && stale.card);
    assert.match(JSON.stringify(stale.card), /already answered/);
    assert.equal(hw.simulator.control.meeting(review.conferenceID)!.allMuted, false, 'a stale press changes nothing');
  });

  it('a typed number still picks, and no match is said plainly', async () => {
    const chat = hw.chat('alice');
    const question = await ask(chat, 'unmute everyone in budget');
    assert.match(question.rendered, /Which meeting\?/);
    assert.match((await ask(chat, '1')).text ?? '', /Unmuted everyone/);
    assert.match((await ask(chat, 'end the quarterly offsite meeting')).text ?? '', /couldn't find an ongoing meeting of yours called "quarterly offsite"/);
  });
});

import assert from 'node:assert/strict';
import { ask, meetingIdOf, startHuaweiBot, type HuaweiBot } from './helpers.js';

describe('Huawei commands: one meeting, end to end against the simulator', () => {
  let hw: HuaweiBot;
  const budget = '914083136';

  before(async () => {
    hw = await startHuaweiBot();
  });

  after(async () => {
    await hw?.close();
  });

  it('"details of meeting 914083136" shows subject, organizer, time, state, who is online and the guest Join link only', async () => {
    const reply = await ask(hw.chat('alice'), 'details of meeting 914083136');
    const card = JSON.stringify(reply.cards[0]);
    for (const text of ['预算评审会', 'ID:', '914083136', 'Organizer:', 'Alice Wood', 'State:', 'Ongoing', 'People online:', 'Waiting room:', 'Your role:']) {
      assert.ok(reply.rendered.includes(text), `${text} in\n${reply.rendered}`);
    }
    const { conference } = await hw.client.getOngoingMeeting('alice@contoso.com', budget);
    assert.ok(conference.guestJoinUri && card.includes(conference.guestJoinUri), 'Join opens the guest link');
    assert.ok(conference.chairJoinUri && !card.includes(conference.chairJoinUri), 'the host link (host rights) is never on a card');
    for (const entry of conference.passwordEntry ?? []) assert.ok(!card.includes(entry.password.reveal()), 'no meeting password on the card');
    assert.match(reply.rendered, /Who's in it/);
  });

  it('"who\'s in meeting 914083136" lists the people online, host first', async () => {
    const reply = await ask(hw.chat('alice'), "who's in meeting 914083136");
    assert.match(reply.rendered, /People in meeting 914083136/);
    assert.match(reply.rendered, /2 online/);
    assert.match(reply.rendered, /Alice Wood:\s+Host[\s\S]*Bob Kelly:\s+Guest/);
  });

  it('"admit everyone waiting in 914083136" empties the waiting room into the meeting', async () => {
    assert.equal(hw.simulator.control.meeting(budget)!.waiting.length, 2);
    const reply = await ask(hw.chat('alice'), 'admit everyone waiting in 914083136');
    assert.match(reply.text ?? '', /Admitted everyone from the waiting room of meeting 914083136/);
    const meeting = hw.simulator.control.meeting(budget)!;
    assert.deepEqual(meeting.waiting, []);
    assert.ok(meeting.participants.some((person) => person.name === '王伟'));
  });

  it('mute / unmute everyone and lock / unlock change the meeting', async () => {
    const chat = hw.chat('alice');
    assert.match((await ask(chat, 'mute everyone in 914083136')).text ?? '', /Muted everyone in meeting 914083136 except the host/);
    let meeting = hw.simulator.control.meeting(budget)!;
    assert.equal(meeting.allMuted, true);
    assert.ok(meeting.participants.every((person) => person.mute === (person.role === 1 ? 0 : 1)));

    assert.match((await ask(chat, 'unmute everyone in 914083136')).text ?? '', /Unmuted everyone/);
    meeting = hw.simulator.control.meeting(budget)!;
    assert.equal(meeting.allMuted, false);
    assert.ok(meeting.participants.every((person) => person.mute === 0));

    assert.match((await ask(chat, 'lock 914083136')).text ?? '', /Locked meeting 914083136/);
    assert.equal(hw.simulator.control.meeting(budget)!.locked, true);
    assert.match((await ask(chat, 'unlock 914083136')).text ?? '', /Unlocked meeting 914083136/);
    assert.equal(hw.simulator.control.meeting(budget)!.locked, false);
  });

  it('an invitee who is not the host is told so, and the meeting is unchanged', async () => {
    const reply = await ask(hw.chat('bob'), 'lock 914083136');
    assert.match(reply.text ?? '', /Only the meeting host or a Huawei Cloud Meeting administrator can do that/);
    assert.equal(hw.simulator.control.meeting(budget)!.locked, false);
  });

  it('"end meeting" by someone who is not the host is refused without asking first', async () => {
    const chat = hw.chat('bob');
    const reply = await ask(chat, 'end meeting 914083136');
    assert.match(reply.text ?? '', /Only the meeting host or a Huawei Cloud Meeting administrator can do that/);
    assert.match((await ask(chat, 'yes')).rendered, /no question waiting for an answer/, 'no question was pending');
    assert.equal(hw.simulator.control.meeting(budget)!.state, 'Created');
  });

  it('someone who cannot see the meeting learns it does not exist (ids cannot be probed)', async () => {
    const reply = await ask(hw.chat('carol'), 'mute everyone in 914083136');
    assert.match(reply.text ?? '', /doesn't exist or has already ended/);
    assert.equal(hw.simulator.control.meeting(budget)!.allMuted, false);
  });

  it('"end meeting" asks first: "no" leaves it running, "yes" ends it', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Retro', hostUserId: 'alice@contoso.com', invitees: ['bob@contoso.com'] });
    const question = await ask(chat, `end meeting ${conferenceID}`);
    assert.match(question.rendered, new RegExp(`End meeting ${conferenceID} \\(Retro\\) for everyone\\?`));
    assert.match((await ask(chat, 'no')).text ?? '', /keeps running/);
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Created');

    await ask(chat, `end meeting ${conferenceID}`);
    assert.match((await ask(chat, 'yes')).text ?? '', new RegExp(`Ended meeting ${conferenceID} \\(Retro\\)`));
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Destroyed');
  });

  it('a meeting named by subject: one match is used, several are offered to choose from, none is said plainly', async () => {
    const chat = hw.chat('alice');
    const teamA = hw.simulator.control.createMeeting({ subject: 'Sprint demo team A', hostUserId: 'alice@contoso.com' });
    const teamB = hw.simulator.control.createMeeting({ subject: 'Sprint demo team B', hostUserId: 'alice@contoso.com' });

    assert.match((await ask(chat, 'lock meeting "Sprint demo team B"')).text ?? '', new RegExp(`Locked meeting ${teamB.conferenceID} \\(Sprint demo team B\\)`));
    assert.equal(hw.simulator.control.meeting(teamB.conferenceID)!.locked, true);

    const question = await ask(chat, 'mute everyone in "Sprint demo"');
    assert.match(question.rendered, /Which meeting\?/);
    assert.match(question.rendered, new RegExp(`Sprint demo team A \\(${teamA.conferenceID}\\)`));
    assert.match(question.rendered, new RegExp(`Sprint demo team B \\(${teamB.conferenceID}\\)`));
    const position = question.rendered.indexOf('team A') < question.rendered.indexOf('team B') ? '1' : '2';
    assert.match((await ask(chat, position)).text ?? '', new RegExp(`Muted everyone in meeting ${teamA.conferenceID}`));
    assert.equal(hw.simulator.control.meeting(teamA.conferenceID)!.allMuted, true);
    assert.equal(hw.simulator.control.meeting(teamB.conferenceID)!.allMuted, false);

    assert.match((await ask(chat, 'mute everyone in "Board offsite"')).text ?? '', /couldn't find an ongoing meeting of yours called "Board offsite"/);
  });

  it('a meeting named by its subject is found; with no meeting at all, it asks which one', async () => {
    const chat = hw.chat('alice');
    const { conferenceID } = hw.simulator.control.createMeeting({ subject: 'Vendor call', hostUserId: 'alice@contoso.com' });
    const byName = await ask(chat, 'end meeting Vendor call');
    assert.match(byName.rendered, new RegExp(`End meeting ${conferenceID} \\(Vendor call\\) for everyone\\?`));
    assert.match((await ask(chat, 'no')).text ?? '', /keeps? running|continues|still running|stays/i);
    const question = await ask(chat, 'end meeting');
    assert.match(question.text ?? '', /Which meeting\? Tell me its ID/);
    assert.match((await ask(chat, 'Vendor call')).rendered, new RegExp(`End meeting ${conferenceID} \\(Vendor call\\) for everyone\\?`));
    assert.match((await ask(chat, 'cancel')).text ?? '', /cancelled/);
    assert.equal(hw.simulator.control.meeting(conferenceID)!.state, 'Created');
  });
});

describe('Huawei commands in Chinese', () => {
  let hw: HuaweiBot;

  before(async () => {
    hw = await startHuaweiBot();
  });

  after(async () => {
    await hw?.close();
  });

  it('a Chinese command from an English client is answered in Chinese', async () => {
    const reply = await ask(hw.chat('alice'), '列出进行中的会议');
    assert.match(reply.rendered, /进行中的会议/);
    assert.match(reply.rendered, /第 1–2 个，共 2 个/);
    assert.match(reply.rendered, /组织者: Alice Wood/);
    assert.match(reply.rendered, /\[1\] 加入/);
    assert.doesNotMatch(reply.rendered, /Ongoing|Showing|Organizer/);
  });

  it('control commands, questions and answers in Chinese', async () => {
    const chat = hw.chat('bob');
    const weekly = await meetingIdOf(hw, '周例会');
    await chat.send(`会议 ${weekly} 全体静音`, { locale: 'zh-CN' });
    assert.equal((await chat.nextMessage()).text, `已将 会议 ${weekly} 中除主持人外的所有人静音。`);
    assert.equal(hw.simulator.control.meeting(weekly)!.allMuted, true);

    await chat.send('结束会议', { locale: 'zh-CN' });
    assert.match((await chat.nextMessage()).text ?? '', /哪个会议？/);
    await chat.send('周例会', { locale: 'zh-CN' });
    assert.match((await chat.nextMessage()).rendered, new RegExp(`要为所有人结束 会议 ${weekly} \\(周例会\\) 吗？`));
    // Plain 否 counts as "no" (botbuilder's zh-cn prompt alone knows only 是的 / 不).
    await chat.send('否', { locale: 'zh-CN' });
    assert.equal((await chat.nextMessage()).text, `好的，会议 ${weekly} (周例会) 继续进行。`);
    assert.equal(hw.simulator.control.meeting(weekly)!.state, 'Created');

    await chat.send('锁定会议 914083136', { locale: 'zh-CN' });
    assert.equal((await chat.nextMessage()).text, '只有会议主持人或华为云会议管理员才能这样做。');
  });
});

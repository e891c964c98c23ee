import assert from 'node:assert/strict';
import { MAX_PAGE_SIZE } from '../../src/huawei/index.js';
import { CHAT_PAGE_SIZE } from '../../dialogs/huawei/index.js';
import { ask, listedIds, listRequests, meetingIdOf, ongoingIdsOf, startHuaweiBot, type HuaweiBot } from './helpers.js';

describe('Huawei commands: listing meetings over /api/messages', () => {
  let hw: HuaweiBot;

  after(async () => {
    await hw?.close();
  });

  let weekly: string;
  let roadmap: string;

  before(async () => {
    hw = await startHuaweiBot();
    weekly = await meetingIdOf(hw, '周例会');
    roadmap = await meetingIdOf(hw, 'Quarterly roadmap review');
  });

  beforeEach(() => hw.simulator.control.clearRequests());

  it('"list ongoing meetings" shows exactly the asking person\'s ongoing meetings, fetched as them', async () => {
    const reply = await ask(hw.chat('alice'), 'list ongoing meetings');
    // Seed: alice hosts 预算评审会 (914083136) and is invited to 周例会; Design sync has not started; the
    // rest belong to others or another enterprise.
    assert.deepEqual(new Set(listedIds(reply)), new Set(['914083136', weekly]));
    assert.match(reply.rendered, /预算评审会/);
    assert.doesNotMatch(reply.rendered, /Design sync|Incident bridge|Quarterly roadmap|Fabrikam/);
    assert.match(reply.rendered, /Showing 1–2 of 2/);
    const card = reply.cards[0]!;
    assert.equal(card['version'], '1.5');
    assert.match(JSON.stringify(card), /"type":"Action.OpenUrl","title":"Join","url":"https:\/\/c\.meeting\.huaweicloud\.com\/#\/j\/914083136\//);
    assert.doesNotMatch(reply.rendered, /Next page/, 'a complete list offers no next page');
    const requests = listRequests(hw.simulator);
    assert.ok(requests.length > 0);
    for (const request of requests) {
      assert.equal(request.userId, 'alice@contoso.com', 'the list is fetched as the Teams user, not as an admin');
      assert.equal(request.query['queryAll'], undefined);
    }
  });

  it('an admin\'s "list all ongoing meetings" shows the whole enterprise (and no other enterprise)', async () => {
    const reply = await ask(hw.chat('admin'), 'list all ongoing meetings');
    assert.match(reply.rendered, /All ongoing meetings in the enterprise/);
    for (const subject of ['预算评审会', '周例会', 'Quarterly roadmap review', 'Incident bridge']) assert.ok(reply.rendered.includes(subject), subject);
    assert.doesNotMatch(reply.rendered, /Fabrikam all-hands|Design sync/);
    assert.match(reply.rendered, /Showing 1–4 of 4/);
    assert.ok(listRequests(hw.simulator).every((request) => request.query['queryAll'] === 'true' && request.userId === 'admin@contoso.com'));
  });

  it('someone who is not an admin asking for all gets a polite explanation and their own list', async () => {
    const reply = await ask(hw.chat('carol'), 'list all ongoing meetings');
    assert.match(reply.rendered, /Only bot administrators can list every meeting/);
    assert.deepEqual(new Set(listedIds(reply)), new Set([weekly, roadmap]));
    assert.ok(listRequests(hw.simulator).every((request) => request.query['queryAll'] === undefined));
  });

  it('"about budget" filters with Huawei\'s searchKey', async () => {
    hw.simulator.control.createMeeting({ subject: 'Budget planning 2025', hostUserId: 'bob@contoso.com', invitees: ['alice@contoso.com'] });
    hw.simulator.control.createMeeting({ subject: 'Hiring sync', hostUserId: 'alice@contoso.com' });
    const reply = await ask(hw.chat('alice'), 'list ongoing meetings about budget');
    assert.match(reply.rendered, /Ongoing meetings about "budget"/);
    assert.match(reply.rendered, /Budget planning 2025/);
    assert.doesNotMatch(reply.rendered, /Hiring sync|预算评审会|周例会/);
    assert.ok(listRequests(hw.simulator).every((request) => request.query['searchKey'] === 'budget'));
  });

  it('a search text over 128 characters is refused before any request is made', async () => {
    const keyword = 'quarterly'.repeat(15);
    const reply = await ask(hw.chat('alice'), `list ongoing meetings about ${keyword}`);
    assert.match(reply.text ?? '', /135 characters long; Huawei Cloud Meeting accepts at most 128/);
    assert.deepEqual(hw.simulator.control.requests(), [], 'nothing reached Huawei, not even a sign-in');
  });

  it('a meeting subject over 128 characters is refused the same way', async () => {
    const subject = 'Quarterly planning '.repeat(7).trim();
    const reply = await ask(hw.chat('alice'), `end meeting "${subject}"`);
    assert.match(reply.text ?? '', /132 characters long; Huawei Cloud Meeting accepts at most 128/);
    assert.deepEqual(hw.simulator.control.requests(), []);
  });

  it('"scheduled meetings" lists the meetings that have not ended, upcoming ones included', async () => {
    const reply = await ask(hw.chat('alice'), 'list scheduled meetings');
    assert.match(reply.rendered, /Upcoming meetings/);
    assert.match(reply.rendered, /Design sync[\s\S]*Scheduled/);
    assert.ok(listRequests(hw.simulator).every((request) => request.path === '/v1/mmc/management/conferences'));
  });

  it('in a group chat, only the person who asked for a list can page through it', async () => {
    const group = hw.bot.channel.groupChat(['alice@contoso.com', 'carol@contoso.com'], { topic: 'Planning' });
    await group.send('list ongoing meetings', { from: 'alice@contoso.com' });
    assert.match((await group.nextMessage()).rendered, /Showing 1–/);
    await group.send('next page', { from: 'carol@contoso.com' });
    assert.match((await group.nextMessage()).text ?? '', /asked for by someone else/);
  });

  it('"next page" with no list before it says so', async () => {
    const reply = await ask(hw.bot.channel.groupChat(['alice@contoso.com', 'bob@contoso.com']), 'next page');
    assert.match(reply.text ?? '', /There is no list to continue here/);
  });
});

describe('Huawei commands: paging through 1,200 ongoing meetings', () => {
  let hw: HuaweiBot;
  let expected: Set<string>;

  before(async () => {
    hw = await startHuaweiBot();
    const bulk = hw.simulator.control.bulkCreateOngoingMeetings(1200, 'carol@contoso.com', 'Load test');
    // Carol also hosts "Quarterly roadmap review" and is invited to 周例会.
    expected = new Set([...bulk, await meetingIdOf(hw, 'Quarterly roadmap review'), await meetingIdOf(hw, '周例会')]);
  });

  after(async () => {
    await hw?.close();
  });

  it('"next page" continues the last list to its end, with no duplicates and never more than 500 per request', async () => {
    const chat = hw.chat('carol');
    hw.simulator.control.clearRequests();
    const shown: string[] = [];
    let reply = await ask(chat, 'list ongoing meetings');
    assert.match(reply.rendered, /Showing 1–10 of 1,202/);
    shown.push(...listedIds(reply));
    // The card's own button is the first way on; typed "next page" the rest.
    const pressed = await chat.press(reply, 'Next page');
    assert.equal(pressed.kind, 'message');
    reply = await chat.nextMessage({ timeoutMs: 10_000 });
    assert.match(reply.rendered, /Showing 11–20 of 1,202/);
    shown.push(...listedIds(reply));
    while (/Next page/.test(reply.rendered)) {
      reply = await ask(chat, 'next page');
      shown.push(...listedIds(reply));
    }
    assert.match(reply.rendered, /Showing 1201–1202 of 1,202/);
    assert.equal(shown.length, 1202);
    assert.equal(new Set(shown).size, shown.length, 'no meeting is shown twice');
    assert.deepEqual(new Set(shown), expected);

    const requests = listRequests(hw.simulator);
    assert.ok(requests.length >= 1202 / MAX_PAGE_SIZE);
    for (const request of requests) {
      const limit = Number(request.query['limit']);
      assert.ok(Number.isInteger(limit) && limit >= CHAT_PAGE_SIZE && limit <= MAX_PAGE_SIZE, `limit ${request.query['limit']}`);
    }
    const end = await ask(chat, 'next page');
    assert.match(end.text ?? '', /end of the list/);
  });

  it('meetings that end between pages neither repeat nor get skipped', async () => {
    const chat = hw.chat('carol');
    const first = await ask(chat, 'list ongoing meetings');
    const page1 = listedIds(first);
    // Three meetings on the first page end: later meetings move three places towards the front.
    const ordered = await ongoingIdsOf(hw, 'carol@contoso.com');
    assert.deepEqual(page1, ordered.slice(0, 10));
    const page2Expected = ordered.slice(10, 20);
    for (const id of page1.slice(0, 3)) await hw.client.endMeeting('carol@contoso.com', id);
    const second = await ask(chat, 'next page');
    assert.deepEqual(listedIds(second), page2Expected);
  });
});


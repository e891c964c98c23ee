import assert from 'node:assert/strict';
import { meetingDetailsReply, meetingListReply, participantsReply } from '../../src/cards/huawei/meetingCards.js';
import { maxCardBytes } from '../../src/cards/render.js';
import { conferenceInfoSchema, type ConferenceInfo } from '../../src/huawei/index.js';
import { onlineAttendeeSchema } from '../../src/huawei/types.js';
import { renderActivity } from '../../src/localChannel/localChannel.js';
import { cardMessage } from '../../src/cards/render.js';
import onlineList from '../fixtures/huawei/online-meetings-list.json' with { type: 'json' };
import meetingDetail from '../fixtures/huawei/meeting-detail.json' with { type: 'json' };
import participantsSample from '../fixtures/huawei/online-participants-list.json' with { type: 'json' };

/** The documented SearchOnlineMeetings example, parsed the way the adapter parses it. */
const documented: ConferenceInfo = conferenceInfoSchema.parse(onlineList.body.data[0]);

function rendered(reply: ReturnType<typeof meetingListReply>): string {
  assert.ok('card' in reply);
  return renderActivity(cardMessage(reply.card, reply.fallback)).text;
}

describe('Huawei meeting cards (from the documented sample payloads)', () => {
  it('shows start–end in the reader\'s time zone: 07:28 UTC is 15:28 in Shanghai and 02:28 in New York', () => {
    const base = { kind: 'ongoing' as const, meetings: [documented], firstPosition: 1, total: 1, scope: 'own' as const, hasMore: false, language: 'en' as const };
    assert.match(rendered(meetingListReply({ ...base, timeZone: 'Asia/Shanghai' })), /Dec 18, 2019, 15:28\s–\s17:28 GMT\+8/);
    assert.match(rendered(meetingListReply({ ...base, timeZone: 'America/New_York' })), /Dec 18, 2019, 02:28\s–\s04:28 EST/);
  });

  it('a list card: subject, ID, organizer, state, guest Join link, paging and a Next page button that types "next page"', () => {
    const reply = meetingListReply({ kind: 'ongoing', meetings: [documented], firstPosition: 21, total: 40, scope: 'own', hasMore: true, language: 'en', timeZone: 'UTC' });
    assert.ok('card' in reply);
    const text = rendered(reply);
    for (const expected of ['user01的会议', 'ID 914083136 · Organizer: user8002', 'Ongoing', 'Showing 21–21 of 40']) assert.ok(text.includes(expected), expected);
    const json = JSON.stringify(reply.card);
    assert.ok(json.includes(documented.guestJoinUri!));
    assert.ok(!json.includes(documented.chairJoinUri!), 'the host link never goes on a card');
    const actions = reply.card['actions'] as Array<Record<string, unknown>>;
    assert.deepEqual(actions, [{ type: 'Action.Submit', title: 'Next page', data: { msteams: { type: 'imBack', value: 'next page' } } }]);
    assert.match(reply.fallback, /21\. user01的会议 \(ID 914083136 · Organizer: user8002\)/);
    assert.match(reply.fallback, /Say "next page" for more/);
  });

  it('the last page has no Next page button; Chinese labels in Chinese', () => {
    const reply = meetingListReply({ kind: 'scheduled', meetings: [documented], firstPosition: 1, total: 1, scope: 'all', keyword: '预算', hasMore: false, language: 'zh', timeZone: 'Asia/Shanghai' });
    assert.ok('card' in reply);
    assert.deepEqual(reply.card['actions'] ?? [], []);
    const text = rendered(reply);
    assert.match(text, /企业内所有即将召开的会议（关于“预算”）/);
    assert.match(text, /组织者: user8002/);
    assert.match(text, /\[1\] 加入/);
  });

  it('a full page of long subjects stays well inside Teams\' 28 KB', () => {
    const meetings = Array.from({ length: 10 }, (_, i) => ({ ...documented, conferenceID: String(914083136 + i), subject: '季度预算评审 '.repeat(18) }));
    const reply = meetingListReply({ kind: 'ongoing', meetings, firstPosition: 1, total: 1200, scope: 'all', hasMore: true, language: 'zh', timeZone: 'UTC' });
    assert.ok('card' in reply);
    assert.ok(Buffer.byteLength(JSON.stringify(reply.card)) < maxCardBytes / 2);
  });

  it('a details card from the documented ShowMeetingDetail example', () => {
    const body = meetingDetail.body;
    const reply = meetingDetailsReply(
      { conference: conferenceInfoSchema.parse(body.conferenceData), participants: { ...body.data, data: [] } },
      { language: 'en', timeZone: 'Asia/Shanghai' },
    );
    assert.ok('card' in reply);
    const text = rendered(reply);
    assert.match(text, /Dec 18, 2019, 15:28\s–\s17:28 GMT\+8/);
    for (const expected of ['user01的会议', '914083136', 'user8002', 'Voice, Data, Video', '+991117', "Who's in it"]) {
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
    }
    assert.ok(!JSON.stringify(reply.card).includes('******'), 'no password field is shown');
  });

  it('a participants card from the documented ListOnlineConfAttendee example', () => {
    const sample = participantsSample.body;
    const people = sample.data.map((raw) => onlineAttendeeSchema.parse(raw));
    const reply = participantsReply('meeting 964138987', { offset: 0, limit: 20, count: 1, data: people }, { language: 'en', timeZone: 'UTC' });
    assert.ok('card' in reply);
    assert.match(rendered(reply), /People in meeting 964138987[\s\S]*1 online[\s\S]*test:\s+Host/);
    assert.equal(reply.fallback, 'People in meeting 964138987\n1 online\n- test (Host)');
    const empty = participantsReply('会议 1', { offset: 0, limit: 20, count: 0, data: [] }, { language: 'zh', timeZone: 'UTC' });
    assert.ok('fallback' in empty);
    assert.match(empty.fallback, /目前会议中没有人/);
  });
});

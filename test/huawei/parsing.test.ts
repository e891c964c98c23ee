import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { testLogger } from '../helpers/testLogger.js';
import {
  HuaweiError,
  HuaweiMeetingClient,
  appAuthAuthorization,
  appAuthStringToSign,
  chairPasswordOf,
  displayTimeZone,
  formatMeetingTime,
  formatMeetingWindow,
  huaweiTimeZone,
  isValidTimeZone,
  knownHuaweiTimeZones,
  parseHuaweiDateTime,
  signAppAuth,
  toHuaweiDateTime,
} from '../../src/huawei/index.js';

interface Fixture {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

function fixture(name: string): Fixture {
  const url = new URL(`../../../test/fixtures/huawei/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture;
}

/** A fetch that signs anyone in and answers every other call with the given documented sample. */
function fixtureFetch(sample: Fixture): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const auth = fixture('auth-appid-response.json');
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    calls.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const answer = url.pathname === '/v2/usg/acs/auth/appauth' ? auth : sample;
    return new Response(answer.body === null ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...(answer.headers?.['X-Request-Id'] ? { 'X-Request-Id': answer.headers['X-Request-Id'] } : {}) },
    });
  };
  return { fetch: impl as typeof fetch, calls };
}

function clientFor(sample: Fixture) {
  const fake = fixtureFetch(sample);
  const client = new HuaweiMeetingClient({
    endpoint: 'https://api.meeting.huaweicloud.com',
    appId: 'fdb8e4699586458bbd10c834872dcc62',
    appKey: 'exampleAppKey0123456789',
    logger: testLogger(),
    fetch: fake.fetch,
    retry: { retries: 0 },
  });
  return { client, calls: fake.calls };
}

describe('huawei: documented samples', () => {
  it('parses the seed page ongoing-meeting list into typed values', async () => {
    const { client, calls } = clientFor(fixture('seed-online-meetings-en.json'));
    const page = await client.listOngoingMeetings('testuser@mycorp.com');
    assert.deepEqual(calls, ['POST /v2/usg/acs/auth/appauth', 'GET /v1/mmc/management/conferences/online']);
    assert.equal(page.count, 1);
    assert.equal(page.offset, 0);
    assert.equal(page.limit, 20);
    const [meeting] = page.data;
    assert.ok(meeting);
    assert.equal(meeting.conferenceID, '914083136');
    assert.equal(meeting.subject, "user01's meeting");
    assert.deepEqual(meeting.mediaTypes, ['Voice', 'Data', 'Video']);
    assert.equal(meeting.startTime?.toISOString(), '2019-12-18T07:28:00.000Z');
    assert.equal(meeting.endTime?.toISOString(), '2019-12-18T09:28:00.000Z');
    assert.equal(meeting.conferenceState, 'Created');
    assert.equal(meeting.confType, 'IMMEDIATELY');
    assert.equal(meeting.isAutoMute, 1);
    assert.equal(meeting.scheduserName, 'user8002');
    assert.equal(meeting.confConfigInfo?.enableWaitingRoom, true);
    assert.equal(meeting.confConfigInfo?.prolongLength, 15);
    assert.equal(meeting.confConfigInfo?.callInRestriction, 0);
    assert.deepEqual(meeting.partAttendeeInfo, [{ phone: '+99111****815', name: 'user01', type: 'normal' }]);
    assert.equal(meeting.terminlCount, 0);
    assert.equal(meeting.normalCount, 1);
    assert.equal(meeting.confUUID, '050c7898216811eaa6958bf3bb9ac167');
    assert.equal(chairPasswordOf(meeting)?.reveal(), '******');
    assert.equal(formatMeetingTime(meeting.startTime!, { timeZone: displayTimeZone(meeting) }), 'Dec 18, 2019, 15:28 GMT+8');
  });

  it('keeps passwords out of JSON, logs and inspect output', async () => {
    const { client } = clientFor(fixture('seed-online-meetings-en.json'));
    const [meeting] = (await client.listOngoingMeetings('testuser@mycorp.com')).data;
    const json = JSON.stringify(meeting);
    assert.ok(!json.includes('******'), json);
    assert.match(json, /"password":"\[Redacted\]"/);
    assert.ok(!inspect(meeting, { depth: 5 }).includes('******'));
  });

  it('parses the Chinese list, detail and scheduled-list samples', async () => {
    const online = await clientFor(fixture('online-meetings-list.json')).client.listOngoingMeetings('u@x.com');
    assert.equal(online.data[0]?.subject, 'user01的会议');
    const detail = await clientFor(fixture('meeting-detail.json')).client.getMeeting('u@x.com', '914083136');
    assert.equal(detail.conference.conferenceID, '914083136');
    assert.equal(detail.participants.count, 1);
    assert.equal(detail.participants.data[0]?.participantID, '+991116003815');
    assert.equal(detail.participants.data[0]?.state, 'MEETTING');
    const scheduled = await clientFor(fixture('scheduled-meetings-list.json')).client.listMeetings('u@x.com');
    assert.deepEqual(scheduled.data[0]?.mediaTypes, ['Data', 'Video', 'Voice']);
    assert.equal(scheduled.data[0]?.partAttendeeInfo?.[0]?.isMute, 0);
    const recurring = await clientFor(fixture('meeting-detail-recurring.json')).client.getMeeting('u@x.com', '969304019');
    assert.equal(recurring.conference.conferenceState, undefined);
    assert.equal(recurring.conference.cycleParams?.cycle, 'Day');
    assert.equal(recurring.conference.subConfs?.length, 2);
    assert.equal(recurring.conference.subConfs?.[0]?.confConfigInfo?.enableWaitingRoom, true);
  });

  it('maps the snake_case online participant sample to camelCase', async () => {
    const { client, calls } = clientFor(fixture('online-participants-list.json'));
    const page = await client.listOnlineParticipants('u@x.com', '964138987', { searchKey: 'wu' });
    assert.match(calls[1]!, /conf_id=964138987/);
    assert.match(calls[1]!, /search_key=wu/);
    assert.deepEqual(page.data[0], {
      participantId: 'afa4157fa71611ef8f3fc33c80df3afd',
      name: 'test',
      callNumber: '+8657135*****769',
      role: 'chair',
      thirdAccount: 'testAccount',
      account: 'Auto-5ee7fc8cc06d470db323f1c4ca4f914e',
      userId: '17486137a62f47138b01ca53e9e1de79',
    });
  });

  it('turns the documented error body into a HuaweiError with the request id and a plain sentence', async () => {
    const sample = { ...fixture('error-conf-not-found-or-auth-failed.json'), headers: { 'X-Request-Id': 'req-123' } };
    const { client } = clientFor(sample);
    await assert.rejects(client.getMeeting('u@x.com', '914370850'), (error: unknown) => {
      assert.ok(error instanceof HuaweiError);
      assert.equal(error.status, 400);
      assert.equal(error.code, 'MMC.111072065');
      assert.equal(error.serviceMessage, 'CONF_NOT_FOUND_OR_AUTH_FAILED');
      assert.equal(error.requestId, 'req-123');
      assert.equal(error.service, 'huawei');
      assert.match(error.userMessage, /couldn't find that meeting/);
      return true;
    });
  });

  it('rejects a response that does not match the documented shape', async () => {
    const { client } = clientFor({ status: 200, body: { data: [{ subject: 'no id' }], offset: 0, limit: 20, count: 1 } });
    await assert.rejects(client.listOngoingMeetings('u@x.com'), (error: unknown) =>
      error instanceof HuaweiError && error.code === 'BAD_RESPONSE' && /conferenceID/.test(error.serviceMessage ?? ''));
  });
});

describe('huawei: App ID signature', () => {
  it('matches the reference test vectors (user and admin forms)', () => {
    const base = { appId: 'fdb8e4699586458bbd10c834872dcc62', expireTime: 1627722929, nonce: 'EycLQsHwxhzK9OW8UEKWNfH2I3CGR2nINuU1EBpv162d42d92s' };
    const user = appAuthStringToSign({ ...base, userId: 'testuser@mycorp.com' });
    assert.equal(user, 'fdb8e4699586458bbd10c834872dcc62:testuser@mycorp.com:1627722929:EycLQsHwxhzK9OW8UEKWNfH2I3CGR2nINuU1EBpv162d42d92s');
    assert.equal(signAppAuth('exampleAppKey0123456789', user), 'faa253e20d8e3cd9dc123e5529b716870de2d5978b0c252ef17af5b3f3a7d99d');
    const admin = appAuthStringToSign({ ...base, userId: '' });
    assert.equal(admin, 'fdb8e4699586458bbd10c834872dcc62::1627722929:EycLQsHwxhzK9OW8UEKWNfH2I3CGR2nINuU1EBpv162d42d92s');
    assert.equal(signAppAuth('exampleAppKey0123456789', admin), 'a1209158958eac1ca27c0a92164d55a8af4eb3a9550b2d699deeaa72d6ac9475');
    assert.equal(
      appAuthAuthorization(base.appId, 'abc'),
      'HMAC-SHA256 signature=abc,access=ZmRiOGU0Njk5NTg2NDU4YmJkMTBjODM0ODcyZGNjNjI=',
    );
  });

  it('puts corpId between appId and userId in SP mode', () => {
    assert.equal(appAuthStringToSign({ appId: 'a', corpId: 'c', userId: 'u', expireTime: 1, nonce: 'n' }), 'a:c:u:1:n');
  });
});

describe('huawei: time', () => {
  it('parses yyyy-MM-dd HH:mm as UTC and refuses impossible dates', () => {
    assert.equal(parseHuaweiDateTime('2019-12-18 07:28')?.toISOString(), '2019-12-18T07:28:00.000Z');
    assert.equal(parseHuaweiDateTime('2019-02-30 07:28'), undefined);
    assert.equal(parseHuaweiDateTime('2019-12-18T07:28'), undefined);
    assert.equal(toHuaweiDateTime(new Date('2024-03-05T04:09:59Z')), '2024-03-05 04:09');
  });

  it('maps Huawei time-zone ids to valid IANA zones', () => {
    assert.equal(huaweiTimeZone('56')?.ianaZone, 'Asia/Shanghai');
    assert.equal(huaweiTimeZone(26)?.ianaZone, 'Europe/London');
    assert.equal(huaweiTimeZone('999'), undefined);
    for (const zone of knownHuaweiTimeZones()) assert.ok(isValidTimeZone(zone.ianaZone), zone.ianaZone);
  });

  it('formats a meeting window in the viewer zone, else the meeting zone', () => {
    const start = new Date('2019-12-18T07:28:00Z');
    const end = new Date('2019-12-18T09:28:00Z');
    // ICU puts thin/narrow spaces around the range dash; compare with plain spaces.
    assert.equal(formatMeetingWindow(start, end, { timeZone: 'America/New_York' }).replace(/\s/g, ' '), 'Dec 18, 2019, 02:28 – 04:28 EST');
    assert.equal(displayTimeZone({ timeZoneID: '56' }, 'Europe/Berlin'), 'Europe/Berlin');
    assert.equal(displayTimeZone({ timeZoneID: '56' }, 'Not/AZone'), 'Asia/Shanghai');
    assert.equal(displayTimeZone({ timeZoneID: '999' }), 'UTC');
    assert.throws(() => formatMeetingTime(start, { timeZone: 'Mars/Olympus' }), /Unknown time zone/);
    assert.match(formatMeetingTime(start, { timeZone: 'Asia/Shanghai', locale: 'zh-CN' }), /2019年12月18日/);
  });
});

import assert from 'node:assert/strict';
import { testLogger } from '../helpers/testLogger.js';
import { AccountAuthenticator, HuaweiError, HuaweiMeetingClient, type ConferenceInfo } from '../../src/huawei/index.js';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/huawei/simulator/index.js';

const ONLINE = '/v1/mmc/management/conferences/online';
const SIGN_IN = '/v2/usg/acs/auth/appauth';

function captureLogger() {
  const lines: string[] = [];
  return { logger: testLogger({ level: 'debug', lines }), text: () => lines.join('') };
}

async function collect(iterable: AsyncIterable<ConferenceInfo>): Promise<ConferenceInfo[]> {
  const items: ConferenceInfo[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('huawei client against the simulator', () => {
  let sim: HuaweiSimulator;
  let client: HuaweiMeetingClient;

  beforeEach(async () => {
    sim = await startHuaweiSimulator();
    client = new HuaweiMeetingClient({
      endpoint: sim.origin,
      appId: sim.appId,
      appKey: sim.appKey,
      logger: testLogger(),
      requestTimeoutMs: 2_000,
      retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
    });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('shows a user exactly the ongoing meetings they host or are invited to', async () => {
    const alice = await client.listOngoingMeetings('alice@contoso.com');
    assert.deepEqual(alice.data.map((m) => m.subject).sort(), ['周例会', '预算评审会']);
    assert.equal(alice.count, 2);
    const carol = await client.listOngoingMeetings('carol@contoso.com', { queryAll: true });
    assert.deepEqual(carol.data.map((m) => m.subject).sort(), ['Quarterly roadmap review', '周例会'], 'queryAll is ignored for non-admins');
  });

  it('shows an admin with queryAll every ongoing meeting of the enterprise, and only their own without it', async () => {
    const all = await client.listOngoingMeetings('admin@contoso.com', { queryAll: true });
    assert.deepEqual(all.data.map((m) => m.subject).sort(), ['Incident bridge', 'Quarterly roadmap review', '周例会', '预算评审会']);
    const starts = all.data.map((m) => m.startTime!.getTime());
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'sorted by start time ascending');
    const own = await client.listOngoingMeetings('admin@contoso.com');
    assert.deepEqual(own.data.map((m) => m.subject), ['Incident bridge']);
  });

  it('filters by searchKey on topic, scheduler and meeting id', async () => {
    const byTopic = await client.listOngoingMeetings('admin@contoso.com', { queryAll: true, searchKey: '预算' });
    assert.deepEqual(byTopic.data.map((m) => m.conferenceID), ['914083136']);
    const byScheduler = await client.listOngoingMeetings('admin@contoso.com', { queryAll: true, searchKey: 'bob kelly' });
    assert.deepEqual(byScheduler.data.map((m) => m.subject), ['周例会']);
    const byId = await client.listOngoingMeetings('bob@contoso.com', { searchKey: '91408' });
    assert.deepEqual(byId.data.map((m) => m.subject), ['预算评审会']);
  });

  it('refuses a search text over 128 characters before sending anything', async () => {
    sim.control.clearRequests();
    const long = '会'.repeat(129);
    await assert.rejects(client.listOngoingMeetings('alice@contoso.com', { searchKey: long }), (error: unknown) =>
      error instanceof HuaweiError && error.code === 'INVALID_ARGUMENT' && /1 to 128 characters/.test(error.userMessage));
    await assert.rejects(collect(client.ongoingMeetings('alice@contoso.com', { searchKey: long })), HuaweiError);
    await assert.rejects(client.listOngoingMeetings('alice@contoso.com', { limit: 501 }), HuaweiError);
    assert.deepEqual(sim.control.requests(), []);
    // 128 CJK characters is fine (Huawei counts characters, not bytes).
    const ok = await client.listOngoingMeetings('alice@contoso.com', { searchKey: '会'.repeat(128) });
    assert.equal(ok.count, 0);
  });

  it('iterates 1,200 ongoing meetings exactly once with pages of at most 500', async () => {
    const created = sim.control.bulkCreateOngoingMeetings(1200, 'bob@contoso.com');
    const weekly = (await client.listOngoingMeetings('bob@contoso.com', { searchKey: '周例会' })).data.map((m) => m.conferenceID);
    const expected = new Set([...created, ...weekly, '914083136']);
    assert.equal(expected.size, 1202);
    sim.control.clearRequests();
    const seen = await collect(client.ongoingMeetings('bob@contoso.com', { concurrency: 3 }));
    const ids = seen.map((m) => m.conferenceID);
    assert.equal(ids.length, expected.size);
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(new Set(ids), expected);
    const listCalls = sim.control.requests().filter((r) => r.path === ONLINE);
    assert.ok(listCalls.length >= 3);
    for (const call of listCalls) assert.ok(Number(call.query.limit) <= 500, `limit ${call.query.limit}`);
    assert.deepEqual(listCalls.map((c) => Number(c.query.offset)).sort((a, b) => a - b).slice(0, 3), [0, 500, 1000]);
  });

  it('signs in again transparently when the token expires mid-listing', async () => {
    sim.control.bulkCreateOngoingMeetings(1200, 'carol@contoso.com');
    await client.listOngoingMeetings('carol@contoso.com', { limit: 1 });
    sim.control.clearRequests();
    sim.control.injectFault({ path: ONLINE, skip: 1, expireToken: true });
    const seen = await collect(client.ongoingMeetings('carol@contoso.com', { concurrency: 1 }));
    assert.equal(new Set(seen.map((m) => m.conferenceID)).size, 1202);
    const log = sim.control.requests();
    assert.equal(log.filter((r) => r.path === SIGN_IN).length, 1, 'one re-authentication');
    assert.equal(log.filter((r) => r.path === ONLINE && r.status === 401).length, 1);
  });

  it('renews a token that the server expired between calls', async () => {
    await client.listOngoingMeetings('alice@contoso.com');
    assert.equal(sim.control.expireTokens({ userId: 'alice@contoso.com' }), 1);
    const again = await client.listOngoingMeetings('alice@contoso.com');
    assert.equal(again.count, 2);
  });

  it('reports a wrong App Key as a HuaweiError with a clear message, and never logs the key or a token', async () => {
    const captured = captureLogger();
    const wrongKey = 'wrong-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
    const bad = new HuaweiMeetingClient({ endpoint: sim.origin, appId: sim.appId, appKey: wrongKey, logger: captured.logger, retry: { retries: 0 } });
    await assert.rejects(bad.listOngoingMeetings('alice@contoso.com'), (error: unknown) => {
      assert.ok(error instanceof HuaweiError);
      assert.equal(error.status, 401);
      assert.equal(error.code, 'USG.206010025');
      assert.match(error.userMessage, /App ID or App Key/);
      assert.ok(!error.message.includes(wrongKey));
      return true;
    });
    // A good client's log must not show its token either.
    const good = new HuaweiMeetingClient({ endpoint: sim.origin, appId: sim.appId, appKey: sim.appKey, logger: captured.logger });
    await good.admitAllFromWaitingRoom('alice@contoso.com', '914083136');
    const text = captured.text();
    assert.ok(text.length > 0, 'something was logged');
    assert.ok(!text.includes(wrongKey), 'no App Key in logs');
    assert.ok(!text.includes(sim.appKey), 'no App Key in logs');
    assert.doesNotMatch(text, /"sim[0-9a-f]{20,}/, 'no access token in logs');
    assert.doesNotMatch(text, /stb[0-9a-f]{20,}/, 'no control token in logs');
  });

  it('retries a 5xx on a GET and gives up with a plain message when it persists', async () => {
    sim.control.injectFault({ path: ONLINE, status: 503, times: 1 });
    assert.equal((await client.listOngoingMeetings('alice@contoso.com')).count, 2);
    sim.control.injectFault({ path: ONLINE, status: 500, times: 5 });
    await assert.rejects(client.listOngoingMeetings('alice@contoso.com'), (error: unknown) =>
      error instanceof HuaweiError && error.status === 500 && /having trouble/.test(error.userMessage));
  });

  it('retries a dropped connection and times out a hung request', async () => {
    sim.control.injectFault({ path: ONLINE, drop: true });
    assert.equal((await client.listOngoingMeetings('alice@contoso.com')).count, 2);
    const impatient = new HuaweiMeetingClient({
      endpoint: sim.origin, appId: sim.appId, appKey: sim.appKey, logger: testLogger(), requestTimeoutMs: 50, retry: { retries: 0 },
    });
    await impatient.listOngoingMeetings('alice@contoso.com');
    sim.control.injectFault({ path: ONLINE, delayMs: 150 });
    await assert.rejects(impatient.listOngoingMeetings('alice@contoso.com'), (error: unknown) => error instanceof HuaweiError && error.code === 'TIMEOUT');
  });

  it('changes meeting state through the control API: admit, mute, lock, end', async () => {
    assert.equal(sim.control.meeting('914083136')?.waiting.length, 2);
    await client.admitAllFromWaitingRoom('alice@contoso.com', '914083136');
    let meeting = sim.control.meeting('914083136')!;
    assert.deepEqual(meeting.waiting, []);
    assert.ok(meeting.participants.some((p) => p.name === '王伟'));

    await client.muteAll('alice@contoso.com', '914083136');
    meeting = sim.control.meeting('914083136')!;
    assert.equal(meeting.allMuted, true);
    assert.ok(meeting.participants.every((p) => p.role === 1 || p.mute === 1));
    await client.unmuteAll('alice@contoso.com', '914083136');
    assert.equal(sim.control.meeting('914083136')?.allMuted, false);

    await client.lockMeeting('alice@contoso.com', '914083136');
    assert.equal(sim.control.meeting('914083136')?.locked, true);
    await client.unlockMeeting('alice@contoso.com', '914083136');
    assert.equal(sim.control.meeting('914083136')?.locked, false);

    const info = await client.getRealTimeInfo('alice@contoso.com', '914083136');
    assert.ok((info.participants?.length ?? 0) >= 3);

    const tokenCalls = sim.control.requests().filter((r) => r.path === '/v1/mmc/control/conferences/token');
    assert.equal(tokenCalls.length, 1, 'the control token is reused');

    await client.endMeeting('alice@contoso.com', '914083136');
    assert.equal(sim.control.meeting('914083136')?.state, 'Destroyed');
    const after = await client.listOngoingMeetings('alice@contoso.com');
    assert.ok(!after.data.some((m) => m.conferenceID === '914083136'));
  });

  it('lets an admin control any enterprise meeting but refuses a plain invitee', async () => {
    await assert.rejects(client.lockMeeting('bob@contoso.com', '914083136'), (error: unknown) =>
      error instanceof HuaweiError && error.code === 'NOT_HOST' && /host or a Huawei Cloud Meeting administrator/.test(error.userMessage));
    assert.equal(sim.control.meeting('914083136')?.locked, false);
    await client.lockMeeting('admin@contoso.com', '914083136');
    assert.equal(sim.control.meeting('914083136')?.locked, true);
    await assert.rejects(client.lockMeeting('carol@contoso.com', '914083136'), (error: unknown) =>
      error instanceof HuaweiError && error.code === 'MMC.111070005');
  });

  it('lists online participants and meeting details', async () => {
    const people = await client.listOnlineParticipants('alice@contoso.com', '914083136');
    assert.deepEqual(people.data.map((p) => p.name).sort(), ['Alice Wood', 'Bob Kelly']);
    assert.equal(people.data.find((p) => p.name === 'Alice Wood')?.role, 'chair');
    const detail = await client.getOngoingMeeting('bob@contoso.com', '914083136');
    assert.equal(detail.conference.subject, '预算评审会');
    assert.equal(detail.conference.role, 'general');
    assert.deepEqual(detail.conference.passwordEntry?.map((e) => e.conferenceRole), ['general']);
    const scheduled = await client.listMeetings('alice@contoso.com');
    assert.ok(scheduled.data.some((m) => m.subject === 'Design sync' && m.conferenceState === 'Schedule'));
    await assert.rejects(client.getMeeting('alice@contoso.com', 'abc'), (error: unknown) => error instanceof HuaweiError && error.code === 'INVALID_ARGUMENT');
  });

  it('supports account/password sign-in as an alternative', async () => {
    const accountClient = new HuaweiMeetingClient({
      endpoint: sim.origin,
      logger: testLogger(),
      authenticator: new AccountAuthenticator(async (userId) => (userId === 'bob@contoso.com' ? { account: userId, password: 'Passw0rd!sim' } : undefined)),
    });
    assert.equal((await accountClient.listOngoingMeetings('bob@contoso.com')).count, 2);
    await assert.rejects(accountClient.listOngoingMeetings('alice@contoso.com'), (error: unknown) => error instanceof HuaweiError && error.code === 'NO_CREDENTIALS');
  });
});

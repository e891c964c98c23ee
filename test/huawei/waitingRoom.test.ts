import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { testLogger } from '../helpers/testLogger.js';
import {
  HuaweiMeetingClient,
  WaitingRoomFeed,
  connectionUrl,
  parseServerFrame,
  subscribeFrame,
  type Departure,
  type FeedStateChange,
  type WaitingPerson,
  type WaitingRoomFeedOptions,
} from '../../src/huawei/index.js';
import { webSocketTokenResponseSchema } from '../../src/huawei/types.js';
import { SIM_AUTH_FAILED_CLOSE, huaweiSnapshotSchema, startHuaweiSimulator, type HuaweiSimulator, type HuaweiSimulatorOptions } from '../../src/huawei/simulator/index.js';

const MEETING = '914083136'; // seeded: hosted by Alice, 王伟 and a phone guest waiting
const HOST = 'alice@contoso.com';
const ALLOW = '/v1/mmc/control/conferences/allowWaitingParticipant';
const WS_TOKEN = '/v1/mmc/control/conferences/wsToken';
const CONTROL_TOKEN = '/v1/mmc/control/conferences/token';

/** Polls a condition every few ms; fails after `ms` (a bound on a hang, not a performance claim). */
async function until(condition: () => boolean, what: string, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Everything a feed emitted, in order. */
class Recorder {
  readonly joined: WaitingPerson[] = [];
  readonly left: Departure[] = [];
  readonly states: FeedStateChange[] = [];
  ended = 0;

  constructor(feed: WaitingRoomFeed) {
    feed.on('joined', (person) => this.joined.push(person));
    feed.on('left', (departure) => this.left.push(departure));
    feed.on('state', (change) => this.states.push(change));
    feed.on('ended', () => this.ended++);
  }

  joinedCount(pid: string): number {
    return this.joined.filter((person) => person.participantId === pid).length;
  }

  leftOf(pid: string): Departure[] {
    return this.left.filter((departure) => departure.participantId === pid);
  }

  /** Nothing announced twice: each pid joined at most once per stay and left at most once per join. */
  assertNoDuplicates(): void {
    const joins = new Map<string, number>();
    for (const person of this.joined) joins.set(person.participantId, (joins.get(person.participantId) ?? 0) + 1);
    for (const [pid, count] of joins) assert.equal(count, 1, `${pid} joined ${count} times`);
    const lefts = new Map<string, number>();
    for (const departure of this.left) lefts.set(departure.participantId, (lefts.get(departure.participantId) ?? 0) + 1);
    for (const [pid, count] of lefts) assert.equal(count, 1, `${pid} left ${count} times`);
  }
}

describe('huawei waiting-room feed against the simulator', function () {
  this.timeout(20_000);
  let sim: HuaweiSimulator;
  let client: HuaweiMeetingClient;
  const feeds: WaitingRoomFeed[] = [];
  let logLines: string[];

  async function startSim(options: HuaweiSimulatorOptions = {}): Promise<void> {
    sim = await startHuaweiSimulator(options);
    client = new HuaweiMeetingClient({
      endpoint: sim.origin,
      appId: sim.appId,
      appKey: sim.appKey,
      logger: testLogger(),
      requestTimeoutMs: 2_000,
      retry: { retries: 1, minTimeoutMs: 5, maxTimeoutMs: 20 },
    });
  }

  function openFeed(options: Partial<WaitingRoomFeedOptions> = {}): { feed: WaitingRoomFeed; events: Recorder } {
    const feed = new WaitingRoomFeed({
      api: client,
      userId: HOST,
      conferenceId: MEETING,
      logger: testLogger({ level: 'debug', lines: logLines }),
      reconnectMinMs: 10,
      reconnectMaxMs: 100,
      connectTimeoutMs: 3_000,
      departureGraceMs: 200,
      ...options,
    });
    const events = new Recorder(feed);
    feeds.push(feed);
    feed.start();
    return { feed, events };
  }

  function waitingPids(): Array<{ participantId: string; name: string }> {
    return sim.control.meeting(MEETING)!.waitingRoom;
  }

  function requestsTo(path: string) {
    return sim.control.requests().filter((entry) => entry.path === path);
  }

  beforeEach(async () => {
    logLines = [];
    await startSim();
  });

  afterEach(async () => {
    await Promise.all(feeds.splice(0).map((feed) => feed.stop()));
    await sim.close();
  });

  it('announces the people already waiting once, then each arrival, and a departure as not admitted', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const seeded = waitingPids();
    assert.deepEqual(events.joined.map((p) => [p.participantId, p.name]).sort(), seeded.map((p) => [p.participantId, p.name]).sort());
    assert.equal(feed.state, 'open');

    const dave = sim.control.addToWaitingRoom(MEETING, 'Dave Fisher');
    await until(() => events.joinedCount(dave) === 1, 'Dave to arrive');
    const arrival = events.joined.find((p) => p.participantId === dave)!;
    assert.equal(arrival.name, 'Dave Fisher');
    assert.ok(Math.abs(arrival.since.getTime() - Date.now()) < 60_000, 'since comes from ADDTIME');

    assert.equal(sim.control.removeFromWaitingRoom(MEETING, dave), true);
    await until(() => events.leftOf(dave).length === 1, 'Dave to leave');
    assert.deepEqual(events.leftOf(dave), [{ participantId: dave, admitted: false }]);
    assert.deepEqual(feed.waiting.map((p) => p.participantId).sort(), seeded.map((p) => p.participantId).sort());
    events.assertNoDuplicates();
  });

  it('reports someone admitted elsewhere (ParticipantsNotify shows them in the meeting) as admitted', async () => {
    const { events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const [wang] = waitingPids();
    assert.equal(sim.control.admitElsewhere(MEETING, wang!.participantId), 1);
    await until(() => events.leftOf(wang!.participantId).length === 1, '王伟 to be admitted');
    assert.deepEqual(events.leftOf(wang!.participantId), [{ participantId: wang!.participantId, admitted: true }]);
    assert.ok(sim.control.meeting(MEETING)!.participants.some((p) => p.participantId === wang!.participantId));
    events.assertNoDuplicates();
  });

  it('Admit sends allowWaitingParticipant with that participantID; Admit all sends allowAll', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const [first, second] = waitingPids();
    await feed.admit(first!.participantId);
    const one = requestsTo(ALLOW);
    assert.equal(one.length, 1);
    assert.deepEqual(one[0]!.body, { participantID: first!.participantId });
    assert.deepEqual([one[0]!.query.conferenceID, one[0]!.status], [MEETING, 200]);
    await until(() => events.leftOf(first!.participantId).length === 1, 'the first to be admitted');
    assert.equal(events.leftOf(first!.participantId)[0]!.admitted, true);
    assert.equal(events.leftOf(second!.participantId).length, 0, 'only that person');

    const eve = sim.control.addToWaitingRoom(MEETING, 'Eve Adams');
    await until(() => events.joinedCount(eve) === 1, 'Eve to arrive');
    await feed.admitAll();
    assert.deepEqual(requestsTo(ALLOW).at(-1)!.body, { allowAll: true });
    await until(() => events.left.length === 3, 'everyone to be admitted');
    assert.ok(events.left.every((departure) => departure.admitted));
    assert.deepEqual(feed.waiting, []);
    assert.deepEqual(sim.control.meeting(MEETING)!.waitingRoom, []);
    events.assertNoDuplicates();
  });

  it('a socket dropped mid-meeting: reconnects with fresh tokens, and what changed meanwhile is announced exactly once', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const [wang, guest] = waitingPids();
    const before = sim.control.addToWaitingRoom(MEETING, 'Frank before the drop');
    await until(() => events.joinedCount(before) === 1, 'Frank to arrive');
    const tokensBefore = requestsTo(WS_TOKEN).length;

    // Hold the feed outside: every wsToken request fails until the faults are cleared.
    sim.control.injectFault({ path: WS_TOKEN, status: 503, times: 10_000 });
    assert.equal(sim.control.dropSockets(MEETING), 1);
    await until(() => feed.state === 'reconnecting' && requestsTo(WS_TOKEN).length > tokensBefore, 'a failed reconnection attempt');

    // While it is away: one arrives, one gives up, one is admitted in the Huawei app.
    const during = sim.control.addToWaitingRoom(MEETING, 'Grace during the drop');
    sim.control.removeFromWaitingRoom(MEETING, guest!.participantId);
    sim.control.admitElsewhere(MEETING, wang!.participantId);
    sim.control.clearFaults();

    await until(() => feed.state === 'open', 'the feed to reconnect');
    await until(() => events.joinedCount(during) === 1 && events.left.length === 2, 'the reconciliation');
    assert.deepEqual(events.leftOf(guest!.participantId), [{ participantId: guest!.participantId, admitted: false }]);
    assert.deepEqual(events.leftOf(wang!.participantId), [{ participantId: wang!.participantId, admitted: true }]);
    assert.equal(events.leftOf(before).length, 0, 'Frank is still waiting: not announced again, not gone');

    // And the new connection carries on.
    const after = sim.control.addToWaitingRoom(MEETING, 'Heidi after the drop');
    await until(() => events.joinedCount(after) === 1, 'Heidi to arrive');
    assert.deepEqual(feed.waiting.map((p) => p.participantId).sort(), [before, during, after].sort());
    events.assertNoDuplicates();
    const states = events.states.map((change) => change.state);
    assert.deepEqual(states.slice(0, 4), ['connecting', 'open', 'reconnecting', 'open']);
  });

  it('tokens expired under it: the cached control token is replaced, the one-time token is new, nothing lost or repeated', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const controlTokensBefore = requestsTo(CONTROL_TOKEN).length;
    assert.ok(sim.control.expireControlTokens() >= 1);
    sim.control.expireTokens(); // the access tokens too
    sim.control.dropSockets(MEETING);
    const during = sim.control.addToWaitingRoom(MEETING, 'Ivan while tokens expire');
    await until(() => events.joinedCount(during) === 1, 'Ivan to arrive');
    await until(() => feed.state === 'open', 'the feed to be open');
    assert.ok(requestsTo(CONTROL_TOKEN).length > controlTokensBefore, 'a new control token was fetched');
    assert.ok(requestsTo(WS_TOKEN).filter((r) => r.status === 400).length >= 1, 'the stale control token was refused first');
    const connects = sim.control.requests().filter((r) => r.path.endsWith('/increment/conn'));
    assert.deepEqual(connects.map((r) => r.status), [101, 101]);
    events.assertNoDuplicates();
    assert.equal(events.joined.length, 3);
  });

  it('skips malformed frames without stopping, and never logs their content', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const frames = [
      'not json at all tmpToken=leaky-secret-1',
      JSON.stringify({ nothing: 'here', confToken: 'leaky-secret-2' }),
      JSON.stringify({ action: 'WaitingListNotify', msgMode: 1, data: [{ mode: 0, pinfoMap: { NAME: 'no pid leaky-secret-3' } }] }),
      JSON.stringify({ action: 'WaitingListNotify', msgMode: 7, data: [] }),
      JSON.stringify({ action: 'ParticipantsNotify', msgMode: 1, data: 'not-json leaky-secret-4' }),
      JSON.stringify({ action: 'WaitingListNotify', msgMode: 1, data: [{ pid: 'x', mode: 5 }] }),
    ];
    for (const frame of frames) assert.equal(sim.control.sendRawFrame(MEETING, frame), 1);
    // The documented example's forms: data as a JSON string, msgMode and mode as text, CLICENT_LOGIN_TYPE.
    const documented = {
      action: 'WaitingListNotify',
      version: '17',
      createTime: Date.now(),
      msgMode: '1',
      msgID: 'm1',
      confID: MEETING,
      data: JSON.stringify([{ pid: 'doc-pid-1', mode: '0', pinfoMap: { NAME: 'Judy Example', ADDTIME: String(Date.now()), CLICENT_LOGIN_TYPE: '0', WAITINGSTATE: '0' } }]),
    };
    sim.control.sendRawFrame(MEETING, JSON.stringify(documented));
    await until(() => events.joinedCount('doc-pid-1') === 1, 'the documented-form arrival');
    assert.equal(feed.state, 'open');
    assert.equal(events.joined.length, 3, 'nothing came of the malformed frames');
    const log = logLines.join('');
    assert.equal((log.match(/malformed frame skipped/g) ?? []).length, frames.length);
    assert.doesNotMatch(log, /leaky-secret/);
    // The sim's real pids still work after the noise.
    const kim = sim.control.addToWaitingRoom(MEETING, 'Kim');
    await until(() => events.joinedCount(kim) === 1, 'Kim to arrive');
  });

  it('decides "admitted" when the waiting-list delete comes before ParticipantsNotify (order is undocumented)', async () => {
    const { events } = openFeed({ departureGraceMs: 10_000 });
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const [wang] = waitingPids();
    const pid = wang!.participantId;
    sim.control.sendRawFrame(MEETING, JSON.stringify({ action: 'WaitingListNotify', msgMode: 1, version: 100, data: [{ pid, mode: 1 }] }));
    sim.control.sendRawFrame(MEETING, JSON.stringify({ action: 'ParticipantsNotify', msgMode: 1, version: 100, data: [{ pid, mode: 0, pinfoMap: { NAME: '王伟' } }] }));
    await until(() => events.leftOf(pid).length === 1, '王伟 to leave the list');
    assert.deepEqual(events.leftOf(pid), [{ participantId: pid, admitted: true }]);
    // WAITINGSTATE "1" (admitted) on its own is enough too.
    const [, guest] = waitingPids();
    sim.control.sendRawFrame(MEETING, JSON.stringify({ action: 'WaitingListNotify', msgMode: 1, data: [{ pid: guest!.participantId, mode: 0, pinfoMap: { WAITINGSTATE: '1' } }] }));
    await until(() => events.leftOf(guest!.participantId).length === 1, 'the guest to be admitted');
    assert.equal(events.leftOf(guest!.participantId)[0]!.admitted, true);
    events.assertNoDuplicates();
  });

  it('the meeting ends: the feed says so once and stops', async () => {
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    sim.control.endMeeting(MEETING);
    await until(() => events.ended === 1, 'the end');
    assert.equal(feed.state, 'stopped');
    assert.equal(events.states.at(-1)!.state, 'stopped');
    assert.equal(events.left.length, 0, 'the end is one event, not a departure per person');
    assert.deepEqual(sim.control.sockets(), []);
    await feed.stop();
    assert.equal(events.ended, 1);
  });

  it('a feed for a meeting the user cannot control stops with NOT_HOST instead of retrying', async () => {
    const { feed, events } = openFeed({ userId: 'bob@contoso.com' }); // an invitee, not the host
    await until(() => feed.state === 'stopped', 'the feed to give up');
    assert.equal(events.states.at(-1)!.error?.code, 'NOT_HOST');
    assert.equal(events.joined.length, 0);
  });

  it('renews the control token before it expires, with the token itself (not the host password)', async () => {
    await sim.close();
    await startSim({ controlTokenLifetimeSeconds: 1 });
    const { feed, events } = openFeed();
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    const passwordLookups = requestsTo('/v1/mmc/management/conferences/online/confDetail').length;
    const tokens = requestsTo(CONTROL_TOKEN).length;
    await until(() => requestsTo(CONTROL_TOKEN).length >= tokens + 2, 'two renewals');
    assert.equal(requestsTo('/v1/mmc/management/conferences/online/confDetail').length, passwordLookups, 'renewed without the password');
    assert.ok(requestsTo(CONTROL_TOKEN).every((r) => r.status === 200));
    // The renewed token works for control: Admit goes through.
    const [first] = waitingPids();
    await feed.admit(first!.participantId);
    await until(() => events.leftOf(first!.participantId).length === 1, 'the admitted person');
    assert.equal(feed.state, 'open');
  });

  it('stop() closes the socket and leaves no timer behind', async () => {
    const { feed, events } = openFeed({ heartbeatIntervalMs: 20 });
    await until(() => events.joined.length === 2, 'the seeded waiting people');
    await until(() => sim.control.sockets().length === 1, 'the socket');
    await feed.stop();
    await until(() => sim.control.sockets().length === 0, 'the simulator to see the socket go');
    const timers = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const again = openFeed();
    await until(() => again.events.joined.length === 2, 'a second feed');
    await again.feed.stop();
    assert.equal(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length, timers, 'a started and stopped feed adds no timer');
  });
});

describe('huawei meeting-event WebSocket in the simulator', function () {
  this.timeout(20_000);
  let sim: HuaweiSimulator;
  let client: HuaweiMeetingClient;

  beforeEach(async () => {
    sim = await startHuaweiSimulator({ heartbeatTimeoutMs: 300 });
    client = new HuaweiMeetingClient({ endpoint: sim.origin, appId: sim.appId, appKey: sim.appKey, logger: testLogger(), requestTimeoutMs: 2_000 });
  });

  afterEach(async () => {
    await sim.close();
  });

  async function rawConnect(): Promise<{ socket: WebSocket; frames: unknown[]; closed: Promise<number> }> {
    const session = await client.controlSession(HOST, MEETING);
    const token = await client.createWebSocketToken(HOST, MEETING);
    const socket = new WebSocket(connectionUrl(session.wsUrl, MEETING, token.reveal()));
    const frames: unknown[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(String(data))));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    socket.send(subscribeFrame(MEETING, session.token.reveal(), ['WaitingListNotify', 'ParticipantsNotify']));
    return { socket, frames, closed };
  }

  it('answers Subscribe with both full lists, then drops a client that sends no HeartBeat', async () => {
    const { frames, closed } = await rawConnect();
    await until(() => frames.length >= 3, 'the subscription answer and two lists');
    const parsed = frames.map((frame) => parseServerFrame(JSON.stringify(frame)));
    assert.deepEqual(parsed.map((p) => (p.ok ? p.frame.action : 'bad')), ['Subscribe', 'ParticipantsNotify', 'WaitingListNotify']);
    const waiting = parsed[2]!;
    assert.ok(waiting.ok && waiting.frame.action === 'WaitingListNotify' && waiting.frame.mode === 'full' && waiting.frame.entries.length === 2);
    assert.ok(Number.isInteger(await closed), 'the silent client was dropped (bounded by the test timeout)');
  });

  it('keeps a client that sends HeartBeat, and answers each', async () => {
    const { socket, frames } = await rawConnect();
    for (let i = 0; i < 8; i++) {
      socket.send(JSON.stringify({ action: 'HeartBeat' }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(socket.readyState, WebSocket.OPEN, '800 ms of heartbeats every 100 ms against a 300 ms limit');
    assert.equal(frames.filter((frame) => (frame as { action: string }).action === 'HeartBeat').length, 8);
    socket.close();
  });

  it('a WebSocket token is single use and dies with expireControlTokens', async () => {
    const session = await client.controlSession(HOST, MEETING);
    const token = (await client.createWebSocketToken(HOST, MEETING)).reveal();
    const closeCode = (url: URL) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.on('error', () => undefined);
        socket.once('close', (code) => resolve(code));
        socket.once('open', () => socket.send(subscribeFrame(MEETING, session.token.reveal(), ['WaitingListNotify'])));
      });
    const first = new WebSocket(connectionUrl(session.wsUrl, MEETING, token));
    await new Promise<void>((resolve) => first.once('open', () => resolve()));
    assert.equal(await closeCode(connectionUrl(session.wsUrl, MEETING, token)), SIM_AUTH_FAILED_CLOSE, 'used once already');
    first.close();
    const unused = (await client.createWebSocketToken(HOST, MEETING)).reveal();
    sim.control.expireControlTokens();
    assert.equal(await closeCode(connectionUrl(session.wsUrl, MEETING, unused)), SIM_AUTH_FAILED_CLOSE, 'expired');
  });

  it('renews a control token with the current one (no password), as documented', async () => {
    const first = await client.controlSession(HOST, MEETING);
    const details = sim.control.requests().filter((r) => r.path.endsWith('/online/confDetail')).length;
    const renewed = await client.renewControlSession(HOST, MEETING);
    assert.notEqual(renewed.token.reveal(), first.token.reveal());
    assert.equal(sim.control.requests().filter((r) => r.path.endsWith('/online/confDetail')).length, details, 'no second look at the host password');
    sim.control.expireControlTokens();
    const fallback = await client.renewControlSession(HOST, MEETING);
    assert.notEqual(fallback.token.reveal(), renewed.token.reveal(), 'a refused renewal falls back to the password');
  });

  it('keeps waiting rooms (with their pids and ADDTIME) across a restart from its snapshot', async () => {
    const pid = sim.control.addToWaitingRoom(MEETING, 'Liam Restart');
    // Through JSON, as the sandbox stores it.
    const restored = await startHuaweiSimulator({ restore: huaweiSnapshotSchema.parse(JSON.parse(JSON.stringify(sim.snapshot()))) });
    try {
      assert.deepEqual(restored.control.meeting(MEETING)!.waitingRoom, sim.control.meeting(MEETING)!.waitingRoom);
      assert.ok(restored.control.meeting(MEETING)!.waitingRoom.some((p) => p.participantId === pid));
    } finally {
      await restored.close();
    }
  });

  it('parses the documented wsToken answer', () => {
    const sample = JSON.parse(readFileSync(new URL('../../../test/fixtures/huawei/ws-token-response.json', import.meta.url), 'utf8')) as { body: unknown };
    assert.equal(webSocketTokenResponseSchema.parse(sample.body).webSocketToken.reveal(), 'cnr6e88712f1c89a7b4e3b989596fc420fd43b45bf8ef35c1db');
  });
});

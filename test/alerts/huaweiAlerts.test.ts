import assert from 'node:assert/strict';
import type { HuaweiSimulator } from '../../src/huawei/simulator/index.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { isAlertFor, isUpdateOf } from './helpers.js';

const ALLOW = '/v1/mmc/control/conferences/allowWaitingParticipant';
const wait = { timeoutMs: 5_000, includeSeen: true };

describe('Huawei waiting-room alerts, end to end (local channel → bot → Huawei simulator over its WebSocket)', function () {
  this.timeout(30_000);
  let bot: BotUnderTest;
  let sim: HuaweiSimulator;
  let conferenceId: string;

  beforeEach(async () => {
    bot = await startBotUnderTest();
    sim = bot.sandbox.simulators.huawei!;
    conferenceId = sim.control.createMeeting({ subject: 'Huawei design sync', hostUserId: 'alice@contoso.com', startsInMinutes: -5, language: 'en-US', enableWaitingRoom: true }).conferenceID;
  });

  afterEach(async () => {
    await bot.close();
  });

  async function aliceWatches() {
    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send(`watch my Huawei meeting ${conferenceId}`);
    await alice.waitFor((event) => event.rendered.includes("I'm watching the waiting room of **Huawei design sync**"), wait);
    // The feed is subscribed once the simulator has a socket for the meeting.
    await until(() => sim.control.sockets().some((socket) => socket.conferenceID === conferenceId && socket.subscribed.length === 2));
    return alice;
  }

  it('an arrival becomes the alert card naming the platform; Admit sends allowWaitingParticipant with that participantID', async () => {
    const alice = await aliceWatches();
    const started = Date.now();
    const dave = sim.control.addToWaitingRoom(conferenceId, 'Dave Fisher');
    const alert = await alice.waitFor(isAlertFor('Dave Fisher'), wait);
    const arrivalMs = Date.now() - started;
    assert.match(alert.rendered, /Huawei design sync/);
    assert.match(alert.rendered, /Huawei Cloud Meeting/);
    assert.ok(!JSON.stringify(alert.cards).includes('lobby.reject'), 'no Reject: Huawei documents no way to turn someone away');
    const pressed = await alice.press(alert, 'Admit');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted by Alice Wood'), JSON.stringify(pressed));
    const admits = sim.control.requests().filter((entry) => entry.path === ALLOW);
    assert.deepEqual(admits.map((entry) => [entry.query.conferenceID, entry.body, entry.status]), [[conferenceId, { participantID: dave }, 200]]);
    assert.ok(sim.control.meeting(conferenceId)!.participants.some((person) => person.participantId === dave));
    await alice.waitFor(isUpdateOf(alert, 'Admitted by Alice Wood'), wait);
    // Recorded for the report; the bound is the test's own timeout, not a performance claim.
    console.log(`      (arrival → card: ${arrivalMs} ms)`);
  });

  it('Admit all admits everyone waiting with one allowAll, and every card says admitted', async () => {
    const alice = await aliceWatches();
    sim.control.addToWaitingRoom(conferenceId, 'Gina Guest');
    sim.control.addToWaitingRoom(conferenceId, 'Hank Guest');
    const gina = await alice.waitFor(isAlertFor('Gina Guest'), wait);
    const hank = await alice.waitFor(isAlertFor('Hank Guest'), wait);
    const current = await alice.waitFor(isUpdateOf(gina, 'Admit all (2)'), wait);
    const pressed = await alice.press(current, 'Admit all (2)');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted'), JSON.stringify(pressed));
    assert.deepEqual(sim.control.requests().filter((entry) => entry.path === ALLOW).map((entry) => entry.body), [{ allowAll: true }]);
    assert.deepEqual(sim.control.meeting(conferenceId)!.waitingRoom, []);
    await alice.waitFor(isUpdateOf(hank, 'Admitted by Alice Wood'), wait);
  });

  it('someone admitted elsewhere, or who leaves: the card says so; "who\'s in the lobby" lists the Huawei waiting room', async () => {
    const alice = await aliceWatches();
    const ivy = sim.control.addToWaitingRoom(conferenceId, 'Ivy Guest');
    const jack = sim.control.addToWaitingRoom(conferenceId, 'Jack Guest');
    const ivyAlert = await alice.waitFor(isAlertFor('Ivy Guest'), wait);
    const jackAlert = await alice.waitFor(isAlertFor('Jack Guest'), wait);

    await alice.send("who's in the lobby");
    const who = await alice.waitFor((event) => event.rendered.includes('Ivy Guest') && event.rendered.includes('Jack Guest') && event.kind === 'send' && !event.rendered.includes('is waiting'), wait);
    assert.match(who.rendered, /Huawei design sync/);

    sim.control.admitElsewhere(conferenceId, ivy);
    await alice.waitFor(isUpdateOf(ivyAlert, 'Admitted from another Huawei Cloud Meeting client'), wait);
    sim.control.removeFromWaitingRoom(conferenceId, jack);
    await alice.waitFor(isUpdateOf(jackAlert, 'No longer waiting'), wait);
    assert.equal(sim.control.requests().filter((entry) => entry.path === ALLOW).length, 0, 'the bot admitted nobody itself');
  });

  it('in Chinese: 关注我的华为会议 <ID> watches it, the card speaks Chinese, and 取消关注华为会议 stops it', async () => {
    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send(`关注我的华为会议 ${conferenceId}`, { locale: 'zh-CN' });
    await alice.waitFor((event) => event.rendered.includes('我正在关注华为云会议 **Huawei design sync**'), wait);
    await until(() => sim.control.sockets().some((socket) => socket.conferenceID === conferenceId && socket.subscribed.length === 2));
    sim.control.addToWaitingRoom(conferenceId, '王芳');
    const alert = await alice.waitFor((event) => event.kind === 'send' && event.rendered.includes('王芳') && event.rendered.includes('华为云会议'), wait);
    assert.ok(alert);
    await alice.send(`取消关注华为会议 ${conferenceId}`, { locale: 'zh-CN' });
    await alice.waitFor((event) => event.rendered.includes('已停止关注'), wait);
    await until(() => sim.control.sockets().every((socket) => socket.conferenceID !== conferenceId));
  });

  it('the watch survives a restart: alerts carry on after it, and nothing is alerted twice', async () => {
    const alice = await aliceWatches();
    sim.control.addToWaitingRoom(conferenceId, 'Kim Before');
    const kim = await alice.waitFor(isAlertFor('Kim Before'), wait);
    // The outbox records a delivery after sending it; a stop in between sends the card again after the restart
    // (at-least-once delivery, the outbox's own rule), so the restart waits for the record.
    await until(() => bot.logLines.some((line) => line.includes('lobby alert card delivered')));
    await bot.restart();
    sim.control.addToWaitingRoom(conferenceId, 'Lee After');
    await alice.waitFor(isAlertFor('Lee After'), { timeoutMs: 10_000, includeSeen: true });
    const sends = alice.botEvents().filter((event) => event.kind === 'send' && isAlertFor('Kim Before')(event));
    assert.equal(sends.length, 1, 'Kim is not alerted twice');
    assert.ok(kim);
  });
});

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

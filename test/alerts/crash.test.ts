import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalChannel, type ConnectorRequest } from '../../src/localChannel/localChannel.js';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { sandboxPeople } from '../helpers/botUnderTest.js';
import { isAlertFor, isUpdateOf, signInAndWatch } from './helpers.js';

const entryPoint = join(process.cwd(), 'dist', 'src', 'index.js');

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The real bot as its own process, so it can be killed without any chance to clean up. `lines` collects what it
 * logs (stdout) when given.
 */
async function startBotProcess(
  port: number,
  dataDir: string,
  discoveryUrl: string,
  options: { env?: Record<string, string>; lines?: string[] } = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [entryPoint], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, UCWA_DISCOVERY_URL: discoveryUrl, LOG_LEVEL: 'warn', PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env },
    stdio: ['ignore', options.lines ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split('\n');
    pending = parts.pop() ?? '';
    options.lines?.push(...parts);
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the bot exited early: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok, () => false);
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the bot did not become healthy: ${stderr}`);
}

describe('lobby alerts survive a crash', function () {
  // Two bot processes start cold (each 2–4 s, more on a busy machine) and one is killed: more than mocha's default 20 s.
  this.timeout(60_000);
  let sim: UcwaSimulator;
  let channel: LocalChannel;
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    sim = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
    dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-crash-'));
  });

  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await channel?.close();
    await sim.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers an alert recorded before a SIGKILL exactly once after the restart', async () => {
    const port = await freePort();
    const botUrl = `http://127.0.0.1:${port}`;
    channel = await LocalChannel.start({ botUrl: `${botUrl}/api/messages`, users: [sandboxPeople.alice] });
    child = await startBotProcess(port, dataDir, sim.discoveryUrl);

    const alice = channel.personalChat('alice@contoso.com');
    await signInAndWatch(botUrl, alice, 'alice@contoso.com');

    // Hold the alert back: every send to Alice's chat fails, so it is recorded but not delivered.
    channel.connector.injectFault({ status: 503, count: 10_000, conversationId: alice.id });
    const heldBack = new Promise<void>((resolve) => {
      const listener = (request: ConnectorRequest) => {
        if (request.fault && request.operation === 'send') {
          channel.connector.off('request', listener);
          resolve();
        }
      };
      channel.connector.on('request', listener);
    });
    const bob = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@fabrikam.com', source: 'federated' });
    await heldBack;

    child.kill('SIGKILL');
    await once(child, 'exit');
    channel.connector.clearFaults();
    assert.equal(alice.botEvents().filter(isAlertFor('Bob Kelly')).length, 0, 'nothing went out before the crash');

    child = await startBotProcess(port, dataDir, sim.discoveryUrl);
    const alert = await alice.waitFor(isAlertFor('Bob Kelly'), { timeoutMs: 10_000 });
    assert.equal(sim.control.participantState(bob), 'lobby');

    // A later arrival proves the channel resumed; by then a duplicate of Bob's alert would have shown up too.
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Evans', sipUri: 'sip:erin@litware.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Erin Evans'), { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(alice.botEvents().filter(isAlertFor('Bob Kelly')).length, 1, 'exactly one alert for the visit');

    const pressed = await alice.press(alert, 'Admit');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted by Alice Wood'), JSON.stringify(pressed));
    assert.equal(sim.control.participantState(bob), 'admitted');
  });

  it('after a SIGKILL that left the event position unsaved, resyncs: no pressed card repeated, no arrival lost', async () => {
    const port = await freePort();
    const botUrl = `http://127.0.0.1:${port}`;
    channel = await LocalChannel.start({ botUrl: `${botUrl}/api/messages`, users: [sandboxPeople.alice] });
    // Positions wait five minutes to be saved: the kill leaves the one stored at sign-in, from before every event below.
    const env = { UCWA_EVENT_POSITION_SAVE_MS: '300000', LOG_LEVEL: 'info' };
    const firstLines: string[] = [];
    child = await startBotProcess(port, dataDir, sim.discoveryUrl, { env, lines: firstLines });

    const alice = channel.personalChat('alice@contoso.com');
    await signInAndWatch(botUrl, alice, 'alice@contoso.com');
    const bob = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Bob Kelly'), { timeoutMs: 10_000 });
    const pressed = await alice.press(alert, 'Admit');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted by Alice Wood'), JSON.stringify(pressed));
    await alice.waitFor(isUpdateOf(alert, 'Admitted by Alice Wood'), { timeoutMs: 10_000 });
    // Dave waits, unpressed, across the crash: his card must neither go nor come again.
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const dave = await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 10_000 });
    // A card is recorded as sent after the connector answered: a kill before that sends it again whatever the
    // position (RELIABILITY.md, "the repeat window"), so the kill waits for the line logged once the record is on disk.
    const recorded = (line: string) => line.includes('lobby alert card delivered') && line.includes(`"activityId":"${dave.activityId}"`);
    for (let wait = 0; !firstLines.some(recorded); wait++) {
      assert.ok(wait < 200, "Dave's card recorded as sent");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    child.kill('SIGKILL');
    await once(child, 'exit');
    // Erin arrives while the bot is down: only the restart's reconciliation can tell of her.
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Evans', sipUri: 'sip:erin@litware.com', source: 'federated' });

    const lines: string[] = [];
    child = await startBotProcess(port, dataDir, sim.discoveryUrl, { env, lines });
    await alice.waitFor(isAlertFor('Erin Evans'), { timeoutMs: 15_000 });
    // A later arrival proves the channel runs again; by then a repeated card would have shown up too.
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    await alice.waitFor(isAlertFor('Gina Guest'), { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));

    assert.ok(
      lines.some((line) => line.includes('event channel reset') && line.includes('"resync"')),
      `the stale position made the channel resync:\n${lines.filter((line) => line.includes('event channel')).join('\n')}`,
    );
    for (const name of ['Bob Kelly', 'Dave Diaz', 'Erin Evans', 'Gina Guest']) {
      assert.equal(alice.botEvents().filter(isAlertFor(name)).length, 1, `one card for ${name}`);
    }
    assert.equal(sim.control.participantState(bob), 'admitted');
    assert.equal(alice.botEvents().filter((event) => event.kind === 'update' && event.activityId === alert.activityId && !event.rendered.includes('Admitted by Alice Wood')).length, 0, "Bob's card never lost its outcome");
  });
});

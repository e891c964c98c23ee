import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { defaultPeople } from '../../src/localChannel/people.js';
import { defaultSandboxPorts, startSandbox } from '../../src/sandbox/sandbox.js';
import { readSandboxState, sandboxStatePath } from '../../src/sandbox/stateFile.js';
import { seedPeople } from '../../src/ucwa/simulator/seed.js';
import { findRepoRoot } from '../../scripts/manifest/paths.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
/** A shell's environment: nothing of the npm that may be running these tests. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function npmRun(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', ...args], { cwd: root, env: { ...shellEnv, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

function reply(bot: BotUnderTest, who: string, text: string, expected: RegExp) {
  const chat = bot.channel.personalChat(who);
  return chat.send(text).then(() => chat.waitFor((event) => expected.test(event.rendered), { timeoutMs: 15_000 }));
}

describe('the sandbox, as the README describes it', function () {
  this.timeout(60_000);
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest(); // no service configured: both simulators, as with npm start
  });

  after(async () => {
    await bot?.close();
  });

  it('has the README\'s people, the same in the UCWA directory, at Huawei and in the local chat', () => {
    const names = ['Alice Wood', 'Bob Kelly', 'Carol Diaz', 'Ada Admin'];
    assert.deepEqual(
      defaultPeople.map((person) => `${person.name} <${person.userPrincipalName}>`),
      ['alice', 'bob', 'carol', 'admin'].map((id, index) => `${names[index]} <${id}@contoso.com>`),
    );
    const ucwa = new Map(seedPeople().map((person) => [person.key, person]));
    const huawei = new Map(bot.sandbox.simulators.huawei!.control.users().map((user) => [user.userId, user.name]));
    for (const person of defaultPeople) {
      const upn = person.userPrincipalName!;
      assert.equal(ucwa.get(upn)?.name, person.name, `UCWA knows ${upn} as ${person.name}`);
      assert.ok(ucwa.get(upn)?.password, `${upn} can sign in to the UCWA simulator`);
      assert.equal(huawei.get(upn), person.name, `Huawei knows ${upn} as ${person.name}`);
    }
    assert.equal(ucwa.get('dave@fabrikam.com')?.name, 'Dave Fisher');
    assert.equal(huawei.get('dave@fabrikam.com'), 'Dave Fisher');
  });

  it('"list ongoing meetings about budget" finds the sandbox\'s Budget review, organised by Alice Wood', async () => {
    const list = await reply(bot, 'alice@contoso.com', 'list ongoing meetings about budget', /Ongoing meetings about "budget"/);
    assert.match(list.rendered, /Budget review/);
    const id = /\bID (\d+)/.exec(list.rendered)?.[1];
    assert.ok(id, list.rendered);
    const details = await reply(bot, 'alice@contoso.com', `details of meeting ${id}`, /Organizer/);
    assert.match(details.rendered, /Organizer:\s*Alice Wood/);
    const people = await reply(bot, 'alice@contoso.com', `who's in meeting ${id}`, /Bob Kelly/);
    assert.match(people.rendered, /Alice Wood[\s\S]*Carol Diaz|Carol Diaz[\s\S]*Alice Wood/);
  });

  it('tells `npm run sim` where its simulators are, in DATA_DIR, and takes the file away when it stops', async () => {
    const state = await readSandboxState(bot.dataDir);
    assert.equal(state?.pid, process.pid);
    assert.equal(state?.ucwa?.origin, bot.sandbox.simulators.ucwa!.origin);
    assert.equal(state?.huawei?.origin, bot.sandbox.simulators.huawei!.origin);
    assert.doesNotMatch(JSON.stringify(state), new RegExp(bot.sandbox.simulators.huawei!.appKey), 'no secrets in the file');
  });

  it('npm run sim -- lobby "Budget review" "Dave Fisher" puts Dave in the lobby, and the watcher gets the alert', async () => {
    await reply(bot, 'alice@contoso.com', 'watch my meeting Budget review', /I'm watching the lobby of/);
    const run = await npmRun(['sim', '--', 'lobby', 'Budget review', 'Dave Fisher'], { DATA_DIR: bot.dataDir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Dave Fisher is waiting in the lobby of "Budget review"/);
    const alice = bot.channel.personalChat('alice@contoso.com');
    const alert = await alice.waitFor((event) => event.cards.some((card) => JSON.stringify(card).includes('**Dave Fisher (fabrikam.com)** is waiting')), { timeoutMs: 10_000 });
    assert.match(alert.rendered, /Dave Fisher \(fabrikam\.com\)/, 'named, with his organisation');
    assert.doesNotMatch(alert.rendered, /sip:/, 'never by his raw sip: address');
    assert.match(alert.rendered, /federated/);
  });

  it('npm run sim says what is wrong: an unknown meeting, no sandbox running, a bad command', async () => {
    const unknown = await npmRun(['sim', '--', 'lobby', 'No such meeting', 'Dave Fisher'], { DATA_DIR: bot.dataDir });
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /The simulator refused: No meeting matches "No such meeting"/);

    const empty = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    try {
      const none = await npmRun(['sim', '--', 'lobby', 'Budget review', 'Dave Fisher'], { DATA_DIR: empty });
      assert.equal(none.code, 1);
      assert.match(none.stderr, /No sandbox is running with DATA_DIR=.*Start one with npm start/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
    const bad = await npmRun(['sim', '--', 'lobby', 'Budget review'], { DATA_DIR: bot.dataDir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /lobby needs a meeting and a name/);
  });
});

describe('sandbox ports', function () {
  this.timeout(30_000);

  it('are 4500 and 4600 when the bot runs on its default port, free ones otherwise', () => {
    assert.deepEqual(defaultSandboxPorts({ port: 3978 }), { ucwa: 4500, huawei: 4600 });
    assert.deepEqual(defaultSandboxPorts({ port: 0 }), { ucwa: 0, huawei: 0 });
  });

  it('moves a simulator to a free port, with a log line, when its port is taken', async () => {
    const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
    const taken = createServer();
    const spare = createServer();
    const takenPort = await listen(taken);
    const sparePort = await listen(spare);
    await new Promise<void>((resolve) => spare.close(() => resolve())); // free again, for the Huawei simulator
    const dataDir = await mkdtemp(join(tmpdir(), 'sandbox-ports-'));
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    try {
      const config = loadConfig({ PORT: '0', DATA_DIR: dataDir });
      const sandbox = await startSandbox(config, logger, { ports: { ucwa: takenPort, huawei: sparePort } });
      try {
        assert.notEqual(new URL(sandbox.simulators.ucwa!.origin).port, String(takenPort));
        assert.equal(new URL(sandbox.simulators.huawei!.origin).port, String(sparePort));
        assert.ok(lines.some((line) => line.includes(`UCWA simulator: port ${takenPort} is taken`)), lines.join(''));
        assert.equal((await readSandboxState(dataDir))?.ucwa?.origin, sandbox.simulators.ucwa!.origin);
      } finally {
        await sandbox.stop();
      }
      await assert.rejects(access(sandboxStatePath(dataDir)), 'the state file goes with the sandbox');
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalChannel, type BotEvent } from '../../src/localChannel/localChannel.js';
import { readSandboxState } from '../../src/sandbox/stateFile.js';
import { sandboxPeople } from '../helpers/botUnderTest.js';
import { BotProcess, freePort, type LogLine } from '../reliability/botProcess.js';
import { isAlertFor } from '../alerts/helpers.js';

/**
 * Done-when #1 of issue 13, as a person would do it: `npm start` (in sandbox mode), "watch my meeting", "watch
 * presence", stop, `npm start` again on the same DATA_DIR. The second bot process finds the same simulated world
 * (same addresses, meetings, groups and sign-ins) and carries on: the next lobby arrival is alerted and the next
 * presence change relayed with no new sign-in and nothing typed again.
 */
describe('a sandbox restart loses nothing', function () {
  this.timeout(120_000);
  let dataDir: string;
  let channel: LocalChannel | undefined;
  let bot: BotProcess | undefined;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-restart-'));
  });

  after(async () => {
    await bot?.stop();
    await channel?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function sim(path: string, body: unknown): Promise<void> {
    const state = await readSandboxState(dataDir);
    assert.ok(state?.ucwa, 'the sandbox says where its UCWA simulator is');
    const response = await fetch(`${state.ucwa.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
    assert.ok(response.ok, `${path}: ${response.status} ${await response.text()}`);
  }

  const says = (line: string) => (event: BotEvent) => (event.text ?? '') === line;

  it('start, watch, watch presence, stop, start: the next arrival and presence change arrive without a new sign-in', async () => {
    const port = await freePort();
    channel = await LocalChannel.start({ botUrl: `http://127.0.0.1:${port}/api/messages`, users: [sandboxPeople.alice] });
    const alice = channel.personalChat('alice@contoso.com');

    bot = await BotProcess.start({ port, dataDir });
    await alice.send('watch my meeting Budget review');
    await alice.waitFor((event) => event.rendered.includes("I'm watching the lobby of"), { timeoutMs: 15_000 });
    await alice.send('watch presence of Project team');
    await alice.waitFor((event) => /presence of the 3 contact\(s\) in "Project team"/.test(event.rendered), { timeoutMs: 15_000 });
    const firstWorld = await readSandboxState(dataDir);
    assert.equal((await bot.stop()).code, 0, 'the first bot stopped cleanly');

    // The simulators' worlds were saved, owner-only: the UCWA one holds the web tickets it issued.
    assert.deepEqual((await readdir(join(dataDir, 'sandbox'))).sort(), ['huawei.json', 'ucwa.json']);
    assert.equal((await stat(join(dataDir, 'sandbox', 'ucwa.json'))).mode & 0o777, 0o600);

    const secondLines: LogLine[] = [];
    bot = await BotProcess.start({ port, dataDir, onLine: (line) => secondLines.push(line) });
    const secondWorld = await readSandboxState(dataDir);
    assert.equal(secondWorld?.ucwa?.origin, firstWorld?.ucwa?.origin, 'the UCWA simulator came back on the same address');

    const before = alice.botEvents().length;
    await sim('/_sim/lobby', { meeting: 'Budget review', name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Dave Fisher'), { timeoutMs: 30_000 });
    await sim('/_sim/presence', { user: 'bob@contoso.com', availability: 'Away' });
    await alice.waitFor(says('Bob Kelly is now Away'), { timeoutMs: 30_000 });

    const said = alice.botEvents().slice(before).map((event) => event.rendered);
    assert.ok(!said.some((text) => /sign in|no longer exists|refused/i.test(text)), `nothing asked Alice to act again: ${said.join(' | ')}`);
    const messages = secondLines.map((line) => line.msg);
    assert.ok(!messages.some((msg) => msg.includes('signing in to the UCWA simulator automatically') || msg === 'signed in to Skype for Business'), 'the second bot signed nobody in');
  });

  it('when the UCWA server comes back elsewhere, the stored session is re-established through discovery and every watch found afresh', async () => {
    assert.ok(bot && channel, 'runs after the first test, on its DATA_DIR');
    const alice = channel.personalChat('alice@contoso.com');
    const port = Number(new URL(bot.url).port);
    const oldOrigin = (await readSandboxState(dataDir))?.ucwa?.origin;
    assert.ok(oldOrigin);
    assert.equal((await bot.stop()).code, 0);

    // Someone else took the simulator's port: it comes back on another one, as a pool move would look to the bot.
    const squatter = createServer().listen(Number(new URL(oldOrigin).port), '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const lines: LogLine[] = [];
      bot = await BotProcess.start({ port, dataDir, onLine: (line) => lines.push(line) });
      const moved = (await readSandboxState(dataDir))?.ucwa?.origin;
      assert.ok(moved && moved !== oldOrigin, `the simulator moved (${moved})`);

      const before = alice.botEvents().length;
      await sim('/_sim/lobby', { meeting: 'Budget review', name: 'Erin Evans', sipUri: 'sip:erin@litware.com', source: 'federated' });
      await alice.waitFor(isAlertFor('Erin Evans'), { timeoutMs: 30_000 });
      await sim('/_sim/presence', { user: 'bob@contoso.com', availability: 'Busy' });
      await alice.waitFor(says('Bob Kelly is now Busy'), { timeoutMs: 30_000 });

      const said = alice.botEvents().slice(before).map((event) => event.rendered);
      assert.ok(!said.some((text) => /sign in|no longer exists|refused/i.test(text)), `nothing asked Alice to act again: ${said.join(' | ')}`);
      const messages = lines.map((line) => line.msg);
      assert.ok(messages.includes('ucwa: re-establishing the stored session through discovery'), 'the session was re-established through discovery');
      assert.ok(!messages.some((msg) => msg.includes('signing in to the UCWA simulator automatically') || msg === 'signed in to Skype for Business'), 'nobody signed in again');
      assert.ok(!messages.some((msg) => msg.includes('no longer watching its presence')), 'the presence watch was kept');
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

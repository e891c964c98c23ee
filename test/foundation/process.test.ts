import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LocalChannel } from '../../src/localChannel/localChannel.js';

const entryPoint = fileURLToPath(new URL('../../src/index.js', import.meta.url));

/** `npm start` as a newcomer runs it: no configuration but a port and a data folder. */
describe('the bot as a process', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-process-'));
    child = spawn(process.execPath, [entryPoint], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const match = /meeting bot listening on (http:\/\/[^/]+)\/api\/messages/.exec(line);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`bot exited early with ${code}`)));
    });
  });

  after(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts in sandbox mode on embedded defaults and reports healthy', async () => {
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
  });

  it('answers a Teams-shaped "help" at the activity\'s serviceUrl', async () => {
    const channel = await LocalChannel.start({ botUrl: `${url}/api/messages` });
    try {
      const chat = channel.personalChat();
      await chat.send('help');
      const reply = await chat.waitFor((event) => event.cards.length > 0, { timeoutMs: 10_000 });
      assert.match(reply.rendered, /Here is what I can do/);
    } finally {
      await channel.close();
    }
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });
});

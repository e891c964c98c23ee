import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LocalChannel } from '../../src/localChannel/localChannel.js';
import { defaultPeople } from '../../src/localChannel/people.js';
import { sandboxStatePath } from '../../src/sandbox/stateFile.js';

const entryPoint = fileURLToPath(new URL('../../src/index.js', import.meta.url));

/** Longer than the bot's own shutdown deadline: past it, "one Ctrl-C stops the bot" has failed. */
const STOP_BOUND_MS = 30_000;

interface Bot {
  child: ChildProcess;
  dataDir: string;
  /** Resolves with the first stdout line that matches. */
  line(pattern: RegExp): Promise<string>;
  /** Resolves with how the process ended, or rejects once STOP_BOUND_MS have passed without it ending. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

async function spawnBot(): Promise<Bot> {
  const dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-sigint-'));
  const child = spawn(process.execPath, [entryPoint], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters.filter((candidate) => candidate.pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    dataDir,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = lines.find((line) => pattern.test(line));
        if (seen) return resolve(seen);
        waiters.push({ pattern, resolve });
        void ended.then(() => reject(new Error(`the bot exited before logging ${pattern}:\n${lines.join('\n')}\n${stderr}`)));
      }),
    exited: async () => {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`still running ${STOP_BOUND_MS} ms after one SIGINT:\n${lines.join('\n')}`)), STOP_BOUND_MS);
      });
      try {
        const [code, signal] = await Promise.race([ended, bound]);
        return { code, signal };
      } finally {
        clearTimeout(timer);
      }
    },
    output: () => `${lines.join('\n')}\n${stderr}`,
  };
}

describe('one Ctrl-C (SIGINT) stops the bot', function () {
  this.timeout(STOP_BOUND_MS + 30_000);
  let bot: Bot | undefined;

  afterEach(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    if (bot) await rm(bot.dataDir, { recursive: true, force: true });
    bot = undefined;
  });

  async function listening(started: Bot): Promise<string> {
    const line = await started.line(/meeting bot listening on/);
    const url = /listening on (http:\/\/[^/]+)\/api\/messages/.exec(line)![1]!;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    return url;
  }

  it('when idle: it stops cleanly, and the sandbox takes its state file with it', async () => {
    bot = await spawnBot();
    await listening(bot);
    await access(sandboxStatePath(bot.dataDir));
    bot.child.kill('SIGINT');
    assert.deepEqual(await bot.exited(), { code: 0, signal: null }, bot.output());
    await assert.rejects(access(sandboxStatePath(bot.dataDir)));
  });

  it('with a lobby watch open: the long-polling event channel does not hold the bot up', async () => {
    bot = await spawnBot();
    const url = await listening(bot);
    const channel = await LocalChannel.start({ botUrl: `${url}/api/messages`, users: defaultPeople });
    try {
      const alice = channel.personalChat('alice@contoso.com');
      await alice.send('watch my meeting Budget review');
      await alice.waitFor((event) => event.rendered.includes("I'm watching the lobby of"), { timeoutMs: 15_000 });
      bot.child.kill('SIGINT');
      assert.deepEqual(await bot.exited(), { code: 0, signal: null }, bot.output());
    } finally {
      await channel.close();
    }
  });

  it('while a request is in flight: the request does not hold the bot up', async () => {
    bot = await spawnBot();
    const url = new URL(await listening(bot));
    // A client that sent its headers and never finishes the body: the request stays in flight.
    const stuck = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
    stuck.on('error', () => undefined); // the bot closes it on the way out
    stuck.write('{"type":"message"');
    await new Promise((resolve) => setTimeout(resolve, 200)); // let it arrive: this is ordering, not a timed assertion
    bot.child.kill('SIGINT');
    const exit = await bot.exited();
    stuck.destroy();
    assert.equal(exit.signal, null, bot.output());
    assert.equal(exit.code, 0, bot.output());
  });

  it('while the sandbox is starting: it finishes starting, then stops everything it started', async () => {
    bot = await spawnBot();
    // Logged just before the simulators start.
    await bot.line(/MicrosoftAppId is not set/);
    bot.child.kill('SIGINT');
    assert.deepEqual(await bot.exited(), { code: 0, signal: null }, bot.output());
    assert.match(bot.output(), /shutting down/);
    await assert.rejects(access(sandboxStatePath(bot.dataDir)), 'no state file left behind for npm run sim to trip over');
  });
});

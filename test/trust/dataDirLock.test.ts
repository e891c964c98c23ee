import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError, lockDataDir } from '../../src/storage/index.js';

const entryPoint = fileURLToPath(new URL('../../src/index.js', import.meta.url));

describe('one process per data folder', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-lock-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second holder while the first holds the folder, and frees it on release', async () => {
    const first = await lockDataDir(dataDir);
    await assert.rejects(lockDataDir(dataDir), DataDirLockedError);
    await first.release();
    const second = await lockDataDir(dataDir);
    await second.release();
  });

  it('takes over a lock whose process is gone (a crash)', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    await writeFile(join(dataDir, 'bot.lock'), JSON.stringify({ pid: deadPid, host: hostname(), token: 'old', since: 'earlier' }));
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });

  it('treats a damaged lock file as free', async () => {
    await writeFile(join(dataDir, 'bot.lock'), '{"pid": 12');
    const lock = await lockDataDir(dataDir);
    await lock.release();
  });

  it('refuses a second bot process with one line, and lets a restart after SIGKILL start', async function () {
    this.timeout(60_000);
    const first = startBot(dataDir);
    await listening(first);
    const second = startBot(dataDir);
    const { code, stderr } = await exited(second);
    assert.equal(code, 1);
    assert.match(stderr.trim(), /^Not started: DATA_DIR is in use by another bot process \(pid \d+ on /);
    assert.equal(stderr.trim().split('\n').length, 1);
    first.kill('SIGKILL');
    await exited(first);
    const third = startBot(dataDir);
    await listening(third);
    third.kill('SIGTERM');
    assert.equal((await exited(third)).code, 0);
  });
});

function startBot(dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--disable-warning=DEP0111', entryPoint], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('meeting bot listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bot exited early with ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, stderr });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

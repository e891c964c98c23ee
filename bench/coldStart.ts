/**
 * Bench line 6, part one: cold start, from spawning `node dist/src/index.js` (sandbox mode, an empty data folder)
 * to the first `GET /healthz` 200, against a baseline measured in the same run: spawning the echo bot (restify +
 * CloudAdapter, the same packages) to its first answer. Each start is bounded; each process is stopped after.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkChild, stopChild } from './throughput/ipc.js';
import { startFlags } from './startFlags.js';

export interface ColdStartResult {
  starts: number;
  botMedianMs: number;
  echoMedianMs: number;
  ratio: number;
}

const startLimitMs = 30_000;

export async function benchColdStart(starts = 3): Promise<ColdStartResult> {
  const bot: number[] = [];
  const echo: number[] = [];
  for (let index = 0; index < starts; index += 1) {
    bot.push(await botStart());
    echo.push(await echoStart());
  }
  const botMedianMs = median(bot);
  const echoMedianMs = median(echo);
  return { starts, botMedianMs, echoMedianMs, ratio: Math.round((botMedianMs / echoMedianMs) * 10) / 10 };
}

async function botStart(): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-cold-'));
  const port = await freePort();
  const entry = fileURLToPath(new URL('../src/index.js', import.meta.url));
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), entry], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    while (performance.now() - started < startLimitMs) {
      if (child.exitCode !== null) throw new Error(`the bot exited (code ${child.exitCode}) before /healthz answered`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`/healthz did not answer 200 within ${startLimitMs} ms`);
  } finally {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function echoStart(): Promise<number> {
  const started = performance.now();
  const { child } = await forkChild<{ url: string }>('./target.js', ['echo'], { readyTimeoutMs: startLimitMs });
  const elapsed = performance.now() - started;
  await stopChild(child);
  return elapsed;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

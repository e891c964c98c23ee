/**
 * Child process of the throughput bench: one target, either the real bot (sandbox mode, fresh data folder,
 * pointed at the simulators' process) or the echo bot built from the same packages (restify + CloudAdapter,
 * anonymous): the floor that parses, authenticates and replies, nothing else.
 * argv: `bot` | `echo`; env BENCH_SIMULATORS: the simulators' addresses (JSON). Answers `{ url }` when listening.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { startApp } from '../../src/app.js';
import type { ServiceEndpoints } from '../../src/capabilities/index.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { FileStorage } from '../../src/storage/index.js';
import { sandboxPerson } from '../../src/sandbox/people.js';
import type { PasswordCredentials } from '../../src/ucwa/index.js';
import { startEchoBot } from '../../test/localChannel/echoBot.js';
import { stopOnSignal, tellParent, type SimulatorAddresses } from './ipc.js';

const mode = process.argv[2];

/**
 * `{ profile: 'start' }` / `{ profile: 'stop', path }` from the parent: a CPU profile (the same format as
 * `node --cpu-prof`) of exactly the timed rounds, without start-up and set-up in it.
 */
const inspector = new Session();
process.on('message', (message: { profile?: 'start' | 'stop'; path?: string; counters?: true; memory?: true; lagMs?: number; heapSnapshot?: string; memoryDetail?: true; smaps?: string }) => {
  void (async () => {
    if (message.counters) {
      await flushKeyTrace();
      return tellParent({ counters: { ...storageCalls } });
    }
    if (message.memory) return tellParent({ memory: await memoryAfterGc() });
    // After the same collections as `memory`, so a snapshot diff matches the figures line 3 reports.
    if (message.memoryDetail) return tellParent({ memoryDetail: await memoryDetail() });
    // `{ smaps: path }`: a copy of /proc/self/smaps after the same collections, to tell which mappings hold RSS.
    if (message.smaps) {
      await memoryAfterGc();
      await writeFile(message.smaps, await readFile('/proc/self/smaps', 'utf8'));
      return tellParent({ smaps: message.smaps });
    }
    if (message.heapSnapshot) {
      await memoryAfterGc();
      return tellParent({ heapSnapshot: writeHeapSnapshot(message.heapSnapshot) });
    }
    if (message.lagMs) return tellParent({ lag: await eventLoopLag(message.lagMs) });
    if (message.profile === 'start') {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 1000 });
      await inspector.post('Profiler.start');
    } else if (message.profile === 'stop' && message.path) {
      const { profile } = await inspector.post('Profiler.stop');
      await writeFile(message.path, JSON.stringify(profile));
      inspector.disconnect();
    }
    tellParent({ profile: message.profile });
  })();
});

/**
 * Storage calls the bot makes (keys read, written, deleted), counted by wrapping FileStorage's methods in this
 * process only: how the bench reports the per-turn storage work without touching the storage module.
 */
const storageCalls = { reads: 0, writes: 0, deletes: 0 };
/**
 * `BENCH_STORAGE_TRACE=<file>`: the keys behind those counts, by shape (ids replaced by `*`), appended to the file at
 * every counters request (so per round): which records a turn reads and writes, for working on one line.
 */
const keyTraceFile = process.env['BENCH_STORAGE_TRACE'];
const keyTrace = keyTraceFile ? new Map<string, number>() : undefined;
const keyShape = (key: string) => key.replace(/[^/:]{16,}/g, '*');
const flushKeyTrace = async () => {
  if (!keyTrace || !keyTraceFile) return;
  const lines = [...keyTrace].sort((a, b) => b[1] - a[1]).map(([shape, count]) => `${String(count).padStart(7)} ${shape}`);
  keyTrace.clear();
  await appendFile(keyTraceFile, `--- ${mode} ${new Date().toISOString()}\n${lines.join('\n')}\n`);
};
for (const [method, counter] of [['read', 'reads'], ['write', 'writes'], ['writeJournaled', 'writes'], ['delete', 'deletes']] as const) {
  const original = FileStorage.prototype[method] as (this: FileStorage, argument: never) => Promise<unknown>;
  (FileStorage.prototype as unknown as Record<string, unknown>)[method] = function (this: FileStorage, argument: string[] | Record<string, unknown>) {
    storageCalls[counter] += Array.isArray(argument) ? argument.length : Object.keys(argument).length;
    if (keyTrace) for (const key of Array.isArray(argument) ? argument : Object.keys(argument)) keyTrace.set(`${counter} ${keyShape(key)}`, (keyTrace.get(`${counter} ${keyShape(key)}`) ?? 0) + 1);
    return original.call(this, argument as never);
  };
}

if (mode === 'echo') {
  const echo = await startEchoBot();
  stopOnSignal(() => echo.close());
  tellParent({ url: echo.url });
} else if (mode === 'bot') {
  const simulators = JSON.parse(process.env['BENCH_SIMULATORS'] ?? '{}') as SimulatorAddresses;
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-bot-'));
  // The bot as `npm start` runs it (its default log level included); stdout goes nowhere, as a supervisor's would.
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'info' });
  config.huawei.admins = simulators.huaweiAdmins;
  const logger = createLogger({ level: config.logLevel });
  const endpoints: ServiceEndpoints = {
    ucwa: { discoveryUrl: simulators.ucwaDiscoveryUrl, format: config.ucwa.format, userAgent: config.ucwa.userAgent, sandbox: true, sandboxCredentials },
    huawei: { endpoint: simulators.huaweiOrigin, appId: simulators.huaweiAppId, appKey: simulators.huaweiAppKey, sandbox: true },
  };
  const app = await startApp(config, logger, endpoints);
  stopOnSignal(async () => {
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  tellParent({ url: `${app.url}/api/messages` });
} else {
  process.stderr.write('usage: target.js bot|echo\n');
  process.exit(2);
}

/**
 * The sandbox's people sign in to the UCWA simulator with their documented passwords, as in `npm start`; the scale
 * bench's bulk organizers (BENCH_UCWA_BULK: `{ "pattern": "^org\\d+@contoso\\.com$", "password": "…" }`) with theirs.
 */
const bulk = process.env['BENCH_UCWA_BULK'] ? (JSON.parse(process.env['BENCH_UCWA_BULK']) as { pattern: string; password: string }) : undefined;
const bulkPattern = bulk ? new RegExp(bulk.pattern, 'u') : undefined;
function sandboxCredentials(upn: string): PasswordCredentials | undefined {
  if (bulk && bulkPattern?.test(upn)) return { kind: 'password', username: upn, password: bulk.password };
  const person = sandboxPerson(upn);
  return person?.password ? { kind: 'password', username: person.upn, password: person.password } : undefined;
}

/**
 * RSS and heap after full collections (the process runs with --expose-gc when the parent wants this), and the part
 * of the heap that is compiled code (line 3 tells code, a fixed cost, from the organizers' objects).
 */
async function memoryAfterGc(): Promise<{ rss: number; rssAtOnce: number; rssSeries: number[]; heapUsed: number; external: number; code: number; youngGeneration: number; heapPages: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let pass = 0; pass < 3; pass += 1) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const rssAtOnce = process.memoryUsage().rss;
  const rssSeries = await settledRss();
  const usage = process.memoryUsage();
  const spaces = getHeapSpaceStatistics();
  const sum = (pick: (name: string) => boolean, size: (space: (typeof spaces)[number]) => number) => spaces.filter((space) => pick(space.space_name)).reduce((total, space) => total + size(space), 0);
  return {
    rss: rssSeries[rssSeries.length - 1] ?? usage.rss,
    rssAtOnce,
    rssSeries,
    heapUsed: usage.heapUsed,
    external: usage.external + usage.arrayBuffers,
    code: sum((name) => name.startsWith('code_'), (space) => space.space_used_size),
    // Pages V8's young generation holds in RSS (empty after the collections above), and all of V8's pages.
    youngGeneration: sum((name) => name.startsWith('new_'), (space) => space.physical_space_size),
    heapPages: sum(() => true, (space) => space.physical_space_size),
  };
}

/**
 * RSS once it has settled after the collections, read exactly (/proc/self/smaps_rollup walks the page tables), every
 * 100 ms until it moves by less than 0.5 MB (at most 3 s): the samples, the last one the figure.
 */
async function settledRss(): Promise<number[]> {
  const read = async () => {
    const rollup = await readFile('/proc/self/smaps_rollup', 'utf8').catch(() => '');
    const kb = /^Rss:\s+(\d+) kB$/mu.exec(rollup)?.[1];
    return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
  };
  const series = [await read()];
  for (let tries = 0; tries < 30; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    series.push(await read());
    if (Math.abs(series[series.length - 1]! - series[series.length - 2]!) < 512 * 1024) break;
  }
  return series;
}

/**
 * Where the memory is (after GC): V8's spaces, memory outside the heap, and what keeps the event loop alive; and RSS
 * split by what backs it (Linux's /proc/self/status: anonymous pages, file pages such as node's own code), so that
 * the anonymous part beyond V8's pages (malloc: sockets, parsers, buffers) can be told from the heap.
 */
async function memoryDetail(): Promise<{ usage: NodeJS.MemoryUsage; spaces: Record<string, { size: number; used: number; physical: number }>; resources: Record<string, number>; rssKinds: Record<string, number>; settled: { rssAtOnce: number; rssSeries: number[] } }> {
  const settled = await memoryAfterGc();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, { size: space.space_size, used: space.space_used_size, physical: space.physical_space_size }]));
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
  return { usage: process.memoryUsage(), spaces, resources, rssKinds: await rssKinds(), settled };
}

/** RssAnon, RssFile and RssShmem in bytes (empty where /proc is not there). */
async function rssKinds(): Promise<Record<string, number>> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kinds: Record<string, number> = {};
  for (const match of status.matchAll(/^(Rss\w+):\s+(\d+) kB$/gmu)) kinds[match[1]!] = Number(match[2]) * 1024;
  return kinds;
}

/** Event-loop delay over `ms` while nothing is asked of the bot: p50 / p99 / max in milliseconds. */
async function eventLoopLag(ms: number): Promise<{ p50: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  histogram.disable();
  // Each sample is the time between two ticks of a 10 ms timer, so the delay is what exceeds those 10 ms.
  const toMs = (ns: number) => Math.max(0, Math.round((ns / 1e6 - 10) * 100) / 100);
  return { p50: toMs(histogram.percentile(50)), p99: toMs(histogram.percentile(99)), max: toMs(histogram.max) };
}

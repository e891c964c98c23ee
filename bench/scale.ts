/**
 * Bench lines 2 and 3, at scale: N organizers signed in to the UCWA simulator (bulk users), each watching a meeting
 * of their own with an event channel, in the real bot (sandbox mode) in a process of its own.
 * Line 2: lobby arrivals at a steady rate spread over 1,000 of them, timed from the simulator emitting the event to
 * the card reaching the connector. Line 3: the bot's RSS and heap after GC, per idle organizer, at two sizes, and
 * its event-loop delay while they idle. The simulators and the load (users + connector) run in processes of their own.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { forkChild, nextMessage, stopChild, type SimulatorAddresses } from './throughput/ipc.js';
import type { ArrivalResult, Organizer, ScaleAnswer, ScaleCommand } from './scale/load.js';
import { startFlags } from './startFlags.js';

export interface ScaleOptions {
  /** Organizers while alerts are timed (line 2) and the first memory point (line 3). */
  organizers: number;
  /** The second memory point (line 3). */
  organizersLarge: number;
  arrivalsPerSecond: number;
  arrivalSeconds: number;
  /** How long idle event-loop delay is sampled. */
  idleLagMs: number;
  /** A CPU profile of the bot while the alerts are timed (line 2), written here (`node --cpu-prof`'s format). */
  profilePath?: string;
}

export interface MemoryPoint {
  organizers: number;
  rssBytesPerOrganizer: number;
  heapBytesPerOrganizer: number;
  /** Event-loop delay while they idle (ms). */
  lag: { p50: number; p99: number; max: number };
  watchSeconds: number;
}

export interface ScaleResult {
  alerts: { organizers: number; perSecond: number; seconds: number; sent: number; delivered: number; lost: number; failedArrivals: number; p50Ms: number; p99Ms: number; maxMs: number; failures: string[] };
  memory: MemoryPoint[];
  baseline: { rss: number; heapUsed: number };
  watchFailures: string[];
}

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

export const ALERT_P99_TARGET_MS = 50;
export const BYTES_PER_ORGANIZER_TARGET = 20 * 1024;
export const IDLE_LAG_P99_TARGET_MS = 20;
export const BULK_PASSWORD = 'Bench-Organizer-1';
const answerTimeoutMs = 20 * 60_000;

/**
 * The scale set-up, each part in a process of its own: the simulators with `count` bulk organizers, the bot (sandbox
 * mode, pointed at them, able to answer memory questions) and the load (users and connector). Every child is pushed
 * onto `children` as soon as it runs, so the caller's clean-up stops it even when a later one fails to start.
 */
export async function startScaleProcesses(count: number, children: ChildProcess[]) {
  const simulators = await forkChild<SimulatorAddresses>('./simulators.js', []);
  children.push(simulators.child);
  const organizers = await bulkOrganizers(simulators.ready.ucwaOrigin, count);
  const env = {
    BENCH_SIMULATORS: JSON.stringify(simulators.ready),
    BENCH_UCWA_BULK: JSON.stringify({ pattern: '^org\\d+@contoso\\.com$', password: BULK_PASSWORD }),
    // One info line per sign-in and watch at 10,000 organizers is log volume, not the bot's cost.
    BENCH_LOG_LEVEL: 'warn',
  };
  const bot = await forkChild<{ url: string }>('./target.js', ['bot'], { env, execArgv: ['--expose-gc', ...startFlags()] });
  children.push(bot.child);
  const load = await forkChild<{ kind: 'ready' }>('../scale/load.js', [], { execArgv: ['--max-old-space-size=4096', '--disable-warning=DEP0111'] });
  children.push(load.child);
  return { simulators, organizers, bot, load };
}

export async function benchScale(options: ScaleOptions): Promise<ScaleResult> {
  const children: ChildProcess[] = [];
  try {
    const { simulators, organizers, bot, load } = await startScaleProcesses(Math.max(options.organizers, options.organizersLarge), children);
    const ask = async <K extends ScaleAnswer['kind']>(command: ScaleCommand, expected: K): Promise<Extract<ScaleAnswer, { kind: K }>> => {
      load.child.send(command);
      const answer = await nextMessage<ScaleAnswer>(load.child, answerTimeoutMs, 'scale load');
      if (answer.kind === 'failed') throw new Error(`scale load: ${answer.message}`);
      if (answer.kind !== expected) throw new Error(`scale load answered ${answer.kind}, not ${expected}`);
      return answer as Extract<ScaleAnswer, { kind: K }>;
    };
    const botAsk = async <T>(message: object, key: string): Promise<T> => {
      bot.child.send(message);
      return (await nextMessage<Record<string, T>>(bot.child, answerTimeoutMs, `bot ${key}`))[key]!;
    };
    await ask({ kind: 'prepare', botUrl: bot.ready.url, ucwaOrigin: simulators.ready.ucwaOrigin }, 'prepared');
    // Warm the bot's paths (JIT, recognizer, storage, one sign-in) with a first organizer who is counted like the rest,
    // then measure the baseline with that one organizer and grow from there.
    const first = await ask({ kind: 'watch', organizers: organizers.slice(0, 1), concurrency: 1 }, 'watched');
    if (first.watched !== 1) throw new Error(`the first organizer could not watch: ${first.failures.join(' | ')}`);
    const baseline = await botAsk<Memory>({ memory: true }, 'memory');
    const memory: MemoryPoint[] = [];
    const watchFailures: string[] = [];
    let watchedSoFar = 1;
    const grow = async (target: number): Promise<void> => {
      const answer = await ask({ kind: 'watch', organizers: organizers.slice(watchedSoFar, target), concurrency: 16 }, 'watched');
      watchFailures.push(...answer.failures);
      const added = answer.watched - watchedSoFar;
      watchedSoFar = answer.watched;
      // Let sign-ins' and turns' leftovers settle (timers, sockets) before the idle measurements.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = await botAsk<Memory>({ memory: true }, 'memory');
      const lag = await botAsk<MemoryPoint['lag']>({ lagMs: options.idleLagMs }, 'lag');
      const count = watchedSoFar - 1;
      memory.push({
        organizers: watchedSoFar,
        rssBytesPerOrganizer: Math.round((after.rss - baseline.rss) / Math.max(1, count)),
        heapBytesPerOrganizer: Math.round((after.heapUsed - baseline.heapUsed) / Math.max(1, count)),
        lag,
        watchSeconds: Math.round(answer.seconds * 10) / 10,
      });
      if (added <= 0) throw new Error(`no organizer could watch: ${answer.failures.join(' | ')}`);
    };
    await grow(options.organizers);
    if (options.profilePath) {
      mkdirSync(dirname(options.profilePath), { recursive: true });
      await botAsk<string>({ profile: 'start' }, 'profile');
    }
    const arrivals = await ask({ kind: 'arrivals', count: Math.round(options.arrivalsPerSecond * options.arrivalSeconds), perSecond: options.arrivalsPerSecond, graceMs: 10_000 }, 'arrivals');
    if (options.profilePath) await botAsk<string>({ profile: 'stop', path: options.profilePath }, 'profile');
    if (options.organizersLarge > options.organizers) await grow(options.organizersLarge);
    return { alerts: alertFigures(options, arrivals.result), memory, baseline: { rss: baseline.rss, heapUsed: baseline.heapUsed }, watchFailures: watchFailures.slice(0, 5) };
  } finally {
    await Promise.allSettled(children.reverse().map((child) => stopChild(child)));
  }
}

/** Bulk organizers in the UCWA simulator, each with one meeting, through its control API. */
export async function bulkOrganizers(ucwaOrigin: string, count: number): Promise<Organizer[]> {
  const response = await fetch(`${ucwaOrigin}/_sim/users/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count, prefix: 'org', password: BULK_PASSWORD }),
    signal: AbortSignal.timeout(60_000),
  });
  if (response.status !== 201) throw new Error(`bulk users: HTTP ${response.status} ${await response.text()}`);
  const { users } = (await response.json()) as { users: Array<{ user: string; meetingId: string; subject: string }> };
  return users.map((user, index) => ({ upn: user.user, name: `Organizer ${index + 1}`, meetingId: user.meetingId, subject: user.subject }));
}

function alertFigures(options: ScaleOptions, result: ArrivalResult): ScaleResult['alerts'] {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const at = (fraction: number) => (sorted.length === 0 ? 0 : Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]! * 10) / 10);
  return {
    organizers: options.organizers,
    perSecond: options.arrivalsPerSecond,
    seconds: options.arrivalSeconds,
    sent: result.sent,
    delivered: sorted.length,
    lost: result.lost,
    failedArrivals: result.failedArrivals,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    failures: result.failures,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Lines 2 and 3 as table rows, each with its target and verdict. */
export function scaleTable(result: ScaleResult): string {
  const a = result.alerts;
  const alertPass = a.p99Ms <= ALERT_P99_TARGET_MS && a.lost === 0 && a.failedArrivals === 0 && a.delivered > 0;
  const rows = [
    `| 2 | alert latency: ${a.organizers} organizers watching, ${a.perSecond} lobby arrivals/s for ${a.seconds} s (simulator emits → card at connector) | p50 ${a.p50Ms} / p99 ${a.p99Ms} / max ${a.maxMs} ms; ${a.delivered} of ${a.sent} delivered, ${a.lost} lost | p99 ≤ ${ALERT_P99_TARGET_MS} ms, none lost | ${alertPass ? 'PASS' : 'FAIL'} |`,
    ...result.memory.map((point) => {
      const pass = point.rssBytesPerOrganizer <= BYTES_PER_ORGANIZER_TARGET && point.heapBytesPerOrganizer <= BYTES_PER_ORGANIZER_TARGET;
      return `| 3 | memory per idle signed-in organizer at N = ${point.organizers} (after GC, over a 1-organizer baseline) | RSS ${kb(point.rssBytesPerOrganizer)}, heap ${kb(point.heapBytesPerOrganizer)} | ≤ ${kb(BYTES_PER_ORGANIZER_TARGET)} each | ${pass ? 'PASS' : 'FAIL'} |`;
    }),
    ...result.memory.map(
      (point) =>
        `| 3 | event-loop delay while ${point.organizers} organizers idle | p50 ${point.lag.p50} / p99 ${point.lag.p99} / max ${point.lag.max} ms | p99 ≤ ${IDLE_LAG_P99_TARGET_MS} ms | ${point.lag.p99 <= IDLE_LAG_P99_TARGET_MS ? 'PASS' : 'FAIL'} |`,
    ),
  ];
  return rows.join('\n');
}

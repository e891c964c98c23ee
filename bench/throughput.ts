/**
 * Bench line 1, command throughput: the bot against an echo bot built from the same packages, driven by the same
 * closed loop of Teams users through one local Bot Connector, alternating in one run. Four processes: the
 * simulators, the bot, the echo bot and the load (users + connector), so each one's CPU is its own.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BULK_PASSWORD, bulkOrganizers } from './scale.js';
import { startFlags } from './startFlags.js';
import { ADMIT_SENTENCE, forkChild, nextMessage, stopChild, type LoadAnswer, type LoadCommand, type RoundResult, type SimulatorAddresses } from './throughput/ipc.js';

export interface ThroughputOptions {
  /** Timed rounds per sentence and target (alternating bot/echo, order swapped each round). */
  rounds: number;
  roundMs: number;
  warmupMs: number;
  users: number;
  /** Extra node flags for the bot's process. */
  botExecArgv?: string[];
  /** Folder for a CPU profile of the bot and of the echo bot per sentence, covering their timed rounds only (the last round). */
  profileDir?: string;
  /** Only these sentences (default: all). */
  only?: string[];
  /** Admit sentence: alert cards each user presses per round at most (one organizer and meeting per card). */
  admitCardsPerUser: number;
}

export interface TargetFigures {
  repliesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface ThroughputLine {
  sentence: string;
  bot: TargetFigures;
  echo: TargetFigures;
  /** bot replies/s ÷ echo replies/s over all rounds. */
  ratio: number;
  /** The same ratio per round, to show how steady it is. */
  roundRatios: number[];
  failures: string[];
  /** CPU the bot's process and the simulators' process used per bot reply (ms), and the echo's per echo reply. */
  cpuMsPerReply: { bot: number; simulators: number; echo: number; load: number };
  /** Storage keys the bot read, wrote and deleted per reply. */
  storagePerReply: { reads: number; writes: number; deletes: number };
}

export interface ThroughputResult {
  users: number;
  rounds: number;
  roundMs: number;
  lines: ThroughputLine[];
  notes: string[];
}

export const THROUGHPUT_TARGET = 0.8;
export const sentences = ['help', 'list ongoing meetings', "who's in the lobby", ADMIT_SENTENCE] as const;

const answerTimeoutMs = 60_000;

export async function benchThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const children: ChildProcess[] = [];
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true });
  try {
    const simulators = await forkChild<SimulatorAddresses>('./simulators.js', []);
    children.push(simulators.child);
    // The admit sentence's organizers are the simulator's bulk users, signed in with their bulk password.
    const env = { BENCH_SIMULATORS: JSON.stringify(simulators.ready), BENCH_UCWA_BULK: JSON.stringify({ pattern: '^org\\d+@contoso\\.com$', password: BULK_PASSWORD }) };
    const bot = await forkChild<{ url: string }>('./target.js', ['bot'], { env, execArgv: [...startFlags(), ...(options.botExecArgv ?? [])] });
    children.push(bot.child);
    // The echo bot runs with the same flags: the floor is the same stack, tuned the same way.
    const echo = await forkChild<{ url: string }>('./target.js', ['echo'], { execArgv: startFlags() });
    children.push(echo.child);
    const load = await forkChild<{ kind: 'ready' }>('./load.js', []);
    children.push(load.child);
    const ask = async (command: LoadCommand): Promise<LoadAnswer> => {
      load.child.send(command);
      const answer = await nextMessage<LoadAnswer>(load.child, answerTimeoutMs + (command.kind === 'round' ? command.durationMs : 0), 'load');
      if (answer.kind === 'failed') throw new Error(`load: ${answer.message}`);
      return answer;
    };
    const prepared = await ask({ kind: 'prepare', botUrl: bot.ready.url, echoUrl: echo.ready.url, simulators: simulators.ready, users: options.users });
    const notes = prepared.kind === 'prepared' ? prepared.notes : [];
    const cpu = { bot: 0, simulators: 0, echo: 0, load: 0, botReplies: 0, echoReplies: 0 };
    const round = async (target: 'bot' | 'echo', text: string, durationMs: number, counted = true): Promise<RoundResult> => {
      const before = { target: cpuMs(target === 'bot' ? bot.child : echo.child), simulators: cpuMs(simulators.child), load: cpuMs(load.child) };
      const answer = await ask({ kind: 'round', target, text, durationMs });
      if (answer.kind !== 'round') throw new Error(`load answered ${answer.kind} to a round`);
      // The admit line's CPU per press includes what each press leaves to do after its answer (the card's update
      // and its record): the bot's CPU is read once its storage is quiet.
      if (counted && target === 'bot' && text === ADMIT_SENTENCE) await quiet();
      if (counted) {
        cpu[target] += cpuMs(target === 'bot' ? bot.child : echo.child) - before.target;
        if (target === 'bot') {
          cpu.simulators += cpuMs(simulators.child) - before.simulators;
          cpu.load += cpuMs(load.child) - before.load;
          cpu.botReplies += answer.result.replies;
        } else cpu.echoReplies += answer.result.replies;
      }
      return answer.result;
    };
    const lines: ThroughputLine[] = [];
    type Counters = { reads: number; writes: number; deletes: number };
    const storageCounters = async (): Promise<Counters> => {
      bot.child.send({ counters: true });
      return (await nextMessage<{ counters: Counters }>(bot.child, answerTimeoutMs, 'bot counters')).counters;
    };
    /**
     * Waits until the bot's storage has been still for 400 ms (longer than a recount's window; at most 10 s) and
     * answers its counters then: the admit line's presses leave work behind them (the card's update, its record).
     */
    const quiet = async (): Promise<Counters> => {
      let last = await storageCounters();
      const started = performance.now();
      for (let still = 0; still < 4 && performance.now() - started < 10_000; ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await storageCounters();
        still = now.reads === last.reads && now.writes === last.writes && now.deletes === last.deletes ? still + 1 : 0;
        last = now;
      }
      return last;
    };
    /** Storage work of refills (alert cards sent), kept out of the admit line's per-press figures. */
    const refillStorage = { reads: 0, writes: 0, deletes: 0 };
    /** Before a bot round of the admit sentence, a fresh alert card per press: outside the timed and profiled part. */
    const readyFor = async (target: 'bot' | 'echo', sentence: string): Promise<void> => {
      if (sentence !== ADMIT_SENTENCE || target !== 'bot') return;
      const before = await storageCounters();
      const answer = await ask({ kind: 'refill' });
      if (answer.kind !== 'refilled') throw new Error(`load answered ${answer.kind} to a refill`);
      // A card is at the connector before the bot has recorded it as sent: its last writes must not count (nor their
      // CPU be spent) in the round that follows.
      const after = await quiet();
      for (const key of ['reads', 'writes', 'deletes'] as const) refillStorage[key] += after[key] - before[key];
    };
    for (const sentence of sentences.filter((text) => !options.only || options.only.includes(text))) {
      if (sentence === ADMIT_SENTENCE) {
        const organizers = await bulkOrganizers(simulators.ready.ucwaOrigin, options.users * options.admitCardsPerUser);
        const prepared = await ask({ kind: 'prepareAdmit', organizers });
        if (prepared.kind === 'prepared') notes.push(...prepared.notes);
      }
      // Warm both (JIT, caches, connections) before anything counts.
      await readyFor('bot', sentence);
      await round('bot', sentence, options.warmupMs, false);
      await round('echo', sentence, options.warmupMs, false);
      Object.assign(cpu, { bot: 0, simulators: 0, echo: 0, load: 0, botReplies: 0, echoReplies: 0 });
      const botRounds: RoundResult[] = [];
      const echoRounds: RoundResult[] = [];
      // The echo bot is profiled too: what the bot spends beyond it is the difference of the two profiles.
      const profiling = async (target: 'bot' | 'echo', step: 'start' | 'stop') => {
        if (!options.profileDir) return;
        const child = target === 'bot' ? bot.child : echo.child;
        child.send({ profile: step, path: join(options.profileDir, `${target}-${sentence.replace(/[^a-z]+/giu, '-')}.cpuprofile`) });
        await nextMessage(child, answerTimeoutMs, `${target} profiler`);
      };
      Object.assign(refillStorage, { reads: 0, writes: 0, deletes: 0 });
      const storageBefore = await storageCounters();
      for (let index = 0; index < options.rounds; index += 1) {
        const order: Array<'bot' | 'echo'> = index % 2 === 0 ? ['bot', 'echo'] : ['echo', 'bot'];
        for (const target of order) {
          await readyFor(target, sentence);
          await profiling(target, 'start');
          (target === 'bot' ? botRounds : echoRounds).push(await round(target, sentence, options.roundMs));
          await profiling(target, 'stop');
        }
      }
      const storageAfter = await storageCounters();
      const per = (ms: number, replies: number) => Math.round((ms / Math.max(1, replies)) * 100) / 100;
      lines.push({
        ...line(sentence, botRounds, echoRounds),
        storagePerReply: {
          reads: per(storageAfter.reads - storageBefore.reads - refillStorage.reads, cpu.botReplies),
          writes: per(storageAfter.writes - storageBefore.writes - refillStorage.writes, cpu.botReplies),
          deletes: per(storageAfter.deletes - storageBefore.deletes - refillStorage.deletes, cpu.botReplies),
        },
        cpuMsPerReply: { bot: per(cpu.bot, cpu.botReplies), simulators: per(cpu.simulators, cpu.botReplies), load: per(cpu.load, cpu.botReplies), echo: per(cpu.echo, cpu.echoReplies) },
      });
    }
    return { users: options.users, rounds: options.rounds, roundMs: options.roundMs, lines, notes };
  } finally {
    await Promise.allSettled(children.reverse().map((child) => stopChild(child)));
  }
}

/** CPU time (user + system) a child has used so far, from /proc (Linux); 0 elsewhere, where the column reads 0. */
function cpuMs(child: ChildProcess): number {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function line(sentence: string, botRounds: RoundResult[], echoRounds: RoundResult[]): Omit<ThroughputLine, 'cpuMsPerReply' | 'storagePerReply'> {
  const bot = figures(botRounds);
  const echo = figures(echoRounds);
  const rate = (result: RoundResult) => result.replies / result.seconds;
  return {
    sentence,
    bot,
    echo,
    ratio: round2(echo.repliesPerSecond > 0 ? bot.repliesPerSecond / echo.repliesPerSecond : 0),
    roundRatios: botRounds.map((result, index) => round2(rate(result) / Math.max(1e-9, rate(echoRounds[index]!)))),
    failures: [...botRounds, ...echoRounds].flatMap((result) => result.failures).slice(0, 5),
  };
}

function figures(rounds: RoundResult[]): TargetFigures {
  const latencies = rounds.flatMap((result) => result.latenciesMs).sort((a, b) => a - b);
  const replies = rounds.reduce((sum, result) => sum + result.replies, 0);
  const seconds = rounds.reduce((sum, result) => sum + result.seconds, 0);
  return {
    repliesPerSecond: Math.round((replies / Math.max(seconds, 1e-9)) * 10) / 10,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors: rounds.reduce((sum, result) => sum + result.errors, 0),
  };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 10) / 10;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The markdown table: one row per sentence, with the target and its verdict. */
export function throughputTable(result: ThroughputResult): string {
  const rows = result.lines.map((entry) => {
    const verdict = entry.ratio >= THROUGHPUT_TARGET && entry.bot.errors === 0 ? 'PASS' : 'FAIL';
    const cpu = entry.cpuMsPerReply;
    return `| 1 | ${entry.sentence} | ${entry.bot.repliesPerSecond} | ${entry.echo.repliesPerSecond} | **${entry.ratio}** (${entry.roundRatios.join(' / ')}) | ${entry.bot.p50Ms} / ${entry.bot.p99Ms} | ${entry.echo.p50Ms} / ${entry.echo.p99Ms} | ${cpu.bot} / ${cpu.echo} / ${cpu.simulators} / ${cpu.load} | ${entry.storagePerReply.reads} / ${entry.storagePerReply.writes} / ${entry.storagePerReply.deletes} | ${entry.bot.errors} | ≥ ${THROUGHPUT_TARGET} | ${verdict} |`;
  });
  return [
    '| line | sentence | bot replies/s | echo replies/s | ratio (per round) | bot p50 / p99 ms | echo p50 / p99 ms | CPU ms per reply: bot / echo / simulators / load | bot storage keys per reply: read / written / deleted | bot errors | target | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * `npm run bench`: every benchmark reports ratios against a baseline measured in the same run, so results compare
 * across machines; the only verdicts are those ratios against their targets, never a timed assertion in the tests.
 * `--quick` (CI, about a minute): the throughput line with short rounds, printed, BENCHMARKS.md left alone.
 * `--profile`: a CPU profile of the bot and of the echo bot per sentence, their last timed round only, and of the bot while line 2's
 * alerts are timed (bench-profiles/, `node --cpu-prof`'s format; `node dist/scripts/bench/profileSummary.js <file>` summarises one).
 * `--only=<sentence>[,<sentence>]`: only those sentences of the throughput line ("pressing Admit on an alert card" is the card press).
 * `--admit-cards=<n>`: alert cards each user may press per round in that line (default 30, quick 2).
 */
import { cpus, platform, release, totalmem } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { benchCards, type CardCost } from './cards.js';
import { benchColdStart, type ColdStartResult } from './coldStart.js';
import { benchEventChannels } from './eventChannels.js';
import { benchNlu, type NluBenchResult } from './nlu.js';
import { LONGEST_COMMAND } from '../src/nlu/recognizer.js';
import { benchStorage } from './storage.js';
import { benchThroughput, throughputTable, type ThroughputResult } from './throughput.js';
import { benchScale, scaleTable } from './scale.js';
import { benchFanout, fanoutTable } from './fanout.js';
import { benchHuaweiListing, listingTable } from './huaweiListing.js';

/**
 * Issue 11's bound on the recognizer's tail; the rest of line 6 has no target (issue 12 asks for the figures). Declared
 * before the top-level awaits below, which reach line6Table: a const declared after them was not yet initialised.
 */
const RECOGNIZER_P99_TARGET_MS = 10;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
/**
 * Hard stop: a hung child must not hold CI. The quick run takes 45–60 s on two idle cores and longer when they are
 * shared, so its stop sits well above that: it is there for hangs, not as a speed verdict.
 */
const budgetMs = quick ? 180_000 : 45 * 60_000;
/**
 * `--lines=1,2,3,4,5`: only those of lines 1–5 (never line 6, and BENCHMARKS.md is left alone); for working on one
 * line. `--lines=1` is the throughput line alone (with `--only=` and `--profile` as usual).
 */
/** `--organizers-large=<n>`: line 3's second size instead of 10,000 (growing to 10,000 takes 10–20 minutes here). */
const largeArg = ((value) => (value ? Number(value) : undefined))(args.find((arg) => arg.startsWith('--organizers-large='))?.slice('--organizers-large='.length));
const lineArg = args.find((arg) => arg.startsWith('--lines='))?.slice('--lines='.length).split(',');
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: over its ${budgetMs / 1000} s budget; stopping\n`);
  process.exit(1);
}, budgetMs);
watchdog.unref();

const scaleLines = await runScaleLines();
if (lineArg && !lineArg.includes('1')) {
  process.stdout.write(`\n${scaleLines.table}\n`);
  process.exit(process.exitCode ?? 0);
}

/** `--rounds=<n>` and `--round-ms=<ms>`: line 1's rounds, shorter for before/after comparisons while working. */
const numberArg = (name: string) => ((value) => (value ? Number(value) : undefined))(args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3));
const throughput = await benchThroughput({
  rounds: numberArg('rounds') ?? (quick ? 1 : 3),
  roundMs: numberArg('round-ms') ?? (quick ? 2500 : 8000),
  warmupMs: quick ? 750 : 3000,
  users: 20,
  // Bounded by count as well as time: each press uses up an alert card, one organizer and meeting per card.
  admitCardsPerUser: numberArg('admit-cards') ?? (quick ? 2 : 30),
  only,
  profileDir: profile ? resolve('bench-profiles') : undefined,
});
const table = throughputTable(throughput);
process.stdout.write(`\n${table}\n\n${scaleLines.table}\n\n`);
for (const entry of throughput.lines) if (entry.failures.length > 0) process.stdout.write(`${entry.sentence}: ${entry.failures.join(' | ')}\n`);
process.stdout.write(`${JSON.stringify({ bench: 'throughput', ...throughput, lines: undefined })}\n`);
// A ratio below its target is a finding for BENCHMARKS.md, not a failure; a bench that no longer works is one (CI).
const broken = throughput.lines.filter((entry) => entry.bot.errors > 0 || entry.echo.errors > 0 || entry.bot.repliesPerSecond === 0);
if (broken.length > 0) {
  process.stderr.write(`bench: ${broken.map((entry) => `"${entry.sentence}"`).join(', ')} had errors or no replies\n`);
  process.exitCode = 1;
}

if (!quick && !profile && !only && !lineArg) {
  const coldStart = await benchColdStart();
  const nlu = await benchNlu();
  const cards = benchCards();
  const startupTable = line6Table(coldStart, nlu, cards);
  process.stdout.write(`\n${startupTable}\n\n`);
  process.stdout.write(`${JSON.stringify({ bench: 'nlu', ...nlu })}\n`);
  process.stdout.write(
    `recognizer on long texts (ms at 100 / ${LONGEST_COMMAND} characters, the longest it reads; growth per character, ≈ 1 is linear, 5 would be quadratic): ` +
      `${nlu.longInput.map((entry) => `${entry.shape} ${entry.shortMs} / ${entry.longMs} ms (×${entry.growth})`).join('; ')}\n`,
  );
  const others: Array<[string, () => Promise<object>]> = [
    ['storage', () => benchStorage()],
    ['event channels', () => benchEventChannels()],
  ];
  for (const [name, bench] of others) {
    const result = await bench();
    process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
  }
  await writeBenchmarks(throughput, table, startupTable, scaleLines.table);
}

/**
 * Lines 2–5, each in processes of its own (bot, simulators, load or connector). Quick mode runs them small, so CI
 * knows they still work; their verdicts then say nothing about the targets.
 */
async function runScaleLines(): Promise<{ table: string }> {
  const want = (line: string) => !lineArg || lineArg.includes(line);
  const rows: string[] = [];
  if (!['2', '3', '4', '5'].some(want)) return { table: '' };
  if (want('2') || want('3')) {
    const scale = await benchScale({
      ...(quick
        ? { organizers: 10, organizersLarge: 20, arrivalsPerSecond: 5, arrivalSeconds: 2, idleLagMs: 500, warmUpOrganizers: 4 }
        : { organizers: 1000, organizersLarge: largeArg ?? 10_000, arrivalsPerSecond: 20, arrivalSeconds: 60, idleLagMs: 5000, warmUpOrganizers: 32 }),
      profilePath: profile ? resolve('bench-profiles', 'bot-alerts-at-scale.cpuprofile') : undefined,
    });
    rows.push(scaleTable(scale));
    process.stdout.write(`${JSON.stringify({ bench: 'scale', ...scale })}\n`);
    if (scale.alerts.delivered === 0) process.exitCode = 1;
  }
  if (want('4')) {
    const fanout = quick ? await benchFanout(200, 20) : await benchFanout(1000, 100);
    rows.push(fanoutTable(fanout));
    process.stdout.write(`${JSON.stringify({ bench: 'fanout', ...fanout })}\n`);
    if (fanout.lost > 0) process.exitCode = 1;
  }
  if (want('5')) {
    const listing = quick ? await benchHuaweiListing(1000, 1) : await benchHuaweiListing(10_000, 3);
    rows.push(listingTable(listing));
    process.stdout.write(`${JSON.stringify({ bench: 'huawei listing', ...listing })}\n`);
  }
  const table = ['| line | measure | result | target | verdict |', '|---|---|---|---|---|', ...rows].join('\n');
  return { table };
}


/** Line 6: only the recognizer's p99 has a target; the other rows say "report" instead of a verdict. */
function line6Table(coldStart: ColdStartResult, nlu: NluBenchResult, cards: CardCost[]): string {
  const rows = [
    `| 6 | cold start to /healthz 200 (median of ${coldStart.starts}) | ${coldStart.botMedianMs} ms | echo bot spawned to listening: ${coldStart.echoMedianMs} ms | ${coldStart.ratio} | none set | report |`,
    `| 6 | recognizer, per call (median / p99, ${nlu.utterances} corpus sentences) | ${(nlu.medianMs * 1000).toFixed(0)} / ${(nlu.p99Ms * 1000).toFixed(0)} µs | one regex test: ${(nlu.baselineMedianMs * 1000).toFixed(1)} µs | ${nlu.medianRatio.toFixed(0)} | p99 ≤ ${RECOGNIZER_P99_TARGET_MS} ms (issue 11) | ${nlu.p99Ms <= RECOGNIZER_P99_TARGET_MS ? 'PASS' : 'FAIL'} |`,
    ...cards.map((card) => `| 6 | card: ${card.card} (${(card.bytes / 1024).toFixed(1)} KB), per call | ${card.microsPerCall} µs | JSON.stringify of it: ${card.baselineMicros} µs | ${card.ratio} | none set | report |`),
  ];
  return ['| line | measure | bot | baseline | ratio | target | verdict |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * BENCHMARKS.md: the generated part (table, machine, run) above the marker, the hand-written analysis below it
 * kept as it is, since what limits a line is a judgement made from profiles, not something a run can print.
 */
async function writeBenchmarks(result: ThroughputResult, tableText: string, startupText: string, scaleText: string): Promise<void> {
  const path = resolve('BENCHMARKS.md');
  const marker = '<!-- analysis: everything below is written by hand and kept by npm run bench -->';
  const previous = await readFile(path, 'utf8').catch(() => '');
  const analysis = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()} ${release()}, node ${process.version}`;
  const text = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString()}.`,
    '',
    `Machine: ${machine}.`,
    '',
    '## Line 1: command throughput',
    '',
    `${result.users} simulated Teams users in a closed loop through the local Bot Connector; ${result.rounds} rounds of ${result.roundMs / 1000} s per sentence and target, bot and echo alternating (order swapped each round), after a warm-up of each. The simulators, the bot, the echo bot and the load each run in a process of their own.`,
    '',
    tableText,
    '',
    '## Lines 2–5: alerts at scale, capacity, fan-out, Huawei listing',
    '',
    scaleText,
    '',
    '## Line 6: cold start and cost per call',
    '',
    startupText,
    '',
    analysis,
  ].join('\n');
  await writeFile(path, text);
  process.stdout.write(`wrote ${path}\n`);
}

/**
 * `npm run fuzz [-- --count 10000 --seed 42 --concurrency 4 --minutes 30 --case 17,18 --exclude gzip/invalid --json report.json]`:
 * hostile and malformed requests against a bot child process in sandbox mode, then a summary. Exits 1 when any
 * property failed (a process exit, a 5xx, an unanswered request, an error-level line, an apology in chat, memory
 * growth past the bound, /healthz not 200), so it can gate a release.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { familyTable, formatFuzzReport, FuzzHarness } from '../../test/reliability/fuzzRunner.js';
import { memoryVerdict } from '../../test/reliability/memory.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    minutes: { type: 'string', default: '30' },
    case: { type: 'string' },
    json: { type: 'string' },
    families: { type: 'boolean', default: false },
    exclude: { type: 'string' },
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 32);
const count = Number(values.count);
const only = values.case?.split(',').map(Number);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1 || (only && only.some((n) => !Number.isInteger(n)))) {
  process.stderr.write('usage: npm run fuzz -- [--count N] [--seed S] [--concurrency C] [--minutes M] [--case i,j] [--exclude gzip/invalid,...] [--json file]\n');
  process.exit(2);
}

process.stdout.write(`fuzz: seed ${seed}, ${only ? `cases ${only.join(',')}` : `${count} cases`} (replay any run with --seed ${seed})\n`);
const harness = await FuzzHarness.start();
let code = 1;
try {
  await harness.warmUp();
  let lastPrint = Date.now();
  const report = await harness.run({
    seed,
    count,
    only,
    exclude: values.exclude?.split(',').filter(Boolean),
    concurrency: only ? 1 : Number(values.concurrency),
    deadlineMs: Number(values.minutes) * 60_000,
    requestTimeoutMs: 30_000,
    restartOnCrash: true,
    onProgress: (done, total) => {
      if (Date.now() - lastPrint < 10_000) return;
      lastPrint = Date.now();
      process.stdout.write(`  ${done}/${total}\n`);
    },
  });
  process.stdout.write(`${formatFuzzReport(report)}\n`);
  if (values.families || only) process.stdout.write(`by family:\n${familyTable(report)}\n`);
  const memory = memoryVerdict(report.rssStartBytes, report.rssEndBytes);
  process.stdout.write(`memory: ${memory.text}\n`);
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
  const clean =
    report.crashes.length === 0 &&
    report.serverErrorCount === 0 &&
    report.unansweredCount === 0 &&
    report.errorLineCount === 0 &&
    report.apologyCount === 0 &&
    report.healthAtEnd === 200 &&
    !report.aborted &&
    memory.ok &&
    !report.stoppedByDeadline;
  process.stdout.write(clean ? 'fuzz: every property held\n' : 'fuzz: some properties did not hold (see above)\n');
  code = clean ? 0 : 1;
} finally {
  await harness.close();
}
process.exit(code);

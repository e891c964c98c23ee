/**
 * `npm run soak [-- --minutes 10 --visitors 500 --seed 7 --chaos-seconds 2 --kills 0 --targeted 0 --json f]`:
 * lobby traffic (500 visitors arrive and leave: 1,000 lobby events) for a signed-in organizer's watched meetings while the UCWA simulator and the local Bot Connector
 * misbehave; counts alerts delivered once, lost and repeated, unhandled rejections and memory. Exits 1 when an
 * alert was lost or repeated without a kill to explain it, a rejection went unhandled, or memory grew past the bound.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatSoakReport, LobbyStage } from '../../test/reliability/lobbySoak.js';
import { memoryVerdict } from '../../test/reliability/memory.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    visitors: { type: 'string', default: '500' },
    seed: { type: 'string' },
    'chaos-seconds': { type: 'string', default: '2' },
    kills: { type: 'string', default: '0' },
    targeted: { type: 'string', default: '0' },
    'drain-seconds': { type: 'string', default: '90' },
    json: { type: 'string' },
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const options = {
  seed,
  visitors: Number(values.visitors),
  durationMs: Number(values.minutes) * 60_000,
  drainMs: Number(values['drain-seconds']) * 1_000,
  chaosIntervalMs: Number(values['chaos-seconds']) * 1_000,
  randomKills: Number(values.kills),
  targetedKills: Number(values.targeted),
  onProgress: (line: string) => process.stdout.write(`  ${line}\n`),
};
if (Object.values(options).some((value) => typeof value === 'number' && (!Number.isFinite(value) || value < 0)) || options.visitors < 1) {
  process.stderr.write('usage: npm run soak -- [--minutes M] [--visitors N] [--seed S] [--chaos-seconds C (0: none)] [--kills K] [--targeted T] [--json file]\n');
  process.exit(2);
}

process.stdout.write(`soak: seed ${seed}, ${options.visitors} visitors over ${values.minutes} min, a fault every ${values['chaos-seconds']} s, ${options.randomKills} random and ${options.targetedKills} targeted kills\n`);
const stage = await LobbyStage.start();
let code = 1;
try {
  await stage.prepare();
  const report = await stage.run(options);
  process.stdout.write(`${formatSoakReport(report)}\n`);
  const memory = report.rssWarmBytes === undefined ? { ok: true, text: 'not measured (the warm-up sample fell while the bot was down)' } : memoryVerdict(report.rssWarmBytes, report.rssEndBytes);
  process.stdout.write(`memory: ${memory.text}\n`);
  if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
  const unexplained = report.repeated.filter((repeat) => !repeat.explainedBy);
  const clean = report.lost.length === 0 && unexplained.length === 0 && report.unhandledRejectionLines === 0 && (report.unhandledRejections ?? 0) === 0 && report.unexpectedExits === 0 && memory.ok;
  process.stdout.write(clean ? 'soak: every property held\n' : 'soak: some properties did not hold (see above)\n');
  code = clean ? 0 : 1;
} finally {
  await stage.close();
}
process.exit(code);

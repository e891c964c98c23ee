/**
 * `npm run multi [-- --organizers 300 --lease-seconds 15 --json f]`: issue 13's Done-when #2. Three bot instances
 * behind one address share an Azure Blob container (Azurite) and the UCWA simulator, with 300 organizers signed in
 * and watching: arrivals with all up, a SIGKILL (its channels must run elsewhere within 60 s), arrivals after it, a
 * rolling restart of all three with arrivals during and after. Prints the counts; exits 1 when an arrival was not
 * alerted exactly once or the killed instance's channels did not move.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatMultiReport, multiHeld, runMultiInstance } from '../../test/reliability/multiInstance.js';

const { values } = parseArgs({
  options: {
    organizers: { type: 'string', default: '300' },
    'lease-seconds': { type: 'string', default: '20' },
    json: { type: 'string' },
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
const organizers = Number(values.organizers);
const leaseSeconds = Number(values['lease-seconds']);
if (!Number.isInteger(organizers) || organizers < 1 || !Number.isInteger(leaseSeconds) || leaseSeconds < 15 || leaseSeconds > 60) {
  process.stderr.write('usage: npm run multi -- [--organizers N] [--lease-seconds 15..60] [--json file]\n');
  process.exit(2);
}
process.stdout.write(`multi: 3 instances, ${organizers} organizers, leases of ${leaseSeconds} s\n`);
const started = Date.now();
const report = await runMultiInstance({ organizers, leaseSeconds, phaseLimitMs: 180_000, onProgress: (line) => process.stdout.write(`  ${line}\n`) });
process.stdout.write(`${formatMultiReport(report)}\n`);
process.stdout.write(`took ${Math.round((Date.now() - started) / 1000)} s\n`);
if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
const held = multiHeld(report);
process.stdout.write(held ? 'multi: every arrival alerted exactly once; the killed instance\'s channels moved\n' : 'multi: some properties did not hold (see above)\n');
process.exit(held ? 0 : 1);

/**
 * `npm run bench`: every benchmark reports ratios against a baseline measured in the same run, so results compare
 * across machines; nothing here is a pass/fail timing.
 */
import { benchNlu } from './nlu.js';
import { benchStorage } from './storage.js';

interface BenchResult {
  name: string;
  [metric: string]: unknown;
}

const benches: Array<() => Promise<BenchResult>> = [benchNlu, benchStorage];

for (const bench of benches) {
  const result = await bench();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

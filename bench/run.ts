/**
 * `npm run bench`: every benchmark reports ratios against a baseline measured in the same run, so results compare
 * across machines; nothing here is a pass/fail timing.
 */
import { benchEventChannels } from './eventChannels.js';
import { benchNlu } from './nlu.js';
import { benchStorage } from './storage.js';

const benches: Array<[string, () => Promise<object>]> = [
  ['nlu', () => benchNlu()],
  ['storage', () => benchStorage()],
  ['event channels', () => benchEventChannels()],
];

for (const [name, bench] of benches) {
  const result = await bench();
  process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
}

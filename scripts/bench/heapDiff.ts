/**
 * What an idle signed-in organizer holds in the bot, by constructor: line 3's set-up (bulk UCWA organizers, each
 * watching a meeting of their own with an event channel, the bot in a process of its own) taken to 1 and then N
 * organizers, a heap snapshot of the bot at each (after GC), and the difference per organizer, largest first.
 * It decides what to shrink; line 3 itself (`npm run bench -- --lines=3`) gives the verdict. The bot's
 * /proc/self/smaps at both points land beside the snapshots (smaps-1.txt, smaps-N.txt), to see which mappings RSS is in.
 * Usage: node dist/scripts/bench/heapDiff.js [N=300] [top=40, 0: no snapshots] [dir=os.tmpdir()]
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startScaleProcesses } from '../../bench/scale.js';
import type { ScaleAnswer, ScaleCommand } from '../../bench/scale/load.js';
import { nextMessage, stopChild } from '../../bench/throughput/ipc.js';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface MemoryDetail {
  usage: Record<string, number>;
  spaces: Record<string, { size: number; used: number; physical: number }>;
  resources: Record<string, number>;
  rssKinds: Record<string, number>;
  settled: { rssAtOnce: number; rssSeries: number[] };
}

/** Per organizer, in KB: process figures, V8 spaces (reserved / used), and active resources (count). */
function detailDiff(before: MemoryDetail, after: MemoryDetail, added: number): string {
  const kb = (bytes: number) => (bytes / added / 1024).toFixed(1);
  const lines = ['process (KB per organizer): ' + Object.keys(after.usage).map((key) => `${key} ${kb(after.usage[key]! - (before.usage[key] ?? 0))}`).join(', ')];
  for (const [name, space] of Object.entries(after.spaces)) {
    const earlier = before.spaces[name] ?? { size: 0, used: 0, physical: 0 };
    lines.push(`  ${name}: size ${kb(space.size - earlier.size)}, used ${kb(space.used - earlier.used)}, physical ${kb(space.physical - earlier.physical)} (total ${(space.physical / 2 ** 20).toFixed(1)} MB)`);
  }
  const physical = (detail: MemoryDetail) => Object.values(detail.spaces).reduce((sum, space) => sum + space.physical, 0);
  const anon = (detail: MemoryDetail) => detail.rssKinds['RssAnon'] ?? 0;
  lines.push(`RSS by kind (KB per organizer): ${Object.keys(after.rssKinds).map((key) => `${key} ${kb(after.rssKinds[key]! - (before.rssKinds[key] ?? 0))}`).join(', ')}; V8 pages ${kb(physical(after) - physical(before))}, anonymous beyond V8's pages ${kb(anon(after) - physical(after) - (anon(before) - physical(before)))}`);
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  for (const [label, detail] of [['before', before], ['after', after]] as const) {
    lines.push(`RSS ${label} (MB): right after GC ${mb(detail.settled.rssAtOnce)}, then every 100 ms ${detail.settled.rssSeries.map(mb).join(' ')}`);
  }
  lines.push('resources: ' + Object.entries(after.resources).map(([kind, count]) => `${kind} ${count - (before.resources[kind] ?? 0)}`).join(', '));
  return lines.join('\n');
}

/** Per (type, name): how many objects and their shallow size. */
type Census = Map<string, { count: number; bytes: number }>;

const [countArg, topArg, dirArg] = process.argv.slice(2);
const organizers = Number(countArg ?? 300);
const top = Number(topArg ?? 40);
const dir = dirArg ?? tmpdir();
const timeoutMs = 20 * 60_000;

const children: ChildProcess[] = [];
try {
  const { simulators, organizers: people, bot, load } = await startScaleProcesses(organizers, children);
  const ask = async (command: ScaleCommand): Promise<ScaleAnswer> => {
    load.child.send(command);
    const answer = await nextMessage<ScaleAnswer>(load.child, timeoutMs, 'scale load');
    if (answer.kind === 'failed') throw new Error(answer.message);
    return answer;
  };
  const snapshot = async (name: string): Promise<Census> => {
    bot.child.send({ heapSnapshot: join(dir, name) });
    const { heapSnapshot } = await nextMessage<{ heapSnapshot: string }>(bot.child, timeoutMs, 'bot snapshot');
    return census(JSON.parse(readFileSync(heapSnapshot, 'utf8')) as Snapshot);
  };
  const smaps = async (name: string) => {
    bot.child.send({ smaps: join(dir, name) });
    await nextMessage<{ smaps: string }>(bot.child, timeoutMs, 'bot smaps');
  };
  const memory = async () => {
    bot.child.send({ memoryDetail: true });
    const { memoryDetail } = await nextMessage<{ memoryDetail: MemoryDetail }>(bot.child, timeoutMs, 'bot memory');
    return memoryDetail;
  };
  await ask({ kind: 'prepare', botUrl: bot.ready.url, ucwaOrigin: simulators.ready.ucwaOrigin });
  await ask({ kind: 'watch', organizers: people.slice(0, 1), concurrency: 1 });
  // After the first snapshot, before the second: writing one leaves memory outside the heap (malloc keeps what it
  // used: ~300 KB per organizer at N = 1,000 when the first was left out), so both figures must include it.
  // top = 0: no snapshots, only the process figures and smaps (a snapshot leaves ~200 MB in malloc's main heap,
  // which then hides what the organizers' sockets and parsers take from it).
  const snapshots = top > 0;
  const before = snapshots ? await snapshot('heap-1.heapsnapshot') : new Map();
  const memoryBefore = await memory();
  await smaps('smaps-1.txt');
  const grown = await ask({ kind: 'watch', organizers: people.slice(1), concurrency: 16 });
  if (grown.kind !== 'watched') throw new Error(`expected watched, got ${grown.kind}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const memoryAfter = await memory();
  await smaps(`smaps-${organizers}.txt`);
  const after = snapshots ? await snapshot(`heap-${organizers}.heapsnapshot`) : new Map();
  const added = grown.watched - 1;
  report(before, after, added, memoryAfter.usage.heapUsed - memoryBefore.usage.heapUsed, memoryAfter.usage.rss - memoryBefore.usage.rss, grown.failures);
  process.stdout.write(`${detailDiff(memoryBefore, memoryAfter, added)}\n`);
} finally {
  await Promise.allSettled(children.reverse().map((child) => stopChild(child)));
}

function census(heap: Snapshot): Census {
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [number, number, number];
  const result: Census = new Map();
  for (let index = 0; index < heap.nodes.length; index += fields.length) {
    const type = types[heap.nodes[index + typeAt]!]!;
    // Strings and code are grouped by kind only: their names are their contents.
    const name = type === 'object' || type === 'closure' || type === 'native' || type === 'hidden' ? heap.strings[heap.nodes[index + nameAt]!]! : '';
    const key = `${type} ${name.slice(0, 80)}`;
    const entry = result.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[index + sizeAt]!;
    result.set(key, entry);
  }
  return result;
}

function report(before: Census, after: Census, added: number, heapGrowth: number, rssGrowth: number, failures: string[]): void {
  const rows = [...after].map(([key, entry]) => {
    const earlier = before.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: (entry.count - earlier.count) / added, bytes: (entry.bytes - earlier.bytes) / added };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  const out = [
    `organizers added: ${added}${failures.length ? ` (failures: ${failures.join(' | ')})` : ''}`,
    `per organizer: heapUsed ${(heapGrowth / added / 1024).toFixed(1)} KB, RSS ${(rssGrowth / added / 1024).toFixed(1)} KB, snapshot shallow sizes ${(total / 1024).toFixed(1)} KB`,
    'bytes/org  objects/org  type name',
    ...rows.slice(0, top).map((row) => `${row.bytes.toFixed(0).padStart(9)}  ${row.count.toFixed(2).padStart(11)}  ${row.key}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

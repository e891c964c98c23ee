/**
 * Summarises a `node --cpu-prof` profile (`npm run bench -- --profile`): self time by package or source file and by
 * function, and total (inclusive) time of this project's own functions, so a change is chosen from what the
 * profile shows. Usage: node dist/scripts/bench/profileSummary.js <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profileSummary.js <file.cpuprofile> [top]\n');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const total = [...selfMs.values()].reduce((sum, value) => sum + value, 0);

/** node_modules package, or the project file, or a V8 bucket like (garbage collector). */
function area(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName || '(anonymous)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return url;
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + '/dist/'.length) : url;
}

const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${area(node)}:${node.callFrame.lineNumber + 1}`;

function tally(key: (node: ProfileNode) => string): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    sums.set(key(node), (sums.get(key(node)) ?? 0) + ms);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time of project functions (each sample counted once per distinct function on its stack). */
function inclusiveOwn(): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const url = node.callFrame.url;
      if (!url.includes('/dist/') || url.includes('node_modules')) continue;
      const name = label(node);
      if (seen.has(name)) continue;
      seen.add(name);
      sums.set(name, (sums.get(name) ?? 0) + ms);
    }
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const print = (title: string, rows: Array<[string, number]>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, ms] of rows.slice(0, top)) process.stdout.write(`${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(6)} ms  ${name}\n`);
};
process.stdout.write(`total sampled: ${total.toFixed(0)} ms\n`);
print('self time by area', tally(area));
print('self time by function', tally(label));
print('inclusive time, project functions', inclusiveOwn());

/** `CALLERS=<function name>`: the project or package frames that lead to it, by time. */
const wanted = process.env['CALLERS'];
if (wanted) {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const chain: string[] = [];
    let hit = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      if (node.callFrame.functionName === wanted) hit = true;
      if (hit && node.callFrame.url && chain.length < 6) chain.push(label(node));
    }
    if (hit) sums.set(chain.join(' < '), (sums.get(chain.join(' < ')) ?? 0) + ms);
  }
  print(`callers of ${wanted}`, [...sums].sort((a, b) => b[1] - a[1]));
}

/** `UNDER=<function name>`: where the time of samples with that function on the stack goes (self time, by function). */
const under = process.env['UNDER'];
if (under) {
  const sums = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    let hit = false;
    for (let at: number | undefined = id; at !== undefined && !hit; at = parent.get(at)) hit = byId.get(at)!.callFrame.functionName === under;
    if (hit) sums.set(label(byId.get(id)!), (sums.get(label(byId.get(id)!)) ?? 0) + ms);
  }
  print(`self time under ${under}`, [...sums].sort((a, b) => b[1] - a[1]));
}

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const packageScripts = z.object({ scripts: z.object({ start: z.string() }) });

/**
 * The node flags `npm start` gives the bot (package.json's start script), so the bench measures the process people
 * run, not a differently tuned one. Read from the script rather than repeated here, so the two cannot drift.
 */
export function startFlags(): string[] {
  const script = startScript();
  if (!script) return [];
  const words = script.trim().split(/\s+/u);
  if (words[0] !== 'node') return [];
  const flags: string[] = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith('--')) break;
    flags.push(word);
  }
  return flags;
}

function startScript(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  // From dist/bench the project root is two folders up; from bench/ (tsx) one.
  for (const path of [resolve(here, '../../package.json'), resolve(here, '../package.json')]) {
    try {
      const parsed = packageScripts.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data.scripts.start;
    } catch {
      // not this layout; try the next
    }
  }
  return undefined;
}

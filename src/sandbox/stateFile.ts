import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Where a running sandbox says what it started, so `npm run sim` can reach its simulators without anyone reading a
 * port off a log line. Addresses only: nothing secret (the Huawei App Key stays in the process).
 */
export const SANDBOX_STATE_FILE = 'sandbox.json';

const sandboxStateSchema = z.object({
  pid: z.number().int().positive(),
  ucwa: z.object({ origin: z.string().url(), discoveryUrl: z.string().url() }).optional(),
  huawei: z.object({ origin: z.string().url() }).optional(),
});

export type SandboxState = z.infer<typeof sandboxStateSchema>;

export function sandboxStatePath(dataDir: string): string {
  return join(dataDir, SANDBOX_STATE_FILE);
}

/** Written whole under a temporary name and renamed, so a reader never sees half a file. */
export async function writeSandboxState(dataDir: string, state: SandboxState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const file = sandboxStatePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}

/** Removes the file if it is still this process's: a second sandbox on the same DATA_DIR may have replaced it. */
export async function removeSandboxState(dataDir: string, pid: number = process.pid): Promise<void> {
  const current = await readSandboxState(dataDir).catch(() => undefined);
  if (current?.pid === pid) await rm(sandboxStatePath(dataDir), { force: true });
}

/** Undefined when there is no file; an error when there is one that is not a sandbox state. */
export async function readSandboxState(dataDir: string): Promise<SandboxState | undefined> {
  let text: string;
  try {
    text = await readFile(sandboxStatePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = sandboxStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${sandboxStatePath(dataDir)} is not a sandbox state file`);
  return parsed.data;
}

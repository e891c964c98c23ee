import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging.js';

/**
 * Where each sandbox simulator keeps its world between runs: `DATA_DIR/sandbox/<name>.json`, holding the port it
 * listened on (so it comes back on the same address) and its snapshot. The UCWA file holds the web tickets it
 * issued, so the files are the owner's only (0600), like the bot's own store.
 */
export const SIMULATOR_STATE_FOLDER = 'sandbox';

/** Saves after a burst of changes settle; a restart loses at most this much of the simulators' world. */
const SAVE_DELAY_MS = 200;

const fileSchema = z.object({ port: z.number().int().min(1).max(65_535), snapshot: z.unknown() });

export interface StoredSimulator<T> {
  port: number;
  snapshot: T;
}

export function simulatorStatePath(dataDir: string, name: string): string {
  return join(dataDir, SIMULATOR_STATE_FOLDER, `${name}.json`);
}

/**
 * The stored world of one simulator; undefined when there is none, or when the file is not one we can use (then
 * the simulator starts from its seeds and the log says why: a sandbox must start whatever is in the folder).
 */
export async function loadSimulatorState<T>(dataDir: string, name: string, snapshotSchema: z.ZodType<T>, logger: Logger): Promise<StoredSimulator<T> | undefined> {
  const file = simulatorStatePath(dataDir, name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error, file }, 'sandbox: could not read a simulator state file; starting from the seeds');
    return undefined;
  }
  try {
    const stored = fileSchema.parse(JSON.parse(text));
    return { port: stored.port, snapshot: snapshotSchema.parse(stored.snapshot) };
  } catch {
    logger.warn({ file }, 'sandbox: a simulator state file is damaged or from another version; starting from the seeds');
    return undefined;
  }
}

/** Writes whole under a temporary name and renames, so a crash mid-write leaves the previous world intact. */
export async function saveSimulatorState(dataDir: string, name: string, state: StoredSimulator<unknown>): Promise<void> {
  const folder = join(dataDir, SIMULATOR_STATE_FOLDER);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = simulatorStatePath(dataDir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state), { encoding: 'utf8', mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

/**
 * Saves a simulator's world shortly after it changes, one write at a time, and once more when asked to flush
 * (at stop). Hand-written: a trailing debounce with a single writer is a few lines, and no library gives the
 * "flush and wait for the last write" this needs at shutdown.
 */
export class SimulatorStateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly save: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  changed(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Saves at once (at start, so the port is remembered even if nothing changes before a crash). */
  saveNow(): Promise<void> {
    return this.write();
  }

  /** The last save, after which nothing more is saved. */
  async flush(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }

  private write(): Promise<void> {
    this.writing = this.writing.then(() =>
      this.save().catch((error: unknown) => this.logger.warn({ err: error }, 'sandbox: could not save a simulator state; a restart starts it from an earlier one')),
    );
    return this.writing;
  }
}

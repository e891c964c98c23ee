import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { isProcessAlive } from '../processes.js';

/** Another live process holds the data folder; the message is the one line the operator reads. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  /** Tells two owners apart when a pid is reused, and lets a taker check that its write won. */
  token: string;
  since: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

const lockFileName = 'bot.lock';
/** Tokens of the locks this process holds, so a second app in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Makes one process the only user of a data folder: file storage keeps its eTag index in memory, so two writers
 * silently overwrite each other. Hand-written rather than `proper-lockfile`: that library decides staleness by
 * the lock's age, so after a crash (SIGKILL) a restart would be refused until the lock went stale, while here a
 * lock whose process is gone (same host, pid not alive) is taken over at once.
 */
export async function lockDataDir(directory: string): Promise<DataDirLock> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, lockFileName);
  const me: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
  if (!(await createExclusively(path, me))) await takeOverIfAbandoned(path, me);
  heldHere.add(me.token);
  return {
    async release() {
      heldHere.delete(me.token);
      const owner = await readOwner(path);
      if (owner?.token === me.token) await unlink(path).catch(() => undefined);
    },
  };
}

async function createExclusively(path: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeFile(path, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function takeOverIfAbandoned(path: string, me: LockOwner): Promise<void> {
  const holder = await readOwner(path);
  if (holder && isAlive(holder)) {
    throw new DataDirLockedError(
      `DATA_DIR is in use by another bot process (pid ${holder.pid} on ${holder.host}, since ${holder.since}); ` +
        'run one process per data folder, or give this one its own DATA_DIR',
    );
  }
  // rename() replaces atomically; two processes taking over at once both rename, and only the last one's token
  // is read back below, so exactly one of them proceeds.
  const temporary = `${path}.${me.token}`;
  await writeFile(temporary, JSON.stringify(me), { mode: 0o600 });
  await rename(temporary, path);
  const now = await readOwner(path);
  if (now?.token !== me.token) await takeOverIfAbandoned(path, me);
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string' || typeof parsed.token !== 'string') return undefined;
    return { pid: parsed.pid, host: parsed.host, token: parsed.token, since: String(parsed.since ?? 'an unknown time') };
  } catch {
    // Missing, half-written by a crash, or not ours: nobody holds it.
    return undefined;
  }
}

/**
 * A lock from another host cannot be checked from here, so it counts as held: the operator removes it once they
 * know that host is gone. The same pid as ours on this host is a previous run of this very process (a restart in
 * a container where pids repeat), not a rival, unless this process still holds it.
 */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return heldHere.has(owner.token);
  return isProcessAlive(owner.pid);
}

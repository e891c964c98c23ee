import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The crash-safety primitives: a file is replaced all at once or not at all, and a replace or unlink that
 * resolved survives power loss.
 *
 * Hand-written rather than `write-file-atomic`: that library fsyncs the temp file and renames it, but does
 * not fsync the directory (so a resolved write can vanish on power loss), names temp files in a way we
 * cannot tell apart from our records, and serializes per file name only, while our eTag check has to sit
 * inside the same critical section as the rename anyway.
 */

export const TEMP_SUFFIX = '.tmp';

export function isTempFile(fileName: string): boolean {
  return fileName.endsWith(TEMP_SUFFIX);
}

/** Writes `data` to `dir/fileName` via a synced temp file in the same directory and an atomic rename. */
export async function replaceFileDurably(dir: string, fileName: string, data: string): Promise<void> {
  const tempPath = join(dir, `${fileName}.${randomUUID()}${TEMP_SUFFIX}`);
  try {
    const handle = await open(tempPath, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, join(dir, fileName));
  } catch (error) {
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/** Removes `dir/fileName` if present and makes the removal durable. */
export async function removeFileDurably(dir: string, fileName: string): Promise<void> {
  try {
    await unlink(join(dir, fileName));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * A rename or unlink is only durable once the directory entry itself is flushed. Concurrent callers share flushes
 * (group commit): a flush covers every rename and unlink that finished before it BEGAN, so a caller joins the next
 * flush to begin, never one already under way, and at most one flush per directory waits behind the running one.
 * Twenty presses writing at once cost a few directory flushes instead of twenty, each still resolving only once its
 * own entry is on disk. A failed flush fails every caller that shared it.
 */
export function syncDirectory(dir: string): Promise<void> {
  let group = directoryGroups.get(dir);
  if (!group) {
    group = new DirectoryFlushes(dir);
    directoryGroups.set(dir, group);
  }
  return group.flush();
}

const directoryGroups = new Map<string, DirectoryFlushes>();

class DirectoryFlushes {
  private running?: Promise<void>;
  private queued?: Promise<void>;

  constructor(private readonly dir: string) {}

  flush(): Promise<void> {
    if (!this.running) return this.start();
    // The flush under way may have begun before the caller's rename: only one that begins after the call covers it.
    this.queued ??= this.running
      .then(noop, noop)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<void> {
    const run = flushDirectory(this.dir).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

function noop(): void {}

async function flushDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Windows cannot fsync a directory handle (EPERM/EISDIR); NTFS journals the rename itself there.
    if (!['EPERM', 'EISDIR', 'EINVAL'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

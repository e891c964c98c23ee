import { open } from 'node:fs/promises';

/** A record is a few hundred bytes to a few KB: most are read whole by the first read. */
const FIRST_READ_BYTES = 8 * 1024;
const LARGEST_READ_BYTES = 1024 * 1024;

/**
 * Reads a whole UTF-8 file with as few round trips to libuv's thread pool as it takes: open, then reads until one
 * comes back short, without the size lookup first and without waiting for the close. `readFile` makes four trips
 * (open, fstat, read, close), each of which waits for a pool thread behind the store's fsyncs and then for the event
 * loop; at 1,000 organizers a storage read that misses the cache sat on an alert's path (bench line 2).
 *
 * A short read is the end: for a regular file a read returns fewer bytes than asked only at its end. The files read
 * here are replaced by rename, never written in place, so an open handle sees one whole version.
 */
export async function readWholeFile(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (let size = FIRST_READ_BYTES; ; size = Math.min(size * 2, LARGEST_READ_BYTES)) {
      const buffer = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead > 0) chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (bytesRead < size) break;
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    // Read-only: nothing a failed close could lose, so the caller need not wait for it, except on Windows, where a
    // file still open may refuse the rename of the next write over it.
    const closing = handle.close().catch(() => undefined);
    if (process.platform === 'win32') await closing;
  }
}

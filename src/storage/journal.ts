import { hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { removeFileDurably, syncDirectory } from './durableFile.js';

/**
 * The file store's write journal: writes made durable by appending them to one file with one shared fdatasync for
 * every write that arrived meanwhile (group commit), instead of a file of their own each (create, write, fsync, rename,
 * directory fsync). The record files catch up when the store next opens (replayJournal), or earlier in a checkpoint.
 *
 * A journal entry replaces the version `base` of its key by `eTag`, and is replayed only onto that version: an entry
 * whose key was written to its file afterwards (a newer eTag), deleted (no file), or already replayed (the file holds
 * the entry's own eTag) is passed over. So replaying twice, or replaying a journal older than the files, changes
 * nothing, and the order of the journal's files does not have to match the order of the record files' writes.
 *
 * A record not stored yet is created by an entry whose base is ABSENT, which applies where the key has no file. That
 * makes a delete matter to the journal: once the key's file is gone, its creation entry would apply again. So deleting
 * a key the journal may have created appends a deletion (eTag ABSENT) first; see replayEntries.
 */
export interface JournalEntry {
  key: string;
  /** The eTag of the stored version this entry replaces; ABSENT when the key was not stored (a creation). */
  base: string;
  /** The new version's eTag; ABSENT when the entry deletes the key. */
  eTag: string;
  /** The item as JSON, without its eTag (as in a record file); 'null' in a deletion. */
  itemJson: string;
}

/** No version: the base of a creation, the eTag of a deletion. No eTag the store makes (a UUID) is empty. */
export const ABSENT = '';

export function deletionEntry(key: string, base: string): JournalEntry {
  return { key, base, eTag: ABSENT, itemJson: 'null' };
}

export function isDeletion(entry: JournalEntry): boolean {
  return entry.eTag === ABSENT;
}

const JOURNAL_FILE = /^journal-(\d{1,15})\.log$/;

export function journalFileName(generation: number): string {
  return `journal-${generation}.log`;
}

/** The generation a journal file's name gives, or undefined when the name is not a journal's. */
export function journalGeneration(fileName: string): number | undefined {
  const match = JOURNAL_FILE.exec(fileName);
  return match ? Number(match[1]) : undefined;
}

/**
 * One line: a checksum of the entry, a space, the entry as JSON. The checksum tells a whole line from one a crash
 * cut short or left as zeros or as old blocks (appends reach the disk in pages, not in lines), which JSON.parse alone
 * would take for an entry if the damage happened to be valid JSON.
 */
export function encodeEntry(entry: JournalEntry): string {
  const body = `${entryPrefix(entry)}${entry.itemJson}}`;
  return `${checksum(body)} ${body}\n`;
}

function entryPrefix(entry: Omit<JournalEntry, 'itemJson'>): string {
  return `{"k":${JSON.stringify(entry.key)},"b":${JSON.stringify(entry.base)},"e":${JSON.stringify(entry.eTag)},"i":`;
}

const CHECKSUM_CHARS = 16;

function checksum(body: string): string {
  return hash('sha1', body, 'hex').slice(0, CHECKSUM_CHARS);
}

/**
 * The entries of a journal file up to the first line that is not whole. Nothing after a damaged line can have been
 * acknowledged: a batch is written only after the one before it is on disk, and a damaged line is the last batch's,
 * whose writers were never told it was written. `damaged` says whether such a tail was found (and dropped).
 */
export function decodeJournal(text: string): { entries: JournalEntry[]; damaged: boolean } {
  const entries: JournalEntry[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const entry = end === -1 ? undefined : decodeLine(text.slice(start, end));
    if (!entry) return { entries, damaged: true };
    entries.push(entry);
    start = end + 1;
  }
  return { entries, damaged: false };
}

function decodeLine(line: string): JournalEntry | undefined {
  if (line.charAt(CHECKSUM_CHARS) !== ' ') return undefined;
  const body = line.slice(CHECKSUM_CHARS + 1);
  if (checksum(body) !== line.slice(0, CHECKSUM_CHARS)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const { k: key, b: base, e: eTag, i: item } = json as Record<string, unknown>;
  if (typeof key !== 'string' || typeof base !== 'string' || typeof eTag !== 'string') return undefined;
  const deletion = eTag === ABSENT;
  if (deletion ? item !== null : typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  // The item exactly as it was written, not parsed and serialized again.
  const prefix = entryPrefix({ key, base, eTag });
  if (!body.startsWith(prefix)) return undefined;
  return { key, base, eTag, itemJson: body.slice(prefix.length, -1) };
}

/**
 * Replays journal entries onto the stored versions (`stored`: key → eTag of its record file), in order: returns, per
 * key, the last entry that applies, chained from its file's version: a version to write to the key's file, or a
 * deletion (isDeletion) whose file must go.
 *
 * A deletion that does not apply (its base is not the version the chain reached) still ends the chain: the version it
 * deleted was written to the record file outside the journal, so the entries before it are stale, and the key falls
 * back to its file. Without that, a record created through the journal, rewritten to its file and then deleted would
 * come back as its first version once the file was gone.
 */
export function replayEntries(stored: ReadonlyMap<string, string>, entries: Iterable<JournalEntry>): Map<string, JournalEntry> {
  const replayed = new Map<string, JournalEntry>();
  for (const entry of entries) {
    const chained = replayed.get(entry.key);
    const current = chained ? chained.eTag : (stored.get(entry.key) ?? ABSENT);
    if (current === entry.base) replayed.set(entry.key, entry);
    else if (isDeletion(entry)) replayed.delete(entry.key);
  }
  return replayed;
}

interface Waiter {
  line: string;
  durable: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface JournalOptions {
  /** The first generation's number: above every journal file the folder held at open. */
  generation: number;
  /** A generation longer than this (bytes) is followed by a new one beginning with the live entries. */
  generationBytes: number;
  /**
   * The writes whose latest version is in the journal only (not yet in their record files), each from its record
   * file's version: what a new generation must begin with before the older ones can go.
   */
  live: () => JournalEntry[];
}

/**
 * The journal's writer. Appends are written in batches: every append that arrives while a batch is being written and
 * synced joins the next one, so concurrent writers share one write and one fdatasync, and each append resolves only
 * once its line is on disk. A generation too long, or one whose last write failed (its tail may be damaged, and a
 * damaged line ends a replay), is followed by a new file that begins with the live entries; the older files are
 * removed once it is on disk.
 */
export class Journal {
  private handle?: FileHandle;
  private generation: number;
  private bytes = 0;
  /** Journal files that may still exist and hold entries the current file does not: removed after the next roll. */
  private readonly older = new Set<number>();
  private rollNext = false;
  private queue: Waiter[] = [];
  private draining?: Promise<void>;

  constructor(
    private readonly dir: string,
    private readonly options: JournalOptions,
  ) {
    this.generation = options.generation;
  }

  /**
   * Resolves once the entry is on disk. `durable` runs then, before any later batch begins: the caller's record of
   * what is live must hold every acknowledged entry when a new generation copies them (see roll).
   */
  append(entry: JournalEntry, durable: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: encodeEntry(entry), durable, resolve, reject });
      // drain() reaches its first await before it returns (the queue is not empty), so `draining` is set before drain
      // can clear it; and it clears it in the same step as it finds the queue empty, so no append is left waiting.
      this.draining ??= this.drain();
    });
  }

  /** Waits for the appends under way, then closes the file; the journal is replayed at the next open. */
  async close(): Promise<void> {
    while (this.draining) await this.draining;
    await this.handle?.close();
    this.handle = undefined;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.queue.length === 0) {
        this.draining = undefined;
        return;
      }
      const batch = this.queue;
      this.queue = [];
      try {
        await this.writeBatch(batch.map((waiter) => waiter.line).join(''));
      } catch (error) {
        this.rollNext = true;
        for (const waiter of batch) waiter.reject(error);
        continue;
      }
      for (const waiter of batch) {
        waiter.durable();
        waiter.resolve();
      }
    }
  }

  private async writeBatch(lines: string): Promise<void> {
    if (!this.handle || this.rollNext || this.bytes > this.options.generationBytes) {
      await this.roll(lines);
      return;
    }
    this.bytes += await writeWhole(this.handle, lines);
    await this.handle.datasync();
  }

  /**
   * Starts a new generation holding the live entries and then `lines`, durable (its data and its name) before the
   * batch is acknowledged and before the older files go. The live entries are taken now, between batches: every
   * write they hold was acknowledged, and none of `lines`' is yet.
   */
  private async roll(lines: string): Promise<void> {
    const previous = this.handle;
    this.handle = undefined;
    if (previous) {
      this.older.add(this.generation);
      this.generation += 1;
      await previous.close().catch(() => undefined);
    }
    const carried = this.options.live().map(encodeEntry).join('');
    let handle: FileHandle;
    try {
      handle = await open(join(this.dir, journalFileName(this.generation)), 'wx', 0o600);
    } catch (error) {
      // Not created (or not ours: the name was taken): the next roll tries the next name.
      this.generation += 1;
      throw error;
    }
    let bytes: number;
    try {
      bytes = await writeWhole(handle, carried + lines);
      await handle.datasync();
      await syncDirectory(this.dir);
    } catch (error) {
      await handle.close().catch(() => undefined);
      // This file may be damaged: it is kept for the replay (its whole lines are valid) and the next batch rolls.
      this.older.add(this.generation);
      this.generation += 1;
      throw error;
    }
    this.handle = handle;
    this.bytes = bytes;
    this.rollNext = false;
    await this.removeOlder();
  }

  /** The batch is on disk whatever happens here: a file that could not be removed is tried again at the next roll. */
  private async removeOlder(): Promise<void> {
    for (const generation of [...this.older]) {
      try {
        await removeFileDurably(this.dir, journalFileName(generation));
        this.older.delete(generation);
      } catch {
        return;
      }
    }
  }
}

/**
 * Appends all of `text` at the file's position, returning its bytes: one write() may write less than it was given (a
 * nearly full disk), and a line acknowledged must be whole.
 */
async function writeWhole(handle: FileHandle, text: string): Promise<number> {
  const data = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) throw new Error('storage: the journal could not be written (no bytes written)');
    offset += bytesWritten;
  }
  return data.length;
}

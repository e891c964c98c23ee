import { createHash } from 'node:crypto';

/**
 * What the crash-test child writes, derived from (round, n) alone so the parent can check every
 * committed record without sharing memory with the process it killed.
 */

/** A key in the shape Teams ids take: colons, slashes, pipes, semicolons and an @. */
export function crashRecordKey(round: number, n: number): string {
  return `conversation:19:meeting_${round}@thread.v2;messageid=${n}|user/29:1abc${round}`;
}

export const LATEST_KEY = 'crash-test|latest';

export function crashRecordContent(round: number, n: number): Record<string, unknown> {
  const digest = createHash('sha256').update(`${round}:${n}`).digest('hex');
  // Sizes vary from 64 B to 4 KiB so some writes span several file-system blocks.
  return { round, n, payload: digest.repeat(1 + (n % 64)), nested: { list: [round, n, digest.slice(0, 8)] } };
}

/** The records the journal's crash-test child rewrites at every step. */
export const JOURNAL_SLOTS = Array.from({ length: 6 }, (_, slot) => `lobby/alert/crash-slot-${slot}`);

export function journalSlotContent(round: number, n: number, slot: number): Record<string, unknown> {
  return { ...crashRecordContent(round, n * JOURNAL_SLOTS.length + slot), round, n, slot };
}

/** The record the journal's crash-test child creates at step n (and deletes two steps later). */
export const CREATED_PREFIX = 'lobby/alert/crash-created-';
export function createdKey(round: number, n: number): string {
  return `${CREATED_PREFIX}${round}-${n}`;
}

import { ownCopy } from '../strings.js';

/**
 * One copy of the strings that every session on a pool keeps alike: the discovered user and applications URLs, the
 * token endpoint and its grant types, the origins, the user agent the server echoes. Each person's sign-in parses
 * them afresh from the server's answers, so each signed-in person kept copies of their own (~0.5 KB of every idle
 * organizer in the line-3 bench). The table is bounded: there are as many distinct values as pools, and a server
 * inventing more only costs the copies it would have cost anyway.
 */
const table = new Map<string, string>();
const MAX_ENTRIES = 1024;

/** The one copy of `text`, made on first sight. */
export function shared(text: string): string {
  const known = table.get(text);
  if (known !== undefined) return known;
  if (table.size >= MAX_ENTRIES) table.clear();
  const copy = ownCopy(text);
  table.set(copy, copy);
  return copy;
}

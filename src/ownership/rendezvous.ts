import { createHash } from 'node:crypto';

/**
 * Rendezvous (highest random weight) hashing: the member whose hash of (key, member) is highest owns the key. Every
 * instance that sees the same members picks the same owner with no coordination, shares are fair to within the
 * hash's spread, and when a member joins or leaves only the keys it wins or held move (about 1/n of them).
 *
 * Hand-written: it is one hash and a max; the npm packages for it are either unmaintained or bring a ring we do not need.
 */
export function ownerOf(key: string, members: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestWeight = -1n;
  for (const member of members) {
    const weight = createHash('sha256').update(`${member}\n${key}`).digest().readBigUInt64BE(0);
    if (weight > bestWeight || (weight === bestWeight && best !== undefined && member < best)) {
      best = member;
      bestWeight = weight;
    }
  }
  return best;
}

import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import type { TeamsUser } from '../teams/identity.js';

/** What Teams vouches for about the person a sign-in link belongs to (from the roster, never from chat text). */
export type TeamsIdentityRef = Pick<TeamsUser, 'id' | 'aadObjectId' | 'name' | 'upn' | 'email'>;

/** Who the Skype for Business server says signed in: the application's `me` resource. */
export interface UcwaIdentity {
  /** The SIP URI, e.g. `sip:alice@contoso.com`. */
  uri?: string;
  emailAddresses: readonly string[];
}

export type IdentityVerdict =
  | { ok: true }
  /** Signed in as someone else than the Teams user (or the map) says. */
  | { ok: false; reason: 'mismatch'; signedInAs: string }
  /** Teams gave no UPN or mail and the map has no entry: nothing to compare with. */
  | { ok: false; reason: 'unknownTeamsUser' }
  /** The server named no address for the signed-in account. */
  | { ok: false; reason: 'unknownUcwaUser' };

/** A sign-in address as people and servers write it: `sip:` and letter case do not matter. */
export function normalizeAddress(value: string): string {
  return value.trim().replace(/^sip:/i, '').toLowerCase();
}

const signInAddress = z
  .string()
  .trim()
  .max(256)
  .refine((value) => /^[^\s@]+@[^\s@]+$/.test(normalizeAddress(value)), { message: 'expected a sign-in address such as alice@contoso.com' });
const entries = z.record(z.string().trim().min(1).max(256), signInAddress);
/** `{ "<UPN or AAD object id>": "<sign-in address>" }`, or the same under `users` (room for other sections later). */
const sectionedFileSchema = z.object({ users: entries }).strict().transform((file) => file.users);

/**
 * The admin-managed map of Teams users to Skype for Business sign-in addresses (`UCWA_USER_MAP`), for people whose
 * two accounts do not share an address. Read and checked once at start: a bad file stops the bot with one line,
 * and a change takes effect on restart, so who-may-sign-in-as-whom never changes silently under a running bot.
 */
export class UcwaUserMap {
  private constructor(private readonly entries: ReadonlyMap<string, string>) {}

  static empty(): UcwaUserMap {
    return new UcwaUserMap(new Map());
  }

  /** Loads the file, or an empty map when no path is configured. Throws ConfigError naming UCWA_USER_MAP. */
  static async load(path: string | undefined): Promise<UcwaUserMap> {
    if (!path) return UcwaUserMap.empty();
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(`UCWA_USER_MAP: cannot read ${path} (${code})`);
    }
    return UcwaUserMap.parse(text, path);
  }

  static parse(text: string, path = 'the map file'): UcwaUserMap {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConfigError(`UCWA_USER_MAP: ${path} is not valid JSON`);
    }
    // Two schemas picked by shape rather than a union, so the error names the entry that is wrong.
    const sectioned = typeof json === 'object' && json !== null && Object.hasOwn(json, 'users');
    const parsed = sectioned ? sectionedFileSchema.safeParse(json) : entries.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
      throw new ConfigError(`UCWA_USER_MAP: ${path}${where}: ${describe(issue)}`);
    }
    // A Map, not the parsed object: keys come from a file and must never reach Object.prototype.
    return new UcwaUserMap(new Map(Object.entries(parsed.data).map(([key, address]) => [key.trim().toLowerCase(), normalizeAddress(address)])));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The mapped sign-in address for this Teams user: by AAD object id first (stable), then UPN, then mail. */
  addressFor(user: TeamsIdentityRef): string | undefined {
    for (const key of [user.aadObjectId, user.upn, user.email]) {
      const mapped = key ? this.entries.get(key.trim().toLowerCase()) : undefined;
      if (mapped) return mapped;
    }
    return undefined;
  }
}

/**
 * Is the Skype for Business account that just signed in the Teams user's own? The UCWA side is what the server
 * reports in `me` (SIP URI and mail addresses), never the name typed on the page, which may be `DOMAIN\user`.
 * The Teams side is the map's entry when there is one — the admin has said which account is theirs, so the UPN
 * no longer counts — and otherwise the UPN and mail Teams reported.
 *
 * Without a UPN or mail (the roster could not be read) the answer is no: the display name and Teams id prove
 * nothing about a Skype for Business address, and accepting any account there would let whoever holds the link
 * act as anyone. Only the map (keyed by AAD object id, which every activity carries) can vouch for such a user.
 */
export function checkUcwaIdentity(teams: TeamsIdentityRef, ucwa: UcwaIdentity, map: UcwaUserMap): IdentityVerdict {
  const mapped = map.addressFor(teams);
  const expected = mapped ? [mapped] : [teams.upn, teams.email].filter((value): value is string => Boolean(value?.trim())).map(normalizeAddress);
  if (expected.length === 0) return { ok: false, reason: 'unknownTeamsUser' };
  const actual = [ucwa.uri, ...ucwa.emailAddresses].filter((value): value is string => Boolean(value?.trim())).map(normalizeAddress);
  if (actual.length === 0) return { ok: false, reason: 'unknownUcwaUser' };
  if (actual.some((address) => expected.includes(address))) return { ok: true };
  return { ok: false, reason: 'mismatch', signedInAs: actual[0]! };
}

function describe(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, got ${issue.received}`;
  return issue.message;
}

/**
 * The password was right but the account is not the Teams user's: the session has already been signed out and
 * nothing was stored. Carries no sentence: the Teams side words it in the person's language.
 */
export class WrongAccountError extends Error {
  constructor(readonly verdict: Exclude<IdentityVerdict, { ok: true }>) {
    super(`Skype for Business account refused for this Teams user (${verdict.reason})`);
    this.name = 'WrongAccountError';
  }
}

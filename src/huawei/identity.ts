import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Logger } from '../logging.js';
import type { HuaweiSettings } from '../config.js';

/**
 * Who the bot may act as in Huawei Cloud Meeting. App ID sign-in can impersonate any enterprise user, so the
 * Huawei userId comes only from what Teams vouches for (the signed-in user's AAD object id / UPN / email) or
 * from the admin-managed mapping file — never from anything typed in chat.
 */
export interface TeamsUserRef {
  aadObjectId?: string;
  /** userPrincipalName as reported by Teams. */
  upn?: string;
  email?: string;
}

export interface HuaweiIdentity {
  /** The Huawei userId to pass to HuaweiMeetingClient. */
  userId: string;
  /** Bot-side admin (config huawei.admins): may list the whole enterprise. */
  isAdmin: boolean;
  source: 'mapFile' | 'upn' | 'email';
}

/**
 * Mapping file: a JSON object from a Teams key (AAD object id, or lower-cased UPN/email) to the Huawei userId,
 * e.g. `{ "alice@contoso.com": "alice.huawei@contoso.com", "00000000-0000-…": "bob@contoso.com" }`.
 * Also accepted: `{ "users": { … } }`, so the file can grow other sections later.
 */
const huaweiUserIds = z.record(z.string().trim().min(1).max(255));
const mapFileSchema = z.union([z.object({ users: huaweiUserIds }).transform((file) => file.users), huaweiUserIds]);

export interface HuaweiIdentityResolverOptions {
  /** Lower-cased UPNs or AAD object ids (config huawei.admins). */
  admins: readonly string[];
  /** config huawei.userMapFile. */
  userMapFile?: string;
  /** Use the Teams UPN/email itself as the Huawei userId when the map has no entry. Default true. */
  fallbackToUpn?: boolean;
  logger: Logger;
}

export class HuaweiIdentityResolver {
  readonly #admins: ReadonlySet<string>;
  #map = new Map<string, string>();
  #mapVersion: number | undefined;

  constructor(private readonly options: HuaweiIdentityResolverOptions) {
    this.#admins = new Set(options.admins.map(normalize).filter((entry) => entry.length > 0));
  }

  static fromConfig(settings: HuaweiSettings, logger: Logger): HuaweiIdentityResolver {
    return new HuaweiIdentityResolver({ admins: settings.admins, userMapFile: settings.userMapFile, logger });
  }

  /** The Huawei identity for a Teams user, or undefined when nothing trusted identifies them. */
  async resolve(user: TeamsUserRef): Promise<HuaweiIdentity | undefined> {
    await this.refreshMap();
    const isAdmin = this.isAdmin(user);
    for (const key of [user.aadObjectId, user.upn, user.email]) {
      const mapped = key ? this.#map.get(normalize(key)) : undefined;
      if (mapped) return { userId: mapped, isAdmin, source: 'mapFile' };
    }
    if (this.options.fallbackToUpn === false) return undefined;
    if (user.upn && looksLikeAddress(user.upn)) return { userId: normalize(user.upn), isAdmin, source: 'upn' };
    if (user.email && looksLikeAddress(user.email)) return { userId: normalize(user.email), isAdmin, source: 'email' };
    return undefined;
  }

  isAdmin(user: TeamsUserRef): boolean {
    return [user.aadObjectId, user.upn, user.email].some((key) => key !== undefined && this.#admins.has(normalize(key)));
  }

  /** Re-reads the mapping file when it changed on disk; a broken file keeps the last good map. */
  private async refreshMap(): Promise<void> {
    const path = this.options.userMapFile;
    if (!path) return;
    let version: number;
    try {
      version = (await stat(path)).mtimeMs;
    } catch (error) {
      if (this.#mapVersion !== -1) this.options.logger.warn({ path, error: String(error) }, 'huawei user map file is not readable');
      this.#mapVersion = -1;
      this.#map = new Map();
      return;
    }
    if (version === this.#mapVersion) return;
    try {
      const entries = mapFileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
      this.#map = new Map(Object.entries(entries).map(([key, userId]) => [normalize(key), userId]));
      this.#mapVersion = version;
      this.options.logger.info({ path, entries: this.#map.size }, 'huawei user map loaded');
    } catch (error) {
      this.options.logger.error({ path, error: error instanceof Error ? error.message : String(error) }, 'huawei user map file is invalid; keeping the previous map');
      this.#mapVersion = version;
    }
  }
}

function normalize(value: string): string {
  return value.trim().toLowerCase();
}

function looksLikeAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

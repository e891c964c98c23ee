import type { Language } from '../nlu/recognition.js';
import type { BotStorage } from '../storage/index.js';

/** A contact of a watched group, as the person's current UCWA application names it. */
export interface WatchedContact {
  /** The contact's href in the current application (events name contacts by it). */
  href: string;
  uri?: string;
  name: string;
  /** The contact's `contactPresence` link. */
  presenceHref?: string;
  /** Last status told or seen (`availability|activity`); kept so a restart does not repeat or swallow a change. */
  status?: string;
}

export interface WatchedGroup {
  /** The group's href; re-read after a restart to refresh members and the subscription. */
  href: string;
  /** The group's UCWA id: how it is found again when a pool move makes `href` name the old server. */
  id?: string;
  name: string;
  /** The running presenceSubscription, extended when it is about to expire. */
  subscriptionHref?: string;
  contacts: WatchedContact[];
  since: string;
}

export interface PresenceWatchRecord {
  teamsUserId: string;
  upn?: string;
  name?: string;
  language: Language;
  groups: WatchedGroup[];
}

const watchPrefix = 'presence/watch/';

/** The groups each person watches the presence of, one record per person (`presence/watch/<teams user id>`). */
export class PresenceRecords {
  constructor(private readonly storage: BotStorage) {}

  async get(teamsUserId: string): Promise<PresenceWatchRecord | undefined> {
    const key = `${watchPrefix}${teamsUserId}`;
    const value = (await this.storage.read([key]))[key] as (PresenceWatchRecord & { eTag?: string }) | undefined;
    if (!value) return undefined;
    const { eTag: _eTag, ...record } = value;
    return record;
  }

  /** Saves the record, or deletes it once it watches nothing. */
  async save(record: PresenceWatchRecord): Promise<void> {
    const key = `${watchPrefix}${record.teamsUserId}`;
    if (record.groups.length === 0) await this.storage.delete([key]);
    else await this.storage.write({ [key]: { ...record, eTag: '*' } });
  }

  async watchers(): Promise<string[]> {
    return (await this.storage.keys(watchPrefix)).map((key) => key.slice(watchPrefix.length));
  }
}

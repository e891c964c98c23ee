import type { Language } from '../../../nlu/recognition.js';
import type { BotStorage } from '../../../storage/index.js';

export interface WatchedMeeting {
  /** onlineMeetingUri: the stable identity of the meeting (the source's meeting key). */
  uri: string;
  subject: string;
  meetingId?: string;
  /** The organizer's own conversation in the meeting, while joined. */
  conversationHref?: string;
  /** Where this meeting's alerts go instead of the organizer's personal chat (a channel or group chat). */
  alertConversationId?: string;
}

export interface WatchRecord {
  teamsUserId: string;
  upn?: string;
  name?: string;
  language: Language;
  timeZone: string;
  meetings: WatchedMeeting[];
}

const watchPrefix = 'lobby/watch/';

/**
 * The Skype for Business lobby's watch lists, one per organizer (`lobby/watch/<teams user id>`): which meetings
 * their UCWA application stays joined to. Last-writer-wins: callers serialize per organizer.
 */
export class UcwaWatchRecords {
  constructor(private readonly storage: BotStorage) {}

  async watch(teamsUserId: string): Promise<WatchRecord | undefined> {
    const key = `${watchPrefix}${teamsUserId}`;
    const value = (await this.storage.read([key]))[key] as (WatchRecord & { eTag?: string }) | undefined;
    if (!value) return undefined;
    const { eTag: _eTag, ...record } = value;
    return record;
  }

  async saveWatch(record: WatchRecord): Promise<void> {
    await this.storage.write({ [`${watchPrefix}${record.teamsUserId}`]: { ...record, eTag: '*' } });
  }

  async deleteWatch(teamsUserId: string): Promise<void> {
    await this.storage.delete([`${watchPrefix}${teamsUserId}`]);
  }

  async watchers(): Promise<string[]> {
    return (await this.storage.keys(watchPrefix)).map((key) => key.slice(watchPrefix.length));
  }
}

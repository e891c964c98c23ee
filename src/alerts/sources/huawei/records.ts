import type { Language } from '../../../nlu/recognition.js';
import type { BotStorage } from '../../../storage/index.js';

export interface HuaweiWatchedMeeting {
  /** The conferenceID: the source's meeting key. */
  conferenceId: string;
  subject: string;
  alertConversationId?: string;
}

export interface HuaweiWatchRecord {
  teamsUserId: string;
  upn?: string;
  name?: string;
  /** The Huawei user the feeds act as (resolved from the Teams identity when the watch began, never from chat). */
  huaweiUserId: string;
  language: Language;
  timeZone: string;
  meetings: HuaweiWatchedMeeting[];
}

const watchPrefix = 'huawei/watch/';

/**
 * The Huawei waiting-room watch lists, one per organizer (`huawei/watch/<teams user id>`), so the watches come back
 * after a restart like the Skype for Business ones. Last-writer-wins: callers serialize per organizer.
 */
export class HuaweiWatchRecords {
  constructor(private readonly storage: BotStorage) {}

  async watch(teamsUserId: string): Promise<HuaweiWatchRecord | undefined> {
    const key = `${watchPrefix}${teamsUserId}`;
    const value = (await this.storage.read([key]))[key] as (HuaweiWatchRecord & { eTag?: string }) | undefined;
    if (!value) return undefined;
    const { eTag: _eTag, ...record } = value;
    return record;
  }

  async save(record: HuaweiWatchRecord): Promise<void> {
    if (record.meetings.length === 0) {
      await this.storage.delete([`${watchPrefix}${record.teamsUserId}`]);
      return;
    }
    await this.storage.write({ [`${watchPrefix}${record.teamsUserId}`]: { ...record, eTag: '*' } });
  }

  async watchers(): Promise<string[]> {
    return (await this.storage.keys(watchPrefix)).map((key) => key.slice(watchPrefix.length));
  }
}

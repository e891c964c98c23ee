import { lookup } from '../tables.js';
import type { Language } from '../nlu/recognition.js';
import type { Availability } from '../ucwa/index.js';
import { md } from '../teams/markdown.js';

/** What people see of presence: the Skype for Business status names, in both languages. */
const availabilityLabels: Record<Availability, Record<Language, string>> = {
  Online: { en: 'Available', zh: '有空' },
  IdleOnline: { en: 'Inactive', zh: '非活动' },
  Busy: { en: 'Busy', zh: '忙碌' },
  IdleBusy: { en: 'Busy (inactive)', zh: '忙碌（非活动）' },
  DoNotDisturb: { en: 'Do not disturb', zh: '请勿打扰' },
  BeRightBack: { en: 'Be right back', zh: '马上回来' },
  Away: { en: 'Away', zh: '离开' },
  Offline: { en: 'Offline', zh: '脱机' },
};

/** The well-known activity tokens (contactPresence_ref): the application localizes these itself. */
const activityLabels: Record<string, Record<Language, string>> = {
  'in-a-meeting': { en: 'in a meeting', zh: '开会中' },
  'urgent-interruptions-only': { en: 'urgent interruptions only', zh: '仅紧急打扰' },
  'on-the-phone': { en: 'on the phone', zh: '通话中' },
  'in-a-conference': { en: 'in a conference call', zh: '电话会议中' },
  'off-work': { en: 'off work', zh: '下班' },
  presenting: { en: 'presenting', zh: '演示中' },
};

export function availabilityLabel(availability: string, language: Language): string {
  return lookup(availabilityLabels as Record<string, Record<Language, string>>, availability)?.[language] ?? md(availability, 'id');
}

/**
 * "Bob Kelly is now Away", with the activity when it says more than the status ("Busy (on the phone)"). Markdown:
 * the contact's name, and a status or activity the server made up, go in literally (`md`).
 */
export function presenceLine(contactName: string, availability: string, activity: string | undefined, language: Language): string {
  const name = md(contactName, 'name');
  const status = availabilityLabel(availability, language);
  const detail = activity ? (lookup(activityLabels, activity)?.[language] ?? md(activity, 'id')) : undefined;
  const shown = detail && detail.toLowerCase() !== status.toLowerCase() ? `${status} (${detail})` : status;
  return language === 'zh' ? `${name} 现在的状态是：${shown}` : `${name} is now ${shown}`;
}

/** A watched group that is gone from the person's contact list (deleted or renamed elsewhere): said once, when noticed. */
export function groupGoneLine(groupName: string, language: Language): string {
  const name = md(groupName, 'name');
  return language === 'zh'
    ? `我已停止关注“${name}”的状态：这个联系人组在 Skype for Business 中已不存在。`
    : `I stopped watching the presence of "${name}": that contact group no longer exists in Skype for Business.`;
}

import { lookup } from '../../tables.js';
import type { Language } from '../../nlu/recognition.js';
import { md, plain } from '../../teams/markdown.js';

/** Words on the Skype for Business cards, in both reply languages. */
type Bilingual = Record<Language, string>;

const quote = (text: string): string => `“${text}”`;

/** Labels used on cards. */
export const label = {
  meetings: { en: 'Your Skype for Business meetings', zh: '您的 Skype for Business 会议' },
  noMeetings: { en: 'You have no Skype for Business meetings.', zh: '您没有 Skype for Business 会议。' },
  created: { en: 'Meeting created', zh: '会议已创建' },
  updated: { en: 'Meeting updated', zh: '会议已更新' },
  noExtensions: { en: 'This meeting has no extensions.', zh: '这个会议没有扩展数据。' },
  extensionAdded: (subject: string): Bilingual => ({ en: `Extension added to "${subject}"`, zh: `已给${quote(subject)}添加扩展` }),
  presenceWatched: (name: string, count: number, minutes: number): Bilingual => ({
    en: `Watching the presence of the ${count} contact(s) in "${name}": I'll tell you in our chat when their status changes. (The subscription renews itself every ${minutes} minutes; say "stop watching presence of ${name}" to end it.)`,
    zh: `正在关注${quote(name)}中 ${count} 位联系人的在线状态，状态变化时我会在私聊中告诉您。（订阅每 ${minutes} 分钟自动续期；说“停止关注${name}的状态”即可结束。）`,
  }),
  assigned: { en: 'assigned meeting', zh: '固定会议' },
  subject: { en: 'Subject', zh: '主题' },
  meetingId: { en: 'Meeting ID', zh: '会议 ID' },
  description: { en: 'Description', zh: '描述' },
  access: { en: 'Who may enter', zh: '准入' },
  lobbyBypass: { en: 'Phone users bypass the lobby', zh: '电话用户绕过大厅' },
  phoneAdmission: { en: 'Phone users may join', zh: '允许电话用户加入' },
  leaders: { en: 'Leaders', zh: '组织者' },
  attendees: { en: 'Attendees', zh: '参会人' },
  conferenceId: { en: 'Conference ID', zh: '会议号' },
  expires: { en: 'Expires', zh: '过期时间' },
  organizer: { en: 'Organizer', zh: '组织者' },
  join: { en: 'Join', zh: '加入' },
  details: { en: 'Details', zh: '详情' },
  members: { en: 'Members', zh: '成员' },
  none: { en: '(none)', zh: '（无）' },
  defaults: { en: 'New meetings get these settings', zh: '新会议的默认设置' },
  eligible: { en: 'Settings you may choose', zh: '可以选择的设置' },
  policies: { en: 'Your meeting policies', zh: '您的会议策略' },
  dialIn: { en: 'Join by phone', zh: '电话入会' },
  invitation: { en: 'Invitation text', zh: '邀请文本' },
  extensionsOf: (subject: string): Bilingual => ({ en: `Extensions of "${subject}"`, zh: `${quote(subject)}的扩展` }),
  groups: { en: 'Your contact groups', zh: '您的联系人分组' },
  personalGroups: { en: 'Your groups', zh: '您的分组' },
  builtInGroups: { en: 'Built-in groups', zh: '内置分组' },
  distributionGroups: { en: 'Distribution groups', zh: '通讯组' },
  membersOf: (name: string): Bilingual => ({ en: `Members of "${name}"`, zh: `${quote(name)}的成员` }),
  noMembers: { en: 'This group has no contacts.', zh: '这个分组没有联系人。' },
  alsoMembers: (names: string): Bilingual => ({ en: `Also in this group: ${names}`, zh: `分组中还有：${names}` }),
  noGroups: { en: 'You have no contact groups.', zh: '您没有联系人分组。' },
  accessLevel: { en: 'Who may enter', zh: '准入' },
  leaderAssignment: { en: 'Automatic leaders', zh: '自动成为组织者' },
  announcements: { en: 'Entry/exit announcements', zh: '进出提示音' },
  meetingKinds: { en: 'Meeting kinds', zh: '会议类型' },
  warningThreshold: { en: 'Large-meeting warning at', zh: '大型会议提醒人数' },
  recording: { en: 'Recording', zh: '录制' },
  externalRecording: { en: 'Recording by external users', zh: '外部用户录制' },
  meetingSize: { en: 'Maximum meeting size', zh: '最大会议人数' },
  voip: { en: 'Computer audio', zh: '电脑音频' },
  tollNumber: { en: 'Toll number', zh: '收费号码' },
  tollFree: { en: 'Toll-free numbers', zh: '免费号码' },
  defaultRegion: { en: 'Default region', zh: '默认区域' },
  directory: { en: 'All numbers', zh: '全部号码' },
  regions: { en: 'Dial-in regions', zh: '拨入区域' },
  languages: { en: 'Languages', zh: '语言' },
  footer: { en: 'Footer', zh: '页脚' },
  helpUrl: { en: 'Help', zh: '帮助' },
  legalUrl: { en: 'Legal', zh: '法律声明' },
  logoUrl: { en: 'Logo', zh: '徽标' },
  enterpriseHelp: { en: 'First-time help', zh: '首次使用帮助' },
  extensionId: { en: 'ID', zh: 'ID' },
  extensionType: { en: 'Type', zh: '类型' },
  presence: { en: 'Presence subscription', zh: '状态订阅' },
} as const;

/** UCWA's enumerated values, as people read them. Unknown values are shown as the server sent them. */
const accessLevels: Record<string, Bilingual> = {
  Everyone: { en: 'Everyone, including anonymous people', zh: '所有人（包括匿名用户）' },
  Invited: { en: 'Only invited people', zh: '仅受邀者' },
  Locked: { en: 'Locked: only the organizer', zh: '已锁定：仅组织者' },
  SameEnterprise: { en: 'Anyone from my organization', zh: '本组织中的任何人' },
  None: { en: 'Not set', zh: '未设置' },
};

const switches: Record<string, Bilingual> = {
  Enabled: { en: 'Yes', zh: '是' },
  Disabled: { en: 'No', zh: '否' },
  Unsupported: { en: 'Not supported', zh: '不支持' },
};

export function accessLevelText(value: string | undefined, language: Language): string {
  if (!value) return label.none[language];
  return lookup(accessLevels, value)?.[language] ?? plain(value, 'id');
}

/** The answers to "stop watching presence of <group>": markdown, with the group names in literally (`md`). */
export const presenceStopText = {
  stopped: (group: string): Bilingual => {
    const name = md(group, 'name');
    return {
      en: `Stopped watching the presence of "${name}"; I won't tell you about their status changes any more.`,
      zh: `已停止关注${quote(name)}的在线状态，之后不会再通知您他们的状态变化。`,
    };
  },
  notWatched: (group: string, groups: readonly string[]): Bilingual => {
    const name = md(group, 'name');
    const watched = groups.map((other) => md(other, 'name'));
    return {
      en: `I wasn't watching the presence of "${name}".` + (watched.length ? ` I am watching: ${watched.map((other) => `"${other}"`).join(', ')}.` : ''),
      zh: `我没有在关注${quote(name)}的在线状态。` + (watched.length ? `正在关注：${watched.map(quote).join('、')}。` : ''),
    };
  },
};

export function switchText(value: string | undefined, language: Language): string {
  if (!value) return label.none[language];
  return switches[value]?.[language] ?? plain(value, 'id');
}

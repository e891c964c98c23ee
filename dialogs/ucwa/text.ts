import type { Language } from '../../src/nlu/recognition.js';
import { md } from '../../src/teams/markdown.js';

/**
 * Every sentence the Skype for Business meeting and group commands say, in both reply languages. Sentences are
 * markdown; the subjects, names and words they quote came from the server or the person, so each goes in through
 * `md` (clipped, literal): `meetingSubject`, `groupName` and `typed` below.
 */
type Bilingual = Record<Language, string>;

const meetingSubject = (text: string): string => md(text, 'subject');
const groupName = (text: string): string => md(text, 'name');
const typed = (text: string): string => md(text, 'subject');

const quote = (text: string): string => `“${text}”`;

export const say = {
  notSignedIn: {
    en: 'You are not signed in to Skype for Business yet. Type **sign in** to link your account, then try again.',
    zh: '您还没有登录 Skype for Business。请输入 **登录** 关联您的账号，然后再试一次。',
  },

  // ---------------------------------------------------------------------------------------------- meetings
  whichMeeting: { en: 'Which meeting? Tell me its subject.', zh: '哪个会议？请告诉我会议主题。' },
  chooseMeeting: { en: 'Which meeting?', zh: '哪个会议？' },
  noMeetingNamed: (name: string, existing: string[]): Bilingual => ({
    en: `I couldn't find a meeting of yours called "${typed(name)}".` + (existing.length ? ` Your meetings: ${existing.map(meetingSubject).join(', ')}.` : ' You have no meetings.'),
    zh: `我没有找到您名为${quote(typed(name))}的会议。` + (existing.length ? `您的会议：${existing.map(meetingSubject).join('、')}。` : '您没有任何会议。'),
  }),
  noExtensions: (subject: string): Bilingual => ({
    en: `Skype for Business offers no extensions for "${subject}".`,
    zh: `Skype for Business 不为${quote(subject)}提供扩展。`,
  }),
  meetingKind: (rel: string): Bilingual =>
    rel === 'myAssignedOnlineMeeting'
      ? { en: 'your assigned meeting', zh: '您的固定会议' }
      : rel === 'myOnlineMeeting'
        ? { en: 'scheduled meeting', zh: '预约的会议' }
        : { en: 'meeting', zh: '会议' },
  expires: (when: string): Bilingual => ({ en: `expires ${when}`, zh: `${when} 过期` }),
  organizedBy: (who: string): Bilingual => ({ en: `organized by ${who}`, zh: `组织者 ${who}` }),
  askSubject: { en: 'What should the meeting be called?', zh: '会议叫什么名字？' },
  emptySubject: { en: 'A meeting needs a subject, so I did not create one.', zh: '会议需要一个主题，所以我没有创建。' },
  leadersNeedAddresses: (names: string[]): Bilingual => ({
    en: `I need sign-in addresses for leaders (like bob@contoso.com), not names: ${names.map(groupName).join(', ')}. Nothing was created.`,
    zh: `组织者需要登录地址（例如 bob@contoso.com），而不是姓名：${names.map(groupName).join('、')}。没有创建任何会议。`,
  }),
  timeInPast: (when: string): Bilingual => ({
    en: `${typed(when)} has already passed; please give a time in the future. Nothing was changed.`,
    zh: `${typed(when)} 已经过去了，请给出将来的时间。没有做任何更改。`,
  }),
  timeTooFar: { en: 'Skype for Business meetings can be kept for at most 10 years. Nothing was changed.', zh: 'Skype for Business 会议最多保留 10 年。没有做任何更改。' },
  timeUnreadable: (text: string): Bilingual => ({
    en: `I couldn't read "${typed(text)}" as a time. Nothing was changed.`,
    zh: `我无法把${quote(typed(text))}理解为时间。没有做任何更改。`,
  }),
  noTimeInSkype: (until: string): Bilingual => ({
    en: `Skype for Business meetings have no start time: anyone allowed in can join with the link until it expires, which I set to ${until}.`,
    zh: `Skype for Business 会议没有开始时间：获准的人可随时通过链接加入，直到会议过期。我把过期时间设为 ${until}。`,
  }),
  nothingToChange: (subject: string): Bilingual => ({
    en: `What should I change in "${meetingSubject(subject)}"? For example: "change ${meetingSubject(subject)} to locked", "rename meeting ${meetingSubject(subject)} to Planning" or "move ${meetingSubject(subject)} to tomorrow 5pm".`,
    zh: `要修改${quote(meetingSubject(subject))}的什么？例如：“把${meetingSubject(subject)}改为锁定”或“把会议${meetingSubject(subject)}改名为 计划会”。`,
  }),
  confirmDelete: (subject: string): Bilingual => ({
    en: `Delete the meeting "${meetingSubject(subject)}"? Its join link will stop working.`,
    zh: `要删除会议${quote(meetingSubject(subject))}吗？它的入会链接将失效。`,
  }),
  deleted: (subject: string): Bilingual => ({ en: `Deleted the meeting "${meetingSubject(subject)}".`, zh: `已删除会议${quote(meetingSubject(subject))}。` }),
  keptMeeting: (subject: string): Bilingual => ({ en: `OK, I kept "${meetingSubject(subject)}".`, zh: `好的，保留了${quote(meetingSubject(subject))}。` }),

  // ------------------------------------------------------------------------------------------------ groups
  whichGroup: { en: 'Which group? Tell me its name.', zh: '哪个分组？请告诉我分组名称。' },
  askGroupName: { en: 'What should the group be called?', zh: '分组叫什么名字？' },
  chooseGroup: { en: 'Which group?', zh: '哪个分组？' },
  noGroupNamed: (name: string, existing: string[]): Bilingual => ({
    en: `I couldn't find a group of yours called "${typed(name)}".` + (existing.length ? ` Your groups: ${existing.map(groupName).join(', ')}.` : ' You have no groups.'),
    zh: `我没有找到您名为${quote(typed(name))}的分组。` + (existing.length ? `您的分组：${existing.map(groupName).join('、')}。` : '您没有任何分组。'),
  }),
  groupKind: (kind: string, address?: string): Bilingual =>
    kind === 'group' || kind === 'group2'
      ? { en: 'your personal group', zh: '您的个人分组' }
      : kind === 'distributionGroup'
        ? { en: `distribution group${address ? ` ${address}` : ''}`, zh: `通讯组${address ? ` ${address}` : ''}` }
        : { en: 'built-in group', zh: '内置分组' },
  notRenamable: (name: string): Bilingual => ({
    en: `"${name}" is a distribution group; Skype for Business can't rename or delete it.`,
    zh: `${quote(name)}是通讯组，Skype for Business 不能重命名或删除它。`,
  }),
  builtInGroup: (name: string): Bilingual => ({
    en: `"${groupName(name)}" is a built-in Skype for Business group; it can't be renamed or deleted.`,
    zh: `${quote(groupName(name))}是 Skype for Business 的内置分组，不能重命名或删除。`,
  }),
  groupNameLength: (length: number, max: number): Bilingual => ({
    en: `A group name must be 1 to ${max} characters long; that one has ${length}. Nothing was changed.`,
    zh: `分组名称必须为 1 到 ${max} 个字符，这个有 ${length} 个。没有做任何更改。`,
  }),
  groupExists: (name: string): Bilingual => ({ en: `You already have a group called "${groupName(name)}".`, zh: `您已经有一个名为${quote(groupName(name))}的分组。` }),
  groupCreated: (name: string): Bilingual => ({ en: `Created the group "${groupName(name)}".`, zh: `已创建分组${quote(groupName(name))}。` }),
  groupRenamed: (from: string, to: string): Bilingual => ({ en: `Renamed the group "${groupName(from)}" to "${groupName(to)}".`, zh: `已把分组${quote(groupName(from))}重命名为${quote(groupName(to))}。` }),
  confirmGroupDelete: (name: string): Bilingual => ({
    en: `Delete the group "${groupName(name)}"? The contacts stay in your contact list.`,
    zh: `要删除分组${quote(groupName(name))}吗？联系人仍会保留在您的联系人列表中。`,
  }),
  groupDeleted: (name: string): Bilingual => ({ en: `Deleted the group "${groupName(name)}".`, zh: `已删除分组${quote(groupName(name))}。` }),
  keptGroup: (name: string): Bilingual => ({ en: `OK, I kept "${groupName(name)}".`, zh: `好的，保留了${quote(groupName(name))}。` }),
  noPresence: (name: string): Bilingual => ({
    en: `Skype for Business doesn't offer presence for "${groupName(name)}".`,
    zh: `Skype for Business 不提供${quote(groupName(name))}的在线状态。`,
  }),
  buttonNotValid: { en: 'This button is out of date. Please ask again.', zh: '这个按钮已过期，请重新询问。' },
} as const;

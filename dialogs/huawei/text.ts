import { HuaweiError } from '../../src/huawei/index.js';
import type { Language } from '../../src/nlu/recognition.js';
import { escapeMarkdown, md, plain } from '../../src/teams/markdown.js';
import { huaweiErrorSentence } from '../../src/teams/huaweiErrorSentences.js';

/**
 * Every sentence the Huawei commands say, in both reply languages. Sentences are markdown: what the person typed
 * and what Huawei Cloud Meeting sent (subjects) goes in through `md`, and a meeting label through `escapeMarkdown`.
 */
type Bilingual<T> = Record<Language, T>;

export const say = {
  unknownUser: {
    en: "I couldn't tell which Huawei Cloud Meeting user you are: your Teams account has no sign-in name I can use. Ask an administrator to add you to the bot's Huawei user map.",
    zh: '我无法确定您对应的华为云会议用户：您的 Teams 账号没有可用的登录名。请让管理员把您加入机器人的华为用户映射表。',
  },
  notAdminForAll: {
    en: 'Only bot administrators can list every meeting in the enterprise, so here are your own meetings.',
    zh: '只有机器人管理员才能列出企业的全部会议，下面是您自己的会议。',
  },
  searchTooLong: (length: number, max: number): Bilingual<string> => ({
    en: `That search text is ${length} characters long; Huawei Cloud Meeting accepts at most ${max}. Try a shorter word from the meeting's subject, the organizer's name or the meeting ID.`,
    zh: `搜索内容有 ${length} 个字符，华为云会议最多接受 ${max} 个。请换用会议主题、组织者姓名或会议 ID 中较短的词。`,
  }),
  noOngoing: (keyword?: string): Bilingual<string> => ({
    en: keyword ? `No ongoing meetings match "${md(keyword, 'subject')}".` : 'There are no ongoing meetings right now.',
    zh: keyword ? `没有与“${md(keyword, 'subject')}”匹配的进行中会议。` : '目前没有进行中的会议。',
  }),
  noScheduled: (keyword?: string): Bilingual<string> => ({
    en: keyword ? `No upcoming meetings match "${md(keyword, 'subject')}".` : 'You have no upcoming meetings.',
    zh: keyword ? `没有与“${md(keyword, 'subject')}”匹配的预约会议。` : '您没有即将召开的会议。',
  }),
  noListToContinue: {
    en: 'There is no list to continue here. Try "list ongoing meetings" first.',
    zh: '这里没有可以继续的列表。请先说“列出进行中的会议”。',
  },
  listOwnedBySomeoneElse: {
    en: 'The last list here was asked for by someone else. Ask for your own list first, e.g. "list ongoing meetings".',
    zh: '这里的上一个列表是别人请求的。请先请求您自己的列表，例如“列出进行中的会议”。',
  },
  onlyNextPage: {
    en: 'I can only go forward through a list. To start again from the top, ask for the list again.',
    zh: '列表只能向后翻页。要从头开始，请重新请求列表。',
  },
  listEnded: {
    en: "That's the end of the list.",
    zh: '列表已经到底了。',
  },
  whichMeeting: {
    en: 'Which meeting? Tell me its ID (like 914083136) or its subject.',
    zh: '哪个会议？请告诉我会议 ID（例如 914083136）或会议主题。',
  },
  chooseMeeting: { en: 'Which meeting?', zh: '哪个会议？' },
  noMeetingNamed: (name: string): Bilingual<string> => ({
    en: `I couldn't find an ongoing meeting of yours called "${md(name, 'subject')}".`,
    zh: `我没有找到您名为“${md(name, 'subject')}”的进行中会议。`,
  }),
  noMeetingNamedAny: (name: string): Bilingual<string> => ({
    en: `I couldn't find a meeting of yours called "${md(name, 'subject')}".`,
    zh: `我没有找到您名为“${md(name, 'subject')}”的会议。`,
  }),
  confirmEnd: (label: string): Bilingual<string> => ({
    en: `End ${escapeMarkdown(label)} for everyone? Everyone in it will be disconnected.`,
    zh: `要为所有人结束 ${escapeMarkdown(label)} 吗？所有参会人都会被断开。`,
  }),
  ended: (label: string): Bilingual<string> => ({ en: `Ended ${escapeMarkdown(label)}.`, zh: `已结束 ${escapeMarkdown(label)}。` }),
  keptRunning: (label: string): Bilingual<string> => ({ en: `OK, ${escapeMarkdown(label)} keeps running.`, zh: `好的，${escapeMarkdown(label)} 继续进行。` }),
  muted: (label: string): Bilingual<string> => ({ en: `Muted everyone in ${escapeMarkdown(label)} except the host.`, zh: `已将 ${escapeMarkdown(label)} 中除主持人外的所有人静音。` }),
  unmuted: (label: string): Bilingual<string> => ({ en: `Unmuted everyone in ${escapeMarkdown(label)}.`, zh: `已取消 ${escapeMarkdown(label)} 的全体静音。` }),
  locked: (label: string): Bilingual<string> => ({ en: `Locked ${escapeMarkdown(label)}: nobody else can join.`, zh: `已锁定 ${escapeMarkdown(label)}：其他人无法再加入。` }),
  unlocked: (label: string): Bilingual<string> => ({ en: `Unlocked ${escapeMarkdown(label)}: people can join again.`, zh: `已解锁 ${escapeMarkdown(label)}：其他人可以再次加入。` }),
  admitted: (label: string): Bilingual<string> => ({
    en: `Admitted everyone from the waiting room of ${escapeMarkdown(label)}.`,
    zh: `已让 ${escapeMarkdown(label)} 等候室中的所有人进入会议。`,
  }),
} as const;

/** "meeting 914083136" / "会议 914083136 (预算评审会)": plain text, the subject clipped. */
export function meetingLabel(language: Language, conferenceId: string, subject?: string): string {
  const word = language === 'zh' ? '会议' : 'meeting';
  return subject ? `${word} ${plain(conferenceId, 'id')} (${plain(subject, 'subject')})` : `${word} ${plain(conferenceId, 'id')}`;
}

/** The sentence to show for a failed Huawei call, in the reply language (markdown: the adapter's is plain text). */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof HuaweiError) return escapeMarkdown(plain(huaweiErrorSentence(error, language)));
  return language === 'zh' ? '我这边出了点问题，请稍后再试。' : 'Something went wrong on my side. Please try again in a moment.';
}

import { platformName } from '../cards/lobby/alertCard.js';
import type { Language } from '../nlu/recognition.js';
import { md } from '../teams/markdown.js';
import type { Platform } from './source.js';

/** Refusals and notes the alert actions answer with (a button press shows them as the invoke message). */
const texts = {
  en: {
    alertGone: () => 'This alert is no longer active.',
    signInFirst: () => 'Please sign in to Skype for Business first (say "sign in" to me in our personal chat), then try again.',
    signInExpired: () => 'Your Skype for Business sign-in has run out. Say "sign in" to me to sign in again.',
    notLeader: (platform: string) => `Only a leader of this meeting can do that, and ${platform} does not let you admit or turn away people there. Nothing was changed.`,
    unsupported: (platform: string) => `${platform} has no way to do that from here; they keep waiting until someone admits them or they leave. Nothing was changed.`,
  },
  zh: {
    alertGone: () => '此提醒已失效。',
    signInFirst: () => '请先登录 Skype for Business（在与我的私聊中说“登录”），然后重试。',
    signInExpired: () => '您的 Skype for Business 登录已过期。请对我说“登录”重新登录。',
    notLeader: (platform: string) => `只有此会议的主持人才能执行此操作，${platform} 不允许您准入或拒绝此会议的与会者。未做任何更改。`,
    unsupported: (platform: string) => `${platform} 不支持在这里执行此操作；对方会继续等待，直到有人准入或其自行离开。未做任何更改。`,
  },
} as const;

export type Texts = keyof (typeof texts)['en'];

/** `platform`: whose refusal it is (default Skype for Business, the platform the sign-in sentences are about). */
export function text(who: { language?: Language }, key: Texts, platform: Platform = 'sfb'): string {
  const language = who.language ?? 'en';
  return texts[language][key](platformName(platform, language));
}

/**
 * Notes about lobby alerts when the person's Skype for Business sign-in runs out or comes back, sent to their
 * personal chat as markdown: their meetings' subjects go in literally (`md`).
 */
export const lobbyNotes: Record<Language, { paused: string; resumed: (subjects: string[]) => string }> = {
  en: {
    paused: 'Your Skype for Business sign-in has run out, so lobby alerts are paused. Say "sign in" to resume them.',
    resumed: (subjects) => `Lobby alerts are back on for: ${subjects.map((subject) => md(subject, 'subject')).join(', ')}.`,
  },
  zh: {
    paused: '您的 Skype for Business 登录已过期，大厅提醒已暂停。请说“登录”以恢复。',
    resumed: (subjects) => `已恢复以下会议的大厅提醒：${subjects.map((subject) => md(subject, 'subject')).join('、')}。`,
  },
};

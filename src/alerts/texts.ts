import type { Language } from '../nlu/recognition.js';
import { md } from '../teams/markdown.js';

/** Refusals and notes the alert actions answer with (a button press shows them as the invoke message). */
const texts = {
  en: {
    alertGone: 'This alert is no longer active.',
    signInFirst: 'Please sign in to Skype for Business first (say "sign in" to me in our personal chat), then try again.',
    signInExpired: 'Your Skype for Business sign-in has run out. Say "sign in" to me to sign in again.',
    notLeader: 'Only a leader of this meeting can do that, and Skype for Business does not let you admit or turn away people there. Nothing was changed.',
  },
  zh: {
    alertGone: '此提醒已失效。',
    signInFirst: '请先登录 Skype for Business（在与我的私聊中说“登录”），然后重试。',
    signInExpired: '您的 Skype for Business 登录已过期。请对我说“登录”重新登录。',
    notLeader: '只有此会议的主持人才能执行此操作，Skype for Business 不允许您准入或拒绝此会议的与会者。未做任何更改。',
  },
} as const;

export type Texts = keyof (typeof texts)['en'];

export function text(who: { language?: Language }, key: Texts): string {
  return texts[who.language ?? 'en'][key];
}

/**
 * Notes about the person's Skype for Business sign-in, sent to their personal chat as markdown: the address they
 * typed and their meetings' subjects go in literally (`md`).
 */
export const sessionNotes: Record<Language, { paused: string; signedIn: (address: string) => string; resumed: (subjects: string[]) => string }> = {
  en: {
    paused: 'Your Skype for Business sign-in has run out, so lobby alerts are paused. Say "sign in" to resume them.',
    signedIn: (address) => `You are signed in to Skype for Business as ${md(address, 'id')}. Say "watch my meeting <name>" to get lobby alerts.`,
    resumed: (subjects) => `Lobby alerts are back on for: ${subjects.map((subject) => md(subject, 'subject')).join(', ')}.`,
  },
  zh: {
    paused: '您的 Skype for Business 登录已过期，大厅提醒已暂停。请说“登录”以恢复。',
    signedIn: (address) => `您已以 ${md(address, 'id')} 登录 Skype for Business。说“关注我的会议 <名称>”即可接收大厅提醒。`,
    resumed: (subjects) => `已恢复以下会议的大厅提醒：${subjects.map((subject) => md(subject, 'subject')).join('、')}。`,
  },
};

/** Why a sign-in with the right password was still refused: the account is not the person's own. */
export const wrongAccountWords: Record<
  Language,
  { notYours: (signedInAs: string, owner: string) => string; chatNote: (signedInAs: string) => string; unknownTeamsUser: string; unknownUcwaUser: string }
> = {
  en: {
    notYours: (signedInAs, owner) => `${signedInAs} is not the Skype for Business account of ${owner}, so I did not sign you in. Please sign in with your own account.`,
    chatNote: (signedInAs) =>
      `Someone used your sign-in link with the Skype for Business account ${signedInAs}, which is not yours, so I did not sign you in as ${signedInAs}. If that wasn't you, ask me to "sign in" again for a new link.`,
    unknownTeamsUser:
      "Teams did not tell me your sign-in name, so I can't check that this Skype for Business account is yours, and I did not sign you in. Please try again later, or ask your administrator to add you to the bot's Skype for Business user map.",
    unknownUcwaUser: 'Skype for Business did not say which account signed in, so I did not sign you in.',
  },
  zh: {
    // No space after a full-width bracket: "Bob Kelly（bob@contoso.com）的".
    notYours: (signedInAs, owner) => `${signedInAs} 不是 ${owner}${owner.endsWith('）') ? '' : ' '}的 Skype for Business 帐户，因此未为您登录。请使用您自己的帐户登录。`,
    chatNote: (signedInAs) => `有人使用您的登录链接尝试以 Skype for Business 帐户 ${signedInAs} 登录，该帐户不属于您，因此我未以 ${signedInAs} 为您登录。如果不是您本人，请对我说“登录”以获取新链接。`,
    unknownTeamsUser: 'Teams 未提供您的登录名，我无法确认此 Skype for Business 帐户属于您，因此未为您登录。请稍后重试，或请管理员将您添加到机器人的 Skype for Business 用户映射中。',
    unknownUcwaUser: 'Skype for Business 未说明登录的是哪个帐户，因此未为您登录。',
  },
};

import type { Language } from '../nlu/recognition.js';
import { md } from '../teams/markdown.js';

/** The note after a sign-in, sent to the person's personal chat as markdown: the address they typed goes in literally. */
export const signedInNote: Record<Language, (address: string) => string> = {
  en: (address) => `You are signed in to Skype for Business as ${md(address, 'id')}. Say "watch my meeting <name>" to get lobby alerts.`,
  zh: (address) => `您已以 ${md(address, 'id')} 登录 Skype for Business。说“关注我的会议 <名称>”即可接收大厅提醒。`,
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

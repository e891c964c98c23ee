import type { Dialog } from 'botbuilder-dialogs';
import type { SignOutResult, StoppedWork } from '../../src/accounts/ucwaAccounts.js';
import { offerSignIn, type SignInOffer } from '../../src/alerts/signInOffer.js';
import type { Language } from '../../src/nlu/recognition.js';
import { md } from '../../src/teams/markdown.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';

const say = {
  en: {
    signedOut: 'You are signed out of Skype for Business.',
    notSignedIn: 'You were not signed in to Skype for Business.',
    stopped: { lobby: (names: string) => `Lobby alerts for ${names} stop`, presence: (names: string) => `presence watches of ${names} stop` },
    again: 'Say "sign in" to use Skype for Business commands again.',
    list: (names: string[]) => (names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`),
    sentence: (parts: string[]) => `${capitalise(parts.join('; '))}.`,
  },
  zh: {
    signedOut: '已退出 Skype for Business。',
    notSignedIn: '您尚未登录 Skype for Business。',
    stopped: { lobby: (names: string) => `${names} 的大厅提醒已停止`, presence: (names: string) => `${names} 的在线状态关注已停止` },
    again: '如需再次使用 Skype for Business 命令，请说“登录”。',
    list: (names: string[]) => names.join('、'),
    sentence: (parts: string[]) => `${parts.join('；')}。`,
  },
} as const;

/** "sign in" answers with a card that opens the bot's sign-in page; the password never goes through chat. */
export function accountDialogs(offer: SignInOffer): Dialog[] {
  return [
    singleTurnCommand('signIn', async (step, options) => {
      await offerSignIn(offer, step.context, options);
    }),
    singleTurnCommand('signOut', async (step, options) => {
      const result = await offer.sfb.signOut(options.user);
      await reply(step.context, { text: signOutText(result, options.language) });
    }),
  ];
}

/** "You are signed out … Lobby alerts for Budget review and Weekly standup stop; presence watches of Project team stop." */
function signOutText(result: SignOutResult, language: Language): string {
  const w = say[language];
  const parts = result.stopped.map((work: StoppedWork) => w.stopped[work.kind](w.list(work.names.map((name) => `**${md(name, work.kind === 'lobby' ? 'subject' : 'name')}**`))));
  const lines: string[] = [result.known ? w.signedOut : w.notSignedIn];
  if (parts.length > 0) lines.push(w.sentence(parts));
  if (result.known) lines.push(w.again);
  return lines.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

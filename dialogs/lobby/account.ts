import type { Dialog } from 'botbuilder-dialogs';
import { offerSignIn, type SignInOffer } from '../../src/alerts/signInOffer.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';

const say = {
  en: {
    signedOut: 'You are signed out of Skype for Business and lobby alerts have stopped.',
    notSignedIn: 'You were not signed in to Skype for Business.',
  },
  zh: {
    signedOut: '已退出 Skype for Business，大厅提醒已停止。',
    notSignedIn: '您尚未登录 Skype for Business。',
  },
} as const;

/** "sign in" answers with a card that opens the bot's sign-in page; the password never goes through chat. */
export function accountDialogs(offer: SignInOffer): Dialog[] {
  return [
    singleTurnCommand('signIn', async (step, options) => {
      await offerSignIn(offer, step.context, options);
    }),
    singleTurnCommand('signOut', async (step, options) => {
      const known = await offer.alerts.signOut(options.user);
      const w = say[options.language];
      await reply(step.context, { text: known ? w.signedOut : w.notSignedIn });
    }),
  ];
}

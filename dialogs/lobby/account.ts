import type { Dialog } from 'botbuilder-dialogs';
import { offerSignIn, type SignInOffer } from '../../src/alerts/signInOffer.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';

/** "sign in" answers with a card that opens the bot's sign-in page; the password never goes through chat. */
export function accountDialogs(offer: SignInOffer): Dialog[] {
  const { alerts } = offer;
  return [
    singleTurnCommand('signIn', async (step, options) => {
      await offerSignIn(offer, step.context, options);
    }),
    singleTurnCommand('signOut', async (step, options) => {
      const known = await alerts.signOut(options.user);
      const zh = options.language === 'zh';
      const message = known
        ? zh ? '已退出 Skype for Business，大厅提醒已停止。' : 'You are signed out of Skype for Business and lobby alerts have stopped.'
        : zh ? '您尚未登录 Skype for Business。' : 'You were not signed in to Skype for Business.';
      await reply(step.context, { text: message });
    }),
  ];
}

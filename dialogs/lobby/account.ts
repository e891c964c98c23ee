import type { Dialog } from 'botbuilder-dialogs';
import type { LobbyAlerts } from '../../src/alerts/service.js';
import { signInReply } from '../../src/cards/lobby/alertCard.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';

/** "sign in" answers with a card that opens the bot's sign-in page; the password never goes through chat. */
export function accountDialogs(alerts: LobbyAlerts, publicUrl: string): Dialog[] {
  return [
    singleTurnCommand('signIn', async (step, options) => {
      const state = await alerts.createSignIn({ ...options.user, language: options.language, timeZone: options.timeZone });
      const url = `${publicUrl}/signin?state=${encodeURIComponent(state)}`;
      await reply(step.context, signInReply(url, options.language));
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

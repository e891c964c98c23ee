import { TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import type { Router } from '../../dialogs/router.js';
import { helpReply } from '../cards/help.js';
import type { Logger } from '../logging.js';
import type { ConversationReferenceStore } from './conversationReferences.js';
import { languageOf } from './language.js';
import { isAddressedToBot, textWithoutMentions } from './mentions.js';
import { reply } from './reply.js';
import { attachTurnLogger } from './turnLogger.js';

/**
 * The Teams face of the product. It only routes: remember where we can speak, decide whether a message is for
 * us, and hand it to the router. Commands live in capabilities, dialogs in `dialogs/`.
 */
export class MeetingOpsBot extends TeamsActivityHandler {
  constructor(
    private readonly router: Router,
    private readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
  ) {
    super();
    this.onTurn(async (context, next) => {
      attachTurnLogger(context, this.logger);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.references.capture(context);
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.references.capture(context);
      await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.references.remove(context.activity.conversation.id);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) await this.references.capture(context);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.references.capture(context);
    return this.router.onCardAction(context, invokeValue);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    if (!isAddressedToBot(context.activity)) return;
    const text = textWithoutMentions(context.activity);
    if (text === '') {
      await reply(context, helpReply(this.router.availableIntents, languageOf(context)));
      return;
    }
    await this.router.onMessage(context, text);
  }

  private async welcome(context: TurnContext): Promise<void> {
    const language = languageOf(context);
    const greeting = language === 'zh'
      ? '你好！我可以帮您管理会议：大厅提醒、Skype for Business 会议和华为云会议。'
      : "Hi! I help you run your meetings: lobby alerts, Skype for Business meetings and Huawei Cloud meetings.";
    await reply(context, { text: greeting });
    await reply(context, helpReply(this.router.availableIntents, language));
  }
}

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationReference,
} from 'botbuilder';
import restify from 'restify';

/**
 * A tiny real bot (CloudAdapter, anonymous, restify) for exercising the local channel end to end. Commands:
 * "card" sends an Action.Execute/Submit card; "proactive" answers, then sends one proactive message after
 * the turn; "whoami" reads its own member via TeamsInfo.getMember; "roster" pages the members;
 * "temp" sends then deletes a message; anything else is echoed.
 */

export interface EchoBot {
  url: string;
  /** Errors that reached onTurnError or the proactive path, in order. */
  errors: unknown[];
  /** Resolves when the proactive message started by "proactive" was sent (or failed). */
  proactiveDone(): Promise<void>;
  close(): Promise<void>;
}

export function approvalCard(state: 'pending' | 'approved', by?: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Lobby: Bob is waiting', weight: 'Bolder' },
      { type: 'FactSet', facts: [{ title: 'State', value: state }, ...(by ? [{ title: 'By', value: by }] : [])] },
      { type: 'Input.Text', id: 'note', label: 'Note', value: 'welcome' },
    ],
    actions:
      state === 'pending'
        ? [
            { type: 'Action.Execute', title: 'Admit', verb: 'admit', data: { participantId: 'p-1' } },
            { type: 'Action.Submit', title: 'Later', data: { choice: 'later' } },
          ]
        : [],
  };
}

class EchoHandler extends TeamsActivityHandler {
  proactive: Promise<void> = Promise.resolve();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly errors: unknown[],
  ) {
    super();
    this.onInstallationUpdateAdd(async (context, next) => {
      await context.sendActivity('Thanks for installing me.');
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    if (context.activity.value !== undefined && !context.activity.text) {
      await context.sendActivity(`submitted ${JSON.stringify(context.activity.value)}`);
      return;
    }
    const text = (TurnContext.removeRecipientMention(context.activity) ?? '').trim();
    switch (text) {
      case 'card':
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(approvalCard('pending'))] });
        return;
      case 'proactive': {
        const reference = TurnContext.getConversationReference(context.activity);
        await context.sendActivity('I will ping you.');
        this.proactive = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.ping(reference));
        return;
      }
      case 'whoami': {
        const member = await TeamsInfo.getMember(context, context.activity.from.id);
        await context.sendActivity(`you are ${member.name} <${member.email ?? '?'}> upn=${member.userPrincipalName ?? '?'} aad=${member.aadObjectId ?? '?'}`);
        return;
      }
      case 'roster': {
        const page = await TeamsInfo.getPagedMembers(context, 1);
        const rest = page.continuationToken ? await TeamsInfo.getPagedMembers(context, 10, page.continuationToken) : undefined;
        await context.sendActivity(`roster ${[...page.members, ...(rest?.members ?? [])].map((member) => member.name).join(', ')}`);
        return;
      }
      case 'temp': {
        const sent = await context.sendActivity('temporary');
        if (sent?.id) await context.deleteActivity(sent.id);
        return;
      }
      default:
        await context.sendActivity(`echo: ${text}`);
    }
  }

  private async ping(reference: Partial<ConversationReference>): Promise<void> {
    try {
      await this.adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity('proactive ping');
      });
    } catch (error) {
      this.errors.push(error);
    }
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (invokeValue.action.verb !== 'admit') {
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'unknown verb' } };
    }
    const card = approvalCard('approved', context.activity.from.name);
    const replyToId = context.activity.replyToId;
    if (replyToId) {
      await context.updateActivity({ id: replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
    }
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

export async function startEchoBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const errors: unknown[] = [];
  adapter.onTurnError = async (context, error) => {
    errors.push(error);
    const status = (error as { statusCode?: unknown }).statusCode;
    try {
      await context.sendActivity(`turn failed (${String(status ?? 'no status')})`);
    } catch (sendError) {
      errors.push(sendError);
    }
  };
  const bot = new EchoHandler(adapter, errors);
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (request, response) => {
    await adapter.process(request, response, (context) => bot.run(context));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    errors,
    proactiveDone: () => bot.proactive,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import type { TurnContext } from 'botbuilder';
import { signInReply } from '../cards/lobby/alertCard.js';
import type { AppConfig } from '../config.js';
import { findIntent, type CapabilityName } from '../nlu/catalog.js';
import type { CommandOptions } from '../teams/capability.js';
import type { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import { reply, replyActivity } from '../teams/reply.js';
import type { UcwaLobby } from './sources/ucwa/index.js';
import { md } from '../teams/markdown.js';

/** Commands that act through the person's own Skype for Business account. */
const needsSkypeSignIn = new Set<CapabilityName>(['lobby', 'ucwa-meetings', 'ucwa-groups']);
const alwaysOpen = new Set(['signIn', 'signOut']);

const notes = {
  en: {
    held: (what: string) => `Please sign in to Skype for Business first; I'll carry on with "${md(what, 'subject')}" as soon as you have.`,
    sentPrivately: "I've sent you a sign-in link in our personal chat, so your account stays yours.",
    noPrivateChat: 'To sign in, please message me in a personal chat first (the link must not be shared here).',
  },
  zh: {
    held: (what: string) => `请先登录 Skype for Business；登录后我会继续执行“${md(what, 'subject')}”。`,
    sentPrivately: '我已在私聊中向您发送了登录链接。',
    noPrivateChat: '请先在私聊中给我发消息，再登录（登录链接不能在这里分享）。',
  },
} as const;

export interface SignInOffer {
  sfb: UcwaLobby;
  config: AppConfig;
  references: ConversationReferenceStore;
  proactive: ProactiveMessenger;
}

/**
 * Sends the sign-in card. The link is bound to the person who asked, so it goes only to their personal chat:
 * posted in a channel, anyone who opened it could tie their own account to the asker's Teams identity.
 */
export async function offerSignIn(deps: SignInOffer, context: TurnContext, options: CommandOptions, held?: CommandOptions): Promise<void> {
  const words = notes[options.language];
  const state = await deps.sfb.createSignIn({ ...options.user, language: options.language, timeZone: options.timeZone }, held);
  // Read at use: with PORT=0 the public URL is known only once the server listens.
  const card = signInReply(`${deps.config.publicUrl}/signin?state=${encodeURIComponent(state)}`, options.language);
  const intro = held ? words.held(held.utterance) : undefined;
  if (options.conversation.kind === 'personal') {
    if (intro) await reply(context, { text: intro });
    await reply(context, card);
    return;
  }
  const personal = await deps.references.personalChatOf(options.user);
  if (!personal) {
    await reply(context, { text: words.noPrivateChat });
    return;
  }
  if (intro) await deps.proactive.send(personal.reference, replyActivity({ text: intro }));
  await deps.proactive.send(personal.reference, replyActivity(card));
  await reply(context, { text: words.sentPrivately });
}

/** The gate every command passes: Skype for Business commands wait for sign-in, then run on their own. */
export function signInGate(deps: SignInOffer): (context: TurnContext, options: CommandOptions) => Promise<boolean> {
  return async (context, options) => {
    const intent = findIntent(options.recognition.intent);
    if (!intent || !needsSkypeSignIn.has(intent.capability) || alwaysOpen.has(intent.name)) return true;
    if (await deps.sfb.session(options.user)) return true;
    await offerSignIn(deps, context, options, options);
    return false;
  };
}

import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { chooseVerb, confirmReply, confirmVerb, staleAnswerText, unknownQuestionText, type ConfirmQuestion } from '../src/cards/confirm.js';
import { helpReply } from '../src/cards/help.js';
import { isKnownTimeZone } from '../src/intl.js';
import { errorSentenceOf } from '../src/teams/errorSentences.js';
import { md } from '../src/teams/markdown.js';
import type { Logger } from '../src/logging.js';
import { findIntent } from '../src/nlu/catalog.js';
import type { Language, Recognition, Recognizer } from '../src/nlu/recognition.js';
import type { Capability, CardActionHandler, CommandOptions, Existence } from '../src/teams/capability.js';
import type { TeamsIdentity, TeamsUser } from '../src/teams/identity.js';
import { languageOf } from '../src/teams/language.js';
import { SingleTurnCommand } from './command.js';
import { DialogContexts } from './dialogMemory.js';
import { saveConversationState } from './stateSaving.js';
import { reply } from '../src/teams/reply.js';
import { loggerOf } from '../src/teams/turnLogger.js';
import { answerByButton, closeAnsweredCards, createPrompts, isBareAnswer, openQuestion, type ClosedQuestions } from './prompts.js';
import { smallTalkAnswer } from './smallTalk.js';
import { clarifyActivity, foreignLanguageText, notUnderstoodActivity, pendingOf, pickedReading, tooLongText, type PendingChoice, type Reading } from './clarify.js';

/** Words that end whatever the bot is asking, in any dialog. */
const cancelWords = /^(cancel|never ?mind|nevermind|stop it|forget it|quit|abort|取消|算了|不用了)[.!。！]*$/i;

/** A new command typed in the middle of a question replaces the question when the recognizer is this sure. */
const interruptionScore = 0.85;
/**
 * …or this sure, when it is a sentence of several words that is not one of the question's choices: "Which
 * meeting?" answered with "who's in the lobby" is a new command, not a meeting called that.
 */
const sentenceInterruptionScore = 0.5;
const sentenceWords = 3;
/** How many nearest commands "I didn't catch that" offers. */
const nearestCommands = 3;

export interface RouterDependencies {
  conversationState: ConversationState;
  recognizer: Recognizer;
  identity: TeamsIdentity;
  capabilities: Capability[];
  logger: Logger;
}

/**
 * Turns one message into one command: recognise, then start (or continue) the dialog whose id is the intent.
 * The router knows no command; capabilities bring their dialogs and card actions.
 */
export class Router {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly pendingChoice: StatePropertyAccessor<PendingChoice | undefined>;
  private readonly closedQuestions: ClosedQuestions;
  private readonly dialogs: DialogSet;
  private readonly dialogContexts: DialogContexts;
  private readonly available: Set<string>;
  private readonly cardActions = new Map<string, CardActionHandler>();

  constructor(private readonly deps: RouterDependencies) {
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.pendingChoice = deps.conversationState.createProperty<PendingChoice | undefined>('pendingChoice');
    this.closedQuestions = deps.conversationState.createProperty<ConfirmQuestion[]>('closedQuestions');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogContexts = new DialogContexts(this.dialogs);
    for (const prompt of createPrompts(this.closedQuestions, deps.logger)) this.dialogs.add(prompt);
    this.available = new Set(['help', 'debugParse']);
    for (const capability of deps.capabilities) this.register(capability);
  }

  /** Intents a person can use right now; the help card lists exactly these. */
  get availableIntents(): ReadonlySet<string> {
    return this.available;
  }

  async onMessage(context: TurnContext, text: string): Promise<void> {
    let recognition = this.deps.recognizer.recognize(text, context.activity.locale);
    const language = languageOf(context, recognition.language);
    // The recognition goes on this turn's lines as fields, not through a child logger made for every message.
    const log = loggerOf(context, this.deps.logger);
    const recognised = { intent: recognition.intent, score: Number(recognition.score.toFixed(2)) };
    // A dialog context is built only when a dialog is running or begins: botbuilder sets up its memory scopes for
    // each one (~0.3 ms, 6 % of a "help" turn), and most messages ("help", small talk) neither continue nor begin one.
    let built: DialogContext | undefined;
    const dialogContext = async () => (built ??= await this.dialogContexts.create(context));
    const running = (await this.hasActiveDialog(context)) ? await dialogContext() : undefined;
    try {
      const pending = await this.pendingChoice.get(context);
      if (pending) {
        // A question of ours is answered by picking one of its readings; anything else drops it.
        await this.pendingChoice.delete(context);
        const picked = pickedReading(pending, text);
        if (picked) recognition = chosen(recognition, picked);
      }
      if (cancelWords.test(text.trim())) return await this.cancel(await dialogContext(), language);
      // No answer to a question of a running dialog either: the person is told, and the question stays open.
      if (recognition.tooLong) return await this.notUnderstood(context, recognition, language);
      if (running?.activeDialog && !this.isInterruption(recognition, text, running)) {
        const result = await running.continueDialog();
        if (result.status !== DialogTurnStatus.empty) return;
      }
      if (running?.activeDialog) await running.cancelAllDialogs();
      else if (recognition.intent === 'none' && isBareAnswer(text)) return await this.answerWithoutQuestion(context, language);
      log.info(recognised, 'command recognised');
      await this.start(context, dialogContext, recognition, language, text);
    } catch (error) {
      log.warn({ ...recognised, err: error }, 'command failed');
      // Only a built context can hold a dialog: without one, none was running and none began.
      await built?.cancelAllDialogs();
      await reply(context, { text: errorSentence(error, language) });
    } finally {
      await closeAnsweredCards(context);
      await saveConversationState(this.deps.conversationState, this.dialogState, context);
    }
  }

  async onCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    if (verb === confirmVerb || verb === chooseVerb) return this.answerQuestion(context, isRecord(value.action.data) ? value.action.data : {});
    const handler = this.cardActions.get(verb);
    if (!handler) return invokeMessage(400, 'This button is not supported any more.');
    const data = isRecord(value.action.data) ? value.action.data : {};
    const user = await this.deps.identity.resolve(context);
    const language = languageOf(context);
    try {
      const result = await handler.handle({ context, verb, data, user, language, timeZone: timeZoneOf(context), cardActivityId: context.activity.replyToId });
      if ('card' in result) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
      return invokeMessage(200, result.message);
    } catch (error) {
      loggerOf(context, this.deps.logger).warn({ err: error, verb }, 'card action failed');
      return invokeMessage(200, errorSentenceOf(error, language));
    }
  }

  /**
   * Yes / No on a confirmation card. The open question gets its answer (and the command goes on); a press on a
   * card answered or withdrawn before is told so, and that card is redrawn without buttons.
   */
  private async answerQuestion(context: TurnContext, data: Record<string, unknown>): Promise<AdaptiveCardInvokeResponse> {
    const questionId = typeof data.questionId === 'string' ? data.questionId : '';
    const pressed = { yes: data.answer === 'yes' ? true : data.answer === 'no' ? false : undefined, index: Number.isInteger(data.index) ? (data.index as number) : undefined };
    const language = languageOf(context);
    const log = loggerOf(context, this.deps.logger);
    const dialogContext = await this.dialogContexts.create(context);
    try {
      const open = openQuestion(dialogContext, questionId);
      if (open) {
        if (open.askerId && open.askerId !== context.activity.from?.id) return invokeMessage(200, notYourQuestion[open.language]);
        const closed = await answerByButton(dialogContext, open, pressed, context.activity.from?.name);
        if (!closed) return invokeMessage(400, 'This button does not belong to that question.');
        log.info('question answered by button');
        return invokeCard(closed.card);
      }
      const closed = (await this.closedQuestions.get(context, [])).find((question) => question.id === questionId);
      if (closed) return invokeCard(confirmReply(closed, true).card);
      return invokeMessage(200, unknownQuestionText(language));
    } catch (error) {
      log.warn({ err: error }, 'answered command failed');
      await dialogContext.cancelAllDialogs();
      await reply(context, { text: errorSentence(error, language) });
      return invokeMessage(200, errorSentenceOf(error, language));
    } finally {
      await closeAnsweredCards(context);
      await saveConversationState(this.deps.conversationState, this.dialogState, context);
    }
  }

  /** "yes" with no question open (an old Yes button of a plain-text client, or typed late): say what became of it. */
  private async answerWithoutQuestion(context: TurnContext, language: Language): Promise<void> {
    const last = (await this.closedQuestions.get(context, [])).at(-1);
    await reply(context, { text: last ? staleAnswerText(last) : noQuestionOpen[language] });
  }

  /** Whether the conversation's state holds a running dialog, read without building a dialog context. */
  private async hasActiveDialog(context: TurnContext): Promise<boolean> {
    const state = await this.dialogState.get(context);
    return (state?.dialogStack?.length ?? 0) > 0;
  }

  private async start(context: TurnContext, dialogContext: () => Promise<DialogContext>, recognition: Recognition, language: Language, utterance: string): Promise<void> {
    if (recognition.intent === 'debugParse') return this.explain(context, recognition);
    const smallTalk = recognition.intent === 'none' ? smallTalkAnswer(utterance, language) : undefined;
    if (smallTalk) return void (await reply(context, { text: smallTalk }));
    if (recognition.intent === 'help') return void (await reply(context, helpReply(this.available, language)));
    if (!this.available.has(recognition.intent)) return this.notUnderstood(context, recognition, language);
    const user = await this.deps.identity.resolve(context);
    const readings = (recognition.ask ?? []).filter((reading) => this.available.has(reading.intent));
    if (readings.length > 0) {
      const settled = recognition.askWhy === 'kind' ? await this.settledByWhatExists(user, readings) : undefined;
      if (!settled) return this.askWhichReading(context, readings, language);
      recognition = { ...chosen(recognition, settled), score: recognition.score };
    }
    const options: CommandOptions = {
      recognition,
      utterance,
      user,
      language,
      timeZone: timeZoneOf(context),
      conversation: { id: context.activity.conversation.id, kind: conversationKind(context) },
    };
    for (const capability of this.deps.capabilities) {
      if (capability.gate && !(await capability.gate(context, options))) return;
    }
    const command = this.dialogs.find(recognition.intent);
    if (command instanceof SingleTurnCommand) return command.run(context, options);
    await (await dialogContext()).beginDialog(recognition.intent, options);
  }

  /**
   * A question of kind ("rename Launch …": the meeting or the contact group? "lock down Retro": Huawei's or Skype's?)
   * that what the person has settles: the one reading whose object was found. A reading that could not be looked up
   * (no sign-in to that service, the service failed) does not stop it: what the person has there cannot be changed
   * from here now either. Found twice or nowhere, the question is asked.
   */
  private async settledByWhatExists(user: TeamsUser, readings: readonly Reading[]): Promise<Reading | undefined> {
    const existence = await Promise.all(readings.map((reading) => this.locate(user, reading)));
    const existing = readings.filter((_, index) => existence[index] === 'found');
    return existing.length === 1 ? existing[0] : undefined;
  }

  private async locate(user: TeamsUser, reading: Reading): Promise<Existence | undefined> {
    for (const capability of this.deps.capabilities) {
      const answer = await capability.locate?.(user, reading);
      if (answer) return answer;
    }
    return undefined;
  }

  /** A write that is not clearly meant: one question, one button per reading; nothing runs until one is picked. */
  private async askWhichReading(context: TurnContext, readings: Reading[], language: Language): Promise<void> {
    const pending = pendingOf(readings, language);
    await this.pendingChoice.set(context, pending);
    await context.sendActivity(clarifyActivity(pending, language));
  }

  /**
   * A language the bot does not speak gets one line saying which it does, a text far longer than any command one
   * line saying so; anything else the nearest commands.
   */
  private async notUnderstood(context: TurnContext, recognition: Recognition, language: Language): Promise<void> {
    if (recognition.foreign) return void (await reply(context, { text: foreignLanguageText() }));
    if (recognition.tooLong) return void (await reply(context, { text: tooLongText(language) }));
    const nearest = recognition.alternatives
      .filter((alt) => alt.intent !== 'none' && alt.intent !== 'help' && this.available.has(alt.intent))
      .slice(0, nearestCommands)
      .map((alt): Reading => ({ intent: alt.intent, entities: {} }));
    const pending = pendingOf(nearest, language);
    const group = conversationKind(context) !== 'personal';
    if (!group && pending.readings.length > 0) await this.pendingChoice.set(context, pending);
    await context.sendActivity(notUnderstoodActivity(pending, language, group));
  }

  /** Runs a command a gate held back (after sign-in), in a proactive turn of the conversation it was typed in. */
  async runHeld(context: TurnContext, options: CommandOptions): Promise<void> {
    const dialogContext = await this.dialogContexts.create(context);
    try {
      await dialogContext.cancelAllDialogs();
      await dialogContext.beginDialog(options.recognition.intent, options);
    } catch (error) {
      loggerOf(context, this.deps.logger).warn({ err: error, intent: options.recognition.intent }, 'held command failed');
      await dialogContext.cancelAllDialogs();
      await reply(context, { text: errorSentence(error, options.language) });
    } finally {
      await closeAnsweredCards(context);
      await saveConversationState(this.deps.conversationState, this.dialogState, context);
    }
  }

  private async explain(context: TurnContext, recognition: Recognition): Promise<void> {
    const target = recognition.entities.keyword ?? '';
    const parsed = this.deps.recognizer.recognize(target, context.activity.locale);
    const lines = [
      // What was typed shows up in all of these: literal text, never markup (a code span cannot be escaped).
      `**"${md(target)}"** → intent \`${parsed.intent}\` (score ${parsed.score.toFixed(2)})`,
      `entities: ${md(JSON.stringify(parsed.entities))}`,
      ...parsed.alternatives.slice(0, 3).map((alt) => `runner-up: \`${alt.intent}\` (${alt.score.toFixed(2)})`),
      ...parsed.explanation.map((step) => `- ${md(step)}`),
    ];
    await reply(context, { text: lines.join('\n\n') });
  }

  private async cancel(dialogContext: DialogContext, language: Language): Promise<void> {
    const hadDialog = !!dialogContext.activeDialog;
    await dialogContext.cancelAllDialogs();
    const text = hadDialog
      ? { en: 'OK, cancelled.', zh: '好的，已取消。' }
      : { en: 'There is nothing to cancel.', zh: '没有需要取消的操作。' };
    await reply(dialogContext.context, { text: text[language] });
  }

  private isInterruption(recognition: Recognition, text: string, dialogContext: DialogContext): boolean {
    if (recognition.intent === 'none' || !this.available.has(recognition.intent)) return false;
    if (recognition.score >= interruptionScore) return true;
    const sentence = text.trim().split(/\s+/u).length >= sentenceWords || (recognition.language === 'zh' && text.trim().length >= 5);
    return sentence && recognition.score >= sentenceInterruptionScore && !answersChoice(dialogContext, text);
  }

  private register(capability: Capability): void {
    for (const dialog of capability.dialogs) {
      if (!findIntent(dialog.id)) throw new Error(`dialog ${dialog.id} of ${capability.name} matches no intent in the catalog`);
      this.dialogs.add(dialog);
      this.available.add(dialog.id);
    }
    for (const handler of capability.cardActions ?? []) {
      for (const verb of handler.verbs) this.cardActions.set(verb, handler);
    }
  }
}

/** The recognition for a reading picked from one of our questions: that intent and its entities, nothing to ask. */
function chosen(recognition: Recognition, reading: Reading): Recognition {
  return { ...recognition, intent: reading.intent, entities: reading.entities, score: 1, ask: undefined, foreign: undefined };
}

/** Does the text name one of the choices of the question being asked (a "Which meeting?" list)? */
function answersChoice(dialogContext: DialogContext, text: string): boolean {
  let inner: DialogContext = dialogContext;
  while (inner.child) inner = inner.child;
  const options: unknown = inner.activeDialog?.state?.['options'];
  if (!isRecord(options) || !Array.isArray(options['choices'])) return false;
  const typed = text.trim().toLowerCase();
  return options['choices'].some((choice: unknown) => {
    const value = typeof choice === 'string' ? choice : isRecord(choice) && typeof choice['value'] === 'string' ? choice['value'] : '';
    const name = value.toLowerCase();
    return name !== '' && (name.includes(typed) || typed.includes(name));
  });
}

function conversationKind(context: TurnContext): CommandOptions['conversation']['kind'] {
  const type = context.activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

/** The client's zone when Intl knows it (checked through the shared format cache: a new format per turn cost ~0.1 ms). */
function timeZoneOf(context: TurnContext): string {
  const zone = context.activity.localTimezone;
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

const notYourQuestion: Record<Language, string> = {
  en: 'Only the person who was asked can answer this question.',
  zh: '只有被询问的人才能回答此问题。',
};

const noQuestionOpen: Record<Language, string> = {
  en: 'There is no question waiting for an answer, so nothing was done.',
  zh: '当前没有待回答的问题，因此未执行任何操作。',
};

function invokeCard(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

function invokeMessage(statusCode: number, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An error's sentence is plain text that may quote what was typed or sent: literal in the markdown reply. */
function errorSentence(error: unknown, language: Language): string {
  return md(errorSentenceOf(error, language));
}

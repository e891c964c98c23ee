import { randomUUID } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  ChoicePrompt,
  ConfirmPrompt,
  DialogReason,
  ListStyle,
  TextPrompt,
  type Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type FoundChoice,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { confirmReply, type ConfirmQuestion, type QuestionOutcome } from '../src/cards/confirm.js';
import type { Logger } from '../src/logging.js';
import type { Language } from '../src/nlu/recognition.js';
import { plain } from '../src/teams/markdown.js';
import { replyActivity } from '../src/teams/reply.js';

/** The shared prompts every command may use; registered once by the router. */
export const promptIds = { confirm: 'prompt.confirm', choice: 'prompt.choice', text: 'prompt.text' } as const;

const yesNo: Record<Language, { retry: string }> = {
  en: { retry: 'Please answer yes or no (or say "cancel").' },
  zh: { retry: '请回答“是”或“否”（或说“取消”）。' },
};

/** Questions closed lately in a conversation, so a press on an old card can say what became of it. */
export type ClosedQuestions = StatePropertyAccessor<ConfirmQuestion[]>;
const closedQuestionsKept = 20;

export function createPrompts(closed: ClosedQuestions, logger: Logger): Dialog[] {
  const confirm = new CardConfirmPrompt(closed, logger);
  const choice = new CardChoicePrompt(closed, logger);
  choice.style = ListStyle.list;
  choice.recognizerOptions = { allowPartialMatches: true };
  return [confirm, choice, new TextPrompt(promptIds.text)];
}

const yesWords = /^(yes|y|yeah|yep|sure|ok|okay|do it|go ahead|是|是的|好|好的|确定|对|可以)[.!。！]*$/i;
const noWords = /^(no|n|nope|don'?t|do not|否|不|不要|不是|别)[.!。！]*$/i;

/** A bare yes or no, in either language: an answer to a question, never a command. */
export function isBareAnswer(text: string): boolean {
  const trimmed = text.trim();
  return yesWords.test(trimmed) || noWords.test(trimmed);
}

/** What a confirmation prompt keeps while it waits (dialog state: plain data). */
interface OpenQuestion {
  id: string;
  question: string;
  language: Language;
  /** The message holding the card, so it can be closed in place whichever way it is answered. */
  cardActivityId?: string;
  /** The Teams id of the person who was asked; only they answer by button. */
  askerId?: string;
  /** A choice's options (plain text); absent for yes/no. */
  options?: string[];
  outcome?: QuestionOutcome;
  chosen?: string;
  by?: string;
}

/**
 * A yes/no question as an Adaptive Card whose Yes / No are Action.Execute buttons, answered by button or by typing.
 * However it ends (answered, cancelled, replaced by another command) its card is updated in place to say so,
 * without buttons, and the outcome is remembered for a while, so a later press on it is told what happened.
 */
class CardConfirmPrompt extends ConfirmPrompt {
  constructor(
    private readonly closed: ClosedQuestions,
    private readonly logger: Logger,
  ) {
    super(promptIds.confirm, undefined, 'en-us');
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const open = state as OpenQuestion;
    const language = languageOfOptions(options);
    if (isRetry) {
      await context.sendActivity({ type: 'message', text: yesNo[language].retry, textFormat: 'markdown' });
      return;
    }
    open.id = randomUUID();
    open.question = typeof options.prompt === 'string' ? options.prompt : '';
    open.language = language;
    open.askerId = context.activity.from?.id;
    const response = await context.sendActivity(replyActivity(confirmReply(open)));
    open.cardActivityId = response?.id;
  }

  /**
   * botbuilder's ConfirmPrompt understands only the words of the activity's locale (zh-cn: 是的/不), but people
   * answer in the language they typed the command in; both languages' plain yes and no count everywhere.
   */
  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<boolean>> {
    const recognized = await super.onRecognize(context, state, options);
    if (!recognized.succeeded) {
      const text = (context.activity.text ?? '').trim();
      if (yesWords.test(text)) Object.assign(recognized, { succeeded: true, value: true });
      else if (noWords.test(text)) Object.assign(recognized, { succeeded: true, value: false });
    }
    if (recognized.succeeded) answer(state as OpenQuestion, recognized.value === true, context.activity.from?.name);
    return recognized;
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    await closeQuestion(context, instance, reason, this.closed, this.logger);
  }
}

/**
 * "Which meeting?" as an Adaptive Card: the options listed and offered as Action.Execute buttons; a number or a
 * name typed in chat works as before. Closed in place like a confirmation.
 */
class CardChoicePrompt extends ChoicePrompt {
  constructor(
    private readonly closed: ClosedQuestions,
    private readonly logger: Logger,
  ) {
    super(promptIds.choice, undefined, 'en-us');
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const open = state as OpenQuestion;
    if (isRetry) {
      await context.sendActivity({ type: 'message', text: typeof options.retryPrompt === 'string' ? options.retryPrompt : '', textFormat: 'markdown' });
      return;
    }
    open.id = randomUUID();
    open.question = typeof options.prompt === 'string' ? options.prompt : '';
    open.language = languageOfOptions(options);
    open.options = (options.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.value));
    open.askerId = context.activity.from?.id;
    const response = await context.sendActivity(replyActivity(confirmReply(open)));
    open.cardActivityId = response?.id;
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const recognized = await super.onRecognize(context, state, options);
    if (recognized.succeeded && recognized.value) choose(state as OpenQuestion, recognized.value.value, context.activity.from?.name);
    return recognized;
  }

  override async endDialog(context: TurnContext, instance: DialogInstance, reason: DialogReason): Promise<void> {
    await closeQuestion(context, instance, reason, this.closed, this.logger);
  }
}

/**
 * However a question ends (answered, cancelled, replaced by another command) its outcome is remembered for a
 * while, so a later press on it is told what happened, and its card is queued to be redrawn without buttons.
 */
async function closeQuestion(context: TurnContext, instance: DialogInstance, reason: DialogReason, remembered: ClosedQuestions, logger: Logger): Promise<void> {
  const open = (instance.state as { state?: OpenQuestion }).state;
  if (!open?.id) return;
  const closed: ConfirmQuestion = {
    id: open.id,
    question: open.question,
    language: open.language,
    options: open.options,
    outcome: reason === DialogReason.endCalled && open.outcome ? open.outcome : 'withdrawn',
    chosen: open.chosen,
    by: open.by,
  };
  const known = await remembered.get(context, []);
  await remembered.set(context, [...known.filter((question) => question.id !== closed.id), closed].slice(-closedQuestionsKept));
  if (!open.cardActivityId) return;
  // Redrawn once the turn's replies are out, so the answer ("Ended meeting …") is the first thing said.
  const pending = context.turnState.get(pendingCardsKey) as PendingCard[] | undefined;
  const card: PendingCard = { activityId: open.cardActivityId, question: closed, logger };
  if (pending) pending.push(card);
  else context.turnState.set(pendingCardsKey, [card]);
}

interface PendingCard {
  activityId: string;
  question: ConfirmQuestion;
  logger: Logger;
}

const pendingCardsKey = Symbol('closedQuestionCards');

/** Redraws, without buttons, the cards of the questions closed in this turn; called by the router as a turn ends. */
export async function closeAnsweredCards(context: TurnContext): Promise<void> {
  const pending = context.turnState.get(pendingCardsKey) as PendingCard[] | undefined;
  context.turnState.delete(pendingCardsKey);
  for (const card of pending ?? []) {
    try {
      await context.updateActivity({ ...replyActivity(confirmReply(card.question)), id: card.activityId });
    } catch (error) {
      // The answer stands whether or not the old card could be redrawn (deleted message, connector hiccup).
      card.logger.warn({ err: error }, 'could not close a confirmation card');
    }
  }
}

function answer(open: OpenQuestion, yes: boolean, by: string | undefined): void {
  open.outcome = yes ? 'yes' : 'no';
  open.by = by;
}

function choose(open: OpenQuestion, option: string, by: string | undefined): void {
  open.outcome = 'chosen';
  open.chosen = option;
  open.by = by;
}

function languageOfOptions(options: PromptOptions): Language {
  const validations = options.validations as { language?: unknown } | undefined;
  return validations?.language === 'zh' ? 'zh' : 'en';
}

/** The confirmation waiting in this dialog stack for the question with this id, if it is still open. */
export function openQuestion(dialogContext: DialogContext, questionId: string): OpenQuestion | undefined {
  const active = dialogContext.activeDialog;
  if (active?.id !== promptIds.confirm && active?.id !== promptIds.choice) return undefined;
  const open = (active.state as { state?: OpenQuestion }).state;
  return open?.id === questionId ? open : undefined;
}

/**
 * A button pressed on the open question's card (Yes / No, or an option's index): the prompt ends with that answer,
 * and the command's next step runs in this turn. Returns the closed card for the invoke response, or undefined when
 * the press does not fit the question (a Yes on a choice, an index out of range).
 */
export async function answerByButton(
  dialogContext: DialogContext,
  open: OpenQuestion,
  pressed: { yes?: boolean; index?: number },
  by: string | undefined,
): Promise<ReturnType<typeof confirmReply> | undefined> {
  let result: boolean | FoundChoice;
  if (open.options) {
    const index = pressed.index;
    const option = index === undefined ? undefined : open.options[index];
    if (index === undefined || option === undefined) return undefined;
    choose(open, option, by);
    result = { index, value: option, score: 1 };
  } else {
    if (pressed.yes === undefined) return undefined;
    answer(open, pressed.yes, by);
    result = pressed.yes;
  }
  const closed = confirmReply({ id: open.id, question: open.question, language: open.language, options: open.options, outcome: open.outcome, chosen: open.chosen, by: open.by });
  await dialogContext.endDialog(result);
  return closed;
}

/** Asks a yes/no question; the next step receives `true` or `false` in `step.result`. */
export function askToConfirm(step: WaterfallStepContext, question: string, language: Language): Promise<DialogTurnResult> {
  return step.prompt(promptIds.confirm, { prompt: question, retryPrompt: yesNo[language].retry, validations: { language } });
}

/**
 * Asks the person to pick one of several things ("Which meeting? 1) Budget review 2) Standup"); the next step
 * receives the chosen index in `step.result.index`. Options are plain text (subjects, names): the list is sent as
 * markdown, so each is shown escaped (its action title), while its value stays the plain words a person types.
 */
export function askToChoose(step: WaterfallStepContext, question: string, options: string[], language: Language): Promise<DialogTurnResult> {
  return step.prompt(promptIds.choice, {
    prompt: question,
    retryPrompt: language === 'zh' ? '请输入编号或名称（或说“取消”）。' : 'Please pick a number or a name from the list (or say "cancel").',
    choices: options.map((option) => ({ value: plain(option, 'subject') })),
    style: ListStyle.list,
    validations: { language },
  });
}

/** Asks for a missing piece of text (a subject, a name); the next step receives it in `step.result`. */
export function askForText(step: WaterfallStepContext, question: string): Promise<DialogTurnResult> {
  return step.prompt(promptIds.text, { prompt: question });
}

import { ChoiceFactory, ChoicePrompt, ConfirmPrompt, ListStyle, TextPrompt, type Dialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Language } from '../src/nlu/recognition.js';
import { md, plain } from '../src/teams/markdown.js';

/** The shared prompts every command may use; registered once by the router. */
export const promptIds = { confirm: 'prompt.confirm', choice: 'prompt.choice', text: 'prompt.text' } as const;

const yesNo: Record<Language, { yes: string; no: string; retry: string }> = {
  en: { yes: 'Yes', no: 'No', retry: 'Please answer yes or no (or say "cancel").' },
  zh: { yes: '是', no: '否', retry: '请回答“是”或“否”（或说“取消”）。' },
};

export function createPrompts(): Dialog[] {
  const confirm = new ConfirmPrompt(promptIds.confirm, acceptYesOrNoInEitherLanguage, 'en-us');
  const choice = new ChoicePrompt(promptIds.choice, undefined, 'en-us');
  choice.style = ListStyle.list;
  choice.recognizerOptions = { allowPartialMatches: true };
  return [confirm, choice, new TextPrompt(promptIds.text)];
}

const yesWords = /^(yes|y|yeah|yep|sure|ok|okay|do it|go ahead|是|是的|好|好的|确定|对|可以)[.!。！]*$/i;
const noWords = /^(no|n|nope|don'?t|do not|否|不|不要|不是|别)[.!。！]*$/i;

/**
 * botbuilder's ConfirmPrompt understands only the words of the activity's locale (zh-cn: 是的/不), but people
 * answer in the language they typed the command in; both languages' plain yes and no count everywhere.
 */
async function acceptYesOrNoInEitherLanguage(prompt: PromptValidatorContext<boolean>): Promise<boolean> {
  if (prompt.recognized.succeeded) return true;
  const text = (prompt.context.activity.text ?? '').trim();
  if (yesWords.test(text)) prompt.recognized.value = true;
  else if (noWords.test(text)) prompt.recognized.value = false;
  else return false;
  return true;
}

/** Asks a yes/no question; the next step receives `true` or `false` in `step.result`. */
export function askToConfirm(step: WaterfallStepContext, question: string, language: Language): Promise<DialogTurnResult> {
  const words = yesNo[language];
  return step.prompt(promptIds.confirm, {
    prompt: question,
    retryPrompt: words.retry,
    choices: ChoiceFactory.toChoices([words.yes, words.no]),
  });
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
    choices: options.map((option) => ({ value: plain(option, 'subject'), action: { type: 'imBack', title: md(option, 'subject'), value: plain(option, 'subject') } })),
    style: ListStyle.list,
  });
}

/** Asks for a missing piece of text (a subject, a name); the next step receives it in `step.result`. */
export function askForText(step: WaterfallStepContext, question: string): Promise<DialogTurnResult> {
  return step.prompt(promptIds.text, { prompt: question });
}

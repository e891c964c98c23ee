import type { Language } from '../nlu/recognition.js';
import { md, plain } from '../teams/markdown.js';
import type { Reply } from '../teams/reply.js';
import { renderCard } from './render.js';
import confirmTemplate from './templates/prompts/confirm.json' with { type: 'json' };

/** The verbs of a question card's buttons (Yes / No, or one of the options); the router answers them from the dialog that asked. */
export const confirmVerb = 'prompt.answer';
export const chooseVerb = 'prompt.choose';

/** How a question ended: answered, or withdrawn (cancelled, replaced by another command, or failed). */
export type QuestionOutcome = 'yes' | 'no' | 'chosen' | 'withdrawn';

/**
 * A yes/no question, or a choice among `options`, as its card shows it. `question` is markdown, built by the
 * dialog with outside text escaped; `options` are plain text (subjects, names).
 */
export interface ConfirmQuestion {
  id: string;
  question: string;
  language: Language;
  options?: string[];
  outcome?: QuestionOutcome;
  /** The option chosen, when the outcome is `chosen`. */
  chosen?: string;
  /** Who answered (their display name, outside text). */
  by?: string;
}

const words = {
  en: {
    yes: 'Yes',
    no: 'No',
    answered: (answer: string, by: string | undefined) => (by ? `${by} answered: ${answer}` : `Answered: ${answer}`),
    chose: (option: string, by: string | undefined) => (by ? `${by} chose: ${option}` : `Chosen: ${option}`),
    withdrawn: 'No longer asked: nothing was done.',
    already: 'That was already answered; nothing more was done.',
    alreadyWithdrawn: 'That question is no longer open, so nothing was done.',
  },
  zh: {
    yes: '是',
    no: '否',
    answered: (answer: string, by: string | undefined) => (by ? `${by} 的回答：${answer}` : `回答：${answer}`),
    chose: (option: string, by: string | undefined) => (by ? `${by} 选择了：${option}` : `已选择：${option}`),
    withdrawn: '此问题已不再需要回答，未执行任何操作。',
    already: '此问题已经回答过，未再执行任何操作。',
    alreadyWithdrawn: '此问题已不再需要回答，因此未执行任何操作。',
  },
} as const;

/**
 * The confirmation card: the question with Yes / No while it is open; once answered (or withdrawn) the same card
 * says what was decided and offers no buttons. `stale` adds the line for a press on a card that was closed before.
 */
export function confirmReply(question: ConfirmQuestion, stale = false): Extract<Reply, { card: unknown }> {
  const w = words[question.language];
  const status = statusOf(question, md);
  const note = stale ? (question.outcome === 'withdrawn' ? w.alreadyWithdrawn : w.already) : '';
  const open = question.outcome === undefined;
  const card = renderCard(confirmTemplate, {
    question: question.question,
    choices: question.options && open ? question.options.map((option, index) => `${index + 1}. ${md(option, 'subject')}`).join('\n\n') : '',
    status: stale && question.outcome === 'withdrawn' ? '' : status,
    statusColor: question.outcome === 'yes' ? 'Good' : question.outcome === 'no' ? 'Attention' : 'Default',
    note,
    buttons: open ? buttonsOf(question) : [],
  });
  const plainStatus = statusOf(question, plain);
  return { card, fallback: [unescapeMarkdown(question.question), plainStatus].filter(Boolean).join(' ') };
}

/** A late typed answer to a question closed before: what became of it, as plain message markdown. */
export function staleAnswerText(question: ConfirmQuestion): string {
  const w = words[question.language];
  if (question.outcome === 'withdrawn' || question.outcome === undefined) return `${w.alreadyWithdrawn} (${question.question})`;
  return `${w.already} (${question.question} ${statusOf(question, md)})`;
}

/** The sentence for a press on a question whose dialog is gone and whose card is not remembered. */
export function unknownQuestionText(language: Language): string {
  return words[language].alreadyWithdrawn;
}

function buttonsOf(question: ConfirmQuestion): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const w = words[question.language];
  if (question.options) {
    return question.options.map((option, index) => ({ title: plain(option, 'subject'), verb: chooseVerb, data: { questionId: question.id, index } }));
  }
  return [
    { title: w.yes, verb: confirmVerb, data: { questionId: question.id, answer: 'yes' } },
    { title: w.no, verb: confirmVerb, data: { questionId: question.id, answer: 'no' } },
  ];
}

function statusOf(question: ConfirmQuestion, outside: (text: string | undefined, kind: 'name' | 'subject') => string): string {
  const w = words[question.language];
  if (question.outcome === undefined) return '';
  if (question.outcome === 'withdrawn') return w.withdrawn;
  if (question.outcome === 'chosen') return w.chose(outside(question.chosen, 'subject'), question.by ? outside(question.by, 'name') : undefined);
  return w.answered(question.outcome === 'yes' ? w.yes : w.no, question.by ? outside(question.by, 'name') : undefined);
}

/** The question is markdown with outside text escaped; the notification text shows it as it reads. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_~[\]<>&#|!.+-])/g, '$1');
}

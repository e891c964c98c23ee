import { CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { findIntent, type Entities } from '../src/nlu/catalog.js';
import type { Language } from '../src/nlu/recognition.js';
import { md, plain } from '../src/teams/markdown.js';

/**
 * One short question with buttons, instead of acting on a guess: "Did you mean: show extensions of Budget review /
 * add an extension?" when a write is not clearly meant, and "I didn't catch that" with the nearest commands when
 * nothing was understood. The readings offered are kept in conversation state; pressing a button (or typing its
 * words, its number, "the first one", 第一个) runs that reading. Anything else typed next drops the question and is
 * read as a new message, so a question never swallows the next command.
 */

export interface Reading {
  intent: string;
  entities: Entities;
}

export interface PendingChoice {
  readings: Array<Reading & { label: string }>;
}

/** The entity a label names the reading by, most telling first. */
const LABEL_SLOTS: ReadonlyArray<keyof Entities> = ['meeting', 'person', 'group', 'subject', 'keyword'];

/** "meeting extensions: Budget review", "admit: everyone". Plain text (a button title), clipped. */
export function labelOf(reading: Reading, language: Language): string {
  const title = findIntent(reading.intent)?.text[language].title ?? reading.intent;
  const slot = LABEL_SLOTS.find((name) => typeof reading.entities[name] === 'string' && reading.entities[name] !== '');
  const value = slot ? String(reading.entities[slot]) : reading.entities.all ? (language === 'zh' ? '所有人' : 'everyone') : '';
  return plain(value ? `${title}: ${value}` : title, 'subject');
}

export function pendingOf(readings: readonly Reading[], language: Language): PendingChoice {
  const seen = new Set<string>();
  return {
    readings: readings.map((reading, i) => {
      const base = labelOf(reading, language);
      // Two readings must never share a button text: the text is what comes back.
      const label = seen.has(base.toLowerCase()) ? `${base} (${i + 1})` : base;
      seen.add(label.toLowerCase());
      return { ...reading, label };
    }),
  };
}

const words: Record<Language, { didYouMean: string; notCaught: string; nearest: string; help: string; foreign: string; tooLong: string; groupHint: string }> = {
  en: {
    didYouMean: 'Did you mean:',
    notCaught: "I didn't catch that.",
    nearest: 'Did you mean one of these?',
    help: 'help',
    foreign: 'Sorry, I only speak English and Chinese (我会说中文和英文).',
    tooLong: 'That message is too long for me to read as a command. Tell me in one short sentence, for example "who\'s in the lobby".',
    groupHint: 'Mention me with "help" to see everything I can do.',
  },
  zh: {
    didYouMean: '您是指：',
    notCaught: '抱歉，我没听明白。',
    nearest: '您是想用下面的命令吗？',
    help: '帮助',
    foreign: '抱歉，我只会说中文和英文（I speak English and Chinese）。',
    tooLong: '这条消息太长了，我没法把它当作命令来读。请用一句简短的话告诉我，比如“大厅里有谁”。',
    groupHint: '@我并输入“帮助”查看全部功能。',
  },
};

/** The question for readings that are not clear: one line, one button per reading. */
export function clarifyActivity(pending: PendingChoice, language: Language): Partial<Activity> {
  const options = pending.readings.map((r) => `*${md(r.label, 'subject')}*`).join(' / ');
  const text = `${words[language].didYouMean} ${options}?`;
  const buttons: CardAction[] = pending.readings.map((r) => ({ type: 'imBack', title: r.label, value: r.label }));
  return withButtons(text, buttons);
}

/**
 * Not understood: the nearest commands, never the whole help card. In a group chat or channel a card's buttons
 * come back without the @mention the bot listens for, so there the nearest commands are named in one line.
 */
export function notUnderstoodActivity(pending: PendingChoice, language: Language, group: boolean): Partial<Activity> {
  const w = words[language];
  if (group || pending.readings.length === 0) {
    const names = pending.readings.map((r) => `*${md(r.label, 'subject')}*`).join(', ');
    const text = [w.notCaught, names ? `${w.nearest} ${names}` : '', w.groupHint].filter(Boolean).join(' ');
    return { type: 'message', text, textFormat: 'markdown' };
  }
  const buttons: CardAction[] = [
    ...pending.readings.map((r): CardAction => ({ type: 'imBack', title: r.label, value: r.label })),
    { type: 'imBack', title: w.help, value: w.help },
  ];
  return withButtons(`${w.notCaught} ${w.nearest}`, buttons);
}

export function foreignLanguageText(): string {
  return `${words.en.foreign}`;
}

export function tooLongText(language: Language): string {
  return words[language].tooLong;
}

function withButtons(text: string, buttons: CardAction[]): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.heroCard('', undefined, buttons), text);
  activity.textFormat = 'markdown';
  return activity;
}

const ORDINALS: ReadonlyArray<RegExp> = [
  /^(?:1|#1|one|first|the first(?: one)?|first one|option 1|第一个|第一|1号|第1个)$/u,
  /^(?:2|#2|two|second|the second(?: one)?|second one|option 2|第二个|第二|2号|第2个)$/u,
  /^(?:3|#3|three|third|the third(?: one)?|third one|option 3|第三个|第三|3号|第3个)$/u,
];

/** The reading a reply picks (its button text, its number or "the first one", in either language), or undefined. */
export function pickedReading(pending: PendingChoice, text: string): Reading | undefined {
  const typed = text.trim().toLowerCase().replace(/[.!。！?？]+$/u, '');
  const byLabel = pending.readings.find((r) => r.label.toLowerCase() === typed);
  if (byLabel) return byLabel;
  const index = ORDINALS.findIndex((pattern) => pattern.test(typed));
  return index >= 0 ? pending.readings[index] : undefined;
}

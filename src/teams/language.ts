import type { TurnContext } from 'botbuilder';
import type { Language } from '../nlu/recognition.js';

export type { Language } from '../nlu/recognition.js';

/** Replies follow the activity's locale; text written in Chinese gets Chinese even from an en-US client. */
export function languageOf(context: TurnContext, textLanguage?: Language): Language {
  const locale = (context.activity.locale ?? '').toLowerCase();
  if (locale.startsWith('zh')) return 'zh';
  return textLanguage ?? 'en';
}

/** Picks the sentence in the reply language. */
export function say(language: Language, text: { en: string; zh: string }): string {
  return text[language];
}

import type { Language } from '../src/nlu/recognition.js';

/**
 * Greetings and thanks are not commands, but answering them with "I didn't understand" and a help card is rude;
 * a one-line answer is what a person expects. Checked only after the recognizer found no command.
 */
const patterns: Array<{ kind: 'greeting' | 'thanks' | 'identity'; pattern: RegExp }> = [
  { kind: 'thanks', pattern: /^(thanks|thank you|thx|ty|cheers|many thanks|thanks a lot|谢谢|多谢|谢了|感谢)(?![a-z])/i },
  { kind: 'greeting', pattern: /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|你好|您好|早上好|下午好|晚上好|嗨)(?![a-z])/i },
  { kind: 'identity', pattern: /^(who are you|what are you|你是谁)(?![a-z])/i },
];

const answers: Record<'greeting' | 'thanks' | 'identity', Record<Language, string>> = {
  greeting: {
    en: 'Hello! Ask me about your meetings, for example "who\'s in the lobby" or "list ongoing meetings". Say "help" for everything I can do.',
    zh: '您好！可以问我会议相关的事情，例如“谁在大厅”或“列出进行中的会议”。说“帮助”查看全部功能。',
  },
  thanks: { en: "You're welcome!", zh: '不客气！' },
  identity: {
    en: 'I run your online meetings from Teams: lobby alerts, Skype for Business meetings and groups, and Huawei Cloud meetings. Say "help" to see how.',
    zh: '我帮您在 Teams 中管理在线会议：大厅提醒、Skype for Business 会议和分组，以及华为云会议。说“帮助”了解用法。',
  },
};

/** A short answer to small talk, or undefined when the text is something else. */
export function smallTalkAnswer(text: string, language: Language): string | undefined {
  const cleaned = text.trim().replace(/[!.?！。？~]+$/u, '');
  const match = patterns.find(({ pattern }) => pattern.test(cleaned));
  return match ? answers[match.kind][language] : undefined;
}

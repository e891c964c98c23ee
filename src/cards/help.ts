import { intents, type CapabilityName, type IntentDefinition } from '../nlu/catalog.js';
import type { Language } from '../nlu/recognition.js';
import type { Reply } from '../teams/reply.js';
import { renderCard, type CardJson } from './render.js';
import helpTemplate from './templates/help.json' with { type: 'json' };

const headings: Record<CapabilityName, Record<Language, string>> = {
  core: { en: 'Basics', zh: '基本' },
  lobby: { en: 'Lobby alerts (Skype for Business)', zh: '大厅提醒（Skype for Business）' },
  'ucwa-meetings': { en: 'Skype for Business meetings', zh: 'Skype for Business 会议' },
  'ucwa-groups': { en: 'Contact groups', zh: '联系人分组' },
  huawei: { en: 'Huawei Cloud Meeting', zh: '华为云会议' },
};

const titles: Record<Language, { help: string; notUnderstood: string; intro: string }> = {
  en: { help: 'Here is what I can do', notUnderstood: "Sorry, I didn't understand that.", intro: 'Type any of these in your own words.' },
  zh: { help: '我可以做这些事情', notUnderstood: '抱歉，我没有理解。', intro: '用您自己的话输入以下任意命令。' },
};

/** The help card lists every command whose dialog is registered, grouped by capability, each with an example. */
export function helpReply(available: ReadonlySet<string>, language: Language, notUnderstood = false): Reply {
  const sections = groupByCapability(intents.filter((intent) => available.has(intent.name))).map(([capability, members]) => ({
    heading: headings[capability][language],
    commands: members.map((intent) => ({ example: intent.text[language].example, description: intent.text[language].description })),
  }));
  const words = titles[language];
  const data = { title: notUnderstood ? words.notUnderstood : words.help, intro: notUnderstood ? words.help : words.intro, sections };
  const card: CardJson = renderCard(helpTemplate, data);
  const fallback = [data.title, ...sections.flatMap((section) => [section.heading, ...section.commands.map((c) => `- ${c.example}: ${c.description}`)])].join('\n');
  return { card, fallback };
}

function groupByCapability(members: IntentDefinition[]): Array<[CapabilityName, IntentDefinition[]]> {
  const groups = new Map<CapabilityName, IntentDefinition[]>();
  for (const intent of members) groups.set(intent.capability, [...(groups.get(intent.capability) ?? []), intent]);
  return [...groups.entries()];
}

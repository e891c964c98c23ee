import { intents, type CapabilityName, type IntentDefinition } from '../nlu/catalog.js';
import type { Language } from '../nlu/recognition.js';
import type { Reply } from '../teams/reply.js';
import { checkedCard, type CardJson } from './render.js';

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

export interface HelpCardData {
  title: string;
  intro: string;
  sections: Array<{ heading: string; commands: Array<{ example: string; description: string }> }>;
}

/**
 * Help cards by what they list and how: the same few variants are sent again and again ("help" is the most sent
 * command), and building the card was ~5 % of that turn (parsing a stored copy cost as much). Each reply gets a card
 * object of its own, since a card is added to on its way (its fallback text); what is inside is shared, and frozen so
 * that a change to it fails loudly instead of reaching the next reply.
 */
const builtHelp = new Map<string, { card: Readonly<CardJson>; fallback: string }>();
const maxBuiltHelp = 32;

/** The help card lists every command whose dialog is registered, grouped by capability, each with an example. */
export function helpReply(available: ReadonlySet<string>, language: Language, notUnderstood = false): Reply {
  const key = `${language}\u0000${notUnderstood}\u0000${[...available].join('\u0000')}`;
  let built = builtHelp.get(key);
  if (!built) {
    const { card, fallback } = buildHelpReply(available, language, notUnderstood);
    built = { card: deepFreeze(card), fallback };
    if (builtHelp.size >= maxBuiltHelp) builtHelp.clear();
    builtHelp.set(key, built);
  }
  return { card: { ...built.card }, fallback: built.fallback };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

function buildHelpReply(available: ReadonlySet<string>, language: Language, notUnderstood: boolean): { card: CardJson; fallback: string } {
  const sections = groupByCapability(intents.filter((intent) => available.has(intent.name))).map(([capability, members]) => ({
    heading: headings[capability][language],
    commands: members.map((intent) => ({ example: intent.text[language].example, description: intent.text[language].description })),
  }));
  const words = titles[language];
  const data: HelpCardData = { title: notUnderstood ? words.notUnderstood : words.help, intro: notUnderstood ? words.help : words.intro, sections };
  const card: CardJson = checkedCard(helpCard(data));
  const fallback = [data.title, ...sections.flatMap((section) => [section.heading, ...section.commands.map((c) => `- ${c.example}: ${c.description}`)])].join('\n');
  return { card, fallback };
}

/**
 * The card `templates/help.json` describes, built by a typed function: "help" is the command people send most, and
 * the profile of that load showed template expansion (an expression evaluation per field, per command listed)
 * costing more than the rest of the card; the layout is fixed, so typing it loses nothing. A test expands the
 * template with the same data and requires the same card, key order included.
 */
export function helpCard(data: HelpCardData): CardJson {
  const body: CardJson[] = [{ type: 'TextBlock', text: data.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (data.intro !== '') body.push({ type: 'TextBlock', text: data.intro, wrap: true, isSubtle: true });
  for (const section of data.sections) {
    body.push({
      type: 'Container',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: section.heading, weight: 'Bolder', wrap: true },
        { type: 'FactSet', facts: section.commands.map((command) => ({ title: command.example, value: command.description })) },
      ],
    });
  }
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

function groupByCapability(members: IntentDefinition[]): Array<[CapabilityName, IntentDefinition[]]> {
  const groups = new Map<CapabilityName, IntentDefinition[]>();
  for (const intent of members) groups.set(intent.capability, [...(groups.get(intent.capability) ?? []), intent]);
  return [...groups.entries()];
}

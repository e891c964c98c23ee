import type { IntentDefinition, TeamsScope } from '../../src/nlu/catalog.js';
import type { CommandLimits } from './schema.js';

/** The scopes the bot is installed in, in the order their command lists appear in the manifest. */
export const BOT_SCOPES: readonly TeamsScope[] = ['personal', 'team', 'groupChat'];

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface ManifestCommandList {
  scopes: TeamsScope[];
  commands: ManifestCommand[];
}

export interface GeneratedCommands {
  /** For manifest.json `bots[0].commandLists`, English text. */
  commandLists: ManifestCommandList[];
  /** For the zh-CN localization file: `bots[0].commandLists[i].commands[j].title|description` → Chinese text. */
  zhStrings: Record<string, string>;
}

/** The registry does not fit the manifest's limits; thrown with every violation, one per line. */
export class CommandLimitError extends Error {
  override readonly name = 'CommandLimitError';
  constructor(readonly problems: readonly string[]) {
    super(`The intent registry does not fit the Teams manifest limits:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * One command list per bot scope, holding the registry entries shown in that scope, in registry order.
 * Fails loudly rather than truncating: a silently dropped command would be a command nobody can discover.
 */
export function generateCommandLists(registry: readonly IntentDefinition[], limits: CommandLimits): GeneratedCommands {
  const lists = BOT_SCOPES.map((scope) => ({
    scope,
    intents: registry.filter((intent) => intent.manifestScopes?.includes(scope) ?? false),
  })).filter((list) => list.intents.length > 0);

  const problems = [...listCountProblems(lists.length, limits)];
  for (const { scope, intents } of lists) {
    problems.push(...listProblems(scope, intents, limits));
  }
  if (problems.length > 0) throw new CommandLimitError(problems);

  const zhStrings: Record<string, string> = {};
  const commandLists = lists.map(({ scope, intents }, listIndex) => {
    intents.forEach((intent, commandIndex) => {
      const key = commandKey(listIndex, commandIndex);
      zhStrings[`${key}.title`] = intent.text.zh.title;
      zhStrings[`${key}.description`] = intent.text.zh.description;
    });
    return {
      scopes: [scope],
      commands: intents.map((intent) => ({ title: intent.text.en.title, description: intent.text.en.description })),
    };
  });
  return { commandLists, zhStrings };
}

/** The localization-file key prefix of one command (the Teams localization schema's own key syntax). */
export function commandKey(listIndex: number, commandIndex: number): string {
  return `bots[0].commandLists[${listIndex}].commands[${commandIndex}]`;
}

function listCountProblems(count: number, limits: CommandLimits): string[] {
  return count > limits.maxLists ? [`${count} command lists, the manifest allows ${limits.maxLists}`] : [];
}

function listProblems(scope: TeamsScope, intents: readonly IntentDefinition[], limits: CommandLimits): string[] {
  const problems: string[] = [];
  if (intents.length > limits.maxCommandsPerList) {
    const names = intents.map((intent) => intent.name).join(', ');
    problems.push(`scope ${scope}: ${intents.length} commands, the manifest allows ${limits.maxCommandsPerList} (${names})`);
  }
  const seen = new Map<string, string>();
  for (const intent of intents) {
    for (const language of ['en', 'zh'] as const) {
      const { title, description } = intent.text[language];
      problems.push(...textProblems(`scope ${scope}: ${intent.name} ${language} title`, title, limits.maxTitleLength));
      problems.push(...textProblems(`scope ${scope}: ${intent.name} ${language} description`, description, limits.maxDescriptionLength));
    }
    const title = intent.text.en.title.toLowerCase();
    const other = seen.get(title);
    if (other) problems.push(`scope ${scope}: ${intent.name} and ${other} share the title "${intent.text.en.title}"`);
    seen.set(title, intent.name);
  }
  return problems;
}

function textProblems(what: string, text: string, maxLength: number): string[] {
  if (text.trim().length === 0) return [`${what} is empty`];
  // Code points, not UTF-16 units: the schema's maxLength counts characters.
  const length = [...text].length;
  return length > maxLength ? [`${what} is ${length} characters, the manifest allows ${maxLength}: "${text}"`] : [];
}

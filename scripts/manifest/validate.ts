import { intents, type IntentDefinition, type TeamsScope } from '../../src/nlu/catalog.js';
import { BOT_SCOPES, commandKey } from './commands.js';
import { checkColorIcon, checkOutlineIcon } from './icons.js';
import { isCommandKey, MANIFEST_FILE, manifestShape, registryLanguage, type AppPackage, type ManifestShape } from './build.js';
import { loadBundledSchema, MANIFEST_SCHEMA_VERSION, validateAgainst } from './schema.js';

const REGENERATE_HINT = 'the manifest command lists differ from src/nlu/catalog.ts: run `node dist/scripts/generateManifest.js` to regenerate them';

/**
 * Every problem that would make the package fail to upload or disagree with the bot, one readable line each.
 * Empty means the package is good.
 */
export async function validateAppPackage(pkg: AppPackage, registry: readonly IntentDefinition[] = intents): Promise<string[]> {
  const problems: string[] = [];
  const shape = manifestShape.safeParse(pkg.manifest);
  const version = shape.success ? shape.data.manifestVersion : MANIFEST_SCHEMA_VERSION;
  if (version !== MANIFEST_SCHEMA_VERSION) {
    problems.push(`${MANIFEST_FILE}: manifestVersion is ${version}, these tools generate and check ${MANIFEST_SCHEMA_VERSION}`);
  }
  problems.push(...(await schemaProblems(pkg, MANIFEST_SCHEMA_VERSION)));
  if (!shape.success) return problems; // the schema errors above already say what is wrong with its shape

  problems.push(...iconProblems(pkg, shape.data));
  const drift = [...commandProblems(shape.data, registry), ...localizationProblems(pkg, shape.data, registry)];
  if (drift.length > 0) problems.push(...drift, REGENERATE_HINT);
  return problems;
}

async function schemaProblems(pkg: AppPackage, version: string): Promise<string[]> {
  const problems = (await validateAgainst(pkg.manifest, await loadBundledSchema('app', version))).map(
    (error) => `${MANIFEST_FILE}: ${error}`,
  );
  const localizationSchema = await loadBundledSchema('localization', version);
  for (const [name, content] of pkg.localizations) {
    problems.push(...(await validateAgainst(content, localizationSchema)).map((error) => `${name}: ${error}`));
  }
  return problems;
}

function iconProblems(pkg: AppPackage, shape: ManifestShape): string[] {
  const color = pkg.icons.get(shape.icons.color);
  const outline = pkg.icons.get(shape.icons.outline);
  return [
    ...(color ? checkColorIcon(color, shape.icons.color) : [`${shape.icons.color}: missing from the package`]),
    ...(outline ? checkOutlineIcon(outline, shape.icons.outline) : [`${shape.icons.outline}: missing from the package`]),
  ];
}

function isTeamsScope(scope: string): scope is TeamsScope {
  return (BOT_SCOPES as readonly string[]).includes(scope);
}

/** Registry intents whose English title is exactly this command title. */
function intentsTitled(registry: readonly IntentDefinition[], title: string): IntentDefinition[] {
  return registry.filter((intent) => intent.text.en.title === title);
}

/**
 * Both directions: every manifest command is a registry intent offered in that scope, and every intent the
 * registry offers in a scope is in that scope's list.
 */
export function commandProblems(shape: ManifestShape, registry: readonly IntentDefinition[]): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  shape.bots[0]!.commandLists.forEach((list, listIndex) => {
    const where = `${MANIFEST_FILE}: bots[0].commandLists[${listIndex}]`;
    for (const { title, description } of list.commands) {
      const candidates = intentsTitled(registry, title);
      if (candidates.length === 0) {
        problems.push(`${where}: "${title}" is not a command title in the intent registry`);
        continue;
      }
      for (const scope of list.scopes.filter(isTeamsScope)) {
        const intent = candidates.find((candidate) => candidate.manifestScopes?.includes(scope));
        if (!intent) {
          problems.push(`${where}: "${title}" is listed for ${scope}, the registry does not offer it there`);
          continue;
        }
        listed.add(`${scope}\u0000${intent.name}`);
        if (intent.text.en.description !== description) {
          problems.push(`${where}: "${title}" description differs from the registry ("${intent.text.en.description}")`);
        }
      }
    }
  });
  for (const intent of registry) {
    for (const scope of intent.manifestScopes ?? []) {
      if (!listed.has(`${scope}\u0000${intent.name}`)) {
        problems.push(`${MANIFEST_FILE}: command "${intent.text.en.title}" (${intent.name}) is missing from the ${scope} command list`);
      }
    }
  }
  return problems;
}

/** Each localization file translates exactly the manifest's commands, with the registry's text for its language. */
export function localizationProblems(pkg: AppPackage, shape: ManifestShape, registry: readonly IntentDefinition[]): string[] {
  const problems: string[] = [];
  for (const language of shape.localizationInfo?.additionalLanguages ?? []) {
    const content = pkg.localizations.get(language.file);
    if (!content) {
      problems.push(`${language.file}: missing from the package`);
      continue;
    }
    const registryTag = registryLanguage(language.languageTag);
    if (!registryTag) {
      problems.push(`${language.file}: the intent registry has no ${language.languageTag} text for the commands`);
      continue;
    }
    const expected = new Map<string, string>();
    shape.bots[0]!.commandLists.forEach((list, listIndex) => {
      list.commands.forEach((command, commandIndex) => {
        const intent = intentsTitled(registry, command.title).find((candidate) =>
          list.scopes.some((scope) => candidate.manifestScopes?.includes(scope as TeamsScope)),
        );
        if (!intent) return; // already reported by commandProblems
        const key = commandKey(listIndex, commandIndex);
        expected.set(`${key}.title`, intent.text[registryTag].title);
        expected.set(`${key}.description`, intent.text[registryTag].description);
      });
    });
    for (const [key, text] of expected) {
      const actual = content[key];
      if (actual === undefined) problems.push(`${language.file}: "${key}" is missing (expected "${text}")`);
      else if (actual !== text) problems.push(`${language.file}: "${key}" is "${String(actual)}", the registry says "${text}"`);
    }
    for (const key of Object.keys(content).filter(isCommandKey)) {
      if (!expected.has(key)) problems.push(`${language.file}: "${key}" translates no command in ${MANIFEST_FILE}`);
    }
  }
  return problems;
}

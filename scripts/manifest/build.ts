import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { intents, type IntentDefinition } from '../../src/nlu/catalog.js';
import { generateCommandLists } from './commands.js';
import { commandLimitsOf, loadBundledSchema } from './schema.js';

/**
 * The committed files in `manifest/` are templates: real JSON whose command lists are generated from the intent
 * registry (so reviewers see what ships) and whose deployment-specific values are `${{NAME}}` placeholders filled
 * when packaging.
 */
export const MANIFEST_FILE = 'manifest.json';

/** Used when MicrosoftAppId is unset: the nil GUID, which no Azure bot registration can have. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The Teams app's own id (manifest `id`) when TEAMS_APP_ID is unset: the id this app has always shipped with, so an
 * existing installation keeps updating in place. A second deployment in the same tenant (test next to production)
 * needs its own id, or Teams treats the two packages as versions of one app.
 */
export const DEFAULT_TEAMS_APP_ID = '942e367f-ffb0-4075-9740-cbc90c4ac4ea';

export type JsonObject = Record<string, unknown>;

const jsonObject = z.record(z.unknown());
const guid = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const placeholder = /\$\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;
const commandKeyPattern = /^bots\[0\]\.commandLists\[/;

/** The parts of a manifest the tools read; everything else is the schema's business. */
export const manifestShape = z
  .object({
    manifestVersion: z.string(),
    accentColor: z.string(),
    developer: z.object({ websiteUrl: z.string(), privacyUrl: z.string(), termsOfUseUrl: z.string() }).passthrough(),
    icons: z.object({ color: z.string(), outline: z.string() }).passthrough(),
    localizationInfo: z
      .object({
        defaultLanguageTag: z.string(),
        additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })).default([]),
      })
      .passthrough()
      .optional(),
    bots: z
      .array(
        z
          .object({
            botId: z.string(),
            scopes: z.array(z.string()),
            commandLists: z
              .array(z.object({ scopes: z.array(z.string()), commands: z.array(z.object({ title: z.string(), description: z.string() })) }))
              .default([]),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();

export type ManifestShape = z.infer<typeof manifestShape>;

export function parseManifestShape(manifest: unknown, file = MANIFEST_FILE): ManifestShape {
  const parsed = manifestShape.safeParse(manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export async function readJsonObject(file: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file}: cannot be read`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const object = jsonObject.safeParse(parsed);
  if (!object.success) throw new Error(`${file}: expected a JSON object`);
  return object.data;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/**
 * A file the manifest names must sit at the package root: Teams reads the package flat, and a path with folders or
 * ".." would also reach outside `manifest/` when read from disk.
 */
export function packageFileName(name: string, what: string): string {
  if (name !== basename(name) || name === '..' || name === '.' || name.includes('\\')) {
    throw new Error(`${MANIFEST_FILE}: ${what} "${name}" must be a file name at the package root`);
  }
  return name;
}

/**
 * Rewrites the command lists in the manifest template and its localization files from the intent registry.
 * Run after changing `src/nlu/catalog.ts`; validation fails until the templates agree with the registry again.
 */
export async function regenerateTemplates(manifestDir: string, registry: readonly IntentDefinition[] = intents): Promise<void> {
  const manifestFile = join(manifestDir, MANIFEST_FILE);
  const manifest = await readJsonObject(manifestFile);
  const shape = parseManifestShape(manifest, manifestFile);
  const limits = commandLimitsOf(await loadBundledSchema('app', shape.manifestVersion));
  const generated = generateCommandLists(registry, limits);

  const bots = z.array(jsonObject).parse(manifest['bots']);
  // zod returns copies, so the edited list is put back into the manifest object.
  bots[0] = { ...bots[0], commandLists: generated.commandLists };
  manifest['bots'] = bots;
  await writeJson(manifestFile, manifest);

  for (const language of shape.localizationInfo?.additionalLanguages ?? []) {
    if (registryLanguage(language.languageTag) !== 'zh') {
      throw new Error(`${MANIFEST_FILE}: no registry translation for language ${language.languageTag}`);
    }
    const file = join(manifestDir, packageFileName(language.file, 'localization file'));
    const localization = await readJsonObject(file);
    const kept = Object.entries(localization).filter(([key]) => !commandKeyPattern.test(key));
    await writeJson(file, { ...Object.fromEntries(kept), ...generated.zhStrings });
  }
}

/** Maps a manifest language tag onto the registry's text languages; only Chinese has a translation. */
export function registryLanguage(languageTag: string): 'zh' | undefined {
  return /^zh(-|$)/i.test(languageTag) ? 'zh' : undefined;
}

export function isCommandKey(key: string): boolean {
  return commandKeyPattern.test(key);
}

/** Replaces `${{NAME}}` in every string of a JSON tree; an unknown name is an error, not an empty string. */
export function fillPlaceholders(value: unknown, values: Readonly<Record<string, string>>, file = MANIFEST_FILE): unknown {
  if (typeof value === 'string') {
    return value.replace(placeholder, (_token, name: string) => {
      const replacement = values[name];
      if (replacement === undefined) throw new Error(`${file}: unknown placeholder \${{${name}}}`);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, values, file));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, values, file)]));
  }
  return value;
}

export interface DeploymentValues {
  /** MicrosoftAppId; undefined packages with {@link PLACEHOLDER_BOT_ID} and a warning. */
  botId?: string;
  /** TEAMS_APP_ID, the manifest `id`; undefined keeps {@link DEFAULT_TEAMS_APP_ID}. */
  teamsAppId?: string;
  /** AppConfig.publicUrl: validDomains gets its host. */
  publicUrl: string;
  /** The app version, semver (package.json `version`). */
  version: string;
}

export interface PlaceholderValues {
  values: Record<string, string>;
  warnings: string[];
}

export function placeholderValues(deployment: DeploymentValues): PlaceholderValues {
  const warnings: string[] = [];
  let botId = deployment.botId?.trim();
  if (!botId) {
    warnings.push(`MicrosoftAppId is not set: the package uses the placeholder bot id ${PLACEHOLDER_BOT_ID} and cannot reach a real bot`);
    botId = PLACEHOLDER_BOT_ID;
  } else if (!guid.test(botId)) {
    throw new Error(`MicrosoftAppId must be the bot's Microsoft Entra app id, a GUID like ${PLACEHOLDER_BOT_ID}`);
  }
  const teamsAppId = deployment.teamsAppId?.trim() || DEFAULT_TEAMS_APP_ID;
  if (!guid.test(teamsAppId)) {
    throw new Error(`TEAMS_APP_ID must be a GUID like ${DEFAULT_TEAMS_APP_ID} (one per deployment: test and production need different ids)`);
  }
  if (!/^\d+\.\d+\.\d+$/.test(deployment.version)) {
    throw new Error(`The app version must be major.minor.patch, got "${deployment.version}"`);
  }
  let host: string;
  try {
    host = new URL(deployment.publicUrl).hostname;
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL, got "${deployment.publicUrl}"`);
  }
  if (host === 'localhost' || host.startsWith('127.') || host === '[::1]') {
    warnings.push(`PUBLIC_URL is a loopback address (${host}): Teams cannot reach it; set PUBLIC_URL to the bot's public https address`);
  }
  return { values: { TEAMS_APP_ID: teamsAppId.toLowerCase(), BOT_ID: botId.toLowerCase(), APP_VERSION: deployment.version, PUBLIC_HOST: host }, warnings };
}

/** Everything that goes into the Teams app package, in memory so it can be validated before it is zipped. */
export interface AppPackage {
  manifest: JsonObject;
  /** Localization file name → content. */
  localizations: Map<string, JsonObject>;
  /** Icon file name → PNG bytes. */
  icons: Map<string, Buffer>;
  warnings: string[];
}

export async function renderAppPackage(manifestDir: string, deployment: DeploymentValues): Promise<AppPackage> {
  const { values, warnings } = placeholderValues(deployment);
  const manifestFile = join(manifestDir, MANIFEST_FILE);
  const manifest = jsonObject.parse(fillPlaceholders(await readJsonObject(manifestFile), values));
  const shape = parseManifestShape(manifest, manifestFile);

  const localizations = new Map<string, JsonObject>();
  for (const language of shape.localizationInfo?.additionalLanguages ?? []) {
    const name = packageFileName(language.file, 'localization file');
    const content = fillPlaceholders(await readJsonObject(join(manifestDir, name)), values, name);
    localizations.set(name, jsonObject.parse(content));
  }

  const icons = new Map<string, Buffer>();
  for (const [what, file] of [['color icon', shape.icons.color], ['outline icon', shape.icons.outline]] as const) {
    const name = packageFileName(file, what);
    try {
      icons.set(name, await readFile(join(manifestDir, name)));
    } catch {
      throw new Error(`${MANIFEST_FILE}: ${what} ${name} is missing from ${manifestDir} (run node dist/scripts/icons.js)`);
    }
  }
  warnings.push(...developerWarnings(shape));
  return { manifest, localizations, icons, warnings };
}

function developerWarnings(shape: ManifestShape): string[] {
  const { websiteUrl, privacyUrl, termsOfUseUrl } = shape.developer;
  const placeholders = [websiteUrl, privacyUrl, termsOfUseUrl].filter((url) => /^https?:\/\/([^/]+\.)?example\.(com|org|net)(\/|$)/i.test(url));
  return placeholders.length > 0
    ? [`developer URLs in ${MANIFEST_FILE} still point at example domains: set your organisation's website, privacy and terms pages before publishing`]
    : [];
}

export async function readPackageVersion(root: string): Promise<string> {
  const packageJson = await readJsonObject(join(root, 'package.json'));
  return z.string().parse(packageJson['version']);
}

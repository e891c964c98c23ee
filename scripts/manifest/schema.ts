import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { z } from 'zod';

/**
 * The Teams app manifest schema version this package targets. v1.24 is the first with 12 commands per command
 * list, which the personal scope of the intent registry needs.
 */
export const MANIFEST_SCHEMA_VERSION = '1.24';

export type SchemaKind = 'app' | 'localization';

const schemaFileNames: Record<SchemaKind, string> = {
  app: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

export function schemaUrl(kind: SchemaKind, version: string = MANIFEST_SCHEMA_VERSION): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${version}/${schemaFileNames[kind]}`;
}

export type JsonSchema = Record<string, unknown>;
type LibrarySchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/**
 * Reads a schema from the copies bundled in @microsoft/app-manifest. `AppManifestUtils.fetchSchema` would fall back
 * to the network for a version it does not bundle; build machines have no internet, so a missing copy must be a
 * clear error instead of a hang or a fetch failure.
 */
export async function loadBundledSchema(kind: SchemaKind, version: string = MANIFEST_SCHEMA_VERSION): Promise<JsonSchema> {
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const file = join(dirname(packageJson), 'build', 'json-schemas', 'teams', `v${version}`, schemaFileNames[kind]);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`Teams ${kind} manifest schema v${version} is not bundled with @microsoft/app-manifest (looked for ${file})`);
  }
  const parsed: unknown = JSON.parse(text);
  return z.record(z.unknown()).parse(repairPatterns(parsed));
}

/**
 * The bundled localization schemas (every version) contain patterns like `\\b]\\.description` with a lone `]`.
 * That is a literal `]` in a plain JavaScript regex but a syntax error in the unicode-mode regexes Ajv compiles,
 * so validation would throw. Escaping lone `]` keeps the meaning the schema authors intended.
 */
function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
        const entries = Object.entries(value).map(([pattern, schema]) => [unicodeSafePattern(pattern), repairPatterns(schema)]);
        return [key, Object.fromEntries(entries)];
      }
      if (key === 'pattern' && typeof value === 'string') return [key, unicodeSafePattern(value)];
      return [key, repairPatterns(value)];
    }),
  );
}

export function unicodeSafePattern(pattern: string): string {
  if (compiles(pattern, 'u')) return pattern;
  let result = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      result += char + (pattern[i + 1] ?? '');
      i++;
    } else if (char === '[' && !inClass) {
      inClass = true;
      result += char;
    } else if (char === ']') {
      result += inClass ? char : '\\]';
      inClass = false;
    } else {
      result += char;
    }
  }
  return result;
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a JSON document against a bundled schema, offline. The library's signature names its own manifest
 * types; the document here is freshly parsed JSON whose shape is exactly what is being checked, hence the casts.
 */
export async function validateAgainst(document: unknown, schema: JsonSchema): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(document as AppManifest, schema as unknown as LibrarySchema);
}

/** The schema's limits on bot command lists, so the generator enforces the same numbers the validator will. */
export interface CommandLimits {
  maxLists: number;
  maxCommandsPerList: number;
  maxTitleLength: number;
  maxDescriptionLength: number;
}

const limitedArray = z.object({ maxItems: z.number().int().positive() });
const limitedString = z.object({ maxLength: z.number().int().positive() });
const botsSchema = z.object({
  properties: z.object({
    bots: z.object({
      items: z.object({
        properties: z.object({
          commandLists: limitedArray.extend({
            items: z.object({
              properties: z.object({
                commands: limitedArray.extend({
                  items: z.object({ properties: z.object({ title: limitedString, description: limitedString }) }),
                }),
              }),
            }),
          }),
        }),
      }),
    }),
  }),
});

export function commandLimitsOf(appSchema: JsonSchema): CommandLimits {
  const parsed = botsSchema.safeParse(appSchema);
  if (!parsed.success) {
    throw new Error('The Teams manifest schema does not state limits for bots[].commandLists; cannot enforce them');
  }
  const lists = parsed.data.properties.bots.items.properties.commandLists;
  const commands = lists.items.properties.commands;
  return {
    maxLists: lists.maxItems,
    maxCommandsPerList: commands.maxItems,
    maxTitleLength: commands.items.properties.title.maxLength,
    maxDescriptionLength: commands.items.properties.description.maxLength,
  };
}

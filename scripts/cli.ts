import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { z } from 'zod';
import { isHttpUrl } from '../src/http/urls.js';

/** What the manifest tools need from the environment: the ids and address that go into the package, nothing secret. */
export interface PackagingConfig {
  /** MicrosoftAppId: the bot's Entra app id, the manifest's `bots[0].botId`. */
  botId?: string;
  /** TEAMS_APP_ID: the manifest `id`, one per deployment. */
  teamsAppId?: string;
  publicUrl: string;
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/**
 * Deliberately not the bot's loadConfig: building a package needs no client secret, tenant or service endpoints,
 * and asking for them would make a build machine hold secrets it never uses.
 */
const packagingEnvironment = z.object({
  MicrosoftAppId: optionalText,
  TEAMS_APP_ID: optionalText,
  PUBLIC_URL: optionalText.refine((value) => value === undefined || isHttpUrl(value), {
    message: 'PUBLIC_URL: must be an absolute http(s) URL',
  }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
});

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads `.env` like the bot does (the environment wins), then only the variables that go into the package. */
export function loadPackagingConfig(env: NodeJS.ProcessEnv = loadDotEnv()): PackagingConfig {
  const parsed = packagingEnvironment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(issue.message.includes(':') ? issue.message : `${String(issue.path[0])}: ${issue.message}`);
  }
  const { MicrosoftAppId, TEAMS_APP_ID, PUBLIC_URL, PORT } = parsed.data;
  return {
    botId: MicrosoftAppId,
    teamsAppId: TEAMS_APP_ID,
    publicUrl: (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/$/, ''),
  };
}

function loadDotEnv(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}

/** One optional file option (`--out`, `--package`), parsed strictly so a typo is an error and not ignored. */
export function fileOption(name: string, args: readonly string[] = process.argv.slice(2)): string | undefined {
  try {
    const { values } = parseArgs({ args: [...args], options: { [name]: { type: 'string' } }, strict: true, allowPositionals: false });
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (usage: --${name} <file>)`);
  }
}

export function warn(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`warning: ${line}\n`);
}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

import dotenv from 'dotenv';
import { ConfigError, loadConfig, type AppConfig } from '../src/config.js';

/**
 * Shared by the manifest command-line tools: read `.env` like the bot does, and turn any failure into readable
 * lines and a non-zero exit instead of a stack trace.
 */
export function loadDeploymentConfig(): AppConfig {
  dotenv.config({ quiet: true });
  return loadConfig(process.env);
}

export function warn(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`warning: ${line}\n`);
}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  }
}

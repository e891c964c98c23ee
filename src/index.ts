import 'dotenv/config';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logging.js';
import { DataDirLockedError } from './storage/index.js';
import { startSandbox } from './sandbox/sandbox.js';
import { Shutdown } from './shutdown.js';

/** Entry point: configuration → logger → service endpoints (real or sandbox) → app; stops cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, pretty: process.stdout.isTTY });
  // Signals are caught before the first line is logged: until a listener exists, Ctrl-C kills the process outright.
  const shutdown = new Shutdown(logger);
  shutdown.listen();
  if (!config.bot.appId) {
    logger.warn('MicrosoftAppId is not set: the bot accepts requests without Bot Framework authentication (local use only)');
  }
  const sandbox = await startSandbox(config, logger);
  shutdown.add(() => sandbox.stop());
  if (shutdown.requested) return shutdown.startupDone();
  const app = await startApp(config, logger, sandbox.endpoints);
  shutdown.add(() => app.stop());
  shutdown.startupDone();
  logger.info({ url: app.url, publicUrl: config.publicUrl }, `meeting bot listening on ${app.url}/api/messages`);

  // A stray promise must not take the bot down; its alerts are durable, but the log has to say what happened.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; exiting so the supervisor restarts a clean process');
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else if (error instanceof DataDirLockedError) {
    process.stderr.write(`Not started: ${error.message}\n`);
  } else {
    process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});

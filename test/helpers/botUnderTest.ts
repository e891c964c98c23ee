import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig, type AppConfig } from '../../src/config.js';
import type { Logger } from '../../src/logging.js';
import { noteTestSecret, testLogger } from './testLogger.js';
import { LocalChannel, type UserInput } from '../../src/localChannel/localChannel.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandbox.js';
import { defaultPeople } from '../../src/localChannel/people.js';

export { sandboxPeople } from '../../src/localChannel/people.js';

export interface BotUnderTest {
  app: RunningApp;
  sandbox: Sandbox;
  channel: LocalChannel;
  config: AppConfig;
  dataDir: string;
  /** Every log line the bot wrote, for assertions on what is (not) logged. */
  logLines: string[];
  /** Stops the bot (keeping its data) and starts a new one on the same data and simulators; `whileDown` runs between. */
  restart(whileDown?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface BotUnderTestOptions {
  env?: Record<string, string>;
  users?: UserInput[];
  /** Reuse simulators (and their state) across bots. */
  sandbox?: Sandbox;
}

/**
 * The real bot over HTTP, as Teams would reach it: the app on a free loopback port with fresh storage, the
 * sandbox's simulators behind it, and a local Bot Connector in front of it.
 */
export async function startBotUnderTest(options: BotUnderTestOptions = {}): Promise<BotUnderTest> {
  const dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...options.env });
  const logLines: string[] = [];
  const logger = captureLogger(logLines);
  const sandbox = options.sandbox ?? (await startSandbox(config, logger));
  for (const secret of [config.bot.appPassword, config.huawei.appKey, sandbox.endpoints.huawei.appKey]) noteTestSecret(secret);
  let app = await startApp(config, logger, sandbox.endpoints);
  const users = options.users ?? defaultPeople;
  const channel = await LocalChannel.start({ botUrl: `${app.url}/api/messages`, users });
  const handle: BotUnderTest = {
    get app() {
      return app;
    },
    sandbox,
    channel,
    config,
    dataDir,
    logLines,
    async restart(whileDown) {
      await app.stop();
      await whileDown?.();
      // Same port, so the local channel (and Teams, in real life) keeps reaching it.
      app = await startApp({ ...config, port: Number(new URL(app.url).port) }, logger, sandbox.endpoints);
    },
    async close() {
      await channel.close();
      await app.stop();
      if (!options.sandbox) await sandbox.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

function captureLogger(lines: string[]): Logger {
  return testLogger({ level: 'debug', lines });
}

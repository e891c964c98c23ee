import { ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { Router } from '../dialogs/router.js';
import { UcwaAccounts } from './accounts/ucwaAccounts.js';
import { createCapabilities, type ServiceEndpoints } from './capabilities/index.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logging.js';
import type { Recognizer } from './nlu/recognition.js';
import { createRecognizer } from './nlu/recognizer.js';
import { HealthReporter } from './server/health.js';
import { createServer } from './server/server.js';
import { FileStorage } from './storage/index.js';
import { MeetingBotAdapter } from './teams/adapter.js';
import { MeetingOpsBot } from './teams/bot.js';
import type { Capability } from './teams/capability.js';
import { ConversationReferenceStore } from './teams/conversationReferences.js';
import { TeamsIdentity } from './teams/identity.js';
import { ProactiveMessenger } from './teams/proactive.js';
import { loggerOf } from './teams/turnLogger.js';

/** Everything a capability may use; capabilities take what they need from here and nothing else. */
export interface BotServices {
  config: AppConfig;
  logger: Logger;
  storage: FileStorage;
  conversationState: ConversationState;
  userState: UserState;
  references: ConversationReferenceStore;
  proactive: ProactiveMessenger;
  identity: TeamsIdentity;
  recognizer: Recognizer;
  endpoints: ServiceEndpoints;
  /** Teams users' Skype for Business sign-ins; one instance shared by every capability. */
  accounts: UcwaAccounts;
}

export interface RunningApp {
  /** The base URL the HTTP server listens on. */
  url: string;
  server: Server;
  services: BotServices;
  capabilities: Capability[];
  stop(): Promise<void>;
}

const shutdownGraceMs = 10_000;

/**
 * Builds and starts the bot: storage → state → adapter → capabilities → router → bot → HTTP server.
 * `endpoints` are where the service adapters point (real services or the sandbox's simulators).
 */
export async function startApp(config: AppConfig, logger: Logger, endpoints: ServiceEndpoints): Promise<RunningApp> {
  const storage = await FileStorage.open(`${config.dataDir}/store`);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const adapter = createAdapter(config, logger, conversationState);
  const references = new ConversationReferenceStore(storage, logger);
  const proactive = new ProactiveMessenger(adapter, config.bot.appId ?? '', references, logger);
  const identity = new TeamsIdentity(logger);
  const recognizer = createRecognizer();
  const accounts = new UcwaAccounts(storage, endpoints.ucwa, logger);
  const services: BotServices = { config, logger, storage, conversationState, userState, references, proactive, identity, recognizer, endpoints, accounts };

  const capabilities = await createCapabilities(services);
  const router = new Router({ conversationState, recognizer, identity, capabilities, logger });
  for (const capability of capabilities) {
    capability.onHeldCommandReady?.(async (options) => {
      const stored = await references.forConversation(options.conversation.id);
      if (!stored) return logger.warn({ conversationId: options.conversation.id }, 'held command dropped: conversation unknown');
      await proactive.continueIn(stored.reference, (context) => router.runHeld(context, options));
    });
  }
  const bot = new MeetingOpsBot(router, references, logger);
  const health = new HealthReporter([
    async () => ({ name: 'storage', ok: await storage.keys('health/').then(() => true, () => false) }),
    ...capabilities.flatMap((capability) => (capability.health ? [() => capability.health!()] : [])),
  ]);
  const server = createServer({
    adapter,
    bot,
    health,
    logger,
    extraRoutes: capabilities.flatMap((capability) => (capability.routes ? [capability.routes] : [])),
  });
  const inFlight = trackInFlight(server);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const address = server.address();
  const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`.replace('[::]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
  if (config.publicUrlFollowsPort) config.publicUrl = `http://localhost:${address.port}`;
  health.markRunning();

  const stop = async (): Promise<void> => {
    health.markStopping();
    server.server.close();
    await inFlight.drained(shutdownGraceMs);
    server.server.closeAllConnections();
    await Promise.allSettled(capabilities.map((capability) => capability.stop?.()));
    await accounts.close();
    await storage.close();
    logger.info('stopped');
  };
  return { url, server, services, capabilities, stop };
}

function createAdapter(config: AppConfig, logger: Logger, conversationState: ConversationState): MeetingBotAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new MeetingBotAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The person gets an apology, never the error text: it can hold service details or tokens.
    loggerOf(context, logger).error({ err: error }, 'turn failed');
    await conversationState.delete(context).catch(() => undefined);
    if (context.activity.type === 'message') {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again.').catch(() => undefined);
    }
  };
  return adapter;
}

/** Counts requests in progress so shutdown can let them finish. */
function trackInFlight(server: Server): { drained(limitMs: number): Promise<void> } {
  let active = 0;
  let onIdle: (() => void) | undefined;
  server.server.on('request', (_req, res) => {
    active++;
    res.on('close', () => {
      active--;
      if (active === 0) onIdle?.();
    });
  });
  return {
    drained: (limitMs) =>
      new Promise<void>((resolve) => {
        if (active === 0) return resolve();
        const timer = setTimeout(resolve, limitMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

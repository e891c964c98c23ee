import { ConversationState, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { Router } from '../dialogs/router.js';
import { UcwaAccounts } from './sfb/accounts.js';
import { SfbConnections } from './sfb/connection.js';
import { UcwaUserMap } from './sfb/identity.js';
import { SignInRecords } from './sfb/signInRecords.js';
import { createCapabilities } from './capabilities/index.js';
import type { ServiceEndpoints } from './endpoints.js';
import type { BotServices } from './services.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logging.js';
import { createRecognizer } from './nlu/recognizer.js';
import { LeaseOwnership, SoleOwnership, channelKey, type Ownership } from './ownership/index.js';
import { PresenceRecords } from './presence/records.js';
import { UcwaWatchRecords } from './alerts/sources/ucwa/records.js';
import { HuaweiWatchRecords } from './alerts/sources/huawei/records.js';
import { HealthReporter } from './server/health.js';
import { createServer } from './server/server.js';
import { BlobStorage, FileStorage, lockDataDir, type BotStorage, type DataDirLock } from './storage/index.js';
import { KeyedSerializer } from './storage/keyedSerializer.js';
import { loadSecretBox } from './storage/secrets.js';
import { MeetingBotAdapter } from './teams/adapter.js';
import { createBotAuthentication } from './teams/authentication.js';
import { MeetingOpsBot } from './teams/bot.js';
import type { Capability, DependencyHealth } from './teams/capability.js';
import { ConversationReferenceStore } from './teams/conversationReferences.js';
import { TeamsIdentity } from './teams/identity.js';
import { ProactiveMessenger, statusOf as connectorStatusOf } from './teams/proactive.js';
import { loggerOf } from './teams/turnLogger.js';

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
  // The lock keeps a second process off the file store's folder; instances sharing a blob container need none.
  const dataDirLock: DataDirLock | undefined = config.storage.kind === 'file' ? await lockDataDir(config.dataDir) : undefined;
  const { services, adapter } = await createServices(config, logger, endpoints).catch(async (error: unknown) => {
    await dataDirLock?.release();
    throw error;
  });
  const capabilities = await createCapabilities(services);
  // After the capabilities: their acquired/lost handlers are in place before the first channel is taken.
  services.sfb.followOwnership();
  await services.ownership.start();
  const router = new Router({ conversationState: services.conversationState, recognizer: services.recognizer, identity: services.identity, capabilities, logger });
  runHeldCommandsThroughRouter(capabilities, router, services);
  const health = new HealthReporter([storageHealth(services.storage), ...capabilities.flatMap((capability) => (capability.health ? [() => capability.health!()] : []))]);
  const server = createServer({
    allowedTenants: config.bot.allowedTenants,
    loopbackServiceUrlsOnly: !config.bot.appId,
    adapter,
    bot: new MeetingOpsBot(router, services.references, logger),
    health,
    logger,
    extraRoutes: capabilities.flatMap((capability) => (capability.routes ? [capability.routes] : [])),
  });
  const inFlight = trackInFlight(server);
  const url = await listen(server, config);
  health.markRunning();

  const stop = async (): Promise<void> => {
    health.markStopping();
    server.server.close();
    await inFlight.drained(shutdownGraceMs);
    server.server.closeAllConnections();
    // Channels are handed back first: their card sends in progress finish, then the leases go, so another
    // instance takes over at once rather than after the leases run out.
    await services.ownership.stop().catch((error: unknown) => logger.warn({ err: error }, 'could not hand the event channels back'));
    await Promise.allSettled(capabilities.map((capability) => capability.stop?.()));
    await services.sfb.stop();
    await services.accounts.close();
    await services.storage.close();
    await dataDirLock?.release();
    logger.info('stopped');
  };
  return { url, server, services, capabilities, stop };
}

async function createServices(config: AppConfig, logger: Logger, endpoints: ServiceEndpoints): Promise<{ services: BotServices; adapter: MeetingBotAdapter }> {
  // First, before anything opens: a bad map file stops the start with one line (a ConfigError).
  const userMap = await UcwaUserMap.load(config.ucwa.userMapFile);
  if (userMap.size > 0) logger.info({ entries: userMap.size }, 'Skype for Business user map loaded');
  const secrets = await loadSecretBox(config.storageEncryption, { dataDir: config.dataDir, shared: config.storage.kind === 'blob', sandbox: endpoints.ucwa.sandbox, logger });
  const storage = await openStorage(config, logger);
  const conversationState = new ConversationState(storage);
  const adapter = createAdapter(config, logger, conversationState);
  const references = new ConversationReferenceStore(storage, logger);
  const proactive = new ProactiveMessenger(adapter, config.bot.appId ?? '', references, logger);
  const ownership = createOwnership(config, logger, storage);
  const accounts = new UcwaAccounts(storage, endpoints.ucwa, logger, secrets, userMap, ownership);
  const sfb = new SfbConnections({
    accounts,
    signInRecords: new SignInRecords(storage),
    references,
    proactive,
    logger: logger.child({ component: 'sfb' }),
    locks: new KeyedSerializer(),
    ownership,
  }, { positionSaveMs: config.ucwa.eventPositionSaveMs });
  const services: BotServices = {
    config,
    logger,
    storage,
    conversationState,
    references,
    proactive,
    identity: new TeamsIdentity(logger),
    recognizer: createRecognizer(),
    endpoints,
    accounts,
    sfb,
    ownership,
  };
  return { services, adapter };
}

/** A command a capability held back (waiting for sign-in) runs later in the conversation it was typed in. */
function runHeldCommandsThroughRouter(capabilities: Capability[], router: Router, services: BotServices): void {
  for (const capability of capabilities) {
    capability.onHeldCommandReady?.(async (options) => {
      const stored = await services.references.forConversation(options.conversation.id);
      if (!stored) return services.logger.warn({ conversationId: options.conversation.id }, 'held command dropped: conversation unknown');
      await services.proactive.continueIn(stored.reference, (context) => router.runHeld(context, options));
    });
  }
}

/**
 * With the file store this process owns every event channel. Instances sharing a blob container split them through
 * blob leases; the keys to share are the channels of everyone who watches a lobby (either platform) or someone's
 * presence. A Huawei watcher's key decides which instance sends their alerts' first cards.
 */
function createOwnership(config: AppConfig, logger: Logger, storage: BotStorage): Ownership {
  if (config.storage.kind === 'file') return new SoleOwnership();
  const lobby = new UcwaWatchRecords(storage);
  const presence = new PresenceRecords(storage);
  const huawei = new HuaweiWatchRecords(storage);
  return new LeaseOwnership({
    connectionString: config.storage.connectionString,
    container: config.storage.container,
    leaseSeconds: config.ownership.leaseSeconds,
    instanceId: config.ownership.instanceId,
    logger: logger.child({ component: 'ownership' }),
    keys: async () => {
      const watchers = new Set([...(await lobby.watchers()), ...(await presence.watchers()), ...(await huawei.watchers())]);
      return [...watchers].map(channelKey);
    },
  });
}

/** The file store under DATA_DIR by default; an Azure Blob container with STORAGE=blob (created when missing). */
async function openStorage(config: AppConfig, logger: Logger): Promise<BotStorage> {
  if (config.storage.kind === 'file') return FileStorage.open(`${config.dataDir}/store`, { logger });
  const storage = await BlobStorage.open({ connectionString: config.storage.connectionString, container: config.storage.container });
  logger.info({ container: storage.containerName }, 'storage: Azure Blob Storage');
  return storage;
}

/** /healthz names the store and says whether it can be written (a full disk or an unreachable account loses alerts). */
function storageHealth(storage: BotStorage): () => Promise<DependencyHealth> {
  return async () => ({ name: 'storage', ...(await storage.health()) });
}

/** Listens and returns a URL this machine can use; PUBLIC_URL follows the real port when it was not set. */
async function listen(server: Server, config: AppConfig): Promise<string> {
  await new Promise<void>((resolve) => server.listen(config.port, config.host, () => resolve()));
  const { address, port } = server.address();
  if (config.publicUrlFollowsPort) config.publicUrl = `http://localhost:${port}`;
  const anyInterface = address === '0.0.0.0' || address === '::';
  const host = anyInterface ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

function createAdapter(config: AppConfig, logger: Logger, conversationState: ConversationState): MeetingBotAdapter {
  const auth = createBotAuthentication(config.bot, config.connectorTimeoutMs);
  const adapter = new MeetingBotAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The person gets an apology, never the error text: it can hold service details or tokens.
    // A 4xx from the Bot Connector is about the activity (a conversation it does not know, a bad id), not a fault
    // of ours: a warning, so error-level lines stay the ones somebody must act on.
    const status = connectorStatusOf(error);
    const refusedByConnector = status !== undefined && status >= 400 && status < 500;
    loggerOf(context, logger)[refusedByConnector ? 'warn' : 'error']({ err: error }, 'turn failed');
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

import type { BotServices } from '../../src/services.js';
import { HuaweiIdentityResolver, HuaweiMeetingClient } from '../../src/huawei/index.js';
import type { Capability, DependencyHealth } from '../../src/teams/capability.js';
import { meetingDialogs } from './commands.js';
import { CallOutcomes, type HuaweiCommandDeps, type HuaweiListState } from './context.js';
import { listDialog, nextPageDialog } from './listing.js';
import { locateMeeting } from './meetingCommand.js';

export { CHAT_PAGE_SIZE } from './listing.js';
export type { HuaweiListState } from './context.js';

/** Health answers from a recent probe for this long, so a busy /healthz does not hammer Huawei. */
const HEALTH_CACHE_MS = 15_000;
/** Below the health reporter's own 2 s limit, so a slow Huawei reads as "unreachable", not as a timeout. */
const HEALTH_PROBE_TIMEOUT_MS = 1_500;

export interface HuaweiCapabilityOptions {
  /** Tests inject a client with shorter timeouts or a fake fetch. */
  client?: HuaweiMeetingClient;
}

/** Huawei Cloud Meeting from chat: list, details, participants, waiting room, end, mute, lock. */
export function createHuaweiCapability(services: BotServices, options: HuaweiCapabilityOptions = {}): Capability {
  const logger = services.logger.child({ component: 'huawei-commands' });
  const endpoint = services.endpoints.huawei;
  const client = options.client ?? new HuaweiMeetingClient({ endpoint: endpoint.endpoint, appId: endpoint.appId, appKey: endpoint.appKey, logger });
  const outcomes = new CallOutcomes();
  const deps: HuaweiCommandDeps = {
    client,
    identities: HuaweiIdentityResolver.fromConfig(services.config.huawei, logger),
    logger,
    lists: services.conversationState.createProperty<HuaweiListState | undefined>('huaweiList'),
    outcomes,
  };
  return {
    name: 'huawei',
    dialogs: [listDialog('huawei.ongoing', deps), listDialog('huawei.scheduled', deps), nextPageDialog(deps), ...meetingDialogs(deps)],
    health: cachedHealth(() => probe(endpoint.endpoint, outcomes, endpoint.sandbox)),
    locate: (user, reading) => locateMeeting(deps, user, reading),
  };
}

/**
 * Reachability without signing in (a sign-in mints a token every time): any HTTP answer from the endpoint
 * means it is up. Rejected app credentials, seen on real calls, make it unhealthy until a call succeeds.
 */
async function probe(endpoint: string, outcomes: CallOutcomes, sandbox: boolean): Promise<DependencyHealth> {
  const name = sandbox ? 'huawei (simulator)' : 'huawei';
  try {
    const response = await fetch(new URL('/', endpoint), { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(HEALTH_PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'is unreachable';
    return { name, ok: false, detail: `Huawei Cloud Meeting ${reason}` };
  }
  const rejectedAt = outcomes.credentialFailureAt;
  if (rejectedAt) return { name, ok: false, detail: `Huawei Cloud Meeting rejected the bot's App ID or App Key (${rejectedAt.toISOString()})` };
  return { name, ok: true };
}

function cachedHealth(check: () => Promise<DependencyHealth>): () => Promise<DependencyHealth> {
  let last: { at: number; result: Promise<DependencyHealth> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > HEALTH_CACHE_MS) last = { at: Date.now(), result: check() };
    return last.result;
  };
}

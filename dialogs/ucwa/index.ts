import type { BotServices } from '../../src/services.js';
import { PresenceRecords } from '../../src/presence/records.js';
import { PresenceRelay, type SharedEventChannels } from '../../src/presence/relay.js';
import type { Capability, DependencyHealth } from '../../src/teams/capability.js';
import { groupCardActions, groupDialogs, locateGroup } from './groups.js';
import { locateMeeting, meetingCardActions, meetingDialogs } from './meetings.js';
import type { UcwaCommandDeps } from './session.js';

/** A health probe must not hold up /health; the discovery root answers at once when the pool is up. */
const healthTimeoutMs = 3000;

/** Skype for Business meetings: list, details, create, change, delete, settings, dial-in, extensions. */
export function createUcwaMeetingsCapability(services: BotServices): Capability {
  const deps = depsOf(services);
  return {
    name: 'ucwa-meetings',
    dialogs: meetingDialogs(deps),
    cardActions: [meetingCardActions(deps)],
    locate: (user, reading) => locateMeeting(deps, user, reading),
    health: () => discoveryHealth(services.endpoints.ucwa.discoveryUrl),
  };
}

/**
 * Skype for Business contact groups: list, members, create, rename, delete, presence. Given the person's event
 * channel (their Skype for Business connection, src/sfb), presence changes of watched groups reach the person's chat.
 */
export function createUcwaGroupsCapability(services: BotServices, channels?: SharedEventChannels): Capability {
  const deps = depsOf(services);
  const relay = channels ? presenceRelay(services, channels) : undefined;
  return {
    name: 'ucwa-groups',
    dialogs: groupDialogs(deps, relay),
    cardActions: [groupCardActions(deps)],
    locate: (user, reading) => locateGroup(deps, user, reading),
    stop: async () => relay?.stop(),
  };
}

function presenceRelay(services: BotServices, channels: SharedEventChannels): PresenceRelay {
  const logger = services.logger.child({ component: 'presence' });
  const relay = new PresenceRelay({
    accounts: services.accounts,
    records: new PresenceRecords(services.storage),
    references: services.references,
    proactive: services.proactive,
    channels,
    logger,
  });
  // start() taps the channels at once; resuming stored watches goes on in the background.
  void relay.start().catch((error: unknown) => logger.error({ err: error }, 'could not start the presence relay'));
  return relay;
}

function depsOf(services: BotServices): UcwaCommandDeps {
  return { accounts: services.accounts, logger: services.logger.child({ component: 'ucwa-commands' }) };
}

/** Reachable means the autodiscovery root answers at all below 500 (it needs no sign-in). */
export async function discoveryHealth(discoveryUrl: string, fetchImpl: typeof fetch = fetch): Promise<DependencyHealth> {
  const name = 'ucwa';
  try {
    const response = await fetchImpl(discoveryUrl, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(healthTimeoutMs) });
    await response.body?.cancel();
    return response.status < 500 ? { name, ok: true } : { name, ok: false, detail: `discovery answered HTTP ${response.status}` };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { name, ok: false, detail: timedOut ? `discovery did not answer within ${healthTimeoutMs} ms` : 'discovery is unreachable' };
  }
}

import type { BotServices } from '../../src/app.js';
import type { Capability, DependencyHealth } from '../../src/teams/capability.js';
import { groupCardActions, groupDialogs } from './groups.js';
import { meetingCardActions, meetingDialogs } from './meetings.js';
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
    health: () => discoveryHealth(services.endpoints.ucwa.discoveryUrl),
  };
}

/** Skype for Business contact groups: list, members, create, rename, delete, presence. */
export function createUcwaGroupsCapability(services: BotServices): Capability {
  const deps = depsOf(services);
  return { name: 'ucwa-groups', dialogs: groupDialogs(deps), cardActions: [groupCardActions(deps)] };
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

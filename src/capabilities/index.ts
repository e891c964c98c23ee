import { createLobbyCapability } from '../alerts/capability.js';
import { createHuaweiCapability } from '../../dialogs/huawei/index.js';
import { createUcwaGroupsCapability, createUcwaMeetingsCapability } from '../../dialogs/ucwa/index.js';
import type { BotServices } from '../services.js';
import type { Capability } from '../teams/capability.js';

export type { ServiceEndpoints } from '../endpoints.js';


/** The product's capabilities, in the order the help card lists them. */
export async function createCapabilities(services: BotServices): Promise<Capability[]> {
  const lobby = await createLobbyCapability(services);
  // Presence changes ride on the person's one event channel (services.sfb), as the lobby's do: one pending GET per UCWA application.
  return [lobby, createUcwaMeetingsCapability(services), createUcwaGroupsCapability(services, services.sfb), createHuaweiCapability(services)];
}

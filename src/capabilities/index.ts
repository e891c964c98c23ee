import { createLobbyCapability } from '../alerts/capability.js';
import { createHuaweiCapability } from '../../dialogs/huawei/index.js';
import { createUcwaGroupsCapability, createUcwaMeetingsCapability } from '../../dialogs/ucwa/index.js';
import type { BotServices } from '../services.js';
import type { Capability } from '../teams/capability.js';

export type { ServiceEndpoints } from '../endpoints.js';


/** The product's capabilities, in the order the help card lists them. */
export async function createCapabilities(services: BotServices): Promise<Capability[]> {
  const lobby = await createLobbyCapability(services);
  // Presence changes ride on the lobby alerts' event channel: one pending GET per UCWA application.
  return [lobby, createUcwaMeetingsCapability(services), createUcwaGroupsCapability(services, lobby.sfb), createHuaweiCapability(services)];
}

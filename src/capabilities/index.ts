import { createLobbyCapability } from '../alerts/capability.js';
import { createHuaweiCapability } from '../../dialogs/huawei/index.js';
import { createUcwaGroupsCapability, createUcwaMeetingsCapability } from '../../dialogs/ucwa/index.js';
import type { BotServices } from '../app.js';
import type { Capability } from '../teams/capability.js';
import type { PasswordCredentials } from '../ucwa/index.js';

/** Where each service adapter points: a real service, or the sandbox's simulator. */
export interface ServiceEndpoints {
  ucwa: {
    discoveryUrl: string;
    format: 'json' | 'xml';
    userAgent: string;
    sandbox: boolean;
    /** Sandbox only: the simulator account of a Teams user (by UPN), for signing in without asking. */
    sandboxCredentials?: (upn: string) => PasswordCredentials | undefined;
  };
  huawei: { endpoint: string; appId: string; appKey: string; sandbox: boolean };
}

/** The product's capabilities, in the order the help card lists them. */
export async function createCapabilities(services: BotServices): Promise<Capability[]> {
  const lobby = await createLobbyCapability(services);
  // Presence changes ride on the lobby alerts' event channel: one pending GET per UCWA application.
  return [lobby, createUcwaMeetingsCapability(services), createUcwaGroupsCapability(services, lobby.alerts), createHuaweiCapability(services)];
}

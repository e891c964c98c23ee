import type { ConversationState } from 'botbuilder';
import type { UcwaAccounts } from './sfb/accounts.js';
import type { SfbConnections } from './sfb/connection.js';
import type { AppConfig } from './config.js';
import type { ServiceEndpoints } from './endpoints.js';
import type { Logger } from './logging.js';
import type { Recognizer } from './nlu/recognition.js';
import type { Ownership } from './ownership/index.js';
import type { BotStorage } from './storage/index.js';
import type { ConversationReferenceStore } from './teams/conversationReferences.js';
import type { TeamsIdentity } from './teams/identity.js';
import type { ProactiveMessenger } from './teams/proactive.js';

/**
 * The shared types of the composition: what the composition root (src/app.ts) builds and hands to capabilities.
 * They live here, not in the root, so that capabilities never import the root (issue 15's walls).
 */

/** Everything a capability may use; capabilities take what they need from here and nothing else. */
export interface BotServices {
  config: AppConfig;
  logger: Logger;
  storage: BotStorage;
  conversationState: ConversationState;
  references: ConversationReferenceStore;
  proactive: ProactiveMessenger;
  identity: TeamsIdentity;
  recognizer: Recognizer;
  endpoints: ServiceEndpoints;
  /** Teams users' Skype for Business sign-ins; one instance shared by every capability. */
  accounts: UcwaAccounts;
  /**
   * Each person's Skype for Business connection (sign-in, session, expiry, the one event channel): lobby alerts
   * and presence listen to it as equals.
   */
  sfb: SfbConnections;
  /** Which organizers' event channels this instance runs: all of them with the file store, a share with STORAGE=blob. */
  ownership: Ownership;
}

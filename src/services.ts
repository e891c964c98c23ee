import type { ConversationState } from 'botbuilder';
import type { UcwaAccounts } from './accounts/ucwaAccounts.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logging.js';
import type { Recognizer } from './nlu/recognition.js';
import type { BotStorage } from './storage/index.js';
import type { ConversationReferenceStore } from './teams/conversationReferences.js';
import type { TeamsIdentity } from './teams/identity.js';
import type { ProactiveMessenger } from './teams/proactive.js';
import type { PasswordCredentials } from './ucwa/index.js';

/**
 * The shared types of the composition: what the composition root (src/app.ts) builds and hands to capabilities.
 * They live here, not in the root, so that capabilities never import the root (issue 15's walls).
 */

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
}

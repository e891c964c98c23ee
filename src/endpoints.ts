import type { PasswordCredentials } from './ucwa/index.js';

/**
 * Where each service adapter points: a real service, or the sandbox's simulator.
 * A module of its own, apart from src/services.ts, because the accounts that src/services.ts names need it too;
 * sharing one module would tie the two into an import circle (issue 15's walls).
 */
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

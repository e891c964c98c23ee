import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The modules of a build that the proactive-send scripts (proactiveCost.ts, fanoutTrace.ts) load from another
 * checkout's dist, so two builds can be measured side by side with the same script.
 */
export type BuildModules = {
  proactive: typeof import('../../src/teams/proactive.js');
  adapter: typeof import('../../src/teams/adapter.js');
  authentication: typeof import('../../src/teams/authentication.js');
  references: typeof import('../../src/teams/conversationReferences.js');
  logging: typeof import('../../src/logging.js');
  card: typeof import('../../src/cards/lobby/alertCard.js');
};

/** The built modules under `root` (the dist folder a script is given). */
export async function loadBuild(root: string): Promise<BuildModules> {
  const load = async <K extends keyof BuildModules>(path: string): Promise<BuildModules[K]> => (await import(pathToFileURL(resolve(root, path)).href)) as BuildModules[K];
  return {
    proactive: await load<'proactive'>('src/teams/proactive.js'),
    adapter: await load<'adapter'>('src/teams/adapter.js'),
    authentication: await load<'authentication'>('src/teams/authentication.js'),
    references: await load<'references'>('src/teams/conversationReferences.js'),
    logging: await load<'logging'>('src/logging.js'),
    card: await load<'card'>('src/cards/lobby/alertCard.js'),
  };
}

import { runCli } from './cli.js';
import { regenerateTemplates } from './manifest/build.js';
import { defaultManifestDir } from './manifest/paths.js';

/** `node dist/scripts/generateManifest.js`: rewrites the manifest command lists from src/nlu/catalog.ts. */
await runCli(async () => {
  const manifestDir = defaultManifestDir();
  await regenerateTemplates(manifestDir);
  process.stdout.write(`regenerated the command lists in ${manifestDir} from the intent registry\n`);
});

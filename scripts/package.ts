import { relative } from 'node:path';
import { loadDeploymentConfig, runCli, warn } from './cli.js';
import { readPackageVersion } from './manifest/build.js';
import { createAppPackage } from './manifest/package.js';
import { defaultManifestDir, defaultPackagePath, findRepoRoot } from './manifest/paths.js';

/** `npm run package`: builds appPackage.zip, ready to upload to Teams. */
await runCli(async () => {
  const config = loadDeploymentConfig();
  const root = findRepoRoot();
  const result = await createAppPackage({
    manifestDir: defaultManifestDir(root),
    outFile: defaultPackagePath(root),
    botId: config.bot.appId,
    publicUrl: config.publicUrl,
    version: await readPackageVersion(root),
  });
  warn(result.warnings);
  process.stdout.write(`wrote ${relative(process.cwd(), result.outFile) || result.outFile} (${result.files.join(', ')})\n`);
});

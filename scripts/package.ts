import { relative, resolve } from 'node:path';
import { fileOption, loadPackagingConfig, runCli, warn } from './cli.js';
import { DEFAULT_TEAMS_APP_ID, PLACEHOLDER_BOT_ID, readPackageVersion } from './manifest/build.js';
import { createAppPackage } from './manifest/package.js';
import { defaultManifestDir, defaultPackagePath, findRepoRoot } from './manifest/paths.js';

/**
 * `npm run package [-- --out <file>]`: builds appPackage.zip, ready to upload to Teams. Needs MicrosoftAppId and
 * PUBLIC_URL (TEAMS_APP_ID per deployment), never the client secret.
 */
await runCli(async () => {
  const out = fileOption('out');
  const config = loadPackagingConfig();
  const root = findRepoRoot();
  const result = await createAppPackage({
    manifestDir: defaultManifestDir(root),
    outFile: out === undefined ? defaultPackagePath(root) : resolve(out),
    botId: config.botId,
    teamsAppId: config.teamsAppId,
    publicUrl: config.publicUrl,
    version: await readPackageVersion(root),
  });
  warn(result.warnings);
  const shown = relative(process.cwd(), result.outFile) || result.outFile;
  process.stdout.write(`wrote ${shown} (${result.files.join(', ')})\n`);
  process.stdout.write(
    `  app id ${config.teamsAppId?.toLowerCase() ?? `${DEFAULT_TEAMS_APP_ID} (default)`}, bot id ${config.botId?.toLowerCase() ?? PLACEHOLDER_BOT_ID}, ${config.publicUrl}\n`,
  );
});

import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileOption, loadPackagingConfig, runCli, warn } from './cli.js';
import { manifestShape, PLACEHOLDER_BOT_ID, readPackageVersion, renderAppPackage, type AppPackage } from './manifest/build.js';
import { defaultManifestDir, defaultPackagePath, findRepoRoot } from './manifest/paths.js';
import { readAppPackageZip } from './manifest/readPackage.js';
import { validateAppPackage } from './manifest/validate.js';

/**
 * `npm run validate:manifest [-- --package <zip>]`: schema, icons and command lists against the intent registry,
 * offline. It checks the zip that `npm run package` built — the bytes that get uploaded — and only when there is
 * none yet (and none was named) the templates in manifest/, rendered with this environment's values.
 */
await runCli(async () => {
  const named = fileOption('package');
  const root = findRepoRoot();
  const zipFile = named === undefined ? defaultPackagePath(root) : resolve(named);
  let pkg: AppPackage;
  let what: string;
  const problems: string[] = [];
  if (named !== undefined || existsSync(zipFile)) {
    const zipped = await readAppPackageZip(zipFile);
    pkg = zipped.pkg;
    problems.push(...zipped.problems);
    what = relative(process.cwd(), zipFile) || zipFile;
  } else {
    const config = loadPackagingConfig();
    pkg = await renderAppPackage(defaultManifestDir(root), { ...config, version: await readPackageVersion(root) });
    warn([...pkg.warnings, 'no appPackage.zip yet: checked the templates in manifest/ (npm run package builds the zip)']);
    what = 'manifest/';
  }
  problems.push(...(await validateAppPackage(pkg)));
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${what}: ${problems.length} problem(s)\n`);
    process.exitCode = 1;
    return;
  }
  const ids = manifestShape.parse(pkg.manifest);
  if (ids.bots[0]!.botId === PLACEHOLDER_BOT_ID) warn([`the package's bot id is the placeholder ${PLACEHOLDER_BOT_ID}: set MicrosoftAppId and package again`]);
  process.stdout.write(
    `${what}: valid (app id ${String(pkg.manifest['id'])}, bot id ${ids.bots[0]!.botId}; schema, icons, command lists match the intent registry)\n`,
  );
});

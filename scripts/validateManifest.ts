import { loadDeploymentConfig, runCli, warn } from './cli.js';
import { readPackageVersion, renderAppPackage } from './manifest/build.js';
import { defaultManifestDir, findRepoRoot } from './manifest/paths.js';
import { validateAppPackage } from './manifest/validate.js';

/** `npm run validate:manifest`: schema, icons and command lists against the intent registry, offline. */
await runCli(async () => {
  const config = loadDeploymentConfig();
  const root = findRepoRoot();
  const pkg = await renderAppPackage(defaultManifestDir(root), {
    botId: config.bot.appId,
    publicUrl: config.publicUrl,
    version: await readPackageVersion(root),
  });
  warn(pkg.warnings);
  const problems = await validateAppPackage(pkg);
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  if (problems.length > 0) {
    process.stderr.write(`manifest: ${problems.length} problem(s)\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write('manifest: valid (schema, icons, command lists match the intent registry)\n');
});

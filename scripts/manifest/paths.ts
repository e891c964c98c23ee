import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module holding package.json. Walking up (instead of a fixed
 * "../..") keeps it right both for `dist/scripts/manifest/*.js` and for the `.ts` sources run through tsx.
 */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json found above ${start}`);
    folder = parent;
  }
}

/** Where the committed manifest templates and icons live. */
export function defaultManifestDir(root: string = findRepoRoot()): string {
  return join(root, 'manifest');
}

/** Where `npm run package` writes the upload-ready Teams app package. */
export function defaultPackagePath(root: string = findRepoRoot()): string {
  return join(root, 'appPackage.zip');
}

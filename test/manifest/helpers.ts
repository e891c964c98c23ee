import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultManifestDir } from '../../scripts/manifest/paths.js';
import type { DeploymentValues } from '../../scripts/manifest/build.js';

export const committedManifestDir = defaultManifestDir();

export const deployment: DeploymentValues = {
  botId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  publicUrl: 'https://bot.contoso.com/meeting-ops',
  version: '1.2.3',
};

/** A scratch copy of manifest/ that a test may edit or write into. */
export async function scratchManifestDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'manifest-test-'));
  const dir = join(root, 'manifest');
  await cp(committedManifestDir, dir, { recursive: true });
  return { dir, cleanup: () => rm(root, { recursive: true, force: true }) };
}

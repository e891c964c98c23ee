import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from './cli.js';
import { MANIFEST_FILE, packageFileName, parseManifestShape, readJsonObject } from './manifest/build.js';
import { renderColorIcon, renderOutlineIcon } from './manifest/icons.js';
import { defaultManifestDir } from './manifest/paths.js';

/** `node dist/scripts/icons.js`: redraws the app icons into manifest/, on the manifest's accent colour. */
await runCli(async () => {
  const manifestDir = defaultManifestDir();
  const shape = parseManifestShape(await readJsonObject(join(manifestDir, MANIFEST_FILE)));
  const color = packageFileName(shape.icons.color, 'color icon');
  const outline = packageFileName(shape.icons.outline, 'outline icon');
  await writeFile(join(manifestDir, color), renderColorIcon(shape.accentColor));
  await writeFile(join(manifestDir, outline), renderOutlineIcon());
  process.stdout.write(`wrote ${color} and ${outline} in ${manifestDir}\n`);
});

import assert from 'node:assert/strict';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { z } from 'zod';
import { createAppPackage, PackageProblemsError } from '../../scripts/manifest/package.js';
import { validateAppPackage } from '../../scripts/manifest/validate.js';
import { renderAppPackage, regenerateTemplates } from '../../scripts/manifest/build.js';
import { intents } from '../../src/nlu/catalog.js';
import { committedManifestDir, deployment, scratchManifestDir } from './helpers.js';

const zippedManifest = z.object({
  bots: z.array(z.object({ botId: z.string() })),
  validDomains: z.array(z.string()),
  version: z.string(),
});

describe('app package', () => {
  let scratch: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    scratch = await scratchManifestDir();
  });
  afterEach(async () => {
    await scratch.cleanup();
  });

  it('zips exactly manifest.json, color.png, outline.png and zh-CN.json at the root, with the bot id filled in', async () => {
    const outFile = join(scratch.dir, '..', 'appPackage.zip');
    const result = await createAppPackage({ ...deployment, manifestDir: committedManifestDir, outFile });
    assert.deepEqual(result.warnings.filter((w) => /MicrosoftAppId|loopback/.test(w)), []);
    const zip = await JSZip.loadAsync(await readFile(outFile));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png', 'zh-CN.json']);

    const manifest = zippedManifest.parse(JSON.parse(await zip.file('manifest.json')!.async('string')));
    assert.equal(manifest.bots[0]!.botId, deployment.botId);
    assert.deepEqual(manifest.validDomains, ['bot.contoso.com']);
    assert.equal(manifest.version, deployment.version);
    assert.ok(!JSON.stringify(manifest).includes('${{'));
    const committedIcon = await readFile(join(committedManifestDir, 'outline.png'));
    assert.ok((await zip.file('outline.png')!.async('nodebuffer')).equals(committedIcon));

    // What was zipped still validates when read back, as Teams would read it.
    const unzipped = join(scratch.dir, '..', 'unzipped');
    await mkdir(unzipped);
    for (const name of Object.keys(zip.files)) await writeFile(join(unzipped, name), await zip.file(name)!.async('nodebuffer'));
    const reread = await renderAppPackage(unzipped, deployment);
    assert.deepEqual(await validateAppPackage(reread), []);
  });

  it('is reproducible: the same inputs give the same bytes', async () => {
    const first = join(scratch.dir, '..', 'a.zip');
    const second = join(scratch.dir, '..', 'b.zip');
    await createAppPackage({ ...deployment, manifestDir: committedManifestDir, outFile: first });
    await createAppPackage({ ...deployment, manifestDir: committedManifestDir, outFile: second });
    assert.ok((await readFile(first)).equals(await readFile(second)));
  });

  it('refuses to write a package whose commands drifted from the registry, and regenerating fixes it', async () => {
    const registry = [
      ...intents,
      { ...intents[0]!, name: 'help.more', manifestScopes: ['team', 'groupChat'] as const, text: { ...intents[0]!.text, en: { ...intents[0]!.text.en, title: 'more help' } } },
    ];
    const outFile = join(scratch.dir, '..', 'drifted.zip');
    await assert.rejects(
      createAppPackage({ ...deployment, manifestDir: scratch.dir, outFile, registry }),
      (error: unknown) =>
        error instanceof PackageProblemsError &&
        error.problems.includes('manifest.json: command "more help" (help.more) is missing from the team command list'),
    );
    await assert.rejects(access(outFile));

    await regenerateTemplates(scratch.dir, registry);
    const result = await createAppPackage({ ...deployment, manifestDir: scratch.dir, outFile, registry });
    assert.equal(result.files.length, 4);
    const zip = await JSZip.loadAsync(await readFile(outFile));
    const zh = z.record(z.unknown()).parse(JSON.parse(await zip.file('zh-CN.json')!.async('string')));
    const teamCount = intents.filter((entry) => entry.manifestScopes?.includes('team')).length;
    assert.equal(zh[`bots[0].commandLists[1].commands[${teamCount}].title`], intents[0]!.text.zh.title);
  });

  it('refuses a registry that exceeds the schema limits when regenerating', async () => {
    const many = Array.from({ length: 13 }, (_, i) => ({
      ...intents[0]!,
      name: `extra${i}`,
      manifestScopes: ['personal'] as const,
      text: { ...intents[0]!.text, en: { ...intents[0]!.text.en, title: `extra ${i}` } },
    }));
    await assert.rejects(regenerateTemplates(scratch.dir, many), /scope personal: 13 commands, the manifest allows 12/);
  });
});

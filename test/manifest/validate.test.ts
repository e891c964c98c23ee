import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { intents } from '../../src/nlu/catalog.js';
import {
  fillPlaceholders,
  manifestShape,
  PLACEHOLDER_BOT_ID,
  readJsonObject,
  regenerateTemplates,
  renderAppPackage,
  type AppPackage,
  type ManifestShape,
} from '../../scripts/manifest/build.js';
import { unicodeSafePattern } from '../../scripts/manifest/schema.js';
import { validateAppPackage } from '../../scripts/manifest/validate.js';
import { committedManifestDir, deployment, scratchManifestDir } from './helpers.js';

type CommandLists = ManifestShape['bots'][number]['commandLists'];

/** Edits the rendered manifest's command lists; zod parses into copies, so the result is put back. */
function editCommandLists(pkg: AppPackage, edit: (lists: CommandLists) => void): void {
  const shape = manifestShape.parse(pkg.manifest);
  edit(shape.bots[0]!.commandLists);
  pkg.manifest['bots'] = shape.bots;
}

describe('manifest validation', () => {
  it('the committed manifest renders and validates with no problems', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    assert.deepEqual(await validateAppPackage(pkg), []);
    const bots = manifestShape.parse(pkg.manifest).bots;
    assert.equal(bots[0]!.botId, deployment.botId);
    assert.deepEqual(pkg.manifest['validDomains'], ['bot.contoso.com']);
    assert.equal(pkg.manifest['version'], '1.2.3');
    assert.equal(bots[0]!['supportsFiles'], false);
    assert.deepEqual(bots[0]!.scopes, ['personal', 'team', 'groupChat']);
    assert.deepEqual([...pkg.localizations.keys()], ['zh-CN.json']);
    assert.deepEqual([...pkg.icons.keys()].sort(), ['color.png', 'outline.png']);
  });

  it('the committed templates are what the generator writes from the registry', async () => {
    const scratch = await scratchManifestDir();
    try {
      await regenerateTemplates(scratch.dir, intents);
      for (const file of ['manifest.json', 'zh-CN.json']) {
        const committed = await readFile(join(committedManifestDir, file), 'utf8');
        assert.equal(await readFile(join(scratch.dir, file), 'utf8'), committed, `${file} is stale: run node dist/scripts/generateManifest.js`);
      }
    } finally {
      await scratch.cleanup();
    }
  });

  it('detects a registry command missing from the manifest', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    editCommandLists(pkg, ([personal]) => {
      personal!.commands = personal!.commands.filter((command) => command.title !== 'sign out');
    });
    const problems = await validateAppPackage(pkg);
    assert.ok(problems.includes('manifest.json: command "sign out" (signOut) is missing from the personal command list'), problems.join('\n'));
    assert.match(problems.at(-1)!, /generateManifest/);
  });

  it('detects a manifest command the registry does not know, or offers elsewhere, or describes differently', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    editCommandLists(pkg, ([personal, team]) => {
      personal!.commands.push({ title: 'dance', description: 'Dance.' });
      team!.commands.push({ title: 'sign in', description: 'Link your Skype for Business account so I can watch your meetings.' });
      personal!.commands[0]!.description = 'Something else.';
    });
    const problems = (await validateAppPackage(pkg)).join('\n');
    assert.match(problems, /commandLists\[0\]: "dance" is not a command title in the intent registry/);
    assert.match(problems, /commandLists\[1\]: "sign in" is listed for team, the registry does not offer it there/);
    assert.match(problems, /commandLists\[0\]: "help" description differs from the registry/);
  });

  it('detects a zh-CN translation that differs from the registry', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    const zh = pkg.localizations.get('zh-CN.json')!;
    zh['bots[0].commandLists[0].commands[0].title'] = '救命';
    delete zh['bots[0].commandLists[2].commands[0].description'];
    const problems = (await validateAppPackage(pkg)).join('\n');
    assert.match(problems, /zh-CN\.json: "bots\[0\]\.commandLists\[0\]\.commands\[0\]\.title" is "救命", the registry says "帮助"/);
    assert.match(problems, /zh-CN\.json: "bots\[0\]\.commandLists\[2\]\.commands\[0\]\.description" is missing/);
  });

  it('reports schema errors in the manifest and the localization file', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    pkg.manifest['accentColor'] = 'blue';
    pkg.localizations.get('zh-CN.json')!['name.short'] = '会'.repeat(31);
    const problems = (await validateAppPackage(pkg)).join('\n');
    assert.match(problems, /^manifest\.json: .*accentColor/m);
    assert.match(problems, /^zh-CN\.json: .*name\.short/m);
  });

  it('reports a broken icon', async () => {
    const pkg = await renderAppPackage(committedManifestDir, deployment);
    pkg.icons.set('outline.png', pkg.icons.get('color.png')!);
    assert.match((await validateAppPackage(pkg)).join('\n'), /outline\.png: must be 32×32 pixels, is 192×192/);
  });

  it('uses the placeholder bot id with a warning when MicrosoftAppId is unset, and rejects a non-GUID id', async () => {
    const pkg = await renderAppPackage(committedManifestDir, { ...deployment, botId: undefined });
    assert.equal(manifestShape.parse(pkg.manifest).bots[0]!.botId, PLACEHOLDER_BOT_ID);
    assert.ok(pkg.warnings.some((warning) => warning.includes('MicrosoftAppId is not set')));
    assert.deepEqual(await validateAppPackage(pkg), []);
    await assert.rejects(renderAppPackage(committedManifestDir, { ...deployment, botId: 'my-bot' }), /must be the bot's Microsoft Entra app id/);
  });

  it('warns about a loopback PUBLIC_URL and puts the host only in validDomains', async () => {
    const pkg = await renderAppPackage(committedManifestDir, { ...deployment, publicUrl: 'http://localhost:3978' });
    assert.deepEqual(pkg.manifest['validDomains'], ['localhost']);
    assert.ok(pkg.warnings.some((warning) => warning.includes('loopback')));
  });

  it('fails on an unknown placeholder and on an icon outside the package root', async () => {
    assert.throws(() => fillPlaceholders({ a: ['x ${{NOPE}}'] }, {}), /unknown placeholder \$\{\{NOPE\}\}/);
    assert.deepEqual(fillPlaceholders({ a: ['x ${{A}} y'], n: 1 }, { A: 'z' }), { a: ['x z y'], n: 1 });
    const scratch = await scratchManifestDir();
    try {
      const file = join(scratch.dir, 'manifest.json');
      const manifest = await readJsonObject(file);
      await writeFile(file, JSON.stringify({ ...manifest, icons: { color: '../secret.png', outline: 'outline.png' } }));
      await assert.rejects(renderAppPackage(scratch.dir, deployment), /color icon "..\/secret.png" must be a file name at the package root/);
    } finally {
      await scratch.cleanup();
    }
  });

  it('repairs the lone "]" in the bundled localization schema patterns without changing their meaning', () => {
    const broken = '^activities.activityTypes\\[\\b([0-9]|1[01][0-9])\\b]\\.description$';
    const repaired = unicodeSafePattern(broken);
    const unicode = new RegExp(repaired, 'u');
    assert.ok(unicode.test('activities.activityTypes[105].description'));
    assert.ok(!unicode.test('activities.activityTypes[105.description'));
    assert.equal(unicodeSafePattern('^[a-z]+$'), '^[a-z]+$');
  });
});

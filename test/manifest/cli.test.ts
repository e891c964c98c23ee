import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { z } from 'zod';
import { DEFAULT_TEAMS_APP_ID } from '../../scripts/manifest/build.js';

const scriptsDir = fileURLToPath(new URL('../../scripts/', import.meta.url));
const botId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const testAppId = '2b1d7e0a-5c4f-4e8b-9a1d-3f6e2c7b8a90';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a manifest tool as `npm run` would, in an empty folder (so no `.env` is read) with only the given variables:
 * what the tool needs is exactly what it gets.
 */
function runScript(script: string, args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(scriptsDir, script), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const zippedIds = z.object({ id: z.string(), bots: z.array(z.object({ botId: z.string() })), validDomains: z.array(z.string()) });

async function zippedManifest(file: string): Promise<{ zip: JSZip; ids: z.infer<typeof zippedIds> }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return { zip, ids: zippedIds.parse(JSON.parse(await zip.file('manifest.json')!.async('string'))) };
}

describe('npm run package and npm run validate:manifest', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'manifest-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds a package from MicrosoftAppId and PUBLIC_URL alone, no client secret, and validates that zip', async () => {
    const out = join(dir, 'appPackage.zip');
    const env = { MicrosoftAppId: botId, PUBLIC_URL: 'https://bot.contoso.com' };
    const built = await runScript('package.js', ['--out', out], env, dir);
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /wrote .*appPackage\.zip \(manifest\.json, color\.png, outline\.png, zh-CN\.json\)/);
    assert.doesNotMatch(built.stderr, /MicrosoftAppPassword/);
    const { ids } = await zippedManifest(out);
    assert.equal(ids.id, DEFAULT_TEAMS_APP_ID, 'without TEAMS_APP_ID the app keeps the id it always had');
    assert.equal(ids.bots[0]!.botId, botId);
    assert.deepEqual(ids.validDomains, ['bot.contoso.com']);

    const checked = await runScript('validateManifest.js', ['--package', out], {}, dir);
    assert.equal(checked.code, 0, checked.stderr);
    assert.match(checked.stdout, new RegExp(`appPackage\\.zip: valid \\(app id ${DEFAULT_TEAMS_APP_ID}, bot id ${botId};`));
  });

  it('validates the zip that was built, not the templates: a broken zip fails although manifest/ is fine', async () => {
    const out = join(dir, 'appPackage.zip');
    assert.equal((await runScript('package.js', ['--out', out], { MicrosoftAppId: botId, PUBLIC_URL: 'https://bot.contoso.com' }, dir)).code, 0);
    const { zip } = await zippedManifest(out);
    const manifest = z.record(z.unknown()).parse(JSON.parse(await zip.file('manifest.json')!.async('string')));
    zip.file('manifest.json', JSON.stringify({ ...manifest, accentColor: 'blue' }));
    zip.file('notes.txt', 'left over');
    zip.remove('outline.png');
    await writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }));

    const checked = await runScript('validateManifest.js', ['--package', out], {}, dir);
    assert.equal(checked.code, 1);
    assert.match(checked.stderr, /^manifest\.json: .*accentColor/m);
    assert.match(checked.stderr, /^notes\.txt: not named by manifest\.json/m);
    assert.match(checked.stderr, /^outline\.png: missing from the package/m);
    assert.match(checked.stderr, /appPackage\.zip: 3 problem\(s\)/);

    const missing = await runScript('validateManifest.js', ['--package', join(dir, 'nope.zip')], {}, dir);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: .*nope\.zip does not exist$/m);
  });

  it('sets the manifest id per deployment from TEAMS_APP_ID, and refuses one that is not a GUID', async () => {
    const out = join(dir, 'test.zip');
    const env = { MicrosoftAppId: botId, PUBLIC_URL: 'https://bot-test.contoso.com', TEAMS_APP_ID: testAppId.toUpperCase() };
    const built = await runScript('package.js', ['--out', out], env, dir);
    assert.equal(built.code, 0, built.stderr);
    assert.equal((await zippedManifest(out)).ids.id, testAppId);

    const bad = await runScript('package.js', ['--out', join(dir, 'bad.zip')], { ...env, TEAMS_APP_ID: 'meeting-ops-test' }, dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^error: TEAMS_APP_ID must be a GUID/m);
  });

  it('says what is wrong with its arguments instead of ignoring them', async () => {
    const run = await runScript('package.js', ['--output', join(dir, 'x.zip')], { PUBLIC_URL: 'https://bot.contoso.com' }, dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^error: .*--output.*\(usage: --out <file>\)$/m);
  });
});

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUcwaIdentity, UcwaUserMap } from '../../src/sfb/identity.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const bob = { id: '29:bob', aadObjectId: '5f0c2a9e-0000-4000-8000-00000000b0b0', name: 'Bob Kelly', upn: 'Bob@Contoso.com', email: 'bob.kelly@contoso.com' };
const none = UcwaUserMap.empty();

describe('is this Skype for Business account the Teams user\'s own?', () => {
  it('matches the SIP URI or a mail address to the UPN or mail, ignoring case and the sip: prefix', () => {
    assert.deepEqual(checkUcwaIdentity(bob, { uri: 'SIP:bob@contoso.COM', emailAddresses: [] }, none), { ok: true });
    assert.deepEqual(checkUcwaIdentity(bob, { uri: 'sip:b.kelly@contoso.com', emailAddresses: ['Bob.Kelly@contoso.com'] }, none), { ok: true });
    assert.deepEqual(checkUcwaIdentity(bob, { uri: 'sip:alice@contoso.com', emailAddresses: ['alice@contoso.com'] }, none), {
      ok: false,
      reason: 'mismatch',
      signedInAs: 'alice@contoso.com',
    });
  });

  it('refuses when either side names nobody', () => {
    assert.deepEqual(checkUcwaIdentity({ id: '29:bob', name: 'Bob Kelly' }, { uri: 'sip:bob@contoso.com', emailAddresses: [] }, none), { ok: false, reason: 'unknownTeamsUser' });
    assert.deepEqual(checkUcwaIdentity(bob, { emailAddresses: [' '] }, none), { ok: false, reason: 'unknownUcwaUser' });
  });

  it('lets the map decide when it has an entry (by AAD object id, UPN or mail), and only then', () => {
    const map = UcwaUserMap.parse(JSON.stringify({ users: { [bob.aadObjectId.toUpperCase()]: 'sip:Robert@Contoso.com' } }));
    assert.equal(map.addressFor(bob), 'robert@contoso.com');
    assert.deepEqual(checkUcwaIdentity(bob, { uri: 'sip:robert@contoso.com', emailAddresses: [] }, map), { ok: true });
    assert.equal(checkUcwaIdentity(bob, { uri: 'sip:bob@contoso.com', emailAddresses: [] }, map).ok, false, 'the UPN no longer counts');
    // Teams gave no UPN (no roster), but the AAD object id every activity carries is in the map.
    assert.deepEqual(checkUcwaIdentity({ id: '29:bob', aadObjectId: bob.aadObjectId }, { uri: 'sip:robert@contoso.com', emailAddresses: [] }, map), { ok: true });
    const byMail = UcwaUserMap.parse(JSON.stringify({ 'bob.kelly@contoso.com': 'robert@contoso.com' }));
    assert.equal(byMail.addressFor({ id: 'x', email: 'BOB.KELLY@contoso.com' }), 'robert@contoso.com');
    assert.equal(byMail.addressFor({ id: 'x', upn: 'alice@contoso.com' }), undefined);
  });

  it('keeps keys from the file out of object prototypes', () => {
    const map = UcwaUserMap.parse('{"__proto__": "evil@contoso.com", "constructor": "x@contoso.com"}');
    assert.equal(map.addressFor({ id: 'x', upn: 'toString' }), undefined);
    assert.equal(map.addressFor({ id: 'x', upn: 'constructor' }), 'x@contoso.com');
  });
});

describe('UCWA_USER_MAP', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ucwa-map-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is a setting, empty by default', () => {
    assert.equal(loadConfig({}).ucwa.userMapFile, undefined);
    assert.equal(loadConfig({ UCWA_USER_MAP: ' /etc/bot/ucwa-map.json ' }).ucwa.userMapFile, '/etc/bot/ucwa-map.json');
  });

  it('refuses a file that is missing, not JSON, or maps to something that is not an address, in one line', async () => {
    const cases: [string, string | undefined, RegExp][] = [
      ['missing.json', undefined, /^UCWA_USER_MAP: cannot read .*missing\.json \(ENOENT\)$/],
      ['broken.json', '{"bob@contoso.com": ', /^UCWA_USER_MAP: .*broken\.json is not valid JSON$/],
      ['number.json', '{"bob@contoso.com": 42}', /^UCWA_USER_MAP: .*number\.json at "bob@contoso\.com": expected string, got number$/],
      ['name.json', '{"users": {"bob@contoso.com": "Bob Kelly"}}', /^UCWA_USER_MAP: .*name\.json at "users\.bob@contoso\.com": expected a sign-in address/],
      ['list.json', '["bob@contoso.com"]', /^UCWA_USER_MAP: .*list\.json: expected object, got array$/],
    ];
    for (const [name, content, expected] of cases) {
      const path = join(dir, name);
      if (content !== undefined) await writeFile(path, content);
      await assert.rejects(UcwaUserMap.load(path), (error: Error) => {
        assert.ok(error instanceof ConfigError, `${name}: ${error.name}`);
        assert.match(error.message, expected);
        return true;
      });
    }
    assert.equal((await UcwaUserMap.load(undefined)).size, 0);
  });

  it('stops `npm start` with one line when the file is not valid', async function () {
    this.timeout(30_000);
    const path = join(dir, 'map.json');
    await writeFile(path, '{"bob@contoso.com": 42}');
    const entryPoint = fileURLToPath(new URL('../../src/index.js', import.meta.url));
    // As `npm start` runs it: restify's deprecation warning off, so stderr holds only what the bot says.
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', entryPoint], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', UCWA_USER_MAP: path },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // 'close', not 'exit': only then has all of stderr been read.
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /^Configuration error: UCWA_USER_MAP: .*map\.json at "bob@contoso\.com": expected string, got number\n$/);
  });
});

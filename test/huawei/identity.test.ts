import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testLogger } from '../helpers/testLogger.js';
import { HuaweiIdentityResolver } from '../../src/huawei/index.js';

describe('huawei identity resolver', () => {
  let dir: string;
  const logger = testLogger();
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'huawei-id-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses the admin mapping file first (by AAD object id or UPN), then the Teams UPN', async () => {
    const file = join(dir, 'map.json');
    await writeFile(file, JSON.stringify({ users: { 'AAD-1': 'alice.hw@contoso.com', 'Bob@Contoso.com': 'bob.hw@contoso.com' } }));
    const resolver = new HuaweiIdentityResolver({ admins: ['Admin@Contoso.com', 'aad-9'], userMapFile: file, logger });
    assert.deepEqual(await resolver.resolve({ aadObjectId: 'aad-1', upn: 'alice@contoso.com' }), { userId: 'alice.hw@contoso.com', isAdmin: false, source: 'mapFile' });
    assert.deepEqual(await resolver.resolve({ upn: 'bob@contoso.com' }), { userId: 'bob.hw@contoso.com', isAdmin: false, source: 'mapFile' });
    assert.deepEqual(await resolver.resolve({ upn: 'Carol@Contoso.com' }), { userId: 'carol@contoso.com', isAdmin: false, source: 'upn' });
    assert.deepEqual(await resolver.resolve({ aadObjectId: 'aad-9', email: 'admin@contoso.com' }), { userId: 'admin@contoso.com', isAdmin: true, source: 'email' });
    assert.equal(await resolver.resolve({ aadObjectId: 'aad-unknown' }), undefined);
    assert.equal(await resolver.resolve({ upn: 'not an address' }), undefined);
    assert.equal(resolver.isAdmin({ upn: 'ADMIN@contoso.com' }), true);
    assert.equal(resolver.isAdmin({ upn: 'alice@contoso.com' }), false);
  });

  it('picks up edits to the mapping file and keeps the last good map when it breaks', async () => {
    const file = join(dir, 'map.json');
    await writeFile(file, JSON.stringify({ 'alice@contoso.com': 'first@contoso.com' }));
    const resolver = new HuaweiIdentityResolver({ admins: [], userMapFile: file, logger, fallbackToUpn: false });
    assert.equal((await resolver.resolve({ upn: 'alice@contoso.com' }))?.userId, 'first@contoso.com');
    await writeFile(file, JSON.stringify({ 'alice@contoso.com': 'second@contoso.com' }));
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    assert.equal((await resolver.resolve({ upn: 'alice@contoso.com' }))?.userId, 'second@contoso.com');
    await writeFile(file, '{ not json');
    await utimes(file, new Date(), new Date(Date.now() + 10_000));
    assert.equal((await resolver.resolve({ upn: 'alice@contoso.com' }))?.userId, 'second@contoso.com');
    assert.equal(await resolver.resolve({ upn: 'bob@contoso.com' }), undefined, 'no UPN fallback when disabled');
  });
});

import assert from 'node:assert/strict';
import { BlobServiceClient } from '@azure/storage-blob';
import { BlobStorage, blobNameForKey } from '../../src/storage/blobStorage.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { describeStorageContract, ODD_KEYS } from './contract.js';

describe('storage/BlobStorage against Azurite', function () {
  this.timeout(30_000);
  let azurite: Azurite;
  let containers = 0;

  before(async () => {
    azurite = await startAzurite();
  });

  after(async () => {
    await azurite?.stop();
  });

  describeStorageContract('blob', () => {
    // Each test gets its own container, created by the store itself (it does not exist before open).
    const container = `contract-${++containers}`;
    return {
      open: () => BlobStorage.open({ connectionString: azurite.connectionString, container }),
      reopen: () => BlobStorage.open({ connectionString: azurite.connectionString, container }),
      shared: true,
    };
  });

  it('creates its container when it is missing and names it in its health', async () => {
    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    assert.equal(await service.getContainerClient('made-by-the-bot').exists(), false);
    const storage = await BlobStorage.open({ connectionString: azurite.connectionString, container: 'made-by-the-bot' });
    assert.equal(await service.getContainerClient('made-by-the-bot').exists(), true);
    assert.deepEqual(await storage.health(), { ok: true, detail: 'Azure Blob container made-by-the-bot' });
    await storage.close();
  });

  it('names blobs within Azure\'s limits, readable and without path tricks', () => {
    for (const key of ODD_KEYS) {
      const name = blobNameForKey(key);
      assert.ok(name.length <= 1024, `${name.length} characters`);
      assert.match(name, /^[A-Za-z0-9_~!-]+$/);
    }
    assert.equal(blobNameForKey('ucwa/account/29:1'), 'ucwa~2Faccount~2F29~3A1');
  });

  it('reports an unreachable service as unhealthy, without the connection string', async () => {
    const storage = await BlobStorage.open({ connectionString: azurite.connectionString, container: 'health-check' });
    await azurite.stop();
    try {
      const health = await storage.health();
      assert.equal(health.ok, false);
      assert.ok(!health.detail.includes('AccountKey') && !health.detail.includes('Eby8'), health.detail);
    } finally {
      await storage.close();
      azurite = await startAzurite();
    }
  });
});

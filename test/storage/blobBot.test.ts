import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { BlobStorage } from '../../src/storage/index.js';
import { isAlertFor } from '../alerts/helpers.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** STORAGE=blob end to end: the bot keeps its records in an Azurite container it creates, and says so on /healthz. */
describe('the bot on Azure Blob Storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let bot: BotUnderTest;

  before(async () => {
    azurite = await startAzurite();
    bot = await startBotUnderTest({
      env: {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'meeting-bot',
        STORAGE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
    });
  });

  after(async () => {
    await bot?.close();
    await azurite?.stop();
  });

  it('/healthz reports the blob store', async () => {
    const response = await fetch(`${bot.app.url}/healthz`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { dependencies: Array<{ name: string; ok: boolean; detail?: string }> };
    assert.deepEqual(body.dependencies.find((dependency) => dependency.name === 'storage'), { name: 'storage', ok: true, detail: 'Azure Blob container meeting-bot' });
    assert.ok(!JSON.stringify(body).includes('AccountKey'));
  });

  it('keeps sign-ins and watches in the container, and they outlive a restart', async () => {
    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send('watch my meeting Budget review');
    await alice.waitFor((event) => event.rendered.includes("I'm watching the lobby of"), { timeoutMs: 15_000 });

    const store = await BlobStorage.open({ connectionString: azurite.connectionString, container: 'meeting-bot' });
    try {
      assert.equal((await store.keys('ucwa/account/')).length, 1, 'the sign-in is in the container');
      assert.equal((await store.keys('lobby/watch/')).length, 1, 'the watch is in the container');
      const [accountKey] = await store.keys('ucwa/account/');
      const stored = JSON.stringify(await store.read([accountKey!]));
      assert.match(stored, /"sealedSession":\{"alg":"A256GCM"/);
      assert.ok(!stored.includes('cwt='), 'no token in clear in the container');
    } finally {
      await store.close();
    }
    await assert.rejects(access(join(bot.dataDir, 'store')), 'nothing went to the file store');
    await assert.rejects(access(join(bot.dataDir, 'bot.lock')), 'no DATA_DIR lock for a shared store');

    await bot.restart();
    bot.sandbox.simulators.ucwa!.control.putInLobby({ meeting: 'Budget review', name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Dave Fisher'), { timeoutMs: 20_000 });
  });
});

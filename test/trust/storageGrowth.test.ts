import assert from 'node:assert/strict';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** Issue 10, item 14: storage kept ~3.7 files per conversation forever; a conversation that holds nothing keeps no state. */
describe('conversation state in storage', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest();
  });

  after(async () => {
    await bot.close();
  });

  const stateKeys = () => bot.app.services.storage.keys('msteams/conversations/');

  it('stores no dialog state for conversations whose commands finished', async () => {
    for (let index = 0; index < 5; index++) {
      const channel = bot.channel.channel(`Team ${index}`, 'General');
      await channel.send('help', { mention: true, from: 'alice@contoso.com' });
      await channel.waitFor((event) => event.cards.length > 0);
    }
    assert.deepEqual(await stateKeys(), []);
  });

  it('keeps a pending question, and forgets the dialog once answered (keeping only what answers a late button press)', async () => {
    const chat = bot.channel.personalChat('alice@contoso.com');
    await chat.send('delete group Project team');
    await chat.waitFor((event) => /sure|delete/i.test(event.rendered));
    assert.equal((await stateKeys()).length, 1);
    await chat.send('cancel');
    await chat.waitFor((event) => /cancel|ok/i.test(event.rendered) && event.seq > 1);
    const keys = await stateKeys();
    const stored = keys.length === 0 ? {} : (await bot.app.services.storage.read(keys))[keys[0]!]!;
    assert.equal((stored as { dialogState?: unknown }).dialogState, undefined);
  });
});

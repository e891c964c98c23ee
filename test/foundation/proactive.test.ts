import assert from 'node:assert/strict';
import { MessageFactory } from 'botbuilder';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** Conversation references and proactive messages, against the local Bot Connector. */
describe('proactive messaging', () => {
  let bot: BotUnderTest;

  before(async () => {
    bot = await startBotUnderTest();
  });

  after(async () => {
    await bot.close();
  });

  it('remembers a personal chat on install and forgets it on uninstall', async () => {
    const chat = bot.channel.personalChat('bob@contoso.com');
    await chat.install();
    const bob = bot.channel.user('bob@contoso.com');
    const stored = await bot.app.services.references.personalChatOf({ id: bob.id });
    assert.equal(stored?.kind, 'personal');
    assert.equal(stored?.reference.serviceUrl, bot.channel.serviceUrl);
    await chat.uninstall();
    assert.equal(await bot.app.services.references.personalChatOf({ id: bob.id }), undefined);
  });

  it('remembers group chats and channels from any message', async () => {
    const channel = bot.channel.channel('Finance', 'General');
    await channel.send('help', { from: 'alice@contoso.com' });
    await channel.waitFor((event) => event.cards.length > 0);
    const conversations = await bot.app.services.references.list();
    assert.ok(conversations.some((stored) => stored.kind === 'channel'));
  });

  it('sends and updates a message in a stored conversation, through throttling (429)', async () => {
    const chat = bot.channel.personalChat('carol@contoso.com');
    await chat.install();
    await chat.waitFor((event) => event.cards.length > 0);
    const carol = bot.channel.user('carol@contoso.com');
    const stored = await bot.app.services.references.personalChatOf({ id: carol.id });
    assert.ok(stored);
    bot.channel.connector.injectFault({ status: 429, count: 2, retryAfterSeconds: 0 });
    const id = await bot.app.services.proactive.send(stored.reference, MessageFactory.text('Bob is waiting in the lobby'));
    const sent = await chat.waitFor((event) => event.text === 'Bob is waiting in the lobby');
    assert.equal(sent.activityId, id);
    await bot.app.services.proactive.update(stored.reference, id, MessageFactory.text('Bob was admitted'));
    await chat.waitFor((event) => event.kind === 'update' && event.text === 'Bob was admitted');
    assert.equal(chat.botEvents().filter((event) => event.text === 'Bob is waiting in the lobby').length, 1);
  });

  it('forgets a conversation the bot was removed from (403 BotNotInConversationRoster)', async () => {
    const chat = bot.channel.personalChat('admin@contoso.com');
    await chat.install();
    await chat.waitFor((event) => event.cards.length > 0);
    const admin = bot.channel.user('admin@contoso.com');
    const stored = await bot.app.services.references.personalChatOf({ id: admin.id });
    assert.ok(stored);
    bot.channel.connector.rejectConversation(stored.reference.conversation!.id);
    await assert.rejects(bot.app.services.proactive.send(stored.reference, MessageFactory.text('hello?')), /no longer in that conversation|BotNotInConversationRoster/);
    assert.equal(await bot.app.services.references.personalChatOf({ id: admin.id }), undefined);
  });
});

import assert from 'node:assert/strict';
import { MemoryStorage, type Activity, type StoreItems, type TurnContext } from 'botbuilder';
import { createLogger } from '../../src/logging.js';
import { ConversationReferenceStore, type KeyedStorage } from '../../src/teams/conversationReferences.js';

/** Every message is captured; only a new conversation or a moved serviceUrl may cost a write. */
describe('conversation references', () => {
  const writes: string[][] = [];
  const memory = new MemoryStorage();
  const storage: KeyedStorage = Object.assign(memory, {
    keys: async () => [] as string[],
    write: async (changes: StoreItems) => {
      writes.push(Object.keys(changes));
      return MemoryStorage.prototype.write.call(memory, changes);
    },
  });
  const store = new ConversationReferenceStore(storage, createLogger({ level: 'silent' }));
  const message = (conversationId: string, serviceUrl: string, conversationType = 'personal'): TurnContext =>
    ({
      activity: {
        type: 'message',
        serviceUrl,
        channelId: 'msteams',
        from: { id: '29:alice', name: 'Alice' },
        recipient: { id: '28:bot', name: 'Bot' },
        conversation: { id: conversationId, conversationType },
      } as Activity,
    }) as TurnContext;

  it('writes a conversation once, again when its serviceUrl moves, and each group chat on its own', async () => {
    await store.capture(message('a:1', 'https://smba.example/emea/'));
    await store.capture(message('a:1', 'https://smba.example/emea/'));
    assert.deepEqual(writes, [['ref/conversation/a:1', 'ref/user/29:alice']]);
    await store.capture(message('a:1', 'https://smba.example/amer/'));
    assert.equal(writes.length, 2);
    assert.equal((await store.personalChatOf({ id: '29:alice' }))?.reference.serviceUrl, 'https://smba.example/amer/');
    await store.capture(message('19:group', 'https://smba.example/amer/', 'groupChat'));
    await store.capture(message('19:group', 'https://smba.example/amer/', 'groupChat'));
    assert.deepEqual(writes.slice(2), [['ref/conversation/19:group']]);
  });

  it('gives a personal-chat turn the chat capture stored for its user, and nothing for other conversations', async () => {
    const turn = message('a:2', 'https://smba.example/apac/');
    await store.capture(turn);
    const { updatedAt: _stored, eTag: _eTag, ...stored } = (await store.personalChatOf({ id: '29:alice' }))!;
    const { updatedAt: _held, ...held } = ConversationReferenceStore.personalChatOfTurn(turn)!;
    assert.deepEqual(JSON.parse(JSON.stringify(held)), stored, "as stored (which keeps no undefined fields)");
    assert.equal(held.kind, 'personal');
    assert.equal(held.userId, '29:alice');
    assert.equal(ConversationReferenceStore.personalChatOfTurn(message('19:group', 'https://smba.example/apac/', 'groupChat')), undefined);
    assert.equal(ConversationReferenceStore.personalChatOfTurn(message('19:channel', 'https://smba.example/apac/', 'channel')), undefined);
  });
});

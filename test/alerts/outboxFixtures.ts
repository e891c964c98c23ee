import type { AlertRecord } from '../../src/alerts/records.js';
import type { ConversationReferenceStore } from '../../src/teams/conversationReferences.js';

/** Outbox tests' shared ground: every organizer has a personal chat, and one Skype for Business alert shape. */
export const references = {
  async personalChatOf() {
    return { reference: { conversation: { id: 'chat-1' } }, kind: 'personal', updatedAt: '' };
  },
  async forConversation() {
    return undefined;
  },
} as unknown as ConversationReferenceStore;

export function alert(id: string): AlertRecord {
  const now = new Date().toISOString();
  return {
    id,
    watcherId: 'user-1',
    platform: 'sfb',
    meeting: { key: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:BR7Q4K2M', subject: 'Budget review' },
    connectionKey: 'https://pool/conv/1',
    visitKey: `https://pool/conv/1/participants/${id}`,
    person: { key: `name:guest ${id}`, name: `Guest ${id}`, source: 'Anonymous' },
    waitingSince: now,
    language: 'en',
    timeZone: 'UTC',
    cardVersion: 1,
    deliveredVersion: 0,
    attempts: 0,
    createdAt: now,
  };
}

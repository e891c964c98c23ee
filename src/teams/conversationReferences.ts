import { TurnContext, type ConversationReference, type Storage, type TurnContext as Context } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging.js';
import type { TeamsUser } from './identity.js';
import { tenantOf } from './tenant.js';

/** Storage the bot's own stores need: botbuilder's Storage plus listing by key prefix. */
export interface KeyedStorage extends Storage {
  keys(prefix: string): Promise<string[]>;
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface StoredReference {
  reference: Partial<ConversationReference>;
  kind: ConversationKind;
  tenantId?: string;
  /** For personal chats: whose chat this is. */
  userId?: string;
  aadObjectId?: string;
  /** The channel's name, or a group chat's topic, as Teams last told it. */
  title?: string;
  /** For channels: the team's name. */
  teamName?: string;
  updatedAt: string;
  eTag?: string;
}

const conversationPrefix = 'ref/conversation/';
const userPrefix = 'ref/user/';

/**
 * Where the bot can speak without being spoken to: one reference per conversation, plus, for personal chats, one
 * per user so alerts can find an organizer's chat. Captured on install and on every turn (the serviceUrl can
 * change); removed on uninstall or when Teams says the bot is no longer in the conversation.
 */
export class ConversationReferenceStore {
  /**
   * serviceUrl last written per key, so an unchanged reference costs no write on every message. Bounded: a
   * forgotten entry only costs one more write, while an unbounded map grew with every conversation ever seen.
   */
  private readonly written = new LRUCache<string, string>({ max: 10_000 });

  constructor(
    private readonly storage: KeyedStorage,
    private readonly logger: Logger,
  ) {}

  async capture(context: Context): Promise<void> {
    const activity = context.activity;
    const kind = kindOf(activity.conversation?.conversationType);
    // Every message passes here; almost always its reference is the one written before, known without building it.
    const personalKey = kind === 'personal' && activity.from?.id ? userKey(activity.from.id) : undefined;
    const unchanged = (key: string) => this.written.get(key) === activity.serviceUrl;
    if (unchanged(conversationKey(activity.conversation?.id ?? '')) && (!personalKey || unchanged(personalKey))) return;
    const record = referenceRecordOf(activity);
    const reference = record.reference;
    const keys = [conversationKey(reference.conversation?.id ?? '')];
    if (kind === 'personal' && activity.from?.id) keys.push(userKey(activity.from.id));
    const changes: Record<string, StoredReference> = {};
    for (const key of keys) {
      if (this.written.get(key) === reference.serviceUrl) continue;
      changes[key] = { ...record, eTag: '*' };
    }
    if (Object.keys(changes).length === 0) return;
    // Teams names the team and channel on some activities only (installs, renames), so a message without them
    // keeps the names already known rather than forgetting them.
    if (kind !== 'personal' && (!record.title || (kind === 'channel' && !record.teamName))) {
      const known = await this.forConversation(reference.conversation?.id ?? '');
      for (const change of Object.values(changes)) {
        change.title ??= known?.title;
        change.teamName ??= known?.teamName;
      }
    }
    await this.storage.write(changes);
    for (const key of Object.keys(changes)) this.written.set(key, reference.serviceUrl ?? '');
  }

  async forConversation(conversationId: string): Promise<StoredReference | undefined> {
    return this.readOne(conversationKey(conversationId));
  }

  /**
   * The personal chat a turn runs in, as `capture` stores it for its user once the turn began (and then reads back
   * through personalChatOf): undefined when the turn is not in a personal chat. Lets a turn that already holds the
   * chat use it without reading it back.
   */
  static personalChatOfTurn(context: Context): StoredReference | undefined {
    const activity = context.activity;
    if (kindOf(activity.conversation?.conversationType) !== 'personal' || !activity.from?.id) return undefined;
    return referenceRecordOf(activity);
  }

  /** The personal chat with a Teams user, where alerts for that user go. */
  async personalChatOf(user: Pick<TeamsUser, 'id'>): Promise<StoredReference | undefined> {
    return this.readOne(userKey(user.id));
  }

  async remove(conversationId: string): Promise<void> {
    const stored = await this.forConversation(conversationId);
    const keys = [conversationKey(conversationId)];
    if (stored?.kind === 'personal' && stored.userId) keys.push(userKey(stored.userId));
    await this.storage.delete(keys);
    for (const key of keys) this.written.delete(key);
    this.logger.info({ conversationId }, 'conversation reference removed');
  }

  async list(): Promise<StoredReference[]> {
    const keys = await this.storage.keys(conversationPrefix);
    if (keys.length === 0) return [];
    const items = await this.storage.read(keys);
    return keys.map((key) => items[key] as StoredReference | undefined).filter((item): item is StoredReference => !!item);
  }

  private async readOne(key: string): Promise<StoredReference | undefined> {
    const items = await this.storage.read([key]);
    return items[key] as StoredReference | undefined;
  }
}

/** What `capture` stores for the conversation an activity came from. */
function referenceRecordOf(activity: Context['activity']): StoredReference {
  const kind = kindOf(activity.conversation?.conversationType);
  return {
    reference: TurnContext.getConversationReference(activity),
    kind,
    tenantId: tenantOf(activity),
    userId: kind === 'personal' ? activity.from?.id : undefined,
    aadObjectId: kind === 'personal' ? activity.from?.aadObjectId : undefined,
    ...namesOf(activity.channelData, activity.conversation?.name),
    updatedAt: new Date().toISOString(),
  };
}

function conversationKey(conversationId: string): string {
  return `${conversationPrefix}${conversationId}`;
}

function userKey(userId: string): string {
  return `${userPrefix}${userId}`;
}

/** The channel and team names (a channel) or the topic (a group chat) an activity carries, if any. */
function namesOf(channelData: unknown, conversationName: string | undefined): Pick<StoredReference, 'title' | 'teamName'> {
  const data = (channelData ?? {}) as { channel?: { name?: unknown }; team?: { name?: unknown } };
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);
  return { title: text(data.channel?.name) ?? text(conversationName), teamName: text(data.team?.name) };
}

function kindOf(conversationType: string | undefined): ConversationKind {
  if (conversationType === 'channel' || conversationType === 'groupChat') return conversationType;
  return 'personal';
}

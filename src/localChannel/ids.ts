import { createHash } from 'node:crypto';

/**
 * Teams-shaped identifiers derived from stable names. Deterministic on purpose: a bot that stores
 * conversation references on disk keeps recognising the same person and chat across `npm run chat` runs.
 */

export const DEFAULT_TENANT_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const DEFAULT_BOT_ID = '00000000-0000-4000-8000-0000000000b0';
export const DEFAULT_BOT_NAME = 'Meeting Ops';

function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A v4-looking GUID, as Entra object ids and group ids are. */
export function stableGuid(...parts: string[]): string {
  const hex = digest(...parts);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Teams user ids are `29:` followed by an opaque base64-like token. */
export function teamsUserId(tenantId: string, name: string): string {
  return `29:1${Buffer.from(digest('user', tenantId, name), 'hex').toString('base64url').slice(0, 40)}`;
}

export function botAccountId(botId: string): string {
  return botId.startsWith('28:') ? botId : `28:${botId}`;
}

/** Personal (1:1) chats between a bot and a user have ids starting with `a:`. */
export function personalConversationId(botId: string, userId: string): string {
  return `a:1${Buffer.from(digest('personal', botId, userId), 'hex').toString('base64url').slice(0, 60)}`;
}

export function groupChatId(tenantId: string, key: string): string {
  return `19:${digest('group', tenantId, key).slice(0, 32)}@thread.v2`;
}

/** A team's id is also the id of its General channel, as in Teams. */
export function teamThreadId(tenantId: string, teamName: string): string {
  return `19:${digest('team', tenantId, teamName).slice(0, 32)}@thread.tacv2`;
}

export function channelThreadId(tenantId: string, teamName: string, channelName: string): string {
  return `19:${digest('channel', tenantId, teamName, channelName).slice(0, 32)}@thread.tacv2`;
}

/** Channel posts are threads: `<channelId>;messageid=<rootMessageId>`. */
export function threadConversationId(channelId: string, rootMessageId: string): string {
  return `${channelId};messageid=${rootMessageId}`;
}

/** The conversation (chat or channel) an id belongs to, without the thread suffix. */
export function baseConversationId(conversationId: string): string {
  const index = conversationId.indexOf(';messageid=');
  return index === -1 ? conversationId : conversationId.slice(0, index);
}

/**
 * Teams message ids are millisecond timestamps; a strictly increasing counter seeded from the clock keeps
 * them unique and ordered even when many arrive in the same millisecond.
 */
export class MessageIdSource {
  private last = Date.now();

  next(): string {
    this.last = Math.max(this.last + 1, Date.now());
    return String(this.last);
  }
}

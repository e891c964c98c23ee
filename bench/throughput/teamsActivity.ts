/**
 * The activity Teams posts for someone in a personal chat with the bot, as the local channel shapes it but without
 * its transcript bookkeeping: shared by line 1's message loops and its card presses, so both look alike to a target.
 */
import type { Activity } from 'botbuilder';
import type { LocalChannel, LocalUser } from '../../src/localChannel/localChannel.js';

export function personalActivity(local: LocalChannel, user: LocalUser, conversationId: string, type: 'message' | 'invoke'): Partial<Activity> {
  const now = new Date();
  return {
    type,
    id: local.connector.nextMessageId(),
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'UTC',
    serviceUrl: local.serviceUrl,
    channelId: 'msteams',
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: local.tenantId } as Activity['conversation'],
    recipient: { id: local.bot.id, name: local.bot.name },
    locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'UTC' }],
    channelData: { tenant: { id: local.tenantId } },
  };
}

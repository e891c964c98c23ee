import { TeamsInfo, type TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logging.js';
import { tenantOf } from './tenant.js';

/** Who is talking to the bot, as Teams vouches for it. UPN and email come from the roster, never from chat text. */
export interface TeamsUser {
  id: string;
  aadObjectId?: string;
  name?: string;
  upn?: string;
  email?: string;
  tenantId?: string;
}

const rosterCacheMs = 60 * 60 * 1000;
/** Bounded, because anyone who can post an activity can make up a sender: 10,000 fuzzed senders grew it without end. */
const maxCachedUsers = 10_000;

/**
 * Resolves the sender through the Teams roster (TeamsInfo.getMember), cached so a busy user does not spend the
 * roster rate limit; falls back to the activity's own `from` when the roster cannot be read.
 */
export class TeamsIdentity {
  private readonly cache = new LRUCache<string, TeamsUser>({ max: maxCachedUsers, ttl: rosterCacheMs });

  constructor(private readonly logger: Logger) {}

  async resolve(context: TurnContext): Promise<TeamsUser> {
    const from = context.activity.from;
    const tenantId = tenantOf(context.activity);
    const cached = this.cache.get(from.id);
    if (cached) return cached;
    const fallback: TeamsUser = { id: from.id, aadObjectId: from.aadObjectId, name: from.name, tenantId };
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      // A literal, not a spread of `fallback`: in a heap snapshot each spread user had a hidden class of its own,
      // and the cache keeps one user per person who spoke within the hour.
      const user: TeamsUser = {
        id: fallback.id,
        aadObjectId: member.aadObjectId ?? fallback.aadObjectId,
        name: member.name ?? fallback.name,
        tenantId: fallback.tenantId,
        upn: member.userPrincipalName,
        email: member.email,
      };
      this.cache.set(from.id, user);
      return user;
    } catch (error) {
      this.logger.debug({ err: error, userId: from.id }, 'roster lookup failed; using the activity sender');
      return fallback;
    }
  }
}

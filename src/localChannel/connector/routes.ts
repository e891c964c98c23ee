/**
 * The route table of the connector emulator: which Bot Connector operation a method and path ask for, and the
 * ids the path carries. Only the operations botbuilder's ConnectorClient and TeamsInfo call are known.
 */

export type ConnectorOperation =
  | 'send'
  | 'update'
  | 'delete'
  | 'createConversation'
  | 'getConversations'
  | 'getMembers'
  | 'getMember'
  | 'getPagedMembers'
  | 'getActivityMembers'
  | 'getTeam'
  | 'getTeamChannels'
  | 'unknown';

export interface Route {
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
}

export function matchRoute(method: string, segments: string[]): Route {
  const [version, collection, id, sub, subId, tail, ...rest] = segments;
  if (rest.length > 0) return { operation: 'unknown' };
  if (version === 'v3' && collection === 'teams' && id !== undefined && subId === undefined) {
    if (method === 'GET' && sub === undefined) return { operation: 'getTeam', teamId: id };
    if (method === 'GET' && sub === 'conversations') return { operation: 'getTeamChannels', teamId: id };
    return { operation: 'unknown' };
  }
  if (version !== 'v3' || collection !== 'conversations') return { operation: 'unknown' };
  if (id === undefined) {
    if (method === 'POST') return { operation: 'createConversation' };
    if (method === 'GET') return { operation: 'getConversations' };
    return { operation: 'unknown' };
  }
  const conversationId = id;
  if (sub === 'activities' && tail === undefined) {
    if (subId === 'history') return { operation: 'unknown', conversationId };
    if (method === 'POST') return { operation: 'send', conversationId, activityId: subId };
    if (subId !== undefined && method === 'PUT') return { operation: 'update', conversationId, activityId: subId };
    if (subId !== undefined && method === 'DELETE') return { operation: 'delete', conversationId, activityId: subId };
  }
  if (sub === 'activities' && subId !== undefined && tail === 'members' && method === 'GET') {
    return { operation: 'getActivityMembers', conversationId, activityId: subId };
  }
  if (sub === 'members' && tail === undefined && method === 'GET') {
    return subId === undefined
      ? { operation: 'getMembers', conversationId }
      : { operation: 'getMember', conversationId, memberId: subId };
  }
  if (sub === 'pagedmembers' && subId === undefined && method === 'GET') {
    return { operation: 'getPagedMembers', conversationId };
  }
  return { operation: 'unknown', conversationId };
}

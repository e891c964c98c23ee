import { baseConversationId, personalConversationId } from '../ids.js';
import { HttpProblem } from './http.js';

/**
 * The tenant as the connector emulator knows it — people, chats, channels and teams — and the roster and team
 * bodies Teams answers with (TeamsInfo reads these).
 */

export interface ConnectorUser {
  /** Teams user id, `29:...`. */
  id: string;
  aadObjectId: string;
  name: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  email: string;
  tenantId: string;
}

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface ConnectorConversation {
  /** Chat or channel id, without a `;messageid=` thread suffix. */
  id: string;
  conversationType: ConversationType;
  tenantId: string;
  memberIds: string[];
  name?: string;
  teamId?: string;
}

export interface ConnectorTeam {
  id: string;
  name: string;
  aadGroupId: string;
  tenantId: string;
  memberIds: string[];
  channels: Array<{ id: string; name: string }>;
}

// Teams caps member pages at 500 and uses 200 when no size is given.
const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 500;

export class TenantDirectory {
  private readonly userById = new Map<string, ConnectorUser>();
  private readonly conversationById = new Map<string, ConnectorConversation>();
  private readonly teamById = new Map<string, ConnectorTeam>();

  constructor(private readonly botId: string) {}

  addUser(user: ConnectorUser): void {
    this.userById.set(user.id, user);
  }

  /** By Teams id or Entra object id. */
  user(id: string): ConnectorUser | undefined {
    return this.userById.get(id) ?? [...this.userById.values()].find((candidate) => candidate.aadObjectId === id);
  }

  users(): ConnectorUser[] {
    return [...this.userById.values()];
  }

  upsertConversation(conversation: ConnectorConversation): void {
    this.conversationById.set(baseConversationId(conversation.id), { ...conversation });
  }

  conversation(id: string): ConnectorConversation | undefined {
    return this.conversationById.get(baseConversationId(id));
  }

  upsertTeam(team: ConnectorTeam): void {
    this.teamById.set(team.id, { ...team, channels: [...team.channels], memberIds: [...team.memberIds] });
  }

  team(id: string): ConnectorTeam | undefined {
    return this.teamById.get(id);
  }

  /** The 1:1 chat between the bot and a user, created on first use as Teams does. */
  ensurePersonalConversation(userId: string): ConnectorConversation {
    const user = this.user(userId);
    if (!user) throw new Error(`Unknown user ${userId}: add it to the connector first`);
    const id = personalConversationId(this.botId, user.id);
    const existing = this.conversation(id);
    if (existing) return existing;
    const created: ConnectorConversation = {
      id,
      conversationType: 'personal',
      tenantId: user.tenantId,
      memberIds: [user.id],
    };
    this.upsertConversation(created);
    return created;
  }

  requireConversation(conversationId: string): ConnectorConversation {
    const conversation = this.conversation(conversationId);
    if (!conversation) throw new HttpProblem(404, 'ConversationNotFound', 'Conversation not found.');
    return conversation;
  }

  requireTeam(teamId: string): ConnectorTeam {
    const team = this.teamById.get(teamId);
    if (!team) throw new HttpProblem(404, 'NotFound', `Team ${teamId} not found`);
    return team;
  }

  /** Team ids resolve to the team's roster (TeamsInfo asks by team id inside a team). */
  roster(conversationOrTeamId: string): ConnectorUser[] {
    const team = this.teamById.get(baseConversationId(conversationOrTeamId));
    return this.knownUsers(team?.memberIds ?? this.requireConversation(conversationOrTeamId).memberIds);
  }

  /** GET /v3/conversations */
  conversationsBody() {
    return {
      conversations: [...this.conversationById.values()].map((conversation) => ({
        id: conversation.id,
        members: this.knownUsers(conversation.memberIds).map((user) => memberJson(user)),
      })),
    };
  }

  /** GET /v3/conversations/{id}/members/{memberId}: by Teams id or Entra object id. */
  memberBody(conversationId: string, memberId: string) {
    const user = this.roster(conversationId).find(
      (candidate) => candidate.id === memberId || candidate.aadObjectId === memberId,
    );
    if (!user) throw new HttpProblem(404, 'MemberNotFoundInConversation', 'The member was not found in the conversation');
    return memberJson(user);
  }

  /** GET /v3/conversations/{id}/pagedmembers: the continuation token is the offset of the next page. */
  pagedMembersBody(conversationId: string, query: URLSearchParams) {
    const roster = this.roster(conversationId);
    const pageSize = clampPageSize(query.get('pageSize'));
    const start = Number.parseInt(query.get('continuationToken') ?? '0', 10);
    if (!Number.isInteger(start) || start < 0 || start > roster.length) {
      throw new HttpProblem(400, 'BadArgument', 'Invalid continuation token');
    }
    const end = start + pageSize;
    return {
      members: roster.slice(start, end).map((user) => memberJson(user)),
      ...(end < roster.length ? { continuationToken: String(end) } : {}),
    };
  }

  /** GET /v3/teams/{id} */
  teamBody(teamId: string) {
    const team = this.requireTeam(teamId);
    return {
      id: team.id,
      name: team.name,
      aadGroupId: team.aadGroupId,
      channelCount: team.channels.length,
      memberCount: team.memberIds.length,
      type: 'standard',
    };
  }

  private knownUsers(ids: string[]): ConnectorUser[] {
    return ids.flatMap((id) => {
      const user = this.userById.get(id);
      return user ? [user] : [];
    });
  }
}

/** The member object Teams returns (TeamsChannelAccount plus the legacy `objectId`). */
export function memberJson(user: ConnectorUser) {
  return {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    objectId: user.aadObjectId,
    givenName: user.givenName,
    surname: user.surname,
    email: user.email,
    userPrincipalName: user.userPrincipalName,
    tenantId: user.tenantId,
    userRole: 'user',
  };
}

function clampPageSize(raw: string | null): number {
  const requested = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  if (!Number.isInteger(requested) || requested <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(requested, MAX_PAGE_SIZE);
}

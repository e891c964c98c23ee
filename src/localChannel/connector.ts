import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logging.js';
import { createLogger } from '../logging.js';
import {
  baseConversationId,
  botAccountId,
  DEFAULT_BOT_ID,
  DEFAULT_TENANT_ID,
  MessageIdSource,
  personalConversationId,
  threadConversationId,
} from './ids.js';

/**
 * A Bot Connector (Teams channel service) emulator: the REST surface botbuilder's ConnectorClient calls
 * when a bot replies, updates, deletes, creates conversations or reads rosters. Built on node:http with a
 * small route table because the surface is a dozen fixed paths and tests need exact control over status
 * codes and headers (fault injection), which a framework would only get in the way of.
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

export type RecordedKind = 'send' | 'update' | 'delete';

/** One thing the bot did to a conversation, in arrival order. */
export interface RecordedActivity {
  /** Position in the connector's log of everything the bot did (all conversations). */
  seq: number;
  kind: RecordedKind;
  /** Full conversation id as the bot addressed it (may carry `;messageid=`). */
  conversationId: string;
  /** The activity id: assigned by the connector for sends, the target for updates and deletes. */
  activityId: string;
  /** For sends: the activity the bot replied to (from the URL), if any. */
  replyToId?: string;
  /** The activity body the bot sent (empty object for deletes), with `id` set to `activityId`. */
  activity: Partial<Activity>;
  at: Date;
}

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

export interface ConnectorRequest {
  seq: number;
  method: string;
  /** Decoded path, e.g. `/v3/conversations/a:1xyz/activities/123`. */
  path: string;
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  status: number;
  /** Set when the status came from an injected fault or a roster rejection. */
  fault?: string;
  at: Date;
}

export interface FaultSpec {
  /** HTTP status to answer with, e.g. 429, 412, 502. */
  status: number;
  /** How many matching requests get the fault (default 1). */
  count?: number;
  /** Sends a `Retry-After` header with this many seconds (0 makes botbuilder retry at once). */
  retryAfterSeconds?: number;
  /** Which operations the fault applies to (default `['send']`, which covers replies too). */
  operations?: ConnectorOperation[];
  /** Only requests for this conversation (or its threads). */
  conversationId?: string;
  /** Error code in the body; defaults to the one Teams uses for the status. */
  code?: string;
}

export interface ConnectorEmulatorOptions {
  port?: number;
  host?: string;
  botId?: string;
  tenantId?: string;
  logger?: Logger;
}

interface ConnectorEvents {
  activity: [RecordedActivity];
  request: [ConnectorRequest];
}

interface PendingFault extends Required<Pick<FaultSpec, 'status' | 'operations'>> {
  remaining: number;
  retryAfterSeconds?: number;
  conversationId?: string;
  code: string;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const activityBodySchema = z.object({ type: z.string().min(1) }).passthrough();
const createConversationSchema = z
  .object({
    isGroup: z.boolean().optional(),
    bot: z.object({ id: z.string() }).passthrough().optional(),
    members: z.array(z.object({ id: z.string() }).passthrough()).optional(),
    tenantId: z.string().optional(),
    topicName: z.string().optional(),
    channelData: z
      .object({
        tenant: z.object({ id: z.string() }).passthrough().optional(),
        channel: z.object({ id: z.string() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    activity: activityBodySchema.optional(),
  })
  .passthrough();

const defaultErrorCodes: Record<number, string> = {
  400: 'BadArgument',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'MessageSizeTooBig',
  429: 'Throttled',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const MAX_BODY_BYTES = 1024 * 1024;

export class ConnectorEmulator extends EventEmitter<ConnectorEvents> {
  readonly botId: string;
  readonly tenantId: string;
  private readonly server: Server;
  private readonly logger: Logger;
  private readonly ids = new MessageIdSource();
  private readonly userById = new Map<string, ConnectorUser>();
  private readonly conversationById = new Map<string, ConnectorConversation>();
  private readonly teamById = new Map<string, ConnectorTeam>();
  private readonly rejected = new Map<string, { status: number; code: string }>();
  private readonly faults: PendingFault[] = [];
  private readonly recorded: RecordedActivity[] = [];
  private readonly requestLog: ConnectorRequest[] = [];
  /** Latest body of each activity id (after updates); deleted ones are removed. */
  private readonly current = new Map<string, Partial<Activity>>();
  private baseUrl = '';
  private requestSeq = 0;

  private constructor(options: ConnectorEmulatorOptions) {
    super();
    // Every open LocalConversation listens for activities; dozens in one e2e suite are normal, not a leak.
    this.setMaxListeners(0);
    this.botId = botAccountId(options.botId ?? DEFAULT_BOT_ID);
    this.tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
    this.logger = options.logger ?? createLogger({ level: 'silent' });
    this.server = createServer((request, response) => {
      void this.handle(request, response);
    });
  }

  /** Starts listening (port 0 = any free port; host defaults to 127.0.0.1). */
  static async start(options: ConnectorEmulatorOptions = {}): Promise<ConnectorEmulator> {
    const emulator = new ConnectorEmulator(options);
    const host = options.host ?? '127.0.0.1';
    emulator.server.listen(options.port ?? 0, host);
    await once(emulator.server, 'listening');
    const { port } = emulator.server.address() as AddressInfo;
    emulator.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    emulator.logger.debug({ serviceUrl: emulator.baseUrl }, 'connector emulator listening');
    return emulator;
  }

  /** The `serviceUrl` to put on inbound activities; ends with `/` as Teams' does. */
  get serviceUrl(): string {
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  nextMessageId(): string {
    return this.ids.next();
  }

  addUser(user: ConnectorUser): void {
    this.userById.set(user.id, user);
  }

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

  /** Queues a fault for the next `count` matching requests. */
  injectFault(spec: FaultSpec): void {
    if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
      throw new Error(`Fault status must be an HTTP error status (400-599), got ${spec.status}`);
    }
    this.faults.push({
      status: spec.status,
      remaining: spec.count ?? 1,
      operations: spec.operations ?? ['send'],
      retryAfterSeconds: spec.retryAfterSeconds,
      conversationId: spec.conversationId === undefined ? undefined : baseConversationId(spec.conversationId),
      code: spec.code ?? defaultErrorCodes[spec.status] ?? 'Error',
    });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /**
   * Every call about this conversation (or team) answers 403 BotNotInConversationRoster until restored,
   * as Teams does once the app is uninstalled or the bot removed.
   */
  rejectConversation(conversationOrTeamId: string, code = 'BotNotInConversationRoster', status = 403): void {
    this.rejected.set(baseConversationId(conversationOrTeamId), { status, code });
  }

  restoreConversation(conversationOrTeamId: string): void {
    this.rejected.delete(baseConversationId(conversationOrTeamId));
  }

  /** What the bot did, optionally only in one conversation (threads included). */
  activities(conversationId?: string): RecordedActivity[] {
    if (conversationId === undefined) return [...this.recorded];
    const base = baseConversationId(conversationId);
    return this.recorded.filter((entry) => baseConversationId(entry.conversationId) === base);
  }

  /** The latest body of an activity the bot sent (after updates), or undefined once deleted. */
  currentActivity(activityId: string): Partial<Activity> | undefined {
    return this.current.get(activityId);
  }

  /** Every request the connector answered, faults included: how tests see botbuilder's retries. */
  requests(): ConnectorRequest[] {
    return [...this.requestLog];
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://connector.invalid');
    const segments = url.pathname
      .split('/')
      .filter((segment) => segment.length > 0)
      .map((segment) => safeDecode(segment));
    const route = matchRoute(request.method ?? 'GET', segments);
    const entry: ConnectorRequest = {
      seq: ++this.requestSeq,
      method: request.method ?? 'GET',
      path: `/${segments.join('/')}`,
      operation: route.operation,
      conversationId: route.conversationId,
      activityId: route.activityId,
      status: 0,
      at: new Date(),
    };
    try {
      const body = await readBody(request);
      const blocked = this.blockedBy(route);
      if (blocked) {
        entry.fault = blocked.reason;
        this.sendError(response, blocked.status, blocked.code, blocked.message, blocked.retryAfterSeconds);
      } else {
        const result = this.dispatch(route, body, url.searchParams);
        sendJson(response, result.status, result.body);
      }
    } catch (error) {
      if (error instanceof HttpProblem) {
        this.sendError(response, error.status, error.code, error.message);
      } else {
        this.logger.error({ err: error }, 'connector emulator failed to handle a request');
        this.sendError(response, 500, 'InternalServerError', 'The connector emulator failed');
      }
    }
    entry.status = response.statusCode;
    this.requestLog.push(entry);
    this.logger.debug(
      { method: entry.method, path: entry.path, status: entry.status, fault: entry.fault },
      'connector request',
    );
    this.emit('request', entry);
  }

  private blockedBy(route: Route):
    | { status: number; code: string; message: string; reason: string; retryAfterSeconds?: number }
    | undefined {
    const base = route.conversationId ?? route.teamId;
    const rejection = base === undefined ? undefined : this.rejected.get(baseConversationId(base));
    if (rejection) {
      return {
        ...rejection,
        message: 'The bot is not part of the conversation roster.',
        reason: rejection.code,
      };
    }
    const index = this.faults.findIndex(
      (fault) =>
        fault.operations.includes(route.operation) &&
        (fault.conversationId === undefined ||
          (route.conversationId !== undefined && baseConversationId(route.conversationId) === fault.conversationId)),
    );
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return {
      status: fault.status,
      code: fault.code,
      message: `Injected fault ${fault.status} ${fault.code}`,
      reason: `injected ${fault.status}`,
      retryAfterSeconds: fault.retryAfterSeconds,
    };
  }

  private dispatch(route: Route, body: unknown, query: URLSearchParams): { status: number; body: unknown } {
    switch (route.operation) {
      case 'send':
        return this.recordSend(requireId(route.conversationId), body, route.activityId);
      case 'update':
        return this.recordUpdate(requireId(route.conversationId), requireId(route.activityId), body);
      case 'delete':
        return this.recordDelete(requireId(route.conversationId), requireId(route.activityId));
      case 'createConversation':
        return this.createConversation(body);
      case 'getConversations':
        return { status: 200, body: this.listConversations() };
      case 'getMembers':
      case 'getActivityMembers':
        return { status: 200, body: this.roster(requireId(route.conversationId)).map((user) => memberJson(user)) };
      case 'getMember':
        return { status: 200, body: this.member(requireId(route.conversationId), requireId(route.memberId)) };
      case 'getPagedMembers':
        return { status: 200, body: this.pagedMembers(requireId(route.conversationId), query) };
      case 'getTeam':
        return { status: 200, body: this.teamDetails(requireId(route.teamId)) };
      case 'getTeamChannels':
        return { status: 200, body: { conversations: this.requireTeam(requireId(route.teamId)).channels } };
      case 'unknown':
        throw new HttpProblem(404, 'NotFound', 'The connector emulator does not implement this operation');
    }
  }

  private recordSend(conversationId: string, body: unknown, replyToId: string | undefined) {
    this.requireConversation(conversationId);
    const activity = parseActivity(body);
    const activityId = this.ids.next();
    this.record('send', conversationId, activityId, activity, replyToId);
    return { status: 201, body: { id: activityId } };
  }

  private recordUpdate(conversationId: string, activityId: string, body: unknown) {
    this.requireConversation(conversationId);
    if (!this.current.has(activityId)) {
      throw new HttpProblem(404, 'NotFound', `No activity ${activityId} in this conversation`);
    }
    this.record('update', conversationId, activityId, parseActivity(body));
    return { status: 200, body: { id: activityId } };
  }

  private recordDelete(conversationId: string, activityId: string) {
    this.requireConversation(conversationId);
    if (!this.current.has(activityId)) {
      throw new HttpProblem(404, 'NotFound', `No activity ${activityId} in this conversation`);
    }
    this.record('delete', conversationId, activityId, {});
    return { status: 200, body: {} };
  }

  private record(
    kind: RecordedKind,
    conversationId: string,
    activityId: string,
    activity: Partial<Activity>,
    replyToId?: string,
  ): void {
    const stored: Partial<Activity> = { ...activity, id: activityId };
    if (kind === 'delete') this.current.delete(activityId);
    else this.current.set(activityId, stored);
    const entry: RecordedActivity = {
      seq: this.recorded.length + 1,
      kind,
      conversationId,
      activityId,
      replyToId,
      activity: stored,
      at: new Date(),
    };
    this.recorded.push(entry);
    this.emit('activity', entry);
  }

  private createConversation(body: unknown): { status: number; body: unknown } {
    const parsed = createConversationSchema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, 'BadArgument', 'Invalid conversation parameters');
    const parameters = parsed.data;
    const channelId = parameters.channelData?.channel?.id;
    if (channelId !== undefined) return this.createChannelThread(channelId, parameters.activity);
    const members = parameters.members ?? [];
    if (parameters.isGroup === true || members.length !== 1) {
      throw new HttpProblem(400, 'BadArgument', 'Bots can only create 1:1 conversations or channel threads');
    }
    const user = this.user(members[0]!.id);
    if (!user) throw new HttpProblem(404, 'MemberNotFoundInConversation', 'The member was not found');
    const tenantId = parameters.tenantId ?? parameters.channelData?.tenant?.id;
    if (tenantId !== undefined && tenantId !== user.tenantId) {
      throw new HttpProblem(403, 'BadArgument', 'The tenant does not match the member');
    }
    const conversation = this.ensurePersonalConversation(user.id);
    const rejection = this.rejected.get(conversation.id);
    if (rejection) throw new HttpProblem(rejection.status, rejection.code, 'The bot is not part of the conversation roster.');
    const result: { id: string; activityId?: string; serviceUrl: string } = {
      id: conversation.id,
      serviceUrl: this.baseUrl,
    };
    if (parameters.activity) result.activityId = this.recordSend(conversation.id, parameters.activity, undefined).body.id;
    return { status: 201, body: result };
  }

  private createChannelThread(channelId: string, activity: unknown): { status: number; body: unknown } {
    const channel = this.conversation(channelId);
    if (!channel || channel.conversationType !== 'channel') {
      throw new HttpProblem(404, 'ConversationNotFound', `Channel ${channelId} not found`);
    }
    if (activity === undefined) throw new HttpProblem(400, 'BadArgument', 'A channel thread needs an activity');
    const rootId = this.ids.next();
    const conversationId = threadConversationId(channel.id, rootId);
    this.record('send', conversationId, rootId, parseActivity(activity));
    return { status: 201, body: { id: conversationId, activityId: rootId, serviceUrl: this.baseUrl } };
  }

  private listConversations() {
    return {
      conversations: [...this.conversationById.values()].map((conversation) => ({
        id: conversation.id,
        members: conversation.memberIds.flatMap((id) => {
          const user = this.userById.get(id);
          return user ? [memberJson(user)] : [];
        }),
      })),
    };
  }

  /** Team ids resolve to the team's roster (TeamsInfo asks by team id inside a team). */
  private roster(conversationOrTeamId: string): ConnectorUser[] {
    const team = this.teamById.get(baseConversationId(conversationOrTeamId));
    const memberIds = team?.memberIds ?? this.requireConversation(conversationOrTeamId).memberIds;
    return memberIds.flatMap((id) => {
      const user = this.userById.get(id);
      return user ? [user] : [];
    });
  }

  private member(conversationId: string, memberId: string) {
    const user = this.roster(conversationId).find(
      (candidate) => candidate.id === memberId || candidate.aadObjectId === memberId,
    );
    if (!user) throw new HttpProblem(404, 'MemberNotFoundInConversation', 'The member was not found in the conversation');
    return memberJson(user);
  }

  private pagedMembers(conversationId: string, query: URLSearchParams) {
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

  private teamDetails(teamId: string) {
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

  private requireTeam(teamId: string): ConnectorTeam {
    const team = this.teamById.get(teamId);
    if (!team) throw new HttpProblem(404, 'NotFound', `Team ${teamId} not found`);
    return team;
  }

  private requireConversation(conversationId: string): ConnectorConversation {
    const conversation = this.conversation(conversationId);
    if (!conversation) throw new HttpProblem(404, 'ConversationNotFound', 'Conversation not found.');
    return conversation;
  }

  private sendError(
    response: ServerResponse,
    status: number,
    code: string,
    message: string,
    retryAfterSeconds?: number,
  ): void {
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    sendJson(response, status, { error: { code, message } });
  }
}

interface Route {
  operation: ConnectorOperation;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
}

function matchRoute(method: string, segments: string[]): Route {
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

function parseActivity(body: unknown): Partial<Activity> {
  const parsed = activityBodySchema.safeParse(body);
  if (!parsed.success) throw new HttpProblem(400, 'BadArgument', 'The body must be an activity with a type');
  return parsed.data as Partial<Activity>;
}

function requireId(value: string | undefined): string {
  if (value === undefined || value.length === 0) throw new HttpProblem(400, 'BadArgument', 'Missing id in path');
  return value;
}

function clampPageSize(raw: string | null): number {
  const requested = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  // Teams caps pages at 500 members and uses 200 when no size is given.
  if (!Number.isInteger(requested) || requested <= 0) return 200;
  return Math.min(requested, 500);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, 'MessageSizeTooBig', 'Message size too big');
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'BadArgument', 'The body is not valid JSON');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

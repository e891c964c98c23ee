import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../logging.js';
import { createLogger } from '../logging.js';
import {
  memberJson,
  TenantDirectory,
  type ConnectorConversation,
  type ConnectorTeam,
  type ConnectorUser,
} from './connector/directory.js';
import { ConnectorFaults, type FaultSpec } from './connector/faults.js';
import { HttpProblem, pathSegments, readJsonBody, requireId, sendError, sendJson } from './connector/http.js';
import { matchRoute, type ConnectorOperation, type Route } from './connector/routes.js';
import {
  baseConversationId,
  botAccountId,
  DEFAULT_BOT_ID,
  DEFAULT_TENANT_ID,
  MessageIdSource,
  threadConversationId,
} from './ids.js';

/**
 * A Bot Connector (Teams channel service) emulator: the REST surface botbuilder's ConnectorClient calls
 * when a bot replies, updates, deletes, creates conversations or reads rosters. Built on node:http with a
 * small route table because the surface is a dozen fixed paths and tests need exact control over status
 * codes and headers (fault injection), which a framework would only get in the way of.
 * This module serves requests and records what the bot did; the tenant (./connector/directory), refusals
 * (./connector/faults), routes and wire plumbing live beside it.
 */

export type { ConnectorConversation, ConnectorTeam, ConnectorUser, ConversationType } from './connector/directory.js';
export { memberJson } from './connector/directory.js';
export type { FaultSpec } from './connector/faults.js';
export type { ConnectorOperation } from './connector/routes.js';

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

export interface ConnectorEmulatorOptions {
  port?: number;
  host?: string;
  botId?: string;
  tenantId?: string;
  logger?: Logger;
  /**
   * Largest activity (serialized JSON, bytes) a send or update may carry; larger ones get 413 MessageSizeTooBig,
   * as Teams answers. Default 28 KB, the limit the bot designs its cards for.
   */
  maxActivityBytes?: number;
}

/** Teams' message size limit as the bot designs for it (see the Teams reference on card sizes). */
export const DEFAULT_MAX_ACTIVITY_BYTES = 28 * 1024;

interface ConnectorEvents {
  activity: [RecordedActivity];
  request: [ConnectorRequest];
}

interface Reply {
  status: number;
  body: unknown;
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

export class ConnectorEmulator extends EventEmitter<ConnectorEvents> {
  readonly botId: string;
  readonly tenantId: string;
  private readonly server: Server;
  private readonly logger: Logger;
  private readonly ids = new MessageIdSource();
  private readonly directory: TenantDirectory;
  private readonly faults = new ConnectorFaults();
  private readonly maxActivityBytes: number;
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
    this.directory = new TenantDirectory(this.botId);
    this.maxActivityBytes = options.maxActivityBytes ?? DEFAULT_MAX_ACTIVITY_BYTES;
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
    this.directory.addUser(user);
  }

  user(id: string): ConnectorUser | undefined {
    return this.directory.user(id);
  }

  users(): ConnectorUser[] {
    return this.directory.users();
  }

  upsertConversation(conversation: ConnectorConversation): void {
    this.directory.upsertConversation(conversation);
  }

  conversation(id: string): ConnectorConversation | undefined {
    return this.directory.conversation(id);
  }

  upsertTeam(team: ConnectorTeam): void {
    this.directory.upsertTeam(team);
  }

  team(id: string): ConnectorTeam | undefined {
    return this.directory.team(id);
  }

  /** The 1:1 chat between the bot and a user, created on first use as Teams does. */
  ensurePersonalConversation(userId: string): ConnectorConversation {
    return this.directory.ensurePersonalConversation(userId);
  }

  /** Queues a fault for the next `count` matching requests. */
  injectFault(spec: FaultSpec): void {
    this.faults.inject(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Every call about this conversation (or team) answers 403 BotNotInConversationRoster until restored,
   * as Teams does once the app is uninstalled or the bot removed.
   */
  rejectConversation(conversationOrTeamId: string, code = 'BotNotInConversationRoster', status = 403): void {
    this.faults.reject(conversationOrTeamId, code, status);
  }

  restoreConversation(conversationOrTeamId: string): void {
    this.faults.restore(conversationOrTeamId);
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
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://connector.invalid');
    const segments = pathSegments(url.pathname);
    const route = matchRoute(method, segments);
    const entry: ConnectorRequest = {
      seq: ++this.requestSeq,
      method,
      path: `/${segments.join('/')}`,
      operation: route.operation,
      conversationId: route.conversationId,
      activityId: route.activityId,
      status: 0,
      at: new Date(),
    };
    try {
      const body = await readJsonBody(request);
      const refusal = this.faults.refuse(route);
      if (refusal) {
        entry.fault = refusal.reason;
        sendError(response, refusal.status, refusal.code, refusal.message, refusal.retryAfterSeconds);
      } else {
        const reply = this.dispatch(route, body, url.searchParams);
        sendJson(response, reply.status, reply.body);
      }
    } catch (error) {
      if (error instanceof HttpProblem) {
        sendError(response, error.status, error.code, error.message);
      } else {
        this.logger.error({ err: error }, 'connector emulator failed to handle a request');
        sendError(response, 500, 'InternalServerError', 'The connector emulator failed');
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

  private dispatch(route: Route, body: unknown, query: URLSearchParams): Reply {
    const ok = (replyBody: unknown): Reply => ({ status: 200, body: replyBody });
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
        return ok(this.directory.conversationsBody());
      case 'getMembers':
      case 'getActivityMembers':
        return ok(this.directory.roster(requireId(route.conversationId)).map((user) => memberJson(user)));
      case 'getMember':
        return ok(this.directory.memberBody(requireId(route.conversationId), requireId(route.memberId)));
      case 'getPagedMembers':
        return ok(this.directory.pagedMembersBody(requireId(route.conversationId), query));
      case 'getTeam':
        return ok(this.directory.teamBody(requireId(route.teamId)));
      case 'getTeamChannels':
        return ok({ conversations: this.directory.requireTeam(requireId(route.teamId)).channels });
      case 'unknown':
        throw new HttpProblem(404, 'NotFound', 'The connector emulator does not implement this operation');
    }
  }

  private recordSend(conversationId: string, body: unknown, replyToId: string | undefined): Reply & { body: { id: string } } {
    this.directory.requireConversation(conversationId);
    const activity = this.parseActivity(body);
    const activityId = this.ids.next();
    this.record('send', conversationId, activityId, activity, replyToId);
    return { status: 201, body: { id: activityId } };
  }

  private recordUpdate(conversationId: string, activityId: string, body: unknown): Reply {
    this.requireSentActivity(conversationId, activityId);
    this.record('update', conversationId, activityId, this.parseActivity(body));
    return { status: 200, body: { id: activityId } };
  }

  private recordDelete(conversationId: string, activityId: string): Reply {
    this.requireSentActivity(conversationId, activityId);
    this.record('delete', conversationId, activityId, {});
    return { status: 200, body: {} };
  }

  private requireSentActivity(conversationId: string, activityId: string): void {
    this.directory.requireConversation(conversationId);
    if (!this.current.has(activityId)) {
      throw new HttpProblem(404, 'NotFound', `No activity ${activityId} in this conversation`);
    }
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

  private createConversation(body: unknown): Reply {
    const parsed = createConversationSchema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, 'BadArgument', 'Invalid conversation parameters');
    const parameters = parsed.data;
    const channelId = parameters.channelData?.channel?.id;
    if (channelId !== undefined) return this.createChannelThread(channelId, parameters.activity);
    const members = parameters.members ?? [];
    if (parameters.isGroup === true || members.length !== 1) {
      throw new HttpProblem(400, 'BadArgument', 'Bots can only create 1:1 conversations or channel threads');
    }
    const user = this.directory.user(members[0]!.id);
    if (!user) throw new HttpProblem(404, 'MemberNotFoundInConversation', 'The member was not found');
    const tenantId = parameters.tenantId ?? parameters.channelData?.tenant?.id;
    if (tenantId !== undefined && tenantId !== user.tenantId) {
      throw new HttpProblem(403, 'BadArgument', 'The tenant does not match the member');
    }
    const conversation = this.directory.ensurePersonalConversation(user.id);
    const rejection = this.faults.rejection(conversation.id);
    if (rejection) throw new HttpProblem(rejection.status, rejection.code, rejection.message);
    const result: { id: string; activityId?: string; serviceUrl: string } = {
      id: conversation.id,
      serviceUrl: this.baseUrl,
    };
    if (parameters.activity) result.activityId = this.recordSend(conversation.id, parameters.activity, undefined).body.id;
    return { status: 201, body: result };
  }

  private createChannelThread(channelId: string, activity: unknown): Reply {
    const channel = this.directory.conversation(channelId);
    if (!channel || channel.conversationType !== 'channel') {
      throw new HttpProblem(404, 'ConversationNotFound', `Channel ${channelId} not found`);
    }
    if (activity === undefined) throw new HttpProblem(400, 'BadArgument', 'A channel thread needs an activity');
    const rootId = this.ids.next();
    const conversationId = threadConversationId(channel.id, rootId);
    this.record('send', conversationId, rootId, this.parseActivity(activity));
    return { status: 201, body: { id: conversationId, activityId: rootId, serviceUrl: this.baseUrl } };
  }

  /** The activity a send or update carries, refused as Teams does when it is malformed or over the size limit. */
  private parseActivity(body: unknown): Partial<Activity> {
    const parsed = activityBodySchema.safeParse(body);
    if (!parsed.success) throw new HttpProblem(400, 'BadArgument', 'The body must be an activity with a type');
    const bytes = Buffer.byteLength(JSON.stringify(parsed.data));
    if (bytes > this.maxActivityBytes) {
      throw new HttpProblem(413, 'MessageSizeTooBig', `Message size too big: ${bytes} bytes, at most ${this.maxActivityBytes}`);
    }
    return parsed.data as Partial<Activity>;
  }
}

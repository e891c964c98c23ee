import type { Activity } from 'botbuilder';
import type { Logger } from '../logging.js';
import { postToBot, validateBotUrl, type PostResult } from './botEndpoint.js';
import type { ChannelSide, LocalUser, UserRef } from './channelSide.js';
import { ConnectorEmulator } from './connector.js';
import { LocalConversation } from './conversation.js';
import {
  baseConversationId,
  channelThreadId,
  DEFAULT_BOT_ID,
  DEFAULT_BOT_NAME,
  DEFAULT_TENANT_ID,
  groupChatId,
  stableGuid,
  teamsUserId,
  teamThreadId,
} from './ids.js';

/**
 * The user side of the local channel: people in a terminal and end-to-end tests talk to a running bot
 * through it. It starts a ConnectorEmulator (where the bot's replies land), knows the tenant's people, and
 * opens the chats and channels (LocalConversation) they talk in.
 */

export type { LocalUser, UserRef } from './channelSide.js';

export interface UserInput {
  name: string;
  id?: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  givenName?: string;
  surname?: string;
}

export interface LocalChannelOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botUrl: string;
  tenantId?: string;
  /** People in the tenant; default two demo users. The first is the default sender. */
  users?: Array<string | UserInput>;
  /** The bot's app id (recipient id is `28:<botId>`). */
  botId?: string;
  botName?: string;
  locale?: string;
  /** Port for the connector emulator (default: any free port on 127.0.0.1). */
  port?: number;
  logger?: Logger;
  /** How long one POST to the bot may take (default 15 s). */
  requestTimeoutMs?: number;
}

const DEFAULT_USERS: UserInput[] = [{ name: 'Adele Vance' }, { name: 'Megan Bowen' }];
const MAIL_DOMAIN = 'contoso.example';

export class LocalChannel implements ChannelSide {
  readonly botUrl: string;
  readonly tenantId: string;
  readonly bot: { id: string; name: string };
  readonly locale: string;
  private readonly requestTimeoutMs: number;
  private readonly conversationsById = new Map<string, LocalConversation>();

  private constructor(
    readonly connector: ConnectorEmulator,
    options: LocalChannelOptions,
  ) {
    this.botUrl = options.botUrl;
    this.tenantId = connector.tenantId;
    this.bot = { id: connector.botId, name: options.botName ?? DEFAULT_BOT_NAME };
    this.locale = options.locale ?? 'en-US';
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  static async start(options: LocalChannelOptions): Promise<LocalChannel> {
    validateBotUrl(options.botUrl);
    const connector = await ConnectorEmulator.start({
      port: options.port,
      botId: options.botId ?? DEFAULT_BOT_ID,
      tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
      logger: options.logger,
    });
    const channel = new LocalChannel(connector, options);
    for (const user of options.users ?? DEFAULT_USERS) channel.addUser(user);
    return channel;
  }

  get serviceUrl(): string {
    return this.connector.serviceUrl;
  }

  async close(): Promise<void> {
    for (const conversation of this.conversationsById.values()) conversation.dispose();
    await this.connector.close();
  }

  addUser(input: string | UserInput): LocalUser {
    const spec = typeof input === 'string' ? { name: input } : input;
    if (spec.name.trim().length === 0) throw new Error('A user needs a name');
    const [givenName = spec.name, ...rest] = spec.name.trim().split(/\s+/);
    const mailbox = `${spec.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '.')}@${MAIL_DOMAIN}`;
    const user: LocalUser = {
      id: spec.id ?? teamsUserId(this.tenantId, spec.name),
      aadObjectId: spec.aadObjectId ?? stableGuid('aad', this.tenantId, spec.name),
      name: spec.name,
      givenName: spec.givenName ?? givenName,
      surname: spec.surname ?? rest.join(' '),
      userPrincipalName: spec.userPrincipalName ?? mailbox,
      email: spec.email ?? spec.userPrincipalName ?? mailbox,
      tenantId: this.tenantId,
    };
    this.connector.addUser(user);
    return user;
  }

  users(): LocalUser[] {
    return this.connector.users();
  }

  /** Finds a user by name (case-insensitive), Teams id, Entra object id or UPN. */
  user(ref: UserRef): LocalUser {
    if (typeof ref !== 'string') return ref;
    const wanted = ref.trim().toLowerCase();
    const found = this.users().find(
      (user) =>
        user.id === ref ||
        user.aadObjectId === wanted ||
        user.name.toLowerCase() === wanted ||
        user.userPrincipalName.toLowerCase() === wanted ||
        user.givenName.toLowerCase() === wanted,
    );
    if (!found) {
      throw new Error(`No user "${ref}". Known users: ${this.users().map((user) => user.name).join(', ')}`);
    }
    return found;
  }

  /** The 1:1 chat of a user (default: the first user) with the bot. */
  personalChat(user?: UserRef): LocalConversation {
    const person = user === undefined ? this.defaultUser() : this.user(user);
    const record = this.connector.ensurePersonalConversation(person.id);
    return this.conversationFor(record.id, () => new LocalConversation(this, record.id, 'personal', [person.id]));
  }

  /** A group chat of these members (default: every user); the same members give the same chat. */
  groupChat(members?: UserRef[], options: { topic?: string } = {}): LocalConversation {
    const people = (members ?? this.users()).map((member) => this.user(member));
    if (people.length < 2) throw new Error('A group chat needs at least two members');
    const memberIds = people.map((person) => person.id);
    const id = groupChatId(this.tenantId, [...memberIds].sort().join(','));
    this.connector.upsertConversation({
      id,
      conversationType: 'groupChat',
      tenantId: this.tenantId,
      memberIds,
      name: options.topic,
    });
    return this.conversationFor(id, () => new LocalConversation(this, id, 'groupChat', memberIds, { topic: options.topic }));
  }

  /** A channel of a team (created with every user as member); the team's General channel has the team's id. */
  channel(teamName: string, channelName = 'General'): LocalConversation {
    const teamId = teamThreadId(this.tenantId, teamName);
    const existingTeam = this.connector.team(teamId);
    const memberIds = existingTeam?.memberIds ?? this.users().map((user) => user.id);
    const channelId = channelName === 'General' ? teamId : channelThreadId(this.tenantId, teamName, channelName);
    const channels = existingTeam?.channels ?? [{ id: teamId, name: 'General' }];
    if (!channels.some((channel) => channel.id === channelId)) channels.push({ id: channelId, name: channelName });
    const team = {
      id: teamId,
      name: teamName,
      aadGroupId: existingTeam?.aadGroupId ?? stableGuid('group', this.tenantId, teamName),
      tenantId: this.tenantId,
      memberIds,
      channels,
    };
    this.connector.upsertTeam(team);
    for (const channel of channels) {
      this.connector.upsertConversation({
        id: channel.id,
        conversationType: 'channel',
        tenantId: this.tenantId,
        memberIds,
        name: channel.name,
        teamId,
      });
    }
    return this.conversationFor(
      channelId,
      () =>
        new LocalConversation(this, channelId, 'channel', memberIds, {
          team: { id: teamId, name: teamName, aadGroupId: team.aadGroupId },
          channel: { id: channelId, name: channelName },
        }),
    );
  }

  /** The LocalConversation an id (thread ids included) belongs to, if one was opened. */
  findConversation(conversationId: string): LocalConversation | undefined {
    return this.conversationsById.get(baseConversationId(conversationId));
  }

  conversations(): LocalConversation[] {
    return [...this.conversationsById.values()];
  }

  /** Posts an activity to the bot; throws BotUnreachableError / BotHttpError (invokes return any status). */
  post(activity: Partial<Activity>): Promise<PostResult> {
    return postToBot(this.botUrl, activity, this.requestTimeoutMs);
  }

  private defaultUser(): LocalUser {
    const first = this.users()[0];
    if (!first) throw new Error('The local channel has no users');
    return first;
  }

  private conversationFor(id: string, create: () => LocalConversation): LocalConversation {
    const existing = this.conversationsById.get(id);
    if (existing) return existing;
    const created = create();
    this.conversationsById.set(id, created);
    return created;
  }
}

export { LocalConversation, type PressOptions, type SendOptions } from './conversation.js';
export { BotHttpError, BotUnreachableError, type PostResult } from './botEndpoint.js';
export type { InvokeResult, PressResult } from './cardPress.js';
export type { BotEvent, TranscriptEntry, WaitOptions } from './transcript.js';
export { renderActivity, cardButtons, renderAdaptiveCard } from './cardText.js';
export { ConnectorEmulator } from './connector.js';
export type { CardButton, JsonObject } from './cardText.js';
export type { ConnectorUser, RecordedActivity, FaultSpec, ConnectorRequest } from './connector.js';

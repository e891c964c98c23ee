import { isDeepStrictEqual } from 'node:util';
import type { Activity, ConversationAccount } from 'botbuilder';
import type { Logger } from '../logging.js';
import {
  adaptiveCardsOf,
  ADAPTIVE_CARD_CONTENT_TYPE,
  cardInputs,
  isJsonObject,
  renderActivity,
  type CardButton,
  type JsonObject,
} from './cardText.js';
import {
  ConnectorEmulator,
  type ConnectorUser,
  type ConversationType,
  type RecordedActivity,
} from './connector.js';
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
  threadConversationId,
} from './ids.js';

/**
 * The user side of the local channel: people in a terminal and end-to-end tests talk to a running bot
 * through it. It starts a ConnectorEmulator (where the bot's replies land), posts Teams-shaped activities to
 * the bot's /api/messages, and offers event-driven waits over what the bot sent back.
 */

export type LocalUser = ConnectorUser;

/** A person: by display name, Teams id, Entra object id or UPN, or the user object itself. */
export type UserRef = string | LocalUser;

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

export interface SendOptions {
  /** Prefix `<at>Bot</at>` and add a mention entity. Default: true in group chats and channels. */
  mention?: boolean;
  from?: UserRef;
  locale?: string;
  /** Carried as `activity.value` (Action.Submit payloads). */
  value?: unknown;
  replyToId?: string;
  /** Channels: reply inside this thread (root message id) instead of starting a new post. */
  threadId?: string;
}

export interface PostResult {
  /** The activity as posted to the bot. */
  activity: Partial<Activity>;
  /** The bot's HTTP status. */
  status: number;
  /** The bot's parsed response body, if any. */
  body?: unknown;
}

export interface InvokeResult extends PostResult {
  /** The card from an `application/vnd.microsoft.card.adaptive` invoke response. */
  card?: JsonObject;
  /** The text from an `application/vnd.microsoft.activity.message` invoke response. */
  message?: string;
  /** The value of an `application/vnd.microsoft.error` invoke response. */
  error?: unknown;
}

export type PressResult =
  | ({ kind: 'invoke'; button: CardButton } & InvokeResult)
  | ({ kind: 'message'; button: CardButton } & PostResult)
  | { kind: 'openUrl'; button: CardButton; url: string }
  | { kind: 'showCard'; button: CardButton; card: JsonObject };

export interface PressOptions {
  from?: UserRef;
  /** Values for the card's inputs (by input id); defaults come from the card. */
  inputs?: Record<string, string>;
}

/** Something the bot did in a conversation, with the text and cards pulled out for convenience. */
export interface BotEvent extends RecordedActivity {
  text?: string;
  cards: JsonObject[];
  /** Plain-text rendering (cards included), as the chat CLI shows it. */
  rendered: string;
}

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /** Also return events already returned by an earlier nextActivity/waitFor (does not move the cursor). */
  includeSeen?: boolean;
  /** Typing indicators are skipped unless this is set. */
  includeTyping?: boolean;
}

export type TranscriptEntry =
  | { from: 'user'; activity: Partial<Activity>; at: Date }
  | { from: 'bot'; event: BotEvent; at: Date }
  | { from: 'invokeResponse'; status: number; body: unknown; at: Date };

export class BotUnreachableError extends Error {
  constructor(botUrl: string, cause: unknown) {
    super(`Cannot reach the bot at ${botUrl}. Is it running (npm start)? Set BOT_URL if it listens elsewhere.`, {
      cause,
    });
    this.name = 'BotUnreachableError';
  }
}

export class BotHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    botUrl: string,
  ) {
    super(
      status === 401 || status === 403
        ? `The bot at ${botUrl} refused an unauthenticated request (HTTP ${status}). The local channel needs a bot started without MicrosoftAppId.`
        : `The bot at ${botUrl} answered HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`,
    );
    this.name = 'BotHttpError';
  }
}

const DEFAULT_USERS: UserInput[] = [{ name: 'Adele Vance' }, { name: 'Megan Bowen' }];
const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

export class LocalChannel {
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
    const mailbox = spec.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '.');
    const user: LocalUser = {
      id: spec.id ?? teamsUserId(this.tenantId, spec.name),
      aadObjectId: spec.aadObjectId ?? stableGuid('aad', this.tenantId, spec.name),
      name: spec.name,
      givenName: spec.givenName ?? givenName,
      surname: spec.surname ?? rest.join(' '),
      userPrincipalName: spec.userPrincipalName ?? `${mailbox}@contoso.example`,
      email: spec.email ?? spec.userPrincipalName ?? `${mailbox}@contoso.example`,
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
  async post(activity: Partial<Activity>): Promise<PostResult> {
    let response: Response;
    try {
      response = await fetch(this.botUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') {
        throw new Error(`The bot at ${this.botUrl} did not answer within ${this.requestTimeoutMs} ms`, { cause: error });
      }
      throw new BotUnreachableError(this.botUrl, error);
    }
    const text = await response.text();
    const isInvoke = activity.type === 'invoke';
    if (!response.ok && !(isInvoke && response.status !== 401 && response.status !== 403)) {
      throw new BotHttpError(response.status, text, this.botUrl);
    }
    return { activity, status: response.status, body: parseJsonOrText(text) };
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

interface Waiter {
  matches: (event: BotEvent) => boolean;
  consume: boolean;
  resolve: (event: BotEvent) => void;
}

interface TeamsContext {
  team?: { id: string; name: string; aadGroupId: string };
  channel?: { id: string; name: string };
  topic?: string;
}

/** One chat or channel as a person sees it. */
export class LocalConversation {
  private readonly events: BotEvent[] = [];
  private readonly entries: TranscriptEntry[] = [];
  private readonly waiters = new Set<Waiter>();
  private cursor = 0;
  private readonly listener = (recorded: RecordedActivity) => {
    if (baseConversationId(recorded.conversationId) === this.id) this.receive(recorded);
  };
  /** Root message id of the latest channel post (channels only). */
  lastThreadId?: string;

  constructor(
    private readonly local: LocalChannel,
    readonly id: string,
    readonly type: ConversationType,
    private readonly memberIds: string[],
    private readonly context: TeamsContext = {},
  ) {
    local.connector.on('activity', this.listener);
    for (const recorded of local.connector.activities(id)) this.receive(recorded);
  }

  get team(): TeamsContext['team'] {
    return this.context.team;
  }

  get channelInfo(): TeamsContext['channel'] {
    return this.context.channel;
  }

  members(): LocalUser[] {
    return this.memberIds.map((id) => this.local.user(id));
  }

  dispose(): void {
    this.local.connector.off('activity', this.listener);
  }

  /** Sends a message as a person types it. */
  async send(text: string, options: SendOptions = {}): Promise<PostResult> {
    const mention = options.mention ?? this.type !== 'personal';
    const activity = this.baseActivity('message', options.from, options);
    const mentionText = `<at>${this.local.bot.name}</at>`;
    activity.text = mention ? `${mentionText} ${text}` : text;
    activity.textFormat = 'plain';
    if (mention) {
      activity.entities = [
        ...(activity.entities ?? []),
        { type: 'mention', text: mentionText, mentioned: { id: this.local.bot.id, name: this.local.bot.name } },
      ];
    }
    if (options.value !== undefined) activity.value = options.value;
    return this.postAndRecord(activity);
  }

  /** An Action.Submit click: a message with `value` and no text. */
  async submit(value: unknown, options: Omit<SendOptions, 'value' | 'mention'> = {}): Promise<PostResult> {
    const activity = this.baseActivity('message', options.from, options);
    activity.value = value;
    return this.postAndRecord(activity);
  }

  /** App installed here: installationUpdate (add), then conversationUpdate with the bot in membersAdded. */
  async install(options: { from?: UserRef } = {}): Promise<PostResult[]> {
    this.local.connector.restoreConversation(this.rosterId());
    const installation = this.eventActivity('installationUpdate', options.from);
    installation.action = 'add';
    const update = this.eventActivity('conversationUpdate', options.from);
    update.membersAdded = [{ id: this.local.bot.id, name: this.local.bot.name }];
    if (this.context.team) update.channelData = { ...update.channelData, eventType: 'teamMemberAdded' };
    return [await this.postAndRecord(installation), await this.postAndRecord(update)];
  }

  /**
   * App removed: installationUpdate (remove) and conversationUpdate membersRemoved. Afterwards the
   * connector answers 403 BotNotInConversationRoster for this conversation (team, for channels), as Teams does.
   */
  async uninstall(options: { from?: UserRef } = {}): Promise<PostResult[]> {
    const installation = this.eventActivity('installationUpdate', options.from);
    installation.action = 'remove';
    const update = this.eventActivity('conversationUpdate', options.from);
    update.membersRemoved = [{ id: this.local.bot.id, name: this.local.bot.name }];
    if (this.context.team) update.channelData = { ...update.channelData, eventType: 'teamMemberRemoved' };
    const results = [await this.postAndRecord(installation), await this.postAndRecord(update)];
    this.local.connector.rejectConversation(this.rosterId());
    return results;
  }

  /** Sends any invoke (e.g. `adaptiveCard/action`) and returns the bot's invoke response. */
  async invoke(
    name: string,
    value: unknown,
    options: { from?: UserRef; replyToId?: string; conversationId?: string } = {},
  ): Promise<InvokeResult> {
    const activity = this.baseActivity('invoke', options.from, { replyToId: options.replyToId });
    activity.name = name;
    activity.value = value;
    if (options.conversationId !== undefined && activity.conversation) {
      activity.conversation = { ...activity.conversation, id: options.conversationId };
    }
    const result = await this.postAndRecord(activity);
    this.entries.push({ from: 'invokeResponse', status: result.status, body: result.body, at: new Date() });
    return { ...result, ...readInvokeResponse(result.body) };
  }

  /**
   * Presses a button (1-based number as cardText shows it, or its title/verb) on a card the bot sent.
   * Action.Execute sends the `adaptiveCard/action` invoke and returns its response; Action.Submit (and
   * imBack/messageBack) sends a message with `value`; OpenUrl and ShowCard only report what they would do.
   */
  async press(target: BotEvent | RecordedActivity | Partial<Activity> | JsonObject, button: number | string, options: PressOptions = {}): Promise<PressResult> {
    const { activity, conversationId } = this.resolveCardActivity(target);
    const rendered = renderActivity(activity);
    const chosen = pickButton(rendered.buttons, button);
    const inputs = { ...defaultInputs(activity), ...(options.inputs ?? {}) };
    switch (chosen.type) {
      case 'Action.Execute': {
        const data = mergeData(chosen.data, inputs);
        const action: JsonObject = { type: 'Action.Execute', verb: chosen.verb ?? '', data };
        if (chosen.id !== undefined) action['id'] = chosen.id;
        const result = await this.invoke(
          ADAPTIVE_CARD_ACTION_INVOKE,
          { action, trigger: 'manual' },
          { from: options.from, replyToId: activity.id, conversationId },
        );
        return { kind: 'invoke', button: chosen, ...result };
      }
      case 'Action.Submit':
        return { kind: 'message', button: chosen, ...(await this.submitAction(chosen, inputs, activity.id, conversationId, options.from)) };
      case 'imBack':
      case 'messageBack':
      case 'postBack':
        return {
          kind: 'message',
          button: chosen,
          ...(await this.sendInThread(conversationId, typeof chosen.data === 'string' ? chosen.data : chosen.title, options.from, chosen.type === 'imBack' ? undefined : chosen.data)),
        };
      case 'Action.OpenUrl':
      case 'openUrl':
        return { kind: 'openUrl', button: chosen, url: chosen.url ?? '' };
      case 'Action.ShowCard':
        return { kind: 'showCard', button: chosen, card: chosen.card ?? {} };
      default:
        throw new Error(`Button "${chosen.title}" is a ${chosen.type}, which the local channel cannot press`);
    }
  }

  /** The next thing the bot did here that this conversation has not returned yet. */
  nextActivity(options: WaitOptions = {}): Promise<BotEvent> {
    return this.waitFor(() => true, options);
  }

  /**
   * The first event (after the cursor, unless includeSeen) that satisfies the predicate, waiting for it
   * if needed. Events skipped on the way count as seen. On timeout the error shows the transcript.
   */
  waitFor(predicate: (event: BotEvent) => boolean, options: WaitOptions = {}): Promise<BotEvent> {
    const matches = (event: BotEvent) =>
      (options.includeTyping === true || event.activity.type !== 'typing') && predicate(event);
    const start = options.includeSeen === true ? 0 : this.cursor;
    for (let index = start; index < this.events.length; index += 1) {
      const event = this.events[index]!;
      if (matches(event)) {
        if (options.includeSeen !== true) this.cursor = index + 1;
        return Promise.resolve(event);
      }
    }
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise<BotEvent>((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        consume: options.includeSeen !== true,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for the bot in ${this.type} ${this.id}.\nTranscript:\n${this.transcriptText()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Everything said here: user activities, bot sends/updates/deletes and invoke responses, in order. */
  transcript(): TranscriptEntry[] {
    return [...this.entries];
  }

  /** The bot's events only. */
  botEvents(): BotEvent[] {
    return [...this.events];
  }

  transcriptText(): string {
    const lines = this.entries.map((entry) => {
      if (entry.from === 'user') {
        const who = entry.activity.from?.name ?? 'user';
        const rendered = entry.activity.type === 'message'
          ? renderActivity(entry.activity).text || JSON.stringify(entry.activity.value ?? null)
          : `[${entry.activity.type}${entry.activity.name ? ` ${entry.activity.name}` : ''}]`;
        return `${who}: ${rendered}`;
      }
      if (entry.from === 'invokeResponse') return `  ↳ invoke response ${entry.status}: ${JSON.stringify(entry.body ?? null).slice(0, 500)}`;
      const { event } = entry;
      const label = event.kind === 'send' ? 'bot' : `bot (${event.kind} ${event.activityId})`;
      return `${label}: ${event.rendered}`;
    });
    return lines.length > 0 ? lines.join('\n') : '(nothing yet)';
  }

  private receive(recorded: RecordedActivity): void {
    const rendered = recorded.kind === 'delete' ? '[deleted]' : renderActivity(recorded.activity).text;
    const event: BotEvent = {
      ...recorded,
      text: typeof recorded.activity.text === 'string' ? recorded.activity.text : undefined,
      cards: adaptiveCardsOf(recorded.activity),
      rendered,
    };
    this.events.push(event);
    this.entries.push({ from: 'bot', event, at: recorded.at });
    for (const waiter of this.waiters) {
      if (!waiter.matches(event)) continue;
      this.waiters.delete(waiter);
      if (waiter.consume) this.cursor = this.events.length;
      waiter.resolve(event);
      if (waiter.consume) break;
    }
  }

  private async postAndRecord(activity: Partial<Activity>): Promise<PostResult> {
    this.entries.push({ from: 'user', activity, at: new Date() });
    return this.local.post(activity);
  }

  private async submitAction(
    button: CardButton,
    inputs: Record<string, string>,
    replyToId: string | undefined,
    conversationId: string,
    from: UserRef | undefined,
  ): Promise<PostResult> {
    const teamsAction = isJsonObject(button.data) && isJsonObject(button.data['msteams']) ? button.data['msteams'] : undefined;
    // Teams turns msteams.imBack/messageBack submits into ordinary typed messages.
    if (teamsAction?.['type'] === 'imBack') return this.sendInThread(conversationId, String(teamsAction['value'] ?? ''), from);
    if (teamsAction?.['type'] === 'messageBack') {
      return this.sendInThread(conversationId, String(teamsAction['text'] ?? ''), from, teamsAction['value']);
    }
    if (typeof button.data === 'string') return this.sendInThread(conversationId, button.data, from);
    const activity = this.baseActivity('message', from, { replyToId, conversationId });
    activity.value = mergeData(button.data, inputs);
    return this.postAndRecord(activity);
  }

  private async sendInThread(conversationId: string, text: string, from: UserRef | undefined, value?: unknown): Promise<PostResult> {
    const activity = this.baseActivity('message', from, { conversationId });
    activity.text = text;
    if (value !== undefined) activity.value = value;
    return this.postAndRecord(activity);
  }

  private resolveCardActivity(target: BotEvent | RecordedActivity | Partial<Activity> | JsonObject): {
    activity: Partial<Activity>;
    conversationId: string;
  } {
    if (isRecorded(target)) return { activity: target.activity, conversationId: target.conversationId };
    if (isJsonObject(target) && target['type'] === 'AdaptiveCard') {
      const owner = [...this.events].reverse().find((event) => event.cards.some((card) => card === target || isDeepStrictEqual(card, target)));
      if (!owner) throw new Error('That card was not sent to this conversation; pass the bot event instead');
      return { activity: owner.activity, conversationId: owner.conversationId };
    }
    const activity = target as Partial<Activity>;
    const conversationId = activity.conversation?.id ?? this.id;
    return { activity, conversationId };
  }

  /** Channels are addressed by team for roster calls, so uninstall/install act on the team. */
  private rosterId(): string {
    return this.context.team?.id ?? this.id;
  }

  private eventActivity(type: 'installationUpdate' | 'conversationUpdate', from: UserRef | undefined): Partial<Activity> {
    // Team-wide events arrive in the team's General channel, whose id is the team id.
    return this.baseActivity(type, from, { conversationId: this.context.team?.id ?? this.id });
  }

  private baseActivity(
    type: string,
    fromRef: UserRef | undefined,
    options: { locale?: string; replyToId?: string; threadId?: string; conversationId?: string },
  ): Partial<Activity> {
    const from = fromRef === undefined ? this.members()[0] : this.local.user(fromRef);
    if (!from) throw new Error(`The ${this.type} ${this.id} has no members`);
    const id = this.local.connector.nextMessageId();
    const conversationId = options.conversationId ?? this.conversationIdFor(type, id, options.threadId);
    const locale = options.locale ?? this.local.locale;
    const now = new Date();
    const activity: Partial<Activity> = {
      type,
      id,
      timestamp: now,
      localTimestamp: now,
      localTimezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      serviceUrl: this.local.serviceUrl,
      channelId: 'msteams',
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      conversation: this.conversationAccount(conversationId),
      recipient: { id: this.local.bot.id, name: this.local.bot.name },
      locale,
      entities: [{ type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }],
      channelData: this.channelData(),
    };
    if (options.replyToId !== undefined) activity.replyToId = options.replyToId;
    return activity;
  }

  /**
   * Teams omits `isGroup` and `name` in personal chats, while botbuilder's type declares them required;
   * the wire shape wins here.
   */
  private conversationAccount(conversationId: string): ConversationAccount {
    const account: Record<string, unknown> = {
      id: conversationId,
      conversationType: this.type,
      tenantId: this.local.tenantId,
    };
    if (this.type !== 'personal') account['isGroup'] = true;
    if (this.context.topic) account['name'] = this.context.topic;
    return account as unknown as ConversationAccount;
  }

  /** Channel messages are threads: a new post gets `;messageid=<its id>` unless replying in a thread. */
  private conversationIdFor(type: string, activityId: string, threadId: string | undefined): string {
    if (this.type !== 'channel') return this.id;
    if (threadId !== undefined) return threadConversationId(this.id, threadId);
    if (type !== 'message') return this.id;
    this.lastThreadId = activityId;
    return threadConversationId(this.id, activityId);
  }

  private channelData(): JsonObject {
    const data: JsonObject = { tenant: { id: this.local.tenantId } };
    const { team, channel } = this.context;
    if (team && channel) {
      data['team'] = { ...team };
      data['channel'] = { ...channel };
      data['teamsTeamId'] = team.id;
      data['teamsChannelId'] = channel.id;
    }
    return data;
  }
}

function isRecorded(value: unknown): value is RecordedActivity {
  return isJsonObject(value) && typeof value['activityId'] === 'string' && isJsonObject(value['activity']) && typeof value['conversationId'] === 'string';
}

function pickButton(buttons: CardButton[], wanted: number | string): CardButton {
  const describe = () => buttons.map((button) => `[${button.index}] ${button.title}`).join(', ') || 'none';
  if (typeof wanted === 'number') {
    const byIndex = buttons.find((button) => button.index === wanted);
    if (!byIndex) throw new Error(`No button ${wanted} on that card (buttons: ${describe()})`);
    return byIndex;
  }
  const lower = wanted.trim().toLowerCase();
  const byTitle =
    buttons.find((button) => button.title.toLowerCase() === lower) ??
    buttons.find((button) => button.verb?.toLowerCase() === lower);
  if (!byTitle) throw new Error(`No button "${wanted}" on that card (buttons: ${describe()})`);
  return byTitle;
}

function defaultInputs(activity: Partial<Activity>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const card of adaptiveCardsOf(activity)) {
    for (const input of cardInputs(card)) if (input.value !== undefined) values[input.id] = input.value;
  }
  return values;
}

/** As Teams does, input values are merged into the action's object data. */
function mergeData(data: unknown, inputs: Record<string, string>): unknown {
  if (data === undefined) return { ...inputs };
  if (isJsonObject(data)) return { ...data, ...inputs };
  return data;
}

function readInvokeResponse(body: unknown): Pick<InvokeResult, 'card' | 'message' | 'error'> {
  if (!isJsonObject(body)) return {};
  const type = body['type'];
  const value = body['value'];
  if (type === ADAPTIVE_CARD_CONTENT_TYPE && isJsonObject(value)) return { card: value };
  if (type === 'application/vnd.microsoft.activity.message' && typeof value === 'string') return { message: value };
  if (type === 'application/vnd.microsoft.error') return { error: value };
  return {};
}

function parseJsonOrText(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function validateBotUrl(botUrl: string): void {
  let url: URL;
  try {
    url = new URL(botUrl);
  } catch {
    throw new Error(`Bot URL "${botUrl}" is not a valid URL (expected e.g. http://localhost:3978/api/messages)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Bot URL "${botUrl}" must be http(s)`);
  }
}

export { renderActivity, cardButtons, renderAdaptiveCard } from './cardText.js';
export { ConnectorEmulator } from './connector.js';
export type { CardButton, JsonObject } from './cardText.js';
export type { ConnectorUser, RecordedActivity, FaultSpec, ConnectorRequest } from './connector.js';

import type { Activity, ConversationAccount } from 'botbuilder';
import type { PostResult } from './botEndpoint.js';
import type { ChannelSide, LocalUser, UserRef } from './channelSide.js';
import {
  ADAPTIVE_CARD_ACTION_INVOKE,
  defaultInputs,
  executeAction,
  isRecordedActivity,
  pickButton,
  readInvokeResponse,
  submissionOf,
  type InvokeResult,
  type PressResult,
} from './cardPress.js';
import { isJsonObject, renderActivity, type JsonObject } from './cardText.js';
import type { ConversationType, RecordedActivity } from './connector.js';
import { baseConversationId, threadConversationId } from './ids.js';
import { Transcript, type BotEvent, type TranscriptEntry, type WaitOptions } from './transcript.js';

/**
 * One chat or channel as a person sees it: builds the Teams-shaped activities a person's actions produce
 * (messages, installs, invokes, card presses), posts them through the LocalChannel, and keeps the transcript.
 */

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
  /** The sender's IANA time zone, as Teams sends it in `localTimezone` (default: this machine's). */
  timeZone?: string;
}

export interface PressOptions {
  from?: UserRef;
  /** Values for the card's inputs (by input id); defaults come from the card. */
  inputs?: Record<string, string>;
}

export interface TeamsContext {
  team?: { id: string; name: string; aadGroupId: string };
  channel?: { id: string; name: string };
  topic?: string;
}

interface ActivityOptions {
  locale?: string;
  timeZone?: string;
  replyToId?: string;
  threadId?: string;
  conversationId?: string;
}

export class LocalConversation {
  private readonly transcriptLog: Transcript;
  private readonly listener = (recorded: RecordedActivity) => {
    if (baseConversationId(recorded.conversationId) === this.id) this.transcriptLog.addBotActivity(recorded);
  };
  /** Root message id of the latest channel post (channels only). */
  lastThreadId?: string;

  constructor(
    private readonly local: ChannelSide,
    readonly id: string,
    readonly type: ConversationType,
    private readonly memberIds: string[],
    private readonly context: TeamsContext = {},
  ) {
    this.transcriptLog = new Transcript(`${type} ${id}`);
    local.connector.on('activity', this.listener);
    for (const recorded of local.connector.activities(id)) this.transcriptLog.addBotActivity(recorded);
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
    return this.postInstallation('add', options.from);
  }

  /**
   * App removed: installationUpdate (remove) and conversationUpdate membersRemoved. Afterwards the
   * connector answers 403 BotNotInConversationRoster for this conversation (team, for channels), as Teams does.
   */
  async uninstall(options: { from?: UserRef } = {}): Promise<PostResult[]> {
    const results = await this.postInstallation('remove', options.from);
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
    this.transcriptLog.addInvokeResponse(result.status, result.body);
    return { ...result, ...readInvokeResponse(result.body) };
  }

  /**
   * Presses a button (1-based number as cardText shows it, or its title/verb) on a card the bot sent.
   * Action.Execute sends the `adaptiveCard/action` invoke and returns its response; Action.Submit (and
   * imBack/messageBack) sends a message with `value`; OpenUrl and ShowCard only report what they would do.
   */
  async press(target: BotEvent | RecordedActivity | Partial<Activity> | JsonObject, button: number | string, options: PressOptions = {}): Promise<PressResult> {
    const { activity, conversationId } = this.resolveCardActivity(target);
    const chosen = pickButton(renderActivity(activity).buttons, button);
    const inputs = { ...defaultInputs(activity), ...(options.inputs ?? {}) };
    switch (chosen.type) {
      case 'Action.Execute': {
        const result = await this.invoke(
          ADAPTIVE_CARD_ACTION_INVOKE,
          { action: executeAction(chosen, inputs), trigger: 'manual' },
          { from: options.from, replyToId: activity.id, conversationId },
        );
        return { kind: 'invoke', button: chosen, ...result };
      }
      case 'Action.Submit':
      case 'imBack':
      case 'messageBack':
      case 'postBack': {
        const submission = submissionOf(chosen, inputs);
        const activityOptions = submission.typed ? { conversationId } : { conversationId, replyToId: activity.id };
        const message = this.baseActivity('message', options.from, activityOptions);
        if (submission.typed) message.text = submission.text;
        if (submission.value !== undefined) message.value = submission.value;
        return { kind: 'message', button: chosen, ...(await this.postAndRecord(message)) };
      }
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

  /** The next message the bot sent here; updates of earlier messages (a card closed in place) are passed over. */
  nextMessage(options: WaitOptions = {}): Promise<BotEvent> {
    return this.waitFor((event) => event.kind === 'send', options);
  }

  /**
   * The first event (after the cursor, unless includeSeen) that satisfies the predicate, waiting for it
   * if needed. Events skipped on the way count as seen. On timeout the error shows the transcript.
   */
  waitFor(predicate: (event: BotEvent) => boolean, options: WaitOptions = {}): Promise<BotEvent> {
    return this.transcriptLog.waitFor(predicate, options);
  }

  /** Everything said here: user activities, bot sends/updates/deletes and invoke responses, in order. */
  transcript(): TranscriptEntry[] {
    return this.transcriptLog.all();
  }

  /** The bot's events only. */
  botEvents(): BotEvent[] {
    return this.transcriptLog.botEvents();
  }

  transcriptText(): string {
    return this.transcriptLog.text();
  }

  private async postAndRecord(activity: Partial<Activity>): Promise<PostResult> {
    this.transcriptLog.addUserActivity(activity);
    return this.local.post(activity);
  }

  private async postInstallation(action: 'add' | 'remove', from: UserRef | undefined): Promise<PostResult[]> {
    const installation = this.eventActivity('installationUpdate', from);
    installation.action = action;
    const update = this.eventActivity('conversationUpdate', from);
    const bot = [{ id: this.local.bot.id, name: this.local.bot.name }];
    if (action === 'add') update.membersAdded = bot;
    else update.membersRemoved = bot;
    if (this.context.team) {
      update.channelData = { ...update.channelData, eventType: action === 'add' ? 'teamMemberAdded' : 'teamMemberRemoved' };
    }
    return [await this.postAndRecord(installation), await this.postAndRecord(update)];
  }

  private resolveCardActivity(target: BotEvent | RecordedActivity | Partial<Activity> | JsonObject): {
    activity: Partial<Activity>;
    conversationId: string;
  } {
    if (isRecordedActivity(target)) return { activity: target.activity, conversationId: target.conversationId };
    if (isJsonObject(target) && target['type'] === 'AdaptiveCard') {
      const owner = this.transcriptLog.cardOwner(target);
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
    return this.baseActivity(type, from, { conversationId: this.rosterId() });
  }

  private baseActivity(type: string, fromRef: UserRef | undefined, options: ActivityOptions): Partial<Activity> {
    const from = fromRef === undefined ? this.members()[0] : this.local.user(fromRef);
    if (!from) throw new Error(`The ${this.type} ${this.id} has no members`);
    const id = this.local.connector.nextMessageId();
    const conversationId = options.conversationId ?? this.conversationIdFor(type, id, options.threadId);
    const locale = options.locale ?? this.local.locale;
    const timezone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const now = new Date();
    const activity: Partial<Activity> = {
      type,
      id,
      timestamp: now,
      localTimestamp: now,
      localTimezone: timezone,
      serviceUrl: this.local.serviceUrl,
      channelId: 'msteams',
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      conversation: this.conversationAccount(conversationId),
      recipient: { id: this.local.bot.id, name: this.local.bot.name },
      locale,
      entities: [{ type: 'clientInfo', locale, country: locale.split('-')[1] ?? 'US', platform: 'Web', timezone }],
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

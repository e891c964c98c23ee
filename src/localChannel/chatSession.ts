import type { Activity } from 'botbuilder';
import { isDeepStrictEqual } from 'node:util';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCardsOf, renderActivity, renderAdaptiveCard } from './cardText.js';
import type { RecordedActivity } from './connector.js';
import { BotUnreachableError, type LocalChannel, type LocalConversation, type LocalUser } from './localChannel.js';

/**
 * The terminal chat's logic, apart from stdin/stdout so it can be tested: turns typed lines into messages,
 * slash commands and button presses, and bot activities into printed text. Cards get numbers (#1, #2…) in
 * the order they appear; `/N` presses button N of the last card shown.
 */

export type ChatMode = { kind: 'personal' } | { kind: 'group'; members: string[] } | { kind: 'channel'; team: string; channel: string };

export interface ChatSessionOptions {
  local: LocalChannel;
  mode: ChatMode;
  /** Who types (name, id or UPN); default the first user. */
  user?: string;
  /** Where text goes (a line at a time, no trailing newline). */
  print: (line: string) => void;
}

interface ShownCard {
  number: number;
  activityId: string;
  conversationId: string;
  /** What the person currently sees (an invoke response replaces the card for the clicker only). */
  activity: Partial<Activity>;
}

export const CHAT_HELP = [
  'Type a message and press Enter to send it to the bot.',
  '  /1, /2 …          press button 1, 2 … of the last card',
  '  /press <card#> <button#>   press a button of an earlier card',
  '  /as <user>        speak as another person (in a personal chat: switch to their chat)',
  '  /who              list the people in this tenant',
  '  /help             this help',
  '  /quit             leave',
].join('\n');

export class ChatSession {
  private conversation: LocalConversation;
  private sender: LocalUser;
  private readonly cards: ShownCard[] = [];
  private readonly installed = new Set<string>();
  private lastActivityAt = Date.now();
  private readonly quietWaiters = new Set<() => void>();
  private readonly listener = (recorded: RecordedActivity) => this.show(recorded);
  quitRequested = false;

  constructor(private readonly options: ChatSessionOptions) {
    const { local } = options;
    this.sender = options.user === undefined ? local.users()[0]! : local.user(options.user);
    this.conversation = this.openConversation(options.mode, this.sender);
    local.connector.on('activity', this.listener);
  }

  get currentConversation(): LocalConversation {
    return this.conversation;
  }

  get currentUser(): LocalUser {
    return this.sender;
  }

  /** Sends the install events for the current conversation (once per conversation). */
  async start(): Promise<void> {
    const where = describeConversation(this.conversation);
    this.options.print(`Connecting to ${this.options.local.botUrl} as ${this.sender.name} in ${where}. Type /help for commands.`);
    await this.ensureInstalled();
  }

  dispose(): void {
    this.options.local.connector.off('activity', this.listener);
  }

  /** Handles one typed line; errors from the bot are printed, not thrown, except an unreachable bot. */
  async handleLine(rawLine: string): Promise<void> {
    const line = rawLine.trim();
    if (line.length === 0) return;
    try {
      if (line.startsWith('/')) await this.command(line);
      else await this.conversation.send(line, { from: this.sender });
    } catch (error) {
      if (error instanceof BotUnreachableError) throw error;
      this.options.print(`! ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Resolves once no bot activity has arrived for `quietMs`, or after `maxMs` in all. */
  async settle(quietMs = 300, maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs;
    for (;;) {
      const remaining = Math.min(deadline - Date.now(), this.lastActivityAt + quietMs - Date.now());
      if (remaining <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, remaining);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.quietWaiters.add(done);
      });
      this.quietWaiters.clear();
    }
  }

  private async command(line: string): Promise<void> {
    const [name = '', ...args] = line.slice(1).split(/\s+/);
    if (/^\d+$/.test(name)) return this.press(this.cards.at(-1), Number(name));
    switch (name.toLowerCase()) {
      case 'press': {
        const [cardNumber, button] = args.map(Number);
        if (!Number.isInteger(cardNumber) || !Number.isInteger(button)) {
          this.options.print('! Usage: /press <card#> <button#>');
          return;
        }
        return this.press(this.cards.find((card) => card.number === cardNumber), button!, cardNumber);
      }
      case 'as':
        return this.switchUser(args.join(' '));
      case 'who':
        this.options.print(this.options.local.users().map((user) => `  ${user.name} <${user.userPrincipalName}>`).join('\n'));
        return;
      case 'help':
        this.options.print(CHAT_HELP);
        return;
      case 'quit':
      case 'exit':
        this.quitRequested = true;
        return;
      default:
        this.options.print(`! Unknown command /${name}. Type /help.`);
    }
  }

  private async press(card: ShownCard | undefined, button: number, cardNumber?: number): Promise<void> {
    if (!card) {
      this.options.print(cardNumber === undefined ? '! No card to press yet.' : `! There is no card #${cardNumber}.`);
      return;
    }
    const shown: RecordedActivity = {
      seq: 0,
      kind: 'send',
      activityId: card.activityId,
      conversationId: card.conversationId,
      activity: { ...card.activity, id: card.activityId },
      at: new Date(),
    };
    const result = await this.conversation.press(shown, button, { from: this.sender });
    switch (result.kind) {
      case 'invoke':
        if (result.card && !isDeepStrictEqual(result.card, adaptiveCardsOf(card.activity)[0])) {
          card.activity = { ...card.activity, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: result.card }] };
          this.printCard(`${this.botName()} (card #${card.number}, as you now see it)`, card, renderAdaptiveCard(result.card).text);
        } else if (result.message !== undefined) {
          this.options.print(`${this.botName()}: ${result.message}`);
        } else if (result.error !== undefined || result.status >= 400) {
          this.options.print(`! The bot rejected the action (HTTP ${result.status}): ${JSON.stringify(result.error ?? result.body ?? null)}`);
        }
        return;
      case 'openUrl':
        this.options.print(`(opens ${result.url})`);
        return;
      case 'showCard':
        this.options.print(`(shows more: its buttons are already numbered under "${result.button.title}")`);
        return;
      case 'message':
        return;
    }
  }

  private async switchUser(ref: string): Promise<void> {
    if (ref.length === 0) {
      this.options.print('! Usage: /as <user name>');
      return;
    }
    const user = this.options.local.user(ref);
    this.sender = user;
    if (this.conversation.type === 'personal') {
      this.conversation = this.options.local.personalChat(user);
      this.options.print(`Now ${user.name}, in their personal chat with the bot.`);
      await this.ensureInstalled();
    } else {
      this.options.print(`Now speaking as ${user.name}.`);
    }
  }

  private async ensureInstalled(): Promise<void> {
    if (this.installed.has(this.conversation.id)) return;
    this.installed.add(this.conversation.id);
    await this.conversation.install({ from: this.sender });
  }

  private openConversation(mode: ChatMode, user: LocalUser): LocalConversation {
    const { local } = this.options;
    switch (mode.kind) {
      case 'personal':
        return local.personalChat(user);
      case 'group': {
        const members = mode.members.length > 0 ? mode.members.map((member) => local.user(member)) : local.users();
        if (!members.some((member) => member.id === user.id)) members.unshift(user);
        return local.groupChat(members);
      }
      case 'channel':
        return local.channel(mode.team, mode.channel);
    }
  }

  private show(recorded: RecordedActivity): void {
    this.lastActivityAt = Date.now();
    for (const wake of this.quietWaiters) wake();
    if (recorded.activity.type === 'typing') return;
    const where = this.whereLabel(recorded.conversationId);
    const existing = this.cards.find((card) => card.activityId === recorded.activityId);
    if (recorded.kind === 'delete') {
      this.options.print(`${this.botName()}${where} deleted ${existing ? `card #${existing.number}` : 'a message'}.`);
      return;
    }
    const rendered = renderActivity(recorded.activity);
    if (rendered.buttons.length === 0 && !existing) {
      this.options.print(`${this.botName()}${where}: ${indentAfterFirst(rendered.text)}`);
      return;
    }
    const card = existing ?? this.addCard(recorded);
    card.activity = recorded.activity;
    const heading = recorded.kind === 'update' ? `${this.botName()}${where} updated card #${card.number}` : `${this.botName()}${where} [card #${card.number}]`;
    this.printCard(heading, card, rendered.text);
  }

  private addCard(recorded: RecordedActivity): ShownCard {
    const card: ShownCard = {
      number: this.cards.length + 1,
      activityId: recorded.activityId,
      conversationId: recorded.conversationId,
      activity: recorded.activity,
    };
    this.cards.push(card);
    return card;
  }

  private printCard(heading: string, card: ShownCard, text: string): void {
    // The most recently shown card goes last, because that is the one /N acts on.
    const index = this.cards.indexOf(card);
    if (index !== -1 && index !== this.cards.length - 1) {
      this.cards.splice(index, 1);
      this.cards.push(card);
    }
    this.options.print(`${heading}:\n${indent(text)}`);
  }

  private whereLabel(conversationId: string): string {
    const target = this.options.local.findConversation(conversationId);
    if (target === this.conversation) return '';
    if (target) return ` (in ${describeConversation(target)})`;
    return ` (in conversation ${conversationId})`;
  }

  private botName(): string {
    return this.options.local.bot.name;
  }
}

export function describeConversation(conversation: LocalConversation): string {
  switch (conversation.type) {
    case 'personal':
      return `a personal chat (${conversation.members()[0]?.name ?? '?'})`;
    case 'groupChat':
      return `a group chat with ${conversation.members().map((member) => member.name).join(', ')}`;
    case 'channel':
      return `channel ${conversation.team?.name ?? '?'} / ${conversation.channelInfo?.name ?? '?'}`;
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

function indentAfterFirst(text: string): string {
  return text.split('\n').join('\n  ');
}

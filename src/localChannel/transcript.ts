import { isDeepStrictEqual } from 'node:util';
import type { Activity } from 'botbuilder';
import { adaptiveCardsOf, renderActivity, type JsonObject } from './cardText.js';
import type { RecordedActivity } from './connector.js';

/**
 * What was said in one conversation, and event-driven waits over the bot's part of it. A cursor marks the bot
 * events already handed out, so `nextActivity` walks the conversation once.
 */

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

interface Waiter {
  matches: (event: BotEvent) => boolean;
  consume: boolean;
  resolve: (event: BotEvent) => void;
}

const DEFAULT_WAIT_MS = 5000;

export class Transcript {
  private readonly events: BotEvent[] = [];
  private readonly entries: TranscriptEntry[] = [];
  private readonly waiters = new Set<Waiter>();
  private cursor = 0;

  /** `where` names the conversation in timeout errors. */
  constructor(private readonly where: string) {}

  addUserActivity(activity: Partial<Activity>): void {
    this.entries.push({ from: 'user', activity, at: new Date() });
  }

  addInvokeResponse(status: number, body: unknown): void {
    this.entries.push({ from: 'invokeResponse', status, body, at: new Date() });
  }

  addBotActivity(recorded: RecordedActivity): void {
    const event: BotEvent = {
      ...recorded,
      text: typeof recorded.activity.text === 'string' ? recorded.activity.text : undefined,
      cards: adaptiveCardsOf(recorded.activity),
      rendered: recorded.kind === 'delete' ? '[deleted]' : renderActivity(recorded.activity).text,
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

  /**
   * The first event (after the cursor, unless includeSeen) that satisfies the predicate, waiting for it
   * if needed. Events skipped on the way count as seen. On timeout the error shows the transcript.
   */
  waitFor(predicate: (event: BotEvent) => boolean, options: WaitOptions = {}): Promise<BotEvent> {
    const matches = (event: BotEvent) =>
      (options.includeTyping === true || event.activity.type !== 'typing') && predicate(event);
    const consume = options.includeSeen !== true;
    for (let index = consume ? this.cursor : 0; index < this.events.length; index += 1) {
      const event = this.events[index]!;
      if (matches(event)) {
        if (consume) this.cursor = index + 1;
        return Promise.resolve(event);
      }
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<BotEvent>((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        consume,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for the bot in ${this.where}.\nTranscript:\n${this.text()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  all(): TranscriptEntry[] {
    return [...this.entries];
  }

  botEvents(): BotEvent[] {
    return [...this.events];
  }

  /** The latest bot event that carried this card (the same object, or an equal one). */
  cardOwner(card: JsonObject): BotEvent | undefined {
    return this.events.findLast((event) => event.cards.some((candidate) => candidate === card || isDeepStrictEqual(candidate, card)));
  }

  text(): string {
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
}

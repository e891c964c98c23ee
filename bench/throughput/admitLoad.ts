/**
 * Line 1's fourth sentence, run by the load process: pressing Admit on a lobby alert card, as Teams sends it (an
 * `adaptiveCard/action` invoke for the card's Action.Execute, replying to the card). Every press needs a card of
 * its own, so the users here are UCWA simulator bulk organizers, each watching a meeting of their own: before each
 * bot round one guest arrives in every meeting whose card was pressed, through the simulator's control API, and each
 * card's Admit action is read from the card the bot sent to the connector. One waiting person per meeting keeps the press what it is in
 * the common case (no "Admit all (N)" re-counts of other cards). The echo bot gets the same invoke for the Admit
 * button of a card it sent itself, and answers it as minimally (a card back, the card updated at the connector).
 * Rounds are bounded by time and by the cards in hand: each loop presses at most its own cards.
 */
import pLimit from 'p-limit';
import type { Activity } from 'botbuilder';
import { postToBot } from '../../src/localChannel/botEndpoint.js';
import { ADAPTIVE_CARD_ACTION_INVOKE, defaultInputs, executeAction, readInvokeResponse } from '../../src/localChannel/cardPress.js';
import type { JsonObject } from '../../src/localChannel/cardText.js';
import { baseConversationId } from '../../src/localChannel/ids.js';
import { renderActivity, type LocalChannel, type LocalUser, type RecordedActivity } from '../../src/localChannel/localChannel.js';
import type { AdmitOrganizer, RoundResult } from './ipc.js';
import { personalActivity } from './teamsActivity.js';

/** The verbs of the two targets' Admit buttons (src/cards/templates/lobby/alert.json; test/localChannel/echoBot.ts). */
const botAdmitVerb = 'lobby.admit';
const echoAdmitVerb = 'admit';
/** What the bot's card says once the press admitted the person (src/cards/lobby/alertCard.ts). */
const admittedMark = 'Admitted by';
const requestTimeoutMs = 15_000;
const cardsTimeoutMs = 30_000;
const setUpConcurrency = 8;
const maxFailuresKept = 5;

/** One organizer's personal chat with the bot, and which closed loop presses its cards. */
interface Desk {
  user: LocalUser;
  conversationId: string;
  meetingId: string;
  loop: number;
}

/** A card in hand: what pressing its Admit button sends. */
interface Card {
  desk: Desk;
  activityId: string;
  action: JsonObject;
}

export class AdmitLoad {
  private readonly desks: Desk[] = [];
  private readonly deskByConversation = new Map<string, Desk>();
  /** Guests placed in a lobby whose card has not reached the connector yet, by conversation. */
  private readonly awaited = new Map<string, string>();
  private readonly botCards: Card[][] = [];
  private readonly echoCards: Card[] = [];
  private guests = 0;

  constructor(
    private readonly channel: LocalChannel,
    private readonly targets: { bot: string; echo: string },
    private readonly ucwaOrigin: string,
    private readonly loops: number,
  ) {
    channel.connector.on('activity', (recorded: RecordedActivity) => this.onActivity(recorded));
  }

  /** Each organizer watches their meeting; each loop's first chat gets an echo card to press in echo rounds. */
  async prepare(organizers: AdmitOrganizer[]): Promise<string[]> {
    const limit = pLimit(setUpConcurrency);
    await Promise.all(organizers.map((organizer, index) => limit(() => this.watch(organizer, index % this.loops))));
    await Promise.all(this.firstDeskPerLoop().map((desk) => limit(() => this.askEchoForCard(desk))));
    const without = Array.from({ length: this.loops }, (_, loop) => loop).filter((loop) => !this.echoCards[loop]);
    if (without.length > 0) throw new Error(`${without.length} of ${this.loops} loops have no echo card to press`);
    return [`admit: ${this.desks.length} organizers watching a meeting each, ${Math.ceil(this.desks.length / this.loops)} cards per user and round`];
  }

  private firstDeskPerLoop(): Desk[] {
    const first = new Map<number, Desk>();
    for (const desk of this.desks) if (!first.has(desk.loop)) first.set(desk.loop, desk);
    return [...first.values()];
  }

  /**
   * One guest arrives in every watched meeting whose card was pressed (a card a round left unpressed stays in hand:
   * its guest still waits, and a second one there would make every press re-count the other card); resolves when
   * every new alert card is at the connector.
   */
  async refill(): Promise<{ cards: number; seconds: number }> {
    const started = performance.now();
    const inHand = new Set(this.botCards.flat().map((card) => card.desk));
    const limit = pLimit(setUpConcurrency);
    await Promise.all(this.desks.filter((desk) => !inHand.has(desk)).map((desk) => limit(() => this.arrive(desk))));
    while (this.awaited.size > 0 && performance.now() - started < cardsTimeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
    if (this.awaited.size > 0) throw new Error(`${this.awaited.size} lobby alert cards did not reach the connector within ${cardsTimeoutMs} ms`);
    return { cards: this.botCards.reduce((sum, cards) => sum + cards.length, 0), seconds: (performance.now() - started) / 1000 };
  }

  /** Every loop presses its cards one after the other until they run out or the time is up. */
  async round(target: 'bot' | 'echo', durationMs: number): Promise<RoundResult> {
    const latenciesMs: number[] = [];
    const failures: string[] = [];
    let errors = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    await Promise.all(
      Array.from({ length: this.loops }, async (_, loop) => {
        const cards = this.cardsFor(target, loop);
        for (let card = cards.shift(); card && performance.now() < deadline; card = cards.shift()) {
          const sent = performance.now();
          try {
            await this.press(target, card);
            latenciesMs.push(performance.now() - sent);
          } catch (error) {
            errors += 1;
            if (failures.length < maxFailuresKept) failures.push(error instanceof Error ? error.message : String(error));
          }
        }
      }),
    );
    return { replies: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, failures };
  }

  /** The bot's cards are used up by pressing; the echo's card is pressed as many times as the bot's loop has cards. */
  private cardsFor(target: 'bot' | 'echo', loop: number): Card[] {
    if (target === 'bot') return this.botCards[loop] ?? [];
    const perLoop = Math.ceil(this.desks.length / this.loops);
    const echo = this.echoCards[loop];
    return echo ? Array.from({ length: perLoop }, () => echo) : [];
  }

  /** The invoke Teams sends for an Action.Execute press; a failure is anything but 200 with the card it expects. */
  private async press(target: 'bot' | 'echo', card: Card): Promise<void> {
    const activity: Partial<Activity> = {
      ...personalActivity(this.channel, card.desk.user, card.desk.conversationId, 'invoke'),
      name: ADAPTIVE_CARD_ACTION_INVOKE,
      value: { action: card.action, trigger: 'manual' },
      replyToId: card.activityId,
    };
    const result = await postToBot(this.targets[target], activity, requestTimeoutMs);
    if (result.status !== 200) throw new Error(`invoke answered HTTP ${result.status}: ${JSON.stringify(result.body).slice(0, 200)}`);
    const answer = readInvokeResponse(result.body);
    if (!answer.card) throw new Error(`invoke answered without a card: ${answer.message ?? JSON.stringify(result.body).slice(0, 200)}`);
    if (target === 'bot' && !JSON.stringify(answer.card).includes(admittedMark)) throw new Error('the card that came back does not say the person was admitted');
  }

  private async watch(organizer: AdmitOrganizer, loop: number): Promise<void> {
    const user = this.channel.addUser({ name: organizer.name, userPrincipalName: organizer.upn, email: organizer.upn });
    const chat = this.channel.personalChat(user);
    try {
      await chat.install();
      const before = chat.botEvents().length;
      await chat.send(`watch my meeting ${organizer.subject}`);
      const answer = chat.botEvents().slice(before).map((event) => event.rendered).join(' / ');
      if (!/watching/i.test(answer)) throw new Error(`${organizer.upn} could not watch ${organizer.subject}: ${answer.slice(0, 200)}`);
      const desk = { user, conversationId: chat.id, meetingId: organizer.meetingId, loop };
      this.desks.push(desk);
      this.deskByConversation.set(chat.id, desk);
    } finally {
      chat.dispose();
    }
  }

  /** "card" makes the echo bot send its approval card (with an Admit Action.Execute) to this chat. */
  private async askEchoForCard(desk: Desk): Promise<void> {
    const message = { ...personalActivity(this.channel, desk.user, desk.conversationId, 'message'), text: 'card', textFormat: 'plain' };
    await postToBot(this.targets.echo, message, requestTimeoutMs);
  }

  private async arrive(desk: Desk): Promise<void> {
    const guest = `Guest ${process.pid.toString(36)}x${(this.guests += 1)}`;
    // Awaited before the call: the card can reach the connector before the control call answers.
    this.awaited.set(desk.conversationId, guest);
    const response = await fetch(`${this.ucwaOrigin}/_sim/meetings/${encodeURIComponent(desk.meetingId)}/lobby`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: guest, source: 'anonymous' }),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    if (response.status !== 201) throw new Error(`lobby arrival: HTTP ${response.status} ${await response.text()}`);
  }

  /** A card at the connector: an awaited guest's alert joins its loop's hand; an echo card becomes the loop's. */
  private onActivity(recorded: RecordedActivity): void {
    const desk = this.deskByConversation.get(baseConversationId(recorded.conversationId));
    if (!desk || recorded.kind !== 'send') return;
    const button = renderActivity(recorded.activity).buttons.find((candidate) => candidate.verb === botAdmitVerb || candidate.verb === echoAdmitVerb);
    if (!button) return;
    const card: Card = { desk, activityId: recorded.activityId, action: executeAction(button, defaultInputs(recorded.activity)) };
    if (button.verb === echoAdmitVerb) {
      this.echoCards[desk.loop] ??= card;
      return;
    }
    const guest = this.awaited.get(desk.conversationId);
    if (!guest || !JSON.stringify(recorded.activity).includes(guest)) return;
    this.awaited.delete(desk.conversationId);
    (this.botCards[desk.loop] ??= []).push(card);
  }
}

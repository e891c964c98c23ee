import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Dialog } from 'botbuilder-dialogs';
import type { CardJson } from '../cards/render.js';
import type { CapabilityName, Entities } from '../nlu/catalog.js';
import type { Language, Recognition } from '../nlu/recognition.js';
import type { TeamsUser } from './identity.js';

/** What every command dialog is started with (kept in dialog state, so it must stay plain data). */
export interface CommandOptions {
  recognition: Recognition;
  /** What the person typed (mention removed), in their own words and casing. */
  utterance: string;
  user: TeamsUser;
  language: Language;
  /** The person's IANA time zone as Teams reports it (`activity.localTimezone`), else UTC. */
  timeZone: string;
  /** Where the command was typed: alerts routed "here" need it. */
  conversation: { id: string; kind: 'personal' | 'groupChat' | 'channel' };
}

export interface CardActionRequest {
  context: TurnContext;
  verb: string;
  data: Record<string, unknown>;
  user: TeamsUser;
  language: Language;
  timeZone: string;
  /** The id of the message holding the card that was pressed. */
  cardActivityId?: string;
}

/** A card action answers with the card that replaces the pressed one, or with a short message. */
export type CardActionResult = { card: CardJson } | { message: string };

export interface CardActionHandler {
  /** Action.Execute verbs this handler serves, e.g. `lobby.admit`. */
  verbs: readonly string[];
  handle(request: CardActionRequest): Promise<CardActionResult>;
}

export type Existence = 'found' | 'missing';

export interface DependencyHealth {
  name: string;
  ok: boolean;
  detail?: string;
}

/**
 * A slice of the product (lobby alerts, UCWA meetings, Huawei meetings …). It brings one dialog per intent it
 * serves (the dialog id is the intent name), the card actions it answers, and how to tell whether its
 * service is reachable. The router needs nothing else to offer it to people.
 */
export interface Capability {
  name: CapabilityName;
  dialogs: Dialog[];
  cardActions?: CardActionHandler[];
  health?(): Promise<DependencyHealth>;
  /**
   * Looks at a command of any capability before it starts. Returns false when it answered instead and held the
   * command back (the lobby capability asks people to sign in first, then runs what they asked for).
   */
  gate?(context: TurnContext, options: CommandOptions): Promise<boolean>;
  /** Receives the runner for commands a gate held back, to call once they can go ahead. */
  onHeldCommandReady?(run: (options: CommandOptions) => Promise<void>): void;
  /**
   * Whether the thing a reading of one of its commands names exists for this person: 'found' or 'missing', or
   * undefined when the command is not one of its own or it cannot tell (no sign-in, the service did not answer).
   * The router asks it before a question of kind ("rename Launch …": the meeting or the contact group?), so that
   * the reading whose object the person has runs without a question.
   */
  locate?(user: TeamsUser, reading: { intent: string; entities: Entities }): Promise<Existence | undefined>;
  /** HTTP routes it serves (the sign-in page). */
  routes?(server: Server): void;
  /** Background work to stop on shutdown (event channels, timers). */
  stop?(): Promise<void>;
}

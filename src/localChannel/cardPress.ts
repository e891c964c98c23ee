import type { Activity } from 'botbuilder';
import type { PostResult } from './botEndpoint.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardInputs, adaptiveCardsOf, isJsonObject, type CardButton, type JsonObject } from './cardText.js';
import type { RecordedActivity } from './connector.js';

/**
 * What pressing a card button sends, as Teams does it: the button chosen by number or title, the card's input
 * values merged into the action's data, and the invoke response read back.
 */

export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

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

/**
 * The message a submit-style button sends: either text as if typed (with an optional value), or a card submit
 * that carries only a value and replies to the card.
 */
export type Submission = { typed: true; text: string; value?: unknown } | { typed: false; value: unknown };

export function isRecordedActivity(value: unknown): value is RecordedActivity {
  return isJsonObject(value) && typeof value['activityId'] === 'string' && isJsonObject(value['activity']) && typeof value['conversationId'] === 'string';
}

export function pickButton(buttons: CardButton[], wanted: number | string): CardButton {
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

/** The values a person who changes nothing would send: each input's default, over all cards of the activity. */
export function defaultInputs(activity: Partial<Activity>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const card of adaptiveCardsOf(activity)) {
    for (const input of cardInputs(card)) if (input.value !== undefined) values[input.id] = input.value;
  }
  return values;
}

/** As Teams does, input values are merged into the action's object data. */
export function mergeData(data: unknown, inputs: Record<string, string>): unknown {
  if (data === undefined) return { ...inputs };
  if (isJsonObject(data)) return { ...data, ...inputs };
  return data;
}

/** The `action` of an `adaptiveCard/action` invoke for an Action.Execute button. */
export function executeAction(button: CardButton, inputs: Record<string, string>): JsonObject {
  const action: JsonObject = { type: 'Action.Execute', verb: button.verb ?? '', data: mergeData(button.data, inputs) };
  if (button.id !== undefined) action['id'] = button.id;
  return action;
}

/** Action.Submit and Bot Framework card actions (imBack, messageBack, postBack). */
export function submissionOf(button: CardButton, inputs: Record<string, string>): Submission {
  if (button.type !== 'Action.Submit') {
    return {
      typed: true,
      text: typeof button.data === 'string' ? button.data : button.title,
      value: button.type === 'imBack' ? undefined : button.data,
    };
  }
  const teamsAction = isJsonObject(button.data) && isJsonObject(button.data['msteams']) ? button.data['msteams'] : undefined;
  // Teams turns msteams.imBack/messageBack submits into ordinary typed messages.
  if (teamsAction?.['type'] === 'imBack') return { typed: true, text: String(teamsAction['value'] ?? '') };
  if (teamsAction?.['type'] === 'messageBack') {
    return { typed: true, text: String(teamsAction['text'] ?? ''), value: teamsAction['value'] };
  }
  if (typeof button.data === 'string') return { typed: true, text: button.data };
  return { typed: false, value: mergeData(button.data, inputs) };
}

export function readInvokeResponse(body: unknown): Pick<InvokeResult, 'card' | 'message' | 'error'> {
  if (!isJsonObject(body)) return {};
  const type = body['type'];
  const value = body['value'];
  if (type === ADAPTIVE_CARD_CONTENT_TYPE && isJsonObject(value)) return { card: value };
  if (type === 'application/vnd.microsoft.activity.message' && typeof value === 'string') return { message: value };
  if (type === 'application/vnd.microsoft.error') return { error: value };
  return {};
}

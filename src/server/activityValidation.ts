import { isHttpUrl } from '../http/urls.js';

/**
 * The minimum an activity needs before the adapter sees it. CloudAdapter answers a missing `type` with a 500
 * and its own error text; checking here gives the caller a 400 and a plain reason instead.
 */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON object (a Bot Framework activity).';
  const activity = body as Record<string, unknown>;
  if (!nonEmptyString(activity.type)) return 'The activity has no "type".';
  if (!isObject(activity.conversation) || !nonEmptyString(activity.conversation.id)) return 'The activity has no "conversation.id".';
  if (!nonEmptyString(activity.serviceUrl)) return 'The activity has no "serviceUrl".';
  if (!isHttpUrl(activity.serviceUrl)) return 'The activity\'s "serviceUrl" is not an http(s) URL.';
  if (!isObject(activity.from) || !nonEmptyString(activity.from.id)) return 'The activity has no "from" (with an id).';
  if (activity.text !== undefined && typeof activity.text !== 'string') return 'The activity\'s "text" must be a string.';
  return undefined;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { z } from 'zod';
import { isHttpUrl } from '../http/urls.js';

/**
 * The shape of an inbound Bot Framework activity, checked once at the HTTP boundary so bot code can trust the
 * types it reads (a number where a string belongs used to surface as a 500 deep inside a turn). Only fields the
 * bot reads are typed; everything else passes through untouched for botbuilder.
 */

/** Teams refuses messages over about 28 KB; no person can send a longer text, so a longer one is not from Teams. */
export const maxTextLength = 28_000;
/** Far beyond any real roster change; bounds the work one conversationUpdate can cause. */
const maxMembersPerUpdate = 1_000;
const maxIdLength = 1_024;

function boundedText(maxLength: number) {
  return z.string().max(maxLength, `must be at most ${maxLength} characters`);
}

const id = boundedText(maxIdLength).refine((value) => value.trim() !== '', 'must not be empty');
const optionalId = boundedText(maxIdLength).optional();
/** Display names are free text and may be null in Bot Framework JSON. */
const displayName = boundedText(maxIdLength).nullish();

const channelAccount = z
  .object({ id, name: displayName, aadObjectId: optionalId, role: optionalId })
  .passthrough();

const conversationAccount = z
  .object({ id, name: displayName, conversationType: optionalId, tenantId: optionalId, isGroup: z.boolean().optional() })
  .passthrough();

const members = z.array(channelAccount).max(maxMembersPerUpdate, `must list at most ${maxMembersPerUpdate} members`).optional();

const entity = z.object({ type: z.string() }).passthrough();
const attachment = z.object({ contentType: z.string() }).passthrough();

const channelData = z
  .object({ tenant: z.object({ id: optionalId }).passthrough().optional() })
  .passthrough();

export const inboundActivitySchema = z
  .object({
    type: id,
    id: optionalId,
    channelId: id,
    serviceUrl: z.string().refine(isHttpUrl, 'must be an absolute http(s) URL'),
    from: channelAccount,
    recipient: channelAccount,
    conversation: conversationAccount,
    locale: boundedText(64).optional(),
    localTimezone: boundedText(128).optional(),
    timestamp: boundedText(64).optional(),
    localTimestamp: boundedText(64).optional(),
    text: boundedText(maxTextLength).optional(),
    textFormat: boundedText(64).optional(),
    replyToId: optionalId,
    name: boundedText(256).optional(),
    action: boundedText(64).optional(),
    membersAdded: members,
    membersRemoved: members,
    entities: z.array(entity).max(100, 'must list at most 100 entities').optional(),
    attachments: z.array(attachment).max(100, 'must list at most 100 attachments').optional(),
    channelData: channelData.optional(),
  })
  .passthrough();

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

/**
 * Invokes the bot answers. botbuilder answers any other invoke name, and an Adaptive Card action whose value is
 * not an Action.Execute, with 501 or a TypeError deep in a turn; such requests are the caller's mistake, so they get
 * a 400 here instead.
 */
export const cardActionInvoke = z.object({
  name: z.literal('adaptiveCard/action'),
  value: z
    .object({
      action: z
        .object({
          type: z.literal('Action.Execute'),
          verb: boundedText(128),
          data: z.record(z.unknown()).optional(),
        })
        .passthrough(),
    })
    .passthrough(),
});
const supportedInvokeNames: readonly string[] = ['adaptiveCard/action'];

/** botbuilder's Teams handler reads `channelData.eventType` of these without checking that channelData exists. */
const teamsEventTypes: readonly string[] = ['messageUpdate', 'messageDelete'];

export type ActivityCheck = { ok: true; activity: InboundActivity } | { ok: false; problem: string };

/** Parses an untrusted body; the problem names the first bad field in words a developer can act on. */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problem: 'The body must be a JSON object (a Bot Framework activity).' };
  }
  let activity: InboundActivity;
  if (plainlyValid(body)) activity = body;
  else {
    const parsed = inboundActivitySchema.safeParse(body);
    if (!parsed.success) return { ok: false, problem: describe(parsed.error.issues[0]!) };
    activity = parsed.data;
  }
  if (activity.channelId === 'msteams' && teamsEventTypes.includes(activity.type) && !activity.channelData) {
    return { ok: false, problem: `A Teams ${activity.type} activity has no "channelData".` };
  }
  if (activity.type === 'invoke') {
    const invokeProblem = checkInvoke(body);
    if (invokeProblem) return { ok: false, problem: invokeProblem };
  }
  // The caller keeps the original object: zod's copy would re-create "__proto__" keys as real prototypes.
  return { ok: true, activity: body as InboundActivity };
}

function checkInvoke(body: object): string | undefined {
  const name = (body as { name?: unknown }).name;
  if (typeof name !== 'string' || !supportedInvokeNames.includes(name)) {
    return `The bot does not handle invoke "${typeof name === 'string' ? name.slice(0, 64) : ''}"; it handles ${supportedInvokeNames.join(', ')}.`;
  }
  if (plainCardAction(body)) return undefined;
  const parsed = cardActionInvoke.safeParse(body);
  return parsed.success ? undefined : describe(parsed.error.issues[0]!);
}

/**
 * `cardActionInvoke`'s rules by hand for the card actions that pass them, as plainlyValid is for the activity: zod's
 * parse of every press (a copy of the value, issue bookkeeping) was ~3 % of the Admit press's CPU in the line-1 bench.
 * It says yes only where the schema would; anything else goes through the schema, which words the problem.
 */
export function plainCardAction(body: object): boolean {
  const invoke = body as Record<string, unknown>;
  if (invoke['name'] !== 'adaptiveCard/action' || !isPlainObject(invoke['value'])) return false;
  const action = invoke['value']['action'];
  return (
    isPlainObject(action) &&
    action['type'] === 'Action.Execute' &&
    isText(action['verb'], 128) &&
    (action['data'] === undefined || isPlainObject(action['data']))
  );
}

function describe(issue: z.ZodIssue): string {
  const field = issue.path.join('.');
  if (issue.code === 'invalid_type') {
    return issue.received === 'undefined' ? `The activity has no "${field}".` : `The activity's "${field}" must be ${article(issue.expected)}, not ${article(issue.received)}.`;
  }
  return `The activity's "${field}" ${issue.message}.`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * The schema's rules written out by hand for the activities that pass them, which is every activity Teams sends:
 * zod's parse (a copy of the whole activity, issue bookkeeping) was ~3 % of a command's CPU. It says yes only where
 * the schema would; anything else, unusual shapes included, goes through the schema, which words the problem.
 */
export function plainlyValid(body: object): body is InboundActivity {
  const activity = body as Record<string, unknown>;
  return (
    isPlainObject(activity) &&
    isId(activity['type']) &&
    isOptionalText(activity['id'], maxIdLength) &&
    isId(activity['channelId']) &&
    typeof activity['serviceUrl'] === 'string' &&
    isHttpUrl(activity['serviceUrl']) &&
    isChannelAccount(activity['from']) &&
    isChannelAccount(activity['recipient']) &&
    isConversationAccount(activity['conversation']) &&
    isOptionalText(activity['locale'], 64) &&
    isOptionalText(activity['localTimezone'], 128) &&
    isOptionalText(activity['timestamp'], 64) &&
    isOptionalText(activity['localTimestamp'], 64) &&
    isOptionalText(activity['text'], maxTextLength) &&
    isOptionalText(activity['textFormat'], 64) &&
    isOptionalText(activity['replyToId'], maxIdLength) &&
    isOptionalText(activity['name'], 256) &&
    isOptionalText(activity['action'], 64) &&
    isOptionalList(activity['membersAdded'], maxMembersPerUpdate, isChannelAccount) &&
    isOptionalList(activity['membersRemoved'], maxMembersPerUpdate, isChannelAccount) &&
    isOptionalList(activity['entities'], 100, (item) => isPlainObject(item) && typeof item['type'] === 'string') &&
    isOptionalList(activity['attachments'], 100, (item) => isPlainObject(item) && typeof item['contentType'] === 'string') &&
    (activity['channelData'] === undefined || isChannelData(activity['channelData']))
  );
}

/** An object as JSON.parse makes it; anything else (arrays, class instances) is left to the schema. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const isText = (value: unknown, maxLength: number): value is string => typeof value === 'string' && value.length <= maxLength;
const isOptionalText = (value: unknown, maxLength: number) => value === undefined || isText(value, maxLength);
const isId = (value: unknown) => isText(value, maxIdLength) && value.trim() !== '';

/** What a channel account and a conversation account share: an id, and a name that may be null. */
function isAccount(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && isId(value['id']) && (value['name'] === null || isOptionalText(value['name'], maxIdLength));
}

function isChannelAccount(value: unknown): boolean {
  return isAccount(value) && isOptionalText(value['aadObjectId'], maxIdLength) && isOptionalText(value['role'], maxIdLength);
}

function isConversationAccount(value: unknown): boolean {
  return (
    isAccount(value) &&
    isOptionalText(value['conversationType'], maxIdLength) &&
    isOptionalText(value['tenantId'], maxIdLength) &&
    (value['isGroup'] === undefined || typeof value['isGroup'] === 'boolean')
  );
}

function isChannelData(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const tenant = value['tenant'];
  return tenant === undefined || (isPlainObject(tenant) && isOptionalText(tenant['id'], maxIdLength));
}

function isOptionalList(value: unknown, maxLength: number, isItem: (item: Record<string, unknown>) => boolean): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > maxLength) return false;
  // Indexed, not every(): a hole counts as an item (undefined), as it does for the schema.
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isPlainObject(item) || !isItem(item)) return false;
  }
  return true;
}

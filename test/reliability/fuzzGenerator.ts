import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { assertLoopbackUrl, assertOnlyLoopbackUrlsIn } from './loopback.js';
import { mixSeed, Rng } from './prng.js';

/**
 * Hostile and malformed Bot Framework requests for POST /api/messages. Every case is a pure function of the run's
 * seed and the case number (`generateCase(world, seed, index)`), so a failure is replayed from the two numbers
 * printed with it. Activities start Teams-shaped (the local channel's shape) so the bot gets past the first checks,
 * then fields get wrong types, go missing, or carry words and keys that meet lookup tables; the request itself may be
 * compressed, mislabelled, truncated or nested absurdly deep.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface FuzzWorld {
  /** The local Bot Connector every generated activity names as `serviceUrl` (must be loopback). */
  serviceUrl: string;
  bot: { id: string; name: string };
  tenantId: string;
  users: Array<{ id: string; name: string; aadObjectId: string }>;
  conversations: Array<{ id: string; conversationType: 'personal' | 'groupChat' | 'channel'; team?: { id: string; name: string } }>;
}

export interface FuzzCase {
  runSeed: number;
  index: number;
  /** What kind of activity and request this is, e.g. `message/hostile-word+gzip-invalid`. */
  family: string;
  mutations: string[];
  headers: Record<string, string>;
  body: Buffer;
  /** The start of the (uncompressed) body, for printing. */
  preview: string;
}

type ActivityFamily = 'message' | 'message/hostile-word' | 'message/huge-text' | 'invoke/forged-card' | 'message/forged-submit' | 'conversationUpdate/odd' | 'installationUpdate' | 'messageReaction' | 'unknown-type';
type Encoding =
  | 'json'
  | 'content-type/wrong'
  | 'json/invalid'
  | 'json/deep'
  | 'unicode/escaped-surrogates'
  | 'unicode/invalid-utf8'
  | 'gzip/valid'
  | 'gzip/invalid'
  | 'deflate/valid'
  | 'deflate/invalid'
  | 'br/valid'
  | 'br/invalid'
  | 'encoding/unknown'
  | 'gzip/bomb'
  | 'body/oversize';

const activityFamilies: ReadonlyArray<readonly [number, ActivityFamily]> = [
  [26, 'message'],
  [14, 'message/hostile-word'],
  [1, 'message/huge-text'],
  [12, 'invoke/forged-card'],
  [7, 'message/forged-submit'],
  [10, 'conversationUpdate/odd'],
  [4, 'installationUpdate'],
  [6, 'messageReaction'],
  [6, 'unknown-type'],
];

const encodings: ReadonlyArray<readonly [number, Encoding]> = [
  [62, 'json'],
  [5, 'content-type/wrong'],
  [5, 'json/invalid'],
  [3, 'json/deep'],
  [4, 'unicode/escaped-surrogates'],
  [3, 'unicode/invalid-utf8'],
  [3, 'gzip/valid'],
  [3, 'gzip/invalid'],
  [2, 'deflate/valid'],
  [2, 'deflate/invalid'],
  [2, 'br/valid'],
  [2, 'br/invalid'],
  [2, 'encoding/unknown'],
  [0.2, 'gzip/bomb'],
  [1, 'body/oversize'],
];

/** How many leading cases walk every family and encoding once, so even a short run covers them all. */
export const coverageCases = Math.max(activityFamilies.length, encodings.length);

const ordinaryTexts = [
  'help',
  "who's in the lobby",
  'admit Bob',
  'reject Dave',
  'my meetings',
  'list ongoing meetings',
  'list meetings about budget',
  'details of meeting 914083136',
  'watch my meeting Budget review',
  'create a meeting called Budget sync at 3pm',
  'my groups',
  '谁在大厅',
  '列出正在进行的会议',
  'explain admit bob',
  'thanks',
  'hello',
  'yes',
  'no',
  'cancel',
  '1',
];

const hostileTexts = [
  'admit constructor',
  'reject constructor',
  'list meetings about constructor',
  'list ongoing meetings about __proto__',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'watch my meeting constructor',
  'watch my meeting __proto__',
  'details of meeting constructor',
  'details of meeting toString',
  'stop watching presence of constructor',
  'watch presence of hasOwnProperty',
  'admit hasOwnProperty',
  'admit all in __proto__',
  'explain constructor',
  'create a meeting called constructor at 3pm',
  'create a meeting called __proto__ at toString',
  '<at>Meeting Ops</at> admit constructor',
  '<at>__proto__</at> help',
  '[Verify your account](http://127.0.0.1:1/) admit',
  '**bold** _it_ `code` <script>alert(1)</script>',
  '${jndi:ldap}',
  '{{constructor.constructor}}',
  '%s%s%s%n',
  '\u0000\u0001\u0002',
  '\u202eevil\u202c admit bob',
  'a\u0301\u0302\u0303\u0304\u0305 admit',
  '\u200b\u200b\u200b',
  '🙂🙂🙂 admit 👩‍👩‍👧‍👦',
  '\ud800 admit bob',
  'admit \udfff',
  '   ',
  '',
];

const cardVerbs = [
  'lobby.admit',
  'lobby.reject',
  'lobby.admitAll',
  'lobby.who',
  'ucwa.meetings.details',
  'ucwa.groups.members',
  'ucwa.choices',
  'ucwa.meetingInput',
  'ucwa.subject',
  'ucwa.target',
  'huawei.admitWaiting',
  'huawei.details',
  'huawei.end',
  'huawei.lock',
  'huawei.mute',
  'huawei.ongoing',
  'huawei.participants',
  'huawei.scheduled',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '',
  'lobby.',
  'x'.repeat(300),
];

const invokeNames = ['adaptiveCard/action', 'task/fetch', 'task/submit', 'composeExtension/query', 'signin/verifyState', 'signin/tokenExchange', 'actionableMessage/executeAction', 'fileConsent/invoke', 'config/fetch', 'constructor', '__proto__', ''];

const otherTypes = ['typing', 'event', 'endOfConversation', 'messageUpdate', 'messageDelete', 'invokeResponse', 'trace', 'handoff', 'suggestion', 'command', 'commandResult', 'contactRelationUpdate', 'deleteUserData', 'x-fuzz', 'constructor', '__proto__', 'toString', 'MESSAGE', ' message'];

const teamsEventTypes = ['teamMemberAdded', 'teamMemberRemoved', 'teamRenamed', 'teamDeleted', 'teamArchived', 'channelCreated', 'channelDeleted', 'channelRenamed', 'constructor', '__proto__', ''];

const wrongContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json, text/plain',
  '',
  'json',
  '*/*',
];

const fieldPaths = [
  'type',
  'channelId',
  'locale',
  'membersAdded',
  'membersRemoved',
  'from',
  'from.id',
  'from.name',
  'from.aadObjectId',
  'from.role',
  'recipient',
  'recipient.id',
  'recipient.name',
  'conversation',
  'conversation.id',
  'conversation.tenantId',
  'conversation.conversationType',
  'conversation.isGroup',
  'conversation.name',
  'entities',
  'entities.0',
  'entities.0.mentioned',
  'value',
  'value.action',
  'value.action.data',
  'attachments',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'channelData.team',
  'channelData.channel',
  'channelData.eventType',
  'text',
  'textFormat',
  'id',
  'timestamp',
  'localTimestamp',
  'localTimezone',
  'replyToId',
  'name',
  'action',
  'reactionsAdded',
  'reactionsRemoved',
  'serviceUrl',
  '__proto__',
  'constructor',
];

/** Values that must never be reachable through `serviceUrl` (no strings: only loopback strings are allowed there). */
const unreachableServiceUrls: Json[] = [null, 0, -1, true, false, [], {}, [null]];

function prototypeKeys(): JsonObject {
  // JSON.parse creates an own "__proto__" property, as a body on the wire does; an object literal would not.
  return JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}}}') as JsonObject;
}

function nested(depth: number, leaf: Json): Json {
  let value: Json = leaf;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

function hostileValue(rng: Rng, world: FuzzWorld): Json {
  switch (rng.int(0, 29)) {
    case 0:
      return null;
    case 1:
      return rng.pick([true, false]);
    case 2:
      return rng.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1]);
    case 3:
      return rng.pick(['', ' ', '\u0000', '\n\t']);
    case 4:
      return rng.pick(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf']);
    case 5:
      return [];
    case 6:
      return {};
    case 7:
      return [null, 1, 'a', {}];
    case 8:
      return prototypeKeys();
    case 9:
      return 'x'.repeat(rng.pick([300, 5_000, 30_000]));
    case 10:
      return rng.pick(['\ud800', '\udfff', 'a\ud83d', '\udc00b', '\ud800\ud800']);
    case 11:
      return nested(rng.pick([10, 60, 400]), 'deep');
    case 12:
      return Array.from({ length: rng.pick([100, 2_000]) }, (_, n) => n);
    case 13:
      return { id: rng.pick<Json>([{}, 123, null, [], 'constructor']) };
    case 14:
      return { id: rng.pick(world.users).id, name: rng.pick<Json>([null, 42, {}, ['Bob'], 'x'.repeat(10_000)]) };
    case 15:
      return rng.pick(['<at>Meeting Ops</at>', '[Verify your account](http://127.0.0.1:9/)', '<script>alert(1)</script>', '](javascript:alert(1))']);
    case 16:
      return rng.pick(['en-US', 'zh-CN', 'xx', 'en_US', 'zh-Hans-CN-u-nu-hanidec', 'constructor', '-', '😀']);
    case 17:
      return rng.pick(['msteams', 'emulator', 'webchat', 'directline', 'MSTEAMS', 'constructor', '__proto__', 'x'.repeat(2_000)]);
    case 18:
      return rng.pick(['2024-02-30T25:61:61Z', 'yesterday', '', '0', '275760-09-13T00:00:00.001Z']);
    case 19:
      return [{ type: 'mention' }, { type: 'mention', mentioned: null, text: 42 }, { type: 'clientInfo', locale: {} }, null, 'x'];
    case 20:
      return [{ contentType: 'application/vnd.microsoft.card.adaptive', content: null }, { contentType: 42 }, null, { contentType: 'text/html', contentUrl: 'http://127.0.0.1:9/x', content: prototypeKeys() }];
    case 21:
      return { tenant: rng.pick<Json>([null, 'x', { id: 42 }, { id: world.tenantId }, {}]), eventType: rng.pick(teamsEventTypes) };
    case 22:
      return rng.pick(world.users).id;
    case 23:
      return rng.pick(world.conversations).id;
    case 24:
      return { id: rng.pick(world.conversations).id, conversationType: rng.pick<Json>(['personal', 'channel', 'groupChat', 'constructor', 42]), tenantId: rng.pick<Json>([world.tenantId, null, 7]) };
    case 25:
      return { action: { type: 'Action.Execute', verb: rng.pick(cardVerbs), data: rng.pick<Json>([{ alertId: 'bogus' }, {}, null, prototypeKeys()]) } };
    case 26:
      return rng.pick([-0, 0.1, Number.MAX_SAFE_INTEGER]);
    case 27:
      return { type: 'mention', text: '<at>Meeting Ops</at>', mentioned: { id: world.bot.id, name: world.bot.name } };
    case 28:
      return rng.pick(['yes', 'no', '1', 'admit', 'cancel']);
    default:
      return rng.pick([[world.bot], [{}], [null], ['string'], 'not-an-array', 42, { id: world.bot.id }]) as Json;
  }
}

/** A Teams-shaped activity from one of the world's people in one of its conversations. */
function baseActivity(rng: Rng, world: FuzzWorld, type: string): JsonObject {
  const conversation = rng.pick(world.conversations);
  const from = rng.pick(world.users);
  const locale = rng.pick(['en-US', 'en-US', 'zh-CN', 'en-GB']);
  const channelData: JsonObject = { tenant: { id: world.tenantId } };
  if (conversation.team) {
    channelData['team'] = { id: conversation.team.id, name: conversation.team.name };
    channelData['channel'] = { id: conversation.id, name: 'General' };
  }
  const account: JsonObject = { id: conversation.id, conversationType: conversation.conversationType, tenantId: world.tenantId };
  if (conversation.conversationType !== 'personal') account['isGroup'] = true;
  return {
    type,
    id: String(1_700_000_000_000 + rng.int(0, 1e9)),
    timestamp: new Date(1_700_000_000_000 + rng.int(0, 1e9)).toISOString(),
    serviceUrl: world.serviceUrl,
    channelId: 'msteams',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    conversation: account,
    recipient: { id: world.bot.id, name: world.bot.name },
    locale,
    entities: [{ type: 'clientInfo', locale, country: 'US', platform: 'Web', timezone: 'Europe/Paris' }],
    channelData,
  };
}

function withMention(activity: JsonObject, world: FuzzWorld, text: string): string {
  const conversation = activity['conversation'] as JsonObject;
  if (conversation['conversationType'] === 'personal') return text;
  const mention = `<at>${world.bot.name}</at>`;
  (activity['entities'] as Json[]).push({ type: 'mention', text: mention, mentioned: { id: world.bot.id, name: world.bot.name } });
  return `${mention} ${text}`;
}

function hugeText(rng: Rng): string {
  const length = 100_000;
  switch (rng.int(0, 3)) {
    case 0:
      return `create a meeting called ${'a'.repeat(length)}`;
    case 1:
      return `admit ${'Bob '.repeat(length / 4)}`;
    case 2:
      return Array.from({ length: length / 8 }, () => rng.pick(['list ', 'meeting', 'about ', 'admit ', '3pm ', 'budget '])).join('');
    default:
      return `${'谁'.repeat(length / 2)}在大厅`;
  }
}

function cardSubmissionValue(rng: Rng): Json {
  const data = rng.pick<Json>([
    { alertId: 'bogus' },
    { alertId: `alert-${rng.int(0, 1e6)}` },
    { alertId: '__proto__' },
    { alertId: 'constructor' },
    { alertId: 42 },
    { alertId: {} },
    { alertId: 'x'.repeat(5_000) },
    { meetingId: 'constructor' },
    { meetingId: '914083136' },
    { groupId: '__proto__' },
    { conferenceId: 'bogus', confirm: true },
    { confirm: true },
    {},
    null,
    'string-data',
    prototypeKeys(),
  ]);
  return { action: { type: rng.pick(['Action.Execute', 'Action.Submit', 'constructor']), verb: rng.pick(cardVerbs), data }, trigger: rng.pick(['manual', 'automatic', 42]) } as JsonObject;
}

function buildActivity(rng: Rng, world: FuzzWorld, family: ActivityFamily): JsonObject {
  switch (family) {
    case 'message':
    case 'message/hostile-word':
    case 'message/huge-text': {
      const activity = baseActivity(rng, world, 'message');
      const text = family === 'message' ? rng.pick(ordinaryTexts) : family === 'message/hostile-word' ? rng.pick(hostileTexts) : hugeText(rng);
      activity['text'] = withMention(activity, world, text);
      activity['textFormat'] = 'plain';
      return activity;
    }
    case 'invoke/forged-card': {
      const activity = baseActivity(rng, world, 'invoke');
      activity['name'] = rng.chance(0.7) ? 'adaptiveCard/action' : rng.pick(invokeNames);
      activity['value'] = rng.chance(0.85) ? cardSubmissionValue(rng) : hostileValue(rng, world);
      if (rng.chance(0.5)) activity['replyToId'] = rng.pick(['1', '1700000000000', 'constructor', String(rng.int(0, 1e12))]);
      return activity;
    }
    case 'message/forged-submit': {
      const activity = baseActivity(rng, world, 'message');
      activity['value'] = rng.pick<Json>([
        { action: 'admit', alertId: 'bogus' },
        { verb: 'lobby.admit', data: { alertId: 'bogus' } },
        { verb: rng.pick(cardVerbs), alertId: '__proto__' },
        { confirm: true },
        { confirm: 'yes', promptId: 'constructor' },
        { msteams: { type: 'messageBack', text: 'admit constructor' } },
        prototypeKeys(),
        cardSubmissionValue(rng),
        [1, 2, 3],
        'admit bob',
        42,
      ]);
      if (rng.chance(0.5)) activity['replyToId'] = String(rng.int(0, 1e12));
      return activity;
    }
    case 'conversationUpdate/odd': {
      const activity = baseActivity(rng, world, 'conversationUpdate');
      const member = (): Json => rng.pick<Json>([world.bot, rng.pick(world.users), { id: 'constructor', name: '__proto__' }, { id: 42 }, {}, null, 'x']);
      const members = (): Json =>
        rng.pick<Json>([
          [world.bot],
          [rng.pick(world.users)],
          [member(), member()],
          Array.from({ length: rng.pick([500, 2_500]) }, (_, n) => ({ id: `29:fuzz-${n}`, name: `Member ${n}` })),
          'not-an-array',
          { id: world.bot.id },
          42,
          null,
          [],
        ]);
      if (rng.chance(0.7)) activity['membersAdded'] = members();
      if (rng.chance(0.5)) activity['membersRemoved'] = members();
      if (rng.chance(0.4)) (activity['channelData'] as JsonObject)['eventType'] = rng.pick(teamsEventTypes);
      return activity;
    }
    case 'installationUpdate': {
      const activity = baseActivity(rng, world, 'installationUpdate');
      activity['action'] = rng.pick<Json>(['add', 'remove', 'add-upgrade', 'remove-upgrade', 'constructor', 42, null, '']);
      return activity;
    }
    case 'messageReaction': {
      const activity = baseActivity(rng, world, 'messageReaction');
      const reactions = (): Json => rng.pick<Json>([[{ type: 'like' }], [{ type: 'heart' }, { type: 'laugh' }], [{ type: 42 }], [null], 'like', {}, []]);
      if (rng.chance(0.7)) activity['reactionsAdded'] = reactions();
      if (rng.chance(0.5)) activity['reactionsRemoved'] = reactions();
      activity['replyToId'] = rng.pick<Json>([String(rng.int(0, 1e12)), 'constructor', 42, null]);
      return activity;
    }
    case 'unknown-type': {
      const activity = baseActivity(rng, world, rng.pick(otherTypes));
      if (activity['type'] === 'event') activity['name'] = rng.pick(['application/vnd.microsoft.meetingStart', 'application/vnd.microsoft.meetingEnd', 'application/vnd.microsoft.readReceipt', 'constructor']);
      if (rng.chance(0.5)) activity['value'] = hostileValue(rng, world);
      if (rng.chance(0.3)) activity['text'] = rng.pick(hostileTexts);
      return activity;
    }
  }
}

/** Sets (or deletes) a dotted path as an own property, creating objects on the way; `__proto__` becomes a real key. */
function mutate(activity: JsonObject, path: string, value: Json | undefined): void {
  const keys = path.split('.');
  let target: JsonObject = activity;
  for (const key of keys.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    if (typeof next !== 'object' || next === null) {
      const created: JsonObject = {};
      Object.defineProperty(target, key, { value: created, enumerable: true, writable: true, configurable: true });
      target = created;
    } else {
      target = next as JsonObject;
    }
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
}

function applyMutations(rng: Rng, world: FuzzWorld, activity: JsonObject): string[] {
  const count = rng.weighted<number>([
    [4, 0],
    [4, 1],
    [2, 2],
    [1, 3],
  ]);
  const applied: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const path = rng.pick(fieldPaths);
    if (rng.chance(0.25)) {
      mutate(activity, path, undefined);
      applied.push(`-${path}`);
      continue;
    }
    let value = path === 'serviceUrl' ? serviceUrlVariant(rng, world) : hostileValue(rng, world);
    // A conversation id the connector does not know makes every reply fail there: that tests the connector, not the
    // bot. Such ids come from the world (registered with the connector) or are not strings at all.
    if (path === 'conversation.id' && typeof value === 'string') value = rng.pick(world.conversations).id;
    mutate(activity, path, value);
    applied.push(`${path}=${describe(value)}`);
  }
  return applied;
}

/** The connector's URL in other spellings, or values that address nothing. Never a string off this machine. */
function serviceUrlVariant(rng: Rng, world: FuzzWorld): Json {
  const base = new URL(world.serviceUrl);
  return rng.pick<Json>([
    world.serviceUrl,
    world.serviceUrl.replace(/\/$/, ''),
    `${base.protocol}//localhost:${base.port}/`,
    `${world.serviceUrl}amer/`,
    `${world.serviceUrl}?x=constructor`,
    `${base.protocol}//127.0.0.1:${base.port}/__proto__/`,
    ...unreachableServiceUrls,
  ]);
}

function describe(value: Json): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…(${value.length})` : value);
  if (Array.isArray(value)) return `array(${value.length})`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `{${Object.keys(value).slice(0, 3).join(',')}}`;
  return String(value);
}

let bombCache: Buffer | undefined;

/**
 * A gzip body of ~200 KB that inflates to 200 MB (under the 256 KB limit on the wire, far over it inflated). Built
 * from 200 gzip members of 1 MB of spaces each: gunzip concatenates members, and it is computed once per process.
 */
export function gzipBomb(): Buffer {
  bombCache ??= Buffer.concat(Array.from({ length: 200 }, () => gzipSync(Buffer.alloc(1 << 20, 0x20), { level: 9 })));
  return bombCache;
}

function invalidJson(rng: Rng, text: string): Buffer {
  return Buffer.from(
    rng.pick([
      text.slice(0, Math.max(1, Math.floor(text.length / 2))),
      `${text}}`,
      `${text} trailing`,
      text.replace(/"/g, "'"),
      `\ufeff${text}`,
      '',
      'null',
      '[]',
      '"a string"',
      '12345',
      '{',
      '{"type":"message",}',
      '{"type":"message","text":"\\x41"}',
      '{"type":"message","text":"\\ud800"',
      'NaN',
      '{"a":1,"a":2,"__proto__":1,"__proto__":2}',
    ]),
    'utf8',
  );
}

function deepJson(rng: Rng, text: string): Buffer {
  const depth = rng.pick([64, 1_000, 10_000, 100_000]);
  const deep = rng.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  if (rng.chance(0.2)) return Buffer.from(deep);
  // Valid JSON when the nesting fits the body limit: the activity is Teams-shaped with one deep field.
  return Buffer.from(`${text.slice(0, -1)},"value":${deep}${rng.chance(0.1) ? '' : '}'}`);
}

function invalidUtf8(rng: Rng, text: string): Buffer {
  const json = Buffer.from(text, 'utf8');
  const bad = rng.pick([Buffer.from([0xff]), Buffer.from([0xc3, 0x28]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0x00])]);
  const quote = json.indexOf('"text":"');
  const at = quote === -1 ? Math.floor(json.length / 2) : quote + 8;
  return Buffer.concat([json.subarray(0, at), bad, json.subarray(at)]);
}

function escapeSurrogates(rng: Rng, activity: JsonObject): string {
  const lone = rng.pick(['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d']);
  activity['text'] = `${typeof activity['text'] === 'string' ? activity['text'] : 'admit'} ${lone} ${lone}x`;
  const from = activity['from'];
  if (rng.chance(0.5) && typeof from === 'object' && from !== null && !Array.isArray(from)) from['name'] = `Eve ${lone}`;
  return JSON.stringify(activity); // JSON.stringify writes lone surrogates as \uXXXX escapes
}

function encode(rng: Rng, activity: JsonObject, encoding: Encoding): { headers: Record<string, string>; body: Buffer; plain: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let text = JSON.stringify(activity);
  let body: Buffer = Buffer.from(text, 'utf8');
  const garbage = (): Buffer => Buffer.from(Array.from({ length: rng.int(1, 2_000) }, () => rng.int(0, 255)));
  switch (encoding) {
    case 'json':
      break;
    case 'content-type/wrong': {
      const type = rng.pick(wrongContentTypes);
      if (type === '') delete headers['content-type'];
      else headers['content-type'] = type;
      break;
    }
    case 'json/invalid':
      body = invalidJson(rng, text);
      break;
    case 'json/deep':
      body = deepJson(rng, text);
      break;
    case 'unicode/escaped-surrogates':
      text = escapeSurrogates(rng, activity);
      body = Buffer.from(text, 'utf8');
      break;
    case 'unicode/invalid-utf8':
      body = invalidUtf8(rng, text);
      break;
    case 'gzip/valid':
      headers['content-encoding'] = 'gzip';
      body = gzipSync(body);
      break;
    case 'gzip/invalid':
      headers['content-encoding'] = 'gzip';
      body = rng.chance(0.5) ? body : gzipSync(body).subarray(0, rng.int(1, 20));
      break;
    case 'deflate/valid':
      headers['content-encoding'] = 'deflate';
      body = deflateSync(body);
      break;
    case 'deflate/invalid':
      headers['content-encoding'] = 'deflate';
      body = rng.chance(0.5) ? body : garbage();
      break;
    case 'br/valid':
      headers['content-encoding'] = 'br';
      body = brotliCompressSync(body);
      break;
    case 'br/invalid':
      headers['content-encoding'] = 'br';
      body = rng.chance(0.5) ? body : garbage();
      break;
    case 'encoding/unknown':
      headers['content-encoding'] = rng.pick(['compress', 'identity', 'gzip, br', 'x-fuzz', 'zstd', 'GZIP']);
      break;
    case 'gzip/bomb':
      headers['content-encoding'] = 'gzip';
      body = gzipBomb();
      text = '(200 MB of spaces, gzipped)';
      break;
    case 'body/oversize':
      activity['text'] = 'x'.repeat(300 * 1024);
      text = JSON.stringify(activity);
      body = Buffer.from(text, 'utf8');
      break;
  }
  return { headers, body, plain: encoding === 'gzip/bomb' ? text : body.toString('utf8') };
}

/** Case `index` of the run seeded `runSeed`. Throws if anything in it would address a host other than loopback. */
export function generateCase(world: FuzzWorld, runSeed: number, index: number): FuzzCase {
  assertLoopbackUrl(world.serviceUrl);
  const rng = new Rng(mixSeed(runSeed, index));
  const family = index < coverageCases ? activityFamilies[index % activityFamilies.length]![1] : rng.weighted(activityFamilies);
  const encoding = index < coverageCases ? encodings[index % encodings.length]![1] : rng.weighted(encodings);
  const activity = buildActivity(rng.fork(1), world, family);
  const mutations = applyMutations(rng.fork(2), world, activity);
  checkServiceUrl(activity['serviceUrl']);
  const { headers, body, plain } = encode(rng.fork(3), activity, encoding);
  assertOnlyLoopbackUrlsIn(plain);
  return { runSeed, index, family: `${family}+${encoding}`, mutations, headers, body, preview: plain.slice(0, 300) };
}

function checkServiceUrl(value: Json | undefined): void {
  if (typeof value === 'string') {
    assertLoopbackUrl(value);
    return;
  }
  if (value !== undefined && !unreachableServiceUrls.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    throw new Error(`serviceUrl ${JSON.stringify(value)} is neither a loopback URL nor a value that addresses nothing`);
  }
}

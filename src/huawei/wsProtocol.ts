import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The meeting-event WebSocket of Huawei Cloud Meeting (API reference "会议事件推送": connect, Subscribe,
 * HeartBeat, WaitingListNotify; see the fact sheet §7b). Wire shapes only: frames are parsed here, at the edge,
 * and nothing else in the bot reads raw frames.
 *
 * Where the documentation's table and its example disagree, both forms are accepted: Subscribe's `data` as an
 * object or a JSON string, `msgMode`/`mode` as numbers or numeric strings, `CLIENT_LOGIN_TYPE` or
 * `CLICENT_LOGIN_TYPE`.
 */
export const WS_CONNECT_PATH = '/cms/open/websocket/confctl/increment/conn';

/** The notifications the waiting-room feed subscribes to. */
export const WAITING_LIST_NOTIFY = 'WaitingListNotify';
export const PARTICIPANTS_NOTIFY = 'ParticipantsNotify';

/** The documented limit is 180 s without a HeartBeat; Huawei recommends about one a minute. */
export const SERVER_HEARTBEAT_LIMIT_MS = 180_000;

/** `msgMode`: 0 = the whole list, 1 = only what changed since the last message. */
export type MessageMode = 'full' | 'incremental';

/** One person in a waiting-list or participants message: `mode` 0 = add or refresh, 1 = delete. */
export interface ListEntry {
  pid: string;
  change: 'upsert' | 'delete';
  /** Only the keys that changed, in an incremental message. */
  info: Record<string, string>;
}

export interface ListMessage {
  action: typeof WAITING_LIST_NOTIFY | typeof PARTICIPANTS_NOTIFY;
  mode: MessageMode;
  /** Full messages: generation time in ms; incremental: an increasing sequence number. */
  version?: number;
  confId?: string;
  entries: ListEntry[];
}

export type ServerFrame =
  | ListMessage
  | { action: 'HeartBeat' }
  | { action: 'Subscribe'; sequence?: string; ok: boolean }
  /** Any other documented push (ConfBasicInfoNotify, SpeakerChangeNotify …): valid, but not ours to read. */
  | { action: 'Other'; name: string };

const numeric = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** JSON text inside a JSON frame (the documented Subscribe example sends `data` that way). */
const jsonText = z.string().transform((value, ctx): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'data is a string but not JSON' });
    return z.NEVER;
  }
});

const entrySchema = z.object({
  pid: z.union([z.string().min(1), z.number()]).transform(String),
  mode: numeric.pipe(z.union([z.literal(0), z.literal(1)])),
  pinfoMap: z
    .record(z.string(), text.nullable())
    .nullish()
    .transform((map) => {
      const info: Record<string, string> = {};
      for (const [key, value] of Object.entries(map ?? {})) {
        if (value !== null) info[key === 'CLICENT_LOGIN_TYPE' ? 'CLIENT_LOGIN_TYPE' : key] = value;
      }
      return info;
    }),
});

const listMessageSchema = z.object({
  action: z.enum([WAITING_LIST_NOTIFY, PARTICIPANTS_NOTIFY]),
  msgMode: numeric.pipe(z.union([z.literal(0), z.literal(1)])),
  version: numeric.nullish(),
  confID: text.nullish(),
  data: z.union([jsonText, z.unknown()]).pipe(z.array(entrySchema)),
});

const envelopeSchema = z.object({ action: z.string().min(1) }).passthrough();

const subscribeReplySchema = z
  .object({
    action: z.literal('Subscribe'),
    sequence: text.nullish(),
    /** Undocumented; a reply that names a non-zero result or an error code is taken as a refusal. */
    result: text.nullish(),
    errorCode: text.nullish(),
    error_code: text.nullish(),
  })
  .passthrough();

export type FrameResult = { ok: true; frame: ServerFrame } | { ok: false; reason: string };

/** One text frame from the server, checked; `reason` never quotes the frame (it may carry tokens). */
export function parseServerFrame(raw: string): FrameResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'no action' };
  const action = envelope.data.action;
  if (action === WAITING_LIST_NOTIFY || action === PARTICIPANTS_NOTIFY) {
    const parsed = listMessageSchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: `${action}: ${issueOf(parsed.error)}` };
    const { data } = parsed;
    return {
      ok: true,
      frame: {
        action: data.action,
        mode: data.msgMode === 0 ? 'full' : 'incremental',
        version: data.version ?? undefined,
        confId: data.confID ?? undefined,
        entries: data.data.map((entry) => ({ pid: entry.pid, change: entry.mode === 0 ? 'upsert' : 'delete', info: entry.pinfoMap })),
      },
    };
  }
  if (action === 'HeartBeat') return { ok: true, frame: { action: 'HeartBeat' } };
  if (action === 'Subscribe') {
    const parsed = subscribeReplySchema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: `Subscribe: ${issueOf(parsed.error)}` };
    const failure = [parsed.data.result, parsed.data.errorCode, parsed.data.error_code].find((value) => value != null && value !== '0' && value !== '');
    return { ok: true, frame: { action: 'Subscribe', sequence: parsed.data.sequence ?? undefined, ok: failure === undefined } };
  }
  return { ok: true, frame: { action: 'Other', name: action.slice(0, 64) } };
}

function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
}

/** 24 random characters: inside the documented 20–30 for a Subscribe `sequence`. */
export function newSequence(): string {
  return randomBytes(12).toString('hex');
}

/**
 * The Subscribe frame. `data` goes as a JSON string with the token as `Basic <base64>`, as in the documented
 * example; `conferenceID` is added as the parameter table asks.
 */
export function subscribeFrame(conferenceId: string, controlToken: string, types: readonly string[], sequence = newSequence()): string {
  const data = { conferenceID: conferenceId, subscribeType: [...types], confToken: `Basic ${Buffer.from(controlToken, 'utf8').toString('base64')}` };
  return JSON.stringify({ action: 'Subscribe', sequence, data: JSON.stringify(data) });
}

export const HEARTBEAT_FRAME = JSON.stringify({ action: 'HeartBeat' });

/**
 * The connection URL: `wsURL` (from the control token) + the documented path + confID and the one-time token.
 * An http(s) base is turned into ws(s); anything else is refused so the token only goes to a WebSocket server.
 */
export function connectionUrl(wsBase: string, conferenceId: string, webSocketToken: string): URL {
  const url = new URL(wsBase);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol !== 'wss:' && url.protocol !== 'ws:') throw new Error(`wsURL has an unsupported scheme ${url.protocol}`);
  if (!url.pathname.endsWith(WS_CONNECT_PATH)) url.pathname = url.pathname.replace(/\/+$/, '') + WS_CONNECT_PATH;
  url.search = '';
  url.searchParams.set('confID', conferenceId);
  url.searchParams.set('tmpToken', webSocketToken);
  return url;
}

/** `ADDTIME` as a date: epoch ms (or s) as text, or an ISO-like time; undefined when unreadable. */
export function parseAddTime(value: string | undefined): Date | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value)) {
    const number = Number(value);
    const date = new Date(number < 1e12 ? number * 1000 : number);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

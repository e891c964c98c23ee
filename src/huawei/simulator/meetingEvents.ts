import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../../logging.js';
import { WS_CONNECT_PATH } from '../wsProtocol.js';
import { controlledMeetingOf, type SimControlTokens } from './conferenceControl.js';
import { send, type RequestContext, type RequestLogEntry, type RouteTable } from './http.js';
import { hex, type SimListChange, type SimMeeting, type SimParticipant, type SimState } from './state.js';

/**
 * The meeting-event WebSocket, as documented (fact sheet §7b): a one-minute single-use token from
 * GET …/wsToken, the connection at /cms/open/websocket/confctl/increment/conn?confID=&tmpToken=, a Subscribe
 * frame carrying the control token, HeartBeat at least every 180 s, and WaitingListNotify / ParticipantsNotify
 * as a full list on subscribe and incremental messages after. A failed authentication closes the socket; the
 * meeting's end closes it too.
 */
export interface MeetingEventsOptions {
  /** Default 60 s, as documented. */
  wsTokenLifetimeMs?: number;
  /** A client silent this long is dropped. Default 180 s, as documented. */
  heartbeatTimeoutMs?: number;
  logger: Logger;
  requestLog: RequestLogEntry[];
}

/** Close code for a refused connection; Huawei documents none, so one from the application range. */
export const SIM_AUTH_FAILED_CLOSE = 4401;

const NOTIFY_TYPES = ['WaitingListNotify', 'ParticipantsNotify'] as const;
type NotifyType = (typeof NOTIFY_TYPES)[number];

interface Client {
  socket: WebSocket;
  conferenceID: string;
  subscribed: Set<NotifyType>;
  lastSeenMs: number;
  heartbeats: number;
}

interface WsToken {
  conferenceID: string;
  expiresAtMs: number;
}

export interface SimSocketView {
  conferenceID: string;
  subscribed: string[];
  heartbeats: number;
}

export class SimMeetingEvents {
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  readonly #clients = new Set<Client>();
  readonly #wsTokens = new Map<string, WsToken>();
  readonly #versions = new Map<string, number>();
  readonly #sweeper: NodeJS.Timeout;
  readonly #tokenLifetimeMs: number;
  readonly #heartbeatTimeoutMs: number;
  readonly #unsubscribe: () => void;

  constructor(
    private readonly state: SimState,
    private readonly controlTokens: SimControlTokens,
    private readonly options: MeetingEventsOptions,
  ) {
    this.#tokenLifetimeMs = options.wsTokenLifetimeMs ?? 60_000;
    this.#heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 180_000;
    this.#sweeper = setInterval(() => this.sweep(), Math.max(20, Math.min(10_000, this.#heartbeatTimeoutMs / 4)));
    this.#sweeper.unref();
    const onWaiting = (meeting: SimMeeting, changes: SimListChange[]) => this.push(meeting, 'WaitingListNotify', changes);
    const onParticipants = (meeting: SimMeeting, changes: SimListChange[]) => this.push(meeting, 'ParticipantsNotify', changes);
    const onEnded = (meeting: SimMeeting) => this.drop(meeting.conferenceID, 1000, 'conference ended');
    state.changes.on('waiting', onWaiting).on('participants', onParticipants).on('ended', onEnded);
    this.#unsubscribe = () => state.changes.off('waiting', onWaiting).off('participants', onParticipants).off('ended', onEnded);
  }

  routes(): RouteTable {
    return {
      'GET /v1/mmc/control/conferences/wsToken': (ctx) => this.issueWsToken(ctx),
    };
  }

  /** Takes over HTTP upgrades on the documented path; anything else is refused at the HTTP level. */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  /** Closes every socket (of one meeting, or all), as a network failure would; returns how many. */
  drop(conferenceID?: string, code = 1001, reason = 'going away'): number {
    let count = 0;
    for (const client of [...this.#clients]) {
      if (conferenceID !== undefined && client.conferenceID !== conferenceID) continue;
      this.#clients.delete(client);
      if (code === 1006) client.socket.terminate();
      else client.socket.close(code, reason);
      count++;
    }
    return count;
  }

  /** Expires the WebSocket tokens not yet used; returns how many. */
  expireTokens(): number {
    const count = [...this.#wsTokens.values()].filter((token) => token.expiresAtMs > Date.now()).length;
    this.#wsTokens.clear();
    return count;
  }

  /** Sends a text frame as is to a meeting's subscribed sockets (for tests of what the client tolerates). */
  sendRaw(conferenceID: string, text: string): number {
    let count = 0;
    for (const client of this.#clients) {
      if (client.conferenceID !== conferenceID || client.subscribed.size === 0) continue;
      client.socket.send(text);
      count++;
    }
    return count;
  }

  sockets(): SimSocketView[] {
    return [...this.#clients].map((client) => ({ conferenceID: client.conferenceID, subscribed: [...client.subscribed], heartbeats: client.heartbeats }));
  }

  close(): void {
    clearInterval(this.#sweeper);
    this.#unsubscribe();
    for (const client of this.#clients) client.socket.terminate();
    this.#clients.clear();
    this.#wss.close();
  }

  private issueWsToken(ctx: RequestContext): void {
    const meeting = controlledMeetingOf(this.state, this.controlTokens, ctx);
    const token = `cnr${hex(24)}`;
    this.#wsTokens.set(token, { conferenceID: meeting.conferenceID, expiresAtMs: Date.now() + this.#tokenLifetimeMs });
    send(ctx, 200, { webSocketToken: token });
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname !== WS_CONNECT_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const conferenceID = url.searchParams.get('confID') ?? '';
    const tmpToken = url.searchParams.get('tmpToken') ?? '';
    // Single use: the token is spent by this attempt whatever its outcome.
    const issued = this.#wsTokens.get(tmpToken);
    this.#wsTokens.delete(tmpToken);
    const meeting = this.state.meetings.get(conferenceID);
    const accepted = issued !== undefined && issued.expiresAtMs > Date.now() && issued.conferenceID === conferenceID && meeting?.state === 'Created';
    this.options.requestLog.push({ method: 'GET', path: url.pathname, query: { confID: conferenceID }, status: accepted ? 101 : 401 });
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      if (!accepted) {
        ws.close(SIM_AUTH_FAILED_CLOSE, 'authentication failed');
        return;
      }
      const client: Client = { socket: ws, conferenceID, subscribed: new Set(), lastSeenMs: Date.now(), heartbeats: 0 };
      this.#clients.add(client);
      ws.on('message', (data, isBinary) => this.onMessage(client, data, isBinary));
      ws.on('close', () => this.#clients.delete(client));
      ws.on('error', (error) => this.options.logger.debug({ err: error }, 'huawei simulator: socket error'));
    });
  }

  private onMessage(client: Client, data: RawData, isBinary: boolean): void {
    client.lastSeenMs = Date.now();
    const frame = isBinary ? undefined : parseClientFrame(data);
    if (!frame) return;
    if (frame.action === 'HeartBeat') {
      client.heartbeats++;
      client.socket.send(JSON.stringify({ action: 'HeartBeat', createTime: Date.now() }));
      return;
    }
    if (frame.action === 'Subscribe') this.subscribe(client, frame);
  }

  /** Subscribe: the control token must be this meeting's; then the full lists of what was asked for. */
  private subscribe(client: Client, frame: ClientFrame): void {
    const data = subscribeData(frame.data);
    const meeting = this.state.meetings.get(client.conferenceID);
    const conferenceMatches = data?.conferenceID === undefined || data.conferenceID === client.conferenceID;
    if (!data || !meeting || !conferenceMatches || !this.controlTokens.valid(data.confToken, client.conferenceID)) {
      this.#clients.delete(client);
      client.socket.close(SIM_AUTH_FAILED_CLOSE, 'subscription refused');
      return;
    }
    for (const type of data.subscribeType) if ((NOTIFY_TYPES as readonly string[]).includes(type)) client.subscribed.add(type as NotifyType);
    client.socket.send(JSON.stringify({ action: 'Subscribe', sequence: frame.sequence, result: '0', createTime: Date.now() }));
    if (client.subscribed.has('ParticipantsNotify')) {
      client.socket.send(this.message(meeting, 'ParticipantsNotify', 0, meeting.participants.map((person) => ({ person, mode: 0 }))));
    }
    if (client.subscribed.has('WaitingListNotify')) {
      client.socket.send(this.message(meeting, 'WaitingListNotify', 0, meeting.waiting.map((person) => ({ person, mode: 0 }))));
    }
  }

  private push(meeting: SimMeeting, type: NotifyType, changes: SimListChange[]): void {
    let text: string | undefined;
    for (const client of this.#clients) {
      if (client.conferenceID !== meeting.conferenceID || !client.subscribed.has(type)) continue;
      text ??= this.message(meeting, type, 1, changes);
      client.socket.send(text);
    }
  }

  /** The documented envelope: version is the time for a full list and an increasing number for increments. */
  private message(meeting: SimMeeting, type: NotifyType, msgMode: 0 | 1, changes: SimListChange[]): string {
    const key = `${meeting.conferenceID}/${type}`;
    let version = Date.now();
    if (msgMode === 1) {
      version = (this.#versions.get(key) ?? 0) + 1;
      this.#versions.set(key, version);
    }
    return JSON.stringify({
      action: type,
      version,
      createTime: Date.now(),
      msgMode,
      msgID: hex(12),
      confID: meeting.conferenceID,
      data: changes.map(({ person, mode }) => ({
        pid: person.pid,
        mode,
        pinfoMap: mode === 1 ? {} : type === 'WaitingListNotify' ? waitingInfo(person, meeting) : participantInfo(person),
      })),
    });
  }

  private sweep(): void {
    const now = Date.now();
    for (const client of [...this.#clients]) {
      if (now - client.lastSeenMs <= this.#heartbeatTimeoutMs) continue;
      this.#clients.delete(client);
      client.socket.terminate();
    }
    for (const [token, entry] of this.#wsTokens) if (entry.expiresAtMs <= now) this.#wsTokens.delete(token);
  }
}

function waitingInfo(person: SimParticipant, meeting: SimMeeting): Record<string, string> {
  return {
    NAME: person.name,
    ADDTIME: String(person.addedAtMs ?? Date.now()),
    ANONYMOUS: person.userId ? '0' : '1',
    CLIENT_LOGIN_TYPE: '0',
    ORG_ID: person.userId ? meeting.corpId : '',
    ACCOUNT_ID: person.userId ?? '',
    ACCOUNT: person.userId ?? '',
    THIRDACCOUNT: person.userId ?? '',
    TEL: person.phone,
    WAITINGSTATE: '0',
  };
}

function participantInfo(person: SimParticipant): Record<string, string> {
  return { NAME: person.name, ROLE: String(person.role), MUTE: String(person.mute), TEL: person.phone };
}

interface ClientFrame {
  action: string;
  sequence?: string;
  data?: unknown;
}

function parseClientFrame(data: RawData): ClientFrame | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    if (json === null || typeof json !== 'object' || typeof (json as { action?: unknown }).action !== 'string') return undefined;
    const frame = json as { action: string; sequence?: unknown; data?: unknown };
    return { action: frame.action, sequence: typeof frame.sequence === 'string' ? frame.sequence : undefined, data: frame.data };
  } catch {
    return undefined;
  }
}

/** Subscribe's data: an object (parameter table) or a JSON string (documented example). */
function subscribeData(raw: unknown): { conferenceID?: string; subscribeType: string[]; confToken: string } | undefined {
  let data = raw;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (data === null || typeof data !== 'object') return undefined;
  const { conferenceID, subscribeType, confToken } = data as Record<string, unknown>;
  if (typeof confToken !== 'string' || !Array.isArray(subscribeType)) return undefined;
  return {
    conferenceID: typeof conferenceID === 'string' || typeof conferenceID === 'number' ? String(conferenceID) : undefined,
    subscribeType: subscribeType.filter((type): type is string => typeof type === 'string'),
    confToken,
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../logging.js';
import { createLogger } from '../../logging.js';
import { appAuthStringToSign, signAppAuth } from '../auth.js';
import { hex, SimState, type SimMeeting, type SimParticipant, type SimUser, type NewMeeting } from './state.js';

/**
 * A Huawei Cloud Meeting stand-in for tests and the sandbox: the documented paths, headers, bodies and error
 * shapes, App ID signature checks, expiring tokens, control tokens, waiting rooms and fault injection.
 *
 * Error codes: MMC.111072065, MMC.111070005, MMC.111072005, USG.000000004 and USG.201040000 are the ones seen
 * in Huawei's docs/SDK-based code. Huawei documents no REST code for a bad App ID signature, an expired one or a
 * reused nonce; the simulator uses the client-SDK numbers in USG form (USG.206010025 "App ID check failed",
 * USG.206010057 "App ID auth expired") and SIM_PARAM_ERROR for malformed parameters.
 */
export const SIM_PARAM_ERROR = 'USG.000000001';

export interface HuaweiSimulatorOptions {
  port?: number;
  host?: string;
  appId?: string;
  appKey?: string;
  /** Access-token lifetime. Default 12 h (Huawei: 12–24 h). */
  tokenLifetimeSeconds?: number;
  /** Meeting-control token lifetime. Default 30 min, as documented. */
  controlTokenLifetimeSeconds?: number;
  logger?: Logger;
  /** Start with the seeded Contoso/Fabrikam data. Default true. */
  seed?: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Acting Huawei user, when the request carried a valid access token. */
  userId?: string;
}

export interface Fault {
  method?: string;
  /** Exact path, e.g. /v1/mmc/management/conferences/online. Omitted = any API path. */
  path?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** How many requests the fault hits. Default 1. */
  times?: number;
  /** Answer with this status (and `body`, default a Huawei error body). */
  status?: number;
  body?: unknown;
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Expire the request's access token first, so it meets a real 401. */
  expireToken?: boolean;
}

export interface SimMeetingView {
  conferenceID: string;
  subject: string;
  hostUserId: string;
  state: string;
  locked: boolean;
  allMuted: boolean;
  waiting: string[];
  participants: Array<{ name: string; mute: 0 | 1; role: 0 | 1 }>;
}

export interface HuaweiSimulatorControl {
  requests(): RequestLogEntry[];
  clearRequests(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Expires access tokens now (all, or one user's). Returns how many. */
  expireTokens(filter?: { userId?: string }): number;
  bulkCreateOngoingMeetings(count: number, hostUserId?: string, subjectPrefix?: string): string[];
  createMeeting(spec: NewMeeting): SimMeetingView;
  addToWaitingRoom(conferenceID: string, name: string): void;
  meeting(conferenceID: string): SimMeetingView | undefined;
  users(): Array<Pick<SimUser, 'userId' | 'name' | 'corpId' | 'adminType'>>;
}

export interface HuaweiSimulator {
  origin: string;
  appId: string;
  appKey: string;
  control: HuaweiSimulatorControl;
  close(): Promise<void>;
}

interface AccessToken {
  userId: string;
  expiresAtMs: number;
}

interface ControlToken {
  conferenceID: string;
  expiresAtMs: number;
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: unknown;
  log: RequestLogEntry;
}

class HttpError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

const appAuthPath = '/v2/usg/acs/auth/appauth';

export async function startHuaweiSimulator(options: HuaweiSimulatorOptions = {}): Promise<HuaweiSimulator> {
  const appId = options.appId ?? hex(16);
  const appKey = options.appKey ?? hex(32);
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const tokenLifetimeMs = (options.tokenLifetimeSeconds ?? 12 * 3600) * 1000;
  const controlLifetimeMs = (options.controlTokenLifetimeSeconds ?? 1800) * 1000;
  const state = new SimState();
  if (options.seed !== false) state.seed();
  const corpId = 'contoso';

  const accessTokens = new Map<string, AccessToken>();
  const controlTokens = new Map<string, ControlToken>();
  /** nonce → its expireTime (s); kept until then, so a replay inside the signature's lifetime is caught. */
  const usedNonces = new Map<string, number>();
  const faults: Array<Required<Pick<Fault, 'skip' | 'times'>> & Fault> = [];
  const requestLog: RequestLogEntry[] = [];

  // --- helpers -------------------------------------------------------------------------------------------

  function send(ctx: Ctx, status: number, body?: unknown): void {
    ctx.log.status = status;
    const text = body === undefined ? '' : JSON.stringify(body);
    ctx.res.writeHead(status, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Content-Length': Buffer.byteLength(text),
      'X-Request-Id': hex(16),
    });
    ctx.res.end(text);
  }

  function currentUser(ctx: Ctx): SimUser {
    const token = header(ctx.req, 'x-access-token');
    const entry = token ? accessTokens.get(token) : undefined;
    if (!entry || entry.expiresAtMs <= Date.now()) throw new HttpError(401, 'USG.000000004', 'The token is invalid or has expired.');
    const user = state.user(entry.userId);
    if (!user) throw new HttpError(401, 'USG.000000004', 'The token is invalid or has expired.');
    ctx.log.userId = user.userId;
    return user;
  }

  function issueToken(user: SimUser): Record<string, unknown> {
    const token = `sim${hex(20)}`.slice(0, 40);
    const now = Date.now();
    accessTokens.set(token, { userId: user.userId, expiresAtMs: now + tokenLifetimeMs });
    return {
      accessToken: token,
      tokenIp: '127.0.0.1',
      validPeriod: Math.round(tokenLifetimeMs / 1000),
      expireTime: Math.floor((now + tokenLifetimeMs) / 1000),
      createTime: now,
      user: {
        realm: 'huaweicloud.com',
        userId: user.uuid,
        ucloginAccount: `Auto-${user.uuid}`,
        serviceAccount: `sip:+99111${user.uuid.slice(0, 8)}@huaweicloud.com`,
        companyId: user.corpId,
        userType: 2,
        adminType: user.adminType,
        name: user.name,
        nameEn: '',
        thirdAccount: user.userId,
        appId,
        status: 0,
        corpType: 6,
      },
      clientType: 72,
      forceLoginInd: null,
      firstLogin: false,
      pwdExpired: false,
      daysPwdAvailable: 90,
      proxyToken: null,
      tokenType: 0,
      refreshToken: `simr${hex(18)}`,
      refreshValidPeriod: 2_592_000,
      refreshExpireTime: Math.floor(now / 1000) + 2_592_000,
      refreshCreateTime: now,
    };
  }

  function meetingFor(user: SimUser, conferenceID: string | null, options: { ongoing?: boolean } = {}): SimMeeting {
    if (!conferenceID) throw new HttpError(400, SIM_PARAM_ERROR, 'conferenceID is required.');
    const meeting = state.meetings.get(conferenceID);
    // Meetings the user may not see answer exactly like missing ones, so ids cannot be probed. Admins see
    // every meeting of their enterprise.
    const visible = meeting !== undefined && (state.canSee(user, meeting, false) || state.isChairFor(user, meeting));
    if (!meeting || meeting.state === 'Destroyed' || !visible) {
      throw new HttpError(400, 'MMC.111070005', 'The conference does not exist or has ended.');
    }
    if (options.ongoing && meeting.state !== 'Created') throw new HttpError(400, 'MMC.111072005', 'The conference has not started or has ended.');
    return meeting;
  }

  function conferenceInfo(meeting: SimMeeting, viewer: SimUser, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const host = state.user(meeting.hostUserId)!;
    const chair = state.isChairFor(viewer, meeting);
    const passwordEntry = [
      ...(chair ? [{ conferenceRole: 'chair', password: meeting.chairPassword }] : []),
      { conferenceRole: 'general', password: meeting.guestPassword },
    ];
    const link = (secret: string) => `https://c.meeting.huaweicloud.com/#/j/${meeting.conferenceID}/${secret}`;
    return {
      conferenceID: meeting.conferenceID,
      mediaTypes: 'Voice,Data,Video',
      subject: meeting.subject,
      size: meeting.invitees.length + 1,
      timeZoneID: meeting.timeZoneID,
      startTime: state.formatTime(meeting.startTime),
      endTime: state.formatTime(meeting.endTime),
      conferenceState: meeting.state,
      accessNumber: '+991117',
      language: meeting.language,
      passwordEntry,
      userUUID: host.uuid,
      scheduserName: host.name,
      multiStreamFlag: 1,
      conferenceType: 0,
      confType: meeting.confType,
      isAutoMute: 0,
      isAutoRecord: 0,
      ...(chair ? { chairJoinUri: link(meeting.confUUID + meeting.confUUID.slice(0, 16)) } : {}),
      guestJoinUri: link(meeting.confUUID.slice(16) + meeting.confUUID),
      recordType: 0,
      recordAuxStream: 0,
      confConfigInfo: {
        prolongLength: 15,
        isGuestFreePwd: false,
        isSendNotify: true,
        isSendSms: false,
        isAutoMute: false,
        isSendCalendar: true,
        callInRestriction: 0,
        allowGuestStartConf: false,
        isHardTerminalAutoMute: false,
        enableWaitingRoom: meeting.enableWaitingRoom,
      },
      vmrFlag: 0,
      scheduleVmr: false,
      isHasRecordFile: false,
      partAttendeeInfo: meeting.invitees.map((userId) => ({ phone: '+99111****000', name: state.user(userId)?.name ?? userId, type: 'normal' })),
      terminlCount: 0,
      normalCount: meeting.invitees.length + 1,
      deptName: host.deptName,
      confUUID: meeting.confUUID,
      ...extra,
    };
  }

  function pageQuery(ctx: Ctx, names = { offset: 'offset', limit: 'limit', searchKey: 'searchKey' }) {
    const offset = intParam(ctx.url.searchParams.get(names.offset), 0, 0, Number.MAX_SAFE_INTEGER, names.offset);
    const limit = intParam(ctx.url.searchParams.get(names.limit), 20, 1, 500, names.limit);
    const searchKey = ctx.url.searchParams.get(names.searchKey) ?? undefined;
    if (searchKey !== undefined && ([...searchKey].length < 1 || [...searchKey].length > 128)) {
      throw new HttpError(400, SIM_PARAM_ERROR, `${names.searchKey} must be 1 to 128 characters.`);
    }
    const queryAll = ctx.url.searchParams.get('queryAll');
    if (queryAll !== null && queryAll !== 'true' && queryAll !== 'false') throw new HttpError(400, SIM_PARAM_ERROR, 'queryAll must be true or false.');
    return { offset, limit, searchKey, queryAll: queryAll === 'true' };
  }

  function listConferences(ctx: Ctx, states: string[], extra: (meeting: SimMeeting) => Record<string, unknown>): void {
    const user = currentUser(ctx);
    const { offset, limit, searchKey, queryAll } = pageQuery(ctx);
    const visible = state.sorted(
      [...state.meetings.values()].filter(
        (meeting) => states.includes(meeting.state) && state.canSee(user, meeting, queryAll) && state.matchesSearch(meeting, searchKey),
      ),
    );
    send(ctx, 200, {
      data: visible.slice(offset, offset + limit).map((meeting) => conferenceInfo(meeting, user, extra(meeting))),
      offset,
      limit,
      count: visible.length,
    });
  }

  function detail(ctx: Ctx, ongoing: boolean): void {
    const user = currentUser(ctx);
    const meeting = meetingFor(user, ctx.url.searchParams.get('conferenceID'), { ongoing });
    const { offset, limit } = pageQuery(ctx);
    const invitees = [meeting.hostUserId, ...meeting.invitees].map((userId, index) => ({
      participantID: `+9911160${String(index).padStart(5, '0')}`,
      name: state.user(userId)?.name ?? userId,
      role: userId === meeting.hostUserId ? 1 : 0,
      state: 'MEETTING',
      attendeeType: 'normal',
      accountId: userId,
    }));
    const role = state.isChairFor(user, meeting) ? 'chair' : 'general';
    send(ctx, 200, {
      conferenceData: conferenceInfo(meeting, user, { role }),
      data: { offset, limit, count: invitees.length, data: invitees.slice(offset, offset + limit) },
    });
  }

  function controlMeeting(ctx: Ctx): SimMeeting {
    const raw = header(ctx.req, 'x-conference-authorization') ?? '';
    const token = raw.startsWith('Basic ') ? Buffer.from(raw.slice(6), 'base64').toString('utf8') : raw;
    const conferenceID = ctx.url.searchParams.get('conferenceID');
    const entry = controlTokens.get(token);
    const meeting = conferenceID ? state.meetings.get(conferenceID) : undefined;
    if (!entry || entry.expiresAtMs <= Date.now() || !meeting || entry.conferenceID !== conferenceID || meeting.state !== 'Created') {
      throw new HttpError(400, 'MMC.111072065', 'CONF_NOT_FOUND_OR_AUTH_FAILED');
    }
    return meeting;
  }

  // --- routes --------------------------------------------------------------------------------------------

  function appAuth(ctx: Ctx): void {
    const authorization = header(ctx.req, 'authorization') ?? '';
    const match = /^HMAC-SHA256 signature=([0-9a-fA-F]+)(?:,access=([A-Za-z0-9+/=]+))?$/.exec(authorization);
    if (!match) throw new HttpError(401, 'USG.206010025', 'Authorization must be "HMAC-SHA256 signature=<hex>,access=<base64 appId>".');
    if (header(ctx.req, 'x-token-type') !== 'LongTicket') throw new HttpError(400, SIM_PARAM_ERROR, 'X-Token-Type must be LongTicket.');
    const body = asRecord(ctx.body);
    const fields = {
      appId: body.appId,
      userId: body.userId ?? '',
      expireTime: body.expireTime,
      nonce: body.nonce,
    };
    if (typeof fields.appId !== 'string' || typeof fields.userId !== 'string' || !Number.isInteger(fields.expireTime) ||
      typeof fields.nonce !== 'string') {
      throw new HttpError(400, SIM_PARAM_ERROR, 'appId, expireTime and nonce are required.');
    }
    if (fields.nonce.length < 32 || fields.nonce.length > 64) throw new HttpError(400, SIM_PARAM_ERROR, 'nonce must be 32 to 64 characters.');
    if (body.clientType !== 72) throw new HttpError(400, SIM_PARAM_ERROR, 'clientType must be 72 for API callers.');
    if (body.corpId !== undefined) throw new HttpError(401, 'USG.206010025', 'corpId is only allowed in SP mode.');
    if (fields.appId !== appId) throw new HttpError(401, 'USG.206010025', 'App ID authentication failed.');
    if (match[2] !== undefined && Buffer.from(match[2], 'base64').toString('utf8') !== appId) {
      throw new HttpError(401, 'USG.206010025', 'App ID authentication failed.');
    }
    const expected = signAppAuth(appKey, appAuthStringToSign({ appId, userId: fields.userId, expireTime: fields.expireTime as number, nonce: fields.nonce }));
    if (!sameHex(expected, match[1]!)) throw new HttpError(401, 'USG.206010025', 'App ID authentication failed.');
    const expireTime = fields.expireTime as number;
    const nowSeconds = Date.now() / 1000;
    if (expireTime !== 0 && nowSeconds > expireTime) throw new HttpError(401, 'USG.206010057', 'App ID authentication has expired.');
    for (const [nonce, expiry] of usedNonces) if (expiry !== 0 && expiry < nowSeconds) usedNonces.delete(nonce);
    if (usedNonces.has(fields.nonce)) throw new HttpError(401, 'USG.206010025', 'The nonce has already been used.');
    const user = fields.userId === '' ? state.defaultAdmin(corpId) : state.user(fields.userId);
    if (!user || user.corpId !== corpId) throw new HttpError(400, 'USG.201040000', 'The user does not exist.');
    usedNonces.set(fields.nonce, expireTime);
    ctx.log.userId = user.userId;
    send(ctx, 200, issueToken(user));
  }

  function accountAuth(ctx: Ctx): void {
    const authorization = header(ctx.req, 'authorization') ?? '';
    const decoded = authorization.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8') : '';
    const separator = decoded.indexOf(':');
    const account = separator > 0 ? decoded.slice(0, separator) : '';
    const password = separator > 0 ? decoded.slice(separator + 1) : '';
    const user = state.user(account);
    if (!user || user.password !== password) throw new HttpError(401, 'USG.206010000', 'Wrong account or password.');
    ctx.log.userId = user.userId;
    send(ctx, 200, issueToken(user));
  }

  function getControlToken(ctx: Ctx): void {
    const user = currentUser(ctx);
    const conferenceID = ctx.url.searchParams.get('conferenceID');
    if (header(ctx.req, 'x-login-type') !== '1') throw new HttpError(400, SIM_PARAM_ERROR, 'X-Login-Type must be 1.');
    const meeting = meetingFor(user, conferenceID, { ongoing: true });
    if (header(ctx.req, 'x-password') !== meeting.chairPassword) throw new HttpError(400, 'MMC.111072065', 'CONF_NOT_FOUND_OR_AUTH_FAILED');
    const token = `stb${hex(24)}`;
    const expiresAtMs = Date.now() + controlLifetimeMs;
    controlTokens.set(token, { conferenceID: meeting.conferenceID, expiresAtMs });
    send(ctx, 200, {
      data: {
        token,
        tmpWsToken: hex(16),
        wsURL: `wss://${ctx.req.headers.host ?? 'localhost'}/cms/open/websocket/confctl/increment/conn`,
        role: 1,
        expireTime: expiresAtMs,
        userID: user.uuid,
        orgID: user.corpId,
        confTokenExpireTime: Math.round(controlLifetimeMs / 1000),
        vmrCurrentConfID: meeting.conferenceID,
        supportNotifyType: ['ConfBasicInfo', 'ConfRealTimeInfo', 'WaitingList'],
      },
      addressToken: hex(16),
      gloablPublicIP: '127.0.0.1',
    });
  }

  function realTimeInfo(ctx: Ctx): void {
    const meeting = controlMeeting(ctx);
    const chair = meeting.participants.find((p) => p.role === 1);
    send(ctx, 200, {
      attendees: meeting.invitees.map((userId) => ({ accountID: userId, name: state.user(userId)?.name ?? userId, phone: '+99111****000' })),
      participants: meeting.participants.map((p) => ({ pid: p.pid, name: p.name, phone: p.phone, state: 0, video: 1, mute: p.mute, hand: 0 })),
      confInfo: { chairID: chair?.pid, coHosts: [] },
    });
  }

  function allowWaiting(ctx: Ctx): void {
    const meeting = controlMeeting(ctx);
    const body = asRecord(ctx.body);
    if (body.allowAll === true) {
      admit(meeting, meeting.waiting.splice(0));
    } else if (typeof body.participantID === 'string') {
      const index = meeting.waiting.findIndex((p) => p.pid === body.participantID);
      if (index < 0) throw new HttpError(400, SIM_PARAM_ERROR, 'No such waiting participant.');
      admit(meeting, meeting.waiting.splice(index, 1));
    } else {
      throw new HttpError(400, SIM_PARAM_ERROR, 'participantID or allowAll is required.');
    }
    send(ctx, 200);
  }

  function admit(meeting: SimMeeting, people: SimParticipant[]): void {
    for (const person of people) meeting.participants.push({ ...person, mute: meeting.allMuted ? 1 : 0 });
  }

  function stop(ctx: Ctx): void {
    const meeting = controlMeeting(ctx);
    meeting.state = 'Destroyed';
    meeting.endTime = new Date();
    meeting.participants = [];
    meeting.waiting = [];
    for (const [token, entry] of controlTokens) if (entry.conferenceID === meeting.conferenceID) controlTokens.delete(token);
    send(ctx, 200);
  }

  function mute(ctx: Ctx): void {
    const meeting = controlMeeting(ctx);
    const body = asRecord(ctx.body);
    if (body.isMute !== 0 && body.isMute !== 1) throw new HttpError(400, SIM_PARAM_ERROR, 'isMute must be 0 or 1.');
    meeting.allMuted = body.isMute === 1;
    if (body.allowUnmuteByOneself === 0 || body.allowUnmuteByOneself === 1) meeting.allowUnmuteByOneself = body.allowUnmuteByOneself === 1;
    for (const participant of meeting.participants) if (participant.role !== 1) participant.mute = body.isMute;
    send(ctx, 200);
  }

  function lock(ctx: Ctx): void {
    const meeting = controlMeeting(ctx);
    const body = asRecord(ctx.body);
    if (body.isLock !== 0 && body.isLock !== 1) throw new HttpError(400, SIM_PARAM_ERROR, 'isLock must be 0 or 1.');
    meeting.locked = body.isLock === 1;
    send(ctx, 200);
  }

  function onlineAttendees(ctx: Ctx): void {
    const user = currentUser(ctx);
    const meeting = meetingFor(user, ctx.url.searchParams.get('conf_id'), { ongoing: true });
    const { offset, limit, searchKey } = pageQuery(ctx, { offset: 'offset', limit: 'limit', searchKey: 'search_key' });
    const people = meeting.participants.filter((p) => searchKey === undefined || p.name.toLowerCase().includes(searchKey.toLowerCase()) || p.phone.includes(searchKey));
    send(ctx, 200, {
      data: people.slice(offset, offset + limit).map((p) => ({
        participant_id: p.pid,
        name: p.name,
        call_number: p.phone,
        role: p.role,
        third_account: p.userId ?? '',
        account: p.userId ? `Auto-${state.user(p.userId)?.uuid ?? ''}` : '',
        user_id: p.userId ? (state.user(p.userId)?.uuid ?? '') : '',
      })),
      offset,
      limit,
      count: people.length,
    });
  }

  const routes: Record<string, (ctx: Ctx) => void> = {
    [`POST ${appAuthPath}`]: appAuth,
    'POST /v1/usg/acs/auth/account': accountAuth,
    'GET /v1/mmc/management/conferences/online': (ctx) =>
      listConferences(ctx, ['Created'], (meeting) => ({ onlineAttendeeAmount: meeting.participants.length })),
    'GET /v1/mmc/management/conferences': (ctx) => listConferences(ctx, ['Schedule', 'Created'], () => ({})),
    'GET /v1/mmc/management/conferences/confDetail': (ctx) => detail(ctx, false),
    'GET /v1/mmc/management/conferences/online/confDetail': (ctx) => detail(ctx, true),
    'GET /v1/mmc/management/conferences/online/conf-attendee': onlineAttendees,
    'GET /v1/mmc/control/conferences/token': getControlToken,
    'GET /v1/mmc/control/conferences/realTimeInfo': realTimeInfo,
    'PUT /v1/mmc/control/conferences/allowWaitingParticipant': allowWaiting,
    'PUT /v1/mmc/control/conferences/stop': stop,
    'PUT /v1/mmc/control/conferences/mute': mute,
    'PUT /v1/mmc/control/conferences/lock': lock,
  };

  // --- control -------------------------------------------------------------------------------------------

  function view(meeting: SimMeeting): SimMeetingView {
    return {
      conferenceID: meeting.conferenceID,
      subject: meeting.subject,
      hostUserId: meeting.hostUserId,
      state: meeting.state,
      locked: meeting.locked,
      allMuted: meeting.allMuted,
      waiting: meeting.waiting.map((p) => p.name),
      participants: meeting.participants.map((p) => ({ name: p.name, mute: p.mute, role: p.role })),
    };
  }

  const control: HuaweiSimulatorControl = {
    requests: () => requestLog.map((entry) => ({ ...entry, query: { ...entry.query } })),
    clearRequests: () => void requestLog.splice(0),
    injectFault: (fault) => void faults.push({ ...fault, skip: fault.skip ?? 0, times: fault.times ?? 1 }),
    clearFaults: () => void faults.splice(0),
    expireTokens: (filter = {}) => {
      let count = 0;
      for (const entry of accessTokens.values()) {
        if (filter.userId !== undefined && entry.userId !== filter.userId.toLowerCase()) continue;
        if (entry.expiresAtMs > Date.now()) count++;
        entry.expiresAtMs = 0;
      }
      return count;
    },
    bulkCreateOngoingMeetings: (count, hostUserId = 'alice@contoso.com', subjectPrefix) => {
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('count must be 1 to 100000');
      return state.bulkCreateOngoing(count, hostUserId, subjectPrefix);
    },
    createMeeting: (spec) => view(state.addMeeting(spec)),
    addToWaitingRoom: (conferenceID, name) => {
      const meeting = state.meetings.get(conferenceID);
      if (!meeting) throw new Error(`no meeting ${conferenceID}`);
      meeting.waiting.push(state.participant(name, 0));
    },
    meeting: (conferenceID) => {
      const meeting = state.meetings.get(conferenceID);
      return meeting ? view(meeting) : undefined;
    },
    users: () => [...state.users.values()].map(({ userId, name, corpId, adminType }) => ({ userId, name, corpId, adminType })),
  };

  /** JSON mirror of `control` under /_sim/, for the sandbox and manual poking. */
  function simRoute(ctx: Ctx): void {
    const { pathname } = ctx.url;
    const method = ctx.req.method ?? 'GET';
    const body = asRecord(ctx.body);
    const meetingMatch = /^\/_sim\/meetings\/(\d+)(\/waiting)?$/.exec(pathname);
    if (pathname === '/_sim/requests' && method === 'GET') return send(ctx, 200, control.requests());
    if (pathname === '/_sim/requests' && method === 'DELETE') return send(ctx, 200, { cleared: true, ...(control.clearRequests(), {}) });
    if (pathname === '/_sim/faults' && method === 'POST') return send(ctx, 200, { added: true, ...(control.injectFault(body as Fault), {}) });
    if (pathname === '/_sim/faults' && method === 'DELETE') return send(ctx, 200, { cleared: true, ...(control.clearFaults(), {}) });
    if (pathname === '/_sim/tokens/expire' && method === 'POST') {
      return send(ctx, 200, { expired: control.expireTokens(typeof body.userId === 'string' ? { userId: body.userId } : {}) });
    }
    if (pathname === '/_sim/users' && method === 'GET') return send(ctx, 200, control.users());
    if (pathname === '/_sim/meetings/bulk' && method === 'POST') {
      const count = Number(body.count);
      const hostUserId = typeof body.hostUserId === 'string' ? body.hostUserId : undefined;
      return send(ctx, 200, { conferenceIDs: control.bulkCreateOngoingMeetings(count, hostUserId) });
    }
    if (pathname === '/_sim/meetings' && method === 'POST') return send(ctx, 200, control.createMeeting(body as unknown as NewMeeting));
    if (meetingMatch && !meetingMatch[2] && method === 'GET') {
      const found = control.meeting(meetingMatch[1]!);
      return found ? send(ctx, 200, found) : send(ctx, 404, { error: 'no such meeting' });
    }
    if (meetingMatch?.[2] && method === 'POST' && typeof body.name === 'string') {
      control.addToWaitingRoom(meetingMatch[1]!, body.name);
      return send(ctx, 200, control.meeting(meetingMatch[1]!));
    }
    send(ctx, 404, { error: `unknown simulator control ${method} ${pathname}` });
  }

  // --- dispatch ------------------------------------------------------------------------------------------

  async function applyFaults(ctx: Ctx): Promise<boolean> {
    const method = ctx.req.method ?? 'GET';
    const fault = faults.find((f) => (f.method === undefined || f.method === method) && (f.path === undefined || f.path === ctx.url.pathname));
    if (!fault) return false;
    if (fault.skip > 0) {
      fault.skip--;
      return false;
    }
    fault.times--;
    if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
    if (fault.expireToken) {
      const token = header(ctx.req, 'x-access-token');
      const entry = token ? accessTokens.get(token) : undefined;
      if (entry) entry.expiresAtMs = 0;
    }
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.drop) {
      ctx.log.status = 0;
      ctx.req.socket.destroy();
      return true;
    }
    if (fault.status !== undefined) {
      send(ctx, fault.status, fault.body ?? { error_code: 'SIM.FAULT', error_msg: `injected ${fault.status}` });
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const log: RequestLogEntry = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
    const ctx: Ctx = { req, res, url, body: undefined, log };
    const isControl = url.pathname.startsWith('/_sim/');
    try {
      ctx.body = await readJson(req);
      if (isControl) return simRoute(ctx);
      requestLog.push(log);
      if (await applyFaults(ctx)) return;
      const route = routes[`${log.method} ${url.pathname}`];
      if (!route) throw new HttpError(404, SIM_PARAM_ERROR, `No such API: ${log.method} ${url.pathname}`);
      route(ctx);
    } catch (error) {
      if (error instanceof HttpError) {
        send(ctx, error.status, { error_code: error.code, error_msg: error.message });
      } else {
        logger.error({ err: error, path: url.pathname }, 'huawei simulator failure');
        if (!res.headersSent) send(ctx, 500, { error_code: 'MMC.111000000', error_msg: 'Internal error' });
      }
    } finally {
      logger.debug({ method: log.method, path: log.path, status: log.status, userId: log.userId }, 'huawei simulator request');
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    appId,
    appKey,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function intParam(text: string | null, fallback: number, min: number, max: number, name: string): number {
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new HttpError(400, SIM_PARAM_ERROR, `${name} must be an integer from ${min} to ${max}.`);
  return value;
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new HttpError(413, SIM_PARAM_ERROR, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, SIM_PARAM_ERROR, 'Request body is not valid JSON.');
  }
}

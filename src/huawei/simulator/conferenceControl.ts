import type { SimAuth } from './auth.js';
import { asRecord, header, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext, type RouteTable } from './http.js';
import { visibleMeeting } from './meetings.js';
import { hex, type SimMeeting, type SimParticipant, type SimState } from './state.js';

/**
 * The meeting-control API: a control token bought with the host password (X-Password), then live state,
 * waiting room, mute, lock and end with that token in X-Conference-Authorization.
 *
 * MMC.111072065 is the code Huawei's docs give for a bad control token or a meeting that is gone.
 */
const CONTROL_AUTH_FAILED = 'MMC.111072065';

interface ControlToken {
  conferenceID: string;
  expiresAtMs: number;
}

export function conferenceControlRoutes(state: SimState, auth: SimAuth, controlLifetimeMs: number): RouteTable {
  const controlTokens = new Map<string, ControlToken>();

  const issueControlToken = (ctx: RequestContext): void => {
    const user = auth.currentUser(ctx);
    const conferenceID = ctx.url.searchParams.get('conferenceID');
    if (header(ctx.req, 'x-login-type') !== '1') throw new SimHttpError(400, SIM_PARAM_ERROR, 'X-Login-Type must be 1.');
    const meeting = visibleMeeting(state, user, conferenceID, { ongoing: true });
    if (header(ctx.req, 'x-password') !== meeting.chairPassword) throw new SimHttpError(400, CONTROL_AUTH_FAILED, 'CONF_NOT_FOUND_OR_AUTH_FAILED');
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
  };

  /** The ongoing meeting the request's control token was issued for; anything else is Huawei's one refusal. */
  const controlledMeeting = (ctx: RequestContext): SimMeeting => {
    const raw = header(ctx.req, 'x-conference-authorization') ?? '';
    const token = raw.startsWith('Basic ') ? Buffer.from(raw.slice(6), 'base64').toString('utf8') : raw;
    const conferenceID = ctx.url.searchParams.get('conferenceID');
    const entry = controlTokens.get(token);
    const meeting = conferenceID ? state.meetings.get(conferenceID) : undefined;
    if (!entry || entry.expiresAtMs <= Date.now() || !meeting || entry.conferenceID !== conferenceID || meeting.state !== 'Created') {
      throw new SimHttpError(400, CONTROL_AUTH_FAILED, 'CONF_NOT_FOUND_OR_AUTH_FAILED');
    }
    return meeting;
  };

  const realTimeInfo = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    const chair = meeting.participants.find((p) => p.role === 1);
    send(ctx, 200, {
      attendees: meeting.invitees.map((userId) => ({ accountID: userId, name: state.user(userId)?.name ?? userId, phone: '+99111****000' })),
      participants: meeting.participants.map((p) => ({ pid: p.pid, name: p.name, phone: p.phone, state: 0, video: 1, mute: p.mute, hand: 0 })),
      confInfo: { chairID: chair?.pid, coHosts: [] },
    });
  };

  const allowWaiting = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    const body = asRecord(ctx.body);
    if (body.allowAll === true) {
      admit(meeting, meeting.waiting.splice(0));
    } else if (typeof body.participantID === 'string') {
      const index = meeting.waiting.findIndex((p) => p.pid === body.participantID);
      if (index < 0) throw new SimHttpError(400, SIM_PARAM_ERROR, 'No such waiting participant.');
      admit(meeting, meeting.waiting.splice(index, 1));
    } else {
      throw new SimHttpError(400, SIM_PARAM_ERROR, 'participantID or allowAll is required.');
    }
    send(ctx, 200);
  };

  const stop = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    meeting.state = 'Destroyed';
    meeting.endTime = new Date();
    meeting.participants = [];
    meeting.waiting = [];
    for (const [token, entry] of controlTokens) if (entry.conferenceID === meeting.conferenceID) controlTokens.delete(token);
    send(ctx, 200);
  };

  const mute = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    const body = asRecord(ctx.body);
    const isMute = switchField(body, 'isMute');
    meeting.allMuted = isMute === 1;
    if (body.allowUnmuteByOneself === 0 || body.allowUnmuteByOneself === 1) meeting.allowUnmuteByOneself = body.allowUnmuteByOneself === 1;
    for (const participant of meeting.participants) if (participant.role !== 1) participant.mute = isMute;
    send(ctx, 200);
  };

  const lock = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    meeting.locked = switchField(asRecord(ctx.body), 'isLock') === 1;
    send(ctx, 200);
  };

  return {
    'GET /v1/mmc/control/conferences/token': issueControlToken,
    'GET /v1/mmc/control/conferences/realTimeInfo': realTimeInfo,
    'PUT /v1/mmc/control/conferences/allowWaitingParticipant': allowWaiting,
    'PUT /v1/mmc/control/conferences/stop': stop,
    'PUT /v1/mmc/control/conferences/mute': mute,
    'PUT /v1/mmc/control/conferences/lock': lock,
  };
}

/** Admitted people keep the meeting's mute-all state. */
function admit(meeting: SimMeeting, people: SimParticipant[]): void {
  for (const person of people) meeting.participants.push({ ...person, mute: meeting.allMuted ? 1 : 0 });
}

/** Huawei's on/off switches (isMute, isLock) are the numbers 0 and 1, nothing else. */
function switchField(body: Record<string, unknown>, name: string): 0 | 1 {
  const value = body[name];
  if (value !== 0 && value !== 1) throw new SimHttpError(400, SIM_PARAM_ERROR, `${name} must be 0 or 1.`);
  return value;
}

import type { SimAuth } from './auth.js';
import { asRecord, header, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext, type RouteTable } from './http.js';
import { visibleMeeting } from './meetings.js';
import { hex, type SimMeeting, type SimState } from './state.js';

/**
 * The meeting-control API: a control token bought with the host password (X-Password), then live state,
 * waiting room, mute, lock and end with that token in X-Conference-Authorization.
 *
 * MMC.111072065 is the code Huawei's docs give for a bad control token or a meeting that is gone.
 */
export const CONTROL_AUTH_FAILED = 'MMC.111072065';

interface ControlToken {
  conferenceID: string;
  expiresAtMs: number;
}

/** The control tokens issued so far: the REST control calls and the meeting-event WebSocket both check them. */
export class SimControlTokens {
  readonly #tokens = new Map<string, ControlToken>();

  constructor(readonly lifetimeMs: number) {}

  issue(conferenceID: string): { token: string; expiresAtMs: number } {
    const token = `stb${hex(24)}`;
    const expiresAtMs = Date.now() + this.lifetimeMs;
    this.#tokens.set(token, { conferenceID, expiresAtMs });
    return { token, expiresAtMs };
  }

  /** True when `presented` (raw or `Basic <base64>`, both documented) is a live token for the meeting. */
  valid(presented: string, conferenceID: string): boolean {
    const entry = this.#tokens.get(plainToken(presented));
    return entry !== undefined && entry.expiresAtMs > Date.now() && entry.conferenceID === conferenceID;
  }

  /** Expires every live token now; returns how many there were. */
  expireAll(): number {
    let count = 0;
    for (const entry of this.#tokens.values()) {
      if (entry.expiresAtMs > Date.now()) count++;
      entry.expiresAtMs = 0;
    }
    return count;
  }

  forgetMeeting(conferenceID: string): void {
    for (const [token, entry] of this.#tokens) if (entry.conferenceID === conferenceID) this.#tokens.delete(token);
  }
}

export function plainToken(presented: string): string {
  return presented.startsWith('Basic ') ? Buffer.from(presented.slice(6), 'base64').toString('utf8') : presented;
}

export function conferenceControlRoutes(state: SimState, auth: SimAuth, controlTokens: SimControlTokens): RouteTable {
  /**
   * With X-Conference-Authorization (a live token of this meeting) the token is renewed without the password,
   * as documented for keeping a control session alive; otherwise the host password decides.
   */
  const issueControlToken = (ctx: RequestContext): void => {
    const user = auth.currentUser(ctx);
    const conferenceID = ctx.url.searchParams.get('conferenceID');
    if (header(ctx.req, 'x-login-type') !== '1') throw new SimHttpError(400, SIM_PARAM_ERROR, 'X-Login-Type must be 1.');
    const meeting = visibleMeeting(state, user, conferenceID, { ongoing: true });
    const keepAlive = header(ctx.req, 'x-conference-authorization');
    const authorized = keepAlive !== undefined
      ? controlTokens.valid(keepAlive, meeting.conferenceID)
      : header(ctx.req, 'x-password') === meeting.chairPassword;
    if (!authorized) throw new SimHttpError(400, CONTROL_AUTH_FAILED, 'CONF_NOT_FOUND_OR_AUTH_FAILED');
    const { token, expiresAtMs } = controlTokens.issue(meeting.conferenceID);
    const host = ctx.req.headers.host ?? 'localhost';
    send(ctx, 200, {
      data: {
        token,
        tmpWsToken: hex(16),
        // The WebSocket base; the client appends /cms/open/websocket/confctl/increment/conn (plain ws: no TLS here).
        wsURL: `ws://${host}`,
        role: 1,
        expireTime: expiresAtMs,
        userID: user.uuid,
        orgID: user.corpId,
        confTokenExpireTime: Math.round(controlTokens.lifetimeMs / 1000),
        vmrCurrentConfID: meeting.conferenceID,
        supportNotifyType: ['ConfBasicInfoNotify', 'ParticipantsNotify', 'WaitingListNotify'],
      },
      addressToken: hex(16),
      gloablPublicIP: '127.0.0.1',
    });
  };

  /** The ongoing meeting the request's control token was issued for; anything else is Huawei's one refusal. */
  const controlledMeeting = (ctx: RequestContext): SimMeeting => controlledMeetingOf(state, controlTokens, ctx);

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
      state.admitWaiting(meeting, meeting.waiting.map((p) => p.pid));
    } else if (typeof body.participantID === 'string') {
      if (!meeting.waiting.some((p) => p.pid === body.participantID)) throw new SimHttpError(400, SIM_PARAM_ERROR, 'No such waiting participant.');
      state.admitWaiting(meeting, [body.participantID]);
    } else {
      throw new SimHttpError(400, SIM_PARAM_ERROR, 'participantID or allowAll is required.');
    }
    send(ctx, 200);
  };

  const stop = (ctx: RequestContext): void => {
    const meeting = controlledMeeting(ctx);
    state.endMeeting(meeting);
    controlTokens.forgetMeeting(meeting.conferenceID);
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

/** The ongoing meeting the request's control token was issued for; anything else is Huawei's one refusal. */
export function controlledMeetingOf(state: SimState, controlTokens: SimControlTokens, ctx: RequestContext): SimMeeting {
  const presented = header(ctx.req, 'x-conference-authorization') ?? '';
  const conferenceID = ctx.url.searchParams.get('conferenceID');
  const meeting = conferenceID ? state.meetings.get(conferenceID) : undefined;
  if (!conferenceID || !meeting || meeting.state !== 'Created' || !controlTokens.valid(presented, conferenceID)) {
    throw new SimHttpError(400, CONTROL_AUTH_FAILED, 'CONF_NOT_FOUND_OR_AUTH_FAILED');
  }
  return meeting;
}

/** Huawei's on/off switches (isMute, isLock) are the numbers 0 and 1, nothing else. */
function switchField(body: Record<string, unknown>, name: string): 0 | 1 {
  const value = body[name];
  if (value !== 0 && value !== 1) throw new SimHttpError(400, SIM_PARAM_ERROR, `${name} must be 0 or 1.`);
  return value;
}

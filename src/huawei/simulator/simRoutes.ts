import { z } from 'zod';
import { asRecord, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext } from './http.js';
import type { Fault } from './faults.js';
import type { HuaweiSimulatorControl } from './simControl.js';
import type { NewMeeting } from './state.js';

/** JSON mirror of HuaweiSimulatorControl under /_sim/, for the sandbox and manual poking. */
export const SIM_API_PREFIX = '/_sim/';

const count = z.number().int().nonnegative();

const faultSchema: z.ZodType<Fault> = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  skip: count.optional(),
  times: count.optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown(),
  delayMs: count.optional(),
  drop: z.boolean().optional(),
  expireToken: z.boolean().optional(),
});

const newMeetingSchema: z.ZodType<NewMeeting> = z.object({
  subject: z.string(),
  hostUserId: z.string(),
  invitees: z.array(z.string()).optional(),
  state: z.enum(['Schedule', 'Created', 'Destroyed']).optional(),
  startsInMinutes: z.number().optional(),
  lengthMinutes: z.number().optional(),
  timeZoneID: z.string().optional(),
  language: z.enum(['zh-CN', 'en-US']).optional(),
  enableWaitingRoom: z.boolean().optional(),
  waiting: z.array(z.string()).optional(),
  conferenceID: z.string().optional(),
});

export function handleSimApi(ctx: RequestContext, control: HuaweiSimulatorControl): void {
  const body = asRecord(ctx.body);
  const actions: Record<string, () => unknown> = {
    'GET /_sim/requests': () => control.requests(),
    'DELETE /_sim/requests': () => {
      control.clearRequests();
      return { cleared: true };
    },
    'POST /_sim/faults': () => {
      control.injectFault(parseBody(faultSchema, body));
      return { added: true };
    },
    'DELETE /_sim/faults': () => {
      control.clearFaults();
      return { cleared: true };
    },
    // kind: "access" (default: sign-in tokens), "control" (control and WebSocket tokens) or "all".
    'POST /_sim/tokens/expire': () => {
      const kind = body.kind === 'control' || body.kind === 'all' ? body.kind : 'access';
      const access = kind === 'control' ? 0 : control.expireTokens(typeof body.userId === 'string' ? { userId: body.userId } : {});
      return { expired: access + (kind === 'access' ? 0 : control.expireControlTokens()) };
    },
    'GET /_sim/sockets': () => control.sockets(),
    'POST /_sim/sockets/drop': () => ({ dropped: control.dropSockets(typeof body.conferenceID === 'string' ? body.conferenceID : undefined) }),
    'GET /_sim/users': () => control.users(),
    'POST /_sim/meetings/bulk': () => ({
      conferenceIDs: control.bulkCreateOngoingMeetings(Number(body.count), typeof body.hostUserId === 'string' ? body.hostUserId : undefined),
    }),
    'POST /_sim/meetings': () => control.createMeeting(parseBody(newMeetingSchema, body)),
  };
  const { method } = ctx.log;
  const { pathname } = ctx.url;
  const action = actions[`${method} ${pathname}`];
  if (action) return send(ctx, 200, action());

  const meetingMatch = /^\/_sim\/meetings\/(\d+)(?:\/(waiting|end|frames)(?:\/([\w-]{1,64})(\/admit)?)?)?$/.exec(pathname);
  if (meetingMatch) return meetingAction(ctx, control, body, meetingMatch);
  send(ctx, 404, { error: `unknown simulator control ${method} ${pathname}` });
}

/**
 * Per meeting: GET /_sim/meetings/:id; POST …/waiting {name} (someone knocks; answers with their participantId);
 * DELETE …/waiting/:pid (they give up); POST …/waiting/:pid/admit (admitted elsewhere; "all" for everyone);
 * POST …/end; POST …/frames {text} (a raw frame to the meeting's sockets).
 */
function meetingAction(ctx: RequestContext, control: HuaweiSimulatorControl, body: Record<string, unknown>, match: RegExpExecArray): void {
  const [, conferenceID = '', section, pid, admit] = match;
  const { method } = ctx.log;
  const found = control.meeting(conferenceID);
  if (!found) return send(ctx, 404, { error: 'no such meeting' });
  if (!section && method === 'GET') return send(ctx, 200, found);
  if (found.state !== 'Created' && method !== 'GET') return send(ctx, 409, { error: 'the meeting is not in progress' });
  if (section === 'waiting' && !pid && method === 'POST' && typeof body.name === 'string' && body.name.trim() !== '') {
    const participantId = control.addToWaitingRoom(conferenceID, body.name.slice(0, 96));
    return send(ctx, 200, { participantId, ...control.meeting(conferenceID) });
  }
  if (section === 'waiting' && pid && !admit && method === 'DELETE') {
    return send(ctx, 200, { removed: control.removeFromWaitingRoom(conferenceID, pid) });
  }
  if (section === 'waiting' && pid && admit && method === 'POST') {
    return send(ctx, 200, { admitted: control.admitElsewhere(conferenceID, pid === 'all' ? undefined : pid) });
  }
  if (section === 'end' && !pid && method === 'POST') {
    control.endMeeting(conferenceID);
    return send(ctx, 200, { ended: true });
  }
  if (section === 'frames' && !pid && method === 'POST' && typeof body.text === 'string') {
    return send(ctx, 200, { sent: control.sendRawFrame(conferenceID, body.text) });
  }
  send(ctx, 404, { error: `unknown simulator control ${method} ${ctx.url.pathname}` });
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SimHttpError(400, SIM_PARAM_ERROR, `Bad simulator request: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'unexpected shape'}`);
}

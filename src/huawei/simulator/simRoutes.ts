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
    'POST /_sim/tokens/expire': () => ({ expired: control.expireTokens(typeof body.userId === 'string' ? { userId: body.userId } : {}) }),
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

  const meetingMatch = /^\/_sim\/meetings\/(\d+)(\/waiting)?$/.exec(pathname);
  const conferenceID = meetingMatch?.[1];
  if (conferenceID && !meetingMatch[2] && method === 'GET') {
    const found = control.meeting(conferenceID);
    return found ? send(ctx, 200, found) : send(ctx, 404, { error: 'no such meeting' });
  }
  if (conferenceID && meetingMatch[2] && method === 'POST' && typeof body.name === 'string') {
    control.addToWaitingRoom(conferenceID, body.name);
    return send(ctx, 200, control.meeting(conferenceID));
  }
  send(ctx, 404, { error: `unknown simulator control ${method} ${pathname}` });
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SimHttpError(400, SIM_PARAM_ERROR, `Bad simulator request: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'unexpected shape'}`);
}

import { z } from 'zod';
import type { Ctx, Reply } from './http.js';
import { Router } from './http.js';
import type { UcwaSimulatorControl } from './control.js';
import type { FaultSpec } from './faults.js';
import { AVAILABILITIES } from './presence.js';

/** The control API over HTTP under /_sim/ (JSON in, JSON out) for the sandbox and the chat CLI. */
export class ControlBodyError extends Error {}

async function body<T>(ctx: Ctx, schema: z.ZodType<T>): Promise<T> {
  const raw = await ctx.text();
  let parsed: unknown = {};
  if (raw.trim() !== '') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ControlBodyError('The body must be JSON.');
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new ControlBodyError(result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  }
  return result.data;
}

const json = (status: number, value: unknown): Reply => ({ kind: 'json', status, body: value });
const done: Reply = { kind: 'empty', status: 204 };

const arrivalSchema = z.object({
  meeting: z.string().min(1),
  name: z.string().min(1),
  sipUri: z.string().optional(),
  source: z.enum(['enterprise', 'federated', 'anonymous']).optional(),
});

const placedSchema = arrivalSchema.omit({ meeting: true });

const bulkUsersSchema = z.object({
  count: z.number().int().min(1).max(100_000),
  prefix: z.string().optional(),
  domain: z.string().optional(),
  password: z.string().min(1).max(256).optional(),
  accessLevel: z.enum(['Everyone', 'Invited', 'Locked', 'SameEnterprise']).optional(),
});

const presenceSchema = z.object({
  user: z.string().min(1),
  availability: z.enum(AVAILABILITIES),
  activity: z.string().max(256).optional(),
});

const faultSchema = z.object({
  method: z.string().optional(),
  path: z.string().optional(),
  pathRegex: z.string().optional(),
  status: z.number().int().optional(),
  subcode: z.string().optional(),
  retryAfter: z.number().nonnegative().optional(),
  delayMs: z.number().nonnegative().max(60000).optional(),
  drop: z.boolean().optional(),
  malformed: z.boolean().optional(),
  times: z.number().int().positive().optional(),
});

function toFaultSpec(input: z.infer<typeof faultSchema>): FaultSpec {
  const { path, pathRegex, ...rest } = input;
  if ((path === undefined) === (pathRegex === undefined)) throw new ControlBodyError('Give exactly one of path or pathRegex.');
  let matcher: string | RegExp;
  try {
    matcher = pathRegex !== undefined ? new RegExp(pathRegex) : (path ?? '');
  } catch {
    throw new ControlBodyError('pathRegex is not a valid regular expression.');
  }
  return { ...rest, path: matcher };
}

export function controlRouter(control: UcwaSimulatorControl): Router {
  const router = new Router();
  router.on('GET', '/_sim/meetings', () => json(200, { meetings: control.meetings() }));
  router.on('GET', '/_sim/meetings/:meeting/lobby', (_ctx, { meeting }) => json(200, { participants: control.lobby(meeting ?? '') }));
  router.on('POST', '/_sim/lobby', async (ctx) => json(201, { participantId: control.putInLobby(await body(ctx, arrivalSchema)) }));
  router.on('POST', '/_sim/users/bulk', async (ctx) => json(201, { users: control.bulkUsers(await body(ctx, bulkUsersSchema)) }));
  router.on('POST', '/_sim/meetings/:meeting/lobby', async (ctx, { meeting }) => json(201, control.placeInLobby({ meeting: meeting ?? '' }, await body(ctx, placedSchema))));
  router.on('POST', '/_sim/users/:user/lobby', async (ctx, { user }) => json(201, control.placeInLobby({ organizer: user ?? '' }, await body(ctx, placedSchema))));
  router.on('GET', '/_sim/participants/:id', (_ctx, { id }) => json(200, control.participant(id ?? '')));
  for (const action of ['admit', 'reject', 'leave'] as const) {
    router.on('POST', `/_sim/participants/:id/${action}`, (_ctx, { id }) => {
      control[action](id ?? '');
      return done;
    });
  }
  router.on('POST', '/_sim/presence', async (ctx) => {
    control.setPresence(await body(ctx, presenceSchema));
    return done;
  });
  router.on('GET', '/_sim/presence/:user', (_ctx, { user }) => json(200, control.presence(user ?? '')));
  router.on('GET', '/_sim/presence-subscriptions', () => json(200, { subscriptions: control.presenceSubscriptions() }));
  router.on('GET', '/_sim/applications', () => json(200, { applications: control.applications() }));
  router.on('POST', '/_sim/applications/:id/expire', async (ctx, { id }) => {
    const { reason } = await body(ctx, z.object({ reason: z.enum(['ApplicationNotFound', 'InactiveApplicationExpired']).optional() }));
    control.expireApplication(id ?? '', reason);
    return done;
  });
  router.on('POST', '/_sim/applications/:id/resync', (_ctx, { id }) => {
    control.forceResync(id ?? '');
    return done;
  });
  router.on('POST', '/_sim/applications/:id/resume', (_ctx, { id }) => {
    control.forceResume(id ?? '');
    return done;
  });
  router.on('POST', '/_sim/application-creation-failure', async (ctx) => {
    const { subcode } = await body(ctx, z.object({ subcode: z.enum(['TooManyApplications', 'UserAgentNotAllowed']).nullable() }));
    control.setApplicationCreationFailure(subcode);
    return done;
  });
  router.on('POST', '/_sim/users/:user/expire-token', (_ctx, { user }) => json(200, { expired: control.expireToken(user ?? '') }));
  router.on('POST', '/_sim/discovery-redirect', async (ctx) => {
    control.setDiscoveryRedirect((await body(ctx, z.object({ enabled: z.boolean() }))).enabled);
    return done;
  });
  router.on('POST', '/_sim/join-flow', async (ctx) => {
    control.setInvitationLinksConversation((await body(ctx, z.object({ invitationLinksConversation: z.boolean() }))).invitationLinksConversation);
    return done;
  });
  router.on('POST', '/_sim/join-failure', async (ctx) => {
    const reason = z.object({ code: z.string().min(1), subcode: z.string().optional(), message: z.string().optional() }).nullable();
    control.failNextJoin(await body(ctx, reason));
    return done;
  });
  router.on('POST', '/_sim/replays', async (ctx) => {
    const spec = await body(ctx, z.object({ method: z.string().optional(), path: z.string().startsWith('/'), status: z.number().int().optional(), body: z.unknown().optional(), etag: z.string().optional() }));
    control.replay(spec);
    return done;
  });
  router.on('GET', '/_sim/replays', () => json(200, { requests: control.replayed() }));
  router.on('DELETE', '/_sim/replays', () => {
    control.clearReplays();
    return done;
  });
  router.on('POST', '/_sim/faults', async (ctx) => json(201, { id: control.injectFault(toFaultSpec(await body(ctx, faultSchema))) }));
  router.on('DELETE', '/_sim/faults', () => {
    control.clearFaults();
    return done;
  });
  router.on('POST', '/_sim/reset', () => {
    control.reset();
    return done;
  });
  return router;
}

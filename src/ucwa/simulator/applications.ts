import { fail, resource, UcwaFailure, withEmbedded, withLinks, type Resource } from './model.js';
import type { Reply, Router } from './http.js';
import { APPLICATIONS_PATH } from './paths.js';
import { onlineMeetingsDashboard } from './meetings.js';
import { requireApp, requireUser } from './auth.js';
import type { App, SimState } from './state.js';
import { leaveConversation } from './conference.js';

/** applications, application, me, people, communication, policies, makeMeAvailable (applications_ref & co). */
const TOO_LONG = 100;

function text(fields: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = fields[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

export function meResource(state: SimState, app: App): Resource {
  const person = state.people.get(app.user);
  const p = app.paths;
  return withLinks(
    resource('me', p.me, {
      name: person?.name,
      uri: `sip:${app.user}`,
      emailAddresses: [app.user],
      title: person?.title,
      department: person?.department,
      company: person?.company,
      workPhoneNumber: person?.workPhoneNumber,
      endpointUri: `sip:${app.user};opaque=user:epid:${Buffer.from(app.endpointId).toString('base64url').slice(0, 22)};gruu`,
    }),
    { makeMeAvailable: p.makeMeAvailable },
  );
}

export function peopleResource(app: App): Resource {
  const p = app.paths;
  return withLinks(resource('people', p.people), {
    myGroups: p.myGroups,
    myContacts: p.myContacts,
    myContactsAndGroupsSubscription: p.subscription,
  });
}

export function communicationResource(state: SimState, app: App): Resource {
  const p = app.paths;
  return withLinks(
    resource('communication', p.communication, {
      [state.putSentinel]: 'please pass this in a PUT request',
      supportedModalities: [],
      supportedMessageFormats: ['Plain'],
      etag: '3140562359',
    }),
    { conversations: p.conversations, joinOnlineMeeting: p.joinOnlineMeeting },
  );
}

function applicationResource(state: SimState, app: App): Resource {
  const p = app.paths;
  const res = withLinks(
    resource('application', p.app, {
      type: 'Browser',
      culture: app.culture,
      endpointId: app.endpointId,
      id: app.id,
      instanceId: app.instanceId,
      userAgent: app.userAgent,
    }),
    { policies: p.policies, events: p.events(1) },
  );
  withEmbedded(res, 'me', meResource(state, app));
  withEmbedded(res, 'people', peopleResource(app));
  withEmbedded(res, 'onlineMeetings', onlineMeetingsDashboard(state, app));
  withEmbedded(res, 'communication', communicationResource(state, app));
  return res;
}

function validateCreate(fields: Record<string, unknown>): { culture: string; endpointId: string; userAgent: string; instanceId?: string } {
  const culture = text(fields, 'culture', 'Culture');
  const endpointId = text(fields, 'endpointId', 'EndpointId');
  const userAgent = text(fields, 'userAgent', 'UserAgent');
  const instanceId = text(fields, 'instanceId', 'InstanceId');
  const problems: Record<string, string> = {};
  for (const [name, value] of Object.entries({ culture, endpointId, userAgent })) {
    if (!value) problems[name] = 'Required and must not be empty.';
    else if (value.length > TOO_LONG) problems[name] = `Must be at most ${TOO_LONG} characters.`;
  }
  if (instanceId && instanceId.length > TOO_LONG) problems.instanceId = `Must be at most ${TOO_LONG} characters.`;
  if (Object.keys(problems).length > 0) throw fail.badRequest('One or more parameters are not valid.', problems);
  return { culture: culture ?? '', endpointId: endpointId ?? '', userAgent: userAgent ?? '', instanceId };
}

async function createApplication(state: SimState, user: string, fields: Record<string, unknown>): Promise<Reply> {
  const input = validateCreate(fields);
  if (state.appCreationFailure) {
    throw new UcwaFailure(410, state.appCreationFailure, state.appCreationFailure === 'TooManyApplications'
      ? 'The user has too many applications.'
      : 'This user agent is no longer allowed.');
  }
  // endpointId is unique per user among running applications: the same endpoint gets its application back.
  const existing = state.liveApps().find((app) => app.user === user && app.endpointId === input.endpointId);
  const app = existing ?? state.createApp(user, input);
  return { kind: 'resource', status: 201, resource: applicationResource(state, app) };
}

export function registerApplications(router: Router, state: SimState): void {
  router.on('POST', APPLICATIONS_PATH, async (ctx) => createApplication(state, requireUser(state, ctx), await ctx.input()));
  router.on('GET', `${APPLICATIONS_PATH}/:app`, (ctx, { app }) => ({
    kind: 'resource',
    resource: applicationResource(state, requireApp(state, ctx, app)),
  }));
  router.on('DELETE', `${APPLICATIONS_PATH}/:app`, (ctx, { app }) => {
    const found = requireApp(state, ctx, app);
    for (const conversation of [...found.conversations.values()]) leaveConversation(state, found, conversation);
    state.endApp(found, 'ApplicationNotFound');
    return { kind: 'empty', status: 204 };
  });
  router.on('GET', `${APPLICATIONS_PATH}/:app/me`, (ctx, { app }) => ({
    kind: 'resource',
    resource: meResource(state, requireApp(state, ctx, app)),
  }));
  router.on('POST', `${APPLICATIONS_PATH}/:app/me/makeMeAvailable`, (ctx, { app }) => {
    const found = requireApp(state, ctx, app);
    const me = { rel: 'me', href: found.paths.me };
    state.emit(found, { sender: me, link: me, type: 'updated', priority: 'medium' });
    return { kind: 'empty', status: 204 };
  });
  router.on('GET', `${APPLICATIONS_PATH}/:app/people`, (ctx, { app }) => ({
    kind: 'resource',
    resource: peopleResource(requireApp(state, ctx, app)),
  }));
  router.on('GET', `${APPLICATIONS_PATH}/:app/communication`, (ctx, { app }) => ({
    kind: 'resource',
    resource: communicationResource(state, requireApp(state, ctx, app)),
  }));
  router.on('GET', `${APPLICATIONS_PATH}/:app/policies`, (ctx, { app }) => {
    const found = requireApp(state, ctx, app);
    return { kind: 'resource', resource: resource('policies', found.paths.policies, { photosEnabled: false }) };
  });
}

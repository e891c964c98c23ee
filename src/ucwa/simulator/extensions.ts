import { fail, resource, withEmbedded, type Resource } from './model.js';
import { etagOf, type Ctx, type Reply, type Router } from './http.js';
import type { InputFields } from './representation.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import { checkIfMatch, ownMeeting } from './meetings.js';
import type { App, Extension, Meeting, SimState } from './state.js';

/** onlineMeetingExtensions / onlineMeetingExtension: custom key/value data attached to a meeting. */
const TYPES = ['Undefined', 'RoamedOrganizerData', 'RoamedParticipantData'];

export function extensionEtag(meeting: Meeting, ext: Extension): string {
  return etagOf(`${meeting.id}:${ext.id}:${ext.version}`);
}

export function extensionResource(app: App, meeting: Meeting, ext: Extension): Resource {
  return resource('onlineMeetingExtension', app.paths.extension(meeting.id, ext.id), { id: ext.id, type: ext.type, ...ext.extra });
}

/** `id` and `type` are typed; any other string property is kept, as extensions allow arbitrary pairs. */
function parseExtension(fields: InputFields): { id?: string; type: string; extra: Record<string, string> } {
  const problems: Record<string, string> = {};
  const id = fields.id;
  if (id !== undefined && (typeof id !== 'string' || id.length === 0 || id.length > 256)) problems.id = 'Must be a non-empty string.';
  const type = fields.type ?? 'Undefined';
  if (typeof type !== 'string' || !TYPES.includes(type)) problems.type = `Must be one of ${TYPES.join(', ')}.`;
  if (Object.keys(problems).length > 0) throw fail.badRequest('The extension is not valid.', problems);
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name !== 'id' && name !== 'type' && name !== 'rel' && typeof value === 'string') extra[name] = value;
  }
  return { id: typeof id === 'string' ? id : undefined, type: String(type), extra };
}

function findExtension(meeting: Meeting, id: string | undefined): Extension {
  const ext = id ? meeting.extensions.get(id) : undefined;
  if (!ext) throw fail.notFound('The online meeting extension does not exist.');
  return ext;
}

async function create(state: SimState, ctx: Ctx, app: App, meeting: Meeting): Promise<Reply> {
  const input = parseExtension(await ctx.input());
  const id = input.id ?? state.nextId();
  if (meeting.extensions.has(id)) throw fail.conflict('AlreadyExists', 'An extension with this id already exists.');
  const ext: Extension = { id, type: input.type, extra: input.extra, version: 1 };
  meeting.extensions.set(id, ext);
  return { kind: 'resource', status: 201, resource: extensionResource(app, meeting, ext), etag: extensionEtag(meeting, ext) };
}

async function update(ctx: Ctx, app: App, meeting: Meeting, ext: Extension): Promise<Reply> {
  checkIfMatch(ctx, extensionEtag(meeting, ext));
  const input = parseExtension(await ctx.input());
  if (input.id !== undefined && input.id !== ext.id) throw fail.badRequest('The extension id cannot change.', { id: 'Must match the extension being updated.' });
  ext.type = input.type;
  ext.extra = input.extra;
  ext.version += 1;
  return { kind: 'resource', resource: extensionResource(app, meeting, ext), etag: extensionEtag(meeting, ext) };
}

export function registerExtensions(router: Router, state: SimState): void {
  const collection = `${APPLICATIONS_PATH}/:app/onlineMeetings/myOnlineMeetings/:meeting/onlineMeetingExtensions`;
  const resolve = (ctx: Ctx, params: Record<string, string>) => {
    const app = requireApp(state, ctx, params.app);
    return { app, meeting: ownMeeting(state, app, params.meeting) };
  };
  router.on('GET', collection, (ctx, params) => {
    const { app, meeting } = resolve(ctx, params);
    const res = resource('onlineMeetingExtensions', app.paths.extensions(meeting.id));
    withEmbedded(res, 'onlineMeetingExtension', [...meeting.extensions.values()].map((ext) => extensionResource(app, meeting, ext)));
    return { kind: 'resource', resource: res };
  });
  router.on('POST', collection, (ctx, params) => {
    const { app, meeting } = resolve(ctx, params);
    return create(state, ctx, app, meeting);
  });
  router.on('GET', `${collection}/:ext`, (ctx, params) => {
    const { app, meeting } = resolve(ctx, params);
    const ext = findExtension(meeting, params.ext);
    return { kind: 'resource', resource: extensionResource(app, meeting, ext), etag: extensionEtag(meeting, ext) };
  });
  router.on('PUT', `${collection}/:ext`, (ctx, params) => {
    const { app, meeting } = resolve(ctx, params);
    return update(ctx, app, meeting, findExtension(meeting, params.ext));
  });
  router.on('DELETE', `${collection}/:ext`, (ctx, params) => {
    const { meeting } = resolve(ctx, params);
    meeting.extensions.delete(findExtension(meeting, params.ext).id);
    return { kind: 'empty', status: 204 };
  });
}

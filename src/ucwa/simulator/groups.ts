import { fail, resource, withEmbedded, withLinks, type Resource, type UcwaEvent } from './model.js';
import { etagOf, type Ctx, type Reply, type Router } from './http.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import { checkIfMatch } from './meetings.js';
import type { Person } from './seed.js';
import type { App, Group, SimState } from './state.js';
import { contactPresenceHref, presenceDuration, subscribeToPresence } from './presence.js';

/** people/myGroups (myGroups2), group/group2, pinned/default/distribution groups, groupContacts, subscriptions. */
const MAX_NAME = 256;
const MAX_GROUPS = 64;

export function contactResource(app: App, person: Person): Resource {
  const contact = resource('contact', app.paths.contact(person.key), {
    company: person.company,
    department: person.department,
    emailAddresses: [person.key],
    name: person.name,
    sourceNetwork: person.sourceNetwork,
    title: person.title,
    type: 'User',
    uri: `sip:${person.key}`,
    workPhoneNumber: person.workPhoneNumber,
  });
  return withLinks(contact, { contactPresence: contactPresenceHref(app, person.key) });
}

function contactsOf(state: SimState, app: App, group: Group): Resource[] {
  return group.contacts.flatMap((key) => {
    const person = state.people.get(key);
    return person ? [contactResource(app, person)] : [];
  });
}

function groupEtag(group: Group): string {
  return etagOf(`group:${group.id}:${group.version}`);
}

function groupResource(state: SimState, app: App, group: Group): Resource {
  const p = app.paths;
  if (group.kind === 'distributionGroup') {
    const res = withLinks(resource('distributionGroup', p.group(group.id), { uri: group.uri, id: group.id, name: group.name }), {
      subscribeToGroupPresence: p.subscribeToGroupPresence(group.id),
    });
    return withEmbedded(res, 'contact', contactsOf(state, app, group));
  }
  return withLinks(resource(group.kind, p.group(group.id), { id: group.id, name: group.name }), {
    groupContacts: p.groupContacts(group.id),
    subscribeToGroupPresence: p.subscribeToGroupPresence(group.id),
  });
}

function groupsOf(state: SimState, app: App): Group[] {
  return [...state.groups.values()].filter((group) => group.owner === app.user);
}

function myGroups(state: SimState, app: App, expand: boolean): Resource {
  const groups = groupsOf(state, app);
  const ofKind = (kind: Group['kind']) => groups.filter((group) => group.kind === kind);
  const res = withLinks(resource('myGroups', app.paths.myGroups), {
    group: ofKind('group').map((group) => ({ href: app.paths.group(group.id) })),
    distributionGroup: ofKind('distributionGroup').map((group) => ({ href: app.paths.group(group.id) })),
    defaultGroup: ofKind('defaultGroup').map((group) => app.paths.group(group.id))[0],
    pinnedGroup: ofKind('pinnedGroup').map((group) => app.paths.group(group.id))[0],
  });
  if (!expand) return res;
  withEmbedded(res, 'group', ofKind('group').map((group) => groupResource(state, app, group)));
  withEmbedded(res, 'distributionGroup', ofKind('distributionGroup').map((group) => groupResource(state, app, group)));
  for (const kind of ['defaultGroup', 'pinnedGroup'] as const) {
    const single = ofKind(kind)[0];
    if (single) withEmbedded(res, kind, groupResource(state, app, single));
  }
  return res;
}

function findGroup(state: SimState, app: App, id: string | undefined): Group {
  const group = id ? state.groups.get(id) : undefined;
  if (!group || group.owner !== app.user) throw fail.notFound('The group does not exist.');
  return group;
}

function peopleEvent(app: App, link: { rel: string; href: string }, type: UcwaEvent['type'], inMyGroups: boolean): UcwaEvent {
  const event: UcwaEvent = { sender: { rel: 'people', href: app.paths.people }, link, type, priority: 'high' };
  if (inMyGroups) event.in = { rel: 'myGroups', href: app.paths.myGroups };
  return event;
}

function groupName(fields: Record<string, unknown>, field: string): string {
  const name = fields[field];
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
    throw fail.badRequest('The group name is not valid.', { [field]: `Required, at most ${MAX_NAME} characters.` });
  }
  return name;
}

function ensureUniqueName(state: SimState, app: App, name: string, except?: Group): void {
  const clash = groupsOf(state, app).some((group) => group !== except && group.name.toLowerCase() === name.toLowerCase());
  if (clash) throw fail.conflict('AlreadyExists', 'A group with this name already exists.');
}

async function createGroup(state: SimState, ctx: Ctx, app: App): Promise<Reply> {
  const name = groupName(await ctx.input(), 'displayName');
  ensureUniqueName(state, app, name);
  if (groupsOf(state, app).filter((group) => group.kind === 'group').length >= MAX_GROUPS) {
    throw fail.conflict('TooManyGroups', 'The contact list has too many groups.');
  }
  const group: Group = { id: state.nextId(), owner: app.user, kind: 'group', name, contacts: [], version: 1 };
  state.groups.set(group.id, group);
  state.emitToContactSubscribers(app.user, (a) => peopleEvent(a, { rel: 'group', href: a.paths.group(group.id) }, 'added', true));
  return { kind: 'empty', status: 204 };
}

function requirePersonal(group: Group): void {
  if (group.kind !== 'group') throw fail.forbidden('System groups and distribution groups cannot be modified.');
}

async function renameGroup(state: SimState, ctx: Ctx, app: App, group: Group): Promise<Reply> {
  requirePersonal(group);
  checkIfMatch(ctx, groupEtag(group));
  const name = groupName(await ctx.input(), 'name');
  ensureUniqueName(state, app, name, group);
  group.name = name;
  group.version += 1;
  state.emitToContactSubscribers(app.user, (a) => peopleEvent(a, { rel: 'group', href: a.paths.group(group.id) }, 'updated', false));
  return { kind: 'empty', status: 200, headers: { ETag: `"${groupEtag(group)}"` } };
}

function duration(fields: Record<string, unknown>, min: number, max: number): number {
  const value = Number(fields.duration);
  if (fields.duration === undefined || !Number.isFinite(value) || value < min || value > max) {
    throw fail.badRequest('The subscription duration is not valid.', { duration: `Required, minutes between ${min} and ${max}.` });
  }
  return value;
}

function subscriptionResource(app: App): Resource {
  const p = app.paths;
  const running = app.subscription && app.subscription.expiresAt > Date.now();
  return withLinks(resource('myContactsAndGroupsSubscription', p.subscription, { state: running ? app.subscription?.state : 'Disconnected' }), {
    startOrRefreshSubscriptionToContactsAndGroups: `${p.subscription}/startOrRefreshSubscriptionToContactsAndGroups`,
    stopSubscriptionToContactsAndGroups: `${p.subscription}/stopSubscriptionToContactsAndGroups`,
  });
}

/** A refresh adding up to more than 30 minutes is capped at 30 (startOrRefresh… reference). */
async function startSubscription(state: SimState, ctx: Ctx, app: App): Promise<Reply> {
  const minutes = Math.min(30, duration(await ctx.input(), 10, 60));
  clearTimeout(app.subscription?.timer);
  const lifetimeMs = minutes * 60 * 1000;
  const timer = setTimeout(() => {
    const link = { rel: 'myContactsAndGroupsSubscription', href: app.paths.subscription };
    state.emit(app, { sender: { rel: 'people', href: app.paths.people }, link, type: 'updated', priority: 'medium' });
  }, lifetimeMs - 60 * 1000);
  timer.unref();
  app.subscription = { state: 'Connected', expiresAt: Date.now() + lifetimeMs, timer };
  return { kind: 'resource', status: 201, resource: subscriptionResource(app) };
}

export function registerGroups(router: Router, state: SimState): void {
  const people = `${APPLICATIONS_PATH}/:app/people`;
  const withApp = (ctx: Ctx, id: string | undefined) => requireApp(state, ctx, id);
  router.on('GET', `${people}/groups`, (ctx, { app }) => ({
    kind: 'resource',
    resource: myGroups(state, withApp(ctx, app), ctx.url.searchParams.get('expand') !== 'false'),
  }));
  router.on('POST', `${people}/groups`, (ctx, { app }) => createGroup(state, ctx, withApp(ctx, app)));
  router.on('GET', `${people}/groups/:gid`, (ctx, { app, gid }) => {
    const found = withApp(ctx, app);
    const group = findGroup(state, found, gid);
    return { kind: 'resource', resource: groupResource(state, found, group), etag: groupEtag(group) };
  });
  router.on('PUT', `${people}/groups/:gid`, (ctx, { app, gid }) => {
    const found = withApp(ctx, app);
    return renameGroup(state, ctx, found, findGroup(state, found, gid));
  });
  router.on('DELETE', `${people}/groups/:gid`, (ctx, { app, gid }) => {
    const found = withApp(ctx, app);
    const group = findGroup(state, found, gid);
    requirePersonal(group);
    state.groups.delete(group.id);
    state.emitToContactSubscribers(found.user, (a) => peopleEvent(a, { rel: 'group', href: a.paths.group(group.id) }, 'deleted', true));
    return { kind: 'empty', status: 204 };
  });
  router.on('POST', `${people}/groups/:gid/subscribeToGroupPresence`, async (ctx, { app, gid }) => {
    const found = withApp(ctx, app);
    const group = findGroup(state, found, gid);
    const minutes = presenceDuration(await ctx.input());
    // The subscription covers the group's members as they are now (subscribeToGroupPresence_ref).
    return { kind: 'resource', status: 201, resource: subscribeToPresence(state, found, group.contacts, minutes) };
  });
  router.on('GET', `${people}/contacts`, (ctx, { app }) => {
    const found = withApp(ctx, app);
    const groupId = ctx.url.searchParams.get('groupId');
    const keys = groupId
      ? findGroup(state, found, groupId).contacts
      : [...new Set(groupsOf(state, found).flatMap((group) => group.contacts))];
    const contacts = keys.flatMap((key) => {
      const person = state.people.get(key);
      return person ? [contactResource(found, person)] : [];
    });
    const res = withLinks(resource(groupId ? 'groupContacts' : 'myContacts', groupId ? found.paths.groupContacts(groupId) : found.paths.myContacts), {
      contact: contacts.map((contact) => ({ href: contact.href })),
    });
    return { kind: 'resource', resource: ctx.url.searchParams.get('expand') === 'false' ? res : withEmbedded(res, 'contact', contacts) };
  });
  router.on('GET', `${people}/contactsAndGroupsSubscription`, (ctx, { app }) => ({ kind: 'resource', resource: subscriptionResource(withApp(ctx, app)) }));
  router.on('POST', `${people}/contactsAndGroupsSubscription/startOrRefreshSubscriptionToContactsAndGroups`, (ctx, { app }) =>
    startSubscription(state, ctx, withApp(ctx, app)),
  );
  router.on('POST', `${people}/contactsAndGroupsSubscription/stopSubscriptionToContactsAndGroups`, (ctx, { app }) => {
    const found = withApp(ctx, app);
    clearTimeout(found.subscription?.timer);
    found.subscription = undefined;
    return { kind: 'empty', status: 204 };
  });
  router.on('GET', `${people}/:contact`, (ctx, { app, contact }) => {
    const found = withApp(ctx, app);
    const person = contact ? state.people.get(contact.toLowerCase()) : undefined;
    if (!person) throw fail.notFound('The contact does not exist.');
    return { kind: 'resource', resource: contactResource(found, person) };
  });
}

import { fail, resource, withLinks, type Resource, type UcwaEvent } from './model.js';
import type { Ctx, Reply, Router } from './http.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import type { App, SimState } from './state.js';

/**
 * Contact presence (contactPresence_ref) and time-bound presence subscriptions (subscribeToGroupPresence_ref,
 * presenceSubscription_ref, "Extend a presence subscription"):
 * - each person has one presence: `availability`, `activity`, `deviceType`, `lastActive`;
 * - a subscription covers the group's members at the time it was made and lasts `duration` minutes (10–30);
 *   POST on it adds `duration` to what remains, capped at 30; DELETE ends it;
 * - shortly before it runs out the application gets `presenceSubscription` updated (Medium, sender `people`),
 *   then it ends (`deleted`) and its members' changes stop reaching the application;
 * - a presence change reaches every live application with a running subscription that covers the person, as
 *   `contactPresence` updated (Medium, sender `people`, `in` the contact) — once per application.
 */
export const AVAILABILITIES = ['Online', 'IdleOnline', 'Busy', 'IdleBusy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface PresenceState {
  availability: Availability;
  activity?: string;
  deviceType: string;
  lastActive: Date;
}

export interface PresenceSubscription {
  id: string;
  /** Directory keys of the people it covers. */
  members: Set<string>;
  expiresAt: number;
  warnTimer?: NodeJS.Timeout;
  endTimer?: NodeJS.Timeout;
}

const MIN_MINUTES = 10;
const MAX_MINUTES = 30;
/** How long before the end the "about to expire" event goes out; the docs do not say, so leave a client time to act. */
const WARN_MINUTES = 2;

export function contactPresenceHref(app: App, personKey: string): string {
  return `${app.paths.contact(personKey)}/contactPresence`;
}

export function presenceOf(state: SimState, personKey: string): PresenceState {
  let presence = state.presence.get(personKey);
  if (!presence) {
    presence = { availability: 'Online', deviceType: 'PC', lastActive: new Date() };
    state.presence.set(personKey, presence);
  }
  return presence;
}

function contactPresenceResource(state: SimState, app: App, personKey: string): Resource {
  const presence = presenceOf(state, personKey);
  return resource('contactPresence', contactPresenceHref(app, personKey), {
    activity: presence.activity,
    availability: presence.availability,
    deviceType: presence.deviceType,
    lastActive: presence.lastActive,
  });
}

function subscriptionResource(app: App, subscription: PresenceSubscription): Resource {
  const href = app.paths.presenceSubscription(subscription.id);
  return withLinks(resource('presenceSubscription', href, { id: subscription.id }), {
    addToPresenceSubscription: `${app.paths.people}/presenceSubscriptionMemberships?presenceSubscriptionId=${encodeURIComponent(subscription.id)}`,
    memberships: `${app.paths.people}/presenceSubscriptionMemberships?presenceSubscriptionId=${encodeURIComponent(subscription.id)}`,
  });
}

function subscriptionEvent(app: App, subscription: PresenceSubscription, type: 'updated' | 'deleted'): UcwaEvent {
  const link = { rel: 'presenceSubscription', href: app.paths.presenceSubscription(subscription.id) };
  const event: UcwaEvent = { sender: { rel: 'people', href: app.paths.people }, link, type, priority: 'medium' };
  // The "Extend a presence subscription" sample embeds the subscription in its updated event.
  if (type === 'updated') event.embedded = subscriptionResource(app, subscription);
  return event;
}

export function presenceDuration(fields: Record<string, unknown>): number {
  const value = Number(fields.duration);
  if (fields.duration === undefined || !Number.isFinite(value) || value < MIN_MINUTES || value > MAX_MINUTES) {
    throw fail.badRequest('The presence subscription duration is not valid.', { duration: `Required, minutes between ${MIN_MINUTES} and ${MAX_MINUTES}.` });
  }
  return value;
}

/** (Re)arms the warning and the end of a subscription so it runs `minutes` from now. */
function arm(state: SimState, app: App, subscription: PresenceSubscription, minutes: number): void {
  const minuteMs = state.options.presenceMinuteMs;
  clearTimeout(subscription.warnTimer);
  clearTimeout(subscription.endTimer);
  subscription.expiresAt = Date.now() + minutes * minuteMs;
  subscription.warnTimer = setTimeout(() => state.emit(app, subscriptionEvent(app, subscription, 'updated')), Math.max(0, (minutes - WARN_MINUTES) * minuteMs));
  subscription.endTimer = setTimeout(() => {
    app.presence.delete(subscription.id);
    state.emit(app, subscriptionEvent(app, subscription, 'deleted'));
  }, minutes * minuteMs);
  subscription.warnTimer.unref();
  subscription.endTimer.unref();
}

export function subscribeToPresence(state: SimState, app: App, members: Iterable<string>, minutes: number): Resource {
  app.presenceSubscriptions += 1;
  const subscription: PresenceSubscription = { id: String(app.presenceSubscriptions), members: new Set(members), expiresAt: 0 };
  app.presence.set(subscription.id, subscription);
  arm(state, app, subscription, minutes);
  return subscriptionResource(app, subscription);
}

/** Ends every presence subscription of the application (deleted, expired with it, or dropped by `resume`). */
export function endPresenceSubscriptions(app: App): void {
  for (const subscription of app.presence.values()) {
    clearTimeout(subscription.warnTimer);
    clearTimeout(subscription.endTimer);
  }
  app.presence.clear();
}

function isCovered(app: App, personKey: string): boolean {
  const now = Date.now();
  return [...app.presence.values()].some((subscription) => subscription.expiresAt > now && subscription.members.has(personKey));
}

/** A person's presence changes: every application subscribed to them hears it once. */
export function changePresence(state: SimState, personKey: string, change: { availability: Availability; activity?: string }): void {
  const presence = presenceOf(state, personKey);
  presence.availability = change.availability;
  presence.activity = change.activity;
  presence.lastActive = new Date();
  for (const app of state.liveApps()) {
    if (!isCovered(app, personKey)) continue;
    state.emit(app, {
      sender: { rel: 'people', href: app.paths.people },
      link: { rel: 'contactPresence', href: contactPresenceHref(app, personKey) },
      in: { rel: 'contact', href: app.paths.contact(personKey) },
      type: 'updated',
      priority: 'medium',
    });
  }
}

function findSubscription(app: App, id: string | undefined): PresenceSubscription {
  const subscription = id ? app.presence.get(id) : undefined;
  if (!subscription || subscription.expiresAt <= Date.now()) throw fail.notFound('The presence subscription does not exist.');
  return subscription;
}

/** POST on a subscription: the new duration is added to what remains, and the sum capped at 30 minutes. */
async function extend(state: SimState, ctx: Ctx, app: App, subscription: PresenceSubscription): Promise<Reply> {
  const minutes = presenceDuration(await ctx.input());
  const remaining = Math.max(0, subscription.expiresAt - Date.now()) / state.options.presenceMinuteMs;
  arm(state, app, subscription, Math.min(MAX_MINUTES, remaining + minutes));
  return { kind: 'resource', status: 201, resource: subscriptionResource(app, subscription) };
}

export function registerPresence(router: Router, state: SimState): void {
  const people = `${APPLICATIONS_PATH}/:app/people`;
  const subscriptions = `${people}/presenceSubscriptions/:sid`;
  router.on('GET', `${people}/:contact/contactPresence`, (ctx, { app, contact }) => {
    const found = requireApp(state, ctx, app);
    const key = contact?.toLowerCase() ?? '';
    if (!state.people.has(key)) throw fail.notFound('The contact does not exist.');
    return { kind: 'resource', resource: contactPresenceResource(state, found, key) };
  });
  router.on('GET', subscriptions, (ctx, { app, sid }) => {
    const found = requireApp(state, ctx, app);
    return { kind: 'resource', resource: subscriptionResource(found, findSubscription(found, sid)) };
  });
  router.on('POST', subscriptions, (ctx, { app, sid }) => {
    const found = requireApp(state, ctx, app);
    return extend(state, ctx, found, findSubscription(found, sid));
  });
  router.on('DELETE', subscriptions, (ctx, { app, sid }) => {
    const found = requireApp(state, ctx, app);
    const subscription = findSubscription(found, sid);
    clearTimeout(subscription.warnTimer);
    clearTimeout(subscription.endTimer);
    found.presence.delete(subscription.id);
    return { kind: 'empty', status: 204 };
  });
}

/** For the control API: who each live subscription covers and until when. */
export function describeSubscriptions(state: SimState): Array<{ appId: string; user: string; id: string; members: string[]; expiresAt: Date }> {
  const now = Date.now();
  return state.liveApps().flatMap((app) =>
    [...app.presence.values()]
      .filter((subscription) => subscription.expiresAt > now)
      .map((subscription) => ({ appId: app.id, user: app.user, id: subscription.id, members: [...subscription.members].sort(), expiresAt: new Date(subscription.expiresAt) })),
  );
}

import { UcwaError } from './errors.js';
import { matchesEvent, type DispatchedEvent, type EventFilter } from './events.js';
import { linkOf, type UcwaResource } from './resource.js';
import type { UcwaSession } from './session.js';
import { hasBody, resourceOf } from './transport.js';
import { date, text } from './values.js';
import { presenceSubscriptionView, type ContactView, type PresenceSubscriptionView } from './views.js';

/**
 * Contact presence (contactPresence_ref) and the upkeep of presence subscriptions (presenceSubscription_ref,
 * "Extend a presence subscription"): reading a contact's presence through its `contactPresence` link, extending
 * or ending a subscription, and typed dispatch of the `people` sender's presence events on the event channel.
 */

/** The documented Availability values; a server may add others, which are kept as given. */
export const availabilities = ['Online', 'IdleOnline', 'Busy', 'IdleBusy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Offline'] as const;
export type Availability = (typeof availabilities)[number];

export interface ContactPresenceView {
  href: string;
  resource: UcwaResource;
  availability?: Availability | (string & {});
  /** Localized free text or a well-known token ("in-a-meeting", "on-the-phone", "presenting"...). */
  activity?: string;
  deviceType?: string;
  lastActive?: Date;
}

export function contactPresenceView(resource: UcwaResource): ContactPresenceView {
  return {
    href: resource.href,
    resource,
    availability: text(resource, 'availability'),
    activity: text(resource, 'activity'),
    deviceType: text(resource, 'deviceType'),
    lastActive: date(resource, 'lastActive'),
  };
}

export function isAvailability(value: string | undefined): value is Availability {
  return value !== undefined && (availabilities as readonly string[]).includes(value);
}

/** The presence of a contact, through the `contactPresence` link of the contact (or that link's href). */
export async function readContactPresence(session: UcwaSession, contact: ContactView | string): Promise<ContactPresenceView> {
  const href = typeof contact === 'string' ? contact : linkOf(contact.resource, 'contactPresence')?.href;
  if (!href) throw new UcwaError({ code: 'MissingLink', subcode: 'contactPresence', message: 'no contactPresence link offered' });
  return contactPresenceView(await session.get(href));
}

/**
 * POST on the subscription: the server adds `durationMinutes` to what remains and caps the sum at 30 minutes.
 * The docs' refresh pattern: do this when the subscription's `updated` event says it is about to run out.
 */
export async function extendPresenceSubscription(session: UcwaSession, subscriptionHref: string, durationMinutes = 30): Promise<PresenceSubscriptionView> {
  if (!Number.isInteger(durationMinutes) || durationMinutes < 10 || durationMinutes > 30) {
    throw new UcwaError({ code: 'InvalidInput', message: 'duration must be a whole number of minutes from 10 to 30' });
  }
  const response = await session.post(subscriptionHref, { duration: durationMinutes });
  return presenceSubscriptionView(hasBody(response) ? resourceOf(response) : await session.get(subscriptionHref));
}

export async function endPresenceSubscription(session: UcwaSession, subscriptionHref: string): Promise<void> {
  await session.delete(subscriptionHref);
}

// ------------------------------------------------------------------------------------------ events

export interface ContactPresenceChange {
  /** The contact whose presence changed (the event's `in`, else the presence href's parent). */
  contactHref: string;
  presenceHref: string;
  /** The new presence: the embedded copy, or fetched on demand (the event itself only names the resource). */
  presence(): Promise<ContactPresenceView>;
}

const contactPresenceFilter: EventFilter = { sender: 'people', rel: 'contactPresence', type: 'updated' };
const presenceSubscriptionFilter: EventFilter = { sender: 'people', rel: 'presenceSubscription', type: ['added', 'updated', 'deleted'] };

/**
 * The contact presence change an event is (`contactPresence` updated, sender `people`, Medium: a subscribed contact's
 * availability or activity changed); undefined for any other event.
 */
export function contactPresenceChangeOf(event: DispatchedEvent): ContactPresenceChange | undefined {
  if (!matchesEvent(contactPresenceFilter, event)) return undefined;
  return {
    contactHref: event.in?.rel === 'contact' ? event.in.href : parentOf(event.link.href),
    presenceHref: event.link.href,
    presence: async () => {
      const target = await event.target();
      if (!target) throw new UcwaError({ code: 'InvalidResponse', message: 'contactPresence event without a readable target' });
      return contactPresenceView(target);
    },
  };
}

export interface PresenceSubscriptionChange {
  type: 'added' | 'updated' | 'deleted';
  href: string;
  /** The embedded subscription, when the server sent one. */
  subscription?: PresenceSubscriptionView;
}

/**
 * The presence subscription change an event is (`presenceSubscription`, sender `people`, Medium: `updated` means
 * "about to expire", extend it then; `deleted` means it is gone); undefined for any other event.
 */
export function presenceSubscriptionChangeOf(event: DispatchedEvent): PresenceSubscriptionChange | undefined {
  if (!matchesEvent(presenceSubscriptionFilter, event)) return undefined;
  const change: PresenceSubscriptionChange = { type: event.type as PresenceSubscriptionChange['type'], href: event.link.href };
  if (event.embedded) change.subscription = presenceSubscriptionView(event.embedded);
  return change;
}

function parentOf(href: string): string {
  const url = new URL(href);
  url.pathname = url.pathname.replace(/\/[^/]*\/?$/, '');
  url.search = '';
  return url.toString();
}

import pLimit from 'p-limit';
import type { StoppedWork, UcwaAccounts } from '../sfb/accounts.js';
import type { ChannelTap } from '../sfb/channels.js';
import type { Logger } from '../logging.js';
import type { Language } from '../nlu/recognition.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import {
  extendPresenceSubscription,
  endPresenceSubscription,
  linkOf,
  contactPresenceChangeOf,
  presenceSubscriptionChangeOf,
  readContactPresence,
  UcwaError,
  type ContactPresenceChange,
  type ContactPresenceView,
  type ContactView,
  type DispatchedEvent,
  type GroupView,
  type PresenceSubscriptionChange,
  type PresenceSubscriptionView,
  type UcwaSession,
} from '../ucwa/index.js';
import { Coalescer } from './coalescer.js';
import { groupMembers } from './members.js';
import type { PresenceRecords, PresenceWatchRecord, WatchedContact, WatchedGroup } from './records.js';
import { groupGoneLine, presenceLine } from './texts.js';

export interface PresenceWatcher {
  id: string;
  upn?: string;
  name?: string;
  language: Language;
}

/**
 * The person's one UCWA event channel, run by their Skype for Business connection (src/sfb/connection.ts), which
 * the lobby alerts hear too: the relay only listens on it and asks for it to be opened, so an application never
 * gets a second pending GET (409 PGetReplaced).
 */
export interface SharedEventChannels {
  tapEvents(tap: ChannelTap): () => void;
  openChannel(user: Pick<PresenceWatcher, 'id' | 'upn' | 'name'>): Promise<boolean>;
}

export interface PresenceRelayDeps {
  accounts: Pick<UcwaAccounts, 'session'> & Partial<Pick<UcwaAccounts, 'onSignOut'>>;
  records: PresenceRecords;
  references: Pick<ConversationReferenceStore, 'personalChatOf'>;
  proactive: Pick<ProactiveMessenger, 'send'>;
  channels: SharedEventChannels;
  logger: Logger;
}

export interface PresenceRelayOptions {
  /** Changes of one contact within this window make one message (default 5 s). */
  coalesceMs?: number;
  /** Length asked for each subscription and each extension; UCWA takes 10–30 minutes (default 30). */
  subscriptionMinutes?: number;
}

/** A subscription extended this recently is left alone when a channel (re)opens. */
const freshForMs = 60_000;

/**
 * "Watch presence of <group>": keeps a presence subscription to each watched group alive (extending it when
 * UCWA says it is about to expire, re-making it after a reset), listens for `contactPresence` events on the
 * person's event channel and tells them in their personal chat, one short line per change, flapping coalesced.
 */
export class PresenceRelay {
  private readonly locks = new KeyedSerializer();
  private readonly coalescer: Coalescer;
  /** Watched contacts by href, per person; rebuilt from the record whenever it changes. */
  private readonly contacts = new Map<string, Map<string, WatchedContact>>();
  private readonly renewedAt = new Map<string, number>();
  private untap?: () => void;
  private unhook?: () => void;
  private readonly minutes: number;

  constructor(
    private readonly deps: PresenceRelayDeps,
    options: PresenceRelayOptions = {},
  ) {
    this.coalescer = new Coalescer(options.coalesceMs ?? 5_000, (error) => this.deps.logger.warn({ err: error }, 'could not relay a presence change'));
    this.minutes = options.subscriptionMinutes ?? 30;
  }

  /** Listens on every person's channel and reopens the channels of people who watch presence (after a restart). */
  async start(): Promise<void> {
    this.untap = this.deps.channels.tapEvents({
      // A channel (re)opened: the subscriptions may have lapsed meanwhile, so each is extended or made again.
      opened: (userId, session) => void this.renewAll(userId, session, false),
      event: (userId, session, event) => this.onEvent(userId, session, event),
      // resume/resync/new application: the server dropped our subscriptions, so every one is made again.
      reset: (userId, session) => void this.renewAll(userId, session, true),
    });
    this.unhook = this.deps.accounts.onSignOut?.((userId, session) => this.forget(userId, session));
    const watchers = await this.deps.records.watchers();
    const limit = pLimit(8);
    // In the background, like the lobby watches: a slow pool must not hold up the bot's start.
    void Promise.all(
      watchers.map((userId) =>
        limit(async () => {
          const record = await this.deps.records.get(userId);
          if (record) await this.deps.channels.openChannel({ id: userId, upn: record.upn, name: record.name });
        }),
      ),
    ).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not resume presence watches'));
  }

  stop(): void {
    this.untap?.();
    this.unhook?.();
    this.coalescer.stop();
  }

  /** Subscribes to the group's presence, remembers the watch and makes sure the person's channel runs. */
  async watch(user: PresenceWatcher, session: UcwaSession, group: GroupView, members: ContactView[]): Promise<PresenceSubscriptionView> {
    // Statuses are read before subscribing: a change after this read is then an event, compared with them.
    const contacts = await this.withStatuses(session, members.map(watchedContact), await this.knownContacts(user.id));
    const subscription = await session.groups.subscribeToGroupPresence(group, this.minutes);
    this.renewedAt.set(subscription.href, Date.now());
    await this.locks.run(user.id, async () => {
      const record = (await this.deps.records.get(user.id)) ?? { teamsUserId: user.id, groups: [], language: user.language };
      const previous = record.groups.find((watched) => watched.href === group.href);
      const watched: WatchedGroup = {
        href: group.href,
        id: group.id,
        name: group.name ?? group.id ?? '',
        subscriptionHref: subscription.href,
        contacts,
        since: previous?.since ?? new Date().toISOString(),
      };
      await this.save({ ...record, upn: user.upn, name: user.name, language: user.language, groups: [...record.groups.filter((g) => g !== previous), watched] });
      if (previous?.subscriptionHref && previous.subscriptionHref !== subscription.href) await this.end(session, previous.subscriptionHref);
    });
    if (!(await this.deps.channels.openChannel(user))) this.deps.logger.warn({ teamsUserId: user.id }, 'presence watch saved, but the event channel could not open');
    return subscription;
  }

  /** Stops watching a group (by name, case-insensitive, or href); returns it, or undefined when it was not watched. */
  async unwatch(user: Pick<PresenceWatcher, 'id' | 'upn'>, group: string): Promise<WatchedGroup | undefined> {
    return this.locks.run(user.id, async () => {
      const record = await this.deps.records.get(user.id);
      const wanted = group.trim().toLowerCase();
      const found = record?.groups.find((watched) => watched.href === group || watched.name.toLowerCase() === wanted);
      if (!record || !found) return undefined;
      await this.save({ ...record, groups: record.groups.filter((watched) => watched !== found) });
      const session = await this.deps.accounts.session(user).catch(() => undefined);
      if (session && found.subscriptionHref) await this.end(session, found.subscriptionHref);
      return found;
    });
  }

  /** At sign-out: every presence watch of the person ends (its subscription too, while the session still works). */
  private async forget(userId: string, session: UcwaSession | undefined): Promise<StoppedWork | undefined> {
    return this.locks.run(userId, async () => {
      const record = await this.deps.records.get(userId);
      if (!record) return undefined;
      await this.save({ ...record, groups: [] });
      this.contacts.delete(userId);
      if (session) for (const group of record.groups) if (group.subscriptionHref) await this.end(session, group.subscriptionHref);
      return { kind: 'presence', names: record.groups.map((group) => group.name) };
    });
  }

  async watched(userId: string): Promise<WatchedGroup[]> {
    return (await this.deps.records.get(userId))?.groups ?? [];
  }

  // ------------------------------------------------------------------------------------------ the channel

  private async onEvent(userId: string, session: UcwaSession, event: DispatchedEvent): Promise<void> {
    const presence = contactPresenceChangeOf(event);
    if (presence) return this.onPresence(userId, presence);
    const subscription = presenceSubscriptionChangeOf(event);
    if (subscription) return this.onSubscription(userId, session, subscription);
  }

  private async onPresence(userId: string, change: ContactPresenceChange): Promise<void> {
    const contact = (await this.contactsOf(userId)).get(change.contactHref);
    if (!contact) {
      this.deps.logger.debug({ teamsUserId: userId }, 'presence change of a contact outside the watched groups; ignored');
      return;
    }
    this.coalescer.push(statusKey(userId, contact.href), () => this.announce(userId, contact, change));
  }

  private async announce(userId: string, contact: WatchedContact, change: ContactPresenceChange): Promise<void> {
    const presence = await change.presence();
    if (!presence.availability) return;
    const status = statusOf(presence);
    const record = await this.locks.run(userId, async () => {
      const current = await this.deps.records.get(userId);
      const known = current?.groups.flatMap((group) => group.contacts).find((candidate) => candidate.href === contact.href);
      if (!current || !known || known.status === status) return undefined;
      const groups = current.groups.map((group) => ({ ...group, contacts: group.contacts.map((c) => (c.href === contact.href ? { ...c, status } : c)) }));
      await this.save({ ...current, groups });
      return current;
    });
    if (record) await this.tell(userId, presenceLine(contact.name, presence.availability, presence.activity, record.language));
  }

  private async onSubscription(userId: string, session: UcwaSession, change: PresenceSubscriptionChange): Promise<void> {
    if (change.type === 'added') return;
    await this.locks.run(userId, async () => {
      const record = await this.deps.records.get(userId);
      const group = record?.groups.find((watched) => watched.subscriptionHref === change.href);
      if (!record || !group) return;
      // "updated" = about to expire: extend it (the docs' refresh pattern); "deleted" = gone: make a new one.
      const renewed = await this.renewGroup(session, group, change.type === 'deleted' ? 'resubscribe' : 'extend');
      await this.save({ ...record, groups: record.groups.map((watched) => (watched === group ? renewed : watched)) });
    });
  }

  /** Re-reads every watched group (members may have changed) and extends or re-makes its subscription. */
  private async renewAll(userId: string, session: UcwaSession, resubscribe: boolean): Promise<void> {
    try {
      const dropped = await this.locks.run(userId, async () => {
        const record = await this.deps.records.get(userId);
        if (!record) return undefined;
        const groups = await Promise.all(record.groups.map((group) => this.refreshGroup(session, group, resubscribe)));
        await this.save({ ...record, groups: groups.filter((group): group is WatchedGroup => group !== undefined) });
        return { language: record.language, names: record.groups.filter((_, index) => groups[index] === undefined).map((group) => group.name) };
      });
      // A watch that could not come back is not dropped in silence: the person hears which, and why.
      for (const name of dropped?.names ?? []) await this.tell(userId, groupGoneLine(name, dropped!.language));
    } catch (error) {
      this.deps.logger.warn({ err: error, teamsUserId: userId }, 'could not renew presence subscriptions');
    }
  }

  /** The group with fresh members and a live subscription; undefined when the group no longer exists. */
  private async refreshGroup(session: UcwaSession, watched: WatchedGroup, resubscribe: boolean): Promise<WatchedGroup | undefined> {
    let group: GroupView | undefined;
    const moved = !session.isOnCurrentServer(watched.href);
    try {
      group = moved ? await this.findAfresh(session, watched) : await session.groups.group(watched.href);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
    if (!group) {
      this.deps.logger.info({ group: watched.name }, 'a watched group no longer exists; no longer watching its presence');
      return undefined;
    }
    const contacts = await this.withStatuses(session, (await groupMembers(session, group)).map(watchedContact), watched.contacts);
    // A subscription on the server from before a move is not ours to extend (nor to send the token to): make a new one.
    const fresh = { ...watched, href: group.href, id: group.id ?? watched.id, contacts, subscriptionHref: moved ? undefined : watched.subscriptionHref };
    return this.renewGroup(session, fresh, resubscribe || moved ? 'resubscribe' : 'extendUnlessFresh', group);
  }

  /** After a pool move stored hrefs name the old server: find the group in the new application by id, else by name. */
  private async findAfresh(session: UcwaSession, watched: WatchedGroup): Promise<GroupView | undefined> {
    const mine = await session.groups.myGroups();
    const groups = [...mine.groups, ...mine.distributionGroups, ...(mine.pinnedGroup ? [mine.pinnedGroup] : []), ...(mine.defaultGroup ? [mine.defaultGroup] : [])];
    const found = (watched.id ? groups.find((group) => group.id === watched.id) : undefined) ?? groups.find((group) => group.name?.toLowerCase() === watched.name.toLowerCase());
    this.deps.logger.info({ group: watched.name, found: found !== undefined }, 'presence: found a watched group afresh after its server moved');
    return found ? session.groups.group(found.href) : undefined;
  }

  /**
   * `extend`: the server said it is about to expire; `extendUnlessFresh`: a channel (re)opened, so extend what was
   * not just made; `resubscribe`: the old one is gone. An extension the server refuses as gone becomes a new one.
   */
  private async renewGroup(session: UcwaSession, watched: WatchedGroup, mode: 'extend' | 'extendUnlessFresh' | 'resubscribe', group?: GroupView): Promise<WatchedGroup> {
    const href = watched.subscriptionHref;
    if (href && mode !== 'resubscribe') {
      if (mode === 'extendUnlessFresh' && Date.now() - (this.renewedAt.get(href) ?? 0) < freshForMs) return watched;
      try {
        const extended = await extendPresenceSubscription(session, href, this.minutes);
        this.renewedAt.set(extended.href, Date.now());
        return { ...watched, subscriptionHref: extended.href };
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    }
    const subscription = await session.groups.subscribeToGroupPresence(group ?? (await session.groups.group(watched.href)), this.minutes);
    this.renewedAt.set(subscription.href, Date.now());
    return { ...watched, subscriptionHref: subscription.href };
  }

  /**
   * Carries over the status known for each contact (matched by SIP address: hrefs change with a new application)
   * and reads it for contacts not seen before, so the first event only speaks when something really changed.
   */
  private async withStatuses(session: UcwaSession, contacts: WatchedContact[], known: WatchedContact[]): Promise<WatchedContact[]> {
    return Promise.all(
      contacts.map(async (contact) => {
        const previous = known.find((candidate) => (contact.uri && candidate.uri === contact.uri) || candidate.href === contact.href);
        if (previous?.status) return { ...contact, status: previous.status };
        if (!contact.presenceHref) return contact;
        const presence = await readContactPresence(session, contact.presenceHref).catch(() => undefined);
        return presence?.availability ? { ...contact, status: statusOf(presence) } : contact;
      }),
    );
  }

  private async knownContacts(userId: string): Promise<WatchedContact[]> {
    return [...(await this.contactsOf(userId)).values()];
  }

  // ------------------------------------------------------------------------------------------ helpers

  private async contactsOf(userId: string): Promise<Map<string, WatchedContact>> {
    const known = this.contacts.get(userId);
    if (known) return known;
    const record = await this.deps.records.get(userId);
    return this.index(userId, record);
  }

  private index(userId: string, record: PresenceWatchRecord | undefined): Map<string, WatchedContact> {
    const byHref = new Map<string, WatchedContact>();
    for (const group of record?.groups ?? []) for (const contact of group.contacts) byHref.set(contact.href, contact);
    this.contacts.set(userId, byHref);
    return byHref;
  }

  private async save(record: PresenceWatchRecord): Promise<void> {
    await this.deps.records.save(record);
    this.index(record.teamsUserId, record);
  }

  private async end(session: UcwaSession, subscriptionHref: string): Promise<void> {
    this.renewedAt.delete(subscriptionHref);
    await endPresenceSubscription(session, subscriptionHref).catch((error: unknown) => {
      if (!isGone(error)) this.deps.logger.warn({ err: error }, 'could not end a presence subscription');
    });
  }

  private async tell(userId: string, text: string): Promise<void> {
    const stored = await this.deps.references.personalChatOf({ id: userId });
    if (!stored) {
      this.deps.logger.warn({ teamsUserId: userId }, 'no personal chat to relay a presence change to');
      return;
    }
    await this.deps.proactive.send(stored.reference, { type: 'message', text });
  }
}

function watchedContact(contact: ContactView): WatchedContact {
  return {
    href: contact.href,
    uri: contact.uri,
    name: contact.name ?? contact.uri?.replace(/^sip:/i, '') ?? contact.href,
    presenceHref: linkOf(contact.resource, 'contactPresence')?.href,
  };
}

function statusKey(userId: string, contactHref: string): string {
  return `${userId}\n${contactHref}`;
}

function statusOf(presence: ContactPresenceView): string {
  return `${presence.availability ?? ''}|${presence.activity ?? ''}`;
}

function isGone(error: unknown): boolean {
  return error instanceof UcwaError && (error.status === 404 || error.status === 410);
}

import type { UcwaApplication } from './application.js';
import { UcwaError } from './errors.js';
import { targetHref } from './resource.js';
import { hasBody, resourceOf } from './transport.js';
import {
  groupContactsView,
  groupView,
  myGroupsView,
  presenceSubscriptionView,
  subscriptionView,
  type ContactsAndGroupsSubscriptionView,
  type GroupContactsView,
  type GroupView,
  type MyGroupsView,
  type PresenceSubscriptionView,
} from './views.js';

const MAX_GROUP_NAME = 256;

/** Contact groups: myGroups (group/group2, pinned, default, distribution), groupContacts and subscriptions. */
export class GroupsFacet {
  constructor(private readonly session: UcwaApplication) {}

  async myGroups(): Promise<MyGroupsView> {
    return myGroupsView(await this.session.get(this.session.applicationLink('people', 'myGroups')));
  }

  async group(group: GroupView | string): Promise<GroupView> {
    return groupView(await this.session.get(targetHref(group)));
  }

  /** Creates a personal group (myGroups2 POST → 204; the new group shows up on the next read or as an event). */
  async create(displayName: string): Promise<void> {
    await this.session.post(this.session.applicationLink('people', 'myGroups'), { displayName: checkName(displayName) });
  }

  /** group2 PUT: the whole group with the new name, If-Match guarded. */
  async rename(group: GroupView | string, name: string): Promise<GroupView> {
    const checked = checkName(name);
    return groupView(await this.session.update(targetHref(group), () => ({ name: checked })));
  }

  async delete(group: GroupView | string): Promise<void> {
    await this.session.delete(targetHref(group));
  }

  async contacts(group: GroupView | string): Promise<GroupContactsView> {
    const view = typeof group === 'string' ? await this.group(group) : group;
    if (!view.groupContactsHref) throw missing('groupContacts');
    return groupContactsView(await this.session.get(view.groupContactsHref));
  }

  async subscription(): Promise<ContactsAndGroupsSubscriptionView> {
    return subscriptionView(await this.session.get(this.session.applicationLink('people', 'myContactsAndGroupsSubscription')));
  }

  /** Needed before any group/contact-list events arrive; refresh when the subscription's `updated` event says so. */
  async startOrRefreshSubscription(durationMinutes = 30): Promise<ContactsAndGroupsSubscriptionView> {
    const subscription = await this.subscription();
    if (!subscription.startOrRefreshHref) throw missing('startOrRefreshSubscriptionToContactsAndGroups');
    const response = await this.session.post(subscription.startOrRefreshHref, { duration: checkDuration(durationMinutes, 10, 60) });
    return hasBody(response) ? subscriptionView(resourceOf(response)) : this.subscription();
  }

  async stopSubscription(): Promise<void> {
    const subscription = await this.subscription();
    if (!subscription.stopHref) throw missing('stopSubscriptionToContactsAndGroups');
    await this.session.post(subscription.stopHref, undefined);
  }

  /** A time-bound presence subscription to every contact of the group (201 presenceSubscription). */
  async subscribeToGroupPresence(group: GroupView, durationMinutes = 30): Promise<PresenceSubscriptionView> {
    if (!group.subscribeToGroupPresenceHref) throw missing('subscribeToGroupPresence');
    const url = new URL(group.subscribeToGroupPresenceHref);
    if (group.id && !url.searchParams.has('groupId')) url.searchParams.set('groupId', group.id);
    const response = await this.session.post(url.toString(), { duration: checkDuration(durationMinutes, 10, 30), groupId: group.id });
    return presenceSubscriptionView(await this.session.created(response, 'presence subscription'));
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_GROUP_NAME) {
    throw new UcwaError({
      code: 'InvalidInput',
      subcode: 'ParameterValidationFailure',
      message: `group name must be 1 to ${MAX_GROUP_NAME} characters`,
      problem: { kind: 'groupNameLength', max: MAX_GROUP_NAME },
    });
  }
  return trimmed;
}

function checkDuration(minutes: number, min: number, max: number): number {
  if (!Number.isInteger(minutes) || minutes < min || minutes > max) {
    throw new UcwaError({ code: 'InvalidInput', message: `duration must be a whole number of minutes from ${min} to ${max}` });
  }
  return minutes;
}

function missing(rel: string): UcwaError {
  return new UcwaError({ code: 'MissingLink', subcode: rel, message: `no ${rel} link offered` });
}

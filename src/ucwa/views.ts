import { embeddedOf, linkOf, linksOf, type UcwaResource } from './resource.js';
import { choice, date, flag, integer, list, text } from './values.js';

/**
 * Typed, read-only views of the resources the bot uses. Each keeps its `resource` so an update can PUT the whole
 * thing back and so links the view does not name stay reachable.
 */
interface View {
  href: string;
  resource: UcwaResource;
}

export type AccessLevel = 'None' | 'SameEnterprise' | 'Locked' | 'Invited' | 'Everyone';
export type AutomaticLeaderAssignment = 'Disabled' | 'SameEnterprise' | 'Everyone';
export type EntryExitAnnouncement = 'Unsupported' | 'Disabled' | 'Enabled';
export type EnabledDisabled = 'Disabled' | 'Enabled';
export type ParticipantRole = 'Attendee' | 'Leader' | 'Unknown';
export type OnlineMeetingExtensionType = 'Undefined' | 'RoamedOrganizerData' | 'RoamedParticipantData';

export interface ApplicationView extends View {
  id?: string;
  culture?: string;
  endpointId?: string;
  userAgent?: string;
  type?: string;
  eventsHref?: string;
  me?: MeView;
}

export interface MeView extends View {
  name?: string;
  uri?: string;
  emailAddresses: string[];
  title?: string;
  department?: string;
}

export interface OnlineMeetingsDashboardView extends View {
  myAssignedOnlineMeetingHref?: string;
  myOnlineMeetingsHref?: string;
  onlineMeetingDefaultValuesHref?: string;
  onlineMeetingEligibleValuesHref?: string;
  onlineMeetingInvitationCustomizationHref?: string;
  onlineMeetingPoliciesHref?: string;
  phoneDialInInformationHref?: string;
}

/** myOnlineMeeting, myAssignedOnlineMeeting and the read-only onlineMeeting of a conversation share this shape. */
export interface MeetingView extends View {
  rel: string;
  onlineMeetingId?: string;
  subject?: string;
  description?: string;
  accessLevel?: AccessLevel;
  attendees: string[];
  leaders: string[];
  automaticLeaderAssignment?: AutomaticLeaderAssignment;
  conferenceId?: string;
  entryExitAnnouncement?: EntryExitAnnouncement;
  expirationTime?: Date;
  joinUrl?: string;
  legacyOnlineMeetingUri?: string;
  lobbyBypassForPhoneUsers?: EnabledDisabled;
  onlineMeetingRel?: string;
  onlineMeetingUri?: string;
  organizerUri?: string;
  organizerName?: string;
  phoneUserAdmission?: EnabledDisabled;
  etag?: string;
  extensionsHref?: string;
  extensions: ExtensionView[];
}

export interface MeetingListView extends View {
  myOnlineMeetings: MeetingView[];
  myAssignedOnlineMeetings: MeetingView[];
}

export interface DefaultValuesView extends View {
  accessLevel?: AccessLevel;
  automaticLeaderAssignment?: AutomaticLeaderAssignment;
  defaultOnlineMeetingRel?: string;
  entryExitAnnouncement?: EntryExitAnnouncement;
  lobbyBypassForPhoneUsers?: EnabledDisabled;
  participantsWarningThreshold?: number;
}

export interface EligibleValuesView extends View {
  accessLevels: string[];
  automaticLeaderAssignments: string[];
  eligibleOnlineMeetingRels: string[];
  entryExitAnnouncements: string[];
  lobbyBypassForPhoneUsersSettings: string[];
}

export interface PoliciesView extends View {
  entryExitAnnouncement?: string;
  externalUserMeetingRecording?: string;
  meetingRecording?: string;
  meetingSize?: number;
  phoneUserAdmission?: string;
  voipAudio?: string;
}

export interface DialInRegionView extends View {
  name?: string;
  number?: string;
  languages: string[];
}

export interface PhoneDialInView extends View {
  conferenceId?: string;
  defaultRegion?: string;
  externalDirectoryUri?: string;
  internalDirectoryUri?: string;
  isAudioConferenceProviderEnabled?: boolean;
  participantPassCode?: string;
  tollFreeNumbers: string[];
  tollNumber?: string;
  regions: DialInRegionView[];
}

export interface InvitationCustomizationView extends View {
  enterpriseHelpUrl?: string;
  invitationFooterText?: string;
  invitationHelpUrl?: string;
  invitationLegalUrl?: string;
  invitationLogoUrl?: string;
}

export interface ExtensionView extends View {
  id?: string;
  type?: OnlineMeetingExtensionType;
  etag?: string;
}

export interface ConversationView extends View {
  state?: string;
  subject?: string;
  participantCount?: number;
  threadId?: string;
  lobbyHref?: string;
  onlineMeetingHref?: string;
  participantsHref?: string;
  leadersHref?: string;
  attendeesHref?: string;
  localParticipantHref?: string;
}

export interface ParticipantView extends View {
  name?: string;
  uri?: string;
  anonymous?: boolean;
  inLobby?: boolean;
  local?: boolean;
  organizer?: boolean;
  role?: ParticipantRole;
  sourceNetwork?: string;
  workPhoneNumber?: string;
  otherPhoneNumber?: string;
  /** Present only when the signed-in user may admit / reject this participant right now. */
  admitHref?: string;
  rejectHref?: string;
  conversationHref?: string;
}

export interface LobbyView extends View {
  participants: ParticipantView[];
  /** Participants the server linked but did not embed. */
  participantHrefs: string[];
}

export interface OnlineMeetingInvitationView extends View {
  state?: string;
  operationId?: string;
  onlineMeetingUri?: string;
  direction?: string;
  conversationHref?: string;
}

export type GroupKind = 'group' | 'pinnedGroup' | 'defaultGroup' | 'distributionGroup' | 'delegatesGroup' | 'delegatorsGroup' | 'myOrganizationGroup';

export interface GroupView extends View {
  kind: string;
  id?: string;
  name?: string;
  uri?: string;
  etag?: string;
  groupContactsHref?: string;
  subscribeToGroupPresenceHref?: string;
  contacts: ContactView[];
}

export interface MyGroupsView extends View {
  groups: GroupView[];
  distributionGroups: GroupView[];
  pinnedGroup?: GroupView;
  defaultGroup?: GroupView;
  /** Every group link by rel, including system groups the server did not embed. */
  links: Array<{ rel: string; href: string }>;
}

export interface ContactView extends View {
  name?: string;
  uri?: string;
  emailAddresses: string[];
  company?: string;
  department?: string;
  title?: string;
  type?: string;
  sourceNetwork?: string;
}

export interface GroupContactsView extends View {
  contacts: ContactView[];
  contactHrefs: string[];
}

export interface ContactsAndGroupsSubscriptionView extends View {
  state?: string;
  startOrRefreshHref?: string;
  stopHref?: string;
}

export interface PresenceSubscriptionView extends View {
  id?: string;
  membershipsHref?: string;
  addToPresenceSubscriptionHref?: string;
}

const base = (resource: UcwaResource): View => ({ href: resource.href, resource });
const hrefOf = (resource: UcwaResource, rel: string): string | undefined => linkOf(resource, rel)?.href;

export function applicationView(resource: UcwaResource): ApplicationView {
  const me = embeddedOf(resource, 'me')[0];
  return {
    ...base(resource),
    id: text(resource, 'id'),
    culture: text(resource, 'culture'),
    endpointId: text(resource, 'endpointId'),
    userAgent: text(resource, 'userAgent'),
    type: text(resource, 'type'),
    eventsHref: hrefOf(resource, 'events'),
    me: me ? meView(me) : undefined,
  };
}

export function meView(resource: UcwaResource): MeView {
  return {
    ...base(resource),
    name: text(resource, 'name'),
    uri: text(resource, 'uri'),
    emailAddresses: list(resource, 'emailAddresses'),
    title: text(resource, 'title'),
    department: text(resource, 'department'),
  };
}

export function dashboardView(resource: UcwaResource): OnlineMeetingsDashboardView {
  return {
    ...base(resource),
    myAssignedOnlineMeetingHref: hrefOf(resource, 'myAssignedOnlineMeeting'),
    myOnlineMeetingsHref: hrefOf(resource, 'myOnlineMeetings'),
    onlineMeetingDefaultValuesHref: hrefOf(resource, 'onlineMeetingDefaultValues'),
    onlineMeetingEligibleValuesHref: hrefOf(resource, 'onlineMeetingEligibleValues'),
    onlineMeetingInvitationCustomizationHref: hrefOf(resource, 'onlineMeetingInvitationCustomization'),
    onlineMeetingPoliciesHref: hrefOf(resource, 'onlineMeetingPolicies'),
    phoneDialInInformationHref: hrefOf(resource, 'phoneDialInInformation'),
  };
}

export function meetingView(resource: UcwaResource): MeetingView {
  return {
    ...base(resource),
    rel: resource.rel,
    onlineMeetingId: text(resource, 'onlineMeetingId'),
    subject: text(resource, 'subject'),
    description: text(resource, 'description'),
    accessLevel: choice<AccessLevel>(resource, 'accessLevel'),
    attendees: list(resource, 'attendees'),
    leaders: list(resource, 'leaders'),
    automaticLeaderAssignment: choice<AutomaticLeaderAssignment>(resource, 'automaticLeaderAssignment'),
    conferenceId: text(resource, 'conferenceId'),
    entryExitAnnouncement: choice<EntryExitAnnouncement>(resource, 'entryExitAnnouncement'),
    expirationTime: date(resource, 'expirationTime'),
    joinUrl: text(resource, 'joinUrl'),
    legacyOnlineMeetingUri: text(resource, 'legacyOnlineMeetingUri'),
    lobbyBypassForPhoneUsers: choice<EnabledDisabled>(resource, 'lobbyBypassForPhoneUsers'),
    onlineMeetingRel: text(resource, 'onlineMeetingRel'),
    onlineMeetingUri: text(resource, 'onlineMeetingUri'),
    organizerUri: text(resource, 'organizerUri'),
    organizerName: text(resource, 'organizerName'),
    phoneUserAdmission: choice<EnabledDisabled>(resource, 'phoneUserAdmission'),
    etag: resource.etag,
    extensionsHref: hrefOf(resource, 'onlineMeetingExtensions'),
    extensions: embeddedOf(resource, 'onlineMeetingExtension').map(extensionView),
  };
}

export function meetingListView(resource: UcwaResource): MeetingListView {
  return {
    ...base(resource),
    myOnlineMeetings: embeddedOf(resource, 'myOnlineMeeting').map(meetingView),
    myAssignedOnlineMeetings: embeddedOf(resource, 'myAssignedOnlineMeeting').map(meetingView),
  };
}

export function defaultValuesView(resource: UcwaResource): DefaultValuesView {
  return {
    ...base(resource),
    accessLevel: choice<AccessLevel>(resource, 'accessLevel'),
    automaticLeaderAssignment: choice<AutomaticLeaderAssignment>(resource, 'automaticLeaderAssignment'),
    defaultOnlineMeetingRel: text(resource, 'defaultOnlineMeetingRel'),
    entryExitAnnouncement: choice<EntryExitAnnouncement>(resource, 'entryExitAnnouncement'),
    lobbyBypassForPhoneUsers: choice<EnabledDisabled>(resource, 'lobbyBypassForPhoneUsers'),
    participantsWarningThreshold: integer(resource, 'participantsWarningThreshold'),
  };
}

export function eligibleValuesView(resource: UcwaResource): EligibleValuesView {
  return {
    ...base(resource),
    accessLevels: list(resource, 'accessLevels'),
    automaticLeaderAssignments: list(resource, 'automaticLeaderAssignments'),
    eligibleOnlineMeetingRels: list(resource, 'eligibleOnlineMeetingRels'),
    entryExitAnnouncements: list(resource, 'entryExitAnnouncements'),
    lobbyBypassForPhoneUsersSettings: list(resource, 'lobbyBypassForPhoneUsersSettings'),
  };
}

export function policiesView(resource: UcwaResource): PoliciesView {
  return {
    ...base(resource),
    entryExitAnnouncement: text(resource, 'entryExitAnnouncement'),
    externalUserMeetingRecording: text(resource, 'externalUserMeetingRecording'),
    meetingRecording: text(resource, 'meetingRecording'),
    meetingSize: integer(resource, 'meetingSize'),
    phoneUserAdmission: text(resource, 'phoneUserAdmission'),
    voipAudio: text(resource, 'voipAudio'),
  };
}

export function phoneDialInView(resource: UcwaResource): PhoneDialInView {
  return {
    ...base(resource),
    conferenceId: text(resource, 'conferenceId'),
    defaultRegion: text(resource, 'defaultRegion'),
    externalDirectoryUri: text(resource, 'externalDirectoryUri'),
    internalDirectoryUri: text(resource, 'internalDirectoryUri'),
    isAudioConferenceProviderEnabled: flag(resource, 'isAudioConferenceProviderEnabled'),
    participantPassCode: text(resource, 'participantPassCode'),
    tollFreeNumbers: list(resource, 'tollFreeNumbers'),
    tollNumber: text(resource, 'tollNumber'),
    regions: embeddedOf(resource, 'dialInRegion').map((region) => ({
      ...base(region),
      name: text(region, 'name'),
      number: text(region, 'number'),
      languages: list(region, 'languages'),
    })),
  };
}

export function invitationCustomizationView(resource: UcwaResource): InvitationCustomizationView {
  return {
    ...base(resource),
    enterpriseHelpUrl: text(resource, 'enterpriseHelpUrl'),
    invitationFooterText: text(resource, 'invitationFooterText'),
    invitationHelpUrl: text(resource, 'invitationHelpUrl'),
    invitationLegalUrl: text(resource, 'invitationLegalUrl'),
    invitationLogoUrl: text(resource, 'invitationLogoUrl'),
  };
}

export function extensionView(resource: UcwaResource): ExtensionView {
  return { ...base(resource), id: text(resource, 'id'), type: choice<OnlineMeetingExtensionType>(resource, 'type'), etag: resource.etag };
}

export function conversationView(resource: UcwaResource): ConversationView {
  return {
    ...base(resource),
    state: text(resource, 'state'),
    subject: text(resource, 'subject'),
    participantCount: integer(resource, 'participantCount'),
    threadId: text(resource, 'threadId'),
    lobbyHref: hrefOf(resource, 'lobby'),
    onlineMeetingHref: hrefOf(resource, 'onlineMeeting'),
    participantsHref: hrefOf(resource, 'participants'),
    leadersHref: hrefOf(resource, 'leaders'),
    attendeesHref: hrefOf(resource, 'attendees'),
    localParticipantHref: hrefOf(resource, 'localParticipant'),
  };
}

export function participantView(resource: UcwaResource): ParticipantView {
  return {
    ...base(resource),
    name: text(resource, 'name'),
    uri: text(resource, 'uri'),
    anonymous: flag(resource, 'anonymous'),
    inLobby: flag(resource, 'inLobby'),
    local: flag(resource, 'local'),
    organizer: flag(resource, 'organizer'),
    role: choice<ParticipantRole>(resource, 'role'),
    sourceNetwork: text(resource, 'sourceNetwork'),
    workPhoneNumber: text(resource, 'workPhoneNumber'),
    otherPhoneNumber: text(resource, 'otherPhoneNumber'),
    admitHref: hrefOf(resource, 'admit'),
    rejectHref: hrefOf(resource, 'reject'),
    conversationHref: hrefOf(resource, 'conversation'),
  };
}

export function lobbyView(resource: UcwaResource): LobbyView {
  const participants = embeddedOf(resource, 'participant').map(participantView);
  const embeddedHrefs = new Set(participants.map((participant) => participant.href));
  return {
    ...base(resource),
    participants,
    participantHrefs: linksOf(resource, 'participant').map((link) => link.href).filter((href) => !embeddedHrefs.has(href)),
  };
}

export function invitationView(resource: UcwaResource): OnlineMeetingInvitationView {
  return {
    ...base(resource),
    state: text(resource, 'state'),
    operationId: text(resource, 'operationId'),
    onlineMeetingUri: text(resource, 'onlineMeetingUri'),
    direction: text(resource, 'direction'),
    conversationHref: hrefOf(resource, 'conversation'),
  };
}

export function groupView(resource: UcwaResource): GroupView {
  return {
    ...base(resource),
    kind: resource.rel,
    id: text(resource, 'id'),
    name: text(resource, 'name'),
    uri: text(resource, 'uri'),
    etag: resource.etag,
    groupContactsHref: hrefOf(resource, 'groupContacts'),
    subscribeToGroupPresenceHref: hrefOf(resource, 'subscribeToGroupPresence'),
    contacts: embeddedOf(resource, 'contact').map(contactView),
  };
}

export function myGroupsView(resource: UcwaResource): MyGroupsView {
  const all = Object.values(resource.embedded).flat().map(groupView);
  return {
    ...base(resource),
    groups: all.filter((group) => group.kind === 'group' || group.kind === 'group2'),
    distributionGroups: all.filter((group) => group.kind === 'distributionGroup'),
    pinnedGroup: all.find((group) => group.kind === 'pinnedGroup'),
    defaultGroup: all.find((group) => group.kind === 'defaultGroup'),
    links: Object.values(resource.links).flat().map((link) => ({ rel: link.rel, href: link.href })),
  };
}

export function contactView(resource: UcwaResource): ContactView {
  return {
    ...base(resource),
    name: text(resource, 'name'),
    uri: text(resource, 'uri'),
    emailAddresses: list(resource, 'emailAddresses'),
    company: text(resource, 'company'),
    department: text(resource, 'department'),
    title: text(resource, 'title'),
    type: text(resource, 'type'),
    sourceNetwork: text(resource, 'sourceNetwork'),
  };
}

export function groupContactsView(resource: UcwaResource): GroupContactsView {
  const contacts = embeddedOf(resource, 'contact').map(contactView);
  return { ...base(resource), contacts, contactHrefs: linksOf(resource, 'contact').map((link) => link.href) };
}

export function subscriptionView(resource: UcwaResource): ContactsAndGroupsSubscriptionView {
  return {
    ...base(resource),
    state: text(resource, 'state'),
    startOrRefreshHref: hrefOf(resource, 'startOrRefreshSubscriptionToContactsAndGroups'),
    stopHref: hrefOf(resource, 'stopSubscriptionToContactsAndGroups'),
  };
}

export function presenceSubscriptionView(resource: UcwaResource): PresenceSubscriptionView {
  return {
    ...base(resource),
    id: text(resource, 'id'),
    membershipsHref: hrefOf(resource, 'memberships'),
    addToPresenceSubscriptionHref: hrefOf(resource, 'addToPresenceSubscription'),
  };
}

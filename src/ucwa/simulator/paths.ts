/**
 * Href shapes of the simulated pool. Clients must treat them as opaque (they follow links), so they only
 * need to be stable and unique; they follow the OAuth/web-ticket samples (`/ucwa/oauth/v1/applications/…`).
 */
export const APPLICATIONS_PATH = '/ucwa/oauth/v1/applications';
export const DISCOVERY_ROOT_PATH = '/autodiscover/autodiscoverservice.svc/root';
export const REDIRECTED_ROOT_PATH = '/webdir2/autodiscover/autodiscoverservice.svc/root';
export const TOKEN_PATH = '/WebTicket/oauthtoken';
export const XFRAME_PATH = '/Autodiscover/XFrame/XFrame.html';

export function appPaths(appId: string) {
  const app = `${APPLICATIONS_PATH}/${appId}`;
  const people = `${app}/people`;
  const meetings = `${app}/onlineMeetings`;
  const communication = `${app}/communication`;
  const conversation = (conv: string) => `${communication}/conversations/${conv}`;
  const meeting = (id: string) => `${meetings}/myOnlineMeetings/${id}`;
  return {
    app,
    events: (ack: number) => `${app}/events?ack=${ack}`,
    policies: `${app}/policies`,
    batch: `${app}/batch`,
    me: `${app}/me`,
    makeMeAvailable: `${app}/me/makeMeAvailable`,
    people,
    myGroups: `${people}/groups`,
    group: (id: string) => `${people}/groups/${id}`,
    groupContacts: (id: string) => `${people}/contacts?groupId=${encodeURIComponent(id)}`,
    subscribeToGroupPresence: (id: string) => `${people}/groups/${id}/subscribeToGroupPresence`,
    presenceSubscription: (id: string) => `${people}/presenceSubscriptions/${id}`,
    myContacts: `${people}/contacts`,
    contact: (key: string) => `${people}/${encodeURIComponent(key)}`,
    subscription: `${people}/contactsAndGroupsSubscription`,
    meetings,
    myOnlineMeetings: `${meetings}/myOnlineMeetings`,
    meeting,
    extensions: (id: string) => `${meeting(id)}/onlineMeetingExtensions`,
    extension: (id: string, ext: string) => `${meeting(id)}/onlineMeetingExtensions/${encodeURIComponent(ext)}`,
    defaultValues: `${meetings}/defaultValues`,
    eligibleValues: `${meetings}/eligibleValues`,
    customization: `${meetings}/customInvitation`,
    policiesOfMeetings: `${meetings}/policies`,
    dialIn: `${meetings}/phoneDialInInformation`,
    dialInRegion: (id: string) => `${meetings}/phoneDialInInformation/${id}`,
    communication,
    conversations: `${communication}/conversations`,
    joinOnlineMeeting: `${communication}/onlineMeetingInvitations`,
    invitation: (id: string) => `${communication}/onlineMeetingInvitations/${id}`,
    conversation,
    lobby: (conv: string) => `${conversation(conv)}/lobby`,
    leaders: (conv: string) => `${conversation(conv)}/leaders`,
    attendees: (conv: string) => `${conversation(conv)}/attendees`,
    participants: (conv: string) => `${conversation(conv)}/participants`,
    participant: (conv: string, pid: string) => `${conversation(conv)}/participants/${pid}`,
    admit: (conv: string, pid: string) => `${conversation(conv)}/participants/${pid}/admit`,
    reject: (conv: string, pid: string) => `${conversation(conv)}/participants/${pid}/reject`,
    onlineMeeting: (conv: string) => `${conversation(conv)}/onlineMeeting`,
  };
}

export type AppPaths = ReturnType<typeof appPaths>;

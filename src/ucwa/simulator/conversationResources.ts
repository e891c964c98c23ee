import { resource, withEmbedded, withLinks, type Resource } from './model.js';
import type { App, Conversation, Invitation, Meeting, RosterEntry, SimState } from './state.js';

/** Resource views of a joined meeting as one application sees it: conversation, roster, invitation. */
const SOURCE_NETWORK = { enterprise: 'SameEnterprise', federated: 'Federated', anonymous: 'Everyone' } as const;

/** The user may admit/reject only while admitted as a leader (organizer or presenter). */
export function viewerIsLeader(state: SimState, conversation: Conversation): boolean {
  const local = state.roster.get(conversation.participantId);
  return local?.state === 'admitted' && local.role === 'Leader';
}

function personOf(state: SimState, entry: RosterEntry) {
  const key = entry.uri?.replace(/^sip:/i, '').toLowerCase();
  return key ? state.people.get(key) : undefined;
}

export function participantResource(state: SimState, app: App, conversation: Conversation, entry: RosterEntry): Resource {
  const meeting = state.meetings.get(conversation.meetingId);
  const p = app.paths;
  const local = entry.id === conversation.participantId;
  const person = personOf(state, entry);
  const organizer = meeting !== undefined && entry.uri?.toLowerCase() === `sip:${meeting.organizer}`;
  const res = resource('participant', p.participant(conversation.id, entry.id), {
    anonymous: entry.source === 'anonymous',
    inLobby: entry.state === 'lobby',
    local,
    name: entry.name,
    organizer,
    role: entry.role,
    sourceNetwork: SOURCE_NETWORK[entry.source],
    uri: entry.uri,
    workPhoneNumber: person?.workPhoneNumber,
  });
  // HATEOAS: admit/reject appear only when this user may act on a waiting participant (lobby_ref, admit_ref).
  const canAct = !local && entry.state === 'lobby' && viewerIsLeader(state, conversation);
  return withLinks(res, {
    admit: canAct ? p.admit(conversation.id, entry.id) : undefined,
    reject: canAct ? p.reject(conversation.id, entry.id) : undefined,
    contact: person ? p.contact(person.key) : undefined,
    conversation: p.conversation(conversation.id),
    me: local ? p.me : undefined,
  });
}

export function rosterOf(state: SimState, meetingId: string): RosterEntry[] {
  return [...state.roster.values()].filter((entry) => entry.meetingId === meetingId);
}

export function conversationState(state: SimState, conversation: Conversation): string {
  const local = state.roster.get(conversation.participantId);
  if (!local) return 'Disconnected';
  if (local.state === 'lobby') return 'InLobby';
  return local.state === 'admitted' ? 'Conferenced' : 'Disconnected';
}

export function conversationResource(state: SimState, app: App, conversation: Conversation): Resource {
  const meeting = state.meetings.get(conversation.meetingId);
  const p = app.paths;
  const id = conversation.id;
  const admitted = rosterOf(state, conversation.meetingId).filter((entry) => entry.state === 'admitted');
  return withLinks(
    resource('conversation', p.conversation(id), {
      activeModalities: [],
      audienceMessaging: 'Enabled',
      audienceMute: 'Unknown',
      created: conversation.created,
      importance: 'Normal',
      participantCount: admitted.length,
      readLocally: false,
      recording: false,
      state: conversationState(state, conversation),
      subject: meeting?.subject ?? '',
      threadId: conversation.threadId,
    }),
    {
      attendees: p.attendees(id),
      leaders: p.leaders(id),
      lobby: p.lobby(id),
      localParticipant: p.participant(id, conversation.participantId),
      onlineMeeting: p.onlineMeeting(id),
      participants: p.participants(id),
    },
  );
}

export function onlineMeetingResource(state: SimState, app: App, conversation: Conversation, meeting: Meeting): Resource {
  const organizer = state.people.get(meeting.organizer);
  const user = meeting.organizer.split('@')[0] ?? meeting.organizer;
  return withLinks(
    resource('onlineMeeting', app.paths.onlineMeeting(conversation.id), {
      accessLevel: meeting.accessLevel,
      attendees: meeting.attendees,
      automaticLeaderAssignment: meeting.automaticLeaderAssignment,
      conferenceId: meeting.conferenceId,
      description: meeting.description,
      disclaimerBody: '',
      disclaimerTitle: '',
      entryExitAnnouncement: meeting.entryExitAnnouncement,
      expirationTime: meeting.expirationTime,
      hostingNetwork: 'https://meet.contoso.com',
      joinUrl: `https://meet.contoso.com/${user}/${meeting.id}`,
      largeMeeting: 'Disabled',
      leaders: meeting.leaders,
      lobbyBypassForPhoneUsers: meeting.lobbyBypassForPhoneUsers,
      onlineMeetingId: meeting.id,
      onlineMeetingRel: meeting.assigned ? 'myAssignedOnlineMeeting' : 'myOnlineMeetings',
      onlineMeetingUri: state.meetingUri(meeting),
      organizerName: organizer?.name ?? meeting.organizer,
      organizerUri: `sip:${meeting.organizer}`,
      phoneUserAdmission: meeting.phoneUserAdmission,
      subject: meeting.subject,
    }),
    { conversation: app.paths.conversation(conversation.id), phoneDialInInformation: app.paths.dialIn },
  );
}

export function invitationResource(state: SimState, app: App, invitation: Invitation): Resource {
  const conversation = invitation.conversationId ? app.conversations.get(invitation.conversationId) : undefined;
  const local = conversation ? state.roster.get(conversation.participantId) : undefined;
  return withLinks(
    resource('onlineMeetingInvitation', app.paths.invitation(invitation.id), {
      direction: 'Outgoing',
      importance: invitation.importance,
      onlineMeetingUri: invitation.onlineMeetingUri,
      operationId: invitation.operationId,
      state: invitation.state,
    }),
    {
      conversation: conversation && state.invitationLinksConversation ? app.paths.conversation(conversation.id) : undefined,
      from: conversation && local ? { href: app.paths.participant(conversation.id, local.id), title: local.name } : undefined,
    },
  );
}

/** lobby, leaders, attendees and participants are views of the roster (participants = leaders + attendees). */
export function rosterView(
  state: SimState,
  app: App,
  conversation: Conversation,
  rel: 'lobby' | 'leaders' | 'attendees' | 'participants',
): Resource {
  const entries = rosterOf(state, conversation.meetingId).filter((entry) => {
    if (rel === 'lobby') return entry.state === 'lobby' && viewerIsLeader(state, conversation);
    if (entry.state !== 'admitted') return false;
    if (rel === 'leaders') return entry.role === 'Leader';
    if (rel === 'attendees') return entry.role === 'Attendee';
    return true;
  });
  const hrefs = { lobby: app.paths.lobby, leaders: app.paths.leaders, attendees: app.paths.attendees, participants: app.paths.participants };
  const res = resource(rel, hrefs[rel](conversation.id));
  const participants = entries.map((entry) => participantResource(state, app, conversation, entry));
  if (rel !== 'lobby') {
    withLinks(res, { participant: entries.map((entry) => ({ href: app.paths.participant(conversation.id, entry.id), title: entry.name })) });
  }
  return withEmbedded(res, 'participant', participants);
}

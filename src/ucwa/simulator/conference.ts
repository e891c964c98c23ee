import { randomUUID } from 'node:crypto';
import { fail, type ErrorBody, type EventType, type UcwaEvent } from './model.js';
import { endPresenceSubscriptions } from './presence.js';
import {
  conversationResource,
  invitationResource,
  participantResource,
  rosterOf,
  viewerIsLeader,
} from './conversationResources.js';
import type { App, Conversation, Invitation, Meeting, ParticipantSource, RosterEntry, SimState } from './state.js';

/**
 * What happens in a meeting and which events each joined application sees (lobby_ref, participant_ref,
 * conversation_ref, onlineMeetingInvitation_ref). The docs give event meanings but not their order; the
 * order here is: lobby change, participant change, role-collection change, then capability updates.
 */
type Collection = 'lobby' | 'leaders' | 'attendees';

function conversationEvent(
  app: App,
  conversation: Conversation,
  entry: RosterEntry,
  type: EventType,
  collection?: Collection,
): UcwaEvent {
  const p = app.paths;
  const local = entry.id === conversation.participantId;
  const event: UcwaEvent = {
    sender: { rel: 'conversation', href: p.conversation(conversation.id) },
    link: { rel: local ? 'localParticipant' : 'participant', href: p.participant(conversation.id, entry.id), title: entry.name },
    type,
    priority: 'high',
  };
  if (collection) event.in = { rel: collection, href: { lobby: p.lobby, leaders: p.leaders, attendees: p.attendees }[collection](conversation.id) };
  return event;
}

function roleCollection(entry: RosterEntry): Collection {
  return entry.role === 'Leader' ? 'leaders' : 'attendees';
}

function communicationEvent(app: App, rel: string, href: string, type: EventType): UcwaEvent {
  return { sender: { rel: 'communication', href: app.paths.communication }, link: { rel, href }, type, priority: 'high' };
}

const DENIED: ErrorBody = { code: 'Forbidden', subcode: 'Denied', message: 'The lobby participant was denied from the conference.' };

function invitationEvent(state: SimState, app: App, invitation: Invitation, type: EventType, failure?: ErrorBody): UcwaEvent {
  const event = communicationEvent(app, 'onlineMeetingInvitation', app.paths.invitation(invitation.id), type);
  event.embedded = invitationResource(state, app, invitation);
  if (type === 'completed') event.status = failure ? 'Failure' : 'Success';
  if (failure) event.reason = failure;
  return event;
}

/** Who waits in the lobby, from the meeting's accessLevel (AccessLevel enum page). */
function mustWait(meeting: Meeting, uri: string | undefined, source: ParticipantSource, isLeader: boolean): boolean {
  if (isLeader) return false;
  const invited = uri !== undefined && meeting.attendees.some((attendee) => attendee.toLowerCase() === uri.toLowerCase());
  switch (meeting.accessLevel) {
    case 'Everyone':
      return false;
    case 'Locked':
      return true;
    case 'Invited':
      return !(source === 'enterprise' && invited);
    default:
      return source !== 'enterprise';
  }
}

function roleOf(state: SimState, meeting: Meeting, uri: string | undefined, source: ParticipantSource): 'Leader' | 'Attendee' {
  const user = uri?.replace(/^sip:/i, '').toLowerCase();
  if (user && state.isLeaderOf(user, meeting)) return 'Leader';
  if (meeting.automaticLeaderAssignment === 'Everyone') return 'Leader';
  if (meeting.automaticLeaderAssignment === 'SameEnterprise' && source === 'enterprise') return 'Leader';
  return 'Attendee';
}

function others(state: SimState, entry: RosterEntry): Array<{ app: App; conversation: Conversation }> {
  return state.joinedApps(entry.meetingId).filter(({ conversation }) => conversation.participantId !== entry.id);
}

function ownConversation(state: SimState, entry: RosterEntry): { app: App; conversation: Conversation } | undefined {
  return state.joinedApps(entry.meetingId).find(({ conversation }) => conversation.participantId === entry.id);
}

/** Tells everyone else in the meeting that `entry` arrived (in the lobby, or straight into the meeting). */
function announce(state: SimState, entry: RosterEntry): void {
  for (const { app, conversation } of others(state, entry)) {
    if (entry.state === 'lobby' && viewerIsLeader(state, conversation)) {
      state.emit(app, conversationEvent(app, conversation, entry, 'added', 'lobby'));
    }
    if (entry.state === 'admitted') {
      state.emit(app, conversationEvent(app, conversation, entry, 'added'));
      state.emit(app, conversationEvent(app, conversation, entry, 'added', roleCollection(entry)));
    }
  }
}

/** The joining application's view once it is in: meeting info, current roster, then the completed operation. */
function completeJoin(state: SimState, app: App, conversation: Conversation): void {
  const p = app.paths;
  const meetingEvent: UcwaEvent = {
    sender: { rel: 'conversation', href: p.conversation(conversation.id) },
    link: { rel: 'onlineMeeting', href: p.onlineMeeting(conversation.id) },
    in: { rel: 'conversation', href: p.conversation(conversation.id) },
    type: 'added',
    priority: 'high',
  };
  state.emit(app, meetingEvent);
  const leader = viewerIsLeader(state, conversation);
  for (const entry of rosterOf(state, conversation.meetingId)) {
    if (entry.id === conversation.participantId) continue;
    if (entry.state === 'admitted') {
      state.emit(app, conversationEvent(app, conversation, entry, 'added'));
      state.emit(app, conversationEvent(app, conversation, entry, 'added', roleCollection(entry)));
    } else if (entry.state === 'lobby' && leader) {
      state.emit(app, conversationEvent(app, conversation, entry, 'added', 'lobby'));
    }
  }
  const invitation = app.invitations.get(conversation.invitationId);
  if (invitation) {
    invitation.state = 'Connected';
    state.emit(app, invitationEvent(state, app, invitation, 'completed'));
  }
  const updated = communicationEvent(app, 'conversation', p.conversation(conversation.id), 'updated');
  updated.embedded = conversationResource(state, app, conversation);
  state.emit(app, updated);
}

export function joinMeeting(
  state: SimState,
  app: App,
  meeting: Meeting,
  input: { operationId?: string; importance: string },
): Invitation {
  const existing = [...app.conversations.values()].find((conversation) => conversation.meetingId === meeting.id);
  if (existing) throw fail.conflict('AlreadyExists', 'This application is already in the meeting.');
  if (state.joinFailure) return failJoin(state, app, meeting, input, state.joinFailure);
  const person = state.people.get(app.user);
  const source: ParticipantSource = person?.sourceNetwork === 'SameEnterprise' ? 'enterprise' : 'federated';
  const uri = `sip:${app.user}`;
  const entry: RosterEntry = {
    id: state.nextId(),
    meetingId: meeting.id,
    name: person?.name ?? app.user,
    uri,
    source,
    state: mustWait(meeting, uri, source, state.isLeaderOf(app.user, meeting)) ? 'lobby' : 'admitted',
    role: roleOf(state, meeting, uri, source),
    appId: app.id,
  };
  const conversation: Conversation = {
    id: state.nextId(),
    meetingId: meeting.id,
    participantId: entry.id,
    invitationId: state.nextId(),
    created: new Date(),
    threadId: randomUUID().replaceAll('-', ''),
  };
  const invitation: Invitation = {
    id: conversation.invitationId,
    operationId: input.operationId,
    onlineMeetingUri: state.meetingUri(meeting),
    importance: input.importance,
    state: 'Connecting',
    conversationId: conversation.id,
  };
  state.roster.set(entry.id, entry);
  app.conversations.set(conversation.id, conversation);
  app.invitations.set(invitation.id, invitation);
  state.emit(app, invitationEvent(state, app, invitation, 'started'));
  state.emit(app, communicationEvent(app, 'conversation', app.paths.conversation(conversation.id), 'added'));
  const localAdded = conversationEvent(app, conversation, entry, 'added');
  localAdded.embedded = participantResource(state, app, conversation, entry);
  state.emit(app, localAdded);
  if (entry.state === 'admitted') completeJoin(state, app, conversation);
  announce(state, entry);
  return invitation;
}

/** The invitation starts and then completes with a failure; no conversation is created. */
function failJoin(state: SimState, app: App, meeting: Meeting, input: { operationId?: string; importance: string }, failure: ErrorBody): Invitation {
  state.joinFailure = undefined;
  const invitation: Invitation = {
    id: state.nextId(),
    operationId: input.operationId,
    onlineMeetingUri: state.meetingUri(meeting),
    importance: input.importance,
    state: 'Connecting',
  };
  app.invitations.set(invitation.id, invitation);
  state.emit(app, invitationEvent(state, app, invitation, 'started'));
  invitation.state = 'Failed';
  state.emit(app, invitationEvent(state, app, invitation, 'completed', failure));
  return invitation;
}

/** A person outside this pool (or forced by the control API) arrives in the lobby. */
export function putInLobby(
  state: SimState,
  meeting: Meeting,
  person: { name: string; uri?: string; source: ParticipantSource },
): RosterEntry {
  const entry: RosterEntry = {
    id: state.nextId(),
    meetingId: meeting.id,
    name: person.name,
    uri: person.uri,
    source: person.source,
    state: 'lobby',
    role: roleOf(state, meeting, person.uri, person.source),
  };
  state.roster.set(entry.id, entry);
  announce(state, entry);
  return entry;
}

function requireWaiting(entry: RosterEntry): void {
  if (entry.state === 'admitted') throw fail.conflict('AlreadyExists', 'The participant is already in the meeting.');
  if (entry.state !== 'lobby') throw fail.notFound('The participant is no longer in the lobby.');
}

export function admit(state: SimState, entry: RosterEntry): void {
  requireWaiting(entry);
  entry.state = 'admitted';
  for (const { app, conversation } of others(state, entry)) {
    const leader = viewerIsLeader(state, conversation);
    if (leader) state.emit(app, conversationEvent(app, conversation, entry, 'deleted', 'lobby'));
    state.emit(app, conversationEvent(app, conversation, entry, 'added'));
    state.emit(app, conversationEvent(app, conversation, entry, 'added', roleCollection(entry)));
    if (leader) state.emit(app, conversationEvent(app, conversation, entry, 'updated'));
  }
  const own = ownConversation(state, entry);
  if (own) {
    state.emit(own.app, conversationEvent(own.app, own.conversation, entry, 'added'));
    completeJoin(state, own.app, own.conversation);
  }
}

function removeOwnConversation(state: SimState, entry: RosterEntry, denied: boolean): void {
  const own = ownConversation(state, entry);
  if (!own) return;
  const { app, conversation } = own;
  const invitation = app.invitations.get(conversation.invitationId);
  if (invitation && invitation.state === 'Connecting') {
    invitation.state = 'Failed';
    state.emit(app, invitationEvent(state, app, invitation, 'completed', denied ? DENIED : undefined));
  }
  state.emit(app, conversationEvent(app, conversation, entry, 'deleted'));
  state.emit(app, communicationEvent(app, 'conversation', app.paths.conversation(conversation.id), 'deleted'));
  app.conversations.delete(conversation.id);
}

function depart(state: SimState, entry: RosterEntry, final: 'rejected' | 'left', notifySelf: boolean): void {
  const wasWaiting = entry.state === 'lobby';
  for (const { app, conversation } of others(state, entry)) {
    if (wasWaiting && !viewerIsLeader(state, conversation)) continue;
    state.emit(app, conversationEvent(app, conversation, entry, 'deleted', wasWaiting ? 'lobby' : roleCollection(entry)));
    state.emit(app, conversationEvent(app, conversation, entry, 'deleted'));
  }
  entry.state = final;
  if (notifySelf) removeOwnConversation(state, entry, final === 'rejected');
}

export function reject(state: SimState, entry: RosterEntry): void {
  requireWaiting(entry);
  depart(state, entry, 'rejected', true);
}

/** The person hangs up: from the lobby, or from the meeting itself. */
export function leave(state: SimState, entry: RosterEntry): void {
  if (entry.state !== 'lobby' && entry.state !== 'admitted') throw fail.notFound('The participant already left.');
  depart(state, entry, 'left', true);
}

/** DELETE conversation: the application's user leaves; the meeting goes on for the others. */
export function leaveConversation(state: SimState, app: App, conversation: Conversation): void {
  const entry = state.roster.get(conversation.participantId);
  if (entry && (entry.state === 'lobby' || entry.state === 'admitted')) depart(state, entry, 'left', true);
  app.conversations.delete(conversation.id);
}

/** After long inactivity the server drops conversations silently; the client learns it from `resume`. */
export function dropTransientState(state: SimState, app: App): void {
  for (const conversation of [...app.conversations.values()]) {
    const entry = state.roster.get(conversation.participantId);
    app.conversations.delete(conversation.id);
    if (entry && (entry.state === 'lobby' || entry.state === 'admitted')) depart(state, entry, 'left', false);
  }
  clearTimeout(app.subscription?.timer);
  app.subscription = undefined;
  endPresenceSubscriptions(app);
}

export function notifyMeetingChanged(state: SimState, meeting: Meeting): void {
  for (const { app, conversation } of state.joinedApps(meeting.id)) {
    const p = app.paths;
    state.emit(app, {
      sender: { rel: 'conversation', href: p.conversation(conversation.id) },
      link: { rel: 'onlineMeeting', href: p.onlineMeeting(conversation.id) },
      in: { rel: 'conversation', href: p.conversation(conversation.id) },
      type: 'updated',
      priority: 'high',
    });
  }
}

import { fail, resource, UcwaFailure, withEmbedded, withLinks } from './model.js';
import type { Ctx, Reply, Router } from './http.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import { admit, joinMeeting, leaveConversation, reject } from './conference.js';
import {
  conversationResource,
  invitationResource,
  onlineMeetingResource,
  participantResource,
  rosterView,
  viewerIsLeader,
} from './conversationResources.js';
import type { App, Conversation, RosterEntry, SimState } from './state.js';

/** joinOnlineMeeting, conversations, conversation, lobby/leaders/attendees/participants, participant, admit, reject. */
function findConversation(app: App, id: string | undefined): Conversation {
  const conversation = id ? app.conversations.get(id) : undefined;
  if (!conversation) throw fail.notFound('The conversation does not exist.');
  return conversation;
}

function findParticipant(state: SimState, conversation: Conversation, id: string | undefined): RosterEntry {
  const entry = id ? state.roster.get(id) : undefined;
  if (!entry || entry.meetingId !== conversation.meetingId || entry.state === 'left' || entry.state === 'rejected') {
    throw fail.notFound('The participant is no longer in the conversation.');
  }
  return entry;
}

async function join(state: SimState, ctx: Ctx, app: App): Promise<Reply> {
  const fields = await ctx.input();
  const uri = typeof fields.onlineMeetingUri === 'string' ? fields.onlineMeetingUri.replace(/\s+/g, '') : '';
  const operationId = typeof fields.operationId === 'string' ? fields.operationId : undefined;
  const problems: Record<string, string> = {};
  if (!uri) problems.onlineMeetingUri = 'Required.';
  if (operationId !== undefined && operationId.length > 50) problems.operationId = 'Must be at most 50 characters.';
  if (Object.keys(problems).length > 0) throw fail.badRequest('The join request is not valid.', problems);
  const meeting = [...state.meetings.values()].find((m) => state.meetingUri(m).toLowerCase() === uri.toLowerCase());
  if (!meeting) throw new UcwaFailure(404, 'DestinationNotFound', 'The online meeting was not found.');
  const importance = typeof fields.importance === 'string' ? fields.importance : 'Normal';
  const invitation = joinMeeting(state, app, meeting, { operationId, importance });
  return { kind: 'empty', status: 201, headers: { Location: app.paths.invitation(invitation.id) } };
}

function act(state: SimState, ctx: Ctx, params: Record<string, string>, action: typeof admit): Reply {
  const app = requireApp(state, ctx, params.app);
  const conversation = findConversation(app, params.conv);
  const entry = findParticipant(state, conversation, params.pid);
  if (!viewerIsLeader(state, conversation)) throw fail.forbidden('Only a meeting leader can admit or reject lobby participants.');
  action(state, entry);
  return { kind: 'empty', status: 204 };
}

export function registerCommunication(router: Router, state: SimState): void {
  const base = `${APPLICATIONS_PATH}/:app/communication`;
  const conv = `${base}/conversations/:conv`;
  const withConversation = (ctx: Ctx, params: Record<string, string>) => {
    const app = requireApp(state, ctx, params.app);
    return { app, conversation: findConversation(app, params.conv) };
  };

  router.on('POST', `${base}/onlineMeetingInvitations`, (ctx, { app }) => join(state, ctx, requireApp(state, ctx, app)));
  router.on('GET', `${base}/onlineMeetingInvitations/:inv`, (ctx, params) => {
    const app = requireApp(state, ctx, params.app);
    const invitation = params.inv ? app.invitations.get(params.inv) : undefined;
    if (!invitation) throw fail.notFound('The invitation does not exist.');
    return { kind: 'resource', resource: invitationResource(state, app, invitation) };
  });
  router.on('GET', `${base}/conversations`, (ctx, params) => {
    const app = requireApp(state, ctx, params.app);
    const conversations = [...app.conversations.values()].map((c) => conversationResource(state, app, c));
    const res = withLinks(resource('conversations', app.paths.conversations), {
      conversation: conversations.map((c) => ({ href: c.href })),
    });
    return { kind: 'resource', resource: withEmbedded(res, 'conversation', conversations) };
  });
  router.on('GET', conv, (ctx, params) => {
    const { app, conversation } = withConversation(ctx, params);
    return { kind: 'resource', resource: conversationResource(state, app, conversation) };
  });
  router.on('DELETE', conv, (ctx, params) => {
    const { app, conversation } = withConversation(ctx, params);
    leaveConversation(state, app, conversation);
    return { kind: 'empty', status: 204 };
  });
  router.on('GET', `${conv}/onlineMeeting`, (ctx, params) => {
    const { app, conversation } = withConversation(ctx, params);
    const meeting = state.meetings.get(conversation.meetingId);
    if (!meeting) throw fail.notFound('The online meeting no longer exists.');
    return { kind: 'resource', resource: onlineMeetingResource(state, app, conversation, meeting) };
  });
  for (const rel of ['lobby', 'leaders', 'attendees', 'participants'] as const) {
    router.on('GET', `${conv}/${rel}`, (ctx, params) => {
      const { app, conversation } = withConversation(ctx, params);
      return { kind: 'resource', resource: rosterView(state, app, conversation, rel) };
    });
  }
  router.on('GET', `${conv}/participants/:pid`, (ctx, params) => {
    const { app, conversation } = withConversation(ctx, params);
    return { kind: 'resource', resource: participantResource(state, app, conversation, findParticipant(state, conversation, params.pid)) };
  });
  router.on('POST', `${conv}/participants/:pid/admit`, (ctx, params) => act(state, ctx, params, admit));
  router.on('POST', `${conv}/participants/:pid/reject`, (ctx, params) => act(state, ctx, params, reject));
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UcwaError } from './errors.js';
import { linkOf, targetHref } from './resource.js';
import type { UcwaSession } from './session.js';
import {
  conversationView,
  invitationView,
  lobbyView,
  meetingView,
  participantView,
  type ConversationView,
  type MeetingView,
  type OnlineMeetingInvitationView,
  type ParticipantView,
} from './views.js';

export interface JoinResult {
  operationId: string;
  /** The onlineMeetingInvitation operation resource (201 Location). */
  invitationHref: string;
  /** The conversation the join created, once the operation resource links it. */
  conversationHref?: string;
}

export interface JoinOptions {
  operationId?: string;
  /** How long to wait for the operation to link its conversation (0: don't wait). */
  waitForConversationMs?: number;
  signal?: AbortSignal;
}

/**
 * Joining a meeting and working its lobby. The lobby exists only inside the signed-in user's conversation, so the
 * organizer's application joins first; admit/reject are offered per participant as links (present ⇔ allowed).
 */
export class LobbyFacet {
  constructor(private readonly session: UcwaSession) {}

  /** POST communication.joinOnlineMeeting with a client operationId (echoed in every event of the operation). */
  async join(onlineMeetingUri: string, options: JoinOptions = {}): Promise<JoinResult> {
    if (!/^(sip|conf):/i.test(onlineMeetingUri.trim())) {
      throw new UcwaError({ code: 'InvalidInput', message: 'onlineMeetingUri must be a sip: or conf: URI', userMessage: "That doesn't look like a Skype meeting address." });
    }
    const operationId = options.operationId ?? randomUUID().replaceAll('-', '');
    const href = this.session.applicationLink('communication', 'joinOnlineMeeting');
    const response = await this.session.post(href, { onlineMeetingUri, operationId }, { signal: options.signal });
    if (!response.location) throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: 'joinOnlineMeeting answered without a Location' });
    const result: JoinResult = { operationId, invitationHref: response.location };
    const waitMs = options.waitForConversationMs ?? 10_000;
    if (waitMs > 0) result.conversationHref = await this.awaitConversation(response.location, waitMs, options.signal);
    return result;
  }

  async invitation(href: string): Promise<OnlineMeetingInvitationView> {
    return invitationView(await this.session.get(href));
  }

  async conversation(conversation: ConversationView | string): Promise<ConversationView> {
    return conversationView(await this.session.get(targetHref(conversation)));
  }

  /** The read-only onlineMeeting of a joined conversation. */
  async onlineMeeting(conversation: ConversationView | string): Promise<MeetingView> {
    const view = typeof conversation === 'string' ? await this.conversation(conversation) : conversation;
    return meetingView(await this.session.get(required(view.onlineMeetingHref, 'onlineMeeting')));
  }

  /** Who is waiting in the lobby right now. */
  async waiting(conversation: ConversationView | string): Promise<ParticipantView[]> {
    const view = typeof conversation === 'string' ? await this.conversation(conversation) : conversation;
    const lobby = lobbyView(await this.session.get(required(view.lobbyHref, 'lobby')));
    const linked = await Promise.all(lobby.participantHrefs.map((href) => this.participant(href)));
    return [...lobby.participants, ...linked];
  }

  async participant(href: string): Promise<ParticipantView> {
    return participantView(await this.session.get(href));
  }

  /** Admits a lobby participant (POST admit → 204). `MissingLink` when the user may not admit them. */
  async admit(participant: ParticipantView | string): Promise<void> {
    await this.act(participant, 'admit');
  }

  /** Refuses a lobby participant (POST reject → 204). */
  async reject(participant: ParticipantView | string): Promise<void> {
    await this.act(participant, 'reject');
  }

  /** Leaves the meeting (DELETE conversation); the others carry on. */
  async leave(conversation: ConversationView | string): Promise<void> {
    await this.session.delete(targetHref(conversation));
  }

  private async act(participant: ParticipantView | string, action: 'admit' | 'reject'): Promise<void> {
    // Always ask for the participant afresh: the admit/reject links vanish once someone else acted.
    const current = await this.session.get(targetHref(participant));
    const link = linkOf(current, action);
    if (!link) {
      throw new UcwaError({
        code: 'MissingLink',
        subcode: action,
        message: `participant offers no ${action} link`,
        userMessage: action === 'admit' ? "I can't admit that person: they are no longer waiting, or you can't admit people in this meeting." : "I can't deny that person: they are no longer waiting, or you can't manage this lobby.",
      });
    }
    await this.session.post(link.href, undefined);
  }

  private async awaitConversation(invitationHref: string, waitMs: number, signal?: AbortSignal): Promise<string | undefined> {
    const deadline = Date.now() + waitMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
      const invitation = invitationView(await this.session.get(invitationHref, { signal }));
      if (invitation.conversationHref) return invitation.conversationHref;
      if (Date.now() + delay > deadline) return undefined;
      await sleep(delay, undefined, { signal });
    }
  }
}

function required(href: string | undefined, rel: string): string {
  if (!href) throw new UcwaError({ code: 'MissingLink', subcode: rel, message: `the conversation offers no ${rel} link` });
  return href;
}

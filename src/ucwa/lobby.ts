import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { UcwaApplication } from './application.js';
import { UcwaError, type UcwaReason } from './errors.js';
import type { DispatchedEvent, EventChannel } from './events.js';
import { linkOf, targetHref } from './resource.js';
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
  /**
   * `joined`: the conversation is known (from the event channel or the invitation, whichever said it first);
   * `failed`: the invitation completed without success (`reason` says why, when the server said);
   * `pending`: neither said anything conclusive within the wait (or nobody waited).
   */
  outcome: 'joined' | 'failed' | 'pending';
  conversationHref?: string;
  /** The `reason` of a failed invitation's `completed` event (or its status alone, as code, when no reason came). */
  reason?: UcwaReason;
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
  constructor(
    private readonly session: UcwaApplication,
    private readonly events: EventChannel,
  ) {}

  /** POST communication.joinOnlineMeeting with a client operationId (echoed in every event of the operation). */
  async join(onlineMeetingUri: string, options: JoinOptions = {}): Promise<JoinResult> {
    if (!/^(sip|conf):/i.test(onlineMeetingUri.trim())) {
      throw new UcwaError({ code: 'InvalidInput', message: 'onlineMeetingUri must be a sip: or conf: URI', problem: { kind: 'notMeetingAddress' } });
    }
    const operationId = options.operationId ?? randomUUID().replaceAll('-', '');
    const href = this.session.applicationLink('communication', 'joinOnlineMeeting');
    const waitMs = options.waitForConversationMs ?? 10_000;
    // Listen before posting: the operation's events may arrive before the 201 (operationresource page).
    const watcher = waitMs > 0 ? new JoinWatcher(this.events, operationId, onlineMeetingUri) : undefined;
    try {
      const response = await this.session.post(href, { onlineMeetingUri, operationId }, { signal: options.signal });
      if (!response.location) throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: 'joinOnlineMeeting answered without a Location' });
      if (!watcher) return { operationId, invitationHref: response.location, outcome: 'pending' };
      watcher.invitationHref = response.location;
      const settled = await this.awaitSettled(watcher, response.location, waitMs, options.signal);
      return { operationId, invitationHref: response.location, ...settled };
    } finally {
      watcher?.close();
    }
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

  /**
   * Who is waiting in the lobby right now, read live. A conversation's lobby link, once its conversation was read,
   * is followed without reading the conversation again: a resource keeps its href for its lifetime, so the link can
   * only stop working, never lead to another lobby. Any 4xx from it (the conversation ended, was left or re-created)
   * forgets it and reads the conversation as before, so that answer or error is the one returned.
   */
  async waiting(conversation: ConversationView | string): Promise<ParticipantView[]> {
    const known = typeof conversation === 'string' ? lobbyLinks.get(this)?.get(conversation) : undefined;
    if (known !== undefined) {
      try {
        return await this.lobbyAt(known);
      } catch (error) {
        if (!(error instanceof UcwaError && error.status !== undefined && error.status >= 400 && error.status < 500)) throw error;
        this.forgetLobbyLink(conversation as string);
      }
    }
    const view = typeof conversation === 'string' ? await this.conversation(conversation) : conversation;
    const lobbyHref = required(view.lobbyHref, 'lobby');
    this.rememberLobbyLink(typeof conversation === 'string' ? conversation : view.href, lobbyHref);
    return this.lobbyAt(lobbyHref);
  }

  private async lobbyAt(lobbyHref: string): Promise<ParticipantView[]> {
    const lobby = lobbyView(await this.session.get(lobbyHref));
    const linked = await Promise.all(lobby.participantHrefs.map((href) => this.participant(href)));
    return [...lobby.participants, ...linked];
  }

  private rememberLobbyLink(conversationHref: string, lobbyHref: string): void {
    let links = lobbyLinks.get(this);
    if (!links) {
      links = new Map();
      lobbyLinks.set(this, links);
    }
    links.delete(conversationHref);
    links.set(conversationHref, lobbyHref);
    if (links.size > maxLobbyLinks) links.delete(links.keys().next().value!);
  }

  private forgetLobbyLink(conversationHref: string): void {
    lobbyLinks.get(this)?.delete(conversationHref);
  }

  /** The user's own participant in a joined conversation (its `role` says whether they lead the meeting). */
  async localParticipant(conversation: ConversationView | string): Promise<ParticipantView> {
    const view = typeof conversation === 'string' ? await this.conversation(conversation) : conversation;
    return this.participant(required(view.localParticipantHref, 'localParticipant'));
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
    this.forgetLobbyLink(targetHref(conversation));
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
        problem: { kind: 'participantNotActionable', action },
      });
    }
    await this.session.post(link.href, undefined);
  }

  /**
   * Whichever says it first: the event channel (invitation events matched by operationId, or the joined
   * conversation's `onlineMeeting added` for our meeting) or the invitation resource itself, read with backoff
   * (for sessions whose event channel is not running, and servers that link the conversation at once).
   */
  private async awaitSettled(watcher: JoinWatcher, invitationHref: string, waitMs: number, signal?: AbortSignal): Promise<Settled> {
    const stop = new AbortController();
    const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    const deadline = sleep(waitMs, { outcome: 'pending' } as Settled, { signal: both }).catch(() => ({ outcome: 'pending' }) as Settled);
    try {
      const settled = await Promise.race([watcher.settled, this.pollInvitation(invitationHref, both), deadline]);
      signal?.throwIfAborted();
      return settled;
    } finally {
      stop.abort();
    }
  }

  private async pollInvitation(invitationHref: string, signal: AbortSignal): Promise<Settled> {
    for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
      try {
        const invitation = invitationView(await this.session.get(invitationHref, { signal }));
        if (invitation.conversationHref) return { outcome: 'joined', conversationHref: invitation.conversationHref };
        if (invitation.state === 'Failed') {
          // The `completed` event carries the reason; without a running channel no reason will come.
          return this.events.running ? new Promise(() => undefined) : { outcome: 'failed' };
        }
        await sleep(delay, undefined, { signal });
      } catch (error) {
        // Ended by the race (another source answered, or time ran out): this poller's answer no longer matters.
        if (signal.aborted) return new Promise(() => undefined);
        throw error;
      }
    }
  }
}

/**
 * Each session's lobby links by conversation href (see LobbyFacet.waiting), kept beside the facet rather than in it:
 * only sessions whose lobby was asked about have any, and an idle organizer's session stays as small as it was.
 * Bounded: a long session re-joining its meetings again and again keeps the newest conversations' links.
 */
const lobbyLinks = new WeakMap<LobbyFacet, Map<string, string>>();
const maxLobbyLinks = 32;

type Settled = Pick<JoinResult, 'outcome' | 'conversationHref' | 'reason'>;

const sameMeetingUri = (a: string | undefined, b: string): boolean =>
  a !== undefined && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * Follows one join on the event channel (onlinemeetinginvitation_ref, conversation_ref, onlinemeeting_ref):
 * `onlineMeetingInvitation started/updated/completed` (ours when its operationId or href is ours), `conversation
 * added`, and `onlineMeeting added` in a conversation. The conversation is ours once our invitation links it, or
 * once a conversation's onlineMeeting is the meeting we asked for; a `completed` without success is a failure.
 */
class JoinWatcher {
  invitationHref?: string;
  readonly settled: Promise<Settled>;
  private resolve!: (value: Settled) => void;
  private readonly detach: Array<() => void> = [];
  /** Conversations added since the POST, for a successful `completed` that links none. */
  private readonly added: string[] = [];

  constructor(
    events: EventChannel,
    private readonly operationId: string,
    private readonly onlineMeetingUri: string,
  ) {
    this.settled = new Promise((resolve) => (this.resolve = resolve));
    this.detach.push(
      events.on({ rel: 'onlineMeetingInvitation' }, (event) => this.onInvitation(event)),
      events.on({ rel: 'conversation', type: 'added' }, (event) => void this.added.push(event.link.href)),
      events.on({ rel: 'onlineMeeting', type: 'added' }, (event) => this.onMeeting(event)),
    );
  }

  close(): void {
    this.detach.forEach((detach) => detach());
  }

  private async onInvitation(event: DispatchedEvent): Promise<void> {
    const target = await event.target().catch(() => undefined);
    const invitation = target ? invitationView(target) : undefined;
    const ours = invitation?.operationId === this.operationId || (this.invitationHref !== undefined && sameHref(event.link.href, this.invitationHref));
    if (!ours) return;
    if (invitation?.conversationHref) return this.resolve({ outcome: 'joined', conversationHref: invitation.conversationHref });
    if (event.type !== 'completed') return;
    const failed = event.reason !== undefined || (event.status !== undefined && event.status !== 'Success') || invitation?.state === 'Failed';
    if (failed) return this.resolve({ outcome: 'failed', reason: event.reason ?? (event.status ? { code: event.status } : undefined) });
    if (this.added.length === 1) this.resolve({ outcome: 'joined', conversationHref: this.added[0] });
  }

  private async onMeeting(event: DispatchedEvent): Promise<void> {
    const conversationHref = event.in?.rel === 'conversation' ? event.in.href : event.sender.rel === 'conversation' ? event.sender.href : undefined;
    if (!conversationHref) return;
    const target = await event.target().catch(() => undefined);
    if (target && sameMeetingUri(meetingView(target).onlineMeetingUri, this.onlineMeetingUri)) this.resolve({ outcome: 'joined', conversationHref });
  }
}

function sameHref(a: string, b: string): boolean {
  try {
    return new URL(a).toString() === new URL(b).toString();
  } catch {
    return a === b;
  }
}

function required(href: string | undefined, rel: string): string {
  if (!href) throw new UcwaError({ code: 'MissingLink', subcode: rel, message: `the conversation offers no ${rel} link` });
  return href;
}

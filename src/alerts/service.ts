import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import type { UcwaAccounts } from '../accounts/ucwaAccounts.js';
import type { Logger } from '../logging.js';
import type { CommandOptions } from '../teams/capability.js';
import type { Language } from '../nlu/recognition.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { TeamsUser } from '../teams/identity.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import { UcwaError, type LobbyChange, type ParticipantView, type UcwaSession } from '../ucwa/index.js';
import { matchMeetings, organizerMeetings, type MeetingChoice } from './meetings.js';
import { AlertOutbox, type OutboxOptions } from './outbox.js';
import { displayName, identityOf, sourceOf, type WaitingPerson } from './people.js';
import { alertIdFor, LobbyRecords, type AlertRecord, type WatchedMeeting, type WatchRecord } from './records.js';
import { text } from './texts.js';

export type Organizer = Pick<TeamsUser, 'id' | 'upn' | 'name'> & { language?: Language };
export interface OrganizerContext extends Organizer {
  language: Language;
  timeZone: string;
}

export type LobbyAction = 'admit' | 'reject';
/** What an admit/reject came to: done, already decided (first result wins), gone, or refused with a reason. */
export type ActionResult =
  | { kind: 'done' | 'already' | 'gone'; alert?: AlertRecord }
  | { kind: 'refused'; message: string };

export type WatchResult =
  | { kind: 'watching'; meetings: WatchedMeeting[] }
  | { kind: 'ambiguous'; choices: MeetingChoice[] }
  | { kind: 'notFound' }
  | { kind: 'notSignedIn' };

export interface LobbyAlertsOptions extends OutboxOptions {
  /** One-time sign-in links live this long (default 10 minutes). */
  signInTtlMs?: number;
  /** Wait before reopening an event channel that failed for a reason other than sign-in (default 30 s). */
  reopenDelayMs?: number;
}

interface ChannelHandle {
  session: UcwaSession;
  /** A lobby alert could not be written: the stored position must not move past it. */
  unsafe: boolean;
  detach: () => void;
}

const sessionNotes: Record<Language, { paused: string; signedIn: (address: string) => string; resumed: (subjects: string) => string }> = {
  en: {
    paused: 'Your Skype for Business sign-in has run out, so lobby alerts are paused. Say "sign in" to resume them.',
    signedIn: (address) => `You are signed in to Skype for Business as ${address}. Say "watch my meeting <name>" to get lobby alerts.`,
    resumed: (subjects) => `Lobby alerts are back on for: ${subjects}.`,
  },
  zh: {
    paused: '您的 Skype for Business 登录已过期，大厅提醒已暂停。请说“登录”以恢复。',
    signedIn: (address) => `您已以 ${address} 登录 Skype for Business。说“关注我的会议 <名称>”即可接收大厅提醒。`,
    resumed: (subjects) => `已恢复以下会议的大厅提醒：${subjects}。`,
  },
};

/**
 * Lobby alerts: keeps each signed-in organizer's UCWA application joined to the meetings they watch, listens to
 * one event channel per organizer (all concurrent, none blocking another), turns lobby arrivals into durable
 * alerts, and carries out admit / reject as the person who asked, through their OWN session's view.
 */
export class LobbyAlerts {
  readonly outbox: AlertOutbox;
  private readonly records: LobbyRecords;
  private readonly channels = new Map<string, ChannelHandle>();
  private readonly locks = new KeyedSerializer();
  /** conversation href → meeting uri, learned on join or by asking the conversation. */
  private readonly conversationMeetings = new Map<string, string>();
  private readonly reopenTimers = new Set<NodeJS.Timeout>();
  private detachAccounts?: () => void;
  private runHeldCommand?: (options: CommandOptions) => Promise<void>;
  private stopped = false;

  constructor(
    private readonly deps: {
      accounts: UcwaAccounts;
      records: LobbyRecords;
      references: ConversationReferenceStore;
      proactive: ProactiveMessenger;
      logger: Logger;
    },
    private readonly options: LobbyAlertsOptions = {},
  ) {
    this.records = deps.records;
    this.outbox = new AlertOutbox(deps.records, deps.references, deps.proactive, deps.logger.child({ component: 'lobby-outbox' }), options);
  }

  private get log(): Logger {
    return this.deps.logger;
  }

  /** Loads the outbox, then resumes every watching organizer's channel in the background. */
  async start(): Promise<void> {
    await this.outbox.load();
    this.detachAccounts = this.deps.accounts.onChange((event) => {
      if (event.kind === 'expired') void this.onExpired(event.teamsUserId);
    });
    this.outbox.start();
    const limit = pLimit(8);
    const watchers = await this.records.watchers();
    // Restores run in the background so a slow UCWA pool cannot hold up the bot's start.
    void Promise.all(watchers.map((id) => limit(() => this.resume(id)))).then(() => this.log.info({ watchers: watchers.length }, 'lobby watches resumed'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.outbox.stop();
    this.detachAccounts?.();
    for (const timer of this.reopenTimers) clearTimeout(timer);
    for (const [id, handle] of this.channels) this.closeChannel(id, handle);
  }

  // ------------------------------------------------------------------------------------------ sessions

  async session(user: Organizer): Promise<UcwaSession | undefined> {
    try {
      return await this.deps.accounts.session(user);
    } catch (error) {
      this.log.warn({ err: error, teamsUserId: user.id }, 'could not restore a Skype for Business session');
      return undefined;
    }
  }

  /** Issues a one-time sign-in state bound to this Teams user. */
  async createSignIn(user: OrganizerContext, held?: CommandOptions): Promise<string> {
    const state = randomBytes(32).toString('base64url');
    await this.records.saveSignInState(state, {
      teamsUserId: user.id,
      name: user.name,
      upn: user.upn,
      language: user.language,
      expiresAt: Date.now() + (this.options.signInTtlMs ?? 10 * 60_000),
      failures: 0,
      held,
    });
    return state;
  }

  /** Where commands held for sign-in go once the person has signed in. */
  onHeldCommandReady(run: (options: CommandOptions) => Promise<void>): void {
    this.runHeldCommand = run;
  }

  async signInStateValid(state: string): Promise<boolean> {
    const record = await this.records.signInState(state);
    return record !== undefined && record.expiresAt > Date.now();
  }

  /** The sign-in page's POST: password grant, then alerts resume and the person hears about it in their chat. */
  async completeSignIn(state: string, username: string, password: string): Promise<{ ok: true; language: Language } | { ok: false; message: string; expired: boolean }> {
    const record = await this.records.signInState(state);
    if (!record || record.expiresAt <= Date.now()) {
      if (record) await this.records.deleteSignInState(state);
      return { ok: false, expired: true, message: 'This sign-in link has expired. Ask the bot to "sign in" again for a new one.' };
    }
    try {
      await this.deps.accounts.signIn({ id: record.teamsUserId, name: record.name }, { kind: 'password', username: username.trim(), password });
    } catch (error) {
      record.failures += 1;
      if (record.failures >= 5) await this.records.deleteSignInState(state);
      else await this.records.saveSignInState(state, record);
      const message = error instanceof UcwaError ? error.userMessage : 'Signing in failed. Please try again.';
      this.log.info({ teamsUserId: record.teamsUserId, failures: record.failures, code: error instanceof UcwaError ? error.code : undefined }, 'Skype for Business sign-in failed');
      return { ok: false, expired: record.failures >= 5, message };
    }
    await this.records.deleteSignInState(state);
    const user = { id: record.teamsUserId, upn: record.upn, name: record.name };
    await this.notify(user.id, sessionNotes[record.language].signedIn(username.trim()));
    void this.resume(user.id, user).catch((error: unknown) => this.log.error({ err: error }, 'could not resume lobby watches after sign-in'));
    if (record.held && this.runHeldCommand) {
      void this.runHeldCommand(record.held).catch((error: unknown) => this.log.warn({ err: error }, 'could not run the command held for sign-in'));
    }
    return { ok: true, language: record.language };
  }

  /** Stops the alerts, deletes the UCWA application and the stored token, and forgets the watch list. */
  async signOut(user: Organizer): Promise<boolean> {
    const handle = this.channels.get(user.id);
    if (handle) this.closeChannel(user.id, handle);
    const known = await this.deps.accounts.signOut(user.id);
    await this.locks.run(`watch:${user.id}`, () => this.records.deleteWatch(user.id));
    return known;
  }

  // ------------------------------------------------------------------------------------------ watching

  async watch(user: OrganizerContext, target: { meeting?: string; all?: boolean; uri?: string }): Promise<WatchResult> {
    const session = await this.session(user);
    if (!session) return { kind: 'notSignedIn' };
    const meetings = await organizerMeetings(session);
    let chosen: MeetingChoice[];
    if (target.uri) chosen = meetings.filter((meeting) => meeting.uri === target.uri);
    else if (target.all) chosen = meetings;
    else chosen = matchMeetings(target.meeting ?? '', meetings);
    if (chosen.length === 0) return { kind: 'notFound' };
    if (chosen.length > 1 && !target.all) return { kind: 'ambiguous', choices: chosen };
    this.openChannel(user.id, session);
    const watched = await this.locks.run(`watch:${user.id}`, async () => {
      const record = (await this.records.watch(user.id)) ?? newWatch(user);
      record.upn = user.upn ?? record.upn;
      record.name = user.name ?? record.name;
      record.language = user.language;
      record.timeZone = user.timeZone;
      for (const choice of chosen) {
        let entry = record.meetings.find((meeting) => meeting.uri === choice.uri);
        if (!entry) {
          entry = { uri: choice.uri, subject: choice.subject, meetingId: choice.meetingId };
          record.meetings.push(entry);
        }
        await this.ensureJoined(session, entry);
      }
      await this.records.saveWatch(record);
      return record.meetings.filter((meeting) => chosen.some((choice) => choice.uri === meeting.uri));
    });
    return { kind: 'watching', meetings: watched };
  }

  /** Leaves the matching meetings; returns the ones no longer watched. */
  async unwatch(user: Organizer, target: { meeting?: string; all?: boolean }): Promise<WatchedMeeting[]> {
    const session = await this.session(user);
    return this.locks.run(`watch:${user.id}`, async () => {
      const record = await this.records.watch(user.id);
      if (!record) return [];
      const leaving = target.all ? [...record.meetings] : matchMeetings(target.meeting ?? '', record.meetings);
      for (const meeting of leaving) {
        if (session && meeting.conversationHref) {
          await session.lobby.leave(meeting.conversationHref).catch((error: unknown) => this.log.info({ err: error }, 'leaving the meeting failed; it may have ended'));
        }
      }
      record.meetings = record.meetings.filter((meeting) => !leaving.includes(meeting));
      if (record.meetings.length === 0) {
        await this.records.deleteWatch(user.id);
        const handle = this.channels.get(user.id);
        if (handle) this.closeChannel(user.id, handle);
      } else {
        await this.records.saveWatch(record);
      }
      return leaving;
    });
  }

  async watched(user: Organizer): Promise<WatchedMeeting[]> {
    return (await this.records.watch(user.id))?.meetings ?? [];
  }

  /** Sends one meeting's alerts to a channel or group chat; watches the meeting first when needed. */
  async routeHere(user: OrganizerContext, meeting: string, conversationId: string): Promise<WatchResult> {
    const existing = matchMeetings(meeting, await this.watched(user));
    const result = existing.length === 1 ? { kind: 'watching' as const, meetings: existing } : await this.watch(user, { meeting });
    if (result.kind !== 'watching') return result;
    const uri = result.meetings[0]!.uri;
    const meetings = await this.locks.run(`watch:${user.id}`, async () => {
      const record = await this.records.watch(user.id);
      const entry = record?.meetings.find((candidate) => candidate.uri === uri);
      if (!record || !entry) return [];
      entry.alertConversationId = conversationId;
      await this.records.saveWatch(record);
      return [entry];
    });
    return { kind: 'watching', meetings };
  }

  // ------------------------------------------------------------------------------------------ live lobby

  /** Who waits right now in the watched meetings (optionally those matching `meeting`), read live. */
  async waiting(user: Organizer, meeting?: string): Promise<{ kind: 'notSignedIn' } | { kind: 'ok'; meetings: WatchedMeeting[]; people: WaitingPerson[] }> {
    const session = await this.session(user);
    if (!session) return { kind: 'notSignedIn' };
    const all = await this.watched(user);
    const meetings = meeting ? matchMeetings(meeting, all) : all;
    const people: WaitingPerson[] = [];
    await Promise.all(
      meetings.map(async (watched) => {
        if (!watched.conversationHref) return;
        try {
          const views = await session.lobby.waiting(watched.conversationHref);
          for (const view of views) if (view.inLobby !== false) people.push(waitingPerson(view, watched));
        } catch (error) {
          await this.onUcwaError(user.id, error);
          this.log.warn({ err: error, meeting: watched.subject }, 'could not read a lobby');
        }
      }),
    );
    return { kind: 'ok', meetings, people };
  }

  /** Admit / reject someone picked by name in chat; their alert card (if any) shows the outcome too. */
  async actOnPerson(user: Organizer, person: WaitingPerson, action: LobbyAction): Promise<ActionResult> {
    const alert = this.outbox.of(user.id).find((candidate) => !candidate.outcome && candidate.participantHref === person.participantHref);
    if (alert) return this.actOnAlert(user, alert.id, action);
    return this.actAs(user, { participantHref: person.participantHref, watcherId: user.id, meetingUri: person.meetingUri, person }, action);
  }

  /** A card button: serialized per alert, so double clicks and two leaders at once see the first result. */
  async actOnAlert(presser: Organizer, alertId: string, action: LobbyAction): Promise<ActionResult> {
    return this.locks.run(`alert:${alertId}`, async () => {
      const alert = this.outbox.get(alertId);
      if (!alert) return { kind: 'refused', message: text(presser, 'alertGone') };
      if (alert.outcome) return { kind: 'already', alert };
      const result = await this.actAs(presser, { participantHref: alert.participantHref, watcherId: alert.watcherId, meetingUri: alert.meeting.uri, person: alert.person }, action);
      if (result.kind === 'refused') return result;
      const at = new Date().toISOString();
      if (result.kind === 'done') await this.outbox.finish(alert, { kind: action === 'admit' ? 'admitted' : 'rejected', by: presser.name, at });
      else await this.outbox.finish(alert, { kind: 'leftLobby', at });
      return { ...result, alert };
    });
  }

  /** "Admit all": everyone still waiting in the pressed alert's meeting, each through its own alert. */
  async admitAll(presser: Organizer, alertId: string): Promise<ActionResult> {
    const pressed = this.outbox.get(alertId);
    if (!pressed) return { kind: 'refused', message: text(presser, 'alertGone') };
    const results: ActionResult[] = [];
    for (const alert of [pressed, ...this.outbox.openIn(pressed.watcherId, pressed.meeting.uri).filter((other) => other.id !== pressed.id)]) {
      const result = await this.actOnAlert(presser, alert.id, 'admit');
      results.push(result);
      if (result.kind === 'refused') break;
    }
    const refused = results.find((result) => result.kind === 'refused');
    return refused && !results.some((result) => result.kind === 'done') ? refused : { kind: 'done', alert: pressed };
  }

  /**
   * Acts as `presser`, through the presser's OWN session: only a view that carries the admit/reject link (a
   * leader's view, per lobby_ref) may act. A presser who is not the watching organizer is joined just for the
   * action (and leaves after) so their own view can be asked.
   */
  private async actAs(
    presser: Organizer,
    target: { participantHref: string; watcherId: string; meetingUri: string; person: { name: string; uri?: string } },
    action: LobbyAction,
  ): Promise<ActionResult> {
    const session = await this.session(presser);
    if (!session) return { kind: 'refused', message: text(presser, 'signInFirst') };
    let temporary: string | undefined;
    try {
      let view: ParticipantView | undefined;
      if (presser.id === target.watcherId) {
        view = await session.lobby.participant(target.participantHref);
      } else {
        const own = await this.ownConversation(presser.id, session, target.meetingUri);
        if (!own) return { kind: 'refused', message: text(presser, 'notLeader') };
        if (own.temporary) temporary = own.href;
        const waiting = await session.lobby.waiting(own.href).catch(() => [] as ParticipantView[]);
        view = waiting.find((candidate) => identityOf({ name: displayName(candidate), uri: candidate.uri }) === identityOf(target.person));
        // Someone the watcher still sees waiting but this person cannot see: they are no leader here.
        if (!view) return { kind: 'refused', message: text(presser, 'notLeader') };
      }
      if (view.inLobby === false) return { kind: 'gone' };
      const href = action === 'admit' ? view.admitHref : view.rejectHref;
      if (!href) return { kind: 'refused', message: text(presser, 'notLeader') };
      await session.post(href, undefined);
      this.log.info({ teamsUserId: presser.id, action }, 'lobby participant handled');
      return { kind: 'done' };
    } catch (error) {
      if (error instanceof UcwaError && (error.status === 404 || error.status === 410 || (error.status === 409 && error.is('AlreadyExists')))) return { kind: 'gone' };
      if (await this.onUcwaError(presser.id, error)) return { kind: 'refused', message: text(presser, 'signInExpired') };
      if (error instanceof UcwaError && error.status === 403) return { kind: 'refused', message: text(presser, 'notLeader') };
      throw error;
    } finally {
      if (temporary) await session.lobby.leave(temporary).catch(() => undefined);
    }
  }

  private async ownConversation(userId: string, session: UcwaSession, meetingUri: string): Promise<{ href: string; temporary: boolean } | undefined> {
    const watched = (await this.records.watch(userId))?.meetings.find((meeting) => meeting.uri === meetingUri);
    if (watched?.conversationHref) return { href: watched.conversationHref, temporary: false };
    const joined = await session.lobby.join(meetingUri, { waitForConversationMs: 5_000 });
    return joined.conversationHref ? { href: joined.conversationHref, temporary: true } : undefined;
  }

  // ------------------------------------------------------------------------------------------ channels

  /** Restores an organizer's session, reopens their event channel and re-joins their watched meetings. */
  async resume(userId: string, hint?: Organizer): Promise<void> {
    const record = await this.records.watch(userId);
    if (!(await this.deps.accounts.record(userId))) return;
    const session = await this.session({ id: userId, upn: record?.upn ?? hint?.upn, name: record?.name ?? hint?.name });
    if (!session) return;
    this.openChannel(userId, session);
    if (!record || record.meetings.length === 0) return;
    await this.rejoinAll(userId, session);
    const subjects = record.meetings.map((meeting) => meeting.subject).join(', ');
    if (hint) await this.notify(userId, sessionNotes[record.language].resumed(subjects));
  }

  private async rejoinAll(userId: string, session: UcwaSession): Promise<void> {
    await this.locks.run(`watch:${userId}`, async () => {
      const record = await this.records.watch(userId);
      if (!record) return;
      for (const meeting of record.meetings) {
        try {
          await this.ensureJoined(session, meeting);
        } catch (error) {
          if (await this.onUcwaError(userId, error)) return;
          this.log.warn({ err: error, meeting: meeting.subject }, 'could not re-join a watched meeting');
        }
      }
      await this.records.saveWatch(record);
    });
  }

  /** Joins unless our conversation in the meeting is still alive (it dies with the application, or on `resume`). */
  private async ensureJoined(session: UcwaSession, meeting: WatchedMeeting): Promise<void> {
    if (meeting.conversationHref) {
      const alive = await session.lobby
        .conversation(meeting.conversationHref)
        .then((conversation) => conversation.state !== 'Disconnected' && conversation.state !== 'Disconnecting')
        .catch((error: unknown) => {
          if (error instanceof UcwaError && (error.status === 404 || error.status === 410)) return false;
          throw error;
        });
      if (alive) {
        this.conversationMeetings.set(meeting.conversationHref, meeting.uri);
        return;
      }
    }
    const joined = await session.lobby.join(meeting.uri);
    if (!joined.conversationHref) throw new UcwaError({ code: 'InvalidResponse', message: 'the join did not link a conversation in time', userMessage: `I could not join ${meeting.subject} in time. Please try again.` });
    meeting.conversationHref = joined.conversationHref;
    this.conversationMeetings.set(joined.conversationHref, meeting.uri);
  }

  private openChannel(userId: string, session: UcwaSession): void {
    const existing = this.channels.get(userId);
    if (existing?.session === session && session.events.running) return;
    if (existing) this.closeChannel(userId, existing);
    const handle: ChannelHandle = { session, unsafe: false, detach: () => undefined };
    const events = session.events;
    const detachers = [
      events.onLobby((change) => this.onLobby(userId, handle, change)),
      events.onReset((reason) => {
        // Conversations were dropped (resume) or belonged to a lost application: join again, off the channel's path.
        this.log.info({ teamsUserId: userId, reason }, 'event channel reset; re-joining watched meetings');
        setImmediate(() => void this.rejoinAll(userId, session));
      }),
      events.onPosition(() => this.onPosition(userId, handle)),
      events.onStopped((reason, error) => this.onStopped(userId, handle, reason, error)),
    ];
    handle.detach = () => detachers.forEach((detach) => detach());
    this.channels.set(userId, handle);
    events.start();
    this.log.info({ teamsUserId: userId }, 'lobby event channel open');
  }

  private closeChannel(userId: string, handle: ChannelHandle): void {
    handle.detach();
    handle.session.events.stop();
    if (this.channels.get(userId) === handle) this.channels.delete(userId);
  }

  private onPosition(userId: string, handle: ChannelHandle): void {
    if (handle.unsafe) {
      // An alert could not be stored: keep the saved position before it so a restart sees that event again.
      this.log.error({ teamsUserId: userId }, 'not saving the event position: a lobby alert is not stored');
      return;
    }
    void this.locks.run(`account:${userId}`, () => this.deps.accounts.save(userId)).catch((error: unknown) => this.log.warn({ err: error }, 'could not save the event position'));
  }

  private onStopped(userId: string, handle: ChannelHandle, reason: string, error: unknown): void {
    handle.detach();
    if (this.channels.get(userId) === handle) this.channels.delete(userId);
    if (this.stopped || reason === 'stopped') return;
    if (isSignInFailure(error)) {
      void this.deps.accounts.expire(userId);
      return;
    }
    this.log.warn({ teamsUserId: userId, reason }, 'lobby event channel stopped; reopening later');
    if (reason === 'failed') {
      const timer = setTimeout(() => {
        this.reopenTimers.delete(timer);
        void this.resume(userId).catch((cause: unknown) => this.log.error({ err: cause }, 'could not reopen a lobby event channel'));
      }, this.options.reopenDelayMs ?? 30_000);
      timer.unref();
      this.reopenTimers.add(timer);
    }
  }

  private async onExpired(userId: string): Promise<void> {
    const handle = this.channels.get(userId);
    if (handle) this.closeChannel(userId, handle);
    const record = await this.records.watch(userId);
    await this.notify(userId, sessionNotes[record?.language ?? 'en'].paused);
  }

  /** True when the error means the person's sign-in ran out (and tells the accounts so). */
  private async onUcwaError(userId: string, error: unknown): Promise<boolean> {
    if (!isSignInFailure(error)) return false;
    await this.deps.accounts.expire(userId);
    return true;
  }

  private async onLobby(userId: string, handle: ChannelHandle, change: LobbyChange): Promise<void> {
    try {
      if (change.type === 'added') await this.onArrival(userId, handle.session, change);
      else if (change.type === 'deleted') await this.onDeparture(userId, handle.session, change);
    } catch (error) {
      if (change.type === 'added') handle.unsafe = true;
      throw error;
    }
  }

  private async onArrival(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    const participant = change.participant;
    // No participant: they left before we could look (aggregation may skip whole visits); nothing to alert.
    if (!participant || participant.inLobby === false) return;
    const record = await this.records.watch(userId);
    const meeting = record && (await this.meetingOf(session, record, change.conversationHref));
    if (!record || !meeting) return;
    const person = { name: displayName(participant, change.title), uri: participant.uri, source: sourceOf(participant) };
    await this.locks.run(`arrivals:${userId}`, async () => {
      const mine = this.outbox.of(userId);
      if (mine.some((alert) => !alert.outcome && alert.participantHref === change.participantHref)) return;
      const rejoined = mine.find(
        (alert) => !alert.outcome && alert.meeting.uri === meeting.uri && alert.conversationHref !== change.conversationHref && identityOf(alert.person) === identityOf(person),
      );
      if (rejoined) return this.rebind(rejoined, change);
      const visit = mine.filter((alert) => alert.participantHref === change.participantHref).length;
      const now = new Date().toISOString();
      const alert: AlertRecord = {
        id: alertIdFor(userId, change.conversationHref, change.participantHref, visit),
        watcherId: userId,
        meeting: { uri: meeting.uri, subject: meeting.subject },
        conversationHref: change.conversationHref,
        participantHref: change.participantHref,
        person,
        waitingSince: now,
        targetConversationId: meeting.alertConversationId,
        language: record.language,
        timeZone: record.timeZone,
        cardVersion: 1,
        deliveredVersion: 0,
        attempts: 0,
        createdAt: now,
      };
      await this.outbox.add(alert);
      this.log.info({ teamsUserId: userId, alertId: alert.id, meeting: meeting.subject }, 'lobby arrival recorded');
      this.outbox.kick(alert.id);
    });
  }

  /** The same person seen again after our conversation was re-created: keep their card, point it at the new hrefs. */
  private async rebind(alert: AlertRecord, change: LobbyChange): Promise<void> {
    await this.locks.run(`alert:${alert.id}`, async () => {
      alert.conversationHref = change.conversationHref;
      alert.participantHref = change.participantHref;
      await this.outbox.persist(alert);
    });
  }

  /** The card stays true: someone left the lobby without us (admitted elsewhere, turned away, gave up). */
  private async onDeparture(userId: string, session: UcwaSession, change: LobbyChange): Promise<void> {
    const alert = this.outbox.of(userId).find((candidate) => !candidate.outcome && candidate.participantHref === change.participantHref);
    if (!alert) return;
    await this.locks.run(`alert:${alert.id}`, async () => {
      if (alert.outcome) return;
      // Still in the conversation but out of the lobby means admitted; gone means refused or hung up.
      const admitted = await session.lobby
        .participant(change.participantHref)
        .then((view) => view.inLobby === false)
        .catch(() => false);
      await this.outbox.finish(alert, { kind: admitted ? 'admittedElsewhere' : 'leftLobby', at: new Date().toISOString() });
    });
  }

  private async meetingOf(session: UcwaSession, record: WatchRecord, conversationHref: string): Promise<WatchedMeeting | undefined> {
    const known = record.meetings.find((meeting) => meeting.conversationHref === conversationHref);
    if (known) return known;
    let uri = this.conversationMeetings.get(conversationHref);
    if (!uri) {
      uri = (await session.lobby.onlineMeeting(conversationHref)).onlineMeetingUri;
      if (uri) this.conversationMeetings.set(conversationHref, uri);
    }
    return record.meetings.find((meeting) => meeting.uri === uri);
  }

  /** A short note in the person's personal chat; best effort (ProactiveMessenger already retries). */
  private async notify(userId: string, message: string): Promise<void> {
    const stored = await this.deps.references.personalChatOf({ id: userId });
    if (!stored) {
      this.log.warn({ teamsUserId: userId }, 'no personal chat to tell the person');
      return;
    }
    await this.deps.proactive.send(stored.reference, { type: 'message', text: message }).catch((error: unknown) => this.log.warn({ err: error, teamsUserId: userId }, 'could not send a note'));
  }
}

function newWatch(user: OrganizerContext): WatchRecord {
  return { teamsUserId: user.id, upn: user.upn, name: user.name, language: user.language, timeZone: user.timeZone, meetings: [] };
}

function waitingPerson(view: ParticipantView, meeting: WatchedMeeting): WaitingPerson {
  return {
    name: displayName(view),
    uri: view.uri,
    source: sourceOf(view),
    participantHref: view.href,
    conversationHref: meeting.conversationHref ?? '',
    meetingUri: meeting.uri,
    meetingSubject: meeting.subject,
  };
}

function isSignInFailure(error: unknown): boolean {
  return error instanceof UcwaError && (error.status === 401 || error.code === 'NotSignedIn');
}



import pLimit from 'p-limit';
import type { SignOutResult, StoppedWork, UcwaAccounts } from '../accounts/ucwaAccounts.js';
import type { Logger } from '../logging.js';
import type { CommandOptions } from '../teams/capability.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore, StoredReference } from '../teams/conversationReferences.js';
import type { TeamsUser } from '../teams/identity.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import type { UcwaSession } from '../ucwa/index.js';
import { LobbyActions, type ActionResult, type LobbyAction, type WaitingResult } from './actions.js';
import { EventChannels, type ChannelTap } from './channels.js';
import { organizerSession, tellOrganizer, type AlertsContext, type Organizer, type OrganizerContext } from './context.js';
import { LobbyChanges } from './lobbyChanges.js';
import { AlertOutbox, type OutboxOptions } from './outbox.js';
import type { WaitingPerson } from './people.js';
import type { LobbyRecords, WatchedMeeting } from './records.js';
import { SignIns, type SignInLink, type SignInOutcome } from './signIn.js';
import { sessionNotes } from './texts.js';
import { Watches, type WatchResult } from './watches.js';

export type { ActionResult, ChannelTap, LobbyAction, Organizer, OrganizerContext, WatchResult };

export interface LobbyAlertsOptions extends OutboxOptions {
  /** One-time sign-in links live this long (default 10 minutes). */
  signInTtlMs?: number;
  /** Wait before reopening an event channel that failed for a reason other than sign-in (default 30 s). */
  reopenDelayMs?: number;
}

/**
 * Lobby alerts: keeps each signed-in organizer's UCWA application joined to the meetings they watch, listens to
 * one event channel per organizer, turns lobby arrivals into durable alerts, and carries out admit / reject as
 * the person who asked. This class wires the parts together and owns what spans them: start and stop, resuming
 * an organizer's alerts, and sign-in running out.
 */
export class LobbyAlerts {
  readonly outbox: AlertOutbox;
  private readonly context: AlertsContext;
  private readonly channels: EventChannels;
  private readonly watches: Watches;
  private readonly lobbyChanges: LobbyChanges;
  private readonly actions: LobbyActions;
  private readonly signIns: SignIns;
  private detachAccounts?: () => void;
  private detachSignOut?: () => void;

  constructor(
    deps: { accounts: UcwaAccounts; records: LobbyRecords; references: ConversationReferenceStore; proactive: ProactiveMessenger; logger: Logger },
    options: LobbyAlertsOptions = {},
  ) {
    this.context = { ...deps, locks: new KeyedSerializer() };
    this.outbox = new AlertOutbox(deps.records, deps.references, deps.proactive, deps.logger.child({ component: 'lobby-outbox' }), options);
    // The channels call back into parts built after them; the callbacks run only once a channel is open.
    this.channels = new EventChannels(
      this.context,
      {
        lobbyChanged: (userId, session, change) => this.lobbyChanges.apply(userId, session, change),
        reset: (userId, session) => this.watches.rejoinAll(userId, session),
        reopen: (userId) => this.resume(userId),
      },
      options.reopenDelayMs ?? 30_000,
    );
    this.watches = new Watches(this.context, this.channels);
    this.lobbyChanges = new LobbyChanges(this.context, this.outbox, this.watches);
    this.actions = new LobbyActions(this.context, this.outbox, this.watches);
    this.signIns = new SignIns(this.context, (userId, hint) => this.resume(userId, hint), options.signInTtlMs ?? 10 * 60_000);
  }

  /** Loads the outbox, then resumes every watching organizer's channel in the background. */
  async start(): Promise<void> {
    await this.outbox.load();
    this.detachAccounts = this.context.accounts.onChange((event) => {
      if (event.kind === 'expired') void this.onExpired(event.teamsUserId);
    });
    this.detachSignOut = this.context.accounts.onSignOut((userId) => this.stopWatching(userId));
    this.outbox.start();
    const limit = pLimit(8);
    const watchers = await this.context.records.watchers();
    // Restores run in the background so a slow UCWA pool cannot hold up the bot's start.
    void Promise.all(watchers.map((id) => limit(() => this.resume(id)))).then(() => this.context.logger.info({ watchers: watchers.length }, 'lobby watches resumed'));
  }

  async stop(): Promise<void> {
    this.outbox.stop();
    this.detachAccounts?.();
    this.detachSignOut?.();
    this.channels.stop();
  }

  /** Restores an organizer's session, reopens their event channel and re-joins their watched meetings. */
  async resume(userId: string, hint?: Organizer): Promise<void> {
    const record = await this.context.records.watch(userId);
    if (!(await this.context.accounts.record(userId))) return;
    const session = await this.session({ id: userId, upn: record?.upn ?? hint?.upn, name: record?.name ?? hint?.name });
    if (!session) return;
    this.channels.open(userId, session);
    if (!record || record.meetings.length === 0) return;
    await this.watches.rejoinAll(userId, session);
    const subjects = record.meetings.map((meeting) => meeting.subject);
    if (hint) await tellOrganizer(this.context, userId, sessionNotes[record.language].resumed(subjects));
  }

  session(user: Organizer): Promise<UcwaSession | undefined> {
    return organizerSession(this.context, user);
  }

  // ------------------------------------------------------------------------------------------ the channel, shared

  /** Another capability hears each organizer's events on the channel the alerts run (see EventChannels.tap). */
  tapEvents(tap: ChannelTap): () => void {
    return this.channels.tap(tap);
  }

  /** Opens the person's event channel unless it already runs; false when they are not signed in. */
  async openChannel(user: Organizer): Promise<boolean> {
    const session = await this.session(user);
    if (!session) return false;
    this.channels.open(user.id, session);
    return true;
  }

  // ------------------------------------------------------------------------------------------ sign-in

  createSignIn(user: OrganizerContext & Pick<TeamsUser, 'email' | 'aadObjectId'>, held?: CommandOptions): Promise<string> {
    return this.signIns.create(user, held);
  }

  onHeldCommandReady(run: (options: CommandOptions) => Promise<void>): void {
    this.signIns.onHeldCommandReady(run);
  }

  /** Whose live sign-in link this is and in which language, or undefined when it is unknown, used or expired. */
  signInLink(state: string): Promise<SignInLink | undefined> {
    return this.signIns.link(state);
  }

  completeSignIn(state: string, username: string, password: string): Promise<SignInOutcome> {
    return this.signIns.complete(state, username, password);
  }

  /** Stops everything on the person's account (alerts, presence watches), deletes the UCWA application and token. */
  signOut(user: Organizer): Promise<SignOutResult> {
    return this.context.accounts.signOut(user.id);
  }

  /** At sign-out: the event channel closes now and the watch list is forgotten (nothing to resume after a restart). */
  private async stopWatching(userId: string): Promise<StoppedWork> {
    this.channels.close(userId);
    const meetings = await this.watches.watched({ id: userId });
    await this.watches.forget(userId);
    return { kind: 'lobby', names: meetings.map((meeting) => meeting.subject) };
  }

  // ------------------------------------------------------------------------------------------ watching

  watch(user: OrganizerContext, target: { meeting?: string; all?: boolean; uri?: string; led?: boolean }): Promise<WatchResult> {
    return this.watches.watch(user, target);
  }

  unwatch(user: Organizer, target: { meeting?: string; all?: boolean }): Promise<WatchedMeeting[]> {
    return this.watches.unwatch(user, target);
  }

  watched(user: Organizer): Promise<WatchedMeeting[]> {
    return this.watches.watched(user);
  }

  routeHere(user: OrganizerContext, meeting: string, conversationId: string): Promise<WatchResult> {
    return this.watches.routeHere(user, meeting, conversationId);
  }

  /** What the bot knows of a conversation alerts may go to (its kind, channel and team names), to name it. */
  conversation(conversationId: string): Promise<StoredReference | undefined> {
    return this.context.references.forConversation(conversationId);
  }

  // ------------------------------------------------------------------------------------------ acting on the lobby

  waiting(user: Organizer, meeting?: string): Promise<WaitingResult> {
    return this.actions.waiting(user, meeting);
  }

  actOnPerson(user: Organizer, person: WaitingPerson, action: LobbyAction): Promise<ActionResult> {
    return this.actions.actOnPerson(user, person, action);
  }

  actOnAlert(presser: Organizer, alertId: string, action: LobbyAction): Promise<ActionResult> {
    return this.actions.actOnAlert(presser, alertId, action);
  }

  admitAll(presser: Organizer, alertId: string): Promise<ActionResult> {
    return this.actions.admitAll(presser, alertId);
  }

  private async onExpired(userId: string): Promise<void> {
    this.channels.close(userId);
    const record = await this.context.records.watch(userId);
    await tellOrganizer(this.context, userId, sessionNotes[record?.language ?? 'en'].paused);
  }
}

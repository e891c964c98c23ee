import { isSignInFailure } from '../accounts/ucwaAccounts.js';
import type { LobbyChange, UcwaSession } from '../ucwa/index.js';
import { channelKey } from '../ownership/index.js';
import type { AlertsContext } from './context.js';

/** What the channels hand on: lobby changes to record, resets to re-join after, and channels to reopen. */
export interface ChannelListener {
  lobbyChanged(userId: string, session: UcwaSession, change: LobbyChange): Promise<void>;
  /** The server dropped our conversations (resume) or they belonged to a lost application. */
  reset(userId: string, session: UcwaSession): Promise<void>;
  reopen(userId: string): Promise<void>;
}

/**
 * Another capability's listener on an organizer's channel (presence, say): attaches its handlers to the session's
 * event channel and returns their detach. Called for every channel opened, so it follows re-opened sessions.
 */
export type ChannelTap = (userId: string, session: UcwaSession) => () => void;

interface ChannelHandle {
  session: UcwaSession;
  /** Detach of each tap attached to this channel. */
  taps: Map<ChannelTap, () => void>;
  /** A lobby alert could not be written: the stored position must not move past it. */
  unsafe: boolean;
  detach: () => void;
}

/**
 * One UCWA event channel per signed-in organizer, all running at once and none blocking another. The channel's
 * saved position only moves past a lobby arrival once its alert is stored, so a crash replays what was not.
 */
export class EventChannels {
  private readonly channels = new Map<string, ChannelHandle>();
  private readonly reopenTimers = new Set<NodeJS.Timeout>();
  private readonly taps = new Set<ChannelTap>();
  private stopped = false;

  constructor(
    private readonly context: AlertsContext,
    private readonly listener: ChannelListener,
    /** Wait before reopening a channel that failed for a reason other than sign-in. */
    private readonly reopenDelayMs: number,
  ) {}

  /**
   * Listens on the session's event channel, unless that very channel is already running, or it is another
   * instance's to run (see src/ownership): false then.
   */
  open(userId: string, session: UcwaSession): boolean {
    if (!this.context.ownership.owns(channelKey(userId))) {
      // Its owner (maybe this instance, for a new watcher) takes it up at its next look; sooner from here.
      this.context.ownership.rebalanceSoon();
      return false;
    }
    const existing = this.channels.get(userId);
    if (existing?.session === session && session.events.running) return true;
    if (existing) this.closeHandle(userId, existing);
    const handle: ChannelHandle = { session, taps: new Map(), unsafe: false, detach: () => undefined };
    const events = session.events;
    const detachers = [
      events.onLobby((change) => this.onLobby(userId, handle, change)),
      events.onReset((reason) => {
        this.context.logger.info({ teamsUserId: userId, reason }, 'event channel reset; re-joining watched meetings');
        // Join again off the channel's path, so the channel keeps reading events meanwhile.
        setImmediate(() => void this.listener.reset(userId, session).catch((error: unknown) => this.context.logger.error({ err: error }, 'could not re-join after a reset')));
      }),
      events.onPosition(() => this.onPosition(userId, handle)),
      events.onStopped((reason, error) => this.onStopped(userId, handle, reason, error)),
    ];
    handle.detach = () => {
      detachers.forEach((detach) => detach());
      for (const untap of handle.taps.values()) untap();
      handle.taps.clear();
    };
    this.channels.set(userId, handle);
    for (const tap of this.taps) this.attachTap(userId, handle, tap);
    events.start();
    this.context.logger.info({ teamsUserId: userId }, 'lobby event channel open');
    return true;
  }

  /** Whether this instance runs the person's channel now. */
  running(userId: string): boolean {
    return this.channels.has(userId);
  }

  /**
   * Lets another capability hear every organizer's events on the one channel already running here: the UCWA
   * client allows one pending GET per application, so a second loop must never be started for them.
   */
  tap(tap: ChannelTap): () => void {
    this.taps.add(tap);
    for (const [userId, handle] of this.channels) this.attachTap(userId, handle, tap);
    return () => {
      this.taps.delete(tap);
      for (const handle of this.channels.values()) {
        handle.taps.get(tap)?.();
        handle.taps.delete(tap);
      }
    };
  }

  private attachTap(userId: string, handle: ChannelHandle, tap: ChannelTap): void {
    try {
      handle.taps.set(tap, tap(userId, handle.session));
    } catch (error) {
      this.context.logger.error({ err: error, teamsUserId: userId }, 'an event channel listener could not attach');
    }
  }

  close(userId: string): void {
    const handle = this.channels.get(userId);
    if (handle) this.closeHandle(userId, handle);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.reopenTimers) clearTimeout(timer);
    for (const [userId, handle] of this.channels) this.closeHandle(userId, handle);
  }

  private closeHandle(userId: string, handle: ChannelHandle): void {
    handle.detach();
    handle.session.events.stop();
    if (this.channels.get(userId) === handle) this.channels.delete(userId);
  }

  private async onLobby(userId: string, handle: ChannelHandle, change: LobbyChange): Promise<void> {
    try {
      await this.listener.lobbyChanged(userId, handle.session, change);
    } catch (error) {
      if (change.type === 'added') handle.unsafe = true;
      throw error;
    }
  }

  private onPosition(userId: string, handle: ChannelHandle): void {
    if (handle.unsafe) {
      // An alert could not be stored: keep the saved position before it so a restart sees that event again.
      this.context.logger.error({ teamsUserId: userId }, 'not saving the event position: a lobby alert is not stored');
      return;
    }
    void this.context.locks
      .run(`account:${userId}`, () => this.context.accounts.save(userId))
      .catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not save the event position'));
  }

  private onStopped(userId: string, handle: ChannelHandle, reason: string, error: unknown): void {
    handle.detach();
    if (this.channels.get(userId) === handle) this.channels.delete(userId);
    if (this.stopped || reason === 'stopped') return;
    if (isSignInFailure(error)) {
      void this.context.accounts.expire(userId);
      return;
    }
    this.context.logger.warn({ teamsUserId: userId, reason }, 'lobby event channel stopped; reopening later');
    if (reason === 'failed') this.reopenLater(userId);
  }

  private reopenLater(userId: string): void {
    const timer = setTimeout(() => {
      this.reopenTimers.delete(timer);
      if (!this.context.ownership.owns(channelKey(userId))) return;
      void this.listener.reopen(userId).catch((cause: unknown) => this.context.logger.error({ err: cause }, 'could not reopen a lobby event channel'));
    }, this.reopenDelayMs);
    timer.unref();
    this.reopenTimers.add(timer);
  }
}

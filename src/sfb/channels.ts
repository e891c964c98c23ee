import type { Logger } from '../logging.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { UcwaSession } from '../ucwa/index.js';
import { isSignInFailure, type UcwaAccounts } from './accounts.js';
import { channelKey, type Ownership } from '../ownership/index.js';

/** What a listener may ask of the channel it hears. */
export interface ChannelControl {
  /**
   * An event this listener could not record (a lobby alert not written): the channel's saved position must not move
   * past it, so a restart sees that event again.
   */
  holdPosition(): void;
}

/**
 * A listener on a person's channel (lobby alerts, presence: all equals): attaches its handlers to the session's
 * event channel and returns their detach. Called for every channel opened, so it follows re-opened sessions.
 */
export type ChannelTap = (userId: string, session: UcwaSession, channel: ChannelControl) => () => void;

export interface ChannelDeps {
  accounts: UcwaAccounts;
  logger: Logger;
  /** Takes `account:<user>` to save the position, like every other write of the account record. */
  locks: KeyedSerializer;
  /** Which people's channels run on this instance (all of them with the file store). */
  ownership: Ownership;
}

interface ChannelHandle {
  session: UcwaSession;
  /**
   * The taps attached to this channel and, at the same index, each one's detach. Two arrays replaced whole rather
   * than a Map: there are one or two taps, and a Map reserves ~180 bytes per idle channel.
   */
  taps: ChannelTap[];
  untaps: Array<() => void>;
  /** A listener could not record an event: the stored position must not move past it. */
  unsafe: boolean;
  /** What every tap of this channel may ask of it (one object for all of them). */
  control: ChannelControl;
  detach: () => void;
}

/**
 * One UCWA event channel per signed-in person, all running at once and none blocking another, heard by every tap
 * (the UCWA client allows one pending GET per application, so no listener ever starts a second loop). The
 * channel's saved position only moves past an event once every tap recorded it, so a crash replays what was not.
 */
export class EventChannels {
  private readonly channels = new Map<string, ChannelHandle>();
  private readonly reopenTimers = new Set<NodeJS.Timeout>();
  private readonly taps = new Set<ChannelTap>();
  private stopped = false;

  constructor(
    private readonly context: ChannelDeps,
    /** Opens the person's channel again (restoring their session) after it failed. */
    private readonly reopen: (userId: string) => Promise<void>,
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
    const handle: ChannelHandle = { session, taps: [], untaps: [], unsafe: false, control: { holdPosition: () => void (handle.unsafe = true) }, detach: () => undefined };
    const events = session.events;
    const detachers = [
      events.onPosition(() => this.onPosition(userId, handle)),
      events.onStopped((reason, error) => this.onStopped(userId, handle, reason, error)),
    ];
    handle.detach = () => {
      detachers.forEach((detach) => detach());
      const untaps = handle.untaps;
      handle.taps = [];
      handle.untaps = [];
      for (const untap of untaps) untap();
    };
    this.channels.set(userId, handle);
    for (const tap of this.taps) this.attachTap(userId, handle, tap);
    events.start();
    this.context.logger.info({ teamsUserId: userId }, 'event channel open');
    return true;
  }

  /** Whether this instance runs the person's channel now. */
  running(userId: string): boolean {
    return this.channels.has(userId);
  }

  /** Hears every person's events on the one channel running for them, from now on and on channels opened later. */
  tap(tap: ChannelTap): () => void {
    this.taps.add(tap);
    for (const [userId, handle] of this.channels) this.attachTap(userId, handle, tap);
    return () => {
      this.taps.delete(tap);
      for (const handle of this.channels.values()) {
        const index = handle.taps.indexOf(tap);
        if (index < 0) continue;
        const untap = handle.untaps[index]!;
        handle.taps = handle.taps.filter((_, at) => at !== index);
        handle.untaps = handle.untaps.filter((_, at) => at !== index);
        untap();
      }
    };
  }

  private attachTap(userId: string, handle: ChannelHandle, tap: ChannelTap): void {
    try {
      const untap = tap(userId, handle.session, handle.control);
      const index = handle.taps.indexOf(tap);
      if (index >= 0) {
        // Attached again (as a Map.set would have): the newer detach replaces the older.
        handle.untaps = handle.untaps.map((existing, at) => (at === index ? untap : existing));
        return;
      }
      handle.taps = [...handle.taps, tap];
      handle.untaps = [...handle.untaps, untap];
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

  private onPosition(userId: string, handle: ChannelHandle): void {
    if (handle.unsafe) {
      // An event could not be recorded: keep the saved position before it so a restart sees that event again.
      this.context.logger.error({ teamsUserId: userId }, 'not saving the event position: an event was not recorded');
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
    this.context.logger.warn({ teamsUserId: userId, reason }, 'event channel stopped; reopening later');
    if (reason === 'failed') this.reopenLater(userId);
  }

  /** Tries the person's channel again after the reopen delay (if this instance still owns it then). */
  reopenLater(userId: string): void {
    const timer = setTimeout(() => {
      this.reopenTimers.delete(timer);
      if (!this.context.ownership.owns(channelKey(userId))) return;
      void this.reopen(userId).catch((cause: unknown) => this.context.logger.error({ err: cause }, 'could not reopen an event channel'));
    }, this.reopenDelayMs);
    timer.unref();
    this.reopenTimers.add(timer);
  }
}

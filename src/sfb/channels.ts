import pLimit from 'p-limit';
import type { Logger } from '../logging.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ChannelSubscriber, DispatchedEvent, ResetReason, StopReason, UcwaSession } from '../ucwa/index.js';
import { isSignInFailure, type UcwaAccounts } from './accounts.js';
import { channelKey, type Ownership } from '../ownership/index.js';

/**
 * Deferred position saves running at once (each a read and a durable write of the person's account record). Their
 * file operations share libuv's four pool threads with the alert writes an arrival waits for; two at a time leave
 * those room while a wait's hundreds of saves drain.
 */
export const positionSavesAtOnce = 2;

/** What a listener may ask of the channel it hears. */
export interface ChannelControl {
  /**
   * An event this listener could not record (a lobby alert not written): the channel's saved position must not move
   * past it, so a restart sees that event again.
   */
  holdPosition(): void;
}

/**
 * A listener on every person's channel (lobby alerts, presence: all equals), registered once: the channel's handle
 * calls it with the person, so an idle channel holds no handlers of its own (a closure, its context, a filter and a
 * detach per tap per channel were ~1.5 KB of each idle organizer). Each part is awaited in turn, tap by tap.
 */
export interface ChannelTap {
  /** The person's channel runs on this session: opened now, or already running when the tap was added. */
  opened?(userId: string, session: UcwaSession): void;
  /** One event; the channel's position moves past it only after every tap has heard it. */
  event?(userId: string, session: UcwaSession, event: DispatchedEvent, channel: ChannelControl): void | Promise<void>;
  /** The channel's transient state must be rebuilt (resume, resync, a re-created application). */
  reset?(userId: string, session: UcwaSession, reason: ResetReason): void | Promise<void>;
}

export interface ChannelDeps {
  accounts: UcwaAccounts;
  logger: Logger;
  /** Takes `account:<user>` to save the position, like every other write of the account record. */
  locks: KeyedSerializer;
  /** Which people's channels run on this instance (all of them with the file store). */
  ownership: Ownership;
}

/** What a channel's handle asks of the EventChannels it belongs to: one object for all handles. */
interface ChannelOwner {
  taps(): readonly ChannelTap[];
  logger: Logger;
  position(handle: ChannelHandle): void;
  held(handle: ChannelHandle): void;
  stopped(handle: ChannelHandle, reason: StopReason, error: unknown): void;
}

/**
 * One running channel: subscribed to the session's event channel, it passes what it hears to every tap with the
 * person. Its methods live on the prototype, so a channel costs this object and nothing per tap.
 */
class ChannelHandle implements ChannelSubscriber, ChannelControl {
  /** A listener could not record an event: the stored position must not move past it. */
  unsafe = false;

  constructor(
    private readonly owner: ChannelOwner,
    readonly userId: string,
    readonly session: UcwaSession,
  ) {}

  holdPosition(): void {
    this.unsafe = true;
    this.owner.held(this);
  }

  async event(event: DispatchedEvent): Promise<void> {
    for (const tap of this.owner.taps()) {
      if (tap.event) await this.safely(() => tap.event!(this.userId, this.session, event, this));
    }
  }

  async reset(reason: ResetReason): Promise<void> {
    for (const tap of this.owner.taps()) {
      if (tap.reset) await this.safely(() => tap.reset!(this.userId, this.session, reason));
    }
  }

  position(): void {
    this.owner.position(this);
  }

  stopped(reason: StopReason, error?: unknown): void {
    this.owner.stopped(this, reason, error);
  }

  /** One tap failing must not keep the others from hearing the event. */
  private async safely(work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.owner.logger.error({ err: error, teamsUserId: this.userId }, 'an event channel listener failed');
    }
  }
}

/**
 * One UCWA event channel per signed-in person, all running at once and none blocking another, heard by every tap
 * (the UCWA client allows one pending GET per application, so no listener ever starts a second loop). The
 * channel's saved position only moves past an event once every tap recorded it, so a crash replays what was not.
 *
 * With `positionSaveMs` above 0 a moved position is saved that long after it first moved, with every other
 * person's moved since, one save per person whatever the number of events in between, and at `stop`. A position is
 * acknowledged to nobody: what a stale one costs after a crash is a resync, not a lost or repeated alert. UCWA
 * answers an `ack` other than the last unacknowledged response with only a `resync` link (events_ref, "Event
 * channel details"; the simulator does the same), so a channel restarted from an older position does not replay
 * old batches one by one: it is reset, re-joins its meetings and reconciles the lobby's full list with the open
 * alerts (known visits stay as they are, new ones become alerts, ended ones close), the path a lost position always
 * took. Only the file store's sole owner defers; with shared channels a handed-over channel resumes elsewhere from
 * the stored position at once, so each move is saved as it happens.
 */
export class EventChannels {
  private readonly channels = new Map<string, ChannelHandle>();
  private readonly reopenTimers = new Set<NodeJS.Timeout>();
  /** People whose channel's position moved since it was last saved (deferred saves only). */
  private readonly unsavedPositions = new Set<string>();
  /** One timer for all unsaved positions: a timer per person would be memory on every busy channel. */
  private positionTimer?: NodeJS.Timeout;
  /** Replaced whole, never pushed to: a dispatch under way goes on over the list it started with. */
  private tapList: readonly ChannelTap[] = [];
  private stopped = false;
  private readonly owner: ChannelOwner;

  constructor(
    private readonly context: ChannelDeps,
    /** Opens the person's channel again (restoring their session) after it failed. */
    private readonly reopen: (userId: string) => Promise<void>,
    /** Wait before reopening a channel that failed for a reason other than sign-in. */
    private readonly reopenDelayMs: number,
    /** How long a moved position may wait to be saved (0: saved at each move). */
    private readonly positionSaveMs = 0,
  ) {
    this.owner = {
      taps: () => this.tapList,
      logger: context.logger,
      position: (handle) => this.onPosition(handle),
      held: (handle) => this.onHeld(handle),
      stopped: (handle, reason, error) => this.onStopped(handle, reason, error),
    };
  }

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
    if (existing) this.closeHandle(existing);
    const handle = new ChannelHandle(this.owner, userId, session);
    this.channels.set(userId, handle);
    session.events.subscribe(handle);
    for (const tap of this.tapList) this.opened(handle, tap);
    session.events.start();
    this.context.logger.info({ teamsUserId: userId }, 'event channel open');
    return true;
  }

  /** Whether this instance runs the person's channel now. */
  running(userId: string): boolean {
    return this.channels.has(userId);
  }

  /** Hears every person's events on the one channel running for them, from now on and on channels opened later. */
  tap(tap: ChannelTap): () => void {
    if (this.tapList.includes(tap)) return () => this.untap(tap);
    this.tapList = [...this.tapList, tap];
    for (const handle of this.channels.values()) this.opened(handle, tap);
    return () => this.untap(tap);
  }

  private untap(tap: ChannelTap): void {
    this.tapList = this.tapList.filter((item) => item !== tap);
  }

  private opened(handle: ChannelHandle, tap: ChannelTap): void {
    try {
      tap.opened?.(handle.userId, handle.session);
    } catch (error) {
      this.context.logger.error({ err: error, teamsUserId: handle.userId }, 'an event channel listener could not attach');
    }
  }

  close(userId: string): void {
    const handle = this.channels.get(userId);
    if (handle) this.closeHandle(handle);
  }

  /** Closes every channel, then saves the positions that moved since their last save. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.reopenTimers) clearTimeout(timer);
    clearTimeout(this.positionTimer);
    this.positionTimer = undefined;
    for (const handle of this.channels.values()) this.closeHandle(handle);
    await this.saveMovedPositions();
  }

  private closeHandle(handle: ChannelHandle): void {
    this.forget(handle);
    handle.session.events.stop();
  }

  /** The taps hear this channel no more; the person's entry goes unless a newer channel took it. */
  private forget(handle: ChannelHandle): void {
    handle.session.events.unsubscribe(handle);
    if (this.channels.get(handle.userId) === handle) this.channels.delete(handle.userId);
  }

  private onPosition(handle: ChannelHandle): void {
    const userId = handle.userId;
    if (handle.unsafe) {
      // An event could not be recorded: keep the saved position before it so a restart sees that event again.
      this.context.logger.error({ teamsUserId: userId }, 'not saving the event position: an event was not recorded');
      return;
    }
    if (this.positionSaveMs <= 0) {
      void this.savePosition(userId);
      return;
    }
    this.unsavedPositions.add(userId);
    if (this.positionTimer || this.stopped) return;
    this.positionTimer = setTimeout(() => {
      this.positionTimer = undefined;
      void this.saveMovedPositions();
    }, this.positionSaveMs);
    this.positionTimer.unref();
  }

  /** A listener could not record an event: a deferred save must not carry the position past it either. */
  private onHeld(handle: ChannelHandle): void {
    if (this.channels.get(handle.userId) === handle) this.unsavedPositions.delete(handle.userId);
  }

  /**
   * A few people at a time: hundreds of channels moved within one wait (idle channels move on every empty answer)
   * must not become hundreds of writes at once.
   */
  private async saveMovedPositions(): Promise<void> {
    const users = [...this.unsavedPositions];
    this.unsavedPositions.clear();
    const limit = pLimit(positionSavesAtOnce);
    await Promise.all(users.map((userId) => limit(() => (this.channels.get(userId)?.unsafe ? undefined : this.savePosition(userId)))));
  }

  private savePosition(userId: string): Promise<void> {
    return this.context.locks
      .run(`account:${userId}`, () => this.context.accounts.save(userId))
      .catch((error: unknown) => this.context.logger.warn({ err: error }, 'could not save the event position'));
  }

  private onStopped(handle: ChannelHandle, reason: StopReason, error: unknown): void {
    const userId = handle.userId;
    this.forget(handle);
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

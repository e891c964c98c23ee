import type { ConversationReference } from 'botbuilder';
import { alertReply } from '../cards/lobby/alertCard.js';
import { CardTooLargeError, cardMessage } from '../cards/render.js';
import { RetryableError, withRetries } from '../http/retry.js';
import type { Logger } from '../logging.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore, StoredReference } from '../teams/conversationReferences.js';
import { BotRemovedError, MessageRejectedError, type ProactiveMessenger } from '../teams/proactive.js';
import { KeyedBursts } from './bursts.js';
import { channelKey } from '../ownership/index.js';
import { StaleFenceError, type Fence } from '../storage/fence.js';
import { mergeAlert, type AlertOutcome, type AlertRecord, type LobbyRecords } from './records.js';
import type { Platform } from './source.js';

/** One watcher's waiting room on one platform: the alerts whose cards count each other ("Admit all (N)"). */
export type AlertRoom = Pick<AlertRecord, 'watcherId' | 'platform'> & { meeting: Pick<AlertRecord['meeting'], 'key'> };

/**
 * Which alerts this instance may send, and the fence it writes them with: an alert's first card is sent only by the
 * instance that owns its watcher's event channel (the one that recorded it), claimed with a fenced conditional write.
 */
export interface DeliveryRights {
  readonly instanceId: string;
  /**
   * No other process sends (one process owns the store): the first send needs no claim, which would only put a
   * durable write between the arrival and its card.
   */
  readonly exclusive?: boolean;
  /** The fence of the watcher's channel while this instance owns it; undefined when another instance does. */
  fence(watcherId: string): Fence | undefined;
}

/** One process owns every channel: it sends everything (the file store, and tests of one bot). */
export const soleDelivery: DeliveryRights = {
  instanceId: 'sole',
  exclusive: true,
  fence: (watcherId) => ({ scope: channelKey(watcherId), token: 0 }),
};

/** How long a first send claimed by one instance is left to it: longer than a card send with its retries takes. */
const CLAIM_MS = 30_000;

export interface OutboxOptions {
  /** How often undelivered cards are looked at (default 1 s). */
  pumpIntervalMs?: number;
  /** Finished alerts are kept this long so late or double clicks still see the outcome (default 24 h). */
  retentionMs?: number;
  /** Longest wait between delivery attempts of one card (default 60 s). */
  maxRetryDelayMs?: number;
  /**
   * Arrivals and departures in one meeting within this window re-render its other open cards once (default 300 ms):
   * each card's updates share the conversation's Teams rate limit with every other card there.
   */
  recountWindowMs?: number;
  /**
   * A card whose delivery keeps failing (the connector unreachable, no conversation to send to) is parked once it
   * has failed this many times in a row (default 20) AND for at least `giveUpAfterMs` (default 1 h): a lobby
   * alert that late helps nobody, and retrying it forever costs requests and log lines.
   */
  giveUpAfterAttempts?: number;
  giveUpAfterMs?: number;
  /**
   * At stop (or when a watcher's channel moves away), how long the card sends in progress may take to finish and be
   * recorded (default 5 s): long enough for a send, short enough for the shutdown deadline when Teams does not answer.
   */
  stopGraceMs?: number;
}

/**
 * The durable alert outbox. Every alert is written here before the event channel moves on; cards are delivered
 * from here (sent once, then updated in place) and an attempt that failed, even after ProactiveMessenger's own
 * retries, stays due and is tried again later. All alerts not yet purged are kept in memory: a few hundred bytes
 * each, so thousands of organizers stay cheap.
 *
 * The open cards of one meeting stay true about how many people wait there ("Admit all (N)"): whenever someone
 * arrives or is settled, the others are re-counted once the burst of changes is over, and a card whose count
 * changed gets a new version, delivered as any other update (durable, in order, never a second send).
 */
export class AlertOutbox {
  private readonly alerts = new AlertsById();
  private readonly delivering = new Map<string, Promise<void>>();
  /**
   * The conversation of a new alert, looked up while its record was written (see add), or the chat a press came from
   * (see finish): the next delivery takes it instead of reading it then. Kept until that delivery ends, so only
   * alerts being delivered have one.
   */
  private readonly lookedUp = new Map<string, Promise<StoredReference | undefined>>();
  private readonly deliveries = new KeyedSerializer();
  private readonly recounts: KeyedBursts;
  /** Watchers whose channel this instance is handing over: no new sends start for them. */
  private readonly leaving = new Set<string>();
  /** Alerts this instance changed without owning their watcher (a card pressed here): it delivers their updates. */
  private readonly changedHere = new Set<string>();
  private adopting?: Promise<void>;
  private readonly adopted = new Set<string>();
  /**
   * Alerts whose outcome is being written (finish): no card shows it before it is on disk. The pump, a delivery
   * already running and a re-count's kick would otherwise draw the new version while its write is under way.
   */
  private readonly unwritten = new Set<string>();
  /** Alerts whose outcome could not be written (finish failed): written again before any card of theirs is drawn. */
  private readonly unsaved = new Set<string>();
  /** Deliveries in a row that an error outside the send stopped, per alert (see interrupted). */
  private readonly interruptions = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    private readonly records: LobbyRecords,
    private readonly references: ConversationReferenceStore,
    private readonly proactive: ProactiveMessenger,
    private readonly logger: Logger,
    private readonly options: OutboxOptions = {},
    private readonly rights: DeliveryRights = soleDelivery,
  ) {
    this.recounts = new KeyedBursts(options.recountWindowMs ?? 300);
  }

  async load(): Promise<void> {
    for (const alert of await this.records.allAlerts()) this.alerts.set(alert.id, alert);
    await this.purge();
    // A recount pending at a crash or stop was never written: redo every meeting's now (the pump delivers them).
    await this.recountAll(this.openAlerts().filter((alert) => this.owns(alert.watcherId)));
    const parked = [...this.alerts.values()].filter((alert) => alert.parked).length;
    this.logger.info({ alerts: this.alerts.size, due: this.due().length, parked }, 'lobby alert outbox loaded');
  }

  start(): void {
    this.stopped = false;
    this.timer ??= setInterval(() => this.pump(), this.options.pumpIntervalMs ?? 1_000);
    this.timer.unref();
    this.pump();
  }

  /**
   * Stops the pump and waits (up to `stopGraceMs`) for the card sends already in progress to finish and be recorded,
   * so that a stop right after a send cannot leave a sent card unrecorded (sent again after the restart).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    this.recounts.stop();
    await this.settle([...this.delivering.values()]);
  }

  /** Waits for deliveries, no longer than the grace: a connector that never answers must not hold a stop. */
  private async settle(deliveries: Promise<void>[]): Promise<void> {
    if (deliveries.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.stopGraceMs ?? 5_000)));
    await Promise.race([Promise.allSettled(deliveries), grace]);
    clearTimeout(timer);
  }

  /**
   * This instance now runs the watcher's channel: what the previous owner stored is read afresh (alerts it recorded
   * but could not send, outcomes, sent cards), and delivered from here. Watchers taken over together share one read.
   */
  adopt(watcherId: string): Promise<void> {
    this.leaving.delete(watcherId);
    this.adopted.add(watcherId);
    // One read of the stored alerts for all the channels taken over within a second (a dead instance's many).
    this.adopting ??= new Promise<void>((resolve) => setTimeout(resolve, 1_000))
      .then(async () => {
        this.adopting = undefined;
        const watchers = new Set(this.adopted);
        this.adopted.clear();
        await this.reload(watchers);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not read the outbox of the channels taken over'));
    return this.adopting;
  }

  /** The watcher's channel goes to another instance: no new sends for it, and the ones in progress finish first. */
  async release(watcherId: string): Promise<void> {
    this.leaving.add(watcherId);
    const running = [...this.delivering].filter(([id]) => this.alerts.get(id)?.watcherId === watcherId).map(([, delivery]) => delivery);
    await this.settle(running);
  }

  get(id: string): AlertRecord | undefined {
    return this.alerts.get(id);
  }

  /**
   * The alert as stored now (another instance may have changed or created it), remembered here; undefined when gone.
   * When no other process writes the store (`exclusive`: the file store, held by this process alone) every write of
   * an alert went through this outbox, so the copy here is the stored one and is not read again. Shared, it always
   * is: an alert this instance owns may still have been settled by a press served elsewhere.
   */
  async fresh(id: string): Promise<AlertRecord | undefined> {
    const known = this.alerts.get(id);
    if (known && this.rights.exclusive) return known;
    const stored = await this.records.readAlert(id);
    if (!stored) return known;
    if (!known) {
      this.alerts.set(id, stored);
      return stored;
    }
    return Object.assign(known, mergeAlert(stored, known));
  }

  /** Alerts of one organizer (open and recently finished). */
  of(watcherId: string): AlertRecord[] {
    return this.alerts.of(watcherId);
  }

  /** How many people wait in the alert's meeting as its card (latest version) shows them, for "Admit all (N)". */
  waitingShownOn(alert: AlertRecord): number {
    return alert.waitingInMeeting ?? this.openIn(alert).length;
  }

  /** The open alert for a visit (the source's opaque visit key), if any. */
  openAlertFor(watcherId: string, platform: Platform, visitKey: string): AlertRecord | undefined {
    return this.of(watcherId).find((alert) => !alert.outcome && alert.platform === platform && alert.visitKey === visitKey);
  }

  /** The open alerts of one watcher's meeting on one platform. */
  openIn(room: AlertRoom): AlertRecord[] {
    return this.of(room.watcherId).filter((alert) => !alert.outcome && alert.platform === room.platform && alert.meeting.key === room.meeting.key);
  }

  /** Writes the alert durably (a few attempts), then remembers it. Throws when storage keeps failing. */
  async add(alert: AlertRecord): Promise<void> {
    if (!alert.outcome) alert.waitingInMeeting = this.openIn(alert).filter((other) => other.id !== alert.id).length + 1;
    // Looked up while the record is written, not after: a read that misses the storage's cache goes to disk, and the
    // card's first send then waits for the write alone. Nothing is sent before the write resolves.
    const conversation = this.conversationOf(alert);
    conversation.catch(() => undefined);
    this.lookedUp.set(alert.id, conversation);
    try {
      await this.persist(alert);
    } catch (error) {
      this.lookedUp.delete(alert.id);
      throw error;
    }
    this.alerts.set(alert.id, alert);
    this.recountSoon(alert);
  }

  /**
   * Writes the alert, trying three times in all: a storage hiccup must not lose a lobby visit. It is merged with
   * the stored copy (another instance may have settled it meanwhile), and what was stored becomes ours. The owner
   * of the watcher's channel writes with its fence: refused (StaleFenceError, not retried) once a newer owner wrote.
   * The store's sole writer (`exclusive`) has nothing to merge and writes its copy as it is.
   */
  async persist(alert: AlertRecord): Promise<void> {
    if (this.rights.exclusive) {
      // The store's sole writer: every write of an alert goes through this outbox, so the stored copy is an earlier
      // state of ours and is not read back to be merged (a disk read per write once the storage's cache of recent
      // items has let it go: ~1 per card press).
      await this.writeRetried(alert, () => this.records.replaceAlert(alert, this.rights.fence(alert.watcherId)));
      return;
    }
    const stored = await this.writeRetried(alert, () => this.records.saveAlert(alert, this.rights.fence(alert.watcherId)));
    // Merged, not copied: a change made to our copy while the write ran (an outcome, say) must stay.
    Object.assign(alert, mergeAlert(stored, alert));
  }

  /** One write of an alert, tried three times in all; a newer owner's refusal (StaleFenceError) is final. */
  private writeRetried<T>(alert: AlertRecord, write: () => Promise<T>): Promise<T> {
    return withRetries(
      (attempt) =>
        write().catch((error: unknown) => {
          if (error instanceof StaleFenceError) throw error;
          if (attempt < 3) this.logger.warn({ err: error, alertId: alert.id, attempt }, 'could not write a lobby alert; trying again');
          throw new RetryableError(error);
        }),
      { retries: 2, minTimeoutMs: 50, maxTimeoutMs: 100 },
    );
  }

  /**
   * Records what happened to the person; the card shows it at the next delivery. `pressedIn`: the personal chat the
   * press came from, when it did; a card that lives there (the watcher's own chat, no routed conversation) is updated
   * through it instead of reading the watcher's stored chat back, which is the same chat: the press's turn stored it
   * (ConversationReferenceStore.capture) before it was handled.
   */
  async finish(alert: AlertRecord, outcome: AlertOutcome, pressedIn?: StoredReference): Promise<void> {
    if (!this.owns(alert.watcherId)) this.changedHere.add(alert.id);
    this.unwritten.add(alert.id);
    alert.outcome = outcome;
    alert.cardVersion += 1;
    const here = pressedIn && livesIn(alert, pressedIn);
    if (here) this.lookedUp.set(alert.id, Promise.resolve(pressedIn));
    try {
      await this.persist(alert);
      this.unsaved.delete(alert.id);
    } catch (error) {
      if (here) this.lookedUp.delete(alert.id);
      // The decision was made (the source acted); it stays here and is written again before a card shows it.
      this.unsaved.add(alert.id);
      throw error;
    } finally {
      this.unwritten.delete(alert.id);
    }
    this.kickAfterRunning(alert.id);
    this.recountSoon(alert);
  }

  /** Delivers now, or once the delivery under way ends: it may have stopped short of a version written meanwhile. */
  private kickAfterRunning(id: string): void {
    const running = this.delivering.get(id);
    // Its own failure is handled by whoever started it; this only waits for it to end.
    if (running) void running.then(() => this.kick(id), () => this.kick(id));
    else this.kick(id);
  }

  private recountSoon(changed: AlertRecord): void {
    this.recounts.touch(meetingKey(changed), () => {
      void this.recount(changed).catch((error: unknown) =>
        this.logger.error({ err: error, meeting: changed.meeting.subject }, 'could not re-count a lobby'),
      );
    });
  }

  /**
   * Gives every open card of the meeting whose "Admit all (N)" is no longer true a new version. Closed cards are
   * left alone: they show an outcome, never a button.
   */
  private async recount(room: AlertRoom): Promise<void> {
    const open = this.openIn(room);
    const stale = open.filter((alert) => shownCount(alert.waitingInMeeting) !== shownCount(open.length));
    for (const alert of stale) {
      alert.waitingInMeeting = open.length;
      alert.cardVersion += 1;
    }
    await Promise.all(stale.map((alert) => this.persist(alert)));
    // Before start() (on load) the pump delivers them once the bot is up.
    if (this.timer) for (const alert of stale) this.kick(alert.id);
  }

  private async recountAll(alerts: AlertRecord[]): Promise<void> {
    const meetings = new Map(alerts.map((alert) => [meetingKey(alert), alert] as const));
    for (const alert of meetings.values()) {
      await this.recount(alert).catch((error: unknown) => this.logger.warn({ err: error }, 'could not re-count a lobby'));
    }
  }

  /** Reads the stored alerts of the watchers taken over; stored copies replace ours unless a delivery runs here. */
  private async reload(watchers: Set<string>): Promise<void> {
    const read = await this.records.alertsOf(watchers, (id) => this.alerts.get(id)?.watcherId);
    const stored = read.filter((alert) => watchers.has(alert.watcherId));
    // Another watcher's alert not known here yet: remembered as the load would have, so it is not read again.
    for (const alert of read) if (!watchers.has(alert.watcherId) && !this.alerts.has(alert.id)) this.alerts.set(alert.id, alert);
    for (const alert of stored) {
      const known = this.alerts.get(alert.id);
      if (known && this.delivering.has(alert.id)) Object.assign(known, mergeAlert(alert, known));
      else if (known) Object.assign(known, alert);
      else this.alerts.set(alert.id, alert);
    }
    await this.recountAll(stored.filter((alert) => !alert.outcome && this.owns(alert.watcherId)));
    this.logger.info({ watchers: watchers.size, alerts: stored.length }, 'lobby alerts of channels taken over loaded');
    this.pump();
  }

  private owns(watcherId: string): boolean {
    return !this.leaving.has(watcherId) && this.rights.fence(watcherId) !== undefined;
  }

  /**
   * Whether this instance delivers the alert: the first card only where the watcher's channel runs (see claim);
   * updates there too, or where the alert was changed (a card pressed here) — an update in place sent twice is the
   * same card, a first send twice is two cards.
   */
  private mayDeliver(alert: AlertRecord): boolean {
    if (this.owns(alert.watcherId)) return true;
    return alert.activityId !== undefined && this.changedHere.has(alert.id) && !this.leaving.has(alert.watcherId);
  }

  /**
   * Takes the right to send the alert's first card, with a conditional write fenced by the watcher's channel:
   * refused to an instance that lost the channel, and to anyone while another instance's claim runs. Answers
   * whether to go on: false when another instance holds it (or the channel is not ours).
   */
  private async claim(alert: AlertRecord): Promise<boolean> {
    if (this.rights.exclusive) return !this.leaving.has(alert.watcherId);
    const fence = this.rights.fence(alert.watcherId);
    if (!fence || this.leaving.has(alert.watcherId)) return false;
    const now = Date.now();
    const me = this.rights.instanceId;
    let heldUntil: number | undefined;
    let written: AlertRecord | undefined;
    try {
      written = await this.records.changeAlert(
        alert.id,
        (stored) => {
          heldUntil = undefined;
          const latest = stored ? mergeAlert(stored, alert) : alert;
          if (latest.activityId) return undefined;
          if (stored?.claim && stored.claim.by !== me && stored.claim.until > now) {
            heldUntil = stored.claim.until;
            return undefined;
          }
          return { ...latest, claim: { by: me, until: now + CLAIM_MS } };
        },
        fence,
      );
    } catch (error) {
      if (!(error instanceof StaleFenceError)) throw error;
      this.logger.info({ alertId: alert.id }, 'not sending a lobby alert: another instance runs its channel now');
      return false;
    }
    if (written) {
      Object.assign(alert, mergeAlert(written, alert), { claim: written.claim });
      return true;
    }
    if (heldUntil !== undefined) {
      alert.retryAt = heldUntil;
      return false;
    }
    // Sent already (by the previous owner): carry on from the stored card, updates only.
    const stored = await this.records.readAlert(alert.id);
    if (stored) Object.assign(alert, mergeAlert(stored, alert));
    return alert.activityId !== undefined;
  }

  /** Starts delivering one alert now, without waiting for it. */
  kick(id: string): void {
    void this.deliver(id).catch((error: unknown) => this.interrupted(id, error));
  }

  /**
   * A delivery stopped by an error outside the send (the store timed out on the claim, say): the alert stays due and
   * is tried again after a growing pause, kept in memory only — the pump must not hammer a busy store every second.
   */
  private interrupted(id: string, error: unknown): void {
    const times = (this.interruptions.get(id) ?? 0) + 1;
    this.interruptions.set(id, times);
    const pauseMs = growingPause(times, 30_000);
    const alert = this.alerts.get(id);
    if (alert) alert.retryAt = Math.max(alert.retryAt ?? 0, Date.now() + pauseMs);
    this.logger.warn({ err: error, alertId: id, times, pauseMs }, 'lobby alert delivery interrupted; it stays in the outbox and is tried again');
  }

  /** Sends the card (first time) or updates it in place until the latest version is out, or an attempt fails. */
  async deliver(id: string): Promise<void> {
    const running = this.delivering.get(id);
    if (running) return running;
    // The conversation kept for this delivery, if any: one kept later (a press's chat) is the next delivery's.
    const kept = this.lookedUp.get(id);
    const delivery = this.deliveries
      .run(id, async () => {
        for (let alert = this.alerts.get(id); alert && !this.stopped && needsDelivery(alert) && this.mayDeliver(alert) && !this.unwritten.has(id); alert = this.alerts.get(id)) {
          if (!alert.activityId && !(await this.claim(alert))) return;
          if (!(await this.deliverOnce(alert))) return;
          this.interruptions.delete(id);
        }
      })
      .finally(() => {
        this.delivering.delete(id);
        // An outcome being written keeps the chat its press came from for the delivery finish starts once it is on disk.
        if (!this.unwritten.has(id) && this.lookedUp.get(id) === kept) this.lookedUp.delete(id);
      });
    this.delivering.set(id, delivery);
    return delivery;
  }

  private async deliverOnce(alert: AlertRecord): Promise<boolean> {
    if (this.unsaved.has(alert.id)) {
      // A failure here stops this delivery (see interrupted); the pump tries again later.
      await this.persist(alert);
      this.unsaved.delete(alert.id);
    }
    const lookedUp = this.lookedUp.get(alert.id);
    this.lookedUp.delete(alert.id);
    const stored = await (lookedUp ?? this.conversationOf(alert));
    if (!stored) {
      this.logger.warn({ alertId: alert.id, target: alert.targetConversationId ?? 'personal chat' }, 'no conversation to deliver a lobby alert to yet');
      await this.postpone(alert);
      return false;
    }
    // An outcome recorded while we looked up the conversation is drawn once it is on disk (finish delivers it then).
    if (this.unwritten.has(alert.id)) return false;
    // Read the version right where the card is drawn: a change made while we looked up the conversation is in it.
    const version = alert.cardVersion;
    try {
      const reply = alertReply(alert, this.waitingShownOn(alert));
      const activity = cardMessage(reply.card, reply.fallback);
      if (alert.activityId) {
        await this.proactive.update(stored.reference as Partial<ConversationReference>, alert.activityId, activity);
      } else {
        alert.activityId = await this.proactive.send(stored.reference as Partial<ConversationReference>, activity);
      }
      alert.deliveredVersion = Math.max(alert.deliveredVersion, version);
      alert.claim = undefined;
      alert.attempts = 0;
      alert.retryAt = undefined;
      alert.failingSince = undefined;
      await this.persist(alert);
      this.logger.info({ alertId: alert.id, activityId: alert.activityId, version }, 'lobby alert card delivered');
      return true;
    } catch (error) {
      if (error instanceof BotRemovedError && alert.targetConversationId) {
        // The bot left the routed channel: the organizer still hears about it, in their personal chat.
        this.logger.warn({ alertId: alert.id }, 'bot removed from the alert conversation; falling back to the personal chat');
        alert.targetConversationId = undefined;
        alert.activityId = undefined;
        await this.persist(alert);
        return true;
      }
      const refusal = permanentRefusal(error, alert);
      if (refusal) {
        await this.park(alert, refusal, error);
        return false;
      }
      this.logger.warn({ err: error, alertId: alert.id, attempts: alert.attempts + 1 }, 'lobby alert not delivered; it stays in the outbox');
      await this.postpone(alert);
      return false;
    }
  }

  /** Where the alert's card goes: its routed conversation, else the watcher's personal chat. */
  private conversationOf(alert: AlertRecord): Promise<StoredReference | undefined> {
    return alert.targetConversationId ? this.references.forConversation(alert.targetConversationId) : this.references.personalChatOf({ id: alert.watcherId });
  }

  private async postpone(alert: AlertRecord): Promise<void> {
    const now = Date.now();
    alert.claim = undefined;
    alert.attempts += 1;
    alert.failingSince ??= now;
    const failingFor = now - alert.failingSince;
    if (alert.attempts >= (this.options.giveUpAfterAttempts ?? 20) && failingFor >= (this.options.giveUpAfterMs ?? 3600_000)) {
      await this.park(alert, `gave up after ${alert.attempts} attempts over ${Math.round(failingFor / 60_000)} minutes`);
      return;
    }
    const maxDelay = this.options.maxRetryDelayMs ?? 60_000;
    alert.retryAt = now + growingPause(alert.attempts, maxDelay);
    await this.persist(alert).catch((error: unknown) => this.logger.error({ err: error, alertId: alert.id }, 'could not record a failed delivery'));
  }

  /**
   * Stops delivering an alert for good, keeping it (with the reason) for whoever looks into it. Logged once, here:
   * a parked alert is never due again, so nothing else logs about it.
   */
  private async park(alert: AlertRecord, reason: string, error?: unknown): Promise<void> {
    alert.parked = { reason, at: new Date().toISOString(), attempts: alert.attempts + (error === undefined ? 0 : 1) };
    alert.retryAt = undefined;
    this.logger.warn({ err: error, alertId: alert.id, reason, attempts: alert.parked.attempts }, 'lobby alert parked: it will not be tried again');
    await this.persist(alert).catch((failure: unknown) => this.logger.error({ err: failure, alertId: alert.id }, 'could not record a parked lobby alert'));
  }

  private openAlerts(): AlertRecord[] {
    return [...this.alerts.values()].filter((alert) => !alert.outcome);
  }

  private due(now = Date.now()): AlertRecord[] {
    return [...this.alerts.values()].filter((alert) => needsDelivery(alert) && (alert.retryAt === undefined || alert.retryAt <= now));
  }

  private pump(): void {
    for (const alert of this.due()) if (!this.delivering.has(alert.id) && this.mayDeliver(alert)) this.kick(alert.id);
    if (Date.now() - this.lastPurge > 60_000) void this.purge().catch((error: unknown) => this.logger.warn({ err: error }, 'lobby alert purge failed'));
  }

  private async purge(): Promise<void> {
    this.lastPurge = Date.now();
    const cutoff = Date.now() - (this.options.retentionMs ?? 24 * 3600_000);
    const old = [...this.alerts.values()].filter(
      (alert) => (alert.parked && Date.parse(alert.parked.at) < cutoff) || (alert.outcome && !needsDelivery(alert) && Date.parse(alert.outcome.at) < cutoff),
    );
    if (old.length === 0) return;
    await this.records.deleteAlerts(old.map((alert) => alert.id));
    for (const alert of old) {
      this.alerts.delete(alert.id);
      this.interruptions.delete(alert.id);
    }
  }
}

/**
 * The outbox's alerts by id, and by watcher as well: `of(watcher)` (every departure, arrival and recount asks it) was
 * a scan of every alert kept, ~600 on the admit bench and tens of thousands for a large organisation's day. An
 * alert's watcher is part of its id, so it never changes while the alert is kept.
 */
class AlertsById extends Map<string, AlertRecord> {
  private readonly byWatcher = new Map<string, Map<string, AlertRecord>>();

  override set(id: string, alert: AlertRecord): this {
    const previous = super.get(id);
    if (previous && previous.watcherId !== alert.watcherId) this.unindex(id, previous.watcherId);
    super.set(id, alert);
    let mine = this.byWatcher.get(alert.watcherId);
    if (!mine) {
      mine = new Map();
      this.byWatcher.set(alert.watcherId, mine);
    }
    mine.set(id, alert);
    return this;
  }

  override delete(id: string): boolean {
    const alert = super.get(id);
    if (alert) this.unindex(id, alert.watcherId);
    return super.delete(id);
  }

  override clear(): void {
    this.byWatcher.clear();
    super.clear();
  }

  /** One watcher's alerts, in the order they became known (as a scan of every alert would list them). */
  of(watcherId: string): AlertRecord[] {
    const mine = this.byWatcher.get(watcherId);
    return mine ? [...mine.values()] : [];
  }

  private unindex(id: string, watcherId: string): void {
    const mine = this.byWatcher.get(watcherId);
    mine?.delete(id);
    if (mine?.size === 0) this.byWatcher.delete(watcherId);
  }
}

/** Whether the alert's card is in this conversation: the watcher's personal chat, when no conversation is routed. */
function livesIn(alert: AlertRecord, conversation: StoredReference): boolean {
  return !alert.targetConversationId && conversation.kind === 'personal' && conversation.userId === alert.watcherId;
}

/** The pause before the next try of a card after `times` failures in a row: 1 s, doubling, up to `maxMs`. */
function growingPause(times: number, maxMs: number): number {
  return Math.min(maxMs, 500 * 2 ** Math.min(times, 10));
}

function meetingKey(alert: AlertRecord): string {
  return `${alert.watcherId}\n${alert.platform}\n${alert.meeting.key}`;
}

/** What a count looks like on a card: one person or none both mean no "Admit all" (and an unknown count too). */
function shownCount(waiting: number | undefined): number {
  return waiting !== undefined && waiting >= 2 ? waiting : 1;
}

function needsDelivery(alert: AlertRecord): boolean {
  if (alert.parked) return false;
  return !alert.activityId || alert.deliveredVersion < alert.cardVersion;
}

/**
 * Why this failure can never turn into a delivery, or undefined when a later attempt may succeed: a card too large
 * to send, or a message Teams refused for good (a 400 or 413, say; see ProactiveMessenger). A bot removed from the
 * personal chat has nowhere left to fall back to.
 */
function permanentRefusal(error: unknown, alert: AlertRecord): string | undefined {
  if (error instanceof CardTooLargeError) return error.message;
  if (error instanceof BotRemovedError && !alert.targetConversationId) return 'the bot is no longer in the personal chat';
  if (error instanceof MessageRejectedError) return error.reason;
  return undefined;
}

import { Cancellation } from '../http/cancellation.js';
import type { UcwaApplication } from './application.js';
import { isLostApplication, reasonFromJson, reasonFromXml, UcwaError, type UcwaReason } from './errors.js';
import { isRecord, jsonLink, resolveHref, resourceFromJson, resourceFromXml, type UcwaLink, type UcwaResource } from './resource.js';
import type { HeldReceiver, UcwaResponse } from './transport.js';
import { participantView, type ParticipantView } from './views.js';
import { childrenNamed, firstChild, parseXml, type XmlElement } from './xml.js';

export type UcwaEventType = 'added' | 'updated' | 'deleted' | 'started' | 'completed';
const eventTypes: readonly string[] = ['added', 'updated', 'deleted', 'started', 'completed'];

export interface UcwaEvent {
  sender: { rel: string; href: string };
  /** The event's target resource. */
  link: UcwaLink;
  /** The collection the target joined or left (lobby, leaders, attendees, group, myGroups...). */
  in?: UcwaLink;
  type: UcwaEventType;
  /** A full copy of the target, when the server embedded one. */
  embedded?: UcwaResource;
  /** On completed operations (e.g. "Success"/"Failure"). */
  status?: string;
  reason?: UcwaReason;
}

export interface UcwaEventBatch {
  href: string;
  next?: string;
  resume?: string;
  resync?: string;
  events: UcwaEvent[];
}

// ------------------------------------------------------------------------------------------ parsing

export function parseEventBatch(body: string, contentType: string, url: string): UcwaEventBatch {
  if (contentType.toLowerCase().includes('xml')) return batchFromXml(parseXml(body), url);
  return batchFromJson(JSON.parse(body) as unknown, url);
}

export function batchFromJson(value: unknown, url: string): UcwaEventBatch {
  if (!isRecord(value)) throw new UcwaError({ code: 'InvalidResponse', message: 'event channel answered with something other than a JSON object' });
  const links = isRecord(value._links) ? value._links : {};
  const href = jsonLink('self', links.self, url)?.href ?? url;
  const events: UcwaEvent[] = [];
  for (const sender of Array.isArray(value.sender) ? value.sender : []) {
    if (!isRecord(sender) || typeof sender.rel !== 'string' || typeof sender.href !== 'string') continue;
    const from = { rel: sender.rel, href: resolveHref(sender.href, href) };
    for (const entry of Array.isArray(sender.events) ? sender.events : []) {
      const event = eventFromJson(entry, from, href);
      if (event) events.push(event);
    }
  }
  return {
    href,
    next: jsonLink('next', links.next, href)?.href,
    resume: jsonLink('resume', links.resume, href)?.href,
    resync: jsonLink('resync', links.resync, href)?.href,
    events,
  };
}

function eventFromJson(entry: unknown, sender: UcwaEvent['sender'], baseUrl: string): UcwaEvent | undefined {
  if (!isRecord(entry) || typeof entry.type !== 'string' || !eventTypes.includes(entry.type)) return undefined;
  const link = jsonLink('', entry.link, baseUrl);
  if (!link) return undefined;
  const event: UcwaEvent = { sender, link, type: entry.type as UcwaEventType };
  const within = jsonLink('', entry.in, baseUrl);
  if (within) event.in = within;
  if (isRecord(entry._embedded)) {
    const embedded = entry._embedded[link.rel] ?? Object.values(entry._embedded)[0];
    if (isRecord(embedded)) event.embedded = resourceFromJson(embedded, baseUrl, link.rel);
  }
  if (typeof entry.status === 'string') event.status = entry.status;
  const reason = reasonFromJson(entry.reason);
  if (reason) event.reason = reason;
  return event;
}

/** XML events: `<events>` → `<link rel="next">` + `<sender>` whose children are named after the event type. */
export function batchFromXml(root: XmlElement, url: string): UcwaEventBatch {
  if (root.name !== 'events') throw new UcwaError({ code: 'InvalidResponse', message: `expected <events>, got <${root.name}>` });
  const href = root.attributes.href ? resolveHref(root.attributes.href, url) : url;
  const batch: UcwaEventBatch = { href, events: [] };
  for (const link of childrenNamed(root, 'link')) {
    const rel = link.attributes.rel;
    if ((rel === 'next' || rel === 'resume' || rel === 'resync') && link.attributes.href) batch[rel] = resolveHref(link.attributes.href, href);
  }
  for (const sender of childrenNamed(root, 'sender')) {
    const from = { rel: sender.attributes.rel ?? '', href: resolveHref(sender.attributes.href ?? '', href) };
    for (const child of sender.children) {
      const event = eventFromXml(child, from, href);
      if (event) batch.events.push(event);
    }
  }
  return batch;
}

function eventFromXml(element: XmlElement, sender: UcwaEvent['sender'], baseUrl: string): UcwaEvent | undefined {
  if (!eventTypes.includes(element.name) || !element.attributes.href) return undefined;
  const link: UcwaLink = { rel: element.attributes.rel ?? '', href: resolveHref(element.attributes.href, baseUrl) };
  if (element.attributes.title !== undefined) link.title = element.attributes.title;
  const event: UcwaEvent = { sender, link, type: element.name as UcwaEventType };
  // The docs never show `in` in XML; accept a nested <in rel href/> mirroring the JSON object.
  const within = firstChild(element, 'in');
  if (within?.attributes.href) event.in = { rel: within.attributes.rel ?? '', href: resolveHref(within.attributes.href, baseUrl) };
  const resource = firstChild(element, 'resource');
  if (resource) event.embedded = resourceFromXml(resource, baseUrl);
  const status = element.attributes.status ?? firstChild(element, 'status')?.text;
  if (status) event.status = status;
  const reason = firstChild(element, 'reason');
  if (reason) event.reason = reasonFromXml(reason);
  return event;
}

// ------------------------------------------------------------------------------------------ channel

export interface EventChannelOptions {
  /** Seconds the server may hold an empty P-GET (docs: 180–1800, default 180). Sent once; the server remembers it. */
  timeoutSeconds?: number;
  /** Aggregation windows in seconds for low / medium priority events. */
  low?: number;
  medium?: number;
  priority?: number;
  /** Backoff between retries of the same URL after a network failure. */
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
}

export interface EventFilter {
  sender?: string;
  rel?: string;
  in?: string;
  type?: UcwaEventType | UcwaEventType[];
}

export interface DispatchedEvent extends UcwaEvent {
  /** The target resource: the embedded copy, or fetched once on demand; undefined for `deleted`. */
  target(): Promise<UcwaResource | undefined>;
}

export type UcwaEventHandler = (event: DispatchedEvent) => void | Promise<void>;

/**
 * Everything a channel says, heard by one object: what runs a person's channel for its listeners (src/sfb/channels.ts)
 * subscribes with its handle for that person, whose methods are shared by every channel's handle. Handlers given to
 * `on` and the like are a closure, its filter and its detach each, per channel: ~1 KB per idle organizer for the
 * handful that the lobby alerts and presence need.
 */
export interface ChannelSubscriber {
  /** Every event, awaited before the next one and before the position moves past it. */
  event(event: DispatchedEvent): Promise<void>;
  reset(reason: ResetReason): Promise<void>;
  position(position: string): void;
  stopped(reason: StopReason, error?: unknown): void;
}

export interface LobbyChange {
  type: 'added' | 'updated' | 'deleted';
  participantHref: string;
  conversationHref: string;
  lobbyHref: string;
  /** The participant (name, uri, admit/reject links) for added/updated; undefined once they left. */
  participant?: ParticipantView;
  /** Display name from the event link's title, when the server gave one. */
  title?: string;
}

/**
 * Why transient state (conversations, lobby snapshots, subscriptions) must be rebuilt:
 * `resume` after long inactivity, `resync` after a lost position, or a re-created application.
 */
export type ResetReason = 'resume' | 'resync' | 'applicationRecreated';
export type StopReason = 'stopped' | 'replaced' | 'failed';

/**
 * The hanging GET of the "Event channel details" page. One request outstanding per application; the next one is
 * issued with the server's `next`/`resume`/`resync` href (ack never edited) after a response has been fully
 * dispatched, so the position saved by `onPosition` never skips an undelivered event. After a network failure
 * the SAME URL is asked again: the server answers it with the same events, so none is lost or repeated.
 */
export class EventChannel implements HeldReceiver {
  private currentPosition?: string;
  // Arrays replaced whole on every change, never pushed to: a channel has none to three of each, and a Set or a
  // pushed-to array reserves room for ~16 (~180 bytes apiece per idle organizer), as does a spread (`[...a, x]`),
  // while `concat` makes them to size; none is one empty array shared by all. Replacing also lets a dispatch under
  // way go on over the array it started with.
  private handlers: ReadonlyArray<{ filter: EventFilter; handler: UcwaEventHandler }> = none;
  private resetHandlers: ReadonlyArray<(reason: ResetReason) => void | Promise<void>> = none;
  private positionHandlers: ReadonlyArray<(position: string) => void> = none;
  private stopHandlers: ReadonlyArray<(reason: StopReason, error?: unknown) => void> = none;
  private subscriber?: ChannelSubscriber;
  /**
   * The running loop's: it stops its held GET and its wait between tries (not an AbortController: see
   * Cancellation). Set while the loop runs, which is what `running` says.
   */
  private cancellation?: Cancellation;
  /** Who waits in `done()` for the loop to stop; made only when someone does (a promise per channel otherwise). */
  private waiting?: Array<() => void>;
  /** Failed polls in a row, for the backoff. */
  private failures = 0;

  /**
   * `session` is the one the channel belongs to, which tells it of a new application (`applicationChanged`), and
   * whose held GETs it hears itself (`heldAnswer`, `heldFailure`): no closure per channel for either.
   */
  constructor(
    private readonly session: UcwaApplication,
    private readonly options: EventChannelOptions = defaultOptions,
  ) {}

  /**
   * The session made a new application. It has its own channel; the old position means nothing to it. The rebuild
   * starts at once, not with the new channel's first batch: an application that has joined nothing yet may have
   * nothing to say until the rebuild (re-joining the watched meetings) gives it something, so waiting for it lost
   * every alert.
   */
  applicationChanged(): void {
    this.currentPosition = undefined;
    void this.reset('applicationRecreated');
  }

  /** The URL the next P-GET will use. Persist it to resume after a restart. */
  get position(): string | undefined {
    return this.currentPosition;
  }

  set position(url: string | undefined) {
    this.currentPosition = url;
  }

  get running(): boolean {
    return this.cancellation !== undefined;
  }

  on(filter: EventFilter, handler: UcwaEventHandler): () => void {
    const entry = { filter, handler };
    this.handlers = this.handlers.concat([entry]);
    return () => {
      this.handlers = this.handlers.filter((item) => item !== entry);
    };
  }

  /** Lobby arrivals, changes and departures (participant events `in` a lobby), with the participant fetched. */
  onLobby(handler: (change: LobbyChange) => void | Promise<void>): () => void {
    return this.on(lobbyFilter, async (event) => {
      const change = lobbyChangeOf(event);
      if (change) await handler(await change);
    });
  }

  /**
   * The one subscriber (see ChannelSubscriber), heard before the handlers given to `on`. A second replaces the first:
   * whoever runs the channel now is the one to hear it.
   */
  subscribe(subscriber: ChannelSubscriber): void {
    this.subscriber = subscriber;
  }

  /** Stops `subscriber` hearing this channel, unless another has replaced it already. */
  unsubscribe(subscriber: ChannelSubscriber): void {
    if (this.subscriber === subscriber) this.subscriber = undefined;
  }

  onReset(handler: (reason: ResetReason) => void | Promise<void>): () => void {
    if (!this.resetHandlers.includes(handler)) this.resetHandlers = this.resetHandlers.concat([handler]);
    return () => void (this.resetHandlers = this.resetHandlers.filter((item) => item !== handler));
  }

  onPosition(handler: (position: string) => void): () => void {
    if (!this.positionHandlers.includes(handler)) this.positionHandlers = this.positionHandlers.concat([handler]);
    return () => void (this.positionHandlers = this.positionHandlers.filter((item) => item !== handler));
  }

  onStopped(handler: (reason: StopReason, error?: unknown) => void): () => void {
    if (!this.stopHandlers.includes(handler)) this.stopHandlers = this.stopHandlers.concat([handler]);
    return () => void (this.stopHandlers = this.stopHandlers.filter((item) => item !== handler));
  }

  /**
   * Starts the loop in the background; returns at once. Resolves `done()` when it stops. The loop is callbacks, one
   * poll calling the next, not an `async` loop: that kept a suspended frame, its promise and a `finally` waiting
   * on every idle channel for as long as the server held the GET. While the server holds it, the channel hears the
   * answer itself (`heldAnswer`, `heldFailure`): there is one held GET at a time, the running loop's.
   */
  start(signal?: AbortSignal): void {
    if (this.cancellation) return;
    const cancellation = new Cancellation();
    this.cancellation = cancellation;
    signal?.addEventListener('abort', () => cancellation.cancel(), { once: true });
    this.failures = 0;
    this.poll(cancellation);
  }

  stop(): void {
    this.cancellation?.cancel();
  }

  done(): Promise<void> {
    if (!this.cancellation) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiting = (this.waiting ?? []).concat([resolve]);
    });
  }

  /**
   * One P-GET and its dispatch; exposed for callers that drive the channel themselves (and tests). A promise chain,
   * not an async function: an async frame suspended for the minutes the server holds the GET is memory that every
   * idle channel would keep.
   */
  pollOnce(signal?: AbortSignal): Promise<UcwaEventBatch> {
    let held: Promise<UcwaResponse>;
    try {
      held = this.fetch(this.currentPosition ?? this.firstUrl(), signal);
    } catch (error) {
      return Promise.reject(error);
    }
    return held.then((response) => this.handle(response));
  }

  /** (For the session.) The running loop's held GET answered: dispatch the batch, then the next poll. */
  heldAnswer(response: UcwaResponse): void {
    const cancellation = this.cancellation;
    if (!cancellation) return;
    let handled: Promise<UcwaEventBatch>;
    try {
      handled = this.handle(response);
    } catch (error) {
      return this.failed(error, cancellation);
    }
    handled.then(
      () => {
        this.failures = 0;
        this.poll(cancellation);
      },
      (error: unknown) => this.failed(error, cancellation),
    );
  }

  /** (For the session.) The running loop's held GET failed. */
  heldFailure(error: unknown): void {
    const cancellation = this.cancellation;
    if (cancellation) this.failed(error, cancellation);
  }

  private handle(response: UcwaResponse): Promise<UcwaEventBatch> {
    const batch = parseEventBatch(response.body, response.contentType, response.url);
    return this.consume(batch).then(() => batch);
  }

  /** The next poll, unless the channel was stopped; the channel hears how it ended (see `heldAnswer`). */
  private poll(cancellation: Cancellation): void {
    if (cancellation.cancelled) return this.finish('stopped');
    let url: string;
    try {
      url = this.currentPosition ?? this.firstUrl();
    } catch (error) {
      return this.failed(error, cancellation);
    }
    // No transport retries and no transparent re-creation here: the loop owns both, so the position stays exact.
    this.session.holdGet(url, { cancellation, timeoutMs: this.holdTimeoutMs() }, this);
  }

  private failed(error: unknown, cancellation: Cancellation): void {
    if (cancellation.cancelled) return this.finish('stopped');
    this.failures += 1;
    this.handleFailure(error, this.failures, cancellation).then(
      (verdict) => (verdict === 'continue' ? this.poll(cancellation) : this.finish(verdict, error)),
      (cause: unknown) => this.finish('failed', cause),
    );
  }

  /** The loop is over: listeners hear why (while `running` still says so, as before), then `done()` resolves. */
  private finish(reason: StopReason, error?: unknown): void {
    const waiting = this.waiting;
    try {
      this.emitStop(reason, error);
    } catch (cause) {
      this.session.logger.error({ err: cause }, 'ucwa: event channel stop listener failed');
    } finally {
      this.cancellation = undefined;
      this.waiting = undefined;
      for (const resolve of waiting ?? none) resolve();
    }
  }

  private async handleFailure(error: unknown, failures: number, cancellation: Cancellation): Promise<'continue' | 'replaced' | 'failed'> {
    const log = this.session.logger;
    if (error instanceof UcwaError) {
      if (error.status === 409 && error.is('PGetReplaced')) {
        log.warn('ucwa: event channel replaced by another P-GET; stopping this one');
        return 'replaced';
      }
      // 410 InactiveApplicationExpired too: the sign-in (token) is still good, only the application is gone. A 404
      // or 410 without a UCWA reason on our own events link means the same (a front end that no longer knows the
      // application answers before UCWA can say why); stopping the channel instead lost every alert until it reopened.
      if (isLostApplication(error) || ((error.status === 404 || error.status === 410) && !error.subcode)) {
        await this.session.recreateApplication(cancellation.signal()).catch((cause: unknown) => log.error({ err: cause }, 'ucwa: could not re-create the application'));
        return this.session.signedIn ? 'continue' : 'failed';
      }
      const transient = error.code === 'NetworkFailure' || error.code === 'Timeout' || (error.status !== undefined && error.status >= 500);
      if (!transient) {
        log.error({ err: error }, 'ucwa: event channel stopped');
        return 'failed';
      }
    } else if (!(error instanceof SyntaxError)) {
      log.error({ err: error }, 'ucwa: event channel stopped');
      return 'failed';
    }
    const delay = backoff(failures, this.options.retryMinDelayMs ?? 200, this.options.retryMaxDelayMs ?? 10_000);
    log.debug({ failures, delay }, 'ucwa: event channel request failed; asking the same URL again');
    await pause(delay, cancellation);
    return 'continue';
  }

  /** The server may hold the GET for the channel's timeout; the deadline leaves it 15 s more to answer. */
  private holdTimeoutMs(): number {
    return (this.options.timeoutSeconds ?? 180) * 1000 + 15_000;
  }

  private fetch(url: string, signal: AbortSignal | undefined): Promise<UcwaResponse> {
    // No transport retries and no transparent re-creation here: the loop owns both, so the position stays exact.
    return this.session.request('GET', url, undefined, { signal, timeoutMs: this.holdTimeoutMs(), retries: 0, keepApplication: true, hold: true });
  }

  private async consume(batch: UcwaEventBatch): Promise<void> {
    if (batch.resync) {
      await this.reset('resync');
      this.advance(batch.resync, false);
      return;
    }
    if (batch.resume) await this.reset('resume');
    for (const event of batch.events) await this.dispatch(event);
    const next = batch.resume ?? batch.next;
    if (next) this.advance(next, batch.resume !== undefined);
  }

  private advance(url: string, resendParameters: boolean): void {
    this.currentPosition = resendParameters ? this.withParameters(url) : url;
    this.subscriber?.position(this.currentPosition);
    for (const handler of this.positionHandlers) handler(this.currentPosition);
  }

  private async reset(reason: ResetReason): Promise<void> {
    this.session.logger.info({ reason }, 'ucwa: event channel reset; transient state must be rebuilt');
    const subscriber = this.subscriber;
    if (subscriber) await this.safely(() => subscriber.reset(reason));
    for (const handler of this.resetHandlers) await this.safely(() => handler(reason));
  }

  private async dispatch(event: UcwaEvent): Promise<void> {
    let fetched: Promise<UcwaResource | undefined> | undefined;
    const dispatched: DispatchedEvent = {
      ...event,
      target: () => {
        if (event.embedded) return Promise.resolve(event.embedded);
        if (event.type === 'deleted') return Promise.resolve(undefined);
        fetched ??= this.session.get(event.link.href);
        return fetched;
      },
    };
    const subscriber = this.subscriber;
    if (subscriber) await this.safely(() => subscriber.event(dispatched));
    for (const { filter, handler } of this.handlers) {
      if (matchesEvent(filter, event)) await this.safely(() => handler(dispatched));
    }
  }

  private async safely(work: () => void | Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.session.logger.error({ err: error }, 'ucwa: event handler failed');
    }
  }

  private firstUrl(): string {
    const href = this.session.applicationLink('application', 'events');
    return this.withParameters(href, this.options.priority);
  }

  /** Adds our sticky parameters with a URL builder; the server's own parameters (ack) are left untouched. */
  private withParameters(href: string, priority?: number): string {
    const url = new URL(href);
    const set = (name: string, value: number | undefined) => {
      if (value !== undefined && !url.searchParams.has(name)) url.searchParams.set(name, String(value));
    };
    set('timeout', this.options.timeoutSeconds);
    set('low', this.options.low);
    set('medium', this.options.medium);
    set('priority', priority);
    return url.toString();
  }

  private emitStop(reason: StopReason, error?: unknown): void {
    this.subscriber?.stopped(reason, error);
    for (const handler of this.stopHandlers) handler(reason, error);
  }
}

const lobbyFilter: EventFilter = { rel: 'participant', in: 'lobby' };
const none: readonly never[] = Object.freeze([]);
const defaultOptions: EventChannelOptions = Object.freeze({});

/**
 * The lobby change an event is (a participant added to, updated in or deleted from a lobby), with the participant
 * fetched; undefined for any other event.
 */
export function lobbyChangeOf(event: DispatchedEvent): Promise<LobbyChange> | undefined {
  const type = event.type;
  if (!matchesEvent(lobbyFilter, event) || (type !== 'added' && type !== 'updated' && type !== 'deleted')) return undefined;
  return event.target().then(
    (target) => lobbyChange(event, type, target),
    () => lobbyChange(event, type, undefined),
  );
}

function lobbyChange(event: DispatchedEvent, type: LobbyChange['type'], target: UcwaResource | undefined): LobbyChange {
  return {
    type,
    participantHref: event.link.href,
    conversationHref: event.sender.href,
    lobbyHref: event.in?.href ?? '',
    participant: target ? participantView(target) : undefined,
    title: event.link.title,
  };
}

/** Whether the event is one the filter asks for. */
export function matchesEvent(filter: EventFilter, event: UcwaEvent): boolean {
  if (filter.sender && filter.sender !== event.sender.rel) return false;
  if (filter.rel && filter.rel !== event.link.rel) return false;
  if (filter.in && filter.in !== event.in?.rel) return false;
  if (filter.type) {
    const types = Array.isArray(filter.type) ? filter.type : [filter.type];
    if (!types.includes(event.type)) return false;
  }
  return true;
}

/** Waits `ms`, or less when cancelled. */
function pause(ms: number, cancellation: Cancellation): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      cancellation.unwatch(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancellation.watch(done);
  });
}

function backoff(failures: number, minMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, minMs * 2 ** Math.min(failures - 1, 10));
  return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}

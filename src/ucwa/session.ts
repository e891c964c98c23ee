import { randomUUID } from 'node:crypto';
import type { Cancellation } from '../http/cancellation.js';
import { exchangeFor } from '../http/carrier.js';
import { createLogger, type Logger } from '../logging.js';
import type { ApplicationListener, RequestOptions, UcwaApplication } from './application.js';
import type { UcwaCredentials } from './auth.js';
import { discover } from './discovery.js';
import { isLostApplication, UcwaError } from './errors.js';
import { EventChannel, type EventChannelOptions } from './events.js';
import { ExtensionsFacet } from './extensions.js';
import { GroupsFacet } from './groups.js';
import { LobbyFacet } from './lobby.js';
import { MeetingsFacet } from './meetings.js';
import { ApplicationLinks, type ApplicationSummary } from './applicationLinks.js';
import { shared } from './sharedStrings.js';
import { serializeForPut, type UcwaFormat, type UcwaResource, type UcwaValue } from './resource.js';
import { TokenKeeper } from './tokens.js';
import { defaultRetryPolicy, hasBody, resourceOf, UcwaTransport, type HeldReceiver, type HttpMethod, type RetryPolicy, type TransportHooks, type UcwaResponse } from './transport.js';

export interface UcwaSessionOptions {
  /** The autodiscovery root, e.g. https://lyncdiscover.contoso.com/ (or the simulator's discoveryUrl). */
  discoveryUrl: string;
  format?: UcwaFormat;
  /** Sent as the application's userAgent (≤ 100 characters) and as the HTTP User-Agent. */
  userAgent?: string;
  /** Application culture (≤ 100 characters); drives the language of server-generated text. */
  culture?: string;
  /** Unique among this user's concurrently running applications; a random one is made when absent. */
  endpointId?: string;
  logger?: Logger;
  requestTimeoutMs?: number;
  /** Every request through this fetch (tests, proxies); without it, keep-alive sockets of our own (src/http/carrier.ts). */
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  events?: EventChannelOptions;
}

/** Everything needed to carry on without the password (until the token expires). Contains the token: store it as a secret. */
export interface UcwaSessionState {
  version: 1;
  discoveryUrl: string;
  format: UcwaFormat;
  discoveredUserUrl: string;
  applicationsUrl: string;
  applicationUrl: string;
  endpointId: string;
  origins: string[];
  token?: string;
  expiresAt?: number;
  tokenEndpoint?: string;
  grantTypes?: string[];
  /** The event channel's next URL, when it has one. */
  eventsPosition?: string;
}

export type { RequestOptions } from './application.js';

/** Re-running discovery on every 403 would hammer the server; once a minute is plenty. */
const REDISCOVERY_INTERVAL_MS = 60_000;

/**
 * A signed-in user's UCWA application: the entry point for everything else. Facets (`meetings`, `extensions`,
 * `lobby`, `groups`, `events`) follow links from the application resource; none of them builds a path.
 */
export class UcwaSession implements UcwaApplication, TransportHooks {
  readonly meetings: MeetingsFacet;
  readonly extensions: ExtensionsFacet;
  readonly lobby: LobbyFacet;
  readonly groups: GroupsFacet;
  readonly events: EventChannel;
  readonly logger: Logger;

  private readonly transport: UcwaTransport;
  private readonly tokens: TokenKeeper;
  private app?: ApplicationLinks;
  /** Made on the first re-creation (most sessions never have one): an empty array is ~30 bytes per session. */
  private previousApplicationHrefs?: string[];
  /** Both the same for everyone on the pool: kept as the one shared copy (see sharedStrings). */
  private discoveredUserUrl = '';
  private applicationsUrl = '';
  private readonly endpointId: string;
  private recreating?: Promise<ApplicationLinks>;
  private rediscoveryWanted = false;
  private lastRediscovery = 0;
  /**
   * Replaced whole, not a Set nor pushed to (either reserves ~150 bytes), and empty as one shared array: the session's
   * own event channel hears of a new application directly (see `notify`), so most sessions have no listener here.
   */
  private listeners: readonly ApplicationListener[] = noListeners;

  /**
   * What the session reads of its options after construction, copied into one literal shape: the options given are
   * usually a spread, and a heap snapshot showed each session's spread with a hidden class of its own.
   */
  private readonly options: Pick<UcwaSessionOptions, 'discoveryUrl' | 'userAgent' | 'culture'>;

  private constructor(options: UcwaSessionOptions, credentials: UcwaCredentials | undefined) {
    this.options = { discoveryUrl: options.discoveryUrl, userAgent: options.userAgent, culture: options.culture };
    this.logger = options.logger ?? createLogger({ level: 'silent' });
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.tokens = new TokenKeeper(credentials, { fetch: fetchImpl, timeoutMs: requestTimeoutMs, logger: this.logger });
    this.transport = new UcwaTransport({
      format: options.format ?? 'json',
      userAgent: options.userAgent ?? 'MeetingOpsBot/0.1',
      exchange: exchangeFor(options.fetch),
      requestTimeoutMs,
      logger: this.logger,
      // The one default policy shared, unless this session has its own.
      retry: options.retry ? { ...defaultRetryPolicy, ...options.retry } : defaultRetryPolicy,
      tokens: this.tokens,
      // The session itself, not a closure around it: one less closure, context and object per session.
      hooks: this,
      holdWithNode: options.fetch === undefined,
    });
    this.endpointId = options.endpointId ?? randomUUID();
    this.events = new EventChannel(this, options.events);
    this.meetings = new MeetingsFacet(this);
    this.extensions = new ExtensionsFacet(this);
    this.lobby = new LobbyFacet(this, this.events);
    this.groups = new GroupsFacet(this);
  }

  /** Discovers the user's pool, signs in and creates the application. */
  static async signIn(credentials: UcwaCredentials, options: UcwaSessionOptions, signal?: AbortSignal): Promise<UcwaSession> {
    validateCredentials(credentials);
    const session = new UcwaSession(options, credentials);
    await session.discoverAndCreate(signal);
    return session;
  }

  /**
   * Rebuilds a session from saved state without the password. With `credentials` it can sign in again when the
   * token expires; without, a rejected token surfaces as a `NotSignedIn` error.
   */
  static async restore(state: UcwaSessionState, options: Omit<UcwaSessionOptions, 'discoveryUrl'> & { discoveryUrl?: string }, credentials?: UcwaCredentials): Promise<UcwaSession> {
    const discoveryUrl = options.discoveryUrl ?? state.discoveryUrl;
    const session = new UcwaSession({ ...options, discoveryUrl, format: options.format ?? state.format, endpointId: state.endpointId }, credentials);
    session.tokens.restore({ token: state.token, expiresAt: state.expiresAt, tokenEndpoint: state.tokenEndpoint, grantTypes: state.grantTypes, origins: state.origins });
    session.discoveredUserUrl = shared(state.discoveredUserUrl);
    session.applicationsUrl = shared(state.applicationsUrl);
    if (state.eventsPosition) session.events.position = state.eventsPosition;
    // Discovery is configured elsewhere now: the stored server is not to be trusted, only what discovery says.
    if (discoveryUrl !== state.discoveryUrl) {
      await session.reestablish(state.applicationUrl, 'the discovery address changed');
      return session;
    }
    try {
      session.app = new ApplicationLinks(resourceOf(await session.transport.send({ method: 'GET', url: state.applicationUrl })));
    } catch (error) {
      if (error instanceof UcwaError && error.code === 'NetworkFailure') {
        // The front end that held the application is gone (a pool move, a new front end): ask discovery again.
        await session.reestablish(state.applicationUrl, 'the stored server did not answer');
        return session;
      }
      if (!isLostApplication(error)) throw error;
      (session.previousApplicationHrefs ??= []).push(state.applicationUrl);
      await session.createApplication();
      // The saved position belonged to the lost application's channel.
      session.events.position = undefined;
    }
    return session;
  }

  /**
   * Whether an href points at the current application's server. A stored href of another origin (from before a
   * pool move) is never followed: callers find the thing afresh (a meeting by its URI, a group by its id or name).
   */
  isOnCurrentServer(href: string): boolean {
    if (!this.app) return false;
    try {
      return new URL(href).origin === new URL(this.app.href).origin;
    } catch {
      return false;
    }
  }

  /**
   * Re-runs discovery with the stored token and creates a new application where it leads. The token goes only to
   * origins this discovery establishes; hrefs of the old application are rebased only when the server stayed put.
   */
  private async reestablish(lostApplicationUrl: string, reason: string): Promise<void> {
    this.logger.info({ reason }, 'ucwa: re-establishing the stored session through discovery');
    this.tokens.forgetOrigins();
    const found = await discover(this.transport, this.tokens, this.options.discoveryUrl, this.logger);
    this.discoveredUserUrl = shared(found.userUrl);
    this.applicationsUrl = shared(found.applicationsUrl);
    const app = await this.createApplication();
    if (new URL(lostApplicationUrl).origin === new URL(app.href).origin) (this.previousApplicationHrefs ??= []).push(lostApplicationUrl);
    // The saved position belonged to the old application's channel.
    this.events.position = undefined;
  }

  get format(): UcwaFormat {
    return this.transport.format;
  }

  get signedIn(): boolean {
    return this.app !== undefined;
  }

  /** The current application: its href and links (those of its embedded me, people, onlineMeetings, communication too). */
  application(): ApplicationLinks {
    if (!this.app) throw new UcwaError({ code: 'NotSignedIn', message: 'no UCWA application (signed out)' });
    return this.app;
  }

  applicationView(): ApplicationSummary {
    return this.application().summary;
  }

  state(): UcwaSessionState {
    const tokens = this.tokens.state();
    return {
      version: 1,
      discoveryUrl: this.options.discoveryUrl,
      format: this.format,
      discoveredUserUrl: this.discoveredUserUrl,
      applicationsUrl: this.applicationsUrl,
      applicationUrl: this.application().href,
      endpointId: this.endpointId,
      origins: tokens.origins,
      token: tokens.token,
      expiresAt: tokens.expiresAt,
      tokenEndpoint: tokens.tokenEndpoint,
      grantTypes: tokens.grantTypes,
      eventsPosition: this.events.position,
    };
  }

  /** Stops the event channel and deletes the application (the docs ask clients to DELETE it on exit). */
  async signOut(): Promise<void> {
    this.events.stop();
    const app = this.app;
    this.app = undefined;
    if (app) {
      try {
        await this.transport.send({ method: 'DELETE', url: app.href, retries: 1 });
      } catch (error) {
        if (!(error instanceof UcwaError && (error.status === 404 || error.status === 410))) throw error;
      }
    }
    this.tokens.clear();
    this.tokens.forgetCredentials();
  }

  onApplicationChanged(listener: ApplicationListener): () => void {
    // concat, not a spread: V8 gives a spread array room for 17 (~0.13 KB more per session for its one listener).
    if (!this.listeners.includes(listener)) this.listeners = this.listeners.concat([listener]);
    return () => void (this.listeners = this.listeners.filter((item) => item !== listener));
  }

  // ------------------------------------------------------------------------------- plumbing for facets

  /** Follows a link from the application's embedded resource `embeddedRel` (e.g. onlineMeetings → myOnlineMeetings). */
  applicationLink(embeddedRel: string, rel: string): string {
    return this.application().link(embeddedRel, rel);
  }

  /** The href of one of the application's always-embedded resources: me, people, onlineMeetings, communication. */
  applicationPartHref(rel: string): string {
    return this.application().partHref(rel);
  }

  async get(href: string, options: RequestOptions = {}): Promise<UcwaResource> {
    return resourceOf(await this.request('GET', href, undefined, options));
  }

  /** POST with input fields; returns the raw response (201 + body, 201 + Location, or 204). */
  async post(href: string, input: Record<string, UcwaValue | Date | undefined> | undefined, options: RequestOptions = {}): Promise<UcwaResponse> {
    return this.request('POST', href, input, options);
  }

  async delete(href: string, options: RequestOptions = {}): Promise<void> {
    await this.request('DELETE', href, undefined, options);
  }

  /**
   * The resource a POST created: servers answer with it in the body (201/200) or only name it in Location, so
   * both end here. `what` names the resource in the error when they did neither.
   */
  async created(response: UcwaResponse, what: string, options: RequestOptions = {}): Promise<UcwaResource> {
    if (hasBody(response)) return resourceOf(response);
    if (response.location) return this.get(response.location, options);
    throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: `${what} created without a body or Location` });
  }

  /**
   * Conditional update: GET, apply `change` to the whole resource, PUT it back with If-Match. When someone else
   * changed it first (412), GET again, re-apply the change to the fresh copy and PUT once more.
   */
  async update(href: string, change: (current: UcwaResource) => Record<string, UcwaValue | Date | undefined>, options: RequestOptions = {}): Promise<UcwaResource> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.get(href, options);
      const body = serializeForPut(current, change(current));
      try {
        const response = await this.request('PUT', current.href, undefined, { ...options, body, ifMatch: current.etag });
        return hasBody(response) ? resourceOf(response) : await this.get(current.href, options);
      } catch (error) {
        const stale = error instanceof UcwaError && error.status === 412;
        if (!stale || attempt > 0) throw error;
        this.logger.info({ href: current.href }, 'ucwa: resource changed under us (412); re-reading and re-applying');
      }
    }
  }

  holdGet(href: string, options: { cancellation: Cancellation; timeoutMs: number }, receiver: HeldReceiver): void {
    this.transport.holdTo({ method: 'GET', url: this.rebase(href), cancellation: options.cancellation, timeoutMs: options.timeoutMs, hold: true }, receiver);
  }

  /**
   * Sends a request on behalf of the application: rebases hrefs of a re-created application, re-creates the
   * application transparently on 404 ApplicationNotFound, and re-runs discovery when the server hinted at it.
   */
  request(
    method: HttpMethod,
    href: string,
    input: Record<string, UcwaValue | Date | undefined> | undefined,
    options: RequestOptions & { body?: string; ifMatch?: string; keepApplication?: boolean; hold?: boolean; cancellation?: Cancellation } = {},
  ): Promise<UcwaResponse> {
    // A held GET (the event channel) never re-creates the application here (its loop does) and has no retries.
    if (options.hold && options.keepApplication && method === 'GET') {
      return this.transport.hold({ method, url: this.rebase(href), signal: options.signal, cancellation: options.cancellation, timeoutMs: options.timeoutMs, hold: true });
    }
    const send = () =>
      this.transport.send({
        method,
        url: this.rebase(href),
        input,
        body: options.body,
        ifMatch: options.ifMatch,
        signal: options.signal,
        timeoutMs: options.timeoutMs,
        retries: options.retries,
        hold: options.hold,
      });
    return options.keepApplication ? send() : this.run(send, options.signal);
  }

  /** Runs `operation`, re-creating the application once if the server lost it. */
  async run<T>(operation: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.rediscoverIfWanted(signal);
    try {
      return await operation();
    } catch (error) {
      if (!isLostApplication(error)) throw error;
      this.logger.warn({ subcode: (error as UcwaError).subcode }, 'ucwa: application lost on the server; creating a new one');
      await this.recreateApplication(signal);
      return operation();
    }
  }

  /** Creates a new application (after 404 ApplicationNotFound); concurrent callers share one creation. */
  async recreateApplication(signal?: AbortSignal, lostHref?: string): Promise<ApplicationLinks> {
    this.recreating ??= (async () => {
      const lost = lostHref ?? this.app?.href;
      if (lost) (this.previousApplicationHrefs ??= []).push(lost);
      const app = await this.createApplication(signal);
      this.notify(app, 'recreated');
      return app;
    })().finally(() => {
      this.recreating = undefined;
    });
    return this.recreating;
  }

  /** Maps an href of a lost application onto the current one, so callers holding old hrefs carry on. */
  rebase(href: string): string {
    const current = this.app?.href;
    if (!current) return href;
    for (const old of this.previousApplicationHrefs ?? noHrefs) {
      // Resources of an application live under its href (application_ref); only the application part changes.
      if (old !== current && href.startsWith(`${old}/`)) return `${current}${href.slice(old.length)}`;
      if (old !== current && href === old) return current;
    }
    return href;
  }

  // ----------------------------------------------------------------------------------- lifecycle

  private async discoverAndCreate(signal?: AbortSignal): Promise<void> {
    const found = await discover(this.transport, this.tokens, this.options.discoveryUrl, this.logger, signal);
    this.discoveredUserUrl = shared(found.userUrl);
    this.applicationsUrl = shared(found.applicationsUrl);
    await this.createApplication(signal);
  }

  private async createApplication(signal?: AbortSignal): Promise<ApplicationLinks> {
    const input = {
      userAgent: (this.options.userAgent ?? 'MeetingOpsBot/0.1').slice(0, 100),
      endpointId: this.endpointId,
      culture: this.options.culture ?? 'en-US',
    };
    const response = await this.transport.send({ method: 'POST', url: this.applicationsUrl, input, signal });
    const app = hasBody(response) ? resourceOf(response) : await this.readCreated(response, signal);
    this.tokens.allow(new URL(app.href).origin);
    this.app = new ApplicationLinks(app);
    this.logger.info({ application: new URL(app.href).pathname }, 'ucwa: application created');
    return this.app;
  }

  private async readCreated(response: UcwaResponse, signal?: AbortSignal): Promise<UcwaResource> {
    if (!response.location) throw new UcwaError({ status: response.status, code: 'InvalidResponse', message: 'application created without a body or Location' });
    return resourceOf(await this.transport.send({ method: 'GET', url: response.location, signal }));
  }

  /** The transport's hint (403, 502, repeated connection failures) that discovery should run again before the next call. */
  onRediscoveryHint(reason: string): void {
    if (Date.now() - this.lastRediscovery < REDISCOVERY_INTERVAL_MS) return;
    this.logger.info({ reason }, 'ucwa: will re-run autodiscovery');
    this.rediscoveryWanted = true;
  }

  private async rediscoverIfWanted(signal?: AbortSignal): Promise<void> {
    if (!this.rediscoveryWanted || this.recreating || !this.app) return;
    this.rediscoveryWanted = false;
    this.lastRediscovery = Date.now();
    try {
      const found = await discover(this.transport, this.tokens, this.options.discoveryUrl, this.logger, signal);
      this.discoveredUserUrl = shared(found.userUrl);
      if (found.applicationsUrl === this.applicationsUrl) return;
      this.applicationsUrl = shared(found.applicationsUrl);
      (this.previousApplicationHrefs ??= []).push(this.app.href);
      this.notify(await this.createApplication(signal), 'rediscovered');
    } catch (error) {
      this.logger.warn({ err: error }, 'ucwa: rediscovery failed; keeping the cached location');
    }
  }

  /** The session's event channel first (it restarts its position and rebuilds), then whoever else listens. */
  private notify(app: ApplicationLinks, reason: 'recreated' | 'rediscovered'): void {
    try {
      this.events.applicationChanged();
    } catch (error) {
      this.logger.error({ err: error }, 'ucwa: application listener failed');
    }
    for (const listener of this.listeners) {
      try {
        listener(app, reason);
      } catch (error) {
        this.logger.error({ err: error }, 'ucwa: application listener failed');
      }
    }
  }
}

const noListeners: readonly ApplicationListener[] = Object.freeze([]);
const noHrefs: readonly string[] = Object.freeze([]);

function validateCredentials(credentials: UcwaCredentials): void {
  if (credentials.kind === 'password' && (!credentials.username.trim() || !credentials.password)) {
    throw new UcwaError({ code: 'InvalidInput', message: 'user name and password are required', problem: { kind: 'credentialsMissing' } });
  }
  if (credentials.kind === 'bearer' && typeof credentials.getToken !== 'function') {
    throw new UcwaError({ code: 'InvalidInput', message: 'bearer credentials need getToken()' });
  }
}

import pLimit from 'p-limit';
import type { z } from 'zod';
import type { Logger } from '../logging.js';
import { exchangeFor } from '../http/carrier.js';
import type { RetryOptions } from '../http/retry.js';
import { AccessTokenCache, AppIdAuthenticator, type HuaweiAuthenticator, type IssuedToken, type SignInRequest } from './auth.js';
import { HuaweiError, invalidArgument } from './errors.js';
import { fastConferencePage } from './fastParse.js';
import type { Secret } from './secret.js';
import { HuaweiTransport, type HuaweiRequest, type QueryValue } from './transport.js';
import {
  authResponseSchema,
  chairPasswordOf,
  conferenceInfoSchema,
  controlTokenResponseSchema,
  meetingDetailSchema,
  onlineAttendeeSchema,
  pageSchema,
  realTimeInfoSchema,
  webSocketTokenResponseSchema,
  type ConferenceInfo,
  type MeetingDetail,
  type OnlineAttendee,
  type Page,
  type RealTimeInfo,
} from './types.js';

export const MAX_PAGE_SIZE = 500;
export const MAX_SEARCH_KEY_LENGTH = 128;

export interface HuaweiMeetingClientOptions {
  /** e.g. https://api.meeting.huaweicloud.com (China) or https://api-intl.meeting.huaweicloud.com. */
  endpoint: string;
  appId?: string;
  appKey?: string;
  /** Alternative to appId/appKey, e.g. an AccountAuthenticator. */
  authenticator?: HuaweiAuthenticator;
  logger: Logger;
  /** Per attempt. Default 10 s. */
  requestTimeoutMs?: number;
  /** Every request through this fetch (tests, proxies); without it, keep-alive sockets of our own (src/http/carrier.ts). */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Renew access tokens this long before they expire. Default 5 min (capped at a fifth of the lifetime). */
  tokenRefreshMarginMs?: number;
  now?: () => number;
}

export interface OngoingMeetingQuery {
  offset?: number;
  /** 1–500; Huawei's default is 20. */
  limit?: number;
  /** Every ongoing meeting of the enterprise; Huawei honours it only for enterprise administrators. */
  queryAll?: boolean;
  /** 1–128 characters; matches topic, scheduler and meeting ID. */
  searchKey?: string;
  signal?: AbortSignal;
}

export interface MeetingQuery extends OngoingMeetingQuery {
  /** ADAY, AWEEK, AMONTH or ALL. */
  queryConfMode?: 'ADAY' | 'AWEEK' | 'AMONTH' | 'ALL';
  sortType?: 'ASC_StartTIME' | 'DSC_StartTIME';
}

export interface IterateOptions {
  queryAll?: boolean;
  searchKey?: string;
  /** Records per request, at most 500. Default 500. */
  pageSize?: number;
  /** Pages fetched at once after the first. Default 4. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface ParticipantQuery {
  offset?: number;
  limit?: number;
  /** Name, number or third-party account. */
  searchKey?: string;
}

export interface MuteOptions {
  /** Let muted guests unmute themselves (Huawei's default). */
  allowUnmuteByOneself?: boolean;
}

const conferencePage = pageSchema(conferenceInfoSchema);
const attendeePage = pageSchema(onlineAttendeeSchema);
const CONTROL_TOKEN_MARGIN_MS = 60_000;

interface ControlToken {
  token: Secret;
  expiresAtMs: number;
  wsUrl: string;
}

/** A meeting-control token and the meeting-event WebSocket base it came with. */
export interface ControlSession {
  token: Secret;
  /** Local clock, ms. */
  expiresAtMs: number;
  /** `wsURL` from the token answer (the API endpoint's origin when Huawei leaves it out). */
  wsUrl: string;
}

/**
 * Huawei Cloud Meeting for the bot. Every method takes the Huawei `userId` the bot acts for (resolve it with
 * HuaweiIdentityResolver, never from chat text); App ID sign-in lets the bot act as any enterprise user, so
 * that id is the whole authorization story.
 */
export class HuaweiMeetingClient {
  readonly #transport: HuaweiTransport;
  readonly #authenticator: HuaweiAuthenticator;
  readonly #tokens: AccessTokenCache;
  readonly #controlTokens = new Map<string, ControlToken>();
  readonly #logger: Logger;
  readonly #now: () => number;

  constructor(options: HuaweiMeetingClientOptions) {
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#authenticator = options.authenticator ?? appIdAuthenticator(options);
    this.#transport = new HuaweiTransport({
      endpoint: options.endpoint,
      logger: options.logger,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      retry: options.retry ?? {},
      exchange: exchangeFor(options.fetch),
      secrets: () => this.#authenticator.secrets(),
    });
    this.#tokens = new AccessTokenCache((userId) => this.signIn(userId), {
      refreshMarginMs: options.tokenRefreshMarginMs,
      now: this.#now,
    });
  }

  /** One page of ongoing meetings (GET /v1/mmc/management/conferences/online), sorted by start time. */
  async listOngoingMeetings(userId: string, query: OngoingMeetingQuery = {}): Promise<Page<ConferenceInfo>> {
    return this.fetchConferencePage('listOngoingMeetings', '/v1/mmc/management/conferences/online', userId, query, {});
  }

  /** Every ongoing meeting in the caller's scope, each exactly once; later pages are fetched concurrently. */
  ongoingMeetings(userId: string, options: IterateOptions = {}): AsyncGenerator<ConferenceInfo> {
    return this.iterateConferences(options, (offset, limit, signal) =>
      this.listOngoingMeetings(userId, { offset, limit, queryAll: options.queryAll, searchKey: options.searchKey, signal }),
    );
  }

  /** One page of meetings that have not ended (scheduled and ongoing): GET /v1/mmc/management/conferences. */
  async listMeetings(userId: string, query: MeetingQuery = {}): Promise<Page<ConferenceInfo>> {
    return this.fetchConferencePage('listMeetings', '/v1/mmc/management/conferences', userId, query, {
      queryConfMode: query.queryConfMode,
      sortType: query.sortType,
    });
  }

  /** Every not-ended meeting in the caller's scope. */
  meetings(userId: string, options: IterateOptions & Pick<MeetingQuery, 'queryConfMode' | 'sortType'> = {}): AsyncGenerator<ConferenceInfo> {
    return this.iterateConferences(options, (offset, limit, signal) =>
      this.listMeetings(userId, { ...options, offset, limit, signal }),
    );
  }

  /** Details of a meeting that has not ended, with its first page of invitees. */
  async getMeeting(userId: string, conferenceId: string, page: ParticipantQuery = {}): Promise<MeetingDetail> {
    return this.fetchDetail('getMeeting', '/v1/mmc/management/conferences/confDetail', userId, conferenceId, page);
  }

  /** Details of an ongoing meeting. Includes the host password (as a Secret) when the user is host or admin. */
  async getOngoingMeeting(userId: string, conferenceId: string, page: ParticipantQuery = {}): Promise<MeetingDetail> {
    return this.fetchDetail('getOngoingMeeting', '/v1/mmc/management/conferences/online/confDetail', userId, conferenceId, page);
  }

  /** People currently in an ongoing meeting (GET .../online/conf-attendee; snake_case API). */
  async listOnlineParticipants(userId: string, conferenceId: string, query: ParticipantQuery = {}): Promise<Page<OnlineAttendee>> {
    const id = checkConferenceId(conferenceId);
    const limit = checkLimit(query.limit);
    const offset = checkOffset(query.offset);
    const searchKey = checkSearchKey(query.searchKey);
    const body = await this.callAsUser(userId, {
      operation: 'listOnlineParticipants',
      method: 'GET',
      path: '/v1/mmc/management/conferences/online/conf-attendee',
      query: { conf_id: id, offset, limit, search_key: searchKey },
      idempotent: true,
    });
    return parse(attendeePage, body, 'listOnlineParticipants');
  }

  /** Live state of a meeting (participants with their pids, mute state, host) — needs control rights. */
  async getRealTimeInfo(userId: string, conferenceId: string): Promise<RealTimeInfo> {
    const body = await this.callWithControlToken(userId, conferenceId, {
      operation: 'getRealTimeInfo',
      method: 'GET',
      path: '/v1/mmc/control/conferences/realTimeInfo',
      idempotent: true,
    });
    return parse(realTimeInfoSchema, body ?? {}, 'getRealTimeInfo');
  }

  /** Admits one waiting person by the pid the meeting-event feed gave (PUT allowWaitingParticipant {participantID}). */
  async admitFromWaitingRoom(userId: string, conferenceId: string, participantId: string): Promise<void> {
    const participantID = checkParticipantId(participantId);
    await this.control(userId, conferenceId, 'admitFromWaitingRoom', '/v1/mmc/control/conferences/allowWaitingParticipant', { participantID });
  }

  /** Admits everyone in the waiting room (PUT allowWaitingParticipant {allowAll: true}). */
  async admitAllFromWaitingRoom(userId: string, conferenceId: string): Promise<void> {
    await this.control(userId, conferenceId, 'admitAllFromWaitingRoom', '/v1/mmc/control/conferences/allowWaitingParticipant', { allowAll: true });
  }

  /** Ends the meeting for everyone (PUT stop). */
  async endMeeting(userId: string, conferenceId: string): Promise<void> {
    await this.control(userId, conferenceId, 'endMeeting', '/v1/mmc/control/conferences/stop', undefined);
    this.forgetControlToken(userId, conferenceId);
  }

  /** Mutes everyone except the host. */
  async muteAll(userId: string, conferenceId: string, options: MuteOptions = {}): Promise<void> {
    const body: Record<string, number> = { isMute: 1 };
    if (options.allowUnmuteByOneself !== undefined) body.allowUnmuteByOneself = options.allowUnmuteByOneself ? 1 : 0;
    await this.control(userId, conferenceId, 'muteAll', '/v1/mmc/control/conferences/mute', body);
  }

  async unmuteAll(userId: string, conferenceId: string): Promise<void> {
    await this.control(userId, conferenceId, 'unmuteAll', '/v1/mmc/control/conferences/mute', { isMute: 0 });
  }

  /** Stops anyone else from joining. */
  async lockMeeting(userId: string, conferenceId: string): Promise<void> {
    await this.control(userId, conferenceId, 'lockMeeting', '/v1/mmc/control/conferences/lock', { isLock: 1 });
  }

  async unlockMeeting(userId: string, conferenceId: string): Promise<void> {
    await this.control(userId, conferenceId, 'unlockMeeting', '/v1/mmc/control/conferences/lock', { isLock: 0 });
  }

  /** The control token for a meeting (cached until shortly before it expires), with its WebSocket base. */
  async controlSession(userId: string, conferenceId: string): Promise<ControlSession> {
    const id = checkConferenceId(conferenceId);
    checkUserId(userId);
    await this.controlToken(userId, id);
    return this.sessionOf(userId, id);
  }

  /**
   * A new control token before the old one runs out: Huawei keeps a control session alive when the current
   * token goes in X-Conference-Authorization (no password then). A refused renewal falls back to the password.
   */
  async renewControlSession(userId: string, conferenceId: string): Promise<ControlSession> {
    const id = checkConferenceId(conferenceId);
    checkUserId(userId);
    const current = this.#controlTokens.get(controlKey(userId, id));
    if (current) {
      try {
        await this.issueControlToken(userId, id, { 'X-Conference-Authorization': current.token.reveal() }, 'renewControlToken');
        return this.sessionOf(userId, id);
      } catch (error) {
        if (!(error instanceof HuaweiError && error.isControlAuthFailure)) throw error;
        this.#logger.info({ conferenceId: id, code: error.code }, 'huawei control token renewal refused; using the host password');
      }
    }
    this.forgetControlToken(userId, id);
    await this.controlToken(userId, id);
    return this.sessionOf(userId, id);
  }

  /** A one-minute, single-use token for one meeting-event WebSocket connection (GET …/conferences/wsToken). */
  async createWebSocketToken(userId: string, conferenceId: string): Promise<Secret> {
    const body = await this.callWithControlToken(userId, conferenceId, {
      operation: 'createWebSocketToken',
      method: 'GET',
      path: '/v1/mmc/control/conferences/wsToken',
      idempotent: true,
    });
    return parse(webSocketTokenResponseSchema, body, 'createWebSocketToken').webSocketToken;
  }

  /** Drops cached access and control tokens (e.g. after the App Key was rotated). */
  forgetTokens(): void {
    this.#tokens.clear();
    this.#controlTokens.clear();
  }

  // --- listing -------------------------------------------------------------------------------------------

  private async fetchConferencePage(
    operation: string,
    path: string,
    userId: string,
    query: OngoingMeetingQuery,
    extra: Record<string, QueryValue>,
  ): Promise<Page<ConferenceInfo>> {
    const params = {
      offset: checkOffset(query.offset),
      limit: checkLimit(query.limit),
      queryAll: query.queryAll ? true : undefined,
      searchKey: checkSearchKey(query.searchKey),
      ...extra,
    };
    const body = await this.callAsUser(userId, { operation, method: 'GET', path, query: params, idempotent: true, signal: query.signal });
    // The hand-written twin first (fastParse.ts: the same shape at a fiftieth of zod's cost); zod when it declines.
    return fastConferencePage(body) ?? parse(conferencePage, body, operation);
  }

  private async *iterateConferences(
    options: IterateOptions,
    fetchPage: (offset: number, limit: number, signal: AbortSignal) => Promise<Page<ConferenceInfo>>,
  ): AsyncGenerator<ConferenceInfo> {
    const pageSize = checkLimit(options.pageSize) ?? MAX_PAGE_SIZE;
    checkSearchKey(options.searchKey);
    const concurrency = Math.max(1, Math.min(16, Math.floor(options.concurrency ?? 4)));
    const controller = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
    // Meetings start and end while we page, shifting offsets; a set keeps each meeting to one appearance.
    const seen = new Set<string>();
    const limit = pLimit(concurrency);
    try {
      const first = await fetchPage(0, pageSize, signal);
      const step = first.limit > 0 ? Math.min(pageSize, first.limit) : pageSize;
      const pending: Array<Promise<Page<ConferenceInfo>>> = [];
      for (let offset = first.data.length > 0 ? step : first.count; offset < first.count; offset += step) {
        const page = limit(() => fetchPage(offset, step, signal));
        page.catch(() => undefined); // awaited in order below; this only stops an early rejection being "unhandled"
        pending.push(page);
      }
      for (const page of [Promise.resolve(first), ...pending]) {
        for (const meeting of (await page).data) {
          if (seen.has(meeting.conferenceID)) continue;
          seen.add(meeting.conferenceID);
          yield meeting;
        }
      }
    } finally {
      limit.clearQueue();
      controller.abort();
    }
  }

  private async fetchDetail(operation: string, path: string, userId: string, conferenceId: string, page: ParticipantQuery): Promise<MeetingDetail> {
    const body = await this.callAsUser(userId, {
      operation,
      method: 'GET',
      path,
      query: {
        conferenceID: checkConferenceId(conferenceId),
        offset: checkOffset(page.offset),
        limit: checkLimit(page.limit),
        searchKey: checkSearchKey(page.searchKey),
      },
      idempotent: true,
    });
    const detail = parse(meetingDetailSchema, body, operation);
    return {
      conference: detail.conferenceData,
      participants: detail.data ?? { offset: 0, limit: 0, count: 0, data: [] },
    };
  }

  // --- control -------------------------------------------------------------------------------------------

  private async control(userId: string, conferenceId: string, operation: string, path: string, body: unknown): Promise<void> {
    await this.callWithControlToken(userId, conferenceId, { operation, method: 'PUT', path, body, idempotent: true });
    this.#logger.info({ operation, conferenceId, userId }, 'huawei meeting control done');
  }

  /** Runs a control call; a stale control token (MMC.111072065) is replaced once. */
  private async callWithControlToken(userId: string, conferenceId: string, request: Omit<HuaweiRequest, 'headers' | 'query'>): Promise<unknown> {
    const id = checkConferenceId(conferenceId);
    checkUserId(userId);
    const send = (token: Secret) =>
      this.#transport.send({ ...request, query: { conferenceID: id }, headers: { 'X-Conference-Authorization': token.reveal() } });
    const hadCached = this.#controlTokens.has(controlKey(userId, id));
    const token = await this.controlToken(userId, id);
    try {
      return (await send(token)).body;
    } catch (error) {
      if (!(error instanceof HuaweiError && error.isControlAuthFailure && hadCached)) throw error;
      this.forgetControlToken(userId, id);
      return (await send(await this.controlToken(userId, id))).body;
    }
  }

  /**
   * A meeting-control token needs the host password, which Huawei reveals (in passwordEntry) only to the host
   * or an admin; so the acting user's own rights decide, and tokens are cached per user and meeting.
   */
  private async controlToken(userId: string, conferenceId: string): Promise<Secret> {
    const key = controlKey(userId, conferenceId);
    const cached = this.#controlTokens.get(key);
    if (cached && this.#now() < cached.expiresAtMs - CONTROL_TOKEN_MARGIN_MS) return cached.token;
    const { conference } = await this.getOngoingMeeting(userId, conferenceId, { limit: 1 });
    const chairPassword = chairPasswordOf(conference);
    if (!chairPassword) {
      throw new HuaweiError({ status: 403, code: 'NOT_HOST', serviceMessage: `no host password visible to ${userId} for ${conferenceId}` });
    }
    return this.issueControlToken(userId, conferenceId, { 'X-Password': chairPassword.reveal() }, 'getControlToken');
  }

  private async issueControlToken(userId: string, conferenceId: string, credential: Record<string, string>, operation: string): Promise<Secret> {
    const started = this.#now();
    const body = await this.callAsUser(userId, {
      operation,
      method: 'GET',
      path: '/v1/mmc/control/conferences/token',
      query: { conferenceID: conferenceId },
      headers: { ...credential, 'X-Login-Type': '1' },
      idempotent: true,
    });
    const { data } = parse(controlTokenResponseSchema, body, operation);
    // confTokenExpireTime is relative, so it is immune to clock skew; expireTime (epoch ms) is the fallback.
    const expiresAtMs = data.confTokenExpireTime !== undefined ? started + data.confTokenExpireTime * 1000 : data.expireTime;
    this.#controlTokens.set(controlKey(userId, conferenceId), { token: data.token, expiresAtMs, wsUrl: data.wsURL ?? this.#transport.origin });
    return data.token;
  }

  private sessionOf(userId: string, conferenceId: string): ControlSession {
    const entry = this.#controlTokens.get(controlKey(userId, conferenceId));
    if (!entry) throw new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: 'control token vanished while it was being issued' });
    return { token: entry.token, expiresAtMs: entry.expiresAtMs, wsUrl: entry.wsUrl };
  }

  private forgetControlToken(userId: string, conferenceId: string): void {
    this.#controlTokens.delete(controlKey(userId, conferenceId));
  }

  // --- access token --------------------------------------------------------------------------------------

  /** Sends with the user's access token; a rejected token is replaced and the call repeated once. */
  private async callAsUser(userId: string, request: HuaweiRequest): Promise<unknown> {
    checkUserId(userId);
    const send = (token: Secret) =>
      this.#transport.send({ ...request, headers: { ...request.headers, 'X-Access-Token': token.reveal() } });
    const token = await this.#tokens.get(userId);
    try {
      return (await send(token)).body;
    } catch (error) {
      if (!(error instanceof HuaweiError && error.isTokenRejected)) throw error;
      this.#logger.info({ operation: request.operation, code: error.code }, 'huawei access token rejected; signing in again');
      this.#tokens.invalidate(userId, token);
      return (await send(await this.#tokens.get(userId))).body;
    }
  }

  private async signIn(userId: string): Promise<IssuedToken> {
    const started = this.#now();
    let request: SignInRequest;
    try {
      request = await this.#authenticator.signInRequest(userId);
    } catch (cause) {
      throw new HuaweiError({ code: 'NO_CREDENTIALS', serviceMessage: cause instanceof Error ? cause.message : String(cause), cause });
    }
    const response = await this.#transport.send({
      operation: 'signIn',
      method: 'POST',
      path: request.path,
      headers: request.headers,
      body: request.body,
      // A repeated sign-in only mints another token (clientType 72 allows 64), so it is safe to retry.
      idempotent: true,
      isAuthCall: true,
    });
    const auth = parse(authResponseSchema, response.body, 'signIn');
    // validPeriod is relative, so it is immune to clock skew between us and Huawei; expireTime is the fallback.
    const expiresAtMs = auth.validPeriod !== undefined ? started + auth.validPeriod * 1000 : auth.expireTime * 1000;
    this.#logger.debug({ kind: this.#authenticator.kind, userId, validPeriod: auth.validPeriod }, 'huawei sign-in done');
    return { token: auth.accessToken, expiresAtMs };
  }
}

function appIdAuthenticator(options: HuaweiMeetingClientOptions): HuaweiAuthenticator {
  if (!options.appId || !options.appKey) {
    throw new Error('HuaweiMeetingClient needs appId and appKey, or an authenticator');
  }
  return new AppIdAuthenticator({ appId: options.appId, appKey: options.appKey, now: options.now });
}

function controlKey(userId: string, conferenceId: string): string {
  return `${userId}\u0000${conferenceId}`;
}

function parse<S extends z.ZodTypeAny>(schema: S, body: unknown, operation: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown shape';
  throw new HuaweiError({ code: 'BAD_RESPONSE', serviceMessage: `${operation}: unexpected response (${where})` });
}

// --- validation at the boundary: refuse before sending ---------------------------------------------------

/** Huawei counts characters, not UTF-16 units, so "预算评审会" is 5. */
function characterCount(text: string): number {
  return [...text].length;
}

export function checkSearchKey(searchKey: string | undefined): string | undefined {
  if (searchKey === undefined) return undefined;
  const length = characterCount(searchKey);
  if (length < 1 || length > MAX_SEARCH_KEY_LENGTH) {
    throw invalidArgument(`Search text must be 1 to ${MAX_SEARCH_KEY_LENGTH} characters long (it was ${length}).`);
  }
  return searchKey;
}

function checkLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidArgument(`Page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return limit;
}

function checkOffset(offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('Offset must be a whole number, 0 or more.');
  return offset;
}

export function checkConferenceId(conferenceId: string): string {
  const id = conferenceId.replace(/[\s-]/g, '');
  if (!/^\d{1,32}$/.test(id)) throw invalidArgument('A Huawei meeting ID is a number, like 914083136.');
  return id;
}

/** Waiting-room pids are opaque ids from the event feed (32 hex in every example); nothing else is sent. */
export function checkParticipantId(participantId: string): string {
  if (typeof participantId !== 'string' || !/^[\w+.:@-]{1,128}$/.test(participantId)) {
    throw new HuaweiError({ code: 'INVALID_ARGUMENT', serviceMessage: 'participantID is empty, too long or has unexpected characters' });
  }
  return participantId;
}

function checkUserId(userId: string): void {
  if (typeof userId !== 'string' || userId.trim() === '' || userId.length > 255) {
    throw new HuaweiError({ code: 'INVALID_ARGUMENT', serviceMessage: 'acting userId is empty or too long', userMessage: "I couldn't tell which Huawei Cloud Meeting user you are." });
  }
}

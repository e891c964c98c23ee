import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { UcwaFailure } from './model.js';
import { admit, dropTransientState, leave, putInLobby, reject } from './conference.js';
import type { Faults, FaultSpec } from './faults.js';
import type { ReplayedRequest, Replays, ReplaySpec } from './replays.js';
import { AVAILABILITIES, changePresence, describeSubscriptions, presenceOf, type Availability } from './presence.js';
import type { App, Meeting, ParticipantSource, ParticipantState, RosterEntry, SimState } from './state.js';

/** The simulator's back door: what people outside the bot do (join lobbies, admit from a phone) and test knobs. */
export class SimulatorControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorControlError';
  }
}

export interface LobbyArrival {
  /** Meeting subject, onlineMeetingId or onlineMeetingUri. */
  meeting: string;
  name: string;
  sipUri?: string;
  source?: ParticipantSource;
}

/** Many people at once, each with a password and one meeting of their own (benchmarks at scale). */
export interface BulkUsersRequest {
  count: number;
  /** Local part before the number: `${prefix}${n}@${domain}`. */
  prefix?: string;
  domain?: string;
  /** One password for all of them; a random one per person when unset. */
  password?: string;
  /** The meetings' accessLevel; `Locked` (the default) sends every arrival to the lobby. */
  accessLevel?: string;
}

export interface BulkUser {
  user: string;
  password: string;
  meetingId: string;
  subject: string;
  onlineMeetingUri: string;
}

/** A lobby arrival placed by the control API, with when its events went onto the channels. */
export interface PlacedArrival {
  participantId: string;
  meetingId: string;
  /** Epoch milliseconds (sub-millisecond) just before the events were pushed: what alert latency counts from. */
  emittedAt: number;
}

export interface ParticipantInfo {
  id: string;
  meetingId: string;
  subject: string;
  name: string;
  sipUri?: string;
  source: ParticipantSource;
  state: ParticipantState;
  role: 'Leader' | 'Attendee';
}

export interface MeetingInfo {
  id: string;
  subject: string;
  organizer: string;
  onlineMeetingUri: string;
  leaders: string[];
  accessLevel: string;
}

export interface ApplicationInfo {
  id: string;
  user: string;
  endpointId: string;
  userAgent: string;
  state: 'active' | 'ApplicationNotFound' | 'InactiveApplicationExpired';
  conversations: number;
}

/** Someone's Skype for Business status changes (they set it, or their client went idle). */
export interface PresenceChange {
  /** Sign-in address, with or without `sip:`. */
  user: string;
  availability: Availability;
  /** Free text or a well-known activity ("in-a-meeting", "on-the-phone", ...). */
  activity?: string;
}

export interface PresenceSubscriptionInfo {
  appId: string;
  user: string;
  id: string;
  members: string[];
  expiresAt: Date;
}

export interface SimulatorRuntime {
  readonly state: SimState;
  readonly faults: Faults;
  readonly replays: Replays;
  reset(): void;
}

const SOURCES: ParticipantSource[] = ['enterprise', 'federated', 'anonymous'];

export class UcwaSimulatorControl {
  constructor(private readonly runtime: SimulatorRuntime) {}

  private get state(): SimState {
    return this.runtime.state;
  }

  private meeting(ref: string): Meeting {
    const meeting = this.state.findMeeting(ref);
    if (!meeting) throw new SimulatorControlError(404, `No meeting matches "${ref}".`);
    return meeting;
  }

  private entry(id: string): RosterEntry {
    const entry = this.state.roster.get(id);
    if (!entry) throw new SimulatorControlError(404, `No participant has id "${id}".`);
    return entry;
  }

  private app(id: string): App {
    const app = this.state.apps.get(id);
    if (!app) throw new SimulatorControlError(404, `No application has id "${id}".`);
    return app;
  }

  private info(entry: RosterEntry): ParticipantInfo {
    return {
      id: entry.id,
      meetingId: entry.meetingId,
      subject: this.state.meetings.get(entry.meetingId)?.subject ?? '',
      name: entry.name,
      sipUri: entry.uri,
      source: entry.source,
      state: entry.state,
      role: entry.role,
    };
  }

  /** Turns a domain refusal (already admitted, already left) into a control error with the same meaning. */
  private run(action: () => void): void {
    try {
      action();
    } catch (error) {
      if (error instanceof UcwaFailure) throw new SimulatorControlError(error.status === 409 ? 409 : 404, error.message);
      throw error;
    }
  }

  /** A person arrives in the meeting's lobby; returns the participant id. */
  putInLobby(arrival: LobbyArrival): string {
    const name = arrival.name?.trim();
    if (!name) throw new SimulatorControlError(400, 'name is required.');
    const source = arrival.source ?? 'anonymous';
    if (!SOURCES.includes(source)) throw new SimulatorControlError(400, `source must be one of ${SOURCES.join(', ')}.`);
    if (arrival.sipUri !== undefined && !/^sip:[^@\s]+@[^@\s]+$/i.test(arrival.sipUri)) {
      throw new SimulatorControlError(400, 'sipUri must look like sip:user@domain.');
    }
    return putInLobby(this.state, this.meeting(arrival.meeting), { name, uri: arrival.sipUri, source }).id;
  }

  /**
   * Adds `count` people who can sign in, each organizing one meeting; returns them in order. Numbers carry on
   * from the people already under the prefix, so two calls never collide.
   */
  bulkUsers(request: BulkUsersRequest): BulkUser[] {
    const prefix = (request.prefix ?? 'user').trim().toLowerCase();
    const domain = (request.domain ?? 'contoso.com').trim().toLowerCase();
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > 100_000) throw new SimulatorControlError(400, 'count must be an integer from 1 to 100000.');
    if (!/^[a-z][a-z0-9.-]{0,40}$/.test(prefix) || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new SimulatorControlError(400, 'prefix and domain must be plain address parts.');
    let first = 1;
    while (this.state.people.has(`${prefix}${first}@${domain}`)) first += 1;
    const users: BulkUser[] = [];
    for (let n = first; n < first + request.count; n += 1) {
      const key = `${prefix}${n}@${domain}`;
      const password = request.password ?? `Pw-${randomBytes(6).toString('base64url')}`;
      this.state.people.set(key, {
        key,
        name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${n}`,
        company: 'Contoso',
        department: 'Load',
        title: 'Organizer',
        workPhoneNumber: `+1 555 ${String(n).padStart(7, '0')}`,
        sourceNetwork: 'SameEnterprise',
        password,
      });
      const meeting = this.state.addMeeting({
        id: `BK${this.state.nextId()}`,
        organizer: key,
        subject: `Meeting of ${key}`,
        description: 'Bulk meeting.',
        accessLevel: request.accessLevel ?? 'Locked',
        attendees: [],
        leaders: [],
        conferenceId: String(7_000_000 + n),
        assigned: true,
      });
      users.push({ user: key, password, meetingId: meeting.id, subject: meeting.subject, onlineMeetingUri: this.state.meetingUri(meeting) });
    }
    return users;
  }

  /** Like putInLobby, for a meeting named by id (no scan) or by its organizer's address (their first meeting). */
  placeInLobby(target: { meeting: string } | { organizer: string }, arrival: Omit<LobbyArrival, 'meeting'>): PlacedArrival {
    const meeting = 'meeting' in target ? this.meeting(target.meeting) : this.state.meetingOrganizedBy(target.organizer.trim().replace(/^sip:/i, '').toLowerCase());
    if (!meeting) throw new SimulatorControlError(404, `${'organizer' in target ? target.organizer : ''} organizes no meeting.`);
    const emittedAt = performance.timeOrigin + performance.now();
    const participantId = this.putInLobby({ ...arrival, meeting: meeting.id });
    return { participantId, meetingId: meeting.id, emittedAt };
  }

  admit(participantId: string): void {
    this.run(() => admit(this.state, this.entry(participantId)));
  }

  reject(participantId: string): void {
    this.run(() => reject(this.state, this.entry(participantId)));
  }

  /** The person hangs up (from the lobby or from the meeting). */
  leave(participantId: string): void {
    this.run(() => leave(this.state, this.entry(participantId)));
  }

  lobby(meeting: string): ParticipantInfo[] {
    const id = this.meeting(meeting).id;
    return [...this.state.roster.values()].filter((e) => e.meetingId === id && e.state === 'lobby').map((e) => this.info(e));
  }

  participant(participantId: string): ParticipantInfo {
    return this.info(this.entry(participantId));
  }

  participantState(participantId: string): ParticipantState {
    return this.entry(participantId).state;
  }

  meetings(): MeetingInfo[] {
    return [...this.state.meetings.values()].map((meeting) => ({
      id: meeting.id,
      subject: meeting.subject,
      organizer: meeting.organizer,
      onlineMeetingUri: this.state.meetingUri(meeting),
      leaders: meeting.leaders,
      accessLevel: meeting.accessLevel,
    }));
  }

  applications(): ApplicationInfo[] {
    return [...this.state.apps.values()].map((app) => ({
      id: app.id,
      user: app.user,
      endpointId: app.endpointId,
      userAgent: app.userAgent,
      state: app.gone ?? 'active',
      conversations: app.conversations.size,
    }));
  }

  /** Sets a person's presence; applications subscribed to them get `contactPresence` updated. */
  setPresence(change: PresenceChange): void {
    const key = (change.user ?? '').trim().replace(/^sip:/i, '').toLowerCase();
    if (!this.state.people.has(key)) throw new SimulatorControlError(404, `No person has the address "${change.user}".`);
    if (!AVAILABILITIES.includes(change.availability)) {
      throw new SimulatorControlError(400, `availability must be one of ${AVAILABILITIES.join(', ')}.`);
    }
    changePresence(this.state, key, { availability: change.availability, activity: change.activity?.trim() || undefined });
  }

  presence(user: string): { availability: Availability; activity?: string } {
    const key = user.trim().replace(/^sip:/i, '').toLowerCase();
    if (!this.state.people.has(key)) throw new SimulatorControlError(404, `No person has the address "${user}".`);
    const { availability, activity } = presenceOf(this.state, key);
    return activity === undefined ? { availability } : { availability, activity };
  }

  /** Running presence subscriptions of live applications. */
  presenceSubscriptions(): PresenceSubscriptionInfo[] {
    return describeSubscriptions(this.state);
  }

  /** Password grants the token endpoint has answered so far (sign-in name and whether it was accepted). */
  passwordGrants(): { user: string; accepted: boolean }[] {
    return this.runtime.state.passwordGrants.map((grant) => ({ ...grant }));
  }

  /** Every token of the user stops working (the next UCWA call answers 401); returns how many. */
  expireToken(user: string): number {
    let count = 0;
    for (const [token, entry] of this.state.tokens) {
      if (entry.user === user.toLowerCase()) {
        this.state.tokens.delete(token);
        count += 1;
      }
    }
    return count;
  }

  /** The application ends: 404 ApplicationNotFound (deleted/expired) or 410 InactiveApplicationExpired. */
  expireApplication(appId: string, reason: 'ApplicationNotFound' | 'InactiveApplicationExpired' = 'ApplicationNotFound'): void {
    const app = this.app(appId);
    dropTransientState(this.state, app);
    this.state.endApp(app, reason);
  }

  /** Until cleared (null), POST applications fails with 410 and this subcode. */
  setApplicationCreationFailure(subcode: 'TooManyApplications' | 'UserAgentNotAllowed' | null): void {
    this.state.appCreationFailure = subcode ?? undefined;
  }

  forceResync(appId: string): void {
    this.app(appId).channel.forceResync();
  }

  /** Drops the app's conversations and subscriptions; its next event response carries `resume`. */
  forceResume(appId: string): void {
    const app = this.app(appId);
    dropTransientState(this.state, app);
    app.channel.forceResume();
  }

  /**
   * The documented join flow: the onlineMeetingInvitation resource does not link its conversation, so the
   * conversation is known only from the event channel (`conversation added`, `onlineMeeting added`).
   */
  setInvitationLinksConversation(enabled: boolean): void {
    this.state.invitationLinksConversation = enabled;
  }

  /** The next joinOnlineMeeting's invitation completes with this failure (`reason`); null clears it. */
  failNextJoin(reason: { code: string; subcode?: string; message?: string } | null): void {
    this.state.joinFailure = reason ? { code: reason.code, subcode: reason.subcode, message: reason.message ?? 'The invitation failed.' } : undefined;
  }

  /** The root answers with only a `redirect` link (hybrid/online discovery case). */
  setDiscoveryRedirect(enabled: boolean): void {
    this.state.discoveryRedirect = enabled;
  }

  injectFault(spec: FaultSpec): string {
    try {
      return this.runtime.faults.add(spec);
    } catch (error) {
      throw new SimulatorControlError(400, error instanceof Error ? error.message : 'Invalid fault.');
    }
  }

  /** Answers a path with a documented sample payload until cleared (see replays.ts). */
  replay(spec: ReplaySpec): void {
    try {
      this.runtime.replays.add(spec);
    } catch (error) {
      throw new SimulatorControlError(400, error instanceof Error ? error.message : 'Invalid replay.');
    }
  }

  /** The requests answered from documented samples, oldest first. */
  replayed(): ReplayedRequest[] {
    return this.runtime.replays.requests();
  }

  clearReplays(): void {
    this.runtime.replays.clear();
  }

  clearFaults(): void {
    this.runtime.faults.clear();
  }

  /** Back to the seed data: applications, tokens, lobbies, faults and knobs are all dropped. */
  reset(): void {
    this.runtime.reset();
  }
}

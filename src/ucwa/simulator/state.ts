import { randomUUID } from 'node:crypto';
import { EventChannel } from './events.js';
import type { ErrorBody, UcwaEvent } from './model.js';
import { appPaths, type AppPaths } from './paths.js';
import { endPresenceSubscriptions, type PresenceState, type PresenceSubscription } from './presence.js';
import { seedGroups, seedMeetings, seedPeople, type MeetingSeed, type Person } from './seed.js';

/** A seeded meeting plus everything the pool adds to it once it exists. */
export interface Meeting extends MeetingSeed {
  automaticLeaderAssignment: string;
  entryExitAnnouncement: string;
  expirationTime: Date;
  lobbyBypassForPhoneUsers: string;
  phoneUserAdmission: string;
  version: number;
  extensions: Map<string, Extension>;
  conversationId: string;
}

export interface Extension {
  id: string;
  type: string;
  extra: Record<string, string>;
  version: number;
}

export type ParticipantState = 'lobby' | 'admitted' | 'rejected' | 'left';
export type ParticipantSource = 'enterprise' | 'federated' | 'anonymous';

export interface RosterEntry {
  id: string;
  meetingId: string;
  name: string;
  uri?: string;
  source: ParticipantSource;
  state: ParticipantState;
  role: 'Leader' | 'Attendee';
  /** Set when the participant is a signed-in UCWA application of this pool. */
  appId?: string;
}

export interface Conversation {
  id: string;
  meetingId: string;
  participantId: string;
  invitationId: string;
  created: Date;
  threadId: string;
}

export interface Invitation {
  id: string;
  operationId?: string;
  onlineMeetingUri: string;
  importance: string;
  state: 'Connecting' | 'Connected' | 'Failed';
  /** Unset when the join failed before a conversation existed. */
  conversationId?: string;
}

export interface Group {
  id: string;
  owner: string;
  kind: 'group' | 'pinnedGroup' | 'defaultGroup' | 'distributionGroup';
  name: string;
  contacts: string[];
  uri?: string;
  version: number;
}

export interface App {
  id: string;
  user: string;
  endpointId: string;
  culture: string;
  userAgent: string;
  instanceId?: string;
  /** Why requests now fail; undefined while the application is alive. */
  gone?: 'ApplicationNotFound' | 'InactiveApplicationExpired';
  channel: EventChannel;
  conversations: Map<string, Conversation>;
  invitations: Map<string, Invitation>;
  subscription?: { state: string; expiresAt: number; timer?: NodeJS.Timeout };
  /** How many presence subscriptions were made (their ids count up). */
  presenceSubscriptions: number;
  /** Running presence subscriptions by id. */
  presence: Map<string, PresenceSubscription>;
  paths: AppPaths;
  idleTimer?: NodeJS.Timeout;
}

export interface Token {
  user: string;
  expiresAt: number;
}

export interface StateOptions {
  tokenLifetimeSeconds: number;
  minEventTimeoutSeconds: number;
  /** Length of a presence-subscription "minute"; tests shorten it to see expiry and refresh. */
  presenceMinuteMs: number;
}

/** A P-GET must follow within 15 minutes of the previous release or the application is ended (events_ref). */
const EVENT_CHANNEL_IDLE_MS = 15 * 60 * 1000;

/** The simulated pool's data: directory, meetings and their rosters, contact groups, applications, tokens. */
export class SimState {
  readonly people = new Map<string, Person>();
  readonly meetings = new Map<string, Meeting>();
  readonly roster = new Map<string, RosterEntry>();
  readonly groups = new Map<string, Group>();
  readonly apps = new Map<string, App>();
  readonly tokens = new Map<string, Token>();
  /** Every password grant posted to the token endpoint, in order: who it named and whether it was accepted. */
  readonly passwordGrants: { user: string; accepted: boolean }[] = [];
  /** Published presence by directory key; people not in it are Online. */
  readonly presence = new Map<string, PresenceState>();
  /** Value of the randomly named property a PUT must echo ("please pass this in a PUT request"). */
  readonly putSentinel = randomUUID();
  appCreationFailure: 'TooManyApplications' | 'UserAgentNotAllowed' | undefined;
  discoveryRedirect = false;
  /**
   * Whether the onlineMeetingInvitation resource links its conversation. The documented invitation samples
   * (onlinemeetinginvitation_ref) show none; a client must then learn the conversation from the event channel.
   */
  invitationLinksConversation = true;
  /** The next join's invitation completes with this failure instead of joining (one use). */
  joinFailure: ErrorBody | undefined;
  private counter = 100;

  /** The last id handed out; a restored pool carries on from its snapshot's. */
  get idCounter(): number {
    return this.counter;
  }

  set idCounter(value: number) {
    this.counter = value;
  }

  constructor(readonly options: StateOptions) {
    for (const person of seedPeople()) this.people.set(person.key, person);
    for (const seed of seedMeetings()) this.addMeeting(seed);
    for (const seed of seedGroups()) {
      const id = this.nextId();
      this.groups.set(id, { ...seed, id, version: 1 });
    }
  }

  /** A meeting as the pool holds it: the seed plus the defaults a new meeting gets. */
  addMeeting(seed: MeetingSeed): Meeting {
    const meeting: Meeting = {
      ...seed,
      automaticLeaderAssignment: 'Disabled',
      entryExitAnnouncement: 'Disabled',
      expirationTime: new Date(Date.now() + 90 * 24 * 3600 * 1000),
      lobbyBypassForPhoneUsers: 'Disabled',
      phoneUserAdmission: 'Enabled',
      version: 1,
      extensions: new Map(),
      conversationId: randomUUID().replaceAll('-', ''),
    };
    this.meetings.set(meeting.id, meeting);
    return meeting;
  }

  nextId(): string {
    this.counter += 1;
    return String(this.counter);
  }

  meetingUri(meeting: Meeting): string {
    return `sip:${meeting.organizer};gruu;opaque=app:conf:focus:id:${meeting.id}`;
  }

  /** Finds a meeting by id, subject (case-insensitive) or join URI — the control API accepts any of them. */
  findMeeting(ref: string): Meeting | undefined {
    // By id first, without a scan: the bulk control routes name meetings by id among thousands.
    const byId = this.meetings.get(ref.trim());
    if (byId) return byId;
    const wanted = ref.trim().toLowerCase();
    for (const meeting of this.meetings.values()) {
      if (meeting.id.toLowerCase() === wanted || meeting.subject.toLowerCase() === wanted) return meeting;
      if (this.meetingUri(meeting).toLowerCase() === wanted) return meeting;
    }
    return undefined;
  }

  /** The first meeting `userKey` organizes (the bulk users' one meeting each). */
  meetingOrganizedBy(userKey: string): Meeting | undefined {
    for (const meeting of this.meetings.values()) if (meeting.organizer === userKey) return meeting;
    return undefined;
  }

  isLeaderOf(userKey: string, meeting: Meeting): boolean {
    return meeting.organizer === userKey || meeting.leaders.some((uri) => uri.toLowerCase() === `sip:${userKey}`);
  }

  createApp(user: string, fields: { endpointId: string; culture: string; userAgent: string; instanceId?: string }): App {
    const id = this.nextId();
    const paths = appPaths(id);
    const app: App = {
      id,
      user,
      ...fields,
      channel: new EventChannel(paths.events, { minTimeoutSeconds: this.options.minEventTimeoutSeconds }, () =>
        this.armIdleTimer(app),
      ),
      conversations: new Map(),
      invitations: new Map(),
      presenceSubscriptions: 0,
      presence: new Map(),
      paths,
    };
    this.apps.set(id, app);
    return app;
  }

  private armIdleTimer(app: App): void {
    clearTimeout(app.idleTimer);
    app.idleTimer = setTimeout(() => this.endApp(app, 'InactiveApplicationExpired'), EVENT_CHANNEL_IDLE_MS);
    app.idleTimer.unref();
  }

  noteEventRequest(app: App): void {
    clearTimeout(app.idleTimer);
  }

  endApp(app: App, reason: 'ApplicationNotFound' | 'InactiveApplicationExpired'): void {
    if (app.gone) return;
    app.gone = reason;
    clearTimeout(app.idleTimer);
    clearTimeout(app.subscription?.timer);
    endPresenceSubscriptions(app);
    app.channel.close();
  }

  liveApps(): App[] {
    return [...this.apps.values()].filter((app) => !app.gone);
  }

  emit(app: App, event: UcwaEvent): void {
    if (!app.gone) app.channel.push(event);
  }

  /** Contact-list events reach an application only while its contacts-and-groups subscription runs. */
  emitToContactSubscribers(owner: string, build: (app: App) => UcwaEvent): void {
    for (const app of this.liveApps()) {
      const running = app.subscription && app.subscription.state === 'Connected' && app.subscription.expiresAt > Date.now();
      if (app.user === owner && running) this.emit(app, build(app));
    }
  }

  /** Applications currently joined to a meeting, with their conversation for it. */
  joinedApps(meetingId: string): Array<{ app: App; conversation: Conversation }> {
    const joined: Array<{ app: App; conversation: Conversation }> = [];
    for (const app of this.liveApps()) {
      for (const conversation of app.conversations.values()) {
        if (conversation.meetingId === meetingId) joined.push({ app, conversation });
      }
    }
    return joined;
  }

  issueToken(user: string): { token: string; expiresIn: number } {
    const token = `cwt=${Buffer.from(randomUUID() + randomUUID()).toString('base64url')}`;
    this.tokens.set(token, { user, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 });
    return { token, expiresIn: this.options.tokenLifetimeSeconds };
  }

  userForToken(token: string): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return entry.user;
  }

  dispose(): void {
    for (const app of this.apps.values()) this.endApp(app, 'ApplicationNotFound');
  }
}

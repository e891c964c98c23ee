import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { sandboxDirectory } from '../../sandbox/people.js';

/**
 * The simulated enterprise: users, meetings, waiting rooms. Pure data and rules (who sees what); the HTTP
 * route modules (meetings.ts, conferenceControl.ts) turn them into Huawei-shaped answers.
 */
export interface SimUser {
  /** Third-party user id as used in App ID sign-in (here the UPN). */
  userId: string;
  /** Huawei's own user UUID (32 hex). */
  uuid: string;
  name: string;
  corpId: string;
  deptName: string;
  /** 0 default admin, 1 admin, 2 ordinary member. */
  adminType: 0 | 1 | 2;
  /** For account/password sign-in. */
  password: string;
}

export interface SimParticipant {
  pid: string;
  name: string;
  phone: string;
  userId?: string;
  /** 1 host, 0 guest. */
  role: 0 | 1;
  mute: 0 | 1;
  /** When they entered the waiting room (epoch ms): the waiting list's ADDTIME. */
  addedAtMs?: number;
}

/** One person entering (`mode` 0) or leaving (1) a meeting's waiting room or the meeting itself. */
export interface SimListChange {
  person: SimParticipant;
  mode: 0 | 1;
}

/** What the meeting-event WebSocket pushes: the simulated world's changes, as they happen. */
export interface SimStateChanges {
  waiting: [SimMeeting, SimListChange[]];
  participants: [SimMeeting, SimListChange[]];
  ended: [SimMeeting];
}

export type SimMeetingState = 'Schedule' | 'Created' | 'Destroyed';

export interface SimMeeting {
  conferenceID: string;
  confUUID: string;
  subject: string;
  corpId: string;
  hostUserId: string;
  invitees: string[];
  startTime: Date;
  endTime: Date;
  state: SimMeetingState;
  timeZoneID: string;
  language: 'zh-CN' | 'en-US';
  confType: 'FUTURE' | 'IMMEDIATELY';
  chairPassword: string;
  guestPassword: string;
  enableWaitingRoom: boolean;
  waiting: SimParticipant[];
  participants: SimParticipant[];
  locked: boolean;
  allMuted: boolean;
  allowUnmuteByOneself: boolean;
}

export interface NewMeeting {
  subject: string;
  hostUserId: string;
  invitees?: string[];
  state?: SimMeetingState;
  /** Minutes from now; negative = already started. Default -10. */
  startsInMinutes?: number;
  lengthMinutes?: number;
  timeZoneID?: string;
  language?: 'zh-CN' | 'en-US';
  enableWaitingRoom?: boolean;
  /** Display names of people waiting in the lobby. */
  waiting?: string[];
  conferenceID?: string;
}

const MINUTE = 60_000;

export class SimState {
  readonly users = new Map<string, SimUser>();
  readonly meetings = new Map<string, SimMeeting>();
  readonly changes = new EventEmitter<SimStateChanges>();
  #nextConferenceId = 960_000_001;
  #nextPhone = 1000;

  constructor(private readonly now: () => number = Date.now) {}

  /** Where id and phone numbering stand, so a restored enterprise never hands out one twice. */
  get counters(): { conferenceId: number; phone: number } {
    return { conferenceId: this.#nextConferenceId, phone: this.#nextPhone };
  }

  set counters(value: { conferenceId: number; phone: number }) {
    this.#nextConferenceId = Math.max(this.#nextConferenceId, value.conferenceId);
    this.#nextPhone = Math.max(this.#nextPhone, value.phone);
  }

  addUser(user: Omit<SimUser, 'uuid' | 'password'> & { password?: string }): SimUser {
    const full: SimUser = { ...user, userId: user.userId.toLowerCase(), uuid: hex(16), password: user.password ?? 'Passw0rd!sim' };
    this.users.set(full.userId, full);
    return full;
  }

  user(userId: string): SimUser | undefined {
    return this.users.get(userId.toLowerCase());
  }

  /** The enterprise's default administrator: who App ID sign-in with an empty userId acts as. */
  defaultAdmin(corpId: string): SimUser | undefined {
    return [...this.users.values()].find((user) => user.corpId === corpId && user.adminType === 0) ??
      [...this.users.values()].find((user) => user.corpId === corpId && user.adminType === 1);
  }

  addMeeting(spec: NewMeeting): SimMeeting {
    const host = this.user(spec.hostUserId);
    if (!host) throw new Error(`unknown host ${spec.hostUserId}`);
    const start = new Date(this.now() + (spec.startsInMinutes ?? -10) * MINUTE);
    start.setUTCSeconds(0, 0);
    const state = spec.state ?? (start.getTime() <= this.now() ? 'Created' : 'Schedule');
    const conferenceID = spec.conferenceID ?? String(this.#nextConferenceId++);
    const meeting: SimMeeting = {
      conferenceID,
      confUUID: hex(16),
      subject: spec.subject,
      corpId: host.corpId,
      hostUserId: host.userId,
      invitees: (spec.invitees ?? []).map((id) => id.toLowerCase()),
      startTime: start,
      endTime: new Date(start.getTime() + (spec.lengthMinutes ?? 60) * MINUTE),
      state,
      timeZoneID: spec.timeZoneID ?? '56',
      language: spec.language ?? 'zh-CN',
      confType: state === 'Created' ? 'IMMEDIATELY' : 'FUTURE',
      chairPassword: digits(6),
      guestPassword: digits(6),
      enableWaitingRoom: spec.enableWaitingRoom ?? (spec.waiting?.length ?? 0) > 0,
      waiting: (spec.waiting ?? []).map((name) => ({ ...this.participant(name, 0), addedAtMs: this.now() })),
      participants: [],
      locked: false,
      allMuted: false,
      allowUnmuteByOneself: true,
    };
    if (state === 'Created') {
      meeting.participants.push(this.participant(host.name, 1, host.userId));
      for (const invitee of meeting.invitees) {
        const user = this.user(invitee);
        if (user) meeting.participants.push(this.participant(user.name, 0, user.userId));
      }
    }
    this.meetings.set(conferenceID, meeting);
    return meeting;
  }

  /** Someone knocks: they wait until admitted, or until they give up (removeWaiting). */
  addWaiting(meeting: SimMeeting, name: string): SimParticipant {
    const person = { ...this.participant(name, 0), addedAtMs: this.now() };
    meeting.waiting.push(person);
    this.changes.emit('waiting', meeting, [{ person, mode: 0 }]);
    return person;
  }

  /** They stopped waiting without being admitted. */
  removeWaiting(meeting: SimMeeting, pid: string): boolean {
    const index = meeting.waiting.findIndex((p) => p.pid === pid);
    if (index < 0) return false;
    const [person] = meeting.waiting.splice(index, 1);
    this.changes.emit('waiting', meeting, [{ person: person!, mode: 1 }]);
    return true;
  }

  /**
   * Moves waiting people into the meeting (keeping the meeting's mute-all state). They show up in the
   * meeting before they leave the waiting list, so a listener never sees them nowhere.
   */
  admitWaiting(meeting: SimMeeting, pids: readonly string[]): SimParticipant[] {
    const admitted = meeting.waiting.filter((p) => pids.includes(p.pid));
    if (admitted.length === 0) return [];
    meeting.waiting = meeting.waiting.filter((p) => !pids.includes(p.pid));
    const joined = admitted.map(({ addedAtMs: _added, ...person }) => ({ ...person, mute: meeting.allMuted ? (1 as const) : (0 as const) }));
    meeting.participants.push(...joined);
    this.changes.emit('participants', meeting, joined.map((person) => ({ person, mode: 0 as const })));
    this.changes.emit('waiting', meeting, admitted.map((person) => ({ person, mode: 1 as const })));
    return joined;
  }

  endMeeting(meeting: SimMeeting): void {
    meeting.state = 'Destroyed';
    meeting.endTime = new Date(this.now());
    meeting.participants = [];
    meeting.waiting = [];
    this.changes.emit('ended', meeting);
  }

  participant(name: string, role: 0 | 1, userId?: string): SimParticipant {
    return { pid: hex(16), name, phone: `+99111${String(this.#nextPhone++).padStart(8, '0')}`, userId, role, mute: 0 };
  }

  /** Host or invitee; admins of the same enterprise additionally see everything with queryAll. */
  canSee(viewer: SimUser, meeting: SimMeeting, queryAll: boolean): boolean {
    if (viewer.corpId !== meeting.corpId) return false;
    if (queryAll && isAdmin(viewer)) return true;
    return meeting.hostUserId === viewer.userId || meeting.invitees.includes(viewer.userId);
  }

  /** Host or an admin of the enterprise: the people Huawei shows the chair password to. */
  isChairFor(viewer: SimUser, meeting: SimMeeting): boolean {
    return viewer.corpId === meeting.corpId && (meeting.hostUserId === viewer.userId || isAdmin(viewer));
  }

  /** Topic, scheduler (name or account) and meeting ID, case-insensitively. */
  matchesSearch(meeting: SimMeeting, searchKey: string | undefined): boolean {
    if (searchKey === undefined) return true;
    const needle = searchKey.toLowerCase();
    const host = this.user(meeting.hostUserId);
    return [meeting.subject, meeting.conferenceID, host?.name ?? '', meeting.hostUserId].some((text) => text.toLowerCase().includes(needle));
  }

  /** Ongoing meetings first by start time, as Huawei sorts them. */
  sorted(meetings: Iterable<SimMeeting>): SimMeeting[] {
    return [...meetings].sort((a, b) => a.startTime.getTime() - b.startTime.getTime() || a.conferenceID.localeCompare(b.conferenceID));
  }

  seed(): void {
    // The sandbox's people (one list for both simulators and the local channel), in their Huawei enterprises.
    for (const person of sandboxDirectory()) {
      if (!person.huawei) continue;
      this.addUser({ userId: person.upn, name: person.name, corpId: person.huawei.corpId, deptName: person.department, adminType: person.huawei.adminType });
    }

    this.addMeeting({
      conferenceID: '914083136',
      subject: '预算评审会',
      hostUserId: 'alice@contoso.com',
      invitees: ['bob@contoso.com'],
      startsInMinutes: -30,
      lengthMinutes: 90,
      waiting: ['王伟', 'Guest (+86 138****1234)'],
    });
    this.addMeeting({ subject: '周例会', hostUserId: 'bob@contoso.com', invitees: ['alice@contoso.com', 'carol@contoso.com'], startsInMinutes: -20 });
    this.addMeeting({ subject: 'Quarterly roadmap review', hostUserId: 'carol@contoso.com', startsInMinutes: -15, language: 'en-US', timeZoneID: '26' });
    this.addMeeting({ subject: 'Incident bridge', hostUserId: 'admin@contoso.com', startsInMinutes: -5, language: 'en-US', timeZoneID: '13' });
    this.addMeeting({ subject: 'Design sync', hostUserId: 'alice@contoso.com', invitees: ['carol@contoso.com'], startsInMinutes: 24 * 60 });
    this.addMeeting({ subject: 'Fabrikam all-hands', hostUserId: 'dave@fabrikam.com', startsInMinutes: -25, language: 'en-US' });
  }

  /** Bulk data for paging tests: `count` ongoing meetings hosted by one user. */
  bulkCreateOngoing(count: number, hostUserId: string, subjectPrefix = 'Load test meeting'): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      // Spread start times so the start-time order is meaningful and ties are rare.
      const meeting = this.addMeeting({ subject: `${subjectPrefix} ${i + 1}`, hostUserId, startsInMinutes: -1 - (i % 600), lengthMinutes: 720 });
      ids.push(meeting.conferenceID);
    }
    return ids;
  }
}

export function isAdmin(user: SimUser): boolean {
  return user.adminType === 0 || user.adminType === 1;
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function digits(count: number): string {
  let text = '';
  for (const byte of randomBytes(count)) text += String(byte % 10);
  return text;
}

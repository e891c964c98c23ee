import type { SimAuth } from './auth.js';
import type { SimControlTokens } from './conferenceControl.js';
import type { SimMeetingEvents, SimSocketView } from './meetingEvents.js';
import type { Fault, FaultInjector } from './faults.js';
import type { RequestLogEntry } from './http.js';
import type { NewMeeting, SimMeeting, SimState, SimUser } from './state.js';

/** The simulator's back door for tests and the sandbox: what it saw, faults to inject, meetings to set up. */
export interface HuaweiSimulatorControl {
  requests(): RequestLogEntry[];
  clearRequests(): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Expires access tokens now (all, or one user's). Returns how many. */
  expireTokens(filter?: { userId?: string }): number;
  bulkCreateOngoingMeetings(count: number, hostUserId?: string, subjectPrefix?: string): string[];
  createMeeting(spec: NewMeeting): SimMeetingView;
  /** Someone enters the meeting's waiting room; returns their pid (what allowWaitingParticipant takes). */
  addToWaitingRoom(conferenceID: string, name: string): string;
  /** They give up waiting. False when they were not waiting. */
  removeFromWaitingRoom(conferenceID: string, participantId: string): boolean;
  /** Someone else (the host in the Huawei app) admits them, or everyone when no pid is given; returns how many. */
  admitElsewhere(conferenceID: string, participantId?: string): number;
  /** The meeting ends (as if the host ended it): its sockets close. */
  endMeeting(conferenceID: string): void;
  /** Closes meeting-event sockets (of one meeting, or all) as a network failure would; returns how many. */
  dropSockets(conferenceID?: string): number;
  /** Expires the control and WebSocket tokens issued so far; returns how many were live. */
  expireControlTokens(): number;
  /** Sends a frame as is to a meeting's subscribed sockets; returns how many got it. */
  sendRawFrame(conferenceID: string, text: string): number;
  sockets(): SimSocketView[];
  meeting(conferenceID: string): SimMeetingView | undefined;
  users(): Array<Pick<SimUser, 'userId' | 'name' | 'corpId' | 'adminType'>>;
}

/** A meeting as a test sees it: no passwords, no internal ids. */
export interface SimMeetingView {
  conferenceID: string;
  subject: string;
  hostUserId: string;
  state: string;
  locked: boolean;
  allMuted: boolean;
  waiting: string[];
  /** The same people with their pids. */
  waitingRoom: Array<{ participantId: string; name: string }>;
  participants: Array<{ participantId: string; name: string; mute: 0 | 1; role: 0 | 1 }>;
}

export interface SimulatorParts {
  state: SimState;
  auth: SimAuth;
  faults: FaultInjector;
  requestLog: RequestLogEntry[];
  controlTokens: SimControlTokens;
  events: SimMeetingEvents;
}

export function createSimulatorControl({ state, auth, faults, requestLog, controlTokens, events }: SimulatorParts): HuaweiSimulatorControl {
  const ongoing = (conferenceID: string): SimMeeting => {
    const meeting = state.meetings.get(conferenceID);
    if (!meeting) throw new Error(`no meeting ${conferenceID}`);
    if (meeting.state !== 'Created') throw new Error(`meeting ${conferenceID} is not in progress`);
    return meeting;
  };
  return {
    requests: () => requestLog.map((entry) => ({ ...entry, query: { ...entry.query } })),
    clearRequests: () => void requestLog.splice(0),
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    expireTokens: (filter) => auth.expireTokens(filter),
    bulkCreateOngoingMeetings: (count, hostUserId = 'alice@contoso.com', subjectPrefix) => {
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new Error('count must be 1 to 100000');
      return state.bulkCreateOngoing(count, hostUserId, subjectPrefix);
    },
    createMeeting: (spec) => view(state.addMeeting(spec)),
    addToWaitingRoom: (conferenceID, name) => state.addWaiting(ongoing(conferenceID), name).pid,
    removeFromWaitingRoom: (conferenceID, participantId) => state.removeWaiting(ongoing(conferenceID), participantId),
    admitElsewhere: (conferenceID, participantId) => {
      const meeting = ongoing(conferenceID);
      return state.admitWaiting(meeting, participantId === undefined ? meeting.waiting.map((p) => p.pid) : [participantId]).length;
    },
    endMeeting: (conferenceID) => {
      const meeting = ongoing(conferenceID);
      state.endMeeting(meeting);
      controlTokens.forgetMeeting(conferenceID);
    },
    dropSockets: (conferenceID) => events.drop(conferenceID, 1006),
    expireControlTokens: () => controlTokens.expireAll() + events.expireTokens(),
    sendRawFrame: (conferenceID, text) => events.sendRaw(conferenceID, text),
    sockets: () => events.sockets(),
    meeting: (conferenceID) => {
      const meeting = state.meetings.get(conferenceID);
      return meeting ? view(meeting) : undefined;
    },
    users: () => [...state.users.values()].map(({ userId, name, corpId, adminType }) => ({ userId, name, corpId, adminType })),
  };
}

function view(meeting: SimMeeting): SimMeetingView {
  return {
    conferenceID: meeting.conferenceID,
    subject: meeting.subject,
    hostUserId: meeting.hostUserId,
    state: meeting.state,
    locked: meeting.locked,
    allMuted: meeting.allMuted,
    waiting: meeting.waiting.map((p) => p.name),
    waitingRoom: meeting.waiting.map((p) => ({ participantId: p.pid, name: p.name })),
    participants: meeting.participants.map((p) => ({ participantId: p.pid, name: p.name, mute: p.mute, role: p.role })),
  };
}

import type { SimAuth } from './auth.js';
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
  addToWaitingRoom(conferenceID: string, name: string): void;
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
  participants: Array<{ name: string; mute: 0 | 1; role: 0 | 1 }>;
}

export interface SimulatorParts {
  state: SimState;
  auth: SimAuth;
  faults: FaultInjector;
  requestLog: RequestLogEntry[];
}

export function createSimulatorControl({ state, auth, faults, requestLog }: SimulatorParts): HuaweiSimulatorControl {
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
    addToWaitingRoom: (conferenceID, name) => {
      const meeting = state.meetings.get(conferenceID);
      if (!meeting) throw new Error(`no meeting ${conferenceID}`);
      meeting.waiting.push(state.participant(name, 0));
    },
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
    participants: meeting.participants.map((p) => ({ name: p.name, mute: p.mute, role: p.role })),
  };
}

import { z } from 'zod';
import type { SimState } from './state.js';

/**
 * What of the simulated enterprise outlives a restart: its users and meetings (waiting rooms, participants, locks)
 * and where numbering stands. Access and control tokens do not: clients sign in again with the App ID, as they
 * do when a token expires.
 */
const SNAPSHOT_VERSION = 1;

const participantSchema = z.object({
  pid: z.string(),
  name: z.string(),
  phone: z.string(),
  userId: z.string().optional(),
  role: z.union([z.literal(0), z.literal(1)]),
  mute: z.union([z.literal(0), z.literal(1)]),
  addedAtMs: z.number().int().optional(),
});

const meetingSchema = z.object({
  conferenceID: z.string(),
  confUUID: z.string(),
  subject: z.string(),
  corpId: z.string(),
  hostUserId: z.string(),
  invitees: z.array(z.string()),
  startTime: z.string().datetime(),
  endTime: z.string().datetime(),
  state: z.enum(['Schedule', 'Created', 'Destroyed']),
  timeZoneID: z.string(),
  language: z.enum(['zh-CN', 'en-US']),
  confType: z.enum(['FUTURE', 'IMMEDIATELY']),
  chairPassword: z.string(),
  guestPassword: z.string(),
  enableWaitingRoom: z.boolean(),
  waiting: z.array(participantSchema),
  participants: z.array(participantSchema),
  locked: z.boolean(),
  allMuted: z.boolean(),
  allowUnmuteByOneself: z.boolean(),
});

const userSchema = z.object({
  userId: z.string(),
  uuid: z.string(),
  name: z.string(),
  corpId: z.string(),
  deptName: z.string(),
  adminType: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  password: z.string(),
});

export const huaweiSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  counters: z.object({ conferenceId: z.number().int(), phone: z.number().int() }),
  users: z.array(userSchema),
  meetings: z.array(meetingSchema),
});

export type HuaweiSimSnapshot = z.infer<typeof huaweiSnapshotSchema>;

export function snapshotState(state: SimState): HuaweiSimSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    counters: state.counters,
    users: [...state.users.values()],
    meetings: [...state.meetings.values()].map((meeting) => ({ ...meeting, startTime: meeting.startTime.toISOString(), endTime: meeting.endTime.toISOString() })),
  };
}

/** Replaces a fresh state's data with a snapshot's; throws when the snapshot is not one of ours. */
export function restoreState(state: SimState, input: unknown): void {
  const snapshot = huaweiSnapshotSchema.parse(input);
  state.users.clear();
  for (const user of snapshot.users) state.users.set(user.userId, user);
  state.meetings.clear();
  for (const meeting of snapshot.meetings) {
    state.meetings.set(meeting.conferenceID, { ...meeting, startTime: new Date(meeting.startTime), endTime: new Date(meeting.endTime) });
  }
  state.counters = snapshot.counters;
}

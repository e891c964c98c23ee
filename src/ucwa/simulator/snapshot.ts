import { z } from 'zod';
import type { SimState } from './state.js';
import { AVAILABILITIES } from './presence.js';

/**
 * What of the simulated pool outlives a restart: meetings (with their extensions and lobbies), contact groups,
 * published presence, issued tokens and the id counter. Applications do not: a restarted front end has lost them,
 * as a real pool's would, so clients get 404 ApplicationNotFound for the old ones and create new ones (with the
 * token they still hold). The counter carries on so a new application never takes an old one's id.
 */
const SNAPSHOT_VERSION = 1;

const extensionSchema = z.object({ id: z.string(), type: z.string(), extra: z.record(z.string()), version: z.number().int() });

const meetingSchema = z.object({
  id: z.string(),
  organizer: z.string(),
  subject: z.string(),
  description: z.string(),
  accessLevel: z.string(),
  attendees: z.array(z.string()),
  leaders: z.array(z.string()),
  conferenceId: z.string(),
  assigned: z.boolean(),
  automaticLeaderAssignment: z.string(),
  entryExitAnnouncement: z.string(),
  expirationTime: z.string().datetime(),
  lobbyBypassForPhoneUsers: z.string(),
  phoneUserAdmission: z.string(),
  version: z.number().int(),
  extensions: z.array(extensionSchema),
  conversationId: z.string(),
});

const rosterSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  name: z.string(),
  uri: z.string().optional(),
  source: z.enum(['enterprise', 'federated', 'anonymous']),
  state: z.enum(['lobby', 'admitted', 'rejected', 'left']),
  role: z.enum(['Leader', 'Attendee']),
});

const groupSchema = z.object({
  id: z.string(),
  owner: z.string(),
  kind: z.enum(['group', 'pinnedGroup', 'defaultGroup', 'distributionGroup']),
  name: z.string(),
  contacts: z.array(z.string()),
  uri: z.string().optional(),
  version: z.number().int(),
});

const presenceSchema = z.object({
  person: z.string(),
  availability: z.enum(AVAILABILITIES),
  activity: z.string().optional(),
  deviceType: z.string(),
  lastActive: z.string().datetime(),
});

export const ucwaSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  counter: z.number().int().nonnegative(),
  meetings: z.array(meetingSchema),
  roster: z.array(rosterSchema),
  groups: z.array(groupSchema),
  presence: z.array(presenceSchema),
  tokens: z.array(z.object({ token: z.string(), user: z.string(), expiresAt: z.number() })),
});

export type UcwaSimSnapshot = z.infer<typeof ucwaSnapshotSchema>;

export function snapshotState(state: SimState): UcwaSimSnapshot {
  const now = Date.now();
  return {
    version: SNAPSHOT_VERSION,
    counter: state.idCounter,
    meetings: [...state.meetings.values()].map((meeting) => ({
      ...meeting,
      expirationTime: meeting.expirationTime.toISOString(),
      extensions: [...meeting.extensions.values()],
    })),
    // People joined through an application leave with it; everyone else (lobby, phone, federated) stays.
    roster: [...state.roster.values()].filter((entry) => entry.appId === undefined).map(({ appId: _appId, ...entry }) => entry),
    groups: [...state.groups.values()],
    presence: [...state.presence.entries()].map(([person, presence]) => ({ person, ...presence, lastActive: presence.lastActive.toISOString() })),
    tokens: [...state.tokens.entries()].filter(([, token]) => token.expiresAt > now).map(([token, entry]) => ({ token, ...entry })),
  };
}

/** Replaces the seeded data of a fresh state with a snapshot's; throws when the snapshot is not one of ours. */
export function restoreState(state: SimState, input: unknown): void {
  const snapshot = ucwaSnapshotSchema.parse(input);
  state.meetings.clear();
  for (const meeting of snapshot.meetings) {
    state.meetings.set(meeting.id, {
      ...meeting,
      expirationTime: new Date(meeting.expirationTime),
      extensions: new Map(meeting.extensions.map((extension) => [extension.id, extension])),
    });
  }
  state.roster.clear();
  for (const entry of snapshot.roster) if (state.meetings.has(entry.meetingId)) state.roster.set(entry.id, entry);
  state.groups.clear();
  for (const group of snapshot.groups) state.groups.set(group.id, group);
  state.presence.clear();
  for (const { person, ...presence } of snapshot.presence) state.presence.set(person, { ...presence, lastActive: new Date(presence.lastActive) });
  state.tokens.clear();
  for (const { token, ...entry } of snapshot.tokens) state.tokens.set(token, entry);
  state.idCounter = Math.max(state.idCounter, snapshot.counter);
}

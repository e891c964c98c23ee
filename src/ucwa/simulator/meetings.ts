import { randomBytes } from 'node:crypto';
import { fail, resource, UcwaFailure, withEmbedded, withLinks, type Resource } from './model.js';
import { etagOf, sameEtag, type Ctx, type Reply, type Router } from './http.js';
import type { InputFields } from './representation.js';
import { APPLICATIONS_PATH } from './paths.js';
import { requireApp } from './auth.js';
import { extensionResource } from './extensions.js';
import { notifyMeetingChanged } from './conference.js';
import type { App, Meeting, SimState } from './state.js';

/** onlineMeetings dashboard, myOnlineMeetings, myOnlineMeeting and the read-only settings resources. */
export const ELIGIBLE = {
  accessLevels: ['Everyone', 'Invited', 'Locked', 'SameEnterprise'],
  automaticLeaderAssignments: ['Disabled', 'SameEnterprise', 'Everyone'],
  entryExitAnnouncements: ['Disabled', 'Enabled'],
  lobbyBypassForPhoneUsersSettings: ['Disabled', 'Enabled'],
  phoneUserAdmissions: ['Disabled', 'Enabled'],
};

const MAX_MEETINGS_PER_ORGANIZER = 50;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const WRITABLE = [
  'accessLevel',
  'attendees',
  'automaticLeaderAssignment',
  'description',
  'entryExitAnnouncement',
  'expirationTime',
  'leaders',
  'lobbyBypassForPhoneUsers',
  'phoneUserAdmission',
  'subject',
] as const;

function assignedMeeting(state: SimState, user: string): Meeting | undefined {
  return [...state.meetings.values()].find((meeting) => meeting.organizer === user && meeting.assigned);
}

export function onlineMeetingsDashboard(state: SimState, app: App): Resource {
  const p = app.paths;
  const assigned = assignedMeeting(state, app.user);
  return withLinks(resource('onlineMeetings', p.meetings), {
    myAssignedOnlineMeeting: assigned ? p.meeting(assigned.id) : undefined,
    myOnlineMeetings: p.myOnlineMeetings,
    onlineMeetingDefaultValues: p.defaultValues,
    onlineMeetingEligibleValues: p.eligibleValues,
    onlineMeetingInvitationCustomization: p.customization,
    onlineMeetingPolicies: p.policiesOfMeetings,
    phoneDialInInformation: p.dialIn,
  });
}

export function meetingEtag(meeting: Meeting): string {
  return etagOf(`${meeting.id}:${meeting.version}`);
}

export function meetingResource(state: SimState, app: App, meeting: Meeting): Resource {
  const uri = state.meetingUri(meeting);
  const user = meeting.organizer.split('@')[0] ?? meeting.organizer;
  const res = withLinks(
    resource(meeting.assigned ? 'myAssignedOnlineMeeting' : 'myOnlineMeeting', app.paths.meeting(meeting.id), {
      accessLevel: meeting.accessLevel,
      attendees: meeting.attendees,
      automaticLeaderAssignment: meeting.automaticLeaderAssignment,
      conferenceId: meeting.conferenceId,
      description: meeting.description,
      entryExitAnnouncement: meeting.entryExitAnnouncement,
      expirationTime: meeting.expirationTime,
      joinUrl: `https://meet.contoso.com/${user}/${meeting.id}`,
      leaders: meeting.leaders,
      legacyOnlineMeetingUri: `conf:${uri}?conversation-id=${meeting.conversationId}`,
      lobbyBypassForPhoneUsers: meeting.lobbyBypassForPhoneUsers,
      onlineMeetingId: meeting.id,
      onlineMeetingRel: meeting.assigned ? 'myAssignedOnlineMeeting' : 'myOnlineMeetings',
      onlineMeetingUri: uri,
      organizerUri: `sip:${meeting.organizer}`,
      phoneUserAdmission: meeting.phoneUserAdmission,
      subject: meeting.subject,
      [state.putSentinel]: 'please pass this in a PUT request',
      etag: meetingEtag(meeting),
    }),
    { onlineMeetingExtensions: app.paths.extensions(meeting.id) },
  );
  const extensions = [...meeting.extensions.values()].map((ext) => extensionResource(app, meeting, ext));
  if (extensions.length > 0) withEmbedded(res, 'onlineMeetingExtension', extensions);
  return res;
}

/** Meetings are visible only to their organizer ("organizers can list/change only their own"). */
export function ownMeeting(state: SimState, app: App, id: string | undefined): Meeting {
  const meeting = id ? state.meetings.get(id) : undefined;
  if (!meeting || meeting.organizer !== app.user) throw fail.notFound('The online meeting does not exist.');
  return meeting;
}

/** Accepts the ASP.NET AJAX JSON form `/Date(ms)/` and ISO 8601 (XML). */
function parseDate(raw: string): Date | undefined {
  const ajax = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(raw.trim());
  const date = ajax ? new Date(Number(ajax[1])) : new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sipList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map((item) => String(item).replace(/\s+/g, ''));
  return list.every((item) => /^sip:[^@\s]+@[^@\s]+$/i.test(item)) ? list : undefined;
}

type MeetingChanges = Partial<Pick<Meeting, (typeof WRITABLE)[number]>>;

function enumField(fields: InputFields, name: string, allowed: string[], problems: Record<string, string>): string | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && allowed.includes(value)) return value;
  problems[name] = `Must be one of the eligible values: ${allowed.join(', ')}.`;
  return undefined;
}

function textField(fields: InputFields, name: string, max: number, problems: Record<string, string>): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.length <= max) return value;
  problems[name] = `Must be a string of at most ${max} characters.`;
  return undefined;
}

function listField(fields: InputFields, name: string, problems: Record<string, string>): string[] | undefined {
  if (fields[name] === undefined) return undefined;
  const list = sipList(fields[name]);
  if (!list) problems[name] = 'Must be a list of SIP URIs (sip:user@domain).';
  return list;
}

function expirationField(fields: InputFields, problems: Record<string, string>): Date | undefined {
  const raw = fields.expirationTime;
  if (raw === undefined) return undefined;
  const date = typeof raw === 'string' ? parseDate(raw) : undefined;
  const now = Date.now();
  if (!date || date.getTime() < now - YEAR_MS || date.getTime() > now + 10 * YEAR_MS) {
    problems.expirationTime = 'Must be a date between one year ago and ten years from now.';
    return undefined;
  }
  return date;
}

export function parseMeetingInput(fields: InputFields): MeetingChanges {
  const problems: Record<string, string> = {};
  const changes: MeetingChanges = {
    accessLevel: enumField(fields, 'accessLevel', ELIGIBLE.accessLevels, problems),
    automaticLeaderAssignment: enumField(fields, 'automaticLeaderAssignment', ELIGIBLE.automaticLeaderAssignments, problems),
    entryExitAnnouncement: enumField(fields, 'entryExitAnnouncement', ELIGIBLE.entryExitAnnouncements, problems),
    lobbyBypassForPhoneUsers: enumField(fields, 'lobbyBypassForPhoneUsers', ELIGIBLE.lobbyBypassForPhoneUsersSettings, problems),
    phoneUserAdmission: enumField(fields, 'phoneUserAdmission', ELIGIBLE.phoneUserAdmissions, problems),
    subject: textField(fields, 'subject', 256, problems),
    description: textField(fields, 'description', 4096, problems),
    attendees: listField(fields, 'attendees', problems),
    leaders: listField(fields, 'leaders', problems),
    expirationTime: expirationField(fields, problems),
  };
  if (Object.keys(problems).length > 0) throw fail.badRequest('One or more meeting properties are not valid.', problems);
  for (const key of Object.keys(changes) as Array<keyof MeetingChanges>) if (changes[key] === undefined) delete changes[key];
  return changes;
}

function newMeetingId(state: SimState): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    const id = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('');
    if (!state.meetings.has(id)) return id;
  }
}

async function createMeeting(state: SimState, ctx: Ctx, app: App): Promise<Reply> {
  const changes = parseMeetingInput(await ctx.input());
  const owned = [...state.meetings.values()].filter((meeting) => meeting.organizer === app.user).length;
  if (owned >= MAX_MEETINGS_PER_ORGANIZER) throw fail.conflict('TooManyOnlineMeetings', 'The organizer has too many online meetings.');
  const meeting: Meeting = {
    id: newMeetingId(state),
    organizer: app.user,
    subject: '',
    description: '',
    accessLevel: 'SameEnterprise',
    attendees: [],
    leaders: [],
    automaticLeaderAssignment: 'SameEnterprise',
    entryExitAnnouncement: 'Disabled',
    expirationTime: new Date(Date.now() + 8 * 3600 * 1000),
    lobbyBypassForPhoneUsers: 'Disabled',
    phoneUserAdmission: 'Disabled',
    conferenceId: String(1000000 + (randomBytes(3).readUIntBE(0, 3) % 9000000)),
    assigned: false,
    version: 1,
    extensions: new Map(),
    conversationId: randomBytes(16).toString('hex'),
    ...changes,
  };
  state.meetings.set(meeting.id, meeting);
  return { kind: 'resource', status: 201, resource: meetingResource(state, app, meeting), etag: meetingEtag(meeting) };
}

/** PUT replaces the whole resource: it must be conditional and carry every property, sentinel included. */
export function checkIfMatch(ctx: Ctx, etag: string): void {
  const ifMatch = ctx.header('if-match');
  if (!ifMatch) throw new UcwaFailure(428, 'PreconditionRequired', 'The operation requires an If-Match precondition.');
  if (!sameEtag(ifMatch, etag)) throw new UcwaFailure(412, 'PreconditionFailed', 'An If-Match precondition was not met.');
}

async function updateMeeting(state: SimState, ctx: Ctx, app: App, meeting: Meeting): Promise<Reply> {
  checkIfMatch(ctx, meetingEtag(meeting));
  const fields = await ctx.input();
  const missing: Record<string, string> = {};
  for (const name of [...WRITABLE, state.putSentinel]) if (!(name in fields)) missing[name] = 'Missing: PUT must carry the whole resource.';
  if (Object.keys(missing).length > 0) throw fail.badRequest('The PUT body must contain every property of the resource.', missing);
  Object.assign(meeting, parseMeetingInput(fields));
  meeting.version += 1;
  notifyMeetingChanged(state, meeting);
  return { kind: 'resource', resource: meetingResource(state, app, meeting), etag: meetingEtag(meeting) };
}

function settings(rel: string, href: string, properties: Record<string, string | number | boolean | string[]>, app: App, state: SimState): Resource {
  const res = resource(rel, href, properties);
  if (rel === 'onlineMeetingEligibleValues') {
    const assigned = assignedMeeting(state, app.user);
    withLinks(res, { myAssignedOnlineMeeting: assigned ? app.paths.meeting(assigned.id) : undefined, myOnlineMeetings: app.paths.myOnlineMeetings });
  }
  return res;
}

function dialInInformation(state: SimState, app: App): Resource {
  const assigned = assignedMeeting(state, app.user);
  const regions = [
    { id: '1', name: 'Redmond', number: 'tel:+14255550100', languages: ['en-US', 'es-US'] },
    { id: '2', name: 'London', number: 'tel:+442075550100', languages: ['en-GB'] },
    { id: '3', name: 'Shanghai', number: 'tel:+862155550100', languages: ['zh-CN', 'en-US'] },
  ];
  const res = resource('phoneDialInInformation', app.paths.dialIn, {
    conferenceId: assigned?.conferenceId ?? '',
    defaultRegion: 'Redmond',
    externalDirectoryUri: 'https://dialin.contoso.com',
    internalDirectoryUri: 'https://dialin.contoso.com',
    isAudioConferenceProviderEnabled: false,
    participantPassCode: '',
    tollFreeNumbers: ['tel:+18005550100'],
    tollNumber: 'tel:+14255550100',
  });
  return withEmbedded(
    res,
    'dialInRegion',
    regions.map((r) => resource('dialInRegion', app.paths.dialInRegion(r.id), { languages: r.languages, name: r.name, number: r.number })),
  );
}

export function registerMeetings(router: Router, state: SimState): void {
  const base = `${APPLICATIONS_PATH}/:app/onlineMeetings`;
  const get = (path: string, build: (app: App) => Resource) =>
    router.on('GET', path, (ctx, { app }) => ({ kind: 'resource', resource: build(requireApp(state, ctx, app)) }));

  get(base, (app) => onlineMeetingsDashboard(state, app));
  get(`${base}/myOnlineMeetings`, (app) => {
    const mine = [...state.meetings.values()].filter((meeting) => meeting.organizer === app.user);
    const res = resource('myOnlineMeetings', app.paths.myOnlineMeetings);
    withEmbedded(res, 'myAssignedOnlineMeeting', mine.filter((m) => m.assigned).map((m) => meetingResource(state, app, m)));
    return withEmbedded(res, 'myOnlineMeeting', mine.filter((m) => !m.assigned).map((m) => meetingResource(state, app, m)));
  });
  router.on('POST', `${base}/myOnlineMeetings`, (ctx, { app }) => createMeeting(state, ctx, requireApp(state, ctx, app)));
  router.on('GET', `${base}/myOnlineMeetings/:meeting`, (ctx, params) => {
    const app = requireApp(state, ctx, params.app);
    const meeting = ownMeeting(state, app, params.meeting);
    return { kind: 'resource', resource: meetingResource(state, app, meeting), etag: meetingEtag(meeting) };
  });
  router.on('PUT', `${base}/myOnlineMeetings/:meeting`, (ctx, params) => {
    const app = requireApp(state, ctx, params.app);
    return updateMeeting(state, ctx, app, ownMeeting(state, app, params.meeting));
  });
  router.on('DELETE', `${base}/myOnlineMeetings/:meeting`, (ctx, params) => {
    const app = requireApp(state, ctx, params.app);
    state.meetings.delete(ownMeeting(state, app, params.meeting).id);
    return { kind: 'empty', status: 204 };
  });
  get(`${base}/defaultValues`, (app) =>
    settings('onlineMeetingDefaultValues', app.paths.defaultValues, {
      accessLevel: 'SameEnterprise',
      automaticLeaderAssignment: 'SameEnterprise',
      defaultOnlineMeetingRel: 'myOnlineMeetings',
      entryExitAnnouncement: 'Disabled',
      lobbyBypassForPhoneUsers: 'Disabled',
      participantsWarningThreshold: 250,
    }, app, state),
  );
  get(`${base}/eligibleValues`, (app) =>
    settings('onlineMeetingEligibleValues', app.paths.eligibleValues, {
      accessLevels: ELIGIBLE.accessLevels,
      automaticLeaderAssignments: ELIGIBLE.automaticLeaderAssignments,
      eligibleOnlineMeetingRels: ['myOnlineMeetings', 'myAssignedOnlineMeeting'],
      entryExitAnnouncements: ELIGIBLE.entryExitAnnouncements,
      lobbyBypassForPhoneUsersSettings: ELIGIBLE.lobbyBypassForPhoneUsersSettings,
    }, app, state),
  );
  get(`${base}/customInvitation`, (app) =>
    settings('onlineMeetingInvitationCustomization', app.paths.customization, {
      enterpriseHelpUrl: 'https://meet.contoso.com/help/firsttime.html',
      invitationFooterText: 'This meeting invitation is confidential to Contoso.',
      invitationHelpUrl: 'https://meet.contoso.com/help',
      invitationLegalUrl: 'https://meet.contoso.com/legal.html',
      invitationLogoUrl: 'https://meet.contoso.com/logo.png',
    }, app, state),
  );
  get(`${base}/policies`, (app) =>
    settings('onlineMeetingPolicies', app.paths.policiesOfMeetings, {
      entryExitAnnouncement: 'Enabled',
      externalUserMeetingRecording: 'Disabled',
      meetingRecording: 'Enabled',
      meetingSize: 250,
      phoneUserAdmission: 'Enabled',
      voipAudio: 'Enabled',
    }, app, state),
  );
  get(`${base}/phoneDialInInformation`, (app) => dialInInformation(state, app));
}

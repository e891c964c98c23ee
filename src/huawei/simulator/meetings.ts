import { toHuaweiDateTime } from '../time.js';
import type { SimAuth } from './auth.js';
import { intParam, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext, type RouteTable } from './http.js';
import type { SimMeeting, SimState, SimUser } from './state.js';

/**
 * The meeting-management API: ongoing and not-ended lists, meeting details and the online attendees, each
 * answered in Huawei's shapes and limited to what the acting user may see.
 *
 * MMC.111070005 and MMC.111072005 are the codes seen in Huawei's docs and SDK-based code.
 */
const CONFERENCE_NOT_FOUND = 'MMC.111070005';
const CONFERENCE_NOT_ONGOING = 'MMC.111072005';

export function meetingRoutes(state: SimState, auth: SimAuth): RouteTable {
  const listConferences = (ctx: RequestContext, states: string[], extra: (meeting: SimMeeting) => Record<string, unknown>): void => {
    const user = auth.currentUser(ctx);
    const { offset, limit, searchKey, queryAll } = pageQuery(ctx.url);
    const visible = state.sorted(
      [...state.meetings.values()].filter(
        (meeting) => states.includes(meeting.state) && state.canSee(user, meeting, queryAll) && state.matchesSearch(meeting, searchKey),
      ),
    );
    send(ctx, 200, {
      data: visible.slice(offset, offset + limit).map((meeting) => conferenceInfo(state, meeting, user, extra(meeting))),
      offset,
      limit,
      count: visible.length,
    });
  };

  const detail = (ctx: RequestContext, ongoing: boolean): void => {
    const user = auth.currentUser(ctx);
    const meeting = visibleMeeting(state, user, ctx.url.searchParams.get('conferenceID'), { ongoing });
    const { offset, limit } = pageQuery(ctx.url);
    const invitees = [meeting.hostUserId, ...meeting.invitees].map((userId, index) => ({
      participantID: `+9911160${String(index).padStart(5, '0')}`,
      name: state.user(userId)?.name ?? userId,
      role: userId === meeting.hostUserId ? 1 : 0,
      state: 'MEETTING',
      attendeeType: 'normal',
      accountId: userId,
    }));
    const role = state.isChairFor(user, meeting) ? 'chair' : 'general';
    send(ctx, 200, {
      conferenceData: conferenceInfo(state, meeting, user, { role }),
      data: { offset, limit, count: invitees.length, data: invitees.slice(offset, offset + limit) },
    });
  };

  /** ListOnlineConfAttendee is the one snake_case API, down to its query parameters. */
  const onlineAttendees = (ctx: RequestContext): void => {
    const user = auth.currentUser(ctx);
    const meeting = visibleMeeting(state, user, ctx.url.searchParams.get('conf_id'), { ongoing: true });
    const { offset, limit, searchKey } = pageQuery(ctx.url, { offset: 'offset', limit: 'limit', searchKey: 'search_key' });
    const people = meeting.participants.filter((p) => searchKey === undefined || p.name.toLowerCase().includes(searchKey.toLowerCase()) || p.phone.includes(searchKey));
    const huaweiUuid = (userId: string | undefined) => (userId ? (state.user(userId)?.uuid ?? '') : undefined);
    send(ctx, 200, {
      data: people.slice(offset, offset + limit).map((p) => {
        const uuid = huaweiUuid(p.userId);
        return {
          participant_id: p.pid,
          name: p.name,
          call_number: p.phone,
          role: p.role,
          third_account: p.userId ?? '',
          account: uuid === undefined ? '' : `Auto-${uuid}`,
          user_id: uuid ?? '',
        };
      }),
      offset,
      limit,
      count: people.length,
    });
  };

  return {
    'GET /v1/mmc/management/conferences/online': (ctx) =>
      listConferences(ctx, ['Created'], (meeting) => ({ onlineAttendeeAmount: meeting.participants.length })),
    'GET /v1/mmc/management/conferences': (ctx) => listConferences(ctx, ['Schedule', 'Created'], () => ({})),
    'GET /v1/mmc/management/conferences/confDetail': (ctx) => detail(ctx, false),
    'GET /v1/mmc/management/conferences/online/confDetail': (ctx) => detail(ctx, true),
    'GET /v1/mmc/management/conferences/online/conf-attendee': onlineAttendees,
  };
}

/**
 * The meeting `conferenceID` names, if `user` may see it. Meetings the user may not see answer exactly like
 * missing ones, so ids cannot be probed; admins see every meeting of their enterprise.
 */
export function visibleMeeting(state: SimState, user: SimUser, conferenceID: string | null, options: { ongoing?: boolean } = {}): SimMeeting {
  if (!conferenceID) throw new SimHttpError(400, SIM_PARAM_ERROR, 'conferenceID is required.');
  const meeting = state.meetings.get(conferenceID);
  const visible = meeting !== undefined && (state.canSee(user, meeting, false) || state.isChairFor(user, meeting));
  if (!meeting || meeting.state === 'Destroyed' || !visible) {
    throw new SimHttpError(400, CONFERENCE_NOT_FOUND, 'The conference does not exist or has ended.');
  }
  if (options.ongoing && meeting.state !== 'Created') throw new SimHttpError(400, CONFERENCE_NOT_ONGOING, 'The conference has not started or has ended.');
  return meeting;
}

/** ConferenceInfo as `viewer` sees it: the chair password and chair link only for the host or an admin. */
function conferenceInfo(state: SimState, meeting: SimMeeting, viewer: SimUser, extra: Record<string, unknown>): Record<string, unknown> {
  const host = state.user(meeting.hostUserId)!;
  const chair = state.isChairFor(viewer, meeting);
  const passwordEntry = [
    ...(chair ? [{ conferenceRole: 'chair', password: meeting.chairPassword }] : []),
    { conferenceRole: 'general', password: meeting.guestPassword },
  ];
  const link = (secret: string) => `https://c.meeting.huaweicloud.com/#/j/${meeting.conferenceID}/${secret}`;
  return {
    conferenceID: meeting.conferenceID,
    mediaTypes: 'Voice,Data,Video',
    subject: meeting.subject,
    size: meeting.invitees.length + 1,
    timeZoneID: meeting.timeZoneID,
    startTime: toHuaweiDateTime(meeting.startTime),
    endTime: toHuaweiDateTime(meeting.endTime),
    conferenceState: meeting.state,
    accessNumber: '+991117',
    language: meeting.language,
    passwordEntry,
    userUUID: host.uuid,
    scheduserName: host.name,
    multiStreamFlag: 1,
    conferenceType: 0,
    confType: meeting.confType,
    isAutoMute: 0,
    isAutoRecord: 0,
    ...(chair ? { chairJoinUri: link(meeting.confUUID + meeting.confUUID.slice(0, 16)) } : {}),
    guestJoinUri: link(meeting.confUUID.slice(16) + meeting.confUUID),
    recordType: 0,
    recordAuxStream: 0,
    confConfigInfo: {
      prolongLength: 15,
      isGuestFreePwd: false,
      isSendNotify: true,
      isSendSms: false,
      isAutoMute: false,
      isSendCalendar: true,
      callInRestriction: 0,
      allowGuestStartConf: false,
      isHardTerminalAutoMute: false,
      enableWaitingRoom: meeting.enableWaitingRoom,
    },
    vmrFlag: 0,
    scheduleVmr: false,
    isHasRecordFile: false,
    partAttendeeInfo: meeting.invitees.map((userId) => ({ phone: '+99111****000', name: state.user(userId)?.name ?? userId, type: 'normal' })),
    terminlCount: 0,
    normalCount: meeting.invitees.length + 1,
    deptName: host.deptName,
    confUUID: meeting.confUUID,
    ...extra,
  };
}

/** offset/limit (Huawei: limit 1–500, default 20), searchKey (1–128 characters) and queryAll. */
function pageQuery(url: URL, names = { offset: 'offset', limit: 'limit', searchKey: 'searchKey' }) {
  const offset = intParam(url.searchParams.get(names.offset), 0, 0, Number.MAX_SAFE_INTEGER, names.offset);
  const limit = intParam(url.searchParams.get(names.limit), 20, 1, 500, names.limit);
  const searchKey = url.searchParams.get(names.searchKey) ?? undefined;
  if (searchKey !== undefined && ([...searchKey].length < 1 || [...searchKey].length > 128)) {
    throw new SimHttpError(400, SIM_PARAM_ERROR, `${names.searchKey} must be 1 to 128 characters.`);
  }
  const queryAll = url.searchParams.get('queryAll');
  if (queryAll !== null && queryAll !== 'true' && queryAll !== 'false') throw new SimHttpError(400, SIM_PARAM_ERROR, 'queryAll must be true or false.');
  return { offset, limit, searchKey, queryAll: queryAll === 'true' };
}

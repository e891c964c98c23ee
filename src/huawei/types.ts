import { z } from 'zod';
import { Secret } from './secret.js';
import { parseHuaweiDateTime } from './time.js';

/**
 * Wire schemas for Huawei Cloud Meeting payloads, parsed once at the edge. Field names and meanings follow the
 * API reference and the official SDK models (ConferenceInfo, RestConfConfigDTO, PartAttendee, CycleParams,
 * MultiPicDisplayDO, CycleSubConf, ParticipantInfo, TokenInfo, ...). Huawei sends null for many absent values,
 * so every optional field accepts null and surfaces as undefined. Passwords and tokens become `Secret`s.
 */

function opt<T extends z.ZodTypeAny>(schema: T) {
  return schema.nullish().transform((value): z.output<T> | undefined => (value === null ? undefined : value));
}

const int = z.number().int();
/** Huawei mixes number and numeric-string ids (participantID is a string in examples, a number in the SDK). */
const idText = z.union([z.string(), z.number()]).transform(String);
const secret = z.string().transform((value) => new Secret(value));

const huaweiDateTime = z.string().transform((value, ctx): Date | undefined => {
  if (value.trim() === '') return undefined;
  const date = parseHuaweiDateTime(value);
  if (!date) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a "yyyy-MM-dd HH:mm" time, got "${value}"` });
    return z.NEVER;
  }
  return date;
});

export type MediaType = 'Voice' | 'Video' | 'HDVideo' | 'Data' | (string & {});
const mediaTypes = z.string().transform((value): MediaType[] =>
  value.split(',').map((part) => part.trim()).filter((part) => part.length > 0),
);

export const passwordEntrySchema = z.object({
  /** "chair" (host password) or "general" (guest password); "audience" for webinars. */
  conferenceRole: z.string(),
  password: secret,
});
export type PasswordEntry = z.output<typeof passwordEntrySchema>;

export const cycleParamsSchema = z.object({
  /** yyyy-MM-dd in the meeting's timeZoneID zone (not UTC). */
  startDate: opt(z.string()),
  endDate: opt(z.string()),
  cycle: opt(z.string()),
  interval: opt(int),
  point: opt(z.array(int)),
  preRemindDays: opt(int),
});
export type CycleParams = z.output<typeof cycleParamsSchema>;

export const confConfigInfoSchema = z.object({
  isSendNotify: opt(z.boolean()),
  isSendSms: opt(z.boolean()),
  isSendCalendar: opt(z.boolean()),
  isAutoMute: opt(z.boolean()),
  isHardTerminalAutoMute: opt(z.boolean()),
  isGuestFreePwd: opt(z.boolean()),
  /** 0 everyone, 2 enterprise users, 3 invited users. */
  callInRestriction: opt(int),
  allowGuestStartConf: opt(z.boolean()),
  guestPwd: opt(secret),
  /** 0 fixed cloud-room id, 1 random. */
  vmrIDType: opt(int),
  /** Auto-extension minutes, 0–60. */
  prolongLength: opt(int),
  enableWaitingRoom: opt(z.boolean()),
  isHostCameraOn: opt(z.boolean()),
  isGuestCameraOn: opt(z.boolean()),
});
export type ConfConfigInfo = z.output<typeof confConfigInfoSchema>;

export const partAttendeeSchema = z.object({
  name: opt(z.string()),
  phone: opt(z.string()),
  phone2: opt(z.string()),
  phone3: opt(z.string()),
  /** normal, terminal, outside, mobile, ideahub, board, hwvision. */
  type: opt(z.string()),
  /** 1 host, 0 guest (the SDK text for this field is a copy of isMute's; see reference). */
  role: opt(int),
  isMute: opt(int),
});
export type PartAttendee = z.output<typeof partAttendeeSchema>;

export const picDisplaySchema = z.object({
  manualSet: opt(int),
  imageType: opt(z.string()),
  /** Layout cells; their inner structure is not needed by the bot, so it is kept unparsed. */
  subscriberInPics: opt(z.array(z.unknown())),
  switchTime: opt(int),
  picLayoutInfo: opt(z.unknown()),
});
export type PicDisplay = z.output<typeof picDisplaySchema>;

export const cycleSubConfConfigSchema = z.object({
  callInRestriction: opt(int),
  audienceCallInRestriction: opt(int),
  allowGuestStartConf: opt(z.boolean()),
  joinBeforeHostTime: opt(int),
  allowGuestStartConfTime: opt(int),
  showAudienceCountInfo: opt(z.unknown()),
  enableWaitingRoom: opt(z.boolean()),
});

export const cycleSubConfSchema = z.object({
  cycleSubConfID: opt(z.string()),
  conferenceID: opt(idText),
  mediaType: opt(mediaTypes),
  startTime: opt(huaweiDateTime),
  endTime: opt(huaweiDateTime),
  isAutoRecord: opt(int),
  confConfigInfo: opt(cycleSubConfConfigSchema),
  recordAuthType: opt(int),
  description: opt(z.string()),
});
export type CycleSubConf = z.output<typeof cycleSubConfSchema>;

export type ConferenceState = 'Schedule' | 'Creating' | 'Created' | 'Destroyed' | (string & {});

export const conferenceInfoSchema = z.object({
  /** Meeting ID; use it (not vmrConferenceID) for every other API. */
  conferenceID: idText,
  subject: opt(z.string()),
  size: opt(int),
  /** Huawei time-zone index (see time.ts), used for notifications only. */
  timeZoneID: opt(idText),
  /** UTC. */
  startTime: opt(huaweiDateTime),
  endTime: opt(huaweiDateTime),
  mediaTypes: opt(mediaTypes),
  conferenceState: opt(z.string() as z.ZodType<ConferenceState>),
  language: opt(z.string()),
  accessNumber: opt(z.string()),
  /** Chair password only for the host or an admin; guests get the general one. */
  passwordEntry: opt(z.array(passwordEntrySchema)),
  userUUID: opt(z.string()),
  scheduserName: opt(z.string()),
  /** 0 normal, 2 recurring. */
  conferenceType: opt(int),
  /** FUTURE, IMMEDIATELY, CYCLE. */
  confType: opt(z.string()),
  cycleParams: opt(cycleParamsSchema),
  isAutoMute: opt(int),
  isAutoRecord: opt(int),
  chairJoinUri: opt(z.string()),
  guestJoinUri: opt(z.string()),
  audienceJoinUri: opt(z.string()),
  /** 0 off, 1 live, 2 recording, 3 both. */
  recordType: opt(int),
  auxAddress: opt(z.string()),
  liveAddress: opt(z.string()),
  recordAuxStream: opt(int),
  recordAuthType: opt(int),
  liveUrl: opt(z.string()),
  confConfigInfo: opt(confConfigInfoSchema),
  vmrFlag: opt(int),
  isHasRecordFile: opt(z.boolean()),
  vmrConferenceID: opt(z.string()),
  confUUID: opt(z.string()),
  partAttendeeInfo: opt(z.array(partAttendeeSchema)),
  /** (sic) hardware-terminal count. */
  terminlCount: opt(int),
  normalCount: opt(int),
  deptName: opt(z.string()),
  vmrID: opt(z.string()),
  /** The caller's own role: chair, general, audience (detail queries only). */
  role: opt(z.string()),
  webinar: opt(z.boolean()),
  /** Current online headcount; only the ongoing-list API returns it. */
  onlineAttendeeAmount: opt(int),
  multiStreamFlag: opt(int),
  confMode: opt(z.string()),
  scheduleVmr: opt(z.boolean()),
  concurrentParticipants: opt(int),
  supportSimultaneousInterpretation: opt(z.boolean()),
  picDisplay: opt(picDisplaySchema),
  subConfs: opt(z.array(cycleSubConfSchema)),
  cycleSubConfID: opt(z.string()),
});
export type ConferenceInfo = z.output<typeof conferenceInfoSchema>;

export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    offset: int,
    limit: int,
    count: int,
    data: z.array(item),
  });
}
export interface Page<T> {
  offset: number;
  limit: number;
  count: number;
  data: T[];
}

export const participantInfoSchema = z.object({
  participantID: opt(idText),
  name: opt(z.string()),
  subscriberID: opt(z.string()),
  /** 1 host, 0 guest. */
  role: opt(int),
  /** Always "MEETTING" (sic). */
  state: opt(z.string()),
  address: opt(z.string()),
  attendeeType: opt(z.string()),
  accountId: opt(z.string()),
  phone2: opt(z.string()),
  phone3: opt(z.string()),
  email: opt(z.string()),
  sms: opt(z.string()),
  deptName: opt(z.string()),
  userUUID: opt(z.string()),
  appId: opt(z.string()),
  isAutoInvite: opt(int),
  isNotOverlayPidName: opt(z.boolean()),
});
export type ParticipantInfo = z.output<typeof participantInfoSchema>;

export const meetingDetailSchema = z.object({
  conferenceData: conferenceInfoSchema,
  data: opt(pageSchema(participantInfoSchema)),
});
export interface MeetingDetail {
  conference: ConferenceInfo;
  /** Invitees (people who joined by link are not listed). */
  participants: Page<ParticipantInfo>;
}

/** ListOnlineConfAttendee record; the API is snake_case, surfaced here in the project's camelCase. */
export const onlineAttendeeSchema = z
  .object({
    participant_id: opt(idText),
    name: opt(z.string()),
    call_number: opt(z.string()),
    role: opt(int),
    third_account: opt(z.string()),
    account: opt(z.string()),
    user_id: opt(z.string()),
  })
  .transform((raw) => ({
    participantId: raw.participant_id,
    name: raw.name,
    callNumber: raw.call_number,
    role: raw.role === 1 ? ('chair' as const) : ('guest' as const),
    thirdAccount: raw.third_account,
    account: raw.account,
    userId: raw.user_id,
  }));
export type OnlineAttendee = z.output<typeof onlineAttendeeSchema>;

export const realTimeInfoSchema = z.object({
  attendees: opt(
    z.array(
      z.object({
        accountID: opt(z.string()),
        userUUID: opt(z.string()),
        name: opt(z.string()),
        phone: opt(z.string()),
      }),
    ),
  ),
  participants: opt(
    z.array(
      z.object({
        pid: idText,
        name: opt(z.string()),
        phone: opt(z.string()),
        /** 0 in meeting, 1 calling, 2 joining. */
        state: opt(int),
        /** 0 audio, 1 video. */
        video: opt(int),
        /** 0 mic on, 1 mic off. */
        mute: opt(int),
        hand: opt(int),
      }),
    ),
  ),
  confInfo: opt(
    z.object({
      chairID: opt(z.string()),
      coHosts: opt(z.array(z.string())),
    }),
  ),
});
export type RealTimeInfo = z.output<typeof realTimeInfoSchema>;

export const userInfoSchema = z.object({
  userId: opt(z.string()),
  ucloginAccount: opt(z.string()),
  serviceAccount: opt(z.string()),
  name: opt(z.string()),
  nameEn: opt(z.string()),
  companyId: opt(z.string()),
  spId: opt(z.string()),
  realm: opt(z.string()),
  /** 1 SP admin, 2 enterprise user, 3 free user, 10+ devices. */
  userType: opt(int),
  /** 0 default admin, 1 admin, 2 ordinary member. */
  adminType: opt(int),
  thirdAccount: opt(z.string()),
  appId: opt(z.string()),
  status: opt(int),
  corpType: opt(int),
});
export type HuaweiUserInfo = z.output<typeof userInfoSchema>;

/** Response of App ID and account authentication (same schema). */
export const authResponseSchema = z.object({
  accessToken: secret,
  /** Seconds. */
  validPeriod: opt(int),
  /** Unix seconds. */
  expireTime: int,
  /** Unix milliseconds. */
  createTime: opt(int),
  refreshToken: opt(secret),
  refreshValidPeriod: opt(int),
  refreshExpireTime: opt(int),
  refreshCreateTime: opt(int),
  tokenType: opt(int),
  clientType: opt(int),
  tokenIp: opt(z.string()),
  firstLogin: opt(z.boolean()),
  pwdExpired: opt(z.boolean()),
  daysPwdAvailable: opt(int),
  forceLoginInd: opt(int),
  delayDelete: opt(z.boolean()),
  proxyToken: opt(z.unknown()),
  user: opt(userInfoSchema),
});
export type AuthResponse = z.output<typeof authResponseSchema>;

export const controlTokenResponseSchema = z.object({
  data: z.object({
    token: secret,
    tmpWsToken: opt(secret),
    wsURL: opt(z.string()),
    /** 0 guest, 1 host. */
    role: opt(int),
    /** Unix milliseconds. */
    expireTime: int,
    userID: opt(z.string()),
    orgID: opt(z.string()),
    participantID: opt(z.string()),
    /** Seconds. */
    confTokenExpireTime: opt(int),
    vmrCurrentConfID: opt(z.string()),
    supportNotifyType: opt(z.array(z.string())),
  }),
  addressToken: opt(secret),
  /** (sic) */
  gloablPublicIP: opt(z.string()),
});
export type ControlTokenResponse = z.output<typeof controlTokenResponseSchema>;

/** GET …/conferences/wsToken: valid one minute, for one connection. */
export const webSocketTokenResponseSchema = z.object({ webSocketToken: secret.refine((token) => !token.isEmpty, 'empty webSocketToken') });

/** Huawei error body; SDK core also tolerates code/message and errorCode/errorMsg. */
export const errorBodySchema = z
  .object({
    error_code: opt(z.string()),
    error_msg: opt(z.string()),
    request_id: opt(z.string()),
    code: opt(z.string()),
    message: opt(z.string()),
    errorCode: opt(z.string()),
    errorMsg: opt(z.string()),
  })
  .transform((raw) => ({
    code: raw.error_code ?? raw.errorCode ?? raw.code,
    message: raw.error_msg ?? raw.errorMsg ?? raw.message,
    requestId: raw.request_id,
  }));

/** The host ("chair") password from passwordEntry, present only when the caller is host or admin. */
export function chairPasswordOf(conference: ConferenceInfo): Secret | undefined {
  const entry = conference.passwordEntry?.find((item) => item.conferenceRole === 'chair');
  return entry && !entry.password.isEmpty ? entry.password : undefined;
}

export function isOngoing(conference: ConferenceInfo): boolean {
  return conference.conferenceState === 'Created';
}

export function waitingRoomEnabled(conference: ConferenceInfo): boolean {
  return conference.confConfigInfo?.enableWaitingRoom === true;
}

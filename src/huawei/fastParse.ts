import { Secret } from './secret.js';
import { parseHuaweiDateTime } from './time.js';
import type { CycleParams, CycleSubConf, ConfConfigInfo, ConferenceInfo, Page, PartAttendee, PasswordEntry, PicDisplay } from './types.js';

/**
 * A hand-written twin of `pageSchema(conferenceInfoSchema)` (types.ts) for the meeting lists. Why by hand: zod
 * spends ~300 µs per ConferenceInfo (a parse context, a status object and a closure per field, most of them for
 * `nullish().transform()`), which made a 500-meeting page cost 150 ms of the bot's CPU; these readers check the
 * same shape in ~6 µs a meeting.
 *
 * The zod schema stays the definition. This twin may only ever be stricter: on any mismatch it gives up, and the
 * caller parses with zod, which either accepts (this twin was too cautious, e.g. a non-plain object) or produces
 * the error message. When both accept, the output is the same, `undefined`-valued keys included (zod sets a key
 * the input had, even when its value became undefined, and leaves out one it lacked); test/huawei/fastParse.test.ts
 * holds them to it. The field tables are typed against the zod output types, so a field added to a schema and
 * not here is a compile error.
 */
type Reader<T> = (value: unknown) => T;
type Fields<T> = { [K in keyof T]-?: Reader<T[K]> };

/** Thrown on the first mismatch and caught in fastConferencePage only: one shared object, no stack to build. */
const mismatch = { mismatch: true };
function fail(): never {
  throw mismatch;
}

const string: Reader<string> = (value) => (typeof value === 'string' ? value : fail());
const int: Reader<number> = (value) => (typeof value === 'number' && Number.isInteger(value) ? value : fail());
const boolean: Reader<boolean> = (value) => (typeof value === 'boolean' ? value : fail());
const unknown: Reader<unknown> = (value) => value;
/** z.union([z.string(), z.number()]).transform(String); z.number() refuses NaN. */
const idText: Reader<string> = (value) => (typeof value === 'string' ? value : typeof value === 'number' && !Number.isNaN(value) ? String(value) : fail());
const secret: Reader<Secret> = (value) => new Secret(string(value));

const dateTime: Reader<Date | undefined> = (value) => {
  const text = string(value);
  if (text.trim() === '') return undefined;
  return parseHuaweiDateTime(text) ?? fail();
};

const mediaTypes: Reader<string[]> = (value) => string(value).split(',').map((part) => part.trim()).filter((part) => part.length > 0);

/** `opt()` of types.ts: null and undefined become undefined. */
function opt<T>(reader: Reader<T>): Reader<T | undefined> {
  return (value) => (value === undefined || value === null ? undefined : reader(value));
}

/** Index by index, as zod's `[...data]` does (a hole reads as undefined). */
function array<T>(reader: Reader<T>): Reader<T[]> {
  return (value) => {
    if (!Array.isArray(value)) return fail();
    const items: T[] = [];
    for (let index = 0; index < value.length; index += 1) items.push(reader(value[index]));
    return items;
  };
}

/** Plain objects only (what JSON.parse makes); zod also takes class instances, so those go to zod. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** z.object's default ("strip"): the known keys only, set when the input had the key or the value is defined. */
function object<T extends object>(fields: Fields<T>): Reader<T> {
  const keys = Object.keys(fields) as Array<keyof T & string>;
  return (value) => {
    if (!isPlainObject(value)) return fail();
    const parsed: Partial<T> = {};
    for (const key of keys) {
      const field = fields[key](value[key]);
      if (field !== undefined || key in value) parsed[key] = field;
    }
    return parsed as T;
  };
}

const passwordEntry = object<PasswordEntry>({ conferenceRole: string, password: secret });

const cycleParams = object<CycleParams>({
  startDate: opt(string),
  endDate: opt(string),
  cycle: opt(string),
  interval: opt(int),
  point: opt(array(int)),
  preRemindDays: opt(int),
});

const confConfigInfo = object<ConfConfigInfo>({
  isSendNotify: opt(boolean),
  isSendSms: opt(boolean),
  isSendCalendar: opt(boolean),
  isAutoMute: opt(boolean),
  isHardTerminalAutoMute: opt(boolean),
  isGuestFreePwd: opt(boolean),
  callInRestriction: opt(int),
  allowGuestStartConf: opt(boolean),
  guestPwd: opt(secret),
  vmrIDType: opt(int),
  prolongLength: opt(int),
  enableWaitingRoom: opt(boolean),
  isHostCameraOn: opt(boolean),
  isGuestCameraOn: opt(boolean),
});

const partAttendee = object<PartAttendee>({
  name: opt(string),
  phone: opt(string),
  phone2: opt(string),
  phone3: opt(string),
  type: opt(string),
  role: opt(int),
  isMute: opt(int),
});

const picDisplay = object<PicDisplay>({
  manualSet: opt(int),
  imageType: opt(string),
  subscriberInPics: opt(array(unknown)),
  switchTime: opt(int),
  picLayoutInfo: opt(unknown),
});

const cycleSubConfConfig = object<NonNullable<CycleSubConf['confConfigInfo']>>({
  callInRestriction: opt(int),
  audienceCallInRestriction: opt(int),
  allowGuestStartConf: opt(boolean),
  joinBeforeHostTime: opt(int),
  allowGuestStartConfTime: opt(int),
  showAudienceCountInfo: opt(unknown),
  enableWaitingRoom: opt(boolean),
});

const cycleSubConf = object<CycleSubConf>({
  cycleSubConfID: opt(string),
  conferenceID: opt(idText),
  mediaType: opt(mediaTypes),
  startTime: opt(dateTime),
  endTime: opt(dateTime),
  isAutoRecord: opt(int),
  confConfigInfo: opt(cycleSubConfConfig),
  recordAuthType: opt(int),
  description: opt(string),
});

const conferenceInfo = object<ConferenceInfo>({
  conferenceID: idText,
  subject: opt(string),
  size: opt(int),
  timeZoneID: opt(idText),
  startTime: opt(dateTime),
  endTime: opt(dateTime),
  mediaTypes: opt(mediaTypes),
  conferenceState: opt(string),
  language: opt(string),
  accessNumber: opt(string),
  passwordEntry: opt(array(passwordEntry)),
  userUUID: opt(string),
  scheduserName: opt(string),
  conferenceType: opt(int),
  confType: opt(string),
  cycleParams: opt(cycleParams),
  isAutoMute: opt(int),
  isAutoRecord: opt(int),
  chairJoinUri: opt(string),
  guestJoinUri: opt(string),
  audienceJoinUri: opt(string),
  recordType: opt(int),
  auxAddress: opt(string),
  liveAddress: opt(string),
  recordAuxStream: opt(int),
  recordAuthType: opt(int),
  liveUrl: opt(string),
  confConfigInfo: opt(confConfigInfo),
  vmrFlag: opt(int),
  isHasRecordFile: opt(boolean),
  vmrConferenceID: opt(string),
  confUUID: opt(string),
  partAttendeeInfo: opt(array(partAttendee)),
  terminlCount: opt(int),
  normalCount: opt(int),
  deptName: opt(string),
  vmrID: opt(string),
  role: opt(string),
  webinar: opt(boolean),
  onlineAttendeeAmount: opt(int),
  multiStreamFlag: opt(int),
  confMode: opt(string),
  scheduleVmr: opt(boolean),
  concurrentParticipants: opt(int),
  supportSimultaneousInterpretation: opt(boolean),
  picDisplay: opt(picDisplay),
  subConfs: opt(array(cycleSubConf)),
  cycleSubConfID: opt(string),
});

const conferencePage = object<Page<ConferenceInfo>>({ offset: int, limit: int, count: int, data: array(conferenceInfo) });

/** The page as `pageSchema(conferenceInfoSchema)` would parse it, or undefined: then parse it with zod. */
export function fastConferencePage(body: unknown): Page<ConferenceInfo> | undefined {
  try {
    return conferencePage(body);
  } catch (error) {
    if (error === mismatch) return undefined;
    throw error;
  }
}

/**
 * Huawei Cloud Meeting time conventions. Meeting start/end travel as "yyyy-MM-dd HH:mm" strings in UTC (the
 * create API says so explicitly; the list/detail pages only give the format). `timeZoneID` is an index into
 * Huawei's own table (API appendix "Time Zone Table", meeting_21_0110), used only for notifications, so we
 * map it to an IANA zone purely for display.
 */
import { dateTimeFormat, isKnownTimeZone } from '../intl.js';

const huaweiDateTime = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** Parses Huawei's "yyyy-MM-dd HH:mm" (UTC). Returns undefined when the text is not a real date-time. */
export function parseHuaweiDateTime(text: string): Date | undefined {
  const match = huaweiDateTime.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  // Date.UTC rolls 2019-02-30 over to March; a round trip catches such impossible dates.
  const roundTrip = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    date.getUTCHours() === hour && date.getUTCMinutes() === minute;
  return roundTrip ? date : undefined;
}

/** Formats a Date the way Huawei expects it on the wire ("yyyy-MM-dd HH:mm", UTC). */
export function toHuaweiDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

export interface HuaweiTimeZone {
  /** Huawei's numeric id, as sent in `timeZoneID`. */
  id: string;
  /** Huawei's own label, e.g. "(GMT+08:00) Beijing, Chongqing, Hong Kong, Urumqi". */
  label: string;
  /** Closest IANA zone, for formatting. */
  ianaZone: string;
}

/**
 * Ids 1–38 as listed on the Huawei page; 56 from the SDK text "北京东8区timeZoneId值为56". The rest of
 * Huawei's table (up to 73) was not retrievable, so unknown ids fall back to the caller's zone.
 */
const timeZoneTable: ReadonlyArray<readonly [string, string, string]> = [
  ['1', '(GMT-12:00) Eniwetok, Kwajalein', 'Etc/GMT+12'],
  ['2', '(GMT-11:00) Midway Island, Samoa', 'Pacific/Pago_Pago'],
  ['3', '(GMT-10:00) Hawaii', 'Pacific/Honolulu'],
  ['4', '(GMT-09:00) Alaska', 'America/Anchorage'],
  ['5', '(GMT-08:00) Pacific Time (US & Canada), Tijuana', 'America/Los_Angeles'],
  ['6', '(GMT-07:00) Arizona', 'America/Phoenix'],
  ['7', '(GMT-07:00) Mountain Time (US & Canada)', 'America/Denver'],
  ['8', '(GMT-06:00) Central America', 'America/Guatemala'],
  ['9', '(GMT-06:00) Central Time (US & Canada)', 'America/Chicago'],
  ['10', '(GMT-06:00) Mexico City', 'America/Mexico_City'],
  ['11', '(GMT-06:00) Saskatchewan', 'America/Regina'],
  ['12', '(GMT-05:00) Bogota, Lima, Quito', 'America/Bogota'],
  ['13', '(GMT-05:00) Eastern Time (US & Canada)', 'America/New_York'],
  ['14', '(GMT-05:00) Indiana (East)', 'America/Indiana/Indianapolis'],
  ['15', '(GMT-04:00) Atlantic Time (Canada)', 'America/Halifax'],
  ['16', '(GMT-04:00) Caracas, La Paz', 'America/Caracas'],
  ['17', '(GMT-04:00) Santiago', 'America/Santiago'],
  ['18', '(GMT-03:30) Newfoundland', 'America/St_Johns'],
  ['19', '(GMT-03:00) Brasilia', 'America/Sao_Paulo'],
  ['20', '(GMT-03:00) Buenos Aires, Georgetown', 'America/Argentina/Buenos_Aires'],
  ['21', '(GMT-03:00) Greenland', 'America/Nuuk'],
  ['22', '(GMT-02:00) Mid-Atlantic', 'Atlantic/South_Georgia'],
  ['23', '(GMT-01:00) Azores', 'Atlantic/Azores'],
  ['24', '(GMT-01:00) Cape Verde Is.', 'Atlantic/Cape_Verde'],
  ['25', '(GMT) Casablanca, Monrovia', 'Africa/Casablanca'],
  ['26', '(GMT) Greenwich Mean Time: Dublin, Edinburgh, Lisbon, London', 'Europe/London'],
  ['27', '(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
  ['28', '(GMT+01:00) Belgrade, Bratislava, Budapest, Ljubljana, Prague', 'Europe/Budapest'],
  ['29', '(GMT+01:00) Brussels, Copenhagen, Madrid, Paris', 'Europe/Paris'],
  ['30', '(GMT+01:00) Sarajevo, Skopje, Sofija, Warsaw, Zagreb', 'Europe/Warsaw'],
  ['31', '(GMT+01:00) West Central Africa', 'Africa/Lagos'],
  ['32', '(GMT+02:00) Athens, Istanbul, Vilnius', 'Europe/Athens'],
  ['33', '(GMT+02:00) Bucharest', 'Europe/Bucharest'],
  ['34', '(GMT+02:00) Cairo', 'Africa/Cairo'],
  ['35', '(GMT+02:00) Harare, Pretoria', 'Africa/Johannesburg'],
  ['36', '(GMT+02:00) Helsinki, Riga, Tallinn', 'Europe/Helsinki'],
  ['37', '(GMT+02:00) Jerusalem', 'Asia/Jerusalem'],
  ['38', '(GMT+03:00) Baghdad', 'Asia/Baghdad'],
  ['56', '(GMT+08:00) Beijing, Chongqing, Hong Kong, Urumqi', 'Asia/Shanghai'],
];

const timeZonesById = new Map(timeZoneTable.map(([id, label, ianaZone]) => [id, { id, label, ianaZone }]));

/** All Huawei time-zone ids this module knows. */
export function knownHuaweiTimeZones(): HuaweiTimeZone[] {
  return [...timeZonesById.values()];
}

/** Maps Huawei's numeric `timeZoneID` ("56") to its label and an IANA zone; undefined when unknown. */
export function huaweiTimeZone(id: string | number | undefined): HuaweiTimeZone | undefined {
  if (id === undefined) return undefined;
  return timeZonesById.get(String(id).trim());
}

export function isValidTimeZone(timeZone: string): boolean {
  return isKnownTimeZone(timeZone);
}

export interface FormatOptions {
  /** IANA zone to show the time in, e.g. the Teams user's zone. Default UTC. */
  timeZone?: string;
  /** BCP 47 locale, e.g. "en-US" or "zh-CN". Default en-US. */
  locale?: string;
}

function formatter(options: FormatOptions): Intl.DateTimeFormat {
  const timeZone = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}"; expected an IANA name such as "Asia/Shanghai"`);
  return dateTimeFormat(options.locale ?? 'en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
}

/** "Dec 18, 2019, 15:28 GMT+8" for a meeting time shown in the given zone. */
export function formatMeetingTime(date: Date, options: FormatOptions = {}): string {
  return formatter(options).format(date);
}

/** "Dec 18, 2019, 15:28 – 17:28 GMT+8"; just the start when there is no end. */
export function formatMeetingWindow(start: Date | undefined, end: Date | undefined, options: FormatOptions = {}): string {
  if (!start) return end ? formatMeetingTime(end, options) : '';
  if (!end || end.getTime() < start.getTime()) return formatMeetingTime(start, options);
  const key = `${start.getTime()} ${end.getTime()} ${options.timeZone ?? ''} ${options.locale ?? ''}`;
  const known = formattedWindows.get(key);
  if (known !== undefined) return known;
  const text = formatter(options).formatRange(start, end);
  if (formattedWindows.size >= maxFormattedWindows) formattedWindows.clear();
  formattedWindows.set(key, text);
  return text;
}

/**
 * Windows already formatted: `formatRange` costs tens of microseconds a call (ICU builds an interval pattern each
 * time), the largest single item in a ten-meeting list card, and a listing shows the same meetings again and again.
 * Bounded; past the bound it starts over.
 */
const formattedWindows = new Map<string, string>();
const maxFormattedWindows = 4096;

/**
 * The zone to display a meeting in: the viewer's own zone when known, else the zone the organiser chose
 * (Huawei `timeZoneID`), else UTC.
 */
export function displayTimeZone(meeting: { timeZoneID?: string }, viewerTimeZone?: string): string {
  if (viewerTimeZone && isValidTimeZone(viewerTimeZone)) return viewerTimeZone;
  return huaweiTimeZone(meeting.timeZoneID)?.ianaZone ?? 'UTC';
}

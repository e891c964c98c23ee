import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The recognizer resolves times as wall-clock ISO strings in the person's zone; ones with an offset are absolute. */
const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** A wall-clock "2026-11-21T15:00:00" in `timeZone` as an instant; undefined when it is not a date-time. */
export function instantIn(text: string, timeZone: string): Date | undefined {
  const parsed = hasOffset.test(text) ? dayjs(text) : dayjs.tz(text, timeZone);
  return parsed.isValid() ? parsed.toDate() : undefined;
}

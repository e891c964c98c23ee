import { Culture, DateTimeOptions, DateTimeRecognizer, type IDateTimeModel } from '@microsoft/recognizers-text-date-time';
import type { Language } from './recognition.js';
import { chineseDigit } from './text.js';

/** Start/end times found in a sentence by Microsoft Recognizers-Text, as local ISO 8601 strings. */
export interface TimeFound {
  startTime?: string;
  endTime?: string;
  /** The words that expressed the time, so callers can cut them out of a subject. */
  spans: string[];
  trace: string;
}

// Recognizers-Text costs milliseconds per call, so it only runs when the sentence can contain a time at all.
const TIME_HINT_EN = /\d|\b(?:today|tomorrow|tonight|noon|midnight|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|next week|week|hour|minutes?)\b/iu;
const TIME_HINT_ZH = /[0-9一二三四五六七八九十两]|今天|明天|后天|上午|下午|晚上|中午|周|星期|点|小时/u;

const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|(?:周|星期|礼拜)[一二三四五六日天]/iu;

const FREQUENCY_WORD = /^(?:bi-?)?(?:hourly|daily|weekly|monthly|quarterly|yearly|annually)$|^每(?:天|日|周|星期|月|季度?|年)$/iu;

interface ResolutionValue {
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

// 明天下午两点，一个小时: a length said as a clause of its own stays apart (joined, 两点一 reads as 2:01).
const CHINESE_DURATION = /^\s*(?:[一二两三四五六七八九十\d]+|半)\s*个?\s*半?\s*(?:小时|钟头|分钟)/u;

// "Design crit 2, june 7 at 10am": a number ending the clause before a month and its own day is part of a name, not
// the day of that month (Recognizers-Text read "2, june" as 2 June). It is blanked, keeping the length.
const MONTH_AND_DAY_EN = /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b/iu;

function numberBeforeADate(clause: string, index: number, clauses: readonly string[]): string {
  const next = clauses[index + 1];
  return next !== undefined && MONTH_AND_DAY_EN.test(next) ? clause.replace(/(?<=\s)\d{1,2}(?=,\s*$)/u, (digits) => ' '.repeat(digits.length)) : clause;
}

function halfHoursAsMinutes(text: string, restored: Map<string, string>): string {
  const asMinutes = (said: string, minutes: number): string => {
    const written = `${minutes}分钟`;
    restored.set(written, said);
    return written;
  };
  return text
    .replace(/([一二两三四五六七八九十]|\d{1,2})个半(?:小时|钟头)/gu, (said, hours: string) => asMinutes(said, (chineseDigit(hours) ?? Number(hours)) * 60 + 30))
    .replace(/(?<![一二两三四五六七八九十\d个])半个?小时/gu, (said) => asMinutes(said, 30));
}

/** Clauses joined again with one space between them, as typed, so that a time across a comma is found as typed. */
function joinAsTyped(clauses: readonly string[]): string {
  return clauses.reduce((joined, clause) => (joined === '' || /^\s/u.test(clause) ? joined + clause : `${joined} ${clause}`), '');
}

export function findTimes(input: string, language: Language, now: Date): TimeFound {
  const hint = language === 'zh' ? TIME_HINT_ZH : TIME_HINT_EN;
  if (!hint.test(input)) {
    return { spans: [], trace: 'no time words' };
  }
  // Its cost grows with the text (≈ 4 ms for a short clause, 16 ms for three), so it reads only the clauses that
  // can hold a time: "create a meeting called Town hall at 5pm, open to everyone, and let phone users bypass the lobby".
  // The spans must be the words as typed, since the subject is cut at them: a rewritten range is given back.
  const restored = new Map<string, string>();
  // "1:1 Ana/Marco": a one-on-one is no time of night. A run of nine digits or more (a meeting id) is no time either,
  // and the library tries a long one as a number at every position (470 digits: ~0.3 s): both are blanked, keeping
  // the length so the spans given back are still the words as typed.
  const text = input.replace(/(?<![\d:])1:1(?![\d:])/gu, '   ').replace(/\d{9,}/gu, (digits) => ' '.repeat(digits.length));
  // 半个小时 (half an hour) and 一个半小时 (an hour and a half) are lengths Recognizers-Text does not read (it read the
  // second as half an hour); said in minutes, it does.
  const halves = language === 'zh' ? halfHoursAsMinutes(text, restored) : text;
  const split = (language === 'zh' ? chineseRange(halves, restored) : englishRange(text, restored)).split(/(?<=[,;，；。])/u);
  const clauses = (language === 'zh' ? split : split.map(numberBeforeADate)).filter((clause) => hint.test(clause)).map((clause) => fromHint(clause, hint));
  // Chinese clauses join without a space, so "明天，下午两点" reads as one time.
  const results = recognizeSafely((language === 'zh' ? clauses.map((clause) => clause.replace(/[,;，；。]\s*$/u, '')).map((clause, i) => (i > 0 && CHINESE_DURATION.test(clause) ? `，${clause}` : clause)).join('') : joinAsTyped(clauses)).replace(/[,;，；。]\s*$/u, ''), language === 'zh' ? Culture.Chinese : Culture.English, now);
  const found: TimeFound = { spans: [], trace: '' };
  // A meeting starts at a moment: "Q3" or "this year" (date ranges) name no start time, and a bare date only
  // counts when no clock time was said.
  const clockTypes = ['datetimeV2.datetime', 'datetimeV2.time', 'datetimeV2.datetimerange', 'datetimeV2.timerange'];
  const hasClockTime = results.some((r) => clockTypes.includes(r.typeName));
  let durationSeconds: number | undefined;
  // "on monday from 1:30 to 2:30pm": the day and the clock range come back as two results; the range is put on the day.
  let day: { date: string; span: string } | undefined;
  let clockOnly = false;
  for (const result of results) {
    const values = readValues(result.resolution);
    const type = result.typeName.replace('datetimeV2.', '');
    if (type === 'date' && hasClockTime && !day) {
      const date = toIso(pickFuture(values, now)?.value, now);
      if (date && /^\d{4}-\d{2}-\d{2}$/u.test(date)) day = { date: laterWeekday(date, result.text, now), span: result.text };
    }
    if (type === 'duration') {
      const seconds = Number(values[0]?.value);
      durationSeconds = Number.isFinite(seconds) ? seconds : undefined;
      found.spans.push(result.text);
      continue;
    }
    // "Weekly sync", "Quarterly review", 每周例会: a how-often word is part of the meeting's name (one meeting is booked).
    if (type === 'set' && FREQUENCY_WORD.test(result.text)) {
      continue;
    }
    const chosen = pickFuture(values, now);
    if (!chosen || found.startTime || type === 'daterange' || (type === 'date' && hasClockTime)) {
      continue;
    }
    found.spans.push(result.text);
    clockOnly = type === 'time' || type === 'timerange';
    if (type === 'datetimerange' || type === 'timerange') {
      found.startTime = toIso(chosen.start, now);
      found.endTime = toIso(chosen.end, now);
      // "on wednesday from 9 to 10am" said on a Wednesday: next week's, like a weekday with one time below.
      const start = found.startTime?.slice(0, 10);
      const later = start && found.startTime?.includes('T') ? laterWeekday(start, result.text, now) : start;
      if (later && later !== start) {
        found.startTime = `${later}${found.startTime?.slice(10) ?? ''}`;
        found.endTime = found.endTime?.includes('T') ? formatLocal(new Date(parseLocal(found.endTime).getTime() + 7 * 86_400_000)) : found.endTime;
      }
    } else if (type === 'datetime' || type === 'time' || type === 'date') {
      found.startTime = toIso(chosen.value, now);
      // "on Friday" (or "周五下午三点") said on a Friday means next week's: a colleague meaning today says "today"
      // or "this Friday".
      const said = found.startTime ? parseLocal(found.startTime) : undefined;
      const today = found.startTime?.slice(0, 10) === formatLocal(now).slice(0, 10);
      const thisOne = /\bthis\b|本|这个?(?=周|星期|礼拜)|今天/iu.test(result.text);
      if (said && WEEKDAY.test(result.text) && ((today && !thisOne) || said.getTime() < now.getTime())) {
        said.setDate(said.getDate() + 7);
        found.startTime = type === 'date' ? formatLocal(said).slice(0, 10) : formatLocal(said);
      }
    }
  }
  if (day && clockOnly && found.startTime?.includes('T')) {
    found.startTime = `${day.date}${found.startTime.slice(10)}`;
    found.endTime = found.endTime?.includes('T') ? `${day.date}${found.endTime.slice(10)}` : found.endTime;
    found.spans.unshift(day.span);
  }
  if (found.startTime && !found.endTime && durationSeconds !== undefined && found.startTime.includes('T')) {
    found.endTime = formatLocal(new Date(parseLocal(found.startTime).getTime() + durationSeconds * 1000));
  }
  found.spans = found.spans.map((span) => [...restored].reduce((typed, [rewritten, original]) => typed.replace(rewritten, original), span));
  found.trace = found.spans.length > 0 ? `time "${found.spans.join('", "')}" → start ${found.startTime ?? '-'}, end ${found.endTime ?? '-'}` : 'no time found';
  return found;
}

/**
 * "10-11:30am", "1:30-2pm", "from 1 to 2:30pm", "from 9 to 10:30 tomorrow": a clock range whose am/pm is said once
 * (at its end) or not at all. Recognizers-Text reads the start without it (1:30 at night), drops the end's minutes
 * after a date ("nov 20 from 1pm to 2"), or keeps only the end ("10:30 tomorrow"); it reads "1:00pm to 2:30pm"
 * right. So the range is rewritten that way: the start takes the end's half of the day — or the other half when it
 * is the larger hour ("11-1pm" starts at 11am) — and a range with no half at all is read as office hours (7–11 in
 * the morning, 12–6 in the afternoon; "this afternoon 1 to 2" in the afternoon).
 */
function englishRange(text: string, restored: Map<string, string>): string {
  const rewrite = (whole: string, startHour: string, startMinutes: string | undefined, dash: string, endHour: string, endMinutes: string | undefined, half: 'a' | 'p'): string => {
    const start = Number(startHour) % 12;
    const end = Number(endHour) % 12;
    const startHalf = start <= end ? half : half === 'a' ? 'p' : 'a';
    const rewritten = `${startHour}${startMinutes ?? ':00'}${startHalf}m ${/^-|–$/u.test(dash) ? 'to' : dash} ${endHour}${endMinutes ?? ':00'}${half}m`;
    restored.set(rewritten, whole);
    return rewritten;
  };
  const withHalf = text.replace(/\b(\d{1,2})(:\d{2})?\s*(-|–|to)\s*(\d{1,2})(:\d{2})?\s*([ap])\.?m\b\.?/giu, (whole: string, startHour: string, startMinutes: string | undefined, dash: string, endHour: string, endMinutes: string | undefined, half: string) =>
    (Number(startHour) > 12 || Number(endHour) > 12 ? whole : rewrite(whole, startHour, startMinutes, dash, endHour, endMinutes, half.toLowerCase() === 'a' ? 'a' : 'p')));
  const afternoon = /\b(?:afternoon|evening|tonight)\b/iu.test(text);
  // Without am/pm only where a range is plainly meant: after "from", or after a day or part of the day.
  return withHalf.replace(/\b(?<=(?:from|afternoon|morning|evening|tomorrow|today|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri) )(\d{1,2})(:\d{2})?\s*(-|–|to|until|till)\s*(\d{1,2})(:\d{2})?\b(?!\s*(?:[ap]\.?m\b|:\d|\d|[ap]\.?m\.))/giu,
    (whole: string, startHour: string, startMinutes: string | undefined, dash: string, endHour: string, endMinutes: string | undefined) => {
      const end = Number(endHour);
      if (Number(startHour) > 12 || end > 12) return whole;
      const half = afternoon || end === 12 || end <= 6 ? 'p' : 'a';
      return rewrite(whole, startHour, startMinutes, dash, endHour, endMinutes, half);
    });
}

/**
 * Chinese times as Recognizers-Text reads them: "下午两点开始，三点结束" is the range "下午两点到三点"; the short
 * forms 明早, 今早, 明晚 are spelled out (its Chinese time parser throws on "明早九点"), and remembered, so the span
 * given back is the words as typed and a subject is cut at them ("团队建设 明早九点" is 团队建设).
 */
function chineseRange(text: string, restored: Map<string, string>): string {
  return text
    .replace(/开始\s*[，,]?\s*(?:到)?([^，,。；;]{1,10}?)(?:结束|为止)/u, '到$1')
    .replace(/(今|明|后)(早|晚)(?=[上]?[0-9一二三四五六七八九十两])/gu, (short: string, day: string, part: string) => {
      const spelled = `${day === '今' ? '今天' : day === '明' ? '明天' : '后天'}${part === '早' ? '早上' : '晚上'}`;
      restored.set(spelled, short);
      return spelled;
    });
}

type Recognized = ReturnType<IDateTimeModel['parse']>;

/**
 * The library's own `recognizeDateTime` builds a recognizer per call; a model is stateless between calls (it takes
 * the reference time as an argument), so each language's is built once, on first use.
 */
const models = new Map<string, IDateTimeModel>();

function recognizeDateTime(text: string, culture: string, now: Date): Recognized {
  let model = models.get(culture);
  if (!model) {
    model = new DateTimeRecognizer(culture, DateTimeOptions.None).getDateTimeModel(culture, false);
    models.set(culture, model);
  }
  return model.parse(text, now);
}

/**
 * Recognizers-Text throws on some inputs (its Chinese parser on "早会", a morning meeting's name): then each clause
 * and word group is read on its own, and the ones it cannot read hold no time — a sentence is never an error.
 */
function recognizeSafely(text: string, culture: string, now: Date): Recognized {
  try {
    return recognizeDateTime(text, culture, now);
  } catch {
    return text.split(/[\s,;，；]+/u).filter(Boolean).flatMap((part) => {
      try {
        return recognizeDateTime(part, culture, now);
      } catch {
        return [];
      }
    });
  }
}

/** The clause from three words before its first time word: what comes earlier ("could you please book a meeting named …") holds no time. */
function fromHint(clause: string, hint: RegExp): string {
  const at = hint.exec(clause)?.index ?? 0;
  const before = clause.slice(0, at).split(/(?<=\s)/u);
  return (before.length > 4 ? before.slice(-4).join('') + clause.slice(at) : clause).slice(0, LONGEST_TIME_CLAUSE);
}

// A said time fits in far fewer characters; the library's cost grows faster than the text (a clause of "3pm 3pm …"
// 400 characters long: ~120 ms), so no more than this of a clause is read.
const LONGEST_TIME_CLAUSE = 200;

function readValues(resolution: unknown): ResolutionValue[] {
  if (typeof resolution !== 'object' || resolution === null || !('values' in resolution) || !Array.isArray(resolution.values)) {
    return [];
  }
  return resolution.values.filter((value): value is ResolutionValue => typeof value === 'object' && value !== null);
}

/** Ambiguous times ("at 3", "Friday") resolve to several values; a meeting is planned for the future. */
function pickFuture(values: ResolutionValue[], now: Date): ResolutionValue | undefined {
  const usable = values.filter((value) => value.value !== undefined || value.start !== undefined);
  const future = usable.filter((value) => {
    const text = value.value ?? value.start;
    return text !== undefined && parseLocal(toIso(text, now) ?? '').getTime() >= now.getTime();
  });
  // "tomorrow at 4" comes back as 04:00 and 16:00: a meeting is at the one in office hours, as a colleague hears it.
  const officeHours = future.length > 1 ? future.find((value) => inOfficeHours(value.value ?? value.start ?? '')) : undefined;
  return officeHours ?? future[0] ?? usable[usable.length - 1];
}

const OFFICE_HOURS = { from: 8, to: 18 };

function inOfficeHours(value: string): boolean {
  const hour = /(?:^|[ T])(\d{2}):\d{2}(?::\d{2})?$/u.exec(value)?.[1];
  return hour !== undefined && Number(hour) >= OFFICE_HOURS.from && Number(hour) <= OFFICE_HOURS.to;
}

/** "2025-01-16 15:00:00" → "2025-01-16T15:00:00"; a bare time "16:30:00" → its next occurrence. */
function toIso(value: string | undefined, now: Date): string | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/u.test(value)) {
    return value.replace(' ', 'T');
  }
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
    return value;
  }
  const time = /^(\d{2}):(\d{2}):(\d{2})$/u.exec(value);
  if (time) {
    const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Number(time[1]), Number(time[2]), Number(time[3]));
    if (at.getTime() < now.getTime()) {
      at.setDate(at.getDate() + 1);
    }
    return formatLocal(at);
  }
  return undefined;
}

/** A weekday said alone on that very day, or one already past, means next week's (as for a date with a time above). */
function laterWeekday(date: string, said: string, now: Date): string {
  const today = formatLocal(now).slice(0, 10);
  if (!WEEKDAY.test(said) || /\bthis\b|本|这个?(?=周|星期|礼拜)|今天/iu.test(said) || date > today) {
    return date;
  }
  const next = parseLocal(date);
  next.setDate(next.getDate() + 7);
  return formatLocal(next).slice(0, 10);
}

function parseLocal(iso: string): Date {
  const parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/u.exec(iso);
  if (!parts) {
    return new Date(Number.NaN);
  }
  return new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]), Number(parts[4] ?? 0), Number(parts[5] ?? 0), Number(parts[6] ?? 0));
}

function formatLocal(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

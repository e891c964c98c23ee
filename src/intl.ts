/**
 * Intl.DateTimeFormat instances, made once per locale and options. Building one loads locale and time-zone data
 * (tens of microseconds each); the command-load profile showed the meeting cards doing it per meeting and per
 * render. The cache is bounded because the zone can come from a client (`localTimezone`): past the bound it starts
 * over, which only costs the rebuilds.
 */
const maxEntries = 512;
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Constructed before it is stored: an unknown zone throws RangeError here and nothing is cached.
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= maxEntries) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** True for a time zone Intl knows (IANA names, case-insensitively, and offsets such as "+08:00"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Meetings named by subject or id: exact matches win; otherwise every meeting whose subject contains the words. A
 * Chinese name said with its kind after it ("季度复盘会", "季度复盘会议") finds the meeting named without it, unless one
 * is named so.
 */
export function matchMeetings<T extends { subject: string; meetingId?: string; key?: string; uri?: string }>(query: string, meetings: readonly T[]): T[] {
  const wanted = query.trim().toLowerCase().replace(/^(?:the|my)\s+/, '').replace(/\s+meeting$/, '');
  if (!wanted) return [];
  const found = matchWanted(wanted, meetings);
  if (found.length > 0) return found;
  const withoutKind = wanted.replace(/(?<=\p{Script=Han}{2})(?:会议|会)$/u, '');
  return withoutKind === wanted ? [] : matchWanted(withoutKind, meetings);
}

function matchWanted<T extends { subject: string; meetingId?: string; key?: string; uri?: string }>(wanted: string, meetings: readonly T[]): T[] {
  const exact = meetings.filter(
    (meeting) => meeting.subject.toLowerCase() === wanted || meeting.meetingId?.toLowerCase() === wanted || (meeting.key ?? meeting.uri ?? '').toLowerCase() === wanted,
  );
  if (exact.length > 0) return exact;
  return meetings.filter((meeting) => meeting.subject.toLowerCase().includes(wanted));
}

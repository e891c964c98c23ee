/** Meetings named by subject or id: exact matches win; otherwise every meeting whose subject contains the words. */
export function matchMeetings<T extends { subject: string; meetingId?: string; key?: string; uri?: string }>(query: string, meetings: readonly T[]): T[] {
  const wanted = query.trim().toLowerCase().replace(/^(?:the|my)\s+/, '').replace(/\s+meeting$/, '');
  if (!wanted) return [];
  const exact = meetings.filter(
    (meeting) => meeting.subject.toLowerCase() === wanted || meeting.meetingId?.toLowerCase() === wanted || (meeting.key ?? meeting.uri ?? '').toLowerCase() === wanted,
  );
  if (exact.length > 0) return exact;
  return meetings.filter((meeting) => meeting.subject.toLowerCase().includes(wanted));
}

import type { UcwaSession } from '../ucwa/index.js';

/** A meeting the organizer can watch, as plain data (kept in dialog state while asking "which one?"). */
export interface MeetingChoice {
  uri: string;
  subject: string;
  meetingId?: string;
  /** Not one of the person's own meetings: reached by its address, watched only if they lead it. */
  led?: boolean;
}

/** The organizer's own meetings (myOnlineMeetings and the assigned one): the only ones whose lobby they run. */
export async function organizerMeetings(session: UcwaSession): Promise<MeetingChoice[]> {
  const list = await session.meetings.list();
  const choices: MeetingChoice[] = [];
  for (const meeting of [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings]) {
    if (!meeting.onlineMeetingUri || choices.some((choice) => choice.uri === meeting.onlineMeetingUri)) continue;
    choices.push({ uri: meeting.onlineMeetingUri, subject: meeting.subject?.trim() || meeting.onlineMeetingId || meeting.onlineMeetingUri, meetingId: meeting.onlineMeetingId });
  }
  return choices;
}

/** Meetings named by subject or id: exact matches win; otherwise every meeting whose subject contains the words. */
export function matchMeetings<T extends Pick<MeetingChoice, 'subject' | 'meetingId' | 'uri'>>(query: string, meetings: readonly T[]): T[] {
  const wanted = query.trim().toLowerCase().replace(/^(?:the|my)\s+/, '').replace(/\s+meeting$/, '');
  if (!wanted) return [];
  const exact = meetings.filter(
    (meeting) => meeting.subject.toLowerCase() === wanted || meeting.meetingId?.toLowerCase() === wanted || meeting.uri.toLowerCase() === wanted,
  );
  if (exact.length > 0) return exact;
  return meetings.filter((meeting) => meeting.subject.toLowerCase().includes(wanted));
}

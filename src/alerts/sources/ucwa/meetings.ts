import type { UcwaSession } from '../../../ucwa/index.js';

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


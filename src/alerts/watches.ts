import { UcwaError, type UcwaSession } from '../ucwa/index.js';
import type { EventChannels } from './channels.js';
import { expireOnSignInFailure, isGone, organizerSession, type AlertsContext, type Organizer, type OrganizerContext } from './context.js';
import { matchMeetings, organizerMeetings, type MeetingChoice } from './meetings.js';
import type { WatchedMeeting, WatchRecord } from './records.js';

export type WatchResult =
  | { kind: 'watching'; meetings: WatchedMeeting[] }
  | { kind: 'ambiguous'; choices: MeetingChoice[] }
  | { kind: 'notFound' }
  | { kind: 'notSignedIn' };

/**
 * Each organizer's watch list, and their UCWA application kept joined to the meetings on it: joining is what
 * makes the meeting's lobby events reach the organizer's event channel.
 */
export class Watches {
  /** conversation href → meeting uri, learned on join or by asking the conversation. */
  private readonly conversationMeetings = new Map<string, string>();

  constructor(
    private readonly context: AlertsContext,
    private readonly channels: EventChannels,
  ) {}

  async watch(user: OrganizerContext, target: { meeting?: string; all?: boolean; uri?: string }): Promise<WatchResult> {
    const session = await organizerSession(this.context, user);
    if (!session) return { kind: 'notSignedIn' };
    const meetings = await organizerMeetings(session);
    let chosen: MeetingChoice[];
    if (target.uri) chosen = meetings.filter((meeting) => meeting.uri === target.uri);
    else if (target.all) chosen = meetings;
    else chosen = matchMeetings(target.meeting ?? '', meetings);
    if (chosen.length === 0) return { kind: 'notFound' };
    if (chosen.length > 1 && !target.all) return { kind: 'ambiguous', choices: chosen };
    this.channels.open(user.id, session);
    const watched = await this.underLock(user.id, async () => {
      const record = (await this.context.records.watch(user.id)) ?? newWatch(user);
      record.upn = user.upn ?? record.upn;
      record.name = user.name ?? record.name;
      record.language = user.language;
      record.timeZone = user.timeZone;
      for (const choice of chosen) {
        let entry = record.meetings.find((meeting) => meeting.uri === choice.uri);
        if (!entry) {
          entry = { uri: choice.uri, subject: choice.subject, meetingId: choice.meetingId };
          record.meetings.push(entry);
        }
        await this.ensureJoined(session, entry);
      }
      await this.context.records.saveWatch(record);
      return record.meetings.filter((meeting) => chosen.some((choice) => choice.uri === meeting.uri));
    });
    return { kind: 'watching', meetings: watched };
  }

  /** Leaves the matching meetings; returns the ones no longer watched. */
  async unwatch(user: Organizer, target: { meeting?: string; all?: boolean }): Promise<WatchedMeeting[]> {
    const session = await organizerSession(this.context, user);
    return this.underLock(user.id, async () => {
      const record = await this.context.records.watch(user.id);
      if (!record) return [];
      const leaving = target.all ? [...record.meetings] : matchMeetings(target.meeting ?? '', record.meetings);
      for (const meeting of leaving) {
        if (session && meeting.conversationHref) {
          await session.lobby
            .leave(meeting.conversationHref)
            .catch((error: unknown) => this.context.logger.info({ err: error }, 'leaving the meeting failed; it may have ended'));
        }
      }
      record.meetings = record.meetings.filter((meeting) => !leaving.includes(meeting));
      if (record.meetings.length === 0) {
        await this.context.records.deleteWatch(user.id);
        this.channels.close(user.id);
      } else {
        await this.context.records.saveWatch(record);
      }
      return leaving;
    });
  }

  async watched(user: Pick<Organizer, 'id'>): Promise<WatchedMeeting[]> {
    return (await this.context.records.watch(user.id))?.meetings ?? [];
  }

  /** Sends one meeting's alerts to a channel or group chat; watches the meeting first when needed. */
  async routeHere(user: OrganizerContext, meeting: string, conversationId: string): Promise<WatchResult> {
    const existing = matchMeetings(meeting, await this.watched(user));
    const result = existing.length === 1 ? { kind: 'watching' as const, meetings: existing } : await this.watch(user, { meeting });
    if (result.kind !== 'watching') return result;
    const uri = result.meetings[0]!.uri;
    const meetings = await this.underLock(user.id, async () => {
      const record = await this.context.records.watch(user.id);
      const entry = record?.meetings.find((candidate) => candidate.uri === uri);
      if (!record || !entry) return [];
      entry.alertConversationId = conversationId;
      await this.context.records.saveWatch(record);
      return [entry];
    });
    return { kind: 'watching', meetings };
  }

  /** Forgets the whole watch list (sign-out). */
  async forget(userId: string): Promise<void> {
    await this.underLock(userId, () => this.context.records.deleteWatch(userId));
  }

  /** Joins every watched meeting again where our conversation died; stops at an expired sign-in. */
  async rejoinAll(userId: string, session: UcwaSession): Promise<void> {
    await this.underLock(userId, async () => {
      const record = await this.context.records.watch(userId);
      if (!record) return;
      for (const meeting of record.meetings) {
        try {
          await this.ensureJoined(session, meeting);
        } catch (error) {
          if (await expireOnSignInFailure(this.context, userId, error)) return;
          this.context.logger.warn({ err: error, meeting: meeting.subject }, 'could not re-join a watched meeting');
        }
      }
      await this.context.records.saveWatch(record);
    });
  }

  /** The watched meeting a lobby event's conversation belongs to, asking the conversation when it is new to us. */
  async meetingOf(session: UcwaSession, record: WatchRecord, conversationHref: string): Promise<WatchedMeeting | undefined> {
    const known = record.meetings.find((meeting) => meeting.conversationHref === conversationHref);
    if (known) return known;
    let uri = this.conversationMeetings.get(conversationHref);
    if (!uri) {
      uri = (await session.lobby.onlineMeeting(conversationHref)).onlineMeetingUri;
      if (uri) this.conversationMeetings.set(conversationHref, uri);
    }
    return record.meetings.find((meeting) => meeting.uri === uri);
  }

  /** Joins unless our conversation in the meeting is still alive (it dies with the application, or on `resume`). */
  private async ensureJoined(session: UcwaSession, meeting: WatchedMeeting): Promise<void> {
    if (meeting.conversationHref && (await this.stillJoined(session, meeting.conversationHref))) {
      this.conversationMeetings.set(meeting.conversationHref, meeting.uri);
      return;
    }
    const joined = await session.lobby.join(meeting.uri);
    if (!joined.conversationHref) {
      throw new UcwaError({ code: 'InvalidResponse', message: 'the join did not link a conversation in time', userMessage: `I could not join ${meeting.subject} in time. Please try again.` });
    }
    meeting.conversationHref = joined.conversationHref;
    this.conversationMeetings.set(joined.conversationHref, meeting.uri);
  }

  private async stillJoined(session: UcwaSession, conversationHref: string): Promise<boolean> {
    try {
      const conversation = await session.lobby.conversation(conversationHref);
      return conversation.state !== 'Disconnected' && conversation.state !== 'Disconnecting';
    } catch (error) {
      if (isGone(error)) return false;
      throw error;
    }
  }

  /** Watch lists are read, changed and written back whole, so changes to one organizer's list take turns. */
  private underLock<T>(userId: string, work: () => Promise<T>): Promise<T> {
    return this.context.locks.run(`watch:${userId}`, work);
  }
}

function newWatch(user: OrganizerContext): WatchRecord {
  return { teamsUserId: user.id, upn: user.upn, name: user.name, language: user.language, timeZone: user.timeZone, meetings: [] };
}

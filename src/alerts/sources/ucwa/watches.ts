import { isSignInFailure } from '../../../sfb/accounts.js';
import { retryStorage } from '../../../storage/retry.js';
import { UcwaError, type UcwaReason, type UcwaSession } from '../../../ucwa/index.js';
import { matchMeetings } from '../../meetings.js';
import type { Organizer, OrganizerContext } from '../../people.js';
import { isGone, type UcwaLobbyContext } from './context.js';
import { organizerMeetings, type MeetingChoice } from './meetings.js';
import type { WatchedMeeting, WatchRecord } from './records.js';

/** Why a meeting could not be joined (so its lobby cannot be watched). */
export type JoinProblem =
  /** The invitation completed without success; `reason` is the server's, when it gave one. */
  | { kind: 'joinFailed'; subject: string; reason?: UcwaReason }
  /** Neither the event channel nor the invitation named our conversation within the wait. */
  | { kind: 'joinTimedOut'; subject: string }
  /** Joined someone else's meeting by its address, but as an attendee: only leaders see and run the lobby. */
  | { kind: 'notLeader'; subject: string };

/** What a re-join came to: the meetings joined now (their lobbies can be read), and whether that is all of them. */
export interface Rejoined {
  joinedAll: boolean;
  joined: WatchedMeeting[];
  record?: WatchRecord;
}

export type WatchResult =
  | { kind: 'watching'; meetings: WatchedMeeting[] }
  | { kind: 'ambiguous'; choices: MeetingChoice[] }
  | { kind: 'notFound' }
  | { kind: 'notSignedIn' }
  | JoinProblem;

/** The focus id at the end of an onlineMeetingUri: the best name for a meeting until its subject is known. */
const idOfUri = (uri: string): string => /focus:id:([A-Za-z0-9]+)/i.exec(uri)?.[1] ?? uri;
const sameUri = (a: string, b: string): boolean => a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();

/**
 * Each organizer's watch list, and their UCWA application kept joined to the meetings on it: joining is what
 * makes the meeting's lobby events reach the organizer's event channel.
 */
export class Watches {
  /** conversation href → meeting uri, learned on join or by asking the conversation. */
  private readonly conversationMeetings = new Map<string, string>();

  constructor(private readonly context: UcwaLobbyContext) {}

  /**
   * `uri`: a meeting picked from our own list, or (with `led`) the onlineMeetingUri of someone else's meeting the
   * person named by its address: UCWA lists only the organizer's own meetings, so a leader reaches theirs by joining
   * it, and the join tells whether they lead it.
   */
  async watch(user: OrganizerContext, target: { meeting?: string; all?: boolean; uri?: string; led?: boolean }): Promise<WatchResult> {
    const session = await this.context.sfb.session(user);
    if (!session) return { kind: 'notSignedIn' };
    const meetings = await organizerMeetings(session);
    let chosen: MeetingChoice[];
    if (target.uri) chosen = meetings.filter((meeting) => sameUri(meeting.uri, target.uri!));
    else if (target.all) chosen = meetings;
    else chosen = matchMeetings(target.meeting ?? '', meetings);
    if (chosen.length === 0 && target.uri && target.led) {
      const known = (await this.watched(user)).find((meeting) => sameUri(meeting.uri, target.uri!));
      chosen = [{ uri: known?.uri ?? target.uri, subject: known?.subject ?? idOfUri(target.uri), meetingId: known?.meetingId, led: true }];
    }
    if (chosen.length === 0) return { kind: 'notFound' };
    if (chosen.length > 1 && !target.all) return { kind: 'ambiguous', choices: chosen };
    this.context.sfb.open(user.id, session);
    return this.underLock(user.id, async () => {
      const record = (await this.context.watchRecords.watch(user.id)) ?? newWatch(user);
      record.upn = user.upn ?? record.upn;
      record.name = user.name ?? record.name;
      record.language = user.language;
      record.timeZone = user.timeZone;
      const watching: WatchedMeeting[] = [];
      const problems: JoinProblem[] = [];
      for (const choice of chosen) {
        const existing = record.meetings.find((meeting) => meeting.uri === choice.uri);
        const entry = existing ?? { uri: choice.uri, subject: choice.subject, meetingId: choice.meetingId };
        const problem = await this.joinToWatch(session, entry, choice.led === true && !existing);
        if (problem) {
          problems.push(problem);
          continue;
        }
        if (!existing) record.meetings.push(entry);
        watching.push(entry);
      }
      if (record.meetings.length > 0) await this.context.watchRecords.saveWatch(record);
      else this.context.sfb.close(user.id);
      if (watching.length === 0 && problems[0]) return problems[0];
      return { kind: 'watching', meetings: watching };
    });
  }

  /** Joins the meeting; for someone else's meeting, also learns its subject and keeps it only if we lead it. */
  private async joinToWatch(session: UcwaSession, entry: WatchedMeeting, led: boolean): Promise<JoinProblem | undefined> {
    let problem: JoinProblem | undefined;
    try {
      problem = await this.ensureJoined(session, entry);
    } catch (error) {
      // The documented join refusals (joinOnlineMeeting_ref: 403, 404 DestinationNotFound, 409) are answers, not faults.
      if (isSignInFailure(error) || !(error instanceof UcwaError) || ![403, 404, 409].includes(error.status ?? 0)) throw error;
      return { kind: 'joinFailed', subject: entry.subject, reason: { code: error.code, subcode: error.subcode } };
    }
    if (problem || !led || !entry.conversationHref) return problem;
    const conversationHref = entry.conversationHref;
    const meeting = await session.lobby.onlineMeeting(conversationHref).catch(() => undefined);
    entry.subject = meeting?.subject?.trim() || entry.subject;
    entry.meetingId = meeting?.onlineMeetingId ?? entry.meetingId;
    const local = await session.lobby.localParticipant(conversationHref);
    if (local.role === 'Leader') return undefined;
    await session.lobby.leave(conversationHref).catch((error: unknown) => this.context.logger.info({ err: error }, 'leaving a meeting we do not lead failed'));
    this.conversationMeetings.delete(conversationHref);
    return { kind: 'notLeader', subject: entry.subject };
  }

  /** Leaves the matching meetings; returns the ones no longer watched. */
  async unwatch(user: Organizer, target: { meeting?: string; all?: boolean }): Promise<WatchedMeeting[]> {
    const session = await this.context.sfb.session(user);
    return this.underLock(user.id, async () => {
      const record = await this.context.watchRecords.watch(user.id);
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
        await this.context.watchRecords.deleteWatch(user.id);
        this.context.sfb.close(user.id);
      } else {
        await this.context.watchRecords.saveWatch(record);
      }
      return leaving;
    });
  }

  async watched(user: Pick<Organizer, 'id'>): Promise<WatchedMeeting[]> {
    return (await this.context.watchRecords.watch(user.id))?.meetings ?? [];
  }

  /** Sends one meeting's alerts to a channel or group chat; watches the meeting first when needed. */
  async routeHere(user: OrganizerContext, meeting: string, conversationId: string): Promise<WatchResult> {
    const existing = matchMeetings(meeting, await this.watched(user));
    // A meeting URI (from a join link) may name a meeting the person leads but did not organize.
    const target = /focus:id:/i.test(meeting) ? { uri: meeting, led: true } : { meeting };
    const result = existing.length === 1 ? { kind: 'watching' as const, meetings: existing } : await this.watch(user, target);
    if (result.kind !== 'watching') return result;
    const uri = result.meetings[0]!.uri;
    const meetings = await this.underLock(user.id, async () => {
      const record = await this.context.watchRecords.watch(user.id);
      const entry = record?.meetings.find((candidate) => candidate.uri === uri);
      if (!record || !entry) return [];
      entry.alertConversationId = conversationId;
      await this.context.watchRecords.saveWatch(record);
      return [entry];
    });
    return { kind: 'watching', meetings };
  }

  /** Forgets the whole watch list (sign-out). */
  async forget(userId: string): Promise<void> {
    await this.underLock(userId, () => this.context.watchRecords.deleteWatch(userId));
  }

  /**
   * Joins every watched meeting again where our conversation died; stops at an expired sign-in. Answers whether
   * every meeting is joined now (false: some could not be, and a later try may do it) and which are. The watch list
   * is read and written patiently: a re-join lost to one storage timeout left the meetings unjoined, and their
   * arrivals unheard.
   */
  async rejoinAll(userId: string, session: UcwaSession): Promise<Rejoined> {
    return this.underLock(userId, async () => {
      const record = await retryStorage(() => this.context.watchRecords.watch(userId));
      if (!record) return { joinedAll: true, joined: [] };
      const joined: WatchedMeeting[] = [];
      for (const meeting of record.meetings) {
        try {
          const problem = await this.ensureJoined(session, meeting);
          if (!problem) {
            joined.push(meeting);
            continue;
          }
          this.context.logger.warn({ meeting: meeting.subject, problem: problem.kind, reason: 'reason' in problem ? problem.reason : undefined }, 'could not re-join a watched meeting');
        } catch (error) {
          if (await this.context.sfb.expireOnSignInFailure(userId, error)) return { joinedAll: true, joined: [] };
          this.context.logger.warn({ err: error, meeting: meeting.subject }, 'could not re-join a watched meeting');
        }
      }
      await retryStorage(() => this.context.watchRecords.saveWatch(record));
      return { joinedAll: joined.length === record.meetings.length, joined, record };
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
  private async ensureJoined(session: UcwaSession, meeting: WatchedMeeting): Promise<JoinProblem | undefined> {
    if (meeting.conversationHref && (await this.stillJoined(session, meeting.conversationHref))) {
      this.conversationMeetings.set(meeting.conversationHref, meeting.uri);
      return undefined;
    }
    const joined = await session.lobby.join(meeting.uri);
    if (joined.outcome === 'failed') return { kind: 'joinFailed', subject: meeting.subject, reason: joined.reason };
    if (!joined.conversationHref) return { kind: 'joinTimedOut', subject: meeting.subject };
    meeting.conversationHref = joined.conversationHref;
    this.conversationMeetings.set(joined.conversationHref, meeting.uri);
    return undefined;
  }

  private async stillJoined(session: UcwaSession, conversationHref: string): Promise<boolean> {
    // A conversation on the server the session had before a pool move is not ours any more: join afresh by URI.
    if (!session.isOnCurrentServer(conversationHref)) return false;
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

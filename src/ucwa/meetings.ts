import type { UcwaApplication } from './application.js';
import { UcwaError } from './errors.js';
import { linkOf, targetHref, type UcwaValue } from './resource.js';
import {
  dashboardView,
  defaultValuesView,
  eligibleValuesView,
  invitationCustomizationView,
  meetingListView,
  meetingView,
  phoneDialInView,
  policiesView,
  type AccessLevel,
  type AutomaticLeaderAssignment,
  type DefaultValuesView,
  type EligibleValuesView,
  type EnabledDisabled,
  type EntryExitAnnouncement,
  type InvitationCustomizationView,
  type MeetingListView,
  type MeetingView,
  type OnlineMeetingsDashboardView,
  type PhoneDialInView,
  type PoliciesView,
} from './views.js';

/** The documented POST/PUT inputs of myOnlineMeetings / myOnlineMeeting (all optional). */
export interface MeetingInput {
  subject?: string;
  description?: string;
  accessLevel?: AccessLevel;
  attendees?: string[];
  leaders?: string[];
  automaticLeaderAssignment?: AutomaticLeaderAssignment;
  entryExitAnnouncement?: EntryExitAnnouncement;
  /** Within −1 year … +10 years of server time; the server's default is 8 hours. */
  expirationTime?: Date;
  lobbyBypassForPhoneUsers?: EnabledDisabled;
  phoneUserAdmission?: EnabledDisabled;
}

/** The onlineMeetings dashboard and everything it links to. */
export class MeetingsFacet {
  constructor(private readonly session: UcwaApplication) {}

  async dashboard(): Promise<OnlineMeetingsDashboardView> {
    return dashboardView(await this.session.get(this.session.applicationPartHref('onlineMeetings')));
  }

  async list(): Promise<MeetingListView> {
    return meetingListView(await this.session.get(await this.link('myOnlineMeetings')));
  }

  /** The user's admin-assigned meeting; `MissingLink` when policy does not give one. */
  async assigned(): Promise<MeetingView> {
    return meetingView(await this.session.get(await this.link('myAssignedOnlineMeeting')));
  }

  async create(input: MeetingInput): Promise<MeetingView> {
    validateMeetingInput(input);
    const response = await this.session.post(await this.link('myOnlineMeetings'), toFields(input));
    // 201 with the meeting (reference page), 200 with it (task page), or only a Location.
    return meetingView(await this.session.created(response, 'meeting'));
  }

  async get(meeting: MeetingView | string): Promise<MeetingView> {
    return meetingView(await this.session.get(targetHref(meeting)));
  }

  /** PUTs the whole meeting with the changes applied (If-Match; a 412 is re-read and re-applied once). */
  async update(meeting: MeetingView | string, changes: MeetingInput): Promise<MeetingView> {
    validateMeetingInput(changes);
    return meetingView(await this.session.update(targetHref(meeting), () => toFields(changes)));
  }

  async delete(meeting: MeetingView | string): Promise<void> {
    await this.session.delete(targetHref(meeting));
  }

  async defaultValues(): Promise<DefaultValuesView> {
    return defaultValuesView(await this.session.get(await this.link('onlineMeetingDefaultValues')));
  }

  async eligibleValues(): Promise<EligibleValuesView> {
    return eligibleValuesView(await this.session.get(await this.link('onlineMeetingEligibleValues')));
  }

  async invitationCustomization(): Promise<InvitationCustomizationView> {
    return invitationCustomizationView(await this.session.get(await this.link('onlineMeetingInvitationCustomization')));
  }

  async policies(): Promise<PoliciesView> {
    return policiesView(await this.session.get(await this.link('onlineMeetingPolicies')));
  }

  async phoneDialInInformation(): Promise<PhoneDialInView> {
    return phoneDialInView(await this.session.get(await this.link('phoneDialInInformation')));
  }

  /** Links come from the application's embedded onlineMeetings; if it lacks one, the dashboard itself is asked. */
  private async link(rel: string): Promise<string> {
    try {
      return this.session.applicationLink('onlineMeetings', rel);
    } catch (error) {
      if (!(error instanceof UcwaError && error.code === 'MissingLink')) throw error;
      const dashboard = await this.session.get(this.session.applicationPartHref('onlineMeetings'));
      const href = linkOf(dashboard, rel)?.href;
      if (!href) throw error;
      return href;
    }
  }
}

function toFields(input: MeetingInput): Record<string, UcwaValue | Date | undefined> {
  return {
    subject: input.subject,
    description: input.description,
    accessLevel: input.accessLevel,
    attendees: input.attendees,
    leaders: input.leaders,
    automaticLeaderAssignment: input.automaticLeaderAssignment,
    entryExitAnnouncement: input.entryExitAnnouncement,
    expirationTime: input.expirationTime,
    lobbyBypassForPhoneUsers: input.lobbyBypassForPhoneUsers,
    phoneUserAdmission: input.phoneUserAdmission,
  };
}

function validateMeetingInput(input: MeetingInput): void {
  const problems: string[] = [];
  for (const field of ['attendees', 'leaders'] as const) {
    const bad = (input[field] ?? []).filter((uri) => !/^sip:[^@\s]+@[^@\s]+$/i.test(uri.trim()));
    if (bad.length > 0) problems.push(`${field} must be SIP addresses like sip:someone@contoso.com (got ${bad.join(', ')})`);
  }
  if (input.expirationTime !== undefined && Number.isNaN(input.expirationTime.getTime())) problems.push('expirationTime is not a valid date');
  if (input.subject !== undefined && input.subject.length > 1024) problems.push('subject is too long');
  if (problems.length > 0) {
    throw new UcwaError({ code: 'InvalidInput', message: problems.join('; '), problem: { kind: 'meetingInvalid', problems } });
  }
}

/**
 * The onlineMeetingUri (what joinOnlineMeeting takes) of a meeting someone names by address: the URI itself, its
 * legacy `conf:` form, or a web join URL. A leader who is not the organizer cannot list the meeting
 * (myOnlineMeetings holds only the organizer's own), so the address is how they reach it.
 * The join URL rule is read off the documented pairs (myOnlineMeetings_ref: joinUrl
 * `https://meet.contoso.com/bmauldin/IB88RLLY` ↔ onlineMeetingUri
 * `sip:bmauldin@contoso.com;gruu;opaque=app:conf:focus:id:IB88RLLY`): the simple URL `meet.<sip domain>/<user>/<id>`.
 */
export function meetingUriFromAddress(address: string): string | undefined {
  const text = address.trim();
  const uri = /(sip:[^\s;@]+@[^\s;@]+)\s*;\s*gruu\s*;\s*opaque\s*=\s*app:conf:focus:id:([A-Za-z0-9]+)/i.exec(text);
  if (uri) return `${uri[1]};gruu;opaque=app:conf:focus:id:${uri[2]}`;
  const url = /https?:\/\/[^\s<>"]+/i.exec(text)?.[0];
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const domain = /^meet\.(.+)$/i.exec(parsed.hostname)?.[1];
  const [user, id, ...rest] = parsed.pathname.split('/').filter(Boolean);
  if (!domain || !user || !id || rest.length > 0 || !/^[A-Za-z0-9]+$/.test(id)) return undefined;
  return `sip:${decodeURIComponent(user)}@${domain.toLowerCase()};gruu;opaque=app:conf:focus:id:${id}`;
}

import type { Language } from '../../nlu/recognition.js';
import type { Reply } from '../../teams/reply.js';
import type {
  ContactView,
  DefaultValuesView,
  EligibleValuesView,
  ExtensionView,
  GroupView,
  InvitationCustomizationView,
  MeetingListView,
  MeetingView,
  MyGroupsView,
  PhoneDialInView,
  PoliciesView,
  PresenceSubscriptionView,
} from '../../ucwa/index.js';
import { escapeMarkdown, plain } from '../../teams/markdown.js';
import { dateTimeFormat } from '../../intl.js';
import { renderCard } from '../render.js';
import summaryTemplate from '../templates/ucwa/summary.json' with { type: 'json' };
import { accessLevelText, label, switchText } from './labels.js';

/** Card action verbs these cards carry; the capabilities answer them. */
export const ucwaVerbs = { meetingDetails: 'ucwa.meetings.details', groupMembers: 'ucwa.groups.members' } as const;

export interface Fact {
  title: string;
  value: string;
}

export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, string>;
}

export interface Section {
  heading: string;
  note?: string;
  facts?: Fact[];
  buttons?: CardButton[];
}

/**
 * One shape for every Skype for Business answer, so the card and its plain-text fallback say the same thing.
 * Every text in it is plain text: the builders below clip what came from the server or the person (`plain`), and
 * `summaryReply` escapes it all where the card renders markdown (TextBlocks and facts). Button and link titles are
 * not markdown: clipped, never escaped.
 */
export interface Summary {
  title: string;
  subtitle?: string;
  facts?: Fact[];
  sections?: Section[];
  footnote?: string;
  links?: Array<{ title: string; url: string }>;
}

/** Where the person is: their language and time zone, for labels and times. */
export interface Audience {
  language: Language;
  timeZone: string;
}

export function summaryReply(summary: Summary): Reply {
  const literal = escapeMarkdown;
  const facts = (list: Fact[] | undefined) => (list ?? []).map((fact) => ({ title: literal(fact.title), value: literal(fact.value) }));
  const data = {
    title: literal(summary.title),
    subtitle: literal(summary.subtitle ?? ''),
    facts: facts(summary.facts),
    sections: (summary.sections ?? []).map((section) => ({
      heading: literal(section.heading),
      note: literal(section.note ?? ''),
      facts: facts(section.facts),
      buttons: (section.buttons ?? []).map((button) => ({ ...button, title: plain(button.title, 'subject') })),
    })),
    footnote: literal(summary.footnote ?? ''),
    links: (summary.links ?? []).map((link) => ({ ...link, title: plain(link.title, 'subject') })),
  };
  return { card: renderCard(summaryTemplate, data), fallback: fallbackText(summary) };
}

function fallbackText(summary: Summary): string {
  const facts = (list: Fact[] | undefined, indent: string) => (list ?? []).map((fact) => `${indent}${fact.title}: ${fact.value}`);
  return [
    summary.title,
    ...(summary.subtitle ? [summary.subtitle] : []),
    ...facts(summary.facts, ''),
    ...(summary.sections ?? []).flatMap((section) => [`- ${section.heading}${section.note ? ` (${section.note})` : ''}`, ...facts(section.facts, '  ')]),
    ...(summary.footnote ? [summary.footnote] : []),
    ...(summary.links ?? []).map((link) => `${link.title}: ${link.url}`),
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------- meetings

export function meetingListReply(list: MeetingListView, audience: Audience): Reply {
  const { language, timeZone } = audience;
  const meetings = [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings];
  return summaryReply({
    title: label.meetings[language],
    subtitle: meetings.length === 0 ? label.noMeetings[language] : undefined,
    sections: meetings.map((meeting) => ({
      heading: plain(meeting.subject || meeting.onlineMeetingId, 'subject') || '?',
      note: meeting.rel === 'myAssignedOnlineMeeting' ? label.assigned[language] : undefined,
      facts: [
        { title: label.access[language], value: accessLevelText(meeting.accessLevel, language) },
        { title: label.meetingId[language], value: plain(meeting.onlineMeetingId, 'id') },
        // When it happens, as far as Skype for Business keeps it: its expiry, in the reader's own zone.
        ...(meeting.expirationTime ? [{ title: label.expires[language], value: formatInstant(meeting.expirationTime, timeZone, language) }] : []),
      ],
      buttons: meeting.onlineMeetingId
        ? [{ title: label.details[language], verb: ucwaVerbs.meetingDetails, data: { meetingId: meeting.onlineMeetingId } }]
        : [],
    })),
  });
}

export function meetingReply(meeting: MeetingView, audience: Audience, heading?: string, footnote?: string): Reply {
  const { language, timeZone } = audience;
  const subject = plain(meeting.subject || meeting.onlineMeetingId, 'subject') || '?';
  const people = (uris: string[]) => (uris.length > 0 ? plain(uris.map((uri) => uri.replace(/^sip:/i, '')).join(', ')) : label.none[language]);
  const facts: Fact[] = [
    { title: label.subject[language], value: subject },
    { title: label.meetingId[language], value: plain(meeting.onlineMeetingId, 'id') },
    { title: label.access[language], value: accessLevelText(meeting.accessLevel, language) },
    { title: label.lobbyBypass[language], value: switchText(meeting.lobbyBypassForPhoneUsers, language) },
    { title: label.phoneAdmission[language], value: switchText(meeting.phoneUserAdmission, language) },
    { title: label.leaders[language], value: people(meeting.leaders) },
    { title: label.attendees[language], value: people(meeting.attendees) },
  ];
  if (meeting.conferenceId) facts.push({ title: label.conferenceId[language], value: plain(meeting.conferenceId, 'id') });
  if (meeting.expirationTime) facts.push({ title: label.expires[language], value: formatInstant(meeting.expirationTime, timeZone, language) });
  if (meeting.description) facts.push({ title: label.description[language], value: plain(meeting.description) });
  return summaryReply({
    title: heading ? `${heading}: ${subject}` : subject,
    facts,
    footnote,
    links: isWebUrl(meeting.joinUrl) ? [{ title: label.join[language], url: meeting.joinUrl }] : [],
  });
}

export function defaultValuesReply(values: DefaultValuesView, { language }: Audience): Reply {
  const facts: Fact[] = [
    { title: label.accessLevel[language], value: accessLevelText(values.accessLevel, language) },
    { title: label.leaderAssignment[language], value: plain(values.automaticLeaderAssignment, 'id') || label.none[language] },
    { title: label.announcements[language], value: switchText(values.entryExitAnnouncement, language) },
    { title: label.lobbyBypass[language], value: switchText(values.lobbyBypassForPhoneUsers, language) },
  ];
  if (values.participantsWarningThreshold !== undefined) facts.push({ title: label.warningThreshold[language], value: String(values.participantsWarningThreshold) });
  return summaryReply({ title: label.defaults[language], facts });
}

export function eligibleValuesReply(values: EligibleValuesView, { language }: Audience): Reply {
  const listed = (items: string[], describe: (item: string) => string = (item) => item) => (items.length > 0 ? plain(items.map(describe).join(', ')) : label.none[language]);
  return summaryReply({
    title: label.eligible[language],
    facts: [
      { title: label.accessLevel[language], value: listed(values.accessLevels, (item) => accessLevelText(item, language)) },
      { title: label.leaderAssignment[language], value: listed(values.automaticLeaderAssignments) },
      { title: label.announcements[language], value: listed(values.entryExitAnnouncements, (item) => switchText(item, language)) },
      { title: label.lobbyBypass[language], value: listed(values.lobbyBypassForPhoneUsersSettings, (item) => switchText(item, language)) },
      { title: label.meetingKinds[language], value: listed(values.eligibleOnlineMeetingRels) },
    ],
  });
}

export function policiesReply(policies: PoliciesView, { language }: Audience): Reply {
  const facts: Fact[] = [
    { title: label.recording[language], value: switchText(policies.meetingRecording, language) },
    { title: label.externalRecording[language], value: switchText(policies.externalUserMeetingRecording, language) },
    { title: label.announcements[language], value: switchText(policies.entryExitAnnouncement, language) },
    { title: label.phoneAdmission[language], value: switchText(policies.phoneUserAdmission, language) },
    { title: label.voip[language], value: switchText(policies.voipAudio, language) },
  ];
  if (policies.meetingSize !== undefined) facts.push({ title: label.meetingSize[language], value: String(policies.meetingSize) });
  return summaryReply({ title: label.policies[language], facts });
}

export function dialInReply(info: PhoneDialInView, { language }: Audience): Reply {
  const phone = (uri: string) => plain(uri.replace(/^tel:/i, ''), 'id');
  const facts: Fact[] = [];
  if (info.conferenceId) facts.push({ title: label.conferenceId[language], value: plain(info.conferenceId, 'id') });
  if (info.tollNumber) facts.push({ title: label.tollNumber[language], value: phone(info.tollNumber) });
  if (info.tollFreeNumbers.length > 0) facts.push({ title: label.tollFree[language], value: plain(info.tollFreeNumbers.map(phone).join(', ')) });
  if (info.defaultRegion) facts.push({ title: label.defaultRegion[language], value: plain(info.defaultRegion, 'name') });
  const directory = info.externalDirectoryUri ?? info.internalDirectoryUri;
  return summaryReply({
    title: label.dialIn[language],
    facts,
    sections: info.regions.map((region) => ({
      heading: plain(region.name, 'name') || '?',
      facts: [
        { title: label.tollNumber[language], value: region.number ? phone(region.number) : label.none[language] },
        { title: label.languages[language], value: plain(region.languages.join(', ')) || label.none[language] },
      ],
    })),
    links: isWebUrl(directory) ? [{ title: label.directory[language], url: directory }] : [],
  });
}

export function invitationReply(info: InvitationCustomizationView, { language }: Audience): Reply {
  const links = [
    [label.helpUrl[language], info.invitationHelpUrl],
    [label.legalUrl[language], info.invitationLegalUrl],
    [label.enterpriseHelp[language], info.enterpriseHelpUrl],
    [label.logoUrl[language], info.invitationLogoUrl],
  ].flatMap(([title, url]) => (isWebUrl(url) ? [{ title: title!, url }] : []));
  return summaryReply({
    title: label.invitation[language],
    facts: [{ title: label.footer[language], value: plain(info.invitationFooterText) || label.none[language] }],
    links,
  });
}

export function extensionsReply(subject: string, extensions: ExtensionView[], { language }: Audience): Reply {
  return summaryReply({
    title: label.extensionsOf(plain(subject, 'subject'))[language],
    subtitle: extensions.length === 0 ? label.noExtensions[language] : undefined,
    sections: extensions.map((extension) => ({
      heading: plain(extension.id, 'id') || '?',
      facts: [{ title: label.extensionType[language], value: plain(extension.type, 'id') || label.none[language] }],
    })),
  });
}

export function extensionAddedReply(subject: string, extension: ExtensionView, { language }: Audience): Reply {
  return summaryReply({
    title: label.extensionAdded(plain(subject, 'subject'))[language],
    facts: [
      { title: label.extensionId[language], value: plain(extension.id, 'id') || '?' },
      { title: label.extensionType[language], value: plain(extension.type, 'id') || label.none[language] },
    ],
  });
}

// --------------------------------------------------------------------------------------------------- groups

export function groupsReply(groups: MyGroupsView, { language }: Audience): Reply {
  // A group with an address (a distribution group) is a row: name and address. One without has nothing to put
  // beside its name, so it is named in the section's note instead of leaving an empty value.
  const section = (heading: string, members: GroupView[]): Section[] => {
    if (members.length === 0) return [];
    const address = (group: GroupView) => plain(group.uri?.replace(/^sips?:/i, ''), 'id');
    const unaddressed = members.filter((group) => !address(group)).map((group) => plain(group.name ?? group.id, 'name') || '?');
    return [
      {
        heading,
        note: unaddressed.length > 0 ? unaddressed.join(language === 'zh' ? '、' : ', ') : undefined,
        facts: members.filter((group) => address(group)).map((group) => ({ title: plain(group.name, 'name') || '?', value: address(group) })),
        buttons: members.flatMap((group) => memberButton(group, language)),
      },
    ];
  };
  const builtIn = [groups.pinnedGroup, groups.defaultGroup].filter((group): group is GroupView => group !== undefined);
  const sections = [
    ...section(label.personalGroups[language], groups.groups),
    ...section(label.builtInGroups[language], builtIn),
    ...section(label.distributionGroups[language], groups.distributionGroups),
  ];
  return summaryReply({ title: label.groups[language], subtitle: sections.length === 0 ? label.noGroups[language] : undefined, sections });
}

function memberButton(group: GroupView, language: Language): CardButton[] {
  if (!group.id) return [];
  return [{ title: `${label.members[language]}: ${plain(group.name ?? group.id, 'name')}`, verb: ucwaVerbs.groupMembers, data: { groupId: group.id } }];
}

export function membersReply(groupName: string, contacts: ContactView[], { language }: Audience): Reply {
  const bare = contacts.filter((contact) => contactFact(contact).length === 0);
  return summaryReply({
    title: label.membersOf(plain(groupName, 'name'))[language],
    subtitle: contacts.length === 0 ? label.noMembers[language] : undefined,
    facts: contacts.flatMap((contact) => contactFact(contact)),
    footnote: bare.length > 0 ? label.alsoMembers(bare.map(contactName).join(language === 'zh' ? '、' : ', '))[language] : undefined,
  });
}

/** A contact as people read them: the display name, else the address without `sip:`. */
function contactName(contact: ContactView): string {
  return plain(contact.name?.trim() || contact.uri?.replace(/^sips?:/i, ''), 'name') || '?';
}

/**
 * A contact's row: name, then what says more about them — job, department, company, e-mail or address. A contact with
 * nothing beside the name gets no row with an empty value: the card names them in its footnote instead.
 */
function contactFact(contact: ContactView): Fact[] {
  // Beside a name, the address (without `sip:`) says how to reach them; beside an address, it would repeat it.
  const address = contact.name?.trim() ? contact.uri?.replace(/^sips?:/i, '') : undefined;
  const value = [contact.title, contact.department, contact.company, contact.emailAddresses[0] ?? address]
    .filter((part): part is string => Boolean(part?.trim()))
    .map((part) => plain(part, 'name'))
    .join(' · ');
  return value ? [{ title: contactName(contact), value }] : [];
}

export function presenceReply(groupName: string, subscription: PresenceSubscriptionView, contactCount: number, minutes: number, { language }: Audience): Reply {
  return summaryReply({
    title: label.presence[language],
    subtitle: label.presenceWatched(plain(groupName, 'name'), contactCount, minutes)[language],
    facts: subscription.id ? [{ title: 'ID', value: plain(subscription.id, 'id') }] : [],
  });
}

// ---------------------------------------------------------------------------------------------------- shared

/** Cards only link to web pages; a server-sent `javascript:` or `sip:` link is left out. */
function isWebUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function formatInstant(date: Date, timeZone: string, language: Language): string {
  return dateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-US', {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

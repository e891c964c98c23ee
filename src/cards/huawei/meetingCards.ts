import { lookup } from '../../tables.js';
import { displayTimeZone, formatMeetingWindow, isOngoing, type ConferenceInfo, type MeetingDetail, type OnlineAttendee, type Page } from '../../huawei/index.js';
import type { Language } from '../../nlu/recognition.js';
import { escapeMarkdown, plain } from '../../teams/markdown.js';
import type { Reply } from '../../teams/reply.js';
import { renderCard, type CardJson } from '../render.js';
import detailsTemplate from '../templates/huawei/meetingDetails.json' with { type: 'json' };
import participantsTemplate from '../templates/huawei/participants.json' with { type: 'json' };

/** How a card shows times: in the reader's zone and language. */
export interface CardLocale {
  language: Language;
  /** IANA zone of the person reading (Teams `localTimezone`). */
  timeZone: string;
}

export interface MeetingListInput extends CardLocale {
  kind: 'ongoing' | 'scheduled';
  meetings: ConferenceInfo[];
  /** 1-based position of the first meeting in the whole list. */
  firstPosition: number;
  /** How many meetings the service says the whole list holds. */
  total: number;
  keyword?: string;
  /** 'all' = the whole enterprise (admins). */
  scope: 'own' | 'all';
  /** A sentence shown above the list, e.g. why the person got their own list instead of everyone's. */
  notice?: string;
  hasMore: boolean;
}

const words = {
  en: {
    ongoing: 'Ongoing meetings',
    scheduled: 'Upcoming meetings',
    allOngoing: 'All ongoing meetings in the enterprise',
    allScheduled: 'All upcoming meetings in the enterprise',
    about: (keyword: string) => ` about "${keyword}"`,
    paging: (from: number, to: number, total: number) => `Showing ${from}–${to} of ${total.toLocaleString('en-US')}`,
    id: 'ID',
    organizer: 'Organizer',
    time: 'Time',
    online: (count: number) => `${count} online`,
    join: 'Join',
    nextTitle: 'Next page',
    nextText: 'next page',
    state: 'State',
    people: 'People invited',
    peopleOnline: 'People online',
    access: 'Dial-in number',
    waitingRoom: 'Waiting room',
    yes: 'On',
    no: 'Off',
    media: 'Media',
    yourRole: 'Your role',
    whoIsIn: "Who's in it",
    whoIsInText: (id: string) => `who's in meeting ${id}`,
    participantsTitle: (label: string) => `People in ${label}`,
    participantsSummary: (shown: number, total: number) => (shown < total ? `${total} online; showing the first ${shown}` : `${total} online`),
    nobody: 'Nobody is in the meeting right now.',
    host: 'Host',
    guest: 'Guest',
    untitled: '(no subject)',
  },
  zh: {
    ongoing: '进行中的会议',
    scheduled: '即将召开的会议',
    allOngoing: '企业内所有进行中的会议',
    allScheduled: '企业内所有即将召开的会议',
    about: (keyword: string) => `（关于“${keyword}”）`,
    paging: (from: number, to: number, total: number) => `第 ${from}–${to} 个，共 ${total} 个`,
    id: 'ID',
    organizer: '组织者',
    time: '时间',
    online: (count: number) => `${count} 人在线`,
    join: '加入',
    nextTitle: '下一页',
    nextText: '下一页',
    state: '状态',
    people: '受邀人数',
    peopleOnline: '在线人数',
    access: '接入号码',
    waitingRoom: '等候室',
    yes: '开启',
    no: '关闭',
    media: '媒体',
    yourRole: '您的角色',
    whoIsIn: '参会人',
    whoIsInText: (id: string) => `会议 ${id} 里有谁`,
    participantsTitle: (label: string) => `${label} 的参会人`,
    participantsSummary: (shown: number, total: number) => (shown < total ? `${total} 人在线；显示前 ${shown} 人` : `${total} 人在线`),
    nobody: '目前会议中没有人。',
    host: '主持人',
    guest: '来宾',
    untitled: '（无主题）',
  },
} as const;

const stateNames: Record<Language, Record<string, string>> = {
  en: { Created: 'Ongoing', Creating: 'Starting', Schedule: 'Scheduled', Destroyed: 'Ended' },
  zh: { Created: '进行中', Creating: '正在开始', Schedule: '已预约', Destroyed: '已结束' },
};

const roleNames: Record<Language, Record<string, string>> = {
  en: { chair: 'Host', general: 'Guest', audience: 'Audience' },
  zh: { chair: '主持人', general: '来宾', audience: '观众' },
};

export function stateText(state: string | undefined, language: Language): string {
  if (!state) return '';
  return lookup(stateNames[language], state) ?? plain(state, 'id');
}

/** "Dec 18, 2019, 15:28 – 17:28 GMT+8", in the reader's zone (or the organizer's when the reader's is unknown). */
export function meetingWindowText(meeting: ConferenceInfo, locale: CardLocale): string {
  return formatMeetingWindow(meeting.startTime, meeting.endTime, {
    timeZone: displayTimeZone(meeting, locale.timeZone),
    locale: locale.language === 'zh' ? 'zh-CN' : 'en-US',
  });
}

/**
 * The guest link only: the chair link carries host rights, and a card may be shown in a group chat or
 * forwarded, so it never goes on one.
 */
function joinUrlOf(meeting: ConferenceInfo): string {
  const url = meeting.guestJoinUri ?? '';
  return /^https?:\/\//i.test(url) ? url : '';
}

/**
 * Card text is built as plain text (subjects, names and numbers from Huawei Cloud Meeting, clipped with `plain`),
 * which the fallback uses as it is; `literal` escapes it for the card's TextBlocks and facts, where Teams renders
 * markdown. Button titles are not markdown and stay plain.
 */
const literal = escapeMarkdown;

function subjectOf(meeting: ConferenceInfo, language: Language): string {
  return plain(meeting.subject?.trim(), 'subject') || words[language].untitled;
}

function listTitle(input: MeetingListInput): string {
  const w = words[input.language];
  const base = input.scope === 'all'
    ? (input.kind === 'ongoing' ? w.allOngoing : w.allScheduled)
    : (input.kind === 'ongoing' ? w.ongoing : w.scheduled);
  return input.keyword ? `${base}${w.about(plain(input.keyword, 'subject'))}` : base;
}

/** One page of meetings as a card, with "Showing a–b of n" and a Next page button when there is more. */
export function meetingListReply(input: MeetingListInput): Reply {
  const w = words[input.language];
  const last = input.firstPosition + input.meetings.length - 1;
  const paging = w.paging(input.firstPosition, last, Math.max(input.total, last));
  const rows = input.meetings.map((meeting) => {
    const online = meeting.onlineAttendeeAmount;
    const status = [stateText(meeting.conferenceState, input.language), online !== undefined ? w.online(online) : ''].filter((part) => part !== '');
    return {
      subject: subjectOf(meeting, input.language),
      idLine: [`${w.id} ${plain(meeting.conferenceID, 'id')}`, meeting.scheduserName ? `${w.organizer}: ${plain(meeting.scheduserName, 'name')}` : ''].filter(Boolean).join(' · '),
      timeLine: meetingWindowText(meeting, input),
      statusLine: status.join(' · '),
      joinUrl: joinUrlOf(meeting),
      joinTitle: w.join,
    };
  });
  const data: MeetingListCardData = {
    title: literal(listTitle(input)),
    notice: literal(input.notice ?? ''),
    paging: literal(paging),
    meetings: rows.map((row) => ({ ...row, subject: literal(row.subject), idLine: literal(row.idLine), timeLine: literal(row.timeLine), statusLine: literal(row.statusLine) })),
    next: { title: w.nextTitle, text: input.hasMore ? w.nextText : '' },
  };
  const fallback = [
    listTitle(input),
    ...(input.notice ? [input.notice] : []),
    paging,
    ...rows.map((row, index) => `${input.firstPosition + index}. ${row.subject} (${row.idLine}) ${row.timeLine}${row.statusLine ? ` · ${row.statusLine}` : ''}`),
    ...(input.hasMore ? [input.language === 'zh' ? '说“下一页”查看更多。' : 'Say "next page" for more.'] : []),
  ].join('\n');
  // Not checked here: the list only ever leaves as a message, and cardMessage checks the card's size once its fallback
  // is in it (a second JSON.stringify of a ten-meeting card was ~20 µs of each "list" turn).
  return { card: meetingListCard(data), fallback };
}

export interface MeetingListCardData {
  title: string;
  notice: string;
  paging: string;
  meetings: Array<{ subject: string; idLine: string; timeLine: string; statusLine: string; joinUrl: string; joinTitle: string }>;
  next: { title: string; text: string };
}

/**
 * The card `templates/huawei/meetingList.json` describes, built by a typed function: "list ongoing meetings" renders
 * a row per meeting, and the command-load profile showed template expansion (an expression evaluation per field per
 * row) costing more than the rest of the card. A test expands the template with the same data and requires the same
 * card, key order included.
 */
export function meetingListCard(data: MeetingListCardData): CardJson {
  const body: CardJson[] = [{ type: 'TextBlock', text: data.title, weight: 'Bolder', size: 'Medium', wrap: true }];
  if (data.notice !== '') body.push({ type: 'TextBlock', text: data.notice, wrap: true, color: 'Warning', spacing: 'Small' });
  body.push({ type: 'TextBlock', text: data.paging, isSubtle: true, spacing: 'None', wrap: true });
  for (const meeting of data.meetings) {
    const columns: CardJson[] = [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          { type: 'TextBlock', text: meeting.subject, weight: 'Bolder', wrap: true },
          { type: 'TextBlock', text: meeting.idLine, isSubtle: true, spacing: 'None', wrap: true },
          { type: 'TextBlock', text: meeting.timeLine, spacing: 'None', wrap: true },
          { type: 'TextBlock', text: meeting.statusLine, isSubtle: true, spacing: 'None', wrap: true },
        ],
      },
    ];
    if (meeting.joinUrl !== '') {
      columns.push({
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'Center',
        items: [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: meeting.joinTitle, url: meeting.joinUrl }] }],
      });
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items: [{ type: 'ColumnSet', columns }] });
  }
  const actions: CardJson[] = data.next.text !== '' ? [{ type: 'Action.Submit', title: data.next.title, data: { msteams: { type: 'imBack', value: data.next.text } } }] : [];
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

/** One meeting's details: time, organizer, state, who is online, and how to join. */
export function meetingDetailsReply(detail: MeetingDetail, locale: CardLocale): Reply {
  const w = words[locale.language];
  const meeting = detail.conference;
  const facts: Array<{ title: string; value: string }> = [
    { title: w.id, value: plain(meeting.conferenceID, 'id') },
    { title: w.organizer, value: plain(meeting.scheduserName, 'name') },
    { title: w.time, value: meetingWindowText(meeting, locale) },
    { title: w.state, value: stateText(meeting.conferenceState, locale.language) },
    { title: w.peopleOnline, value: meeting.onlineAttendeeAmount !== undefined ? String(meeting.onlineAttendeeAmount) : '' },
    { title: w.people, value: detail.participants.count > 0 ? String(detail.participants.count) : '' },
    { title: w.media, value: plain((meeting.mediaTypes ?? []).join(', '), 'id') },
    { title: w.access, value: plain(meeting.accessNumber, 'id') },
    { title: w.waitingRoom, value: meeting.confConfigInfo?.enableWaitingRoom === undefined ? '' : meeting.confConfigInfo.enableWaitingRoom ? w.yes : w.no },
    { title: w.yourRole, value: meeting.role ? (lookup(roleNames[locale.language], meeting.role) ?? plain(meeting.role, 'id')) : '' },
  ].filter((fact) => fact.value !== '');
  const data = {
    subject: literal(subjectOf(meeting, locale.language)),
    stateText: literal(stateText(meeting.conferenceState, locale.language)),
    facts: facts.map((fact) => ({ title: fact.title, value: literal(fact.value) })),
    joinUrl: joinUrlOf(meeting),
    joinTitle: w.join,
    people: { title: w.whoIsIn, text: isOngoing(meeting) ? w.whoIsInText(meeting.conferenceID) : '' },
  };
  const fallback = [subjectOf(meeting, locale.language), ...facts.map((fact) => `${fact.title}: ${fact.value}`), ...(data.joinUrl ? [`${w.join}: ${data.joinUrl}`] : [])].join('\n');
  return { card: renderCard(detailsTemplate, data), fallback };
}

/** The people online in a meeting, host first. */
export function participantsReply(label: string, page: Page<OnlineAttendee>, locale: CardLocale): Reply {
  const w = words[locale.language];
  const people = [...page.data]
    .sort((a, b) => Number(b.role === 'chair') - Number(a.role === 'chair'))
    .map((person) => ({ name: plain(person.name?.trim() || person.callNumber, 'name') || '?', role: person.role === 'chair' ? w.host : w.guest }));
  const total = Math.max(page.count, people.length);
  const title = w.participantsTitle(plain(label, 'subject'));
  const summary = total === 0 ? w.nobody : w.participantsSummary(people.length, total);
  const data = {
    title: literal(title),
    summary: literal(summary),
    people: people.map((person) => ({ name: literal(person.name), role: person.role })),
  };
  const fallback = [title, summary, ...people.map((person) => `- ${person.name} (${person.role})`)].join('\n');
  return { card: renderCard(participantsTemplate, data), fallback };
}

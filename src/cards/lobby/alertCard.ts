import type { AlertRecord, PersonSource, Platform } from '../../alerts/records.js';
import type { Language } from '../../nlu/recognition.js';
import { dateTimeFormat } from '../../intl.js';
import { escapeMarkdown, md, plain } from '../../teams/markdown.js';
import type { Reply } from '../../teams/reply.js';
import { checkedCard, renderCard, type CardJson } from '../render.js';
import signInTemplate from '../templates/lobby/signin.json' with { type: 'json' };

const words = {
  en: {
    title: 'Someone is waiting in the lobby',
    closedTitle: 'Lobby',
    waiting: (name: string, subject: string) => `**${name}** is waiting in the lobby of **${subject}**.`,
    waited: (name: string, subject: string) => `**${name}** waited in the lobby of **${subject}**.`,
    meeting: 'Meeting',
    platform: 'Platform',
    from: 'From',
    since: 'Waiting since',
    sources: { SameEnterprise: 'Your organization', Federated: 'Another organization (federated)', Anonymous: 'Anonymous guest', Unknown: 'Unknown' },
    admit: 'Admit',
    reject: 'Reject',
    admitAll: (count: number) => `Admit all (${count})`,
    manyWaiting: (count: number) => `${count} people are waiting in this lobby; say "admit everyone" to let them all in`,
    outcome: {
      admitted: (by: string, at: string) => `Admitted by ${by} at ${at}`,
      admittedTogether: (by: string, at: string, count: number) => `Admitted by ${by} at ${at}, with everyone waiting: ${count} people`,
      rejected: (by: string, at: string) => `Turned away by ${by} at ${at}`,
      admittedElsewhere: (_by: string, at: string, platform: string) => `Admitted from another ${platform} client at ${at}`,
      leftLobby: (_by: string, at: string) => `No longer waiting (left the lobby or was turned away by another leader) at ${at}`,
    },
    someone: 'someone',
  },
  zh: {
    title: '有人在大厅等候',
    closedTitle: '大厅',
    waiting: (name: string, subject: string) => `**${name}** 正在 **${subject}** 的大厅等候。`,
    waited: (name: string, subject: string) => `**${name}** 曾在 **${subject}** 的大厅等候。`,
    meeting: '会议',
    platform: '平台',
    from: '来源',
    since: '开始等候',
    sources: { SameEnterprise: '本组织', Federated: '其他组织（联盟）', Anonymous: '匿名访客', Unknown: '未知' },
    admit: '准入',
    reject: '拒绝',
    admitAll: (count: number) => `全部准入（${count}）`,
    manyWaiting: (count: number) => `此大厅有 ${count} 人在等候；说“全部准入”即可让他们全部进入`,
    outcome: {
      admitted: (by: string, at: string) => `已由 ${by} 于 ${at} 准入`,
      admittedTogether: (by: string, at: string, count: number) => `已由 ${by} 于 ${at} 全部准入，共 ${count} 人`,
      rejected: (by: string, at: string) => `已由 ${by} 于 ${at} 拒绝`,
      admittedElsewhere: (_by: string, at: string, platform: string) => `已于 ${at} 从其他 ${platform} 客户端准入`,
      leftLobby: (_by: string, at: string) => `已于 ${at} 离开大厅（自行离开或被其他主持人拒绝）`,
    },
    someone: '某人',
  },
} as const;

/** What each platform is called on cards and in replies (its product name, the same in both languages but one). */
export const platformNames: Record<Platform, Record<Language, string>> = {
  sfb: { en: 'Skype for Business', zh: 'Skype for Business' },
  huawei: { en: 'Huawei Cloud Meeting', zh: '华为云会议' },
};

/** Whether a platform can turn someone away from its waiting room (Huawei documents no such call). */
const canReject: Record<Platform, boolean> = { sfb: true, huawei: false };

export function platformName(platform: Platform, language: Language): string {
  return platformNames[platform][language];
}

export function sourceLabel(source: PersonSource, language: Language): string {
  return words[language].sources[source];
}

/**
 * The organisation a visitor from outside comes from, as their address's domain ("fabrikam.com"): for federated
 * and anonymous people only, since for colleagues it says nothing. Undefined without a usable address.
 */
export function organisationOf(person: { uri?: string; source: PersonSource }): string | undefined {
  if (person.source !== 'Federated' && person.source !== 'Anonymous') return undefined;
  return /^(?:sips?:)?[^@;\s]+@([^@;>\s]+)/i.exec(person.uri ?? '')?.[1]?.toLowerCase();
}

/**
 * A lobby visitor as people read them, plain text: the display name, with the organisation after it for people from
 * outside ("Dave Fisher (fabrikam.com)"). Never the raw `sip:` address: when no name is known, the address without it.
 */
export function personLabel(person: { name: string; uri?: string; source: PersonSource }): string {
  const name = plain(person.name.replace(/^sips?:/i, ''), 'name');
  const organisation = organisationOf(person);
  // A name that is itself the address already shows the organisation.
  if (!organisation || name.toLowerCase().endsWith(`@${organisation}`)) return name;
  return `${name} (${plain(organisation, 'id')})`;
}

/** Local wall-clock time in the organizer's zone ("10:02"). */
export function clockTime(iso: string, timeZone: string, language: Language): string {
  const format = (zone: string) =>
    dateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
  try {
    return format(timeZone);
  } catch {
    return format('UTC');
  }
}

/**
 * The alert card: who waits where, from where and since when; buttons while they wait, the outcome after.
 * `waitingInMeeting` counts everyone waiting in the alert's meeting, this person included: from two on, an open
 * card offers "Admit all (N)", and its text fallback (notifications, clients without cards) says how to do that.
 */
export function alertReply(alert: AlertRecord, waitingInMeeting: number): { card: CardJson; fallback: string } {
  const w = words[alert.language];
  // Everything about the visitor and the meeting comes from outside (the visitor chose their own name): literal
  // text on the card, never markup, and short enough that no name can push the card over Teams' size limit.
  // The name (and organisation) says who it is; the raw `sip:` address would say less, so it is not shown.
  const name = escapeMarkdown(personLabel(alert.person));
  const subject = md(alert.meeting.subject, 'subject');
  const organisation = organisationOf(alert.person);
  const facts = [
    { title: w.meeting, value: subject },
    { title: w.platform, value: platformName(alert.platform, alert.language) },
    { title: w.from, value: organisation ? `${w.sources[alert.person.source]}: ${md(organisation, 'id')}` : w.sources[alert.person.source] },
    { title: w.since, value: clockTime(alert.waitingSince, alert.timeZone, alert.language) },
  ];
  // Once for the card's line and the fallback's: a time format is a few µs, and the card is drawn twice a press.
  const at = alert.outcome ? clockTime(alert.outcome.at, alert.timeZone, alert.language) : '';
  const outcomeText = (by: string) => {
    if (!alert.outcome) return '';
    const together = alert.outcome.together ?? 0;
    // "Admit all" pressed on this card: it says how many people that press let in.
    if (alert.outcome.kind === 'admitted' && together >= 2) return w.outcome.admittedTogether(by, at, together);
    return w.outcome[alert.outcome.kind](by, at, platformName(alert.platform, alert.language));
  };
  const by = alert.outcome?.by;
  const offersAll = !alert.outcome && waitingInMeeting >= 2;
  const data: AlertCardData = {
    // Once settled the card must not still say "is waiting": it is read later, by people who were not there.
    title: alert.outcome ? w.closedTitle : w.title,
    headline: (alert.outcome ? w.waited : w.waiting)(name, subject),
    facts,
    status: outcomeText(by ? md(by, 'name') : w.someone),
    statusColor: alert.outcome?.kind === 'admitted' || alert.outcome?.kind === 'admittedElsewhere' ? 'Good' : 'Attention',
    open: !alert.outcome,
    canReject: !alert.outcome && canReject[alert.platform],
    othersWaiting: offersAll ? waitingInMeeting - 1 : 0,
    alertId: alert.id,
    labels: { admit: w.admit, reject: w.reject, admitAll: w.admitAll(waitingInMeeting) },
  };
  const card = checkedCard(alertCard(data));
  // The fallback is the notification and summary text, which Teams shows as it is: clipped, not escaped.
  const status = outcomeText(by ? plain(by, 'name') : w.someone);
  const fallback = [`${personLabel(alert.person)} — ${plain(alert.meeting.subject, 'subject')}`, status || (offersAll ? w.manyWaiting(waitingInMeeting) : '')]
    .filter(Boolean)
    .join(': ');
  return { card, fallback };
}

/** What the alert card shows; templates/lobby/alert.json expanded with it is the same card (see alertCard). */
export interface AlertCardData {
  title: string;
  headline: string;
  facts: Array<{ title: string; value: string }>;
  /** The outcome line; '' while the person waits (no line then). */
  status: string;
  statusColor: 'Good' | 'Attention';
  open: boolean;
  canReject: boolean;
  /** People waiting besides this one, shown as "Admit all" while open; 0 for none. */
  othersWaiting: number;
  alertId: string;
  labels: { admit: string; reject: string; admitAll: string };
}

/**
 * The alert card built by a typed function: it is rendered twice per press (the invoke's answer and the in-place
 * update) and once per arrival, and the template's expansion was ~80 µs of each. templates/lobby/alert.json stays its
 * specification: the same data expanded through it gives the same card, key order included (test/foundation/typedCards).
 */
export function alertCard(data: AlertCardData): CardJson {
  const body: CardJson[] = [
    { type: 'TextBlock', text: data.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: data.headline, wrap: true },
    { type: 'FactSet', facts: data.facts.map((fact) => ({ title: fact.title, value: fact.value })) },
  ];
  if (data.status !== '') body.push({ type: 'TextBlock', text: data.status, wrap: true, weight: 'Bolder', color: data.statusColor });
  const actions: CardJson[] = [];
  if (data.open) actions.push({ type: 'Action.Execute', title: data.labels.admit, verb: 'lobby.admit', style: 'positive', data: { alertId: data.alertId } });
  if (data.canReject) actions.push({ type: 'Action.Execute', title: data.labels.reject, verb: 'lobby.reject', style: 'destructive', data: { alertId: data.alertId } });
  if (data.open && data.othersWaiting > 0) actions.push({ type: 'Action.Execute', title: data.labels.admitAll, verb: 'lobby.admitAll', data: { alertId: data.alertId } });
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body, actions };
}

const signInWords = {
  en: {
    title: 'Sign in to Skype for Business',
    text: 'Open the sign-in page to link your Skype for Business account. I use it to watch your meetings\' lobbies.',
    note: 'Never type your password in this chat. The link works once, for 10 minutes, and only for you.',
    button: 'Open the sign-in page',
  },
  zh: {
    title: '登录 Skype for Business',
    text: '打开登录页面以关联您的 Skype for Business 帐户，我会用它来关注您会议的大厅。',
    note: '请不要在聊天中输入密码。该链接仅供您本人使用一次，10 分钟内有效。',
    button: '打开登录页面',
  },
} as const;

export function signInReply(url: string, language: Language): Reply {
  const w = signInWords[language];
  return { card: renderCard(signInTemplate, { ...w, url }), fallback: `${w.title}: ${url}` };
}

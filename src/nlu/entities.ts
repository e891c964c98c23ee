import type { Entities } from './catalog.js';
import type { Language } from './recognition.js';
import { findTimes } from './datetime.js';
import { escapeRegExp, type Token } from './text.js';
import {
  createAccessLevel,
  accessLevelIn,
  extensionTypeIn,
  leaderNamesIn,
  leadersIn,
  meetingIdIn,
  pageIn,
  phoneBypassIn,
  quotedIn,
  turnsOff,
  wantsAll,
} from './entities/detectors.js';
import { matchChinese, matchEnglish, type AcceptCaptures, type Captures } from './entities/matching.js';
import { en, zh, type Rule } from './entities/patterns.js';
import {
  allMeetings,
  cleanMeeting,
  cutSubject,
  groupFrom,
  isEveryone,
  rawTail,
  stripGroupName,
  stripZh,
  usableGroup,
  withoutItsPeople,
  usableMeeting,
} from './entities/slots.js';

/**
 * Deterministic entity extraction, run after the intent is known. English patterns match the normalised,
 * typo-corrected token text; the captured span is then read back from the tokens as the user typed them, so
 * values keep their casing ("Budget review"). Chinese patterns match the text itself (no word boundaries).
 * Hand-written because the slots are positional ("rename X to Y", "let X in") — no gazetteer or NER model
 * knows meeting subjects or group names — and because every rule must be explainable in "explain".
 * This module decides which slots each intent has; the patterns, matching, slot cleaning and single-value
 * detectors live in ./entities/.
 */

export interface EntityInput {
  intent: string;
  language: Language;
  /** Tokens after filler removal and typo correction (English). */
  tokens: Token[];
  /** The text after mention removal, as typed. */
  text: string;
  now: Date;
}

export interface EntityResult {
  entities: Entities;
  trace: string[];
}

/** One sentence as the extractors read it. */
interface Sentence {
  language: Language;
  zh: boolean;
  tokens: Token[];
  text: string;
  /** What whole-sentence detectors read: the normalised tokens (English) or the text (Chinese). */
  plain: string;
  now: Date;
  trace: string[];
}

interface RulePair {
  en: readonly Rule[];
  zh: readonly Rule[];
}

const rules = (enRules: readonly Rule[], zhRules: readonly Rule[]): RulePair => ({ en: enRules, zh: zhRules });
// Huawei control commands also accept the details phrasings ("… of meeting <subject>").
const orDetails = (enRules: readonly Rule[], zhRules: readonly Rule[]): RulePair =>
  rules([...enRules, ...en.details], [...zhRules, ...zh.details]);

/** Intents whose one slot is the meeting. */
const MEETING_RULES: Readonly<Record<string, RulePair>> = {
  'lobby.who': rules(en.lobbyWho, zh.lobbyWho),
  'watch.start': rules(en.watchStart, zh.watchStart),
  'watch.stop': rules(en.watchStop, zh.watchStop),
  // "watch my Huawei meeting …": the same phrasings; the dialog drops the platform words from what they capture.
  'huawei.watch': rules(en.watchStart, zh.watchStart),
  'huawei.unwatch': rules(en.watchStop, zh.watchStop),
  'alerts.routeHere': rules(en.routeHere, zh.routeHere),
  'meetings.details': rules(en.details, zh.details),
  'huawei.details': rules(en.details, zh.details),
  'meetings.delete': rules(en.delete, zh.delete),
  'extensions.list': rules(en.extensionsList, zh.extensionsList),
  'huawei.participants': orDetails(en.huaweiParticipants, zh.huaweiParticipants),
  'huawei.admitWaiting': orDetails(en.huaweiAdmitWaiting, zh.huaweiAdmitWaiting),
  'huawei.end': orDetails(en.huaweiEnd, zh.huaweiEnd),
  'huawei.mute': orDetails(en.huaweiMute, zh.huaweiMute),
  'huawei.lock': orDetails(en.huaweiLock, zh.huaweiLock),
};

/** Intents whose one slot is a contact group. */
const GROUP_RULES: Readonly<Record<string, RulePair>> = {
  'groups.members': rules(en.groupMembers, zh.groupMembers),
  'groups.create': rules(en.groupCreate, zh.groupCreate),
  'groups.delete': rules(en.groupDelete, zh.groupDelete),
  'groups.presence': rules(en.groupPresence, zh.groupPresence),
  'groups.presenceStop': rules(en.groupPresenceStop, zh.groupPresenceStop),
};

const LOBBY_RULES: Readonly<Record<string, RulePair>> = {
  'lobby.admit': rules(en.admit, zh.admit),
  'lobby.reject': rules(en.reject, zh.reject),
};

export function extractEntities(input: EntityInput): EntityResult {
  const zhText = input.language === 'zh';
  const sentence: Sentence = {
    language: input.language,
    zh: zhText,
    tokens: input.tokens,
    text: input.text,
    plain: zhText ? input.text : input.tokens.map((t) => t.norm).join(' '),
    now: input.now,
    trace: [],
  };
  const entities = withAfterthought(input.intent, sentence, withTopic(input.intent, sentence, extractFor(input.intent, sentence)));
  for (const [slot, value] of Object.entries(entities)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete entities[slot as keyof Entities];
    }
  }
  return { entities, trace: sentence.trace };
}

// "新员工培训 全员静音吧", "市场周会，电话入会的人不用等大厅了": the meeting said first and alone, then the command about it.
const ZH_TOPIC = /^(?:华为(?:云)?)?(?:会议)?\s*([^\s，,：:]{2,16})(?:\s+|\s*[，,]\s*)(\S.*)$/u;
// A head that holds a verb, a pronoun, a question word or a time is a clause of its own, not a meeting's name (a year,
// as in 2031年度规划, is part of one).
const NOT_A_TOPIC = /[把将让请帮给我你他她它谁哪吗呢么都也就在是有没不别]|什么|怎么|查|看|显示|列出|关注|盯|删|取消|锁|静音|结束|创建|新建|安排|预约|约|改|设|拒|放|准入|停|可以|能|^(?:今天|明天|后天|下周|本周|这周|上午|下午|晚上)|(?<!\d)\d{1,2}(?![\d年])|[一二三四五六七八九十两]点/u;
// Words said first that open a sentence rather than name a meeting ("好的 把张伟放进来", "OK，让张伟进来").
const NOT_A_NAME = /^(?:好的?|好吧|好嘞|行|谢谢|多谢|对了?|嗯+|哦|噢|那|那个|这个|那么|然后|还有|另外|顺便|是的|收到|哎|喂|嗨|你好|您好|哈喽|老板|领导|[A-Za-z]{1,5})$/iu;
const TOPIC_INTENTS: ReadonlySet<string> = new Set([...Object.keys(MEETING_RULES), ...Object.keys(LOBBY_RULES), 'meetings.update', 'extensions.add']);

// "有人在等的时候提醒我，产品路线图会议": the meeting named last, alone in its clause and called a meeting.
const ZH_AFTERTHOUGHT = /[，,]\s*(?:就是|是)?([^\s，,：:]{2,16}?)\s*(?:这个|那个|这场|那场)?(?:会议|的会)[。！!]?$/u;

/** A Chinese command that names no meeting, then names one as an afterthought in a clause of its own. */
function withAfterthought(intent: string, s: Sentence, entities: Entities): Entities {
  if (!s.zh || entities.meeting || (entities.all && !intent.startsWith('lobby.')) || !TOPIC_INTENTS.has(intent)) return entities;
  const named = ZH_AFTERTHOUGHT.exec(s.text)?.[1];
  if (!named || NOT_A_TOPIC.test(named) || NOT_A_NAME.test(named) || !usableMeeting(named, true)) return entities;
  s.trace.push(`"${named}" named last, alone, is the meeting`);
  return { ...entities, meeting: cleanMeeting(named, true) };
}

/** The command's entities read after a meeting named first, that meeting filled in when the command names none. */
function withTopic(intent: string, s: Sentence, entities: Entities): Entities {
  if (!s.zh || entities.meeting || !TOPIC_INTENTS.has(intent) || (entities.all && !intent.startsWith('lobby.'))) {
    return entities;
  }
  const [, topic = '', rest = ''] = ZH_TOPIC.exec(s.text) ?? [];
  if (topic && NOT_A_NAME.test(topic) && !/[他她它]/u.test(rest)) {
    // "好的 把张伟放进来": the opener goes; the command after it is read on its own.
    const afterOpener = extractFor(intent, { ...s, text: rest, plain: rest });
    const filled = (found: Entities): number => Object.values(found).filter((value) => value !== undefined).length;
    return filled(afterOpener) > filled(entities) ? afterOpener : entities;
  }
  const taken = Object.values(entities).some((value) => typeof value === 'string' && value.includes(topic));
  // "张伟 让他进来": a pronoun after the head points back at it, a person rather than a meeting.
  if (!topic || NOT_A_TOPIC.test(topic) || NOT_A_NAME.test(topic) || /[他她它]/u.test(rest) || taken || !usableMeeting(topic, true)) {
    return entities;
  }
  const inRest = extractFor(intent, { ...s, text: rest, plain: rest });
  s.trace.push(`"${topic}" said first names the meeting`);
  // "新人培训 的设置改一下：…": what the rest read as a name starts with 的, so it is the topic's, not a name.
  const named = inRest.meeting && !/^的/u.test(inRest.meeting) ? inRest.meeting : undefined;
  return { ...inRest, meeting: named ?? cleanMeeting(topic, true) };
}

// Commands about a group's people: "the status of my Vendors contacts" names the group Vendors.
const ABOUT_ITS_PEOPLE: ReadonlySet<string> = new Set(['groups.presence', 'groups.presenceStop', 'groups.members']);

/**
 * "notify me when ppl in Frequent Contacts come online": a capitalised Contacts or Members typed after the name is part
 * of it (Skype for Business's own "Frequent Contacts", a "Board Members" group); the patterns read it as the people of
 * the group, as they should for a lower-case "my Vendors contacts".
 */
function withItsCapitalisedKind(group: string | undefined, text: string): string | undefined {
  if (!group || /\p{Script=Han}/u.test(group)) return group;
  const kind = new RegExp(`(?<![\\p{L}])${escapeRegExp(group)}\\s+(Contacts|Members)(?![\\p{L}])`, 'u').exec(text)?.[1];
  return kind ? `${group} ${kind}` : group;
}

function extractFor(intent: string, s: Sentence): Entities {
  const meetingRules = MEETING_RULES[intent];
  if (meetingRules) {
    return meetingEntities(intent, s, meetingRules);
  }
  const groupRules = GROUP_RULES[intent];
  if (groupRules) {
    const group = groupFrom(structuralWords(match(s, groupRules, (c) => usableGroup(structuralWords(c.group, s))).group, s), s.zh);
    return { group: ABOUT_ITS_PEOPLE.has(intent) ? withoutItsPeople(withItsCapitalisedKind(group, s.text)) : group };
  }
  const lobbyRules = LOBBY_RULES[intent];
  if (lobbyRules) {
    return lobbyDecision(s, lobbyRules);
  }
  switch (intent) {
    case 'debugParse': {
      const keyword = match(s, rules(en.debugParse, zh.debugParse)).keyword;
      return { keyword: keyword ? rawTail(s.text, keyword) : undefined };
    }
    case 'extensions.add':
      return extensionAdd(s);
    case 'meetings.create':
      return meetingCreate(s);
    case 'meetings.update':
      return meetingUpdate(s);
    case 'groups.rename': {
      const captures = match(s, rules(en.groupRename, zh.groupRename));
      return { group: groupFrom(captures.group, s.zh), newName: captures.newName ? stripGroupName(captures.newName, s.zh) : undefined };
    }
    case 'huawei.ongoing':
    case 'huawei.scheduled':
      return huaweiList(s);
    case 'page.next': {
      const page = pageIn(s.plain);
      s.trace.push(`page → ${page}`);
      return { page };
    }
    default:
      return {};
  }
}

function match(s: Sentence, pair: RulePair, accept?: AcceptCaptures): Captures {
  return s.zh ? matchChinese(pair.zh, s.text, s.trace, accept) : matchEnglish(pair.en, s.tokens, s.trace, accept);
}

/** A meeting id in the text wins, then a quoted name, then what the intent's patterns capture. */
// The words that say what kind of thing a name is, read as corrected ("grup Vendors", "the lobyy"), so the cleaning
// that drops them recognises them; the name itself stays as typed.
const STRUCTURAL_WORDS = new Set(['group', 'groups', 'contact', 'meeting', 'meetings', 'conference', 'call', 'lobby', 'lobbies', 'waiting', 'room', 'called', 'named', 'the', 'my', 'our']);

function structuralWords(value: string | undefined, s: Sentence): string | undefined {
  if (!value || s.zh) {
    return value;
  }
  const corrected = new Map(s.tokens.filter((t) => t.original.toLowerCase().replace(/['’]/gu, '') !== t.norm && STRUCTURAL_WORDS.has(t.norm)).map((t) => [t.original, t.norm]));
  return corrected.size === 0 ? value : value.split(' ').map((word) => corrected.get(word) ?? word).join(' ');
}

function meetingIn(s: Sentence, pair: RulePair): string | undefined {
  const id = meetingIdIn(s.tokens, s.text);
  if (id) {
    s.trace.push(`meeting id "${id}" found in the text`);
    return id;
  }
  const quoted = quotedIn(s.tokens);
  if (quoted) {
    s.trace.push(`quoted meeting "${quoted}"`);
    return quoted;
  }
  const captured = structuralWords(match(s, pair, (c) => usableMeeting(structuralWords(c.meeting, s), s.zh)).meeting, s);
  return captured ? withoutKind(cleanMeeting(captured, s.zh), s) : undefined;
}

/**
 * "the Customer onboarding call": after "the", a capitalised name and then "call" in lower case is the name and the
 * kind of thing it is. "Vendor call" without an article, and "the investor call" in lower case, are names as typed.
 */
function withoutKind(meeting: string, s: Sentence): string {
  const named = /^(\p{Lu}.*?)\s+call$/u.exec(meeting)?.[1];
  return named && !s.zh && new RegExp(String.raw`\b(?:the|my|our)\s+${escapeRegExp(meeting)}\b`, 'u').test(s.text) ? named : meeting;
}

const EVERYONE_WAITING_FOR = /^(?:everyone|everybody|all(?: of)?(?: the)? (?:people|guests|folks|visitors|attendees)|all)(?: whos| who is| who are| thats| that is| that are)? (?:still )?(?:waiting|queued|queueing|stuck|sitting) (?:in|for|at|on|to join) (?:the )?(?:lobby (?:of|for) )?(\S.*)$/iu;

function meetingEntities(intent: string, s: Sentence, pair: RulePair): Entities {
  if ((intent === 'watch.start' || intent === 'watch.stop' || intent === 'huawei.unwatch') && allMeetings(s.plain, s.zh)) {
    s.trace.push('"all" meetings asked for');
    return { all: true };
  }
  if (intent === 'huawei.mute' || intent === 'huawei.lock') {
    const on = !turnsOff(intent, s.plain);
    s.trace.push(`toggle → ${on ? 'on' : 'off'}`);
    return { meeting: meetingIn(s, pair), on };
  }
  return { meeting: meetingIn(s, pair) };
}

function lobbyDecision(s: Sentence, pair: RulePair): Entities {
  const captures = match(s, pair);
  const id = meetingIdIn(s.tokens, s.text);
  // "Lena's request to join …": the possessive is not part of the name.
  let person = captures.person?.replace(/\s+(?:now|right now|please|asap|too|as well|for me)$/iu, '').replace(/(?<=\p{L})['’]s?$/u, '').trim();
  let meetingText = id ?? (captures.meeting && usableMeeting(captures.meeting, s.zh) ? cleanMeeting(captures.meeting, s.zh) : undefined);
  // "预算评审大厅里的刘洋": the meeting whose lobby, then the person.
  // "周例会大厅里那个叫李雷的", "大厅里那个王芳": the lobby, a demonstrative, then whoever is named.
  // "所有在大厅等的人": 所有在 says who (everyone there), not whose lobby.
  const inLobby = s.zh && person && !isEveryone(person, true) ? /^(?:所有|全部)?(?:的人)?(?:在|正在)?\s*(.*?)的?(?:大厅|等候室)里?(?:的|那个|那位|这个|这位)?(?:那个|那位)?(?:叫|名叫)?(.+?)(?:的)?$/u.exec(person) : null;
  // "等着进周例会的人": everyone waiting to enter the meeting named.
  const waitingFor = s.zh && person ? /^(?:在)?(?:等着|等待|在等|等候|排队)(?:进|加入|进入|进到)\s*(.+?)\s*的(?:人|访客|客人|人们)(?:都|全|全部)?$/u.exec(person)?.[1] : undefined;
  if (waitingFor) {
    return { all: true, meeting: meetingText ?? cleanMeeting(waitingFor, true) };
  }
  // "把周会里等着的人都放进来", "周会那边等着的": those waiting in (or at) the meeting named.
  const waitingIn = s.zh && person
    ? (/^(?:所有|全部)?(.{2,16}?)(?:的)?(?:大厅|等候室)?(?:里面?|中|那边|那儿|这边|这儿)的?(?:所有|全部)?(?:等着|等待|在等|等候|排队)(?:的|着的)?(?:人|访客|客人|人们)?(?:都|全|全部)?$/u.exec(person)
      ?? /^(?:所有|全部)?(.{2,16}?)(?:的)?(?:大厅|等候室)?(?:里面?|中)的(?:所有|全部)?(?:人|人们|访客|客人)(?:都|全|全部)?$/u.exec(person))?.[1]
    : undefined;
  if (waitingIn) {
    return { all: true, meeting: meetingText ?? cleanMeeting(waitingIn, true) };
  }
  if (inLobby?.[2]) {
    meetingText ??= inLobby[1] ? cleanMeeting(inLobby[1], true) : undefined;
    // "那个叫 Kevin 的": a Latin name set apart by spaces.
    person = inLobby[2].trim();
  }
  // "deny entry to Carlos from the Launch lobby": the person, then whose lobby.
  const fromLobby = !s.zh && person ? /^(.+?) (?:from|in|at|out of) the (.+?)(?:'s|’s)? (?:lobby|waiting room)$/iu.exec(person) : null;
  if (fromLobby?.[1] && fromLobby[2]) {
    meetingText ??= cleanMeeting(fromLobby[2], false);
    person = fromLobby[1];
  }
  // "让周会里的张伟进来": the meeting someone waits in, then who.
  const inMeeting = s.zh && person && !inLobby?.[2] ? /^(.{2,16}?)(?:里面?|中)的(?!人$|人们$)(\S{1,10})$/u.exec(person) : null;
  if (inMeeting?.[1] && inMeeting[2]) {
    meetingText ??= cleanMeeting(inMeeting[1], true);
    person = inMeeting[2];
  }
  if (!person) {
    return { all: wantsAll(s.plain) || undefined, meeting: meetingText };
  }
  // "门外那位客人": where they stand is not who they are.
  person = s.zh ? person.replace(/^(?:门外|门口|外面|外边)的?(?=\S{2})/u, '') : person;
  // Read the corrected words too, so "evrybody" means everybody rather than a person called that.
  const corrected = new Map(s.tokens.map((t) => [t.original, t.norm]));
  const personWords = s.zh ? person : person.split(' ').map((word) => corrected.get(word) ?? word.toLowerCase()).join(' ');
  // "everyone waiting for the Ops sync can come in": who is everyone, and the meeting is what they wait for.
  const awaited = s.zh ? undefined : EVERYONE_WAITING_FOR.exec(personWords) ? EVERYONE_WAITING_FOR.exec(person)?.[1] : undefined;
  if (awaited) {
    s.trace.push(`"${person}" means everyone waiting for ${awaited}`);
    return { all: true, meeting: meetingText ?? cleanMeeting(awaited, true) };
  }
  if (isEveryone(person, s.zh) || isEveryone(personWords, s.zh)) {
    s.trace.push(`"${person}" means everyone waiting`);
    return { all: true, meeting: meetingText };
  }
  return { person, meeting: meetingText };
}

function extensionAdd(s: Sentence): Entities {
  const captures = s.zh
    ? matchChinese(zh.extensionsAdd, s.text, s.trace)
    : matchEnglish(en.extensionsAdd, s.tokens, s.trace, (c) => usableMeeting(c.meeting, false));
  const id = meetingIdIn(s.tokens, s.text) ?? (captures.meeting ? cleanMeeting(captures.meeting, s.zh) : undefined);
  // The extension id pattern is a fallback, too generic to be worth explaining.
  const extensionId = captures.extensionId ?? matchEnglish(en.extensionId, s.tokens, []).extensionId ?? (s.zh ? chineseExtensionId(s.text) : undefined);
  return { meeting: id, extensionType: extensionTypeIn(s.plain), extensionId };
}

/** "加一个组织者数据扩展 ext-1": a Latin word after 扩展 is the extension's id, unless it names the type. */
function chineseExtensionId(text: string): string | undefined {
  // "新增扩展 RoamedParticipantData，编号 hr-552": the id said after its type, with its own label.
  const id = /扩展[，,]?\s*(?:的)?(?:ID|Id|id|编号|标识)?\s*(?:是|为|叫|[:：=])?\s*([A-Za-z0-9][\w.-]*)/u.exec(text)?.[1];
  const labelled = /(?:ID|Id|id|编号|标识)\s*(?:是|为|叫|[:：=])?\s*([A-Za-z0-9][\w.-]*)/u.exec(text)?.[1];
  return usableExtensionId(id) ?? usableExtensionId(labelled);
}

function usableExtensionId(id: string | undefined): string | undefined {
  return id && !/^(?:roamed|undefined|organi[sz]er|participant)/iu.test(id) && !/^\d{6,12}$/u.test(id) ? id : undefined;
}

// Words that say which meetings (when, whose, how many), not what they are about.
const NOT_A_KEYWORD_EN = /^(?:now|today|later|later today|tonight|tomorrow|this week|next week|progress|the go|air|going|right|right now|the moment|at the moment|at present|currently|in progress|reserved|all|all (?!hands\b).+|every .+|everything|everyone|everybody|anyone|huawei|huawei cloud|cloud|me|us|my team|running|scheduled|planned|booked|happening|ongoing|on-going|upcoming|live|active|in-progress|started|starting|later|next|coming|soon|company-?wide|enterprise-?wide|org-?wide|(?:the )?(?:huawei )?schedule|organi[sz]ation-?wide|(?:the )?(?:whole|entire) (?:company|org|organi[sz]ation|enterprise|firm|team)|the company|(?:everyone|everybody|all|anyone) (?:in|at|across) (?:the |my |our )?(?:org|organi[sz]ation|company|enterprise|firm)|everyone else|everywhere|please|pls|again|instead|too)$/iu;
const NOT_A_KEYWORD_ZH = /^(?:云|线上|在线|网络)$|^(?:列出|显示|查看|看看|给我看|列一下)$|正在|在开|进行|全公司|全企业|所有|全部|华为|现在|目前|今天|接下来|我的|哪些/u;

/**
 * "budget - anything running on that?": a pronoun as the search word points back at the topic said first, before a
 * dash or a colon. Without such a topic the pronoun is no search word at all.
 */
function topicForPronoun(s: Sentence, keyword: string | undefined): string | undefined {
  if (!keyword) {
    // "compliance — anything in progress?": a topic set apart before a question that names none is its search word.
    const topic = /^\s*([\p{L}\d][\p{L}\d '&+.]{1,40}?)\s+[-–—]\s+(?:anything|any|something|what|which|are there|is there|got any)\b/u.exec(s.text)?.[1]?.trim();
    if (topic) s.trace.push(`"${topic}", said first, is what the meetings are about`);
    return topic;
  }
  if (!/^(?:that|it|this|those|these|them)$/iu.test(keyword)) {
    return keyword;
  }
  const topic = /^\s*([\p{L}\d][\p{L}\d '&+.]{1,40}?)(?:\s+[-–—]|\s*:)\s+\S/u.exec(s.text)?.[1]?.trim();
  s.trace.push(topic ? `"${keyword}" points back at "${topic}", said first` : `"${keyword}" names no topic`);
  return topic;
}

function huaweiList(s: Sentence): Entities {
  let keyword = quotedIn(s.tokens);
  if (!keyword) {
    const captured = s.zh
      ? matchChinese(zh.huaweiKeyword, s.text, s.trace).keyword
      : matchEnglish(en.huaweiKeyword, s.tokens, s.trace, (c) => c.keyword !== undefined && !NOT_A_KEYWORD_EN.test(c.keyword)).keyword;
    // "on huawei cloud about the launch": what the meetings are about follows the last "about".
    // "on huawei cloud about the launch", "running meetings on budget": what they are about follows the last such word.
    keyword = captured?.replace(/^.*\b(?:about|regarding|concerning|on|matching|mentioning|containing)\s+(?=\S)/iu, '').replace(/^(?:the|a)\s+/iu, '');
    if (keyword && s.zh && NOT_A_KEYWORD_ZH.test(keyword)) {
      s.trace.push(`"${keyword}" says which meetings, not what they are about`);
      keyword = undefined;
    }
    keyword = s.zh ? keyword : topicForPronoun(s, keyword);
  }
  // "all hands" is a meeting's name, not a request for every meeting.
  const all = /\b(?:all(?![- ]hands\b)|every|everything|(?:whole|entire) (?:company|enterprise|organi[sz]ation|org|firm)|company-?wide|enterprise-?wide|across the company|for (?:everyone|everybody|all users))\b|所有|全部|整个|全公司|全企业/iu.test(s.plain) || undefined;
  if (all) {
    s.trace.push('"all" asked for');
  }
  return { keyword, all };
}

function meetingCreate(s: Sentence): Entities {
  const quoted = quotedIn(s.tokens);
  // A subject such as "Q3 Planning" reads as a date range to Recognizers-Text; a quoted subject is never a time.
  const times = findTimes(quoted ? s.text.replace(quoted, ' ') : s.text, s.language, s.now);
  s.trace.push(times.trace);
  let subject = quoted;
  if (!subject) {
    const captured = afterColon(match(s, rules(en.create, zh.create)).subject, s.text);
    subject = captured ? cutSubject(captured, times.spans, s.zh) : undefined;
    // "create a meeting": the word for the thing, not its name.
    // "帮我约个会吧": a sentence's closing particle (吧, 呗, 啊) names nothing either.
    if (subject && /^(?:(?:a|an|the|new|my|online|skype|locked|open|private|public)\s+)*(?:meeting|conference|call)s?$|^(?:一个|一场|新)?(?:会议|会)$|^[吧呗啊呀嘛哈了呢哦喔噢]+$|^(?:open to (?:everyone|anyone|all|everybody)|invite[- ]only|locked|private|public|internal only)$|^(?:今天|明天|后天|今晚|明早|(?:这|本|下)周[一二三四五六日天]?|周[一二三四五六日天])$/iu.test(subject)) {
      s.trace.push(`"${subject}" names no subject`);
      subject = undefined;
    }
  }
  return {
    subject,
    startTime: times.startTime,
    endTime: times.endTime,
    accessLevel: createAccessLevel(s.plain),
    lobbyBypassForPhoneUsers: phoneBypassIn(s.plain),
    leaders: leadersIn(s.text) ?? leaderNamesIn(s.text),
  };
}

/** "book a meeting for my boss: Board prep, …": what follows the colon is the subject. */
function afterColon(captured: string | undefined, text: string): string | undefined {
  // A colon of an address ("leader sip:grace@…") or a time names nothing.
  const named = /(?<!\d|\b(?:sip|tel|mailto|https?))[:：]\s*(?!\d)(\S+)/iu.exec(text)?.[1];
  if (!captured || !named) {
    return captured;
  }
  const at = captured.indexOf(named.replace(/[,，。].*$/u, ''));
  // "QBR: Contoso", "Offsite: Day 2", "Lunch & Learn: AI basics": capitalised words before the colon start the name;
  // "for my boss:" does not.
  const opensName = /^\p{Lu}[\p{L}\d&-]*(?:\s+(?:\p{Lu}[\p{L}\d&-]*|&|and|of)){0,3}:\s*$/u.test(captured.slice(0, Math.max(at, 0)));
  return at > 0 && !opensName ? captured.slice(at) : captured;
}

// "open to the whole company": everyone in it, and nobody outside.
const COMPANY_WIDE = /^(?:the )?(?:whole|entire) (?:company|org|organi[sz]ation|firm|enterprise)$/u;
const EN_ACCESS_CLAUSE = /\b(?:make|set|switch|turn|keep|change) (?:it|that|the meeting|the call|access)(?: (?:to|as))? (\S.*)$/u;
const ZH_ACCESS_CLAUSE = /[，,]\s*(?:并且|而且|再|然后|顺便|同时|还有|另外)?(?:把它|将它)?((?:改成|改为|设成|设为|设置为|设置成|只让|只允许|仅限).+)$/u;

/**
 * A captured stretch of the text with each word as the recognizer read it ("only ppl from our company" → "only people
 * from our company"): captures keep the typed words for names, but settings are read from their meaning.
 */
function asReadWords(text: string, tokens: Sentence['tokens']): string {
  const read = new Map(tokens.map((t) => [t.original.toLowerCase(), t.norm]));
  return text.split(/\s+/u).map((word) => read.get(word.toLowerCase()) ?? word).join(' ');
}

function meetingUpdate(s: Sentence): Entities {
  const captures = match(s, rules(en.update, zh.update), (c) => usableMeeting(c.meeting, s.zh));
  const meeting = meetingIdIn(s.tokens, s.text) ?? quotedIn(s.tokens) ?? (captures.meeting ? cleanMeeting(captures.meeting, s.zh) : undefined);
  // "把周五例会的主题改成…", "rename Friday standup to …": a weekday inside a name is no new time.
  const names = [captures.meeting, captures.subject].filter((name): name is string => !!name && name.length > 1);
  const times = findTimes(captures.rest ?? names.reduce((text, name) => text.replace(name, ' '), s.text), s.language, s.now);
  s.trace.push(times.trace);
  // "… should end at 5pm", "…延长到下午5点结束": the one time said is when it ends.
  if (captures.rest && (/^(?:end|finish|be over)\b/iu.test(captures.rest) || (s.zh && /结束$/u.test(captures.rest) && !/开始/u.test(captures.rest))) && times.startTime && !times.endTime) {
    times.endTime = times.startTime;
    delete times.startTime;
  }
  // "open to everyone, not just invitees": who else is named is the contrast, not the setting.
  const settings = s.zh ? (captures.rest ?? s.text) : (captures.rest ? asReadWords(captures.rest, s.tokens) : s.plain).toLowerCase().replace(/,?\s+not (?:just|only|merely) .+$/u, '');
  // With a time, who may enter is read only from a clause of its own ("…, and make it company folks only").
  const accessClause = s.zh ? ZH_ACCESS_CLAUSE.exec(s.text)?.[1] : EN_ACCESS_CLAUSE.exec(s.plain)?.[1];
  const accessLevel = times.startTime ? (accessClause ? accessLevelIn(accessClause) : undefined)
    : /^(?:everyone|anyone|everybody|anybody|all|the public)$/u.test(settings) ? 'Everyone'
    : COMPANY_WIDE.test(settings) ? 'SameEnterprise' : accessLevelIn(settings);
  return {
    meeting,
    subject: captures.subject ? (s.zh ? stripZh(captures.subject) : captures.subject.replace(/\s+(?:please|instead)$/iu, '')) : undefined,
    startTime: times.startTime,
    endTime: times.endTime,
    accessLevel,
    lobbyBypassForPhoneUsers: phoneBypassIn(s.plain),
  };
}

import { isWrite, type Entities } from './catalog.js';
import { lookup } from '../tables.js';
import { MEETING_KIND_EN, MEETING_KIND_ZH, PEOPLE_WORDS_ZH } from './meetingWords.js';
import { escapeRegExp } from './text.js';

/**
 * A change runs only on a thing of its own kind. The verbs of this bot's writes are everyday verbs (delete, lock,
 * mute, rename, set up, let in), and people use them for everything else in their day: "delete the email from Bob",
 * "lock my screen", "set up a reminder for 4pm", "rename the file to budget.xlsx", 把会议室订了. The classifier hears
 * the verb; what tells a colleague that none of these is a meeting command is the object. So, after the entities
 * are read, a write whose object is plainly something the bot does not manage (a room, an email, a password, a
 * Teams channel) is no command: nothing runs, and the nearest commands are offered. An object of an uncertain kind
 * (an "appointment", an "event") is asked about instead.
 *
 * The word lists are written by hand: they are the bot's own vocabulary of what it is not, and no library knows it.
 * A head word typed with a capital ("War Room", "Email Triage") is a name, not a kind, and passes.
 */

export type ObjectVerdict = { kind: 'foreign' | 'uncertain'; reason: string };

// Where alerts go and how they reach people: other things for most writes, but the very words of the alerting ones
// ("text me when someone waits", "post the alerts in this channel", 有人等就提醒我, 订阅…的上线状态).
const MESSAGING_EN = new Set([
  'channel', 'channels', 'groupchat', 'thread', 'email', 'emails', 'e-mail', 'mail', 'message', 'messages',
  'text', 'texts', 'sms', 'phone', 'subscription', 'subscriptions', 'reminder', 'reminders', 'alarm', 'notification', 'notifications',
]);
// Things people manage in a working day that are not a meeting, a lobby visitor or a contact group. Meals are left
// out: "team lunch", "coffee chat" and "lunch and learn" are what people call their meetings.
const OTHER_THINGS_EN = new Set([
  'room', 'rooms', 'boardroom', 'desk', 'desks', 'tab', 'tabs', 'inbox', 'voicemail', 'voicemails',
  'file', 'files', 'filename', 'document', 'documents', 'doc', 'docs', 'spreadsheet', 'sheet', 'slide', 'slides', 'deck', 'folder', 'attachment',
  'password', 'passcode', 'pin', 'screen', 'laptop', 'computer', 'pc', 'mic', 'microphone', 'camera', 'webcam', 'headset',
  'status', 'membership', 'license', 'licence', 'profile', 'wifi', 'vpn', 'printer',
  'timer', 'task', 'tasks', 'todo', 'to-do', 'ticket', 'tickets', 'invite', 'invites', 'invitation', 'request', 'requests', 'pr',
  'offer', 'proposal', 'application',
  'flight', 'flights', 'hotel', 'taxi', 'cab', 'uber', 'car', 'train', 'pizza', 'order',
  'poll', 'survey', 'whiteboard', 'notes', 'note', 'minutes', 'transcript', 'recording', 'recordings', 'newsletter', 'contract',
  'hours', 'timesheet', 'expense', 'expenses', 'invoice', 'vacation', 'holiday', 'haircut', 'massage', 'gym', 'workout', 'dentist', 'doctor',
  'game', 'movie', 'song', 'music', 'playlist', 'video', 'photo', 'photos', 'picture', 'pictures',
  'dog', 'cat', 'door', 'window', 'lights', 'package', 'parcel', 'delivery',
]);
// Things that may or may not be an online meeting of the organizer's: ask before changing one.
const UNCERTAIN_EN = new Set(['appointment', 'appointments', 'event', 'events', 'booking', 'reservation', 'calendar']);
// "a quick chat with Sam", "coffee chat" are meetings; someone taken from "the chat" is in a Teams chat.
const CHATS = new Set(['chat', 'chats']);
const DIAL_IN = new Set(['phone', 'line', 'landline', 'mobile', 'cell', 'cellphone']);
// A visitor in a lobby is a person; "admit it" is an admission of another kind.
const NOT_A_PERSON_EN = new Set([
  'it', 'this', 'that', 'air', 'sunshine', 'light', 'defeat', 'cookie', 'cookies', 'terms', 'conditions', 'mistake', 'mistakes', 'fault',
  'responsibility', 'payment', 'changes', 'suggestion', 'suggestions', 'apology', 'blame',
]);
// "drop me a line", "end of story", "move on to the next item": a meeting or group is never a pronoun or a
// phrase that starts with a particle; such an 'object' is the rest of an idiom. A hyphen joins the particle into a
// name ("on-call", "in-house"), which is no idiom.
const NOT_AN_OBJECT_START = /^(?:me|us|him|her|them|you|of|on|up|in|out|off|to|with|at|about|some|time)\b(?!-)/u;

// Chinese puts the head noun last: 二楼的会议室, 张伟发的邮件.
const MESSAGING_ZH = ['订阅', '频道', '群聊', '聊天', '邮件', '邮箱', '短信', '消息', '手机', '提醒', '通知'];
// "登出吧，不用再提醒我了": signing out stops the lobby alerts, so they are its own; a chat left (退出群聊) is not.
const MESSAGING_ZH_BUT_ALERTS = MESSAGING_ZH.filter((word) => word !== '提醒' && word !== '通知');
const OTHER_THINGS_ZH = [
  '会议室', '房间', '工位', '聊天记录', '语音信箱', '留言', '文件夹', '文件名', '文件', '文档', '表格', '幻灯片', '附件',
  '密码', '屏幕', '电脑', '麦克风', '话筒', '摄像头', '耳机', '打印机', '状态', '会员', '头像', '签名',
  '闹钟', '待办', '任务', '工单', '机票', '航班', '酒店', '出租车', '火车票', '外卖', '订单',
  '投票', '问卷', '白板', '笔记', '纪要', '录音', '录像', '录屏', '照片', '图片', '假期', '报销', '发票', '快递', '邀请', '申请', '请求',
  '门', '窗户', '灯', '披萨', '奶茶', '蛋糕', '盒饭', '午饭', '晚饭', '早饭', '快餐', '饮料',
];
const UNCERTAIN_ZH = ['预约', '日程', '活动', '聚餐', '饭局'];
const NOT_A_PERSON_ZH = ['快递', '外卖', '狗', '猫'];

// Alerting writes are asked for in the everyday words of messaging; for them those words are no other kind.
const ALERTING: ReadonlySet<string> = new Set(['watch.start', 'watch.stop', 'alerts.routeHere', 'groups.presence', 'groups.presenceStop', 'huawei.watch', 'huawei.unwatch']);

// Presence is a status: "follow the status of Hikers", 订阅客户窗口的上线状态.
const PRESENCE: ReadonlySet<string> = new Set(['groups.presence', 'groups.presenceStop']);

function isOtherThingEn(word: string, intent: string): boolean {
  if (PRESENCE.has(intent) && word === 'status') return false;
  return OTHER_THINGS_EN.has(word) || (!ALERTING.has(intent) && MESSAGING_EN.has(word));
}

function otherThingsZh(intent: string): readonly string[] {
  const things = PRESENCE.has(intent) ? OTHER_THINGS_ZH.filter((word) => word !== '状态') : OTHER_THINGS_ZH;
  if (ALERTING.has(intent)) return things;
  return [...things, ...(intent === 'signOut' ? MESSAGING_ZH_BUT_ALERTS : MESSAGING_ZH)];
}

const DETERMINERS = /^(?:(?:my|the|a|an|our|your|this|that|these|those|his|her|their|its|some)\s+)+/u;
// Where a noun phrase's head ends and what qualifies it begins: "email from Bob", "room on floor 2", "game tonight".
const QUALIFIER = /\s+(?:for|from|with|of|on|in|into|at|to|about|by|out|tonight|today|tomorrow|this|next|that|which|who|early|late|later)\b.*$/u;
// "remove Lisa from the project channel": where the thing is taken from or put in says what kind of thing it is.
const PLACE = /\b(?:from|in|into|out of|to|on)\s+(?:(?:my|the|a|an|our|this|that|his|her|their)\s+)*((?:[\p{L}\d-]+\s+){0,3}[\p{L}\d-]+)\s*$/u;
// "mute Bob on my phone", "end my vacation early": what is the person's own is named after "my".
const MY_THING = /\bmy\s+([\p{L}-]+)/giu;
const NAMES_A_THING = /^my\s+(?:[\p{L}\d&'-]+\s+){1,3}(?:contact\s+)?(?:group|meeting|call|sync|standup)\b/u;

/** An English noun phrase's words before its qualifiers, as typed. */
function englishCore(phrase: string): string[] {
  const bare = phrase.trim().replace(DETERMINERS, '').replace(QUALIFIER, '').replace(/[.,!?;:'"“”‘’]+$/u, '');
  return bare.split(/\s+/u).filter(Boolean);
}

// "War Room", "Email Triage": a capital on the head word marks a name someone gave, not a kind of thing. "the Budget
// review notes" is still notes: the name before them says whose.
function isTypedAsName(words: readonly string[]): boolean {
  return /^\p{Lu}/u.test(words.at(-1) ?? '');
}

function englishVerdict(slot: string, value: string, intent: string, saidAfterItsKind = false): ObjectVerdict | undefined {
  const words = englishCore(value);
  const head = words.at(-1)?.toLowerCase();
  if (!head) return undefined;
  const place = PLACE.exec(value)?.[1]?.split(/\s+/u);
  const placeHead = place && !isTypedAsName(place) ? place.at(-1)?.toLowerCase() : undefined;
  // A visitor may well wait "on the phone" or call "from a landline": that is how dial-in callers reach a lobby.
  if (slot === 'person' && placeHead && DIAL_IN.has(placeHead)) return undefined;
  if (placeHead && (isOtherThingEn(placeHead, intent) || (CHATS.has(placeHead) && !ALERTING.has(intent)))) return { kind: 'foreign', reason: `"${value}" is in or from a ${placeHead}, nothing this bot runs` };
  if (slot === 'person') {
    return NOT_A_PERSON_EN.has(head) || (isOtherThingEn(head, intent) && !isTypedAsName(words))
      ? { kind: 'foreign', reason: `"${value}" is not a person waiting in a lobby` }
      : undefined;
  }
  if (slot !== 'subject' && !saidAfterItsKind && NOT_AN_OBJECT_START.test(value.trim()) && !/\d{6,}/u.test(value)) return { kind: 'foreign', reason: `"${value}" is the rest of an idiom, not a ${slot}` };
  if (isTypedAsName(words)) return undefined;
  if (isOtherThingEn(head, intent)) return { kind: 'foreign', reason: `"${value}" is a ${head}, not a ${slot} this bot runs` };
  return UNCERTAIN_EN.has(head) ? { kind: 'uncertain', reason: `"${value}" may not be an online meeting` } : undefined;
}

function endsWithAny(value: string, nouns: readonly string[]): string | undefined {
  const bare = value.replace(/[。！？!?，,\s]+$/u, '');
  return nouns.find((noun) => bare.endsWith(noun));
}

function chineseVerdict(slot: string, value: string, intent: string, saidAfterItsKind = false): ObjectVerdict | undefined {
  if (slot === 'person') {
    const thing = NOT_A_PERSON_ZH.find((noun) => value.includes(noun));
    return thing ? { kind: 'foreign', reason: `"${value}" is not a person waiting in a lobby` } : undefined;
  }
  // 项目群 is a chat; a contact group may well be called 羽毛球群, so only a meeting is told apart by it.
  // 把我从会议名单里删了: the person themself is no meeting (我的周会 is).
  if (/^(?:我|我们)(?!的|们的)/u.test(value)) return { kind: 'foreign', reason: `"${value}" is the person themself, not a ${slot}` };
  const foreign = endsWithAny(value, slot === 'meeting' ? [...otherThingsZh(intent), '群'] : otherThingsZh(intent));
  if (foreign) return { kind: 'foreign', reason: `"${value}" is a ${foreign}, not a ${slot} this bot runs` };
  // 删除会议 部门聚餐: named right after 会议, it is one whatever it is called.
  const uncertain = saidAfterItsKind ? undefined : endsWithAny(value, UNCERTAIN_ZH);
  return uncertain ? { kind: 'uncertain', reason: `"${value}" may not be an online meeting` } : undefined;
}

const OBJECT_SLOTS = ['meeting', 'subject', 'group', 'person'] as const;

/**
 * Whether `name` occurs in `text` where `fits` holds for the 16 characters before and after it, at any occurrence.
 * Found by position, not by a pattern compiled around the name: a name is text someone typed.
 */
function occursWhere(text: string, name: string, fits: (before: string, after: string) => boolean): boolean {
  if (!name) return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (fits(text.slice(Math.max(0, at - 16), at), text.slice(at + name.length, at + name.length + 16))) return true;
  }
  return false;
}

// "watch my meeting Meeting of org1", "create a meeting called Launch": a value that follows its kind's noun in the
// sentence is a name, whatever its first word (the kind's noun may have been read as part of the phrase, not of the name).
function saidAfterItsKind(value: string, commandText: string): boolean {
  return occursWhere(commandText.toLowerCase(), value.toLowerCase(), (before) => /\b(?:meeting|call|conference|mtg|group)\s+$/u.test(before));
}

function saidAfterChineseKind(value: string, commandText: string): boolean {
  const at = commandText.indexOf(value);
  return at > 0 && /会议\s*[：:“"「]?\s*$/u.test(commandText.slice(Math.max(0, at - 8), at));
}

/**
 * Is the write's object of a kind the bot does not manage? Only writes are judged (a read of the wrong thing costs a
 * "not found"); a meeting or group created under a name ("called …", in quotes) is named so, whatever word that is.
 */
export function judgeObject(intent: string, entities: Readonly<Entities>, chinese: boolean, namedExplicitly: boolean, commandText = ''): ObjectVerdict | undefined {
  if (!isWrite(intent)) return undefined;
  for (const slot of OBJECT_SLOTS) {
    const value = entities[slot];
    if (typeof value !== 'string' || value.length === 0) continue;
    if ((slot === 'subject' || slot === 'group') && namedExplicitly) continue;
    const verdict = chinese || /\p{Script=Han}/u.test(value)
      ? chineseVerdict(slot, value, intent, saidAfterChineseKind(value, commandText)) ?? englishVerdict(slot, value, intent, saidAfterItsKind(value, commandText))
      : englishVerdict(slot, value, intent, saidAfterItsKind(value, commandText));
    if (verdict) return verdict;
  }
  return undefined;
}

// What the bot itself manages: a sentence that names one of these is about the bot's things, whatever else it says.
const OWN_KIND_EN = /\b(?:meetings?|mtgs?|calls?|conferences?|lobby|lobbies|waiting|groups?|accounts?|skype|sfb|huawei|sign(?:ed)?[ -]?(?:in|out|on|off)|log(?:ged)?[ -]?(?:in|out|off|on)|extensions?|alerts?|presence)\b/iu;
const OWN_KIND_ZH = /会|大厅|等候|组|账号|帐号|账户|登录|扩展|联系人/u;

/**
 * The sentence as a whole: a write said about the person's own thing of another kind ("end my vacation early",
 * "mute Bob on my phone"), or a write read with no object at all ("change my password please" heard as a rename,
 * 帮我订一个明天上午十点的会议室 as a new meeting) whose nouns are of another kind and none of the bot's own.
 */
export function judgeSentence(intent: string, entities: Readonly<Entities>, commandText: string, chinese: boolean): ObjectVerdict | undefined {
  if (!isWrite(intent)) return undefined;
  const lower = commandText.toLowerCase();
  // "rename my Gym buddies group": a word after "my" that starts a group's or meeting's name is no thing of the person's.
  const mine = [...lower.matchAll(MY_THING)].filter((match) => !NAMES_A_THING.test(lower.slice(match.index))).map((match) => match[1] ?? '').find((word) => isOtherThingEn(word, intent));
  if (mine) return { kind: 'foreign', reason: `the sentence is about the person's own ${mine}, nothing this bot runs` };
  if (OBJECT_SLOTS.some((slot) => typeof entities[slot] === 'string')) return undefined;
  return aboutAnotherKind(intent, commandText, chinese);
}

/**
 * Help is the classifier's answer to a request it cannot place (中午帮我订个外卖, "help me reset my password"): one
 * about a thing of another kind, and none of the bot's own, is no request for the bot's help either.
 */
export function helpAboutAnotherKind(commandText: string, chinese: boolean): ObjectVerdict | undefined {
  return aboutAnotherKind('help', commandText, chinese);
}

function aboutAnotherKind(intent: string, commandText: string, chinese: boolean): ObjectVerdict | undefined {
  if (chinese) {
    const nouns = otherThingsZh(intent);
    const noun = nouns.find((word) => commandText.includes(word));
    const rest = nouns.reduce((text, word) => text.replaceAll(word, ' '), commandText);
    return noun && !OWN_KIND_ZH.test(rest) ? { kind: 'foreign', reason: `the sentence is about a ${noun}, nothing this bot runs` } : undefined;
  }
  const words = commandText.toLowerCase().split(/[^\p{L}\d-]+/u);
  const noun = words.find((word) => isOtherThingEn(word, intent));
  const rest = words.filter((word) => !isOtherThingEn(word, intent)).join(' ');
  return noun && !OWN_KIND_EN.test(rest) ? { kind: 'foreign', reason: `the sentence is about a ${noun}, nothing this bot runs` } : undefined;
}

const NAMED_EN = /\b(?:called|named|titled|entitled|subject(?:ed)?|name it)\b|["“”「」『』]/iu;
const NAMED_ZH = /叫做?|名为|名叫|标题|主题|题目|["“”「」『』]/u;

/** Does the sentence give the new meeting or group its name in so many words ("called …", quotes, 叫…)? */
export function namesItsSubject(commandText: string, chinese: boolean): boolean {
  return (chinese ? NAMED_ZH : NAMED_EN).test(commandText);
}

// 外包组改成合作方, 把测试组删了: a name that ends in 组 (and is no meeting, 会) is a contact group's, so the change is the
// group's counterpart of the meeting change the classifier heard.
const GROUP_COUNTERPART: Readonly<Record<string, string>> = { 'meetings.update': 'groups.rename', 'meetings.delete': 'groups.delete', 'meetings.details': 'groups.members' };

/** The group command meant when a meeting command names a contact group (…组), if so. */
export function groupNamedAsMeeting(intent: string, entities: Readonly<Entities>, commandText: string): string | undefined {
  const meeting = entities.meeting;
  if (typeof meeting !== 'string' || /会|会议/u.test(meeting)) return undefined;
  // 实习生那个组改叫新人: the name, then 那个组 / 这个组 pointing at it.
  // "删掉 2040秋招 组": the kind said after the name, apart.
  const named = /\p{Script=Han}\s*组$/u.test(meeting) || occursWhere(commandText, meeting, (_before, after) => /^\s*(?:那个|这个)(?:分组|组)/u.test(after));
  if (!named) return undefined;
  return lookup(GROUP_COUNTERPART, intent);
}

// "rename Launch to Launch v2", "get rid of Old friends", 删掉同事: a rename or delete whose object's kind (a meeting or a
// contact group) the sentence does not say. Nothing in the words settles it; what the person has does. The two
// readings are offered, marked as a question of kind, so that the router can look both up and run the one that
// exists; neither runs on a guess. A kind is said by its noun anywhere in the sentence (a subject or title is a
// meeting's), by a meeting's kind in the name ("Budget review", 产品周会), by a meeting id, or by a verb only meetings
// take ("cancel", 取消).
const KIND_COUNTERPART: Readonly<Record<string, string>> = {
  'meetings.delete': 'groups.delete',
  'groups.delete': 'meetings.delete',
  'meetings.update': 'groups.rename',
  'groups.rename': 'meetings.update',
};
// A subject or title is a meeting's: a contact group has only a name.
// "call it Late Shift" calls something: the verb says no kind.
const MEETING_KIND_WORDS_EN = String.raw`subject|title|topic|agenda|meetings?|meetngs?|meeitngs?|mtgs?|call(?!\s+(?:it|them|this|that)\b)|calls|conferences?|confs?|sessions?`;
const GROUP_KIND_WORDS_EN = String.raw`groups?|grps?|grups?|gruops?|gorups?|contacts?|lists?`;
const MEETING_KIND_SAID_EN = new RegExp(String.raw`\b(?:${MEETING_KIND_WORDS_EN})\b`, 'iu');
const GROUP_KIND_SAID_EN = new RegExp(String.raw`\b(?:${GROUP_KIND_WORDS_EN})\b`, 'iu');
const KIND_SAID_ZH = /会|组|組|群|主题|标题|议题/u;
const MEETING_VERB_EN = /\b(?:cancel|call off|scrap|reschedule|postpone|move|push)\b/iu;
const MEETING_VERB_ZH = /取消|不开|改期|推迟|延期|这场|那场|这次|那次/u;
// Meals are what people call their meetings ("Brown bag", "lunch and learn"); contact groups are not named so.
const MEETING_NAME_EN = new RegExp(String.raw`(?:^|[^\p{L}])(?:${MEETING_KIND_EN}|lunch|breakfast|dinner|brown bag|coffee)s?(?![\p{L}])`, 'iu');
const MEETING_NAME_ZH = new RegExp(MEETING_KIND_ZH, 'u');
// "Board 2039", "Advisory Board": a board is a meeting's name ("Board prep") as often as a group of people's, so "board"
// alone says no kind.
function namedAsMeetingEn(name: string): boolean {
  return MEETING_NAME_EN.test(name.replace(/\bboard\b/giu, ' ')) && !PEOPLE_LAST_EN.test(name);
}
const RENAMED_ZH = /改成|改为|改叫|换成|更名/u;
// Settings only meetings have: a change that carries one is a meeting's.
const MEETING_SETTINGS = ['startTime', 'endTime', 'accessLevel', 'lobbyBypassForPhoneUsers'] as const;

/** "923 456 781", "923456781": a Huawei conference id, however it is spaced. */
function namesMeetingId(name: string): boolean {
  return /\d{6,}/u.test(name.replace(/\s+/gu, ''));
}

function saysItsKind(name: string, commandText: string, chinese: boolean): boolean {
  if (namesMeetingId(name)) return true;
  if (chinese || /\p{Script=Han}/u.test(name)) {
    // The 会 of an association's name (读书会) says nothing of its kind, wherever the name is said. (Both are the
    // recognizer's simplified text: kindNotSaid runs before names are given back as typed.)
    const association = ASSOCIATION_ZH.test(name);
    const rest = association ? commandText.split(name).join(' ') : commandText;
    if (KIND_SAID_ZH.test(rest) || (MEETING_NAME_ZH.test(name) && !association) || MEETING_VERB_ZH.test(rest)) return true;
  }
  // "Board Members": a meeting's kind inside a name that ends in people is a group of them, so the kind is not said.
  return GROUP_KIND_SAID_EN.test(commandText) || meetingKindSaidEn(name, commandText);
}

// 读书会 (a book club), 校友会 (alumni): 会 after these is an association of people, as likely a contact group as a meeting.
const ASSOCIATION_WORDS_ZH = String.raw`(?:(?:读书|同学|校友|联谊|老乡|同乡|兴趣|车友|球友|跑友|家长|协|商|工|学)会|俱乐部)`;
const ASSOCIATION_ZH = new RegExp(`${ASSOCIATION_WORDS_ZH}$`, 'u');
const ASSOCIATIONS_ZH = new RegExp(ASSOCIATION_WORDS_ZH, 'gu');
const PEOPLE_LAST_EN = /\b(?:members|contacts|friends|buddies|crew|folks|people|squad|club|alumni|peers|classmates|colleagues|partners|suppliers|vendors|clients|customers|leads|managers|interns|hires|reps|advisors|advisers|testers|mentors|volunteers|contractors|ambassadors|champions|staff|team|adopters|users|fans|parents|runners|speakers|attendees|panelists|organi[sz]ers|guests|judges|sponsors|students|employees|engineers|designers|developers)$/iu;
// 外包团队, 项目成员: a name ending in people is a group of them.
const PEOPLE_LAST_ZH = new RegExp(`${PEOPLE_WORDS_ZH}$`, 'u');

/** The readings to offer when a rename's or delete's object could be a meeting or a contact group, if so. */
export function kindNotSaid(intent: string, entities: Readonly<Entities>, commandText: string, chinese: boolean): string[] | undefined {
  const counterpart = lookup(KIND_COUNTERPART, intent);
  if (!counterpart) return undefined;
  const name = intent.startsWith('groups.') ? entities.group : entities.meeting;
  if (typeof name !== 'string' || name.trim() === '') return undefined;
  // 读书会改成 周五读书会: an association's new name may carry a day; that is no setting of a meeting.
  if (MEETING_SETTINGS.some((slot) => entities[slot] !== undefined) && !ASSOCIATION_ZH.test(name)) return undefined;
  // 老同学改成大学同学: a change that carries no setting, time or subject read as such is a rename, of either kind.
  if (intent === 'meetings.update' && typeof entities.subject !== 'string' && !RENAMED_ZH.test(commandText)) return undefined;
  if (saysOtherKindOnly(intent, name, commandText, chinese)) return [counterpart, intent];
  return saysItsKind(name, commandText, chinese) ? undefined : [intent, counterpart];
}

/**
 * The other kind's reading of the same words, when its own patterns found no object (删掉外包团队 finds a meeting's name
 * but no group's): the name said is the object either way, and a meeting's new subject is a group's new name.
 */
export function readAsOtherKind(intent: string, own: Readonly<Entities>, read: Readonly<Entities>): Entities {
  const name = read.meeting ?? read.group;
  if (!lookup(KIND_COUNTERPART, intent) || typeof name !== 'string' || own.meeting !== undefined || own.group !== undefined) return { ...own };
  const newName = read.subject ?? read.newName;
  return intent.startsWith('groups.')
    ? { group: name, ...(intent === 'groups.rename' && newName !== undefined ? { newName } : {}) }
    : { meeting: name, ...(intent === 'meetings.update' && newName !== undefined ? { subject: newName } : {}) };
}

// "get rid of Fabrikam contacts" read as a meeting's deletion: the sentence names a group's kind (contacts, group,
// list) and no meeting's, or the name ends in people, so the reading of the other kind is offered first, and what
// exists settles it.
function saysOtherKindOnly(intent: string, name: string, commandText: string, chinese: boolean): boolean {
  if (namesMeetingId(name)) return false;
  if (chinese || /\p{Script=Han}/u.test(name)) {
    // 删除读书会组: a group's kind said last in the name is the group's, whatever the name before it says.
    if (intent.startsWith('meetings.')) return /(?:分组|组|組)$/u.test(name) || (PEOPLE_LAST_ZH.test(name) && !KIND_SAID_ZH.test(commandText) && !MEETING_VERB_ZH.test(commandText));
    if (/组|組|群/u.test(commandText)) return false;
    // 季度复盘会议改名为 …: a name ending in 会议 (not an association's 会) is a meeting's, whatever the verb first read;
    // so is one renamed into a meeting's kind (把产品路演改名为 产品发布会预演), said outside an association's name.
    const said = commandText.replace(ASSOCIATIONS_ZH, ' ');
    return (/会议$/u.test(name) && !ASSOCIATION_ZH.test(name)) || MEETING_NAME_ZH.test(said);
  }
  const group = GROUP_KIND_SAID_EN.test(commandText);
  const meeting = meetingKindSaidEn(name, commandText);
  // "trash Board Members": a name that ends in people is, first, a group of them.
  return intent.startsWith('meetings.') ? (group || PEOPLE_LAST_EN.test(name)) && !meeting : meeting && !group && !PEOPLE_LAST_EN.test(name);
}

/** A meeting's kind said in English: its noun anywhere, a meeting's word in the name, or a verb only meetings take. */
function meetingKindSaidEn(name: string, commandText: string): boolean {
  // "get rid of Conference 2044 speakers": a meeting's word inside a name that ends in people says no kind.
  const rest = PEOPLE_LAST_EN.test(name) ? commandText.replace(new RegExp(escapeRegExp(name), 'giu'), ' ') : commandText;
  return MEETING_KIND_SAID_EN.test(rest) || namedAsMeetingEn(name) || MEETING_VERB_EN.test(rest);
}

// "lock down Retro": the Huawei lock (no one more joins the running meeting) or the Skype for Business meeting's access
// set to Locked? The labels of earlier corpora disagree, and rightly: only where Retro lives settles it. A meeting id
// is Huawei's; a service or the access named says which.
const SERVICE_SAID = /huawei|skype|sfb|lync|access|lobby|invite|华为|访问|权限|大厅|邀请/iu;

/** The readings to offer when a lock's meeting could be a Huawei meeting or a Skype for Business one, if so. */
export function serviceNotSaid(intent: string, entities: Readonly<Entities>, sentence: string): string[] | undefined {
  const name = entities.meeting;
  if (typeof name !== 'string' || name.trim() === '' || namesMeetingId(name)) return undefined;
  if (SERVICE_SAID.test(sentence)) return undefined;
  if (intent === 'huawei.lock' && entities.on === true) return [intent, 'meetings.update'];
  const onlyLocked = entities.accessLevel === 'Locked' && ['subject', ...MEETING_SETTINGS].every((slot) => slot === 'accessLevel' || entities[slot as keyof Entities] === undefined);
  return intent === 'meetings.update' && onlyLocked ? [intent, 'huawei.lock'] : undefined;
}

import { isWrite, type Entities } from './catalog.js';
import type { IntentScore } from './classifier.js';
import { lookup } from '../tables.js';

/**
 * Safety before coverage: a command that changes something must be clearly meant. A misread read costs a wrong
 * list; a misread write admits a stranger or deletes a meeting. So a write runs only when the classifier prefers
 * it clearly over the runner-up, with a share of the vote no read would get by accident, and when the sentence
 * does not ask a question ("show…", "which…", "what…", "attached to"). Otherwise the bot asks one short question
 * offering both readings; the reading it would fall back to is the read, never the write.
 */

/** Below this share of the normalised vote a write is not clearly meant. */
export const WRITE_MIN_SHARE = 0.5;
/** A write said without any verb of change needs this share. */
export const WRITE_NO_VERB_MIN_SHARE = 0.75;
/** A write must lead the runner-up by at least this much of the vote. */
export const WRITE_MIN_LEAD = 0.2;

// Sentences that open like a question or a request to see something ask to read, whatever verb follows
// ("show me the extensions attached to…", "which meetings are you keeping tabs on").
// Yes/no questions ("is Budget review open to everyone?", "do I get alerts for …") ask too, and so do "why …" and a
// narration in the past ("I deleted Retro by mistake"); "I wanted to delete Retro" is a polite request.
const READ_CUE_EN = /^(?:is|are|was|were|am i|has|have (?:i|we|you)|had|do (?:i|we|they|you)|can (?:i|we)|may i|should i|will it|would it)\b|^(?:show|list|display|which|what|whats|who|whos|any|anything|are there|is there|is anyone|is anybody|do (?:i|we) have|does|did|have (?:i|we|you)|has|tell me (?:about|what|who|which|how)|see|check|view|how many|how (?:do|can|would|should|does) (?:i|we|you|one)|how to|what happens if|where|when|why|how come)\b|\battached\b|^(?:i|we|you) (?:just |already |accidentally |have |had )?(?!(?:wanted|needed|hoped|wondered|liked|decided|planned|wished)\b)[a-z]*[a-df-z]ed\b/u;
// Chinese asks about a state with 了吗/过吗/了没 ("周会锁了吗", "503216874 结束了吗"), a passive (谁被拒绝了), "who" first or
// "how" (怎么创建会议). A bare 吗 is also how a polite request ends ("可以让张伟进来吗"), so it alone is no cue.
// "在这个群里显示": shown in a place is where something goes, not a request to see it.
const READ_CUE_ZH = /哪些|哪个|什么|有没有|列出|列一下|查看|(?<!(?:在|到)(?:本|这个|此|这|当前)?(?:频道|群聊|群|聊天|对话|会话|这里|这儿|这边)里?)显示|看看|看一下|是否|几个|多少|了吗|过吗|了没有?|是不是|^谁|谁被|被.{1,6}了|怎么|如何/u;

// A sentence that opens with a verb of change (or, in Chinese, carries one) says plainly that it wants a change;
// then only a close runner-up makes it unclear. Without such a verb ("Maria can come in now") the classifier
// alone must be sure.
const WRITE_VERB_EN = /^(?:admit|let|allow|bring|accept|approve|reject|deny|decline|refuse|turn|send|redirect|forward|kick|block|remove|delete|cancel|erase|drop|get rid|trash|scrap|watch|monitor|track|follow|subscribe|unsubscribe|unwatch|stop|quit|create|schedule|book|set|make|new|add|attach|put|rename|change|update|modify|edit|move|reschedule|push|mute|unmute|silence|lock|unlock|end|terminate|close|finish|wrap up|wrap|hang up|shut down|shut|kill|post|route|deliver|forward|sign|log|keep|alert|notify|ping|start|begin|open|dont|do not|never|sign out|log out|logout|signout|logoff|disconnect|forget|unlink)\b/u;
const WRITE_VERB_ZH = /让|放|接进|拉进|请进|准入|接纳|批准|拒|踢|停掉|关掉|推迟|提前|不要让|别让|关注|监控|盯|订阅|跟踪|取消|停止|不再|删|移除|创建|新建|建|安排|预约|添加|加|改|修改|更新|重命名|设|静音|锁|结束|终止|关闭|发到|发送|退出|注销|解除|别(?:再)?(?:给我)?(?:发|推|提醒|通知)|不用(?:再)?(?:给我)?(?:发|推|提醒|通知)/u;

/** A write with a plain verb of change still needs this lead over the runner-up. */
export const WRITE_VERB_MIN_LEAD = 0.05;

/** The read a write is most often confused with (same nouns, no change): the reading to offer and fall back to. */
const READ_COUNTERPART: Readonly<Record<string, string>> = {
  'extensions.add': 'extensions.list',
  'watch.start': 'watch.list',
  'watch.stop': 'watch.list',
  'lobby.admit': 'lobby.who',
  'lobby.reject': 'lobby.who',
  'huawei.admitWaiting': 'huawei.participants',
  'meetings.create': 'meetings.list',
  'meetings.update': 'meetings.details',
  'meetings.delete': 'meetings.details',
  'groups.create': 'groups.list',
  'groups.rename': 'groups.members',
  'groups.delete': 'groups.members',
  'groups.presence': 'groups.members',
  'groups.presenceStop': 'groups.members',
  'alerts.routeHere': 'watch.list',
  'huawei.end': 'huawei.details',
  'huawei.mute': 'huawei.participants',
  'huawei.lock': 'huawei.details',
};

/**
 * The write asked about rather than run, `why` it is not clearly meant: the read it is most often confused with
 * becomes the reading to report and is offered first, when it has one.
 */
export function askFallingBackToRead(intent: string, why: string): WriteGuard {
  const read = lookup(READ_COUNTERPART, intent);
  return read
    ? { intent: read, ask: [read, intent], reason: `${why} → ask, falling back to ${read}` }
    : { intent, ask: [intent], reason: `${why} → ask` };
}

/** Does the sentence open like a question or a request to see something? */
export function asksToSee(commandText: string, chinese: boolean): boolean {
  return (chinese ? READ_CUE_ZH : READ_CUE_EN).test(commandText);
}

// A change names the thing it changes as one that exists ("the", a name, an id). "set a reminder to call mom",
// "cancel a dentist thing": an indefinite article introduces something the bot never made, so the write is asked.
const INDEFINITE_TARGET = /^(?:a|an|some|another)\s/iu;
const TARGET_SLOTS = ['meeting', 'group', 'person'] as const;

/** The write to ask about instead of running, when its target is introduced by an indefinite article. */
export function guardIndefiniteTarget(intent: string, entities: Readonly<Entities>): WriteGuard | undefined {
  if (!isWrite(intent) || intent === 'meetings.create' || intent === 'groups.create') {
    return undefined;
  }
  const target = TARGET_SLOTS.map((slot) => entities[slot]).find((value): value is string => typeof value === 'string');
  if (!target || !INDEFINITE_TARGET.test(target)) {
    return undefined;
  }
  return askFallingBackToRead(intent, `"${target}" is introduced as something new, not one the bot knows`);
}

export interface WriteGuard {
  /** The intent to report: the write when it is clear, else the safe reading (a read, if one fits). */
  intent: string;
  /** When set, the readings to offer as a question, best guess first; the write is among them. */
  ask?: string[];
  reason?: string;
}

export function guardWrite(intent: string, score: number, ranked: readonly IntentScore[], commandText: string, chinese: boolean, verbReading?: string): WriteGuard {
  if (!isWrite(intent)) {
    return { intent };
  }
  if (verbReading && verbReading !== intent) {
    // The opening verb names another change ("change … so anyone can join" read as an admission): ask, run neither.
    return { intent: verbReading, ask: [verbReading, intent], reason: `write ${intent} is not what the opening verb asks for (${verbReading}) → ask` };
  }
  const runnerUp = ranked.find((r) => r.intent !== intent && r.intent !== 'none');
  const readCue = (chinese ? READ_CUE_ZH : READ_CUE_EN).test(commandText);
  // "lock 预算评审会": an English verb before a Chinese name is read as Chinese text, and is still a verb of change.
  const verb = (chinese ? WRITE_VERB_ZH : WRITE_VERB_EN).test(commandText) || (chinese && WRITE_VERB_EN.test(commandText.toLowerCase()));
  const lead = runnerUp === undefined ? score : score - runnerUp.score;
  const close = lead < (verb ? WRITE_VERB_MIN_LEAD : WRITE_MIN_LEAD);
  // Without a verb of change ("meetings about pricing scheduled for next week") only a near-certain vote acts.
  const weak = !verb && score < WRITE_NO_VERB_MIN_SHARE;
  if (!readCue && !close && !weak) {
    return { intent };
  }
  if (!readCue && !weak && runnerUp && isWrite(runnerUp.intent)) {
    // Two changes compete (reject a visitor or delete a meeting?): ask, and run neither unasked.
    return { intent, ask: [intent, runnerUp.intent], reason: `write ${intent} not clearly meant (${runnerUp.intent} is close) → ask` };
  }
  const counterpart = lookup(READ_COUNTERPART, intent);
  // "explain" is asked for by name ("explain …", 解析): it is never what an unclear change meant instead.
  const rankedRead = ranked.find((r) => r.intent !== 'none' && r.intent !== 'debugParse' && !isWrite(r.intent) && r.score >= 0.05)?.intent;
  // A question cue names the read; otherwise the read the classifier itself considered, else the usual counterpart.
  const read = readCue ? (rankedRead && close ? rankedRead : counterpart ?? rankedRead) : rankedRead ?? counterpart;
  const why = [readCue ? 'the sentence asks to see something' : '', close ? `${runnerUp?.intent} is close` : '', weak ? `share ${score.toFixed(2)} < ${WRITE_NO_VERB_MIN_SHARE} without a verb of change` : '']
    .filter(Boolean).join(', ');
  if (read) {
    return { intent: read, ask: [read, intent], reason: `write ${intent} not clearly meant (${why}) → ask, falling back to ${read}` };
  }
  const other = runnerUp?.intent;
  return { intent, ask: other ? [intent, other] : [intent], reason: `write ${intent} not clearly meant (${why}) → ask` };
}

// "don't delete Board prep", "never mind, don't cancel Retro": a change forbidden is no change to make. "don't let Dana
// in" is a rejection (the lobby's own phrasing), unless it only defers ("don't admit Dana yet": wait, not turn away).
const NEGATED_CHANGE_EN = /^(?:(?:wait|no|nope|never ?mind|actually|hold on|hang on|sorry|oh|ok|okay|please|pls)\W*\s+)*(?:do not|don['’]?t|dont|never(?! ?mind\b)|no need to|there['’]?s no need to|you don['’]?t (?:have|need) to)\s+(?:(?:let|admit|allow)\b(?=.*\b(?:yet|for now|just yet|until|till)\b)|(?!let\b|admit\b|allow\b|forget\b|worry\b|need\b(?! to\b)[^,;]*\b(?:anymore|any more|any longer)\b)\w)/iu;
// "I'm going to delete Board prep later", "my boss wants to cancel Retro", "let me think about whether to lock it": a
// plan told, someone else's wish, a decision still open — none asks the bot to change anything now.
const NOT_A_REQUEST_EN = /^(?:i|we)(?:['’]m| am|['’]re| are) (?:going to|gonna|planning|about to|thinking (?:of|about)|considering)\b|^(?:i|we) (?:might|may|could|plan to|intend to|will probably|probably will)\b|^(?:i|we)['’]ll (?:probably |maybe )?(?!need\b)\w|^(?:i|we) will (?!need\b)\w|^(?:my|our|the) (?:boss|manager|team|lead|colleague|client|customer|ceo|director|host|organi[sz]er)\b.*\b(?:wants?|asked|needs?|would like|said|is going|plans?)\b|^let me (?:think|decide|sleep on)\b|^remind me (?:to|that)\b|\bwhether (?:to|i should|we should|or not)\b|^(?:i|we) (?:wonder|am wondering|was wondering) (?:if|whether) (?:i|we) should\b/iu;

// "let the new hire know about the meeting", "let Bob decide": let with a verb after its object is leave to do, not
// admission ("let Bob in", "let Bob join" are admissions).
const LET_SOMEONE_DO_EN = /^[Ll]et\s+(?!me\b)(?:(?!(?:in|into|to|through|join|on|back|people|everyone|everybody|all)\b)[\p{L}'’.-]+\s+){1,3}?(?:know|see|decide|handle|have|take|use|try|check|review|think|choose|pick|sort|deal|lead|present|finish|go first|do)\b/u;
// "bring up the budget review", "bring Sam up to speed": to show or to brief, not to bring someone in.
const BRING_UP_EN = /^bring\s+(?:up\b|\S+(?:\s+\S+)?\s+up to speed\b)/iu;

// 别删周例会, 先别结束 912345678, 先别放张伟进来: forbidden or put off. 别让张伟进来 (not 先别) is a rejection, and
// 不用再盯 … stops a watch: both are commands of their own.
const NEGATED_CHANGE_ZH = /^(?:请|麻烦)?(?:(?:先|暂时|现在|还)(?:别|不要|不用|不必|先别)(?:急着?)?|(?:别|不要|千万别|千万不要)(?!让|放|再))\s*(?:把\s*\S{1,12}?\s*)?(?:删|取消|结束|终止|关|锁|解锁|静音|改|挪|推迟|提前|建|创建|新建|加|添加|拒|踢|散|让|放|请|拉|准入|发|转|推)/u;
// 排队的人先不放进来, 周例会暂时不删: the same, the object said first.
const PUT_OFF_ZH = /^(?:请|麻烦)?[^，,]{1,16}?(?:先|暂时|还)(?:不|别|不要|不用)(?:要)?(?:急着?)?(?:删|取消|结束|终止|关|锁|解锁|静音|改|挪|推迟|提前|建|创建|新建|加|添加|拒|踢|散|让|放|请|拉|准入|发|转|推)/u;
// 刚才是谁拒绝了张伟, 我能删周例会吗, 要不要把周例会取消, 把周例会取消会怎样, 我不小心删了周例会: who did it, whether
// one may or should, what would follow, what happened by mistake — questions and narration, not requests ("谁上线了告诉我"
// asks for a watch: only 谁 before a verb of change asks who made it).
const QUESTION_ZH = /谁(?!都|也)(?:把|给|将)?[^，,谁]{0,12}?(?:删|取消|锁|改|拒|结束|踢|静音|解锁|建|创建|新建|加|放|关掉|关闭)|^我(?:们)?(?:能|可以|能不能|可不可以|可不可能|有权限)[^，,]*[吗么][？?]?$|要不要|该不该|是不是(?:该|要|应该)|应不应该|会怎样|会怎么样|会不会|会发生什么|有什么影响|不小心|误删|误操作/u;
// 老板想取消周例会, 领导说要删掉…: someone else's wish, told.
const NOT_A_REQUEST_ZH = /^(?:我们|我的)?(?:老板|领导|经理|主管|上司|同事|客户|组长)(?:说|想|要|希望|打算|准备|让我|叫我)/u;
// "our all hands got moved to the big auditorium", "the vendor call got canceled": a change told as done — by someone,
// somewhere — is news, not a request; unless a request follows it ("…, please update it").
const CHANGE_TOLD_AS_DONE_EN = /^(?:(?:fyi|btw|heads up|looks like|seems like|just so you know|note|so|apparently|ok so)\W*\s+)?(?!(?:please|pls|can|could|would|make sure|ensure|check|see if|find out)\b)[^,;:!?]{1,60}?\s+(?:got|was|were|has been|have been|had been|['’]s been|just got)\s+(?:just\s+|already\s+|finally\s+)?(?:moved|rescheduled|pushed|postponed|delayed|cancell?ed|called off|renamed|deleted|removed|locked|unlocked|muted|unmuted|ended|shifted|bumped|brought forward)\b(?![^,;]*[,;]\s*(?:so |and |then |now |could you |can you |please |pls )*(?:please|pls|update|change|fix|move|reflect|do the same|cancel|delete|rename|lock|mute)\b)/iu;
// 跟张伟说一下会议改时间了, 告诉大家周会取消了: news to pass on to someone, which the bot does not carry.
const TELL_SOMEONE_ZH = /^(?:请|帮我|麻烦你?|你)?(?:(?:跟|和|给)\S{1,8}?(?:说|讲)(?:一下|一声)?|告诉(?!我)\S{1,8})/u;

/**
 * A write the sentence does not ask for now — forbidden, planned, someone else's wish, still being decided or told as
 * already done — is no command at all: nothing runs, and the nearest commands are offered instead. The reason, or
 * undefined.
 */
export function changeNotAskedFor(command: string, chinese = false, askedFor = false): string | undefined {
  if (chinese) {
    if (NEGATED_CHANGE_ZH.test(command) || PUT_OFF_ZH.test(command)) return 'a change forbidden or put off (别…, 先别…) is none';
    if (QUESTION_ZH.test(command)) return 'a question about a change (谁…, 我能…吗, 要不要…, …会怎样) or one told as past is none';
    if (TELL_SOMEONE_ZH.test(command)) return 'news to pass on to someone (跟…说, 告诉…) is none';
    return NOT_A_REQUEST_ZH.test(command) ? 'someone else\'s wish, told, is none' : undefined;
  }
  if (NEGATED_CHANGE_EN.test(command)) return 'a change forbidden ("don\'t …") is none';
  if (BRING_UP_EN.test(command)) return '"bring up" shows, "bring … up to speed" briefs: none';
  if (LET_SOMEONE_DO_EN.test(command)) return '"let … know" (or see, decide, have) lets someone do something, not into a meeting: none';
  if (NOT_A_REQUEST_EN.test(command)) return 'a change planned, wished by someone else or still undecided is none';
  if (!askedFor && CHANGE_TOLD_AS_DONE_EN.test(command)) return 'a change told as done ("… got moved", "… was cancelled") is news, not a request: none';
  return undefined;
}

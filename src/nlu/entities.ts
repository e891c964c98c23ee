import type { Entities } from './catalog.js';
import type { Language } from './recognition.js';
import { findTimes } from './datetime.js';
import { isMeetingId, type Token } from './text.js';

/**
 * Deterministic entity extraction, run after the intent is known. English patterns match the normalised,
 * typo-corrected token text; the captured span is then read back from the tokens as the user typed them, so
 * values keep their casing ("Budget review"). Chinese patterns match the text itself (no word boundaries).
 * Hand-written because the slots are positional ("rename X to Y", "let X in") — no gazetteer or NER model
 * knows meeting subjects or group names — and because every rule must be explainable in "explain".
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

type Slot = 'meeting' | 'person' | 'group' | 'newName' | 'keyword' | 'subject' | 'extensionId' | 'rest';

interface Rule {
  pattern: RegExp;
  /** Short name for the explanation. */
  name: string;
}

const rule = (name: string, source: string): Rule => ({ name, pattern: new RegExp(source, 'du') });

// ---------------------------------------------------------------------------------------------------------
// Slot cleaning

const MEETING_GENERIC = /^(?:the|my|our|this|that|a|an|in|of|for|waiting|there|anyone|somebody|someone|anybody|people|(?:(?:the|my|our|this|that|a)\s+)?(?:lobby|lobbies|waiting room|meeting|meetings|call|conference|it|here|one|join|all|everything|everyone|all my meetings|all meetings|all of them|every meeting))$/iu;
const ALL_WORDS = /^(?:(?:all|every)\s+)?(?:everyone|everybody|every one|all|all of them|them all|them|all guests|the guests|guests|people|all people|all the people|everyone else|all participants|the lot|waiting people|everyone who is waiting)(?:\s+(?:waiting|who (?:is|are) waiting|in the lobby|in lobby|from the lobby|in the waiting room|that are waiting|there|too))*$/iu;
const ALL_MEETINGS = /\b(?:all (?:of )?(?:my |the |our )?meetings|every (?:one of my )?meetings?|all of them|everything|all my lobbies|all lobbies|all alerts|all watches|all)\b/iu;

function stripMeeting(value: string): string {
  return value
    .replace(/^(?:the\s+)?(?:lobby|waiting room)\s+(?:of|for|in)\s+/iu, '')
    .replace(/^(?:(?:the|my|our)\s+)?(?:online\s+|skype\s+)?(?:meeting|conference|call)\s+(?:called\s+|named\s+|titled\s+)?/iu, '')
    .replace(/^(?:the|my|our)\s+/iu, '')
    .replace(/^(?:called|named|titled)\s+/iu, '')
    .replace(/\s+(?:here|now|right now|today|for me|again|please|asap|anymore|any more|any longer|in this (?:chat|channel)|to this (?:chat|channel))$/iu, '')
    .replace(/\s+(?:meeting|conference|lobby)$/iu, '')
    .trim();
}

function stripGroup(value: string): string {
  return value
    .replace(/^(?:(?:the|my|our)\s+)?(?:contact\s+)?group\s+(?:called\s+|named\s+)?/iu, '')
    .replace(/^(?:the|my|our)\s+/iu, '')
    .replace(/^(?:called|named|titled)\s+/iu, '')
    .replace(/\s+(?:contact\s+)?group$/iu, '')
    .replace(/\s+(?:instead|please|now|for me)$/iu, '')
    .trim();
}

function stripZh(value: string): string {
  return value.replace(/^[\s“"「『]+|[\s”"」』。？！?!，,、.]+$/gu, '').replace(/^(?:会议|分组)\s*/u, '').trim();
}

// ---------------------------------------------------------------------------------------------------------
// Matching over tokens

interface TokenText {
  text: string;
  starts: number[];
}

function joinTokens(tokens: Token[]): TokenText {
  const starts: number[] = [];
  let text = '';
  for (const token of tokens) {
    if (text) {
      text += ' ';
    }
    starts.push(text.length);
    text += token.norm;
  }
  return { text, starts };
}

/** The tokens covered by [from, to) of the joined text, as the user typed them. */
function originalSpan(tokens: Token[], joined: TokenText, from: number, to: number): string {
  const picked: string[] = [];
  tokens.forEach((token, i) => {
    const start = joined.starts[i] ?? 0;
    if (start >= from && start + token.norm.length <= to) {
      picked.push(token.original);
    }
  });
  return picked.join(' ');
}

type Captures = Partial<Record<Slot, string>>;

function matchEnglish(rules: readonly Rule[], tokens: Token[], trace: string[], accept: (c: Captures) => boolean = () => true): Captures {
  const joined = joinTokens(tokens);
  for (const { name, pattern } of rules) {
    const match = pattern.exec(joined.text);
    if (!match?.indices?.groups || !match.groups) {
      continue;
    }
    const captures: Captures = {};
    for (const [slot, range] of Object.entries(match.indices.groups)) {
      if (range && match.groups[slot] !== undefined) {
        captures[slot as Slot] = originalSpan(tokens, joined, range[0], range[1]);
      }
    }
    if (accept(captures)) {
      trace.push(`pattern "${name}" matched: ${describe(captures)}`);
      return captures;
    }
  }
  return {};
}

function matchChinese(rules: readonly Rule[], text: string, trace: string[], accept: (c: Captures) => boolean = () => true): Captures {
  for (const { name, pattern } of rules) {
    const match = pattern.exec(text);
    if (!match?.groups) {
      continue;
    }
    const captures: Captures = {};
    for (const [slot, value] of Object.entries(match.groups)) {
      if (value !== undefined && stripZh(value)) {
        captures[slot as Slot] = stripZh(value);
      }
    }
    if (accept(captures)) {
      trace.push(`pattern "${name}" matched: ${describe(captures)}`);
      return captures;
    }
  }
  return {};
}

function describe(captures: Captures): string {
  const parts = Object.entries(captures).map(([slot, value]) => `${slot}="${value}"`);
  return parts.length > 0 ? parts.join(', ') : '(no slots)';
}

// ---------------------------------------------------------------------------------------------------------
// Patterns per intent. English sources see lower-case words separated by single spaces.

const MEETING_WORD = '(?:(?:the|my|our) )?(?:(?:online|skype) )?(?:meeting|conference|call)';

const en = {
  debugParse: [
    rule('explain <text>', '^(?:explain|debug(?: parse)?|parse|trace|analy[sz]e) (?:how you (?:read|understand|parse) )?(?<keyword>.+)$'),
    rule('how do you understand <text>', '^how (?:do|would) you (?:understand|read|parse|interpret) (?<keyword>.+)$'),
    rule('what does <text> mean', '^what does (?<keyword>.+) mean(?: to you)?$'),
  ],
  lobbyWho: [
    rule('lobby of <meeting>', '\\b(?:lobby|lobbies|waiting room) (?:of|for|in|on) (?<meeting>.+)$'),
    rule('waiting to join <meeting>', '\\bwaiting (?:to join|for|in|on) (?<meeting>.+)$'),
    rule('<meeting> lobby', '^(?:who(?: is|s)?|whos|anyone|anybody|show|check|list)(?: .+)? (?:in|at|of) (?<meeting>.+?) lobby$'),
  ],
  admit: [
    rule('let <person> in the lobby of <meeting>', '^(?:let|bring|get|allow|admit|accept) (?<person>.+?) (?:waiting )?(?:in|from|of|at) (?:the )?(?:lobby|waiting room) (?:of|for|in) (?<meeting>.+?)(?: (?:in|through|join|inside))?$'),
    rule('let <person> in', '^(?:let|bring|get|allow) (?<person>.+?) (?:in|through|join|to join|inside)(?: (?:to|into|for|of|in) (?<meeting>.+))?$'),
    rule('let <person> into <meeting>', '^(?:let|bring|get) (?<person>.+?) into (?<meeting>.+)$'),
    rule('allow <person> to join <meeting>', '^(?:allow|permit) (?<person>.+?) (?:to join|to enter|in|into)(?: (?<meeting>.+))?$'),
    rule('admit <person> to <meeting>', '^(?:admit|accept|approve|allow in|let in|bring in|ok|okay) (?<person>.+?)(?: (?:to|into|in|to join|from the lobby of|from the lobby for) (?<meeting>.+))?$'),
  ],
  reject: [
    rule("don't let <person> in", '^(?:do not|dont|never) (?:let|admit|allow) (?<person>.+?)(?: in| into| join| to join)?(?: (?:to|into|in|for) (?<meeting>.+))?$'),
    rule('turn <person> away', '^(?:turn|send|kick|throw) (?<person>.+?) (?:away|out|off)(?: (?:of|from) (?:the )?lobby(?: (?:of|for) (?<meeting>.+))?)?$'),
    rule('reject <person> from the lobby of <meeting>', '^(?:reject|deny|decline|refuse|block|remove|kick|dismiss|turn away|kick out|throw out|send away) (?<person>.+?) (?:from|in|out of) (?:the )?lobby(?: (?:of|for|in) (?<meeting>.+))?$'),
    rule('reject <person>', '^(?:reject|deny|decline|refuse|block|remove|kick|dismiss|turn away|kick out|throw out|send away) (?<person>.+)$'),
  ],
  watchStart: [
    rule('lobby of <meeting>', '\\b(?:lobby|lobbies|waiting room|alerts|notifications) (?:of|for|in|on|about) (?<meeting>.+)$'),
    rule('waits in <meeting>', '\\b(?:waits?|waiting|is waiting) (?:in|for|to join|on) (?<meeting>.+)$'),
    rule('watch <meeting>', '^(?:please )?(?:start )?(?:watch(?:ing)?|monitor(?:ing)?|track(?:ing)?|follow(?:ing)?|keep an eye on|keep watch on|guard|subscribe to|notify me about|alert me about|tell me about) (?:my )?(?:meeting )?(?<meeting>.+)$'),
  ],
  watchStop: [
    rule('stop <…> for <meeting>', '\\b(?:watching|monitoring|tracking|following|alerts|alerting|notifications|notifying me|pinging me|watch|watches) (?:for|about|of|from|on|to|me about) (?<meeting>.+)$'),
    rule('stop watching <meeting>', '^(?:stop|quit|cancel|end|pause|halt|cease|no more|dont|do not) (?:watching|monitoring|tracking|following|to watch|watch) (?<meeting>.+)$'),
    rule('unwatch <meeting>', '^(?:unwatch|unsubscribe from|unsubscribe|unfollow|forget) (?<meeting>.+)$'),
  ],
  routeHere: [
    rule('alerts for <meeting> here', '\\b(?:alerts?|notifications?|pings|lobby) (?:for|of|from|about) (?<meeting>.+?)(?: (?:lobby|here|to this|in this|into this|to here|over here|to the channel|to this channel|to this chat|in here)\\b.*)?$'),
    rule('send <meeting> lobby alerts here', '^(?:send|post|route|deliver|forward|share|put|redirect) (?:the )?(?<meeting>.+?) (?:lobby )?(?:alerts?|notifications?)\\b'),
    rule('about <meeting> lobby', '\\babout (?<meeting>.+?)(?: lobby)?(?: here)?$'),
  ],
  details: [
    rule('details of <meeting>', '\\b(?:details?|info|information|summary|overview|join link|link|settings) (?:of|for|about|on|to) (?<meeting>.+)$'),
    rule('<meeting> details', '^(?:show |get |give me )?(?:the )?(?<meeting>.+?) (?:details|info|information)$'),
    rule('tell me about <meeting>', '^(?:tell me about|describe|show me|show|open|display|look up|lookup|what is|whats|what about) (?<meeting>.+)$'),
  ],
  create: [
    rule('called <subject>', '\\b(?:called|named|titled|entitled|with (?:the )?(?:subject|title)|subject|title) (?<subject>.+)$'),
    rule('create a meeting <subject>', `^(?:create|schedule|book|set up|setup|new|make|plan|organi[sz]e|add|arrange|start|host|set) (?:me )?(?:(?:a|an) )?(?:new )?(?:locked |open |private |public )?(?:(?:online|skype) )?(?:meeting|conference|call)?(?: for| about| on)? ?(?<subject>.+)$`),
  ],
  update: [
    rule('rename <meeting> to <subject>', `^(?:rename|retitle) (?:${MEETING_WORD} )?(?<meeting>.+?) (?:to|as|into) (?<subject>.+)$`),
    rule('change the subject of <meeting> to <subject>', '\\b(?:subject|title|name|topic) (?:of|for) (?<meeting>.+?) (?:to|as|into) (?<subject>.+)$'),
    rule('<meeting> subject to <subject>', `^(?:change|set|update|make) (?:the )?(?<meeting>.+?) (?:subject|title|topic|name) (?:to|as) (?<subject>.+)$`),
    rule('move <meeting> to <time>', '^(?:move|reschedule|push|shift|postpone|bring forward|delay) (?<meeting>.+?) (?:to|until|till|at|for|by|back to) (?<rest>.+)$'),
    rule('change <meeting> so <rest>', '^(?:change|set|make|switch|update|modify|edit|turn|configure) (?:the )?(?:access (?:level )?(?:of|for|to) |time of |start of |end of |lobby (?:of|for|in) |settings of )?(?<meeting>.+?)(?: (?:access(?: level)?|lobby|time|start|settings))? (?:to|so|as|into|open to|:|for) (?<rest>.+)$'),
    rule('let phone users bypass the lobby in <meeting>', '\\bphone .*\\b(?:in|for|of|on) (?<meeting>.+)$'),
    rule('make <meeting> <setting>', '^(?:make|set) (?<meeting>.+?) (?<rest>locked|open|public|private|invite only|invited only|internal|open to .+)$'),
    rule('change <meeting>', '^(?:change|update|modify|edit|adjust|tweak|alter) (?:the )?(?:time |start |end |settings |subject |access )?(?:of |for )?(?<meeting>.+)$'),
  ],
  delete: [
    rule('delete <meeting>', `^(?:delete|remove|cancel|erase|drop|get rid of|trash|kill|call off|scrap|wipe|nuke|destroy) (?:the )?(?:(?:online|skype) )?(?:meeting |conference )?(?:called |named |titled )?(?<meeting>.+)$`),
  ],
  extensionsList: [
    rule('extensions of <meeting>', '\\b(?:extensions?|extension data|custom data) (?:of|for|on|in|from|attached to) (?<meeting>.+)$'),
    rule('what extensions does <meeting> have', '\\bextensions? (?:does|do|has|have|on) (?<meeting>.+?) (?:have|has|got|carry)$'),
    rule('<meeting> extensions', '^(?:list |show |get )?(?:the )?(?<meeting>.+?) (?:meeting )?extensions$'),
  ],
  extensionsAdd: [
    rule('add … to <meeting>', '\\b(?:to|on|for|onto) (?<meeting>.+?)(?: (?:with )?(?:the )?(?:extension )?id (?<extensionId>\\S+))?$'),
  ],
  extensionId: [rule('id <extensionId>', '\\b(?:extension )?id (?<extensionId>\\S+)')],
  groupMembers: [
    rule('members of <group>', '\\b(?:members|contacts|people|persons|users|membership|list) (?:of|in|from|inside) (?<group>.+)$'),
    rule('who is in <group>', '^(?:who(?: is| are|s)?|whos|who all) (?:in|inside|part of|on|belongs to|belong to|is in|are in) (?<group>.+)$'),
    rule('who belongs to <group>', '\\b(?:belongs? to|part of) (?<group>.+)$'),
    rule('<group> members', '^(?:show |list |get )?(?:the )?(?<group>.+?) (?:group )?(?:members|contacts|membership)$'),
  ],
  groupCreate: [
    rule('group called <group>', '^.*\\b(?:group|called|named|titled) (?<group>.+)$'),
    rule('create <group> group', '^(?:create|make|add|new|set up|start) (?:a |an )?(?:new )?(?:contact )?(?<group>.+?) group$'),
    rule('create <group>', '^(?:create|make|add|new|set up|start) (?:a |an )?(?:new )?(?<group>.+)$'),
  ],
  groupRename: [
    rule('rename group <group> to <newName>', '^(?:rename|retitle|change the name of|change the name for|change name of|call) (?<group>.+?) (?:to|as|into|instead to) (?<newName>.+)$'),
    rule('group <group> should be renamed <newName>', '^(?<group>.+?) (?:should be|must be|to be|is to be|needs to be) (?:renamed|called) (?:to )?(?<newName>.+)$'),
    rule('call group <group> <newName> instead', '^call (?:the )?group (?<group>\\S+) (?<newName>.+?)(?: instead)?$'),
  ],
  groupDelete: [
    rule('delete group <group>', '^(?:delete|remove|erase|drop|get rid of|trash|kill|scrap|wipe|destroy|nuke) (?<group>.+)$'),
  ],
  groupPresence: [
    rule('presence of <group>', '\\b(?:presence|status|statuses|availability|online status|who is online) (?:of|for|in|on) (?<group>.+)$'),
    rule('when <group> come online', '\\b(?:when|if|whether) (?:anyone in |someone in |people in )?(?<group>.+?) (?:comes?|goes|go|are|is|gets?) (?:online|available|offline|busy)$'),
    rule('anyone in <group> online', '^(?:is|are) (?:anyone|anybody|someone|people) (?:in|from) (?<group>.+?) (?:online|available|free)$'),
    rule('watch <group> presence', '^(?:watch|track|follow|subscribe to|monitor) (?:the )?(?<group>.+?) (?:presence|status|availability)$'),
  ],
  // Huawei control commands name the meeting right after the verb ("end meeting Quarterly roadmap review");
  // the "everyone in" of mute and the "for everyone" of end are not part of the subject.
  huaweiEnd: [
    rule('end meeting <meeting>', `^(?:end|stop|terminate|close|finish|shut down|hang up|kill|wrap up) (?:${MEETING_WORD} )?(?<meeting>.+?)(?: (?:for|with) (?:everyone|everybody|all(?: of us)?))?$`),
  ],
  huaweiMute: [
    rule('mute everyone in <meeting>', `^(?:un-?mute|mute|silence|unsilence|turn off mute (?:in|for|of)) (?:(?:(?:all|every|the) )?(?:everyone|everybody|all|participants|attendees|people|the whole meeting|whole meeting|the whole)(?: else)? (?:in|of|on|at|for|inside) )?(?:${MEETING_WORD} )?(?<meeting>.+)$`),
  ],
  huaweiLock: [
    rule('lock meeting <meeting>', `^(?:un-?lock|lock|reopen|open) (?:${MEETING_WORD} )?(?<meeting>.+?)(?: (?:again|up|so (?:that )?(?:nobody|no one|noone) (?:else )?(?:can )?joins?.*))?$`),
  ],
  huaweiParticipants: [
    rule("who's in meeting <meeting>", `^(?:who(?: is| are|s)?|whos) (?:in|on|attending|inside|at|joined|has joined) (?:${MEETING_WORD} )(?<meeting>.+)$`),
    rule('participants of <meeting>', `\\b(?:participants|attendees|people|everyone|members) (?:of|in|on|at) (?:${MEETING_WORD} )?(?<meeting>.+)$`),
  ],
  huaweiAdmitWaiting: [
    rule('waiting in <meeting>', `\\bwaiting(?: room)? (?:in|of|for|at) (?:${MEETING_WORD} )?(?<meeting>.+?)(?: (?:in|join|to join))?$`),
    rule('let … into <meeting>', `\\b(?:into|to join|join) (?:${MEETING_WORD} )?(?<meeting>.+)$`),
  ],
  huaweiKeyword: [
    rule('about <keyword>', '\\b(?:about|regarding|concerning|matching|containing|named|called|titled|with subject|with the word|on the topic of|on|for|related to|mentioning) (?<keyword>.+?)(?: (?:meetings?|conferences?|right now|now|today|please))?$'),
  ],
} as const;

const zh = {
  debugParse: [rule('解析 <文本>', '^(?:解析|解释|调试)\\s*[:：]?\\s*(?<keyword>.+)$'), rule('你怎么理解 <文本>', '(?:怎么|如何)(?:理解|解析)\\s*(?<keyword>.+)$')],
  lobbyWho: [rule('<会议> 的大厅', '^(?:查看)?(?<meeting>.+?)\\s*的(?:大厅|等候室)'), rule('等待加入 <会议>', '等待(?:加入|进入)\\s*(?<meeting>.+?)(?:的人)?$')],
  admit: [
    rule('让 <人> 进来', '^(?:让|请|放|准许|允许)\\s*(?<person>.+?)\\s*(?:都|也)?(?:进来|进入|加入|入会)(?:\\s*(?<meeting>.+))?$'),
    rule('准入 <人>', '^(?:准入|接纳|接受|放行|批准)\\s*(?<person>.+?)(?:\\s*(?:进入|加入|到)\\s*(?<meeting>.+))?$'),
  ],
  reject: [
    rule('不让 <人> 进来', '^(?:不让|别让|不要让|不准)\\s*(?<person>.+?)\\s*(?:进来|进入|加入|入会)'),
    rule('把 <人> 拒之门外', '^把\\s*(?<person>.+?)\\s*(?:拒之门外|拒绝|请出去|赶走)'),
    rule('拒绝 <人>', '^(?:拒绝|驳回|踢掉|请走)\\s*(?<person>.+)$'),
  ],
  watchStart: [rule('关注 <会议>', '^(?:开始)?(?:关注|监控|盯着|跟踪|订阅)\\s*(?:我的)?(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的大厅)?$')],
  watchStop: [rule('取消关注 <会议>', '(?:取消关注|停止关注|不再关注|别再关注|不要再关注|停止监控|取消监控)\\s*(?:我的)?(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的大厅(?:提醒)?)?$'), rule('停止 <会议> 的提醒', '(?:停止|取消|关闭)\\s*(?<meeting>.+?)\\s*的(?:大厅)?提醒')],
  routeHere: [rule('把 <会议> 的大厅提醒', '^(?:把|将)?\\s*(?<meeting>.+?)\\s*的(?:大厅)?(?:提醒|通知)'), rule('发送 <会议> 的提醒', '(?:发送|转发|推送)\\s*(?<meeting>.+?)\\s*的(?:大厅)?(?:提醒|通知)')],
  details: [
    rule('<会议> 的详情', '^(?:查看|显示|看看)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的?(?:详情|详细信息|信息|详细情况)'),
    rule('查看会议 <会议>', '^(?:查看|显示|打开)\\s*(?:会议)?\\s*(?<meeting>.+)$'),
  ],
  create: [
    rule('叫 <主题> 的会议', '(?:叫|名为|叫做|主题为|主题是)\\s*(?<subject>.+?)\\s*的(?:会议|会)'),
    rule('主题 <主题>', '主题(?:为|是)?\\s*[:：]?\\s*(?<subject>.+)$'),
    rule('创建会议 <主题>', '(?:新建|创建|安排|预约|建立|开)(?:一个|一场|个)?(?:新)?(?:会议|会)\\s*[,，:：]?\\s*(?<subject>.+)$'),
  ],
  update: [
    rule('把 <会议> 的主题改成 <主题>', '^把\\s*(?<meeting>.+?)\\s*的(?:主题|标题|名称)(?:改为|改成|设为|换成)\\s*(?<subject>.+)$'),
    rule('把 <会议> 改为 <设置>', '^把\\s*(?<meeting>.+?)\\s*(?:改为|改成|改到|设为|设置为|调到|挪到)\\s*(?<rest>.+)$'),
    rule('修改会议 <会议>', '^(?:修改|更新|编辑|调整)(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的(?:时间|设置|主题))?$'),
  ],
  delete: [rule('删除会议 <会议>', '^(?:删除|删掉|取消|移除)(?:会议)?\\s*(?<meeting>.+)$'), rule('把 <会议> 删掉', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:删掉|删除|取消)')],
  extensionsList: [rule('<会议> 的扩展', '^(?:列出|查看|显示)?\\s*(?<meeting>.+?)\\s*的扩展'), rule('会议扩展 <会议>', '扩展\\s*(?<meeting>.+)$')],
  extensionsAdd: [rule('给 <会议> 添加扩展', '(?:给|为|向)\\s*(?<meeting>.+?)\\s*(?:添加|加|新增|增加)'), rule('添加扩展到 <会议>', '扩展(?:到|给)\\s*(?<meeting>.+)$')],
  groupMembers: [
    rule('<分组> 里有谁', '^(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?(?:里|中|内)(?:面)?(?:有谁|都有谁|有哪些人)'),
    rule('分组 <分组> 的成员', '^(?:列出|查看|显示)?\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的?(?:成员|联系人)'),
  ],
  groupCreate: [rule('叫 <分组> 的分组', '(?:叫|名为)\\s*(?<group>.+?)\\s*的分组'), rule('创建分组 <分组>', '(?:创建|新建|添加|建)(?:一个)?(?:新)?分组\\s*(?<group>.+)$')],
  groupRename: [rule('把分组 <分组> 改名为 <新名>', '(?:分组)\\s*(?<group>.+?)\\s*(?:改名为|改名成|重命名为|改为|改成|为)\\s*(?<newName>.+)$')],
  groupDelete: [rule('删除分组 <分组>', '(?:删除|移除|删掉)分组\\s*(?<group>.+)$'), rule('把分组 <分组> 删掉', '分组\\s*(?<group>.+?)\\s*(?:删掉|删除|移除)')],
  groupPresence: [
    rule('关注 <分组> 的状态', '(?:关注|订阅|查看|跟踪)\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的(?:在线)?状态'),
    rule('分组 <分组> 的在线状态', '^(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的(?:在线)?状态'),
    rule('<分组> 的人在线吗', '^(?<group>.+?)\\s*(?:的人|里的人|的成员)(?:在线|有空)'),
  ],
  huaweiEnd: [rule('结束会议 <会议>', '^(?:结束|关闭|终止|停止)(?:会议)?\\s*(?<meeting>.+?)(?:\\s*这个会议)?$'), rule('把会议 <会议> 结束掉', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:结束|关闭|终止)')],
  huaweiMute: [
    rule('会议 <会议> 全体静音', '^(?:取消|解除)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的?(?:取消|解除)?(?:全体|全部|所有人)静音'),
    rule('全体静音 <会议>', '(?:全体|全部|所有人)?静音\\s*(?:会议)?\\s*(?<meeting>.+)$'),
    rule('把 <会议> 全部静音', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:全部|全体|所有人)?静音'),
  ],
  huaweiLock: [rule('锁定会议 <会议>', '^(?:锁定|解锁|锁上|解除锁定|取消锁定)(?:会议)?\\s*(?<meeting>.+)$'), rule('把会议 <会议> 锁上', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:锁上|锁定|解锁)')],
  huaweiParticipants: [
    rule('会议 <会议> 里有谁', '^(?:会议)?\\s*(?<meeting>.+?)\\s*(?:里|中|内)(?:面)?(?:有谁|都有谁|有哪些人)'),
    rule('谁在会议 <会议> 里', '^谁在\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:里|中)'),
    rule('<会议> 的参会人', '^(?:列出|查看|显示)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的(?:参会人|与会者|参会者)'),
  ],
  huaweiAdmitWaiting: [rule('<会议> 等候室', '^(?:让|准入)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的?等候室'), rule('等候室全部准入 <会议>', '等候室.*?(?:准入|进来)\\s*(?:会议)?\\s*(?<meeting>.+)$')],
  huaweiKeyword: [rule('关于 <关键词> 的', '(?:关于|有关|主题为|主题是|名为|包含)\\s*(?<keyword>.+?)\\s*的')],
} as const;

// ---------------------------------------------------------------------------------------------------------
// Single-value detectors

function meetingIdIn(tokens: Token[], text: string): string | undefined {
  const token = tokens.find((t) => !t.quoted && isMeetingId(t.original));
  if (token) {
    return token.original;
  }
  return /(?<!\d)(\d{6,12})(?!\d)/u.exec(text)?.[1];
}

function quotedIn(tokens: Token[]): string | undefined {
  return tokens.find((t) => t.quoted)?.original;
}

function accessLevelIn(text: string): string | undefined {
  if (/\b(?:lock(?:ed)?|closed)\b|锁定|锁上/iu.test(text)) {
    return 'Locked';
  }
  if (/\b(?:same (?:enterprise|company|organi[sz]ation)|my (?:company|organi[sz]ation|enterprise)|internal(?: only)?|colleagues only|coworkers only|people (?:in|from) my (?:company|org))\b|同一企业|企业内部|公司内部|本公司|本企业/iu.test(text)) {
    return 'SameEnterprise';
  }
  if (/\b(?:invit(?:ed|ees) only|invited (?:people|guests|attendees)|only invit(?:ed|ees)|invite only|invited)\b|受邀|仅邀请|被邀请/iu.test(text)) {
    return 'Invited';
  }
  if (/\b(?:open to (?:everyone|anyone|all|everybody)|(?:everyone|anyone|everybody) can (?:join|enter|come in)|public|open)\b|所有人|公开|任何人/iu.test(text)) {
    return 'Everyone';
  }
  return undefined;
}

function phoneBypassIn(text: string): string | undefined {
  if (!/\b(?:phone|dial ?in|dial-in|pstn|callers?)\b|电话/iu.test(text)) {
    return undefined;
  }
  if (/\b(?:not|dont|never|no longer|stop|must|should|have to) (?:let .+ )?(?:bypass|skip)|\b(?:wait|waits|go through) (?:in )?(?:the )?lobby|\bdisabled?\b|不(?:能|要|可以)?(?:绕过|跳过)|等待|禁用/iu.test(text)) {
    return 'Disabled';
  }
  if (/\b(?:bypass|skip|avoid|straight in|enabled?|directly)\b|绕过|跳过|直接进入|启用/iu.test(text)) {
    return 'Enabled';
  }
  return undefined;
}

function leadersIn(text: string): string[] | undefined {
  const found = text.match(/(?:sip:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu);
  return found && found.length > 0 ? [...new Set(found)] : undefined;
}

function extensionTypeIn(text: string): Entities['extensionType'] {
  if (/organi[sz]er\s*data|roamedorganizerdata|\borgani[sz]er\b|组织者/iu.test(text)) {
    return 'RoamedOrganizerData';
  }
  if (/participant\s*data|roamedparticipantdata|\bparticipant\b|参与者|参会者/iu.test(text)) {
    return 'RoamedParticipantData';
  }
  if (/\bundefined\b|未定义/iu.test(text)) {
    return 'Undefined';
  }
  return undefined;
}

function pageIn(text: string): string {
  const number = /\bpage (\d+)\b|第\s*(\d+)\s*页|\bpage number (\d+)\b/iu.exec(text);
  if (number) {
    return number[1] ?? number[2] ?? number[3] ?? 'next';
  }
  if (/\b(?:previous|prev|back|before|last page|earlier)\b|上一页|前一页|上页|返回/iu.test(text)) {
    return 'previous';
  }
  return 'next';
}

function turnsOff(intent: string, text: string): boolean {
  if (intent === 'huawei.mute') {
    return /\bun-?mute|\b(?:turn|switch) off (?:the )?mute|\bstop muting|\bunsilence|\b(?:release|lift|remove) (?:the )?mute|取消.{0,16}静音|解除.{0,16}静音|关闭静音/iu.test(text);
  }
  return /\bun-?lock|\bopen (?:.+ )?(?:again|up)|\breopen|\b(?:remove|lift|release) (?:the )?lock|解锁|解除锁定|取消锁定/iu.test(text);
}

function wantsAll(text: string): boolean {
  return /\b(?:all|every|everyone|everybody|whole|entire|company-?wide|enterprise|organi[sz]ation-?wide)\b|所有|全部|全体|整个/iu.test(text);
}

// ---------------------------------------------------------------------------------------------------------
// Per-intent extraction

export function extractEntities(input: EntityInput): EntityResult {
  const trace: string[] = [];
  const entities = extractFor(input, trace);
  for (const [slot, value] of Object.entries(entities)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete entities[slot as keyof Entities];
    }
  }
  return { entities, trace };
}

function extractFor(input: EntityInput, trace: string[]): Entities {
  const { intent, language, tokens, text } = input;
  const zhText = language === 'zh';
  const lower = tokens.map((t) => t.norm).join(' ');
  const plain = zhText ? text : lower;
  const pick = (enRules: readonly Rule[], zhRules: readonly Rule[], accept?: (c: Captures) => boolean): Captures =>
    zhText ? matchChinese(zhRules, text, trace, accept) : matchEnglish(enRules, tokens, trace, accept);

  const meetingFrom = (enRules: readonly Rule[], zhRules: readonly Rule[]): string | undefined => {
    const id = meetingIdIn(tokens, text);
    if (id) {
      trace.push(`meeting id "${id}" found in the text`);
      return id;
    }
    const quoted = quotedIn(tokens);
    if (quoted) {
      trace.push(`quoted meeting "${quoted}"`);
      return quoted;
    }
    const captured = pick(enRules, zhRules, (c) => usableMeeting(c.meeting, zhText))?.meeting;
    return captured ? cleanMeeting(captured, zhText) : undefined;
  };

  switch (intent) {
    case 'debugParse': {
      const keyword = pick(en.debugParse, zh.debugParse).keyword;
      return { keyword: keyword ? rawTail(text, keyword) : undefined };
    }
    case 'lobby.who':
      return { meeting: meetingFrom(en.lobbyWho, zh.lobbyWho) };
    case 'lobby.admit':
    case 'lobby.reject':
      return lobbyDecision(input, intent === 'lobby.admit' ? en.admit : en.reject, intent === 'lobby.admit' ? zh.admit : zh.reject, trace);
    case 'watch.start':
    case 'watch.stop': {
      const enRules = intent === 'watch.start' ? en.watchStart : en.watchStop;
      const zhRules = intent === 'watch.start' ? zh.watchStart : zh.watchStop;
      if (allMeetings(plain, zhText)) {
        trace.push('"all" meetings asked for');
        return { all: true };
      }
      return { meeting: meetingFrom(enRules, zhRules) };
    }
    case 'alerts.routeHere':
      return { meeting: meetingFrom(en.routeHere, zh.routeHere) };
    case 'meetings.details':
    case 'huawei.details':
    case 'meetings.delete':
    case 'extensions.list': {
      const [enRules, zhRules] = intent === 'meetings.delete' ? [en.delete, zh.delete] : intent === 'extensions.list' ? [en.extensionsList, zh.extensionsList] : [en.details, zh.details];
      return { meeting: meetingFrom(enRules, zhRules) };
    }
    case 'huawei.participants':
      return { meeting: meetingFrom([...en.huaweiParticipants, ...en.details], [...zh.huaweiParticipants, ...zh.details]) };
    case 'huawei.admitWaiting':
      return { meeting: meetingFrom([...en.huaweiAdmitWaiting, ...en.details], [...zh.huaweiAdmitWaiting, ...zh.details]) };
    case 'huawei.end':
      return { meeting: meetingFrom([...en.huaweiEnd, ...en.details], [...zh.huaweiEnd, ...zh.details]) };
    case 'huawei.mute':
    case 'huawei.lock': {
      const on = !turnsOff(intent, plain);
      trace.push(`toggle → ${on ? 'on' : 'off'}`);
      const [enRules, zhRules] = intent === 'huawei.mute' ? [en.huaweiMute, zh.huaweiMute] : [en.huaweiLock, zh.huaweiLock];
      return { meeting: meetingFrom([...enRules, ...en.details], [...zhRules, ...zh.details]), on };
    }
    case 'extensions.add': {
      const captures = zhText ? matchChinese(zh.extensionsAdd, text, trace) : matchEnglish(en.extensionsAdd, tokens, trace, (c) => usableMeeting(c.meeting, false));
      const id = meetingIdIn(tokens, text) ?? (captures.meeting ? cleanMeeting(captures.meeting, zhText) : undefined);
      const extensionId = captures.extensionId ?? matchEnglish(en.extensionId, tokens, []).extensionId;
      return { meeting: id, extensionType: extensionTypeIn(plain), extensionId };
    }
    case 'meetings.create':
      return meetingCreate(input, trace);
    case 'meetings.update':
      return meetingUpdate(input, trace);
    case 'groups.members':
      return { group: groupFrom(pick(en.groupMembers, zh.groupMembers, (c) => usableGroup(c.group)).group, zhText) };
    case 'groups.create':
      return { group: groupFrom(pick(en.groupCreate, zh.groupCreate, (c) => usableGroup(c.group)).group, zhText) };
    case 'groups.delete':
      return { group: groupFrom(pick(en.groupDelete, zh.groupDelete, (c) => usableGroup(c.group)).group, zhText) };
    case 'groups.presence':
      return { group: groupFrom(pick(en.groupPresence, zh.groupPresence, (c) => usableGroup(c.group)).group, zhText) };
    case 'groups.rename': {
      const captures = pick(en.groupRename, zh.groupRename);
      return { group: groupFrom(captures.group, zhText), newName: captures.newName ? stripGroupName(captures.newName, zhText) : undefined };
    }
    case 'huawei.ongoing':
    case 'huawei.scheduled':
      return huaweiList(input, trace);
    case 'page.next': {
      const page = pageIn(plain);
      trace.push(`page → ${page}`);
      return { page };
    }
    default:
      return {};
  }
}

function lobbyDecision(input: EntityInput, enRules: readonly Rule[], zhRules: readonly Rule[], trace: string[]): Entities {
  const zhText = input.language === 'zh';
  const captures = zhText ? matchChinese(zhRules, input.text, trace) : matchEnglish(enRules, input.tokens, trace);
  const id = meetingIdIn(input.tokens, input.text);
  const meetingText = id ?? (captures.meeting && usableMeeting(captures.meeting, zhText) ? cleanMeeting(captures.meeting, zhText) : undefined);
  const person = captures.person?.replace(/\s+(?:now|right now|please|asap|too|as well|for me)$/iu, '').trim();
  if (!person) {
    return { all: wantsAll(zhText ? input.text : input.tokens.map((t) => t.norm).join(' ')) || undefined, meeting: meetingText };
  }
  if (isEveryone(person, zhText)) {
    trace.push(`"${person}" means everyone waiting`);
    return { all: true, meeting: meetingText };
  }
  return { person, meeting: meetingText };
}

function isEveryone(person: string, zhText: boolean): boolean {
  if (zhText) {
    return /^(?:所有人|大家|全部|所有|全体|所有等待的人|等待的人|他们|大厅里的人|大厅的人|所有访客|所有的人|每个人)(?:都)?$/u.test(person);
  }
  return ALL_WORDS.test(person.toLowerCase());
}

function allMeetings(text: string, zhText: boolean): boolean {
  return zhText ? /所有|全部|一切/u.test(text) : ALL_MEETINGS.test(text);
}

function usableMeeting(value: string | undefined, zhText: boolean): boolean {
  if (!value) {
    return false;
  }
  const cleaned = cleanMeeting(value, zhText);
  // "mute everyone", "让所有人进来": the people, not a meeting.
  return cleaned.length > 0 && !MEETING_GENERIC.test(cleaned) && !ALL_WORDS.test(cleaned.toLowerCase())
    && !/^(?:大厅|会议|我的会议|这里|这个会议|所有人|全体|大家|全部|所有)$/u.test(cleaned);
}

function cleanMeeting(value: string, zhText: boolean): string {
  return zhText ? stripZh(value).replace(/^我的/u, '').replace(/的?(?:会议|大厅)$/u, '') : stripMeeting(value);
}

function usableGroup(value: string | undefined): boolean {
  return value !== undefined && stripGroup(value).length > 0 && !/^(?:groups?|contact groups?|my groups|all)$/iu.test(stripGroup(value));
}

function groupFrom(value: string | undefined, zhText: boolean): string | undefined {
  if (!value) {
    return undefined;
  }
  return zhText ? stripZh(value).replace(/^分组\s*/u, '').replace(/\s*分组$/u, '') : stripGroup(value);
}

function stripGroupName(value: string, zhText: boolean): string {
  return zhText ? stripZh(value) : value.replace(/\s+(?:instead|please|now|for me)$/iu, '').replace(/^(?:group\s+)?(?:called\s+|named\s+)?/iu, '').trim();
}

/** debugParse wants the sentence as typed, punctuation included: find the captured words in the raw text. */
function rawTail(text: string, captured: string): string {
  const firstWord = captured.split(' ')[0] ?? captured;
  const at = text.toLowerCase().indexOf(firstWord.toLowerCase());
  return at >= 0 ? text.slice(at).trim() : captured;
}

function huaweiList(input: EntityInput, trace: string[]): Entities {
  const zhText = input.language === 'zh';
  const plain = zhText ? input.text : input.tokens.map((t) => t.norm).join(' ');
  const quoted = quotedIn(input.tokens);
  let keyword = quoted;
  if (!keyword) {
    const captured = zhText ? matchChinese(zh.huaweiKeyword, input.text, trace).keyword : matchEnglish(en.huaweiKeyword, input.tokens, trace, (c) => c.keyword !== undefined && !/^(?:now|today|progress|the go|air|going|right now|all|everything)$/iu.test(c.keyword)).keyword;
    keyword = captured?.replace(/^(?:the|a)\s+/iu, '');
  }
  const all = /\b(?:all|every|everything|whole (?:company|enterprise|organi[sz]ation)|company-?wide|enterprise-?wide|across the company)\b|所有|全部|整个/iu.test(plain) || undefined;
  if (all) {
    trace.push('"all" asked for');
  }
  return { keyword, all };
}

function meetingCreate(input: EntityInput, trace: string[]): Entities {
  const zhText = input.language === 'zh';
  const quoted = quotedIn(input.tokens);
  // A subject such as "Q3 Planning" reads as a date range to Recognizers-Text; a quoted subject is never a time.
  const times = findTimes(quoted ? input.text.replace(quoted, ' ') : input.text, input.language, input.now);
  trace.push(times.trace);
  let subject = quoted;
  if (!subject) {
    const captured = zhText ? matchChinese(zh.create, input.text, trace).subject : matchEnglish(en.create, input.tokens, trace).subject;
    subject = captured ? cutSubject(captured, times.spans, zhText) : undefined;
    // "create a meeting": the word for the thing, not its name.
    if (subject && /^(?:(?:a|an|the|new|my|online|skype|locked|open|private|public)\s+)*(?:meeting|conference|call)s?$|^(?:一个|一场|新)?(?:会议|会)$/iu.test(subject)) {
      trace.push(`"${subject}" names no subject`);
      subject = undefined;
    }
  }
  const plain = zhText ? input.text : input.tokens.map((t) => t.norm).join(' ');
  return {
    subject,
    startTime: times.startTime,
    endTime: times.endTime,
    accessLevel: createAccessLevel(plain),
    lobbyBypassForPhoneUsers: phoneBypassIn(plain),
    leaders: leadersIn(input.text),
  };
}

/** When creating, "everyone" and "open" are too common in subjects; only explicit access phrases count. */
function createAccessLevel(text: string): string | undefined {
  if (/\b(?:locked|lock it)\b|锁定/iu.test(text)) {
    return 'Locked';
  }
  const level = accessLevelIn(text);
  return level === 'Everyone' && !/\bopen to (?:everyone|anyone|all)|(?:everyone|anyone) can join|所有人可以?(?:进入|加入)/iu.test(text) ? undefined : level;
}

function meetingUpdate(input: EntityInput, trace: string[]): Entities {
  const zhText = input.language === 'zh';
  const captures = zhText
    ? matchChinese(zh.update, input.text, trace, (c) => usableMeeting(c.meeting, true))
    : matchEnglish(en.update, input.tokens, trace, (c) => usableMeeting(c.meeting, false));
  const meeting = meetingIdIn(input.tokens, input.text) ?? quotedIn(input.tokens) ?? (captures.meeting ? cleanMeeting(captures.meeting, zhText) : undefined);
  const times = findTimes(captures.rest ?? input.text, input.language, input.now);
  trace.push(times.trace);
  const settings = zhText ? (captures.rest ?? input.text) : (captures.rest ?? input.tokens.map((t) => t.norm).join(' ')).toLowerCase();
  const accessLevel = times.startTime ? undefined : /^(?:everyone|anyone|everybody|all|the public)$/u.test(settings) ? 'Everyone' : accessLevelIn(settings);
  return {
    meeting,
    subject: captures.subject ? (zhText ? stripZh(captures.subject) : captures.subject.replace(/\s+(?:please|instead)$/iu, '')) : undefined,
    startTime: times.startTime,
    endTime: times.endTime,
    accessLevel,
    lobbyBypassForPhoneUsers: phoneBypassIn(zhText ? input.text : input.tokens.map((t) => t.norm).join(' ')),
  };
}

/** "Budget review at 3pm tomorrow with bob@contoso.com" → "Budget review". */
function cutSubject(value: string, timeSpans: string[], zhText: boolean): string | undefined {
  let subject = value;
  for (const span of timeSpans) {
    const at = subject.toLowerCase().indexOf(span.toLowerCase());
    if (at >= 0) {
      subject = subject.slice(0, at);
    }
  }
  if (zhText) {
    return stripZh(subject.replace(/[,，、]?\s*(?:在|于|从|时间)$/u, '')) || undefined;
  }
  subject = subject
    .replace(/\s+(?:that|which|so that|where|so)\s+.*$/iu, '')
    .replace(/\s+(?:and\s+)?(?:let\s+|allow\s+|where\s+|so\s+)?(?:phone|dial[- ]?in|pstn)\s+(?:users|callers|people)\b.*$/iu, '')
    .replace(/\s+(?:with|and invite|inviting|invite|leaders?|presenters?)\s+.*$/iu, '')
    .replace(/\s+(?:(?:that is|which is|and make it|make it|and)\s+)?(?:locked|open to everyone|open to anyone|invite only|invited only|for invited people only|internal only|same enterprise only)$/iu, '')
    .replace(/(?:(?:^|\s+)(?:at|on|from|for|by|starting|between|tomorrow|today|tonight|this|next|until|to|in|,))+\s*$/iu, '')
    .replace(/[\s,;:]+$/u, '')
    .trim();
  return subject || undefined;
}

import { escapeRegExp } from '../text.js';

/**
 * Slot values as people phrase them, cleaned into the value a command needs: "the meeting called Budget review"
 * → "Budget review", "my Vendors group" → "Vendors"; and the words that name no particular meeting or person
 * ("the lobby", "everyone").
 */

const MEETING_GENERIC = /^(?:the|my|our|this|that|a|an|in|of|for|waiting|there|anyone|somebody|someone|anybody|people|(?:(?:the|my|our|this|that|a)\s+)?(?:lobby|lobbies|waiting room|meeting|meetings|call|conference|it|here|one|join|all|everything|everyone|all my meetings|all meetings|all of them|every meeting))$/iu;
// Chat spellings count too: "em all", "every1", "the whole lobby".
// "all 3 guests", "the two visitors": everyone waiting, counted.
const ALL_WORDS = /^(?:(?:all|every)\s+)?(?:(?:all(?: of)?(?: the)?|the|both(?: the)?) (?:\d|two|three|four|five|six|seven|eight|nine|ten)\s+(?:guests|people|visitors|folks|callers|attendees|of them)|all (?:of )?(?:the )?(?:lobby |waiting )?(?:folks|ppl|peeps|guys|visitors|callers|attendees)|all (?:of )?those|everyone|everybody|every one|every1|evry1|em|em all|all of em|both|both of them|each of them|whoever(?: is| s|s)?|anyone|anybody|all (?:\w+ )?of them|every single (?:one|person|guest|visitor)|every (?:person|guest|visitor)|each (?:person|guest|visitor)|(?:the )?(?:whole|entire) (?:lobby|waiting room|queue|lot)|all|all of them|them all|them|all guests|the guests|guests|people|all people|all the people|everyone else|all participants|the lot|waiting people|everyone who is waiting|(?:all )?(?:the )?(?:waiting|pending) (?:people|guests|folks|visitors|attendees|users|ones|participants))(?:\s+(?:waiting|who(?:['’]?s|['’]?re| is| are) (?:still )?(?:waiting|outside|queued|queueing|there|in the lobby|in the waiting room)|that(?:['’]?s| is| are) (?:still )?waiting|(?:who|that)(?:['’]?s| s)?|in the lobby|in lobby|from the lobby|in the waiting room|that are waiting|there|too))*$/iu;
// "unwatch every huawei meeting": the platform's or any kind's meetings, all of them.
const ALL_MEETINGS = /\b(?:all (?:of )?(?:my |the |our )?(?:huawei |skype |online |teams )?meetings|any (?:of )?(?:my|our) meetings|every (?:one of my |single )?(?:huawei |skype |online |teams |cloud )?meetings?|(?:alerts|notifications|pings) (?:for|about|on|from) (?:my|our) meetings|all of them|everything|all my lobbies|all lobbies|(?:any|all) of (?:my|our) lobbies|any (?:of )?(?:my|our) lobbies|every (?:huawei |skype )?(?:waiting-room |waiting room |lobby )?(?:alerts?|watch(?:es)?|notifications?)|every (?:huawei |skype |online )?(?:call|meeting|conference)\b|all alerts|all watches|all)\b(?!-|\s+hands\b)/iu; // "Tuesday all-hands", "the Friday all hands" are a meeting's name

function stripMeeting(value: string): string {
  return value
    .replace(/['’]s$/u, '')
    .replace(/^(?:the\s+)?(?:lobby|waiting room)\s+(?:of|for|in)\s+/iu, '')
    // "the meeting Budget review" names it after its kind; "Conference 2044 speakers", its kind capitalised, is a name.
    .replace(/^(?:(?:[Tt]he|[Mm]y|[Oo]ur)\s+)?(?:[Oo]nline\s+|[Ss]kype\s+|[Cc]loud\s+|[Hh]uawei\s+(?:[Cc]loud\s+)?)?(?:meeting|conference|call)\s+(?:called\s+|named\s+|titled\s+)?/u, '')
    // "the Board prep one": the meeting named, then "one".
    .replace(/^(?:the|my|our)\s+(.+?)\s+one$/iu, '$1')
    .replace(/^(?:the|teh|hte|th|my|our)\s+/iu, '')
    // "tomorrow's Budget review", "my 3pm Budget review": which occurrence, not the name.
    .replace(/^(?:(?:today|tomorrow|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]?s|\d{1,2}(?::\d\d)?\s*(?:am|pm)|\d{1,2}(?::\d\d)?\s*o['’]?clock)\s+(?=\S)/iu, '')
    .replace(/^(?:who can (?:join|enter|get in(?:to)?|come in(?:to)?)|(?:the )?(?:access(?: level)?|lobby|settings?|start time|end time|time|subject|title) (?:of|for))\s+/iu, '')
    .replace(/^(?:called|named|titled)\s+/iu, '')
    .replace(/\s+(?:from|off|out of) (?:my|our|the) (?:online |skype )?(?:meetings|calendar|schedule|diary|agenda|list)$/iu, '')
    .replace(/\s+(?:here|now|right now|rn|atm|at the moment|today|for me|again|please|asap|anymore|any more|any longer|from now on|going forward|henceforth|in this (?:chat|channel)|to this (?:chat|channel))$/iu, '')
    // "monitor Partner sync for people waiting", "empty the waiting room of Sales kickoff into the call": why and where, not the name.
    .replace(/\s+(?:for|when|if|whenever|in case|once) (?:people|anyone|anybody|someone|somebody|guests|visitors|folks|callers)\b.*$/iu, '')
    // "lock the Budget review meeting so nobody else gets in": the purpose, not the name.
    .replace(/\s+so (?:that )?(?:nobody|no one|noone|nobody else|no one else|people|others|everyone|everybody|they|we|i|he|she|only)\b.*$/iu, '')
    .replace(/\s+(?:into|in|to) (?:the )?(?:call|meeting|conference)$/iu, '')
    .replace(/\s+(?:empty|full|crowded|busy)$/iu, '')
    .replace(/\s+(?:meeting|mtg|conference|lobby)$/iu, '')
    // "reject anyone waiting for Board prep who isn't from our company": a relative clause says which people, not the name.
    .replace(/(?<=\S)\s+(?:who|that|which)(?:['’]s|['’]re|\s+(?:is|are|isn['’]?t|aren['’]?t|is not|are not|was|were|has|have|hasn['’]?t|haven['’]?t|doesn['’]?t|don['’]?t|does not|do not|can['’]?t|cannot))\s.*$/iu, '')
    // "who's knocking on the Ops sync door": the door is the lobby's, not the name's.
    .replace(/(?<=\S)\s+(?:door|doors|front door)$/iu, '')
    // "that standup thing", "this Budget review thingy": a demonstrative and a vague noun around a name are no part of it.
    .replace(/^(?:that|this)\s+(.+?)\s+(?:thing|thingy|thingie|one)$/iu, '$1')
    .trim();
}

function stripGroup(value: string): string {
  return value
    .replace(/['’]s$/u, '')
    .replace(/^(?:for|called|named)\s+/iu, '')
    .replace(/^(?:(?:the\s+)?(?:people|contacts|members)|everyone|everybody|anyone|all)\s+(?:in|of|from)\s+/iu, '')
    .replace(/^(?:(?:the|my|our)\s+)?(?:contact\s+)?(?:group|grp)\s+(?:called\s+|named\s+)?/iu, '')
    .replace(/^(?:the|teh|my|our)\s+/iu, '')
    .replace(/^(?:called|named|titled)\s+/iu, '')
    .replace(/\s+(?:contact\s+)?group$/iu, '')
    .replace(/\s+(?:instead|please|now|for me|again|anymore)$/iu, '')
    .trim();
}

// Words around a Chinese name that are not part of it: "看一下周会", "一下客户演示", "客户培训这个会", "同事这个分组里".
// "幫團隊建設新增擴展": 帮 alone before a name is the request too.
// "帮我盯一下同事分组": a verb of keeping watch, glued before the name.
const ZH_LEADING_FILLER = /^(?:(?:给我看看|给我看下|给我|看看|看一下|看下|查看|查一下|查下|列一下|列下|帮我|替我|帮忙|帮(?=\S{2})|麻烦你?|请你?|盯一下|盯下|盯着|盯紧|留意一下|告诉我|跟我说说?|给我说说?|一下|以后|今后|叫做?|名为)\s*)+/u;
// "招聘面试那个会的链接", "年度预算这个会是怎么设置的", "技术支持这个组": a demonstrative and the thing's kind end its name.
const ZH_DEMONSTRATIVE_KIND = /\s*(?:这个|那个|这场|那场|这一个|那一个|这次|那次)(?:会议|会(?!议室)|分组|组|群组).*$/u;
// "球友那组": a bare 那/这 before the kind word (gone already) points at the thing, it is no part of its name.
const ZH_TRAILING_FILLER = /\s*(?:这个会议|这个会|这场会|这一个会|这个分组里?|这个组里?|分组里|这个|那个|这场|那场|这次|那次|(?:这|那)(?:个|位)人|(?<=\S{2})[这那])$/u;
// Words that say where or what about a thing, after its name: "招聘面试门口", "产品评审上挂的", "招聘面试的入会权限",
// "张伟进入" (the verb glued to the name), "吧" (a sentence particle). A name never ends in these.
const ZH_TRAILING_RELATION = /\s*(?:的?(?:门口|门外|外面|那边|这边)|上(?:挂|挂着|挂的|面)?的?|的?(?:入会|开始|结束|会议)?(?:权限|链接|设置|设定|时间|主题|标题|申请|请求)|从(?:我的|我们的)?(?:会议|日程|日历|列表|会议列表)(?:里|中)?|(?:快|要|马上|就要|已经)(?:开始|结束)了?|(?:进入|进来|加入|入会|进会)|[吧了呢啊呀])$/u;
// Words glued after a name by the verb phrase that follows it: "技术沙龙可以锁上了", "王磊给放进来", "周例会里加个扩展",
// "年会的等候室": a modal, a stressing 给, a place word or the room itself. Two characters of name stay at least.
const ZH_TRAILING_GLUE = /(?<=\S{2})\s*(?:可以|能够?|给|就|里|从|(?:开始|结束)(?:之?前|之?后)|的?(?:大厅|等候室)里?|今天|明天|后天|这周|本周|下周|这次|下次|以后|今后|往后|从现在起|从今天起|从今以后|从此)$/u;
// "明天的周例会", "周五那场客户回访": which occurrence, not the name.
const ZH_OCCURRENCE = /^(?:今天|明天|后天|今晚|明早|(?:这|本|下)周[一二三四五六日天]?|周[一二三四五六日天])(?:的|那场|那个|这场|这个)\s*(?=\S{2})/u;

/** Chinese slot values without surrounding quotes, punctuation, filler words or a leading 会议/分组. */
export function stripZh(value: string, name = true): string {
  // A name never holds a clause break: what follows a comma is another clause ("吧，人齐了").
  const clause = name ? value.replace(/[，,；;。！!？?].*$/u, '') : value;
  const bare = (clause.trim() ? clause : value).replace(/^[\s“"「『：:]+|[\s”"」』。？！?!，,、.]+$/gu, '');
  const named = name ? bare.replace(ZH_DEMONSTRATIVE_KIND, '') : bare;
  let trimmed = (named || bare).replace(ZH_LEADING_FILLER, '');
  // A name is never opened by 把 ("把年会" from "把年会的所有人静音"); a keyword keeps it ("解析 把张伟放进来").
  // "让周会的提醒…": nor by a causative 让.
  if (name) trimmed = trimmed.replace(/^[把让]\s*(?=\S{2})/u, '').replace(ZH_OCCURRENCE, '');
  trimmed = trimmed.replace(ZH_TRAILING_FILLER, '');
  const untrail = (value: string): string => value.replace(ZH_TRAILING_RELATION, '').replace(ZH_TRAILING_GLUE, '');
  for (let cut = untrail(trimmed); name && cut !== trimmed && cut.length > 0; cut = untrail(trimmed)) {
    trimmed = cut;
  }
  return (trimmed || bare).replace(/^(?:会议|分组)\s*/u, '').trim();
}

export function isEveryone(person: string, zhText: boolean): boolean {
  if (zhText) {
    const bare = person.replace(/(?:都|全|全部|全都)$/u, '').replace(/^(?:所有|全部)的?(?=访客|客人|来宾)/u, '');
    // "都放进来", "全部放进来": only the word for all was said.
    return bare === '' || /^(?:所有人|大家|全部|所有|全体|所有等待的人|等待的人|他们|大厅里的人|大厅的人|所有访客|所有的人|每个人)(?:都)?$/u.test(bare)
      // "大厅里的都拒绝掉": whoever is in the lobby, the people left unsaid.
      || /^(?:大厅|等候室)里?的$/u.test(bare)
      // "把大厅里等着的全都放进来": those waiting, the people left unsaid.
      || /^(?:大厅里?|等候室里?)?(?:等着|等待|在等|等候)的?$/u.test(bare)
      // "周例会大厅里的人全部放进来": after the lobby is named, "the people" are all of them.
      || /^(?:人|人们)$/u.test(bare)
      || /^(?:大厅里?|等候室里?)的?(?:所有|全部)?(?:人|访客|客人)$/u.test(bare)
      // No name, only who they are: 访客, 客人 — everyone waiting.
      || /^(?:访客|客人|来宾|外部人员|外面的人|等待者|排队的人)(?:们)?$/u.test(bare)
      || /^(?:把)?(?:大厅里?|等候室里?)?(?:所有|全部)?(?:等着|等待|在等|等候|排队|等在外面|在外面等|等在门口|在门口等|等)(?:的|着的)?(?:人|访客|客人|人们)(?:都|全|全都)?$/u.test(person);
  }
  return ALL_WORDS.test(person.toLowerCase());
}

export function allMeetings(text: string, zhText: boolean): boolean {
  // "接下来的华为会议都列一下": 都 before the verb of listing says all of them.
  // "不要再提醒我任何会议了": no meeting at all, in a sentence that gives them up, is every one of them.
  return zhText ? /所有|全部|一切|任何(?:一个)?会|每(?:一)?个会|都(?:列|显示|给我|拿|发|关|停|取消|不要|不用|别)/u.test(text) : ALL_MEETINGS.test(text);
}

export function usableMeeting(value: string | undefined, zhText: boolean): boolean {
  if (!value) {
    return false;
  }
  const cleaned = cleanMeeting(value, zhText);
  // "mute everyone", "让所有人进来": the people, not a meeting.
  return cleaned.length > 0 && !MEETING_GENERIC.test(cleaned) && !ALL_WORDS.test(cleaned.toLowerCase())
    && !/^(?:大厅|会议|会|我的会议|这里|这个会议|这个|那个|这场|那场|这个会|那个会|那场会|这场会|所有人|全体|大家|全部|所有|(?:所有|全部)(?:的人)?在|[吧了呢啊呀吗嘛]+)$/u.test(cleaned)
    // "谁在大厅", "有没有人在等": a question about the lobby, not a meeting's name.
    && !(zhText && /谁|有人|有没有|哪些|什么|吗|现在|目前/u.test(cleaned))
    // "给我看看大厅里有谁": only the words for looking, no name.
    && !(zhText && cleaned.replace(ZH_LEADING_FILLER, '') === '');
}

export function cleanMeeting(value: string, zhText: boolean): string {
  // "那个客户拜访的会": a demonstrative before and "的会" after a meeting's name are not part of it.
  return zhText
    ? stripZh(value).replace(/^我的/u, '').replace(/^(?:参加|加入|进入)(?=\S{2})/u, '').replace(/^华为(?:云)?会议\s*/u, '').replace(/^(?:这个|那个|这场|那场)(?=\S{2})/u, '').replace(/\s*(?:的?(?:会议|大厅)|的会)$/u, '')
      // "把董事会(2025)的电话用户改成…": whose setting follows the name; the phone users are not part of it.
      .replace(/(?<=\S{2})的(?:电话|拨入|拨号|电话拨入|电话入会)的?(?:用户|的人|人|参会者|与会者)$/u, '')
    : stripMeeting(value);
}

export function usableGroup(value: string | undefined): boolean {
  const cleaned = value === undefined ? '' : stripGroup(value);
  return cleaned.length > 0 && !/^(?:groups?|contact groups?|my groups|all|a|an|the|new|my|one|another)$/iu.test(cleaned);
}

export function groupFrom(value: string | undefined, zhText: boolean): string | undefined {
  if (!value) {
    return undefined;
  }
  // "看看 老客户 组的成员": the kind set apart after the name is no part of it.
  return zhText ? stripZh(value).replace(/^分组\s*/u, '').replace(/\s*分组$/u, '').replace(/(?<=\S)\s+组$/u, '') : stripGroup(value);
}

/**
 * "the status of my Vendors contacts": the people of a group, said after its name, when it is they who are asked
 * about (presence, members); a group created or renamed "Agency contacts" is named so.
 */
export function withoutItsPeople(group: string | undefined): string | undefined {
  // Lower case only: a capitalised "Frequent Contacts" is the group's own name.
  return group?.replace(/(?<=\S)\s+contacts$/u, '');
}

export function stripGroupName(value: string, zhText: boolean): string {
  return zhText ? stripZh(value) : value.replace(/\s+(?:instead|please|now|for me)$/iu, '').replace(/^(?:group\s+)?(?:called\s+|named\s+)?/iu, '').trim();
}

/** debugParse wants the sentence as typed, punctuation included: find the captured words in the raw text. */
export function rawTail(text: string, captured: string): string {
  const firstWord = escapeRegExp(captured.split(' ')[0] ?? captured);
  // The word as a whole word, after the command word: "explain I want …" is about "I want", not the i of "explain".
  const after = /^\s*(?:\S+\s+)/u.exec(text)?.[0].length ?? 0;
  const found = new RegExp(`(?<![\\p{L}\\p{N}])${firstWord}(?![\\p{L}\\p{N}])`, 'iu').exec(text.slice(after));
  let tail = found ? text.slice(after + found.index).trim() : captured;
  // The sentence was quoted: "explain 'let everyone in'", 你怎么理解“让张伟进来”这句话.
  tail = tail.replace(/^["“'‘「]/u, '');
  const closing = /^(.*?)["”'’」](?:\s*(?:这句话|这句|的意思|的|呢|this sentence|mean|means))*\s*[?？。.!]*$/u.exec(tail);
  if (closing?.[1] && !/["“'‘「]/u.test(closing[1].slice(0, 1))) {
    tail = closing[1];
  }
  // "你是怎么理解 关注我的会议 季度复盘 的": the particle closing the question is no part of the sentence asked about.
  return tail.replace(/\s+(?:的|呢|这句话|这句)[?？。]*$/u, '').trim();
}

/** "Budget review at 3pm tomorrow with bob@contoso.com" → "Budget review". */
export function cutSubject(value: string, timeSpans: string[], zhText: boolean): string | undefined {
  let subject = value;
  // "schedule a meeting on june 7, 3pm": the subject ends at the comma, so a time across it is cut at its first part.
  for (const span of timeSpans.flatMap((whole) => [whole, whole.split(/[,，]\s*/u)[0] ?? whole])) {
    const at = subject.toLowerCase().indexOf(span.toLowerCase());
    // "建个会 周五下午3点 设计走查": a time said before the name leaves the name after it.
    if (at >= 0) {
      subject = subject.slice(0, at).trim() ? subject.slice(0, at) : subject.slice(at + span.length);
    }
  }
  if (zhText) {
    // A Chinese subject ends at its clause: what follows a comma is time, access or leaders.
    // "創建會議 產品發布 由王芳和李雷主持": who leads is no part of the subject.
    const zhSubject = stripZh(subject.replace(/[，,；;].*$/u, '').replace(/\s+(?:由|请|让)\S*(?:主持|主讲)$/u, '').replace(/\s+(?:只|仅)(?:允许|限|让|对)?.*$|\s+(?:所有人|任何人|公司内|本公司|电话(?:用户)?|锁定|主持人).*$/u, '').replace(/[,，、]?\s*(?:在|于|从|时间)$/u, '').replace(/^(?:叫做?|名为|主题(?:为|是)?)\s*/u, ''));
    // "安排一个会，主持人是张伟和李娜": who leads (or when, where) said as a clause of its own is no name.
    return zhSubject && !/^(?:主持人|主讲人?|参会人|与会人|时间|地点|会议室)(?:是|为|[:：])/u.test(zhSubject) ? zhSubject : undefined;
  }
  subject = subject
    .replace(/^(?:the|a|an)\s+(?=\S+\s+\S)/iu, '')
    .replace(/\s+(?:that|which|so that|where|so)\s+.*$/iu, '')
    .replace(/\s+(?:and\s+)?(?:let\s+|allow\s+|where\s+|so\s+)?(?:phone|dial[- ]?in|pstn)\s+(?:users|callers|people)\b.*$/iu, '')
    .replace(/\s+(?:with|and invite|inviting|invite|leaders?|presenters?)\s+.*$/iu, '')
    .replace(/\s+(?:(?:that is|which is|and make it|make it|and)\s+)?(?:locked|open to everyone|open to anyone|invite only|invited only|for invited people only|internal only|same enterprise only)$/iu, '')
    // "we need a call, lock it": a setting said as a command of its own is no name.
    .replace(/^(?:lock|unlock|open|close)\s+(?:it|this|that)(?:\s+(?:down|up))?$/iu, '')
    // "…called Launch Party that's open to everyone": the clause's opening word, left once its setting is read.
    .replace(/\s+(?:that|which)(?:['’]s|\s+is)?$/iu, '')
    .replace(/(?:(?:^|\s+)(?:at|on|from|for|by|starting|between|tomorrow|today|tonight|this|next|until|to|in|,))+\s*$/iu, '')
    .replace(/[\s,;:]+$/u, '')
    // "a meeting called Customer escalation asap": how soon is no part of the name.
    .replace(/\s+(?:asap|a\.s\.a\.p\.?|right away|straight away|urgently|please|pls)$/iu, '')
    .trim();
  return subject || undefined;
}

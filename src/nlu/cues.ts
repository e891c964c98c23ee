import { isWrite } from './catalog.js';
import { asksToSee } from './safety.js';
import type { IntentScore } from './classifier.js';
import { MEETING_KIND_EN, MEETING_KIND_ZH, SETTINGS_NOT_A_MEETING } from './meetingWords.js';
import { LiteralSet, requiredLiterals } from './literals.js';

/**
 * Strong cues: phrasings that name one command whatever else the sentence holds, read the way a colleague reads
 * them. "create a meeting called Town hall …, and let phone users bypass the lobby" creates (the rest are its
 * settings); "phone users should skip the lobby for Legal review" changes a meeting's setting, although it says
 * "lobby"; "no more lobby pings for Design review" stops alerts; "am I allowed to record?" asks the policies.
 * The classifier weighs words one by one and is swayed by the loudest noun; these cues weigh the sentence's shape.
 * Each cue lists the intents it may overrule, so it never takes a sentence away from a command that fits better.
 */

interface Cue {
  name: string;
  /** Tested on the normalised English text (lower case, single spaces) or on the Chinese text. */
  en?: RegExp;
  zh?: RegExp;
  /** The intent the cue names. */
  intent: string;
  /** Classifier readings the cue overrules; undefined: any reading but the ones in `keep`. */
  overrules?: readonly string[];
  /** Readings the cue never overrules. */
  keep?: readonly string[];
  /** A shape said without a verb ("only invited ppl for X"): as a question ("…for X?") it asks, so the cue stands aside. */
  statementOnly?: true;
  /**
   * A shape that asks to see what has not happened yet ("show me presence updates for X", "I want to see when X are
   * free"): seeing it means being told later, which is the command the cue names, so a verb of seeing does not stop it.
   */
  seesTheFuture?: true;
  /**
   * The shape names a write but not that the change is wanted (a question, no verb of change: 上海团队谁有空): the
   * person is asked, falling back to the write's read; a verb of seeing does not stop it, since nothing runs unasked.
   */
  asked?: true;
}

// "准许 <id> 所有等待的人入会", "<id>里排队的人放进来": those waiting, let in with 准许/允许 or 放进来 (who may enter in
// general is a setting).
const WAITING_LET_IN_ZH = String.raw`(?:(?:请|帮我|麻烦)?(?:准许|允许|批准|同意)(?!.*(?:以后|今后|从现在起|设置|改成)).{0,16}(?:等待|等着|等候|在等|候会)的(?:人|访客|客人|所有人)?.{0,4}(?:入会|进入|进来|加入)|^(?!.*(?:不要|别|不准|不许|不能|先不))[^，,]{0,16}(?:排队|等待|等着|等候|在等|候会)的(?:人|访客|客人|所有人|人们)?(?:都|全部|全都)?(?:放进来|放进去|让进来|拉进来|接进来|准入|放行))`;
const SETTING_EN = String.raw`(?:invite[- ]?only|invit(?:ed|ees)[- ]only|only invited|locked|open to (?:everyone|anyone|all|everybody)|(?:anyone|everyone|everybody) can (?:join|get in|come in|enter)|same (?:enterprise|company)|internal only|company[- ]only|in-?house only|public|private)`;
const PHONE_EN = String.raw`\b(?:phone|dial[- ]?in|pstn) (?:users|callers|people|participants|dial[- ]?ins|dialins|joiners|folks|ppl|guys|attendees)\b|\b(?:dial[- ]?ins|dialins)\b.*\b(?:bypass|skip|wait|go through|straight in)\b|\b(?:dial[- ]?in|phone) callers (?:should|must|can|may)\b|\b(?:dial[- ]?in|phone) caller (?:should|must|can|may)\b.*\b(?:lobby|bypass|skip|wait)`;
// "make meeting 556677889 unlocked again", "make the meeting Board prep private": a meeting named by its id, or made
// into a state (an adjective said last), exists already — the sentence changes it, it does not create one.
const EXISTING_MEETING_MADE_EN = String.raw`(?!.*\b(?:meeting|call|conference) \d{6,12}\b)(?!make (?:the |my |our |this |that )?(?:meeting|call|conference) (?!(?:called|named|titled|about|for|with|on|at|tomorrow|today|next)\b)\S.* (?:unlocked|muted|unmuted|open|internal|${SETTING_EN})(?: (?:again|now|please|pls|thanks))*$)`;
const CREATE_EN = String.raw`^${EXISTING_MEETING_MADE_EN}(?:(?:(?:i|we) )?(?:need|want|would like|d like)(?: to (?:create|schedule|book|set up|have|get))?|(?:create|schedule|book|set up|setup|make|organi[sz]e|arrange|plan|add|host|new))(?: me| us)?(?: (?:a|an|one|another))?(?: (?:new|quick|short|brief|private|public|locked|open|online|skype|small|big|weekly|daily|\d+[- ]?min(?:ute)?s?))*\s+(?:meeting|call|conference|session|mtg|meetup)\b(?! (?:defaults?|polic|settings|options|invitation))`;
// "what's on next week", "any meetings next friday": a question about a stretch of time to come (not "next page").
// This chat, as Chinese says it: 这个频道, 本群, 这儿…
const HERE_ZH = String.raw`(?:(?:本|这个|此|这|当前)(?:频道|群聊|群|聊天|对话|会话)|这里|这儿|这边|群里)`;
const NEXT_TIME_ASKED_EN = String.raw`(?:what|whats|which|anything|any|show|list|do (?:i|we) have|have (?:i|we) got|tell me|give me|is there|are there)\b.*\bnext (?:week|month|weekend|days|few days|\d+ days|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`;

// "Board prep (Fri)", "Legal review [draft]": a tag after a meeting's kind (brackets are gone from the normalised text)
// dates or versions a meeting; contact groups are not tagged so.
const NAME_TAG_EN = String.raw`(?:\d{1,4}|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|am|pm|draft|final|old|new|v\d+)`;
const NOT_PRESENCE_EN = String.raw`^(?!.*\b(?:presence|status|online|available|availability|offline)\b)`;
/**
 * What a sentence letting those who wait at a Huawei conference id in is not, for every cue that reads one ("let them
 * in, <id>", "<id> has people waiting, let them in", "let in whoever waits at <id>"): the Skype lobby's admit or
 * listing, the meeting's details, participants or mute. One list, so the three phrasings cannot drift apart.
 */
const LET_IN_AT_ID_OVERRULES: readonly string[] = ['lobby.admit', 'lobby.who', 'huawei.details', 'huawei.participants', 'huawei.mute', 'none'];

const CUES: readonly Cue[] = [
  // Corpus AA's classes (after its first score).
  // 把我所有的会都盯着: every meeting watched.
  { name: 'every meeting watched (zh)', zh: /(?:所有|全部|每个)的?(?:会|会议).{0,4}(?:都)?(?:盯着|盯住|盯一下|监控|关注|看着)|(?:盯着|盯住|监控|关注)(?:我的)?(?:所有|全部|每个)的?(?:会|会议)/u, intent: 'watch.start', overrules: ['meetings.list', 'none', 'huawei.ongoing', 'watch.list'] },
  // "Design crit should only be for people in our org": who may join, said as whom the meeting is for.
  { name: 'a meeting only for our people', en: /^(?!(?:who|what|which|is|are|does|do)\b)\S.* (?:should|must|needs to|has to|will|is to) (?:only )?be (?:only )?for (?:people|folks|staff|employees|colleagues|members|those) (?:in|from|at|of) (?:our|my|the) (?:org|organi[sz]ation|company|firm|team|enterprise|tenant)\b/u, intent: 'meetings.update', overrules: ['groups.members', 'none', 'meetings.details', 'lobby.admit'] },
  // "what choices do I have for lobby bypass": the values a setting may take.
  { name: 'the choices a setting has', en: /\b(?:what|which) (?:choices|options|values|settings) (?:do i have|have i got|are there|can i (?:pick|choose|use|set)|are available|exist)\b.*\b(?:for|on) (?:the )?(?:lobby bypass|bypass|access(?: level)?|entry exit|announcements?|who can join|lobby)\b/u, intent: 'meetings.eligibleValues', overrules: ['lobby.who', 'none', 'meetings.details', 'meetings.defaults', 'help'] },
  // "Budget review needs a new extension": an extension wanted on a meeting.
  { name: 'a meeting needs an extension', en: /^(?!(?:does|do|which|what|how|is|are)\b)\S.* (?:needs|could use|should get|should have|requires|wants) (?:(?:a|an|one|another)(?: new)? (?:\S+ ){0,4}extension\b|(?:\S+ ){1,4}(?:added|attached|put on)(?: to it)? as (?:an? )?extension\b)/u, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'meetings.details'] },
  // Corpus Z's classes (after its first score).
  // "show me everything you can do": the bot's commands, asked for.
  { name: 'everything you can do', en: /(?:^|\b(?:im|i am|i'm) (?:lost|new|confused)(?: here)?\W+)(?:(?:please|pls) )?(?:show|tell|give|list)(?: me)? (?:everything|all|all the things|what|the list of (?:things|stuff|commands)|a list of (?:things|stuff|commands)) (?:you|u) (?:can|could) do\b/u, intent: 'help', overrules: ['none', 'page.next', 'watch.list', 'groups.list'] },
  // "im new here, what r u for?": what the bot is for, asked.
  { name: 'what the bot is for', en: /(?:^|\b(?:im|i am|i'm) (?:lost|new|confused)(?: here)?\W+)what (?:are|r) (?:you|u) (?:for|good for|here for)\b/u, intent: 'help', overrules: ['none', 'watch.list'] },
  // 周会门口那个陌生人请他走: someone asked to leave. ("Bill can't come in" is said of a person, not to the bot: asked.)
  { name: 'someone asked to leave (zh)', zh: /(?:请|让|叫)(?:他|她|他们|她们|对方|这个人|那个人)(?:走|离开|出去|回去)(?:吧|吗)?$/u, intent: 'lobby.reject', overrules: ['none', 'lobby.who', 'lobby.admit', 'meetings.details', 'meetings.invitation', 'meetings.create'] },
  // 可以设置的值有哪些呀: the values a meeting's settings may take.
  { name: 'the values I may set (zh)', zh: /(?:可以|能|能够)?(?:设置|设定|选|选择)的(?:值|选项|取值)|(?:可选|可设置|可用)的(?:值|选项|取值)|(?:可以|能|能够)(?:设置|设定|选|选择|挑)(?:哪些|什么|啥)(?:值|选项|取值|(?:会议)?(?:设置|设定)|(?:访问|入会|准入)?(?:级别|权限))?\s*[?？吗呢啊]*$|(?:有)?(?:哪些|什么|啥)(?:可选的?)?(?:选项|可选值|取值)\s*[?？吗呢啊]*$/u, intent: 'meetings.eligibleValues', overrules: ['none', 'meetings.details', 'meetings.defaults', 'help', 'watch.start', 'meetings.list', 'meetings.create', 'meetings.policies'] },
  // "who do I have under Family": the people filed under a contact group.
  // "who is part of tiger team": membership asked is a group's members (a meeting has participants, no members).
  { name: 'who belongs to <group>', en: /^(?:who|whos)(?: is| are| s)? (?:all )?(?:part of|a member of|members? of|belongs? to)\s(?!.*\b(?:lobby|waiting|\d{6,12})\b)/u, intent: 'groups.members', overrules: ['none', 'meetings.details', 'lobby.who', 'huawei.participants'] },
  { name: 'who is under <group>', en: /^(?:who|whom) (?:do i have|have i got|is|are|s|all is) (?:filed |listed |saved )?under\b/u, intent: 'groups.members', overrules: ['none', 'meetings.details', 'lobby.who'] },
  // 同事组换个名字：项目组, 供应商组不要了: a group (…组) renamed or given up.
  { name: 'a group renamed (zh)', zh: /^(?!.*会)(?:把|将)?\s*\S{1,12}?(?:分组|组)\s*(?:换个名字|改个名字|换个名|改个名|改名)\s*(?:[:：为成叫])/u, intent: 'groups.rename', overrules: ['none', 'lobby.who', 'meetings.update', 'groups.members'] },
  { name: 'a group given up (zh)', zh: /^(?!.*会)(?:把|将)?\s*\S{1,12}?(?:分组|组)\s*(?:不要了|不用了|删了|删掉吧?|解散吧?|解散了)$/u, intent: 'groups.delete', overrules: ['none', 'lobby.who', 'lobby.reject', 'meetings.delete', 'groups.members', 'debugParse'] },
  // "my team's group chat is so noisy today": a Teams chat talked about, no contact group.
  { name: 'a group chat talked about', en: /\bgroup ?chats?\b/u, intent: 'none', overrules: ['groups.list', 'groups.members', 'groups.create', 'groups.delete', 'groups.rename'] },
  // 后面还安排了什么云会议, "anything on huawei tmrw about design?": Huawei meetings still to come.
  { name: 'cloud meetings still to come', en: /^(?:anything|what|whats|any)(?: else)? (?:on|in) huawei\b.*\b(?:tomorrow|tmrw|tmr|tmw|today|later|next|this week|coming up|about)\b/u, zh: /(?:后面|之后|接下来|以后|还)(?:还)?(?:安排|约|预约|订)了(?:什么|哪些|几个)(?:云)?会/u, intent: 'huawei.scheduled', overrules: ['none', 'huawei.details', 'huawei.ongoing', 'meetings.list', 'meetings.details'] },
  // Corpus Y's classes (after its first score). "open the lobby doors": everyone waiting let in.
  { name: 'the lobby doors opened', en: /\bopen(?: up)? (?:the )?lobby(?:'s|s)? (?:doors?|gates?)\b/u, zh: /(?:打开|开开|开一下)大厅的?门/u, intent: 'lobby.admit', overrules: ['none', 'lobby.who', 'meetings.details', 'meetings.update'] },
  // "I have to admit you were right", "ok I admit we messed up the invite": a confession, whatever it is about.
  { name: 'a confession', en: /\badmit(?:s|ted)?(?: that)? (?:i|you|he|she|we|they)(?: (?:am|are|is|was|were|have|had|did|do|messed|made|should|could|might|may|got|forgot|missed|screwed|blew|lost|broke|need|needed)\b|m\b|re\b|ve\b|d\b)/u, intent: 'none' },
  // "I want Retro's lobby alerts in this thread too": alerts wanted where the sentence is typed.
  { name: 'alerts wanted in this chat', en: /^(?!(?:what|which|who|are|is|how|why|where|when|do|does|did)\b)(?!.*\b(?:stop|no more|dont|do not|not|without|mute|less|fewer|quiet)\b).*\b(?:alerts?|notifications?|pings?|notifs?)\b.*\b(?:in|into|to|on) this (?:thread|channel|chat|group chat|conversation|convo|team)\b/u, intent: 'alerts.routeHere', overrules: ['watch.start', 'signIn', 'none', 'watch.list', 'lobby.who', 'meetings.details'] },
  // "pull up everything I've scheduled in sfb": the person's own Skype for Business meetings.
  { name: "everything I've scheduled in Skype", en: /\b(?:everything|all|what|whatever|stuff|things) (?:i|ive|i have|weve|we have|i had) (?:scheduled|booked|set up|setup|organized|organised|planned|created|made)\b.*\b(?:sfb|skype|lync)\b/u, intent: 'meetings.list', overrules: ['none', 'signIn', 'huawei.scheduled', 'meetings.details'] },
  // "if I don't pick an access level what do I get": what a meeting gets when nothing is chosen.
  { name: 'what I get when I pick nothing', en: /\bif (?:i|we|you) (?:dont|do not|didnt|never|don't) (?:pick|choose|set|select|specify|say|give|change)\b.*\b(?:what|which)\b|\bwhat (?:do|would|will) (?:i|we) get (?:if|when) (?:i|we) (?:dont|do not|didnt) (?:pick|choose|set|select|specify)\b/u, zh: /(?:如果|要是|假如)?(?:我)?(?:不选|没选|不设置?|没设置?|不指定|没指定|什么都不选).{0,12}(?:会是|是什么|默认|会怎样|会怎么样|得到什么)/u, intent: 'meetings.defaults', overrules: ['none', 'lobby.reject', 'watch.list', 'help', 'meetings.eligibleValues', 'meetings.update', 'meetings.details'] },
  // "who can get into Retro without waiting?": who skips the lobby is a setting of the meeting, asked.
  { name: 'who gets in without waiting, asked', en: /^(?:so )?(?:who|which people|whom|who all) (?:can|may|gets? to|is allowed to|are allowed to|could) (?:get into|get in to|join|enter|come into|get in|skip|bypass)\b.*\b(?:without waiting|without (?:the )?lobby|skip(?:ping)? the lobby|straight in|directly)\b/u, intent: 'meetings.details', overrules: ['lobby.who', 'lobby.reject', 'lobby.admit', 'none', 'meetings.update'] },
  // "I don't care who's online in Partners anymore": presence no longer wanted.
  { name: "presence no longer cared about", en: /\b(?:dont|do not|no longer|don't) (?:care|need to know|want to know|wanna know|need to see|want to see)\b.*\b(?:online|presence|status|available|availability|offline|around)\b/u, zh: /(?:不|不再|不用再?)(?:关心|在乎|需要知道|想知道).{0,12}(?:在线|上线|状态|下线)/u, intent: 'groups.presenceStop', overrules: ['groups.members', 'lobby.reject', 'none', 'groups.presence', 'watch.stop', 'meetings.details'] },
  // "my skype account keeps getting locked", 重置我的密码: an account or password trouble is IT's, not a command.
  { name: 'account trouble', en: /\block(?:ed|s)? (?:her|his|my|their|the|our) (?:laptop|computer|screen|phone|pc|account|desk|door|office|car)\b|\b(?:account|password|login|laptop|computer|screen|phone|pc)\b.*\b(?:locked|lock(?:s|ed)? (?:me )?out|keeps? (?:getting|being) lock(?:ed)?)\b|\blocked out of\b/u, zh: /(?:重置|修改|找回|忘了|忘记|改一下|改个|改|换个?)(?:一下)?(?:我的|一下)?(?:登录|账号|帐号)?密码|密码(?:忘了|忘记了?|丢了|记不起来|想不起来)|(?:账号|帐号|账户)(?:被|又被)?(?:锁|冻结|封)/u, intent: 'none', overrules: ['huawei.lock', 'signIn', 'signOut', 'meetings.list', 'groups.list', 'meetings.dialIn', 'help', 'meetings.update', 'lobby.who'] },
  // "is Board prep open to everyone?": a meeting's setting asked about, yes or no; nothing to change.
  { name: "is <meeting> open to everyone, asked", en: /^(?!.*\d{6,})(?:is|was) (?!(?:there|it|anyone|anybody|someone|somebody|everyone|everybody|the lobby)\b)\S.* (?:open to (?:everyone|everybody|anyone|anybody|all|the public|outsiders|guests)|invite[- ]only|invited only|internal only|company only|locked|unlocked|public|private)(?: (?:now|still|right now|already))?$/u, intent: 'meetings.details', overrules: ['meetings.update', 'none'] },
  // Corpus U's classes (after its first score). "the lobby music is awful", 大厅的空调太冷了: the lobby talked about, not
  // asked about — who waits there is asked with who, anyone, people, waiting, a look or a question.
  // BA: "whats on the schedule in huawei cloud": the Huawei schedule, asked without "meetings".
  { name: 'the Huawei schedule, asked', en: /^(?:whats|what is|what s|show me|show|check)(?: on| in)? (?:the |my |our )?(?:schedule|calendar|agenda)\b.*\bhuawei\b|^(?:whats|what is|what s) (?:on |in )?(?:the |my |our )?huawei(?: cloud)? (?:schedule|calendar|agenda)\b/u, intent: 'huawei.scheduled', overrules: ['none', 'meetings.list', 'signIn', 'huawei.ongoing'] },
  // "stuck in traffic, running late to the sync", "i'll be late to standup": the person is late; nothing is asked.
  { name: 'the person is late', en: /^(?!(?:is|are|was|will|does|did)\b)(?:.*\b(?:i|we|im|i'm|ill|i'll|were|we're)\b.*)?\b(?:running late|(?:be|am|are|is|im|i'm) (?:a (?:bit|little) |going to be |gonna be )?(?:(?:a few|\d+) (?:min|mins|minutes) )?late) (?:to|for)\b|^(?:stuck in traffic|running late)\b|^(?:i|im|i m|we|were|we re) (?:am |are )?running (?:\d+ (?:min|mins|minutes) |a (?:bit|little|few (?:min|mins|minutes)) |(?:a )?few (?:min|mins|minutes) )?(?:late|behind)\b/u, intent: 'none', overrules: ['huawei.ongoing', 'meetings.details', 'meetings.update', 'meetings.list', 'huawei.scheduled', 'lobby.who', 'watch.start'], statementOnly: true },
  // BF: "Marcus is waiting in the lobby downstairs for his badge": the building's lobby, not a meeting's; "the mute button
  // on my headset is broken": a device's trouble. Nothing is asked of the bot.
  // BH, BI: "unlink my account", "sign out my account" said after a reason ("i'm leaving the company tomorrow, …").
  { name: 'my account unlinked', en: /\b(?:unlink|disconnect|sign out|log out|logout|signout|log off) (?:my|the) (?:account|skype(?: account)?|sfb(?: account)?|skype for business(?: account)?)\b/u, intent: 'signOut', overrules: ['meetings.list', 'page.next', 'none', 'signIn', 'watch.stop'] },
  // "the next page of the report has a typo", 这份报告的下一页有错别字: a document's page, not the bot's list.
  { name: "a document's page", en: /\b(?:next|previous|last|first) page (?:of|in) (?:the|my|our|this|that|his|her|their) (?!(?:results?|list|meetings?|calls?)\b)\S/u, zh: /(?:报告|文档|文件|ppt|幻灯片|材料|合同|表格|简历)的?(?:下一页|上一页|第.页)/iu, intent: 'none', overrules: ['page.next'] },
  // BJ: "i'm watching the football later": what the person watches is no meeting's lobby (a read acted on as a write).
  { name: 'the person is watching something', en: /^(?:i m|im|i am|i'm|we re|were|we are|we're) (?:gonna be |going to be |just |currently )?watching (?!(?:the |a |my |our )?(?:lobby|lobbies|waiting room|meeting|call|mtg)\b)(?!.*\b(?:lobby|lobbies|waiting room)\b)/u, intent: 'none', overrules: ['watch.start', 'huawei.watch', 'watch.list'] },
  // BK: "cancel presence for Partners 2039": a group's presence cancelled is its presence stopped (it had deleted a meeting).
  { name: "a group's presence cancelled", en: /^(?:cancel|stop|end|drop|kill|turn off|remove) (?:the |my )?(?:presence|availability|online status)(?: (?:updates?|alerts?|notifications?|pings?|watch))? (?:for|of|on) \S/u, intent: 'groups.presenceStop', overrules: ['meetings.delete', 'groups.delete', 'watch.stop', 'none'] },
  // BJ: "the Leadership group needs a new name: Exec staff": a group named anew is renamed (it had made a group).
  { name: 'a group needs a new name', en: /\bgroup (?:needs|could use|should get|should have|gets) a new name\b/u, intent: 'groups.rename', overrules: ['groups.create', 'none', 'groups.members', 'groups.list'] },
  // "实习生组改叫 2039届实习生": a group by its kind (…组), given a new name.
  { name: 'a group renamed (zh)', zh: /^(?:请|帮我|麻烦)?(?:把|将)?\s*[^\s，,把]{1,12}?(?:分组|组)\s*(?:的?(?:名字|名称))?\s*(?:改叫|改名叫|改名为|改名成|改成|改为)\s*\S/u, intent: 'groups.rename', overrules: ['none', 'meetings.update', 'groups.members', 'page.next'] },
  { name: "the building's lobby", en: /\blobby (?:downstairs|upstairs|of the building|at reception|at the front desk|by the elevators?)\b|\b(?:waiting|is|are) (?:at|in) (?:reception|the front desk)\b|\bfor (?:his|her|their|a|the) (?:visitor )?(?:badge|pass|parking)\b/u, intent: 'none', overrules: ['lobby.who', 'lobby.admit', 'watch.start', 'huawei.participants'] },
  // CB: "i'm waiting for the elevator in the lobby", "meet me in the lobby at 3", 我在楼下大厅等你: the speaker in a
  // building's lobby in person, no meeting's (it had read who waits in a meeting called "elevator in the").
  { name: 'the speaker in a lobby in person', en: /(?:^|\b(?:and|but|so|ok|okay|hey|fyi)\s)(?:i m|im|i am|ill|i will|were|weare|we re|we are|well|we will)(?: (?:already|now|still|just|all|right|downstairs|be|gonna be|going to be|waiting|sitting|standing|hanging out))* (?:in|at|down in) the lobby\b(?! (?:of|for)\b)|\b(?:meet|see|find|pick up|join) (?:me|us)(?: \S+)? (?:in|at) the lobby\b(?! (?:of|for)\b)|\bwaiting for (?:the |an |a |my |our )?(?:elevator|lift|taxi|cab|uber|car|ride|bus|shuttle|driver|courier|delivery)\b.*\bin the lobby\b/u, zh: /^(?:我|我们)(?:已经|现在|正|正在|还)?在(?:一楼|二楼|楼下|楼上|前台|酒店|公司|大楼)?(?:的)?大厅(?:里)?(?:等|坐|了|呢|啦|啊|$)/u, intent: 'none', overrules: ['lobby.who', 'lobby.admit', 'watch.start', 'signIn', 'huawei.participants', 'meetings.details'], statementOnly: true },
  // CG: "i'm muted lol, my headset is broken": the speaker's own state, told, mutes nobody (it muted everyone).
  { name: 'the speaker is muted', en: /^(?:i m|im|i am|iam|ive been|i have been|i got|i get|i keep getting)(?: (?:still|just|now|currently|stuck|always|accidentally|somehow))? (?:muted|on mute|unmuted|kicked|dropped|disconnected)\b(?!.*\b(?:everyone|everybody|all|them|him|her|\d{6,12})\b)/u, intent: 'none', overrules: ['huawei.mute', 'meetings.policies', 'page.next', 'signIn', 'lobby.reject', 'huawei.end'], statementOnly: true },
  // CG: "got any skype meetings set up?": meetings already set up, asked about, are the list (it booked one).
  { name: 'any meetings set up, asked', en: /^(?:(?:have (?:i|we|you) )?got|do (?:i|we) have|have (?:i|we)|are there|is there|any)(?: any)?(?: \S+){0,2}? (?:meetings?|mtgs?|calls?|conferences?)(?: \S+){0,2}? (?:set up|setup|scheduled|booked|planned|arranged|lined up|on (?:the|my) calendar)\b(?!.*\b(?:for me to|so i can)\b)/u, intent: 'meetings.list', overrules: ['meetings.create', 'meetings.policies', 'none', 'groups.create'] },
  // CG: "the hold music on the phone bridge is awful": a remark about the line, no request.
  { name: 'the hold music talked about', en: /^(?!.*\b(?:turn|switch|change|set|disable|enable|mute|stop)\b).*\b(?:hold|waiting|lobby) music\b/u, intent: 'none', overrules: ['meetings.dialIn', 'lobby.who', 'meetings.details', 'meetings.policies'], statementOnly: true },
  { name: "a device's trouble", en: /\b(?:my|the|our) (?:mute button|headset|headphones|mic|microphone|speaker|camera|webcam|laptop|keyboard|mouse|wifi|wi-fi|internet|vpn|connection|network)\b.*\b(?:broken|not working|doesnt work|does not work|stopped working|is dead|died|keeps (?:dying|dropping|cutting out|disconnecting)|is down|is slow)\b/u, intent: 'none', overrules: ['meetings.list', 'huawei.mute', 'lobby.who', 'help', 'meetings.details', 'lobby.reject', 'page.next', 'watch.start'] },
  { name: 'the lobby talked about', en: /\b(?:waiting |hold |lobby )?(?:music|air|temperature|coffee|chairs?|sofas?|lights?|noise|smell|wifi|decor|carpet|tv) (?:in|at) the lobby (?:is|was|sounds|feels|smells|looks)\b|\blobby(?:'s|s)? (?:music|air|ac|aircon|air conditioning|heating|chairs?|sofas?|couch|coffee|temperature|design|lights?|lighting|noise|smell|wifi|wi-fi|decor|carpet|plants?|tv|furniture|doors?|floor|receptionist|reception|security|area|elevators?)\b|\b(?:building|hotel|office|hospital)(?:'s|s)? lobby\b|\blobby (?:on|in|at) the \S+ (?:floor|building|wing)\b|\blobby (?:on|in|at) (?:the )?(?:building|floor|wing|tower|block) \S+|\b(?:lobby|waiting room)\b.{0,30}\b(?:is|was|feels) (?:so |really |very |too )?(?:freezing|cold|hot|packed|crowded|noisy|loud)\b|\b(?:lobby|waiting room) (?:at|in) (?:the|my|our) \S+(?: \S+)? (?:took|takes|was|is) (?:forever|ages|so long|too long)\b|\blobby (?:is|was|feels|looks|smells) (?:so |really |very |too |kinda |a bit )?(?:freezing|cold|hot|warm|packed|crowded|noisy|loud|dirty|dark|nice|beautiful|ugly|huge|tiny|small)\b/u, zh: /大厅(?:的|里的?)?\s*(?:空调|暖气|音乐|椅子|沙发|咖啡|灯|温度|装修|前台|保安|门|地板|电视|wifi|网络|电梯|绿植|味道)|大厅(?:里)?(?:太|好|真|有点|特别|非常)(?:冷|热|吵|乱|脏|暗|挤)|(?:酒店|大楼|公司|办公楼|医院)(?:的)?大厅/iu, intent: 'none', overrules: ['lobby.who'], statementOnly: true },
  // "Hope stays outside", "Dana should stay out": the person kept out of the meeting.
  { name: 'someone stays outside', en: /^(?:(?:no|nope|nah|actually)\W* )?(?!(?:i|we|you|they|everyone|everybody)\b)\S+(?: \S+)? (?:stays|should stay|can stay|has to stay|must stay|will stay|stays put) (?:outside|out)\b/u, intent: 'lobby.reject', overrules: ['none', 'lobby.who', 'lobby.admit', 'meetings.details'] },
  // "alerts for All hands go here", "lobby pings for Retro should land here": where the alerts are to go.
  { name: 'alerts go here', en: /\b(?:alerts?|notifications?|notifs?|pings?|notices?)\b.*\b(?:go|come|land|show up|appear|get posted|be posted|arrive|be sent)\s+(?:here|in here|to this (?:chat|channel|thread)|in this (?:chat|channel|thread))\b/u, intent: 'alerts.routeHere', overrules: ['none', 'watch.list', 'watch.start', 'watch.stop', 'lobby.who', 'meetings.details', 'meetings.list', 'groups.rename'] },
  // 目前监控中的会议有哪些, 你在盯哪些会: the meetings being watched, asked.
  { name: 'meetings being watched (zh)', zh: /(?:监控中|正在监控|在监控|盯着的|在盯|关注中|监视中).*(?:哪些|哪几个|什么|有谁|列|几个|多少)|(?:哪些|哪几个|什么)会.*(?:监控|盯着|在盯|关注)/u, intent: 'watch.list', overrules: ['none', 'meetings.list', 'huawei.ongoing', 'watch.start', 'meetings.details'] },
  // Corpus V's classes (after its first score).
  // "don't sign me out": a sign-out forbidden is none (the bot keeps the sign-in, as it would anyway).
  // CC: "create a jira ticket for the login bug": a login that is a product's feature, in a ticket or a bug, is no
  // sign-in of the person's (it had sent the sign-in card).
  { name: 'a login in a ticket', en: /^(?!.*\b(?:sign|log) (?:me|us) (?:in|out)\b)(?:.*\b(?:jira|ticket|bug report|bug|issue|pr|pull request|story|task|backlog)\b.*\b(?:login|log in|sign in|signin|sign-in|sso)\b|.*\b(?:login|sign in|signin|sign-in|sso) (?:bug|bugs|issue|issues|error|errors|page|screen|form|button|flow|api|endpoint|code|tests?|ticket|feature|story)\b.*\b(?:ticket|jira|fix|fixed|review|broken|deploy|deployed|ship|shipped|merge|merged|pr)\b)/u, intent: 'none', overrules: ['signIn', 'signOut', 'meetings.details', 'meetings.create'] },
  // CI: 断开我的Skype for Business连接: the connection cut is a sign-out (it signed in).
  { name: 'disconnect my account (zh)', zh: /^(?:请|帮我|麻烦)?(?:断开|解除|断掉|切断)(?:我的|我和你的|你和我的)?.{0,30}?(?:连接|链接|绑定|关联|账号|帐号)/u, intent: 'signOut', overrules: ['signIn', 'none', 'help'] },
  // CH: "I'm in the Field Sales group btw": the speaker's own team, told.
  { name: 'the speaker is in a group', en: /^(?:i m|im|i am|iam|we re|were|weare|we are) (?:in|part of|a member of|on|with) (?:the |a |our |my )?\S+(?: \S+){0,3} (?:group|team|squad|crew)\b(?: btw| by the way| fyi| now| too| as well)?$/u, intent: 'none', overrules: ['groups.members', 'groups.list', 'groups.presence'], statementOnly: true },
  // CI: "the Contoso guys waited in the lobby for ages last week": a lobby in the past, told.
  { name: 'a lobby in the past', en: /\b(?:waited|sat|stood|were waiting|was waiting|got stuck) (?:in|at) the (?:lobby|waiting room)\b.*\b(?:yesterday|last (?:week|time|month|year)|ago|earlier|this morning|for ages|forever)\b/u, intent: 'none', overrules: ['lobby.who', 'watch.start', 'lobby.admit'], statementOnly: true },
  // CJ: 我不用了，把我的登录信息删掉: the sign-in's record deleted is a sign-out (the first clause had made it a sign-in).
  { name: 'sign-in record deleted (zh)', zh: /(?:删掉|删除|清除|清掉|抹掉|去掉)(?:我的)?(?:登录|账号|帐号)(?:信息|凭据|凭证|记录|数据)|(?:我的)?(?:登录|账号|帐号)(?:信息|凭据|凭证|记录|数据)\s*(?:都)?(?:删掉|删除|清除|清掉|删了)/u, intent: 'signOut', overrules: ['signIn', 'none', 'meetings.delete', 'groups.delete'] },
  // CK: "i'm done with <id>, stop alerting me", "i don't care about <id> anymore": that Huawei meeting's watch given up.
  { name: 'done with <id>', en: /^(?:i m|im|i am|were|we are|weare) (?:done|finished) with (?:meeting |conference )?\d{9,12}\b|^(?:i |we )?(?:dont|do not|no longer) care about (?:meeting |conference )?\d{9,12}(?: anymore| any more| now)?$/u, intent: 'huawei.unwatch', overrules: ['signIn', 'huawei.details', 'none', 'huawei.end', 'huawei.participants'] },
  // CK: "enough with the <group> presence pings": presence alerts given up.
  { name: 'enough presence pings', en: /^(?:enough|no more|done) (?:with )?(?:the |my )?\S.*? (?:presence|status|online|availability) (?:pings|alerts|updates|notifications)$/u, intent: 'groups.presenceStop', overrules: ['none', 'groups.presence', 'groups.members', 'watch.stop'] },
  // CJ: "our group is growing fast", 我们组最近人越来越多了: the speaker's team described, no request.
  { name: 'my team described', en: /^(?:our|my) (?:group|team) (?:is|has been|keeps) (?:growing|getting (?:bigger|smaller)|shrinking|expanding|busy|so busy|great|awesome)\b/u, zh: /^(?:我们|咱们|我的)(?:组|小组|团队|部门)(?:最近|现在|今年)?(?:人)?(?:越来越多|越来越少|扩招|在扩张|很忙|太忙|变大|变小)/u, intent: 'none', overrules: ['groups.list', 'groups.members', 'groups.create', 'meetings.details', 'page.next'], statementOnly: true },
  { name: 'sign-out forbidden', en: /^(?:please |pls )?(?:dont|do not|never) (?:ever )?(?:sign|log) (?:me )?(?:out|off)\b/u, zh: /^(?:请|千万)?(?:别|不要|不用)(?:帮我|给我)?(?:注销|登出|退出登录)/u, intent: 'none', overrules: ['signOut'] },
  // "…，登出", "stop using my account, sign out": the command said last, after its reason (English cues read the
  // normalised text, which has no commas).
  { name: 'sign out said last', en: /^(?!.*\b(?:dont|do not|never|not) (?:just )?(?:sign|log) (?:me )?out\b)\S.*\b(?:sign|log) (?:me )?out(?: completely| entirely| fully| altogether| for good| now| please| pls)?$/u, zh: /[，,]\s*(?:注销|登出|退出登录|退出账号)(?:吧|啊|了)?$/u, intent: 'signOut', overrules: ['signIn', 'none', 'watch.stop', 'meetings.list'] },
  // "nope to all of them, reject": the verb said last, about the people waiting.
  { name: 'reject said last', en: /(?:^|, |\. )(?:reject|decline|deny|turn away)(?: (?:them|them all|all of them|all|everyone|everybody))?$/u, intent: 'lobby.reject', overrules: ['lobby.who', 'none'] },
  // "whats my conf id", "conference code for dialing in": the conference id is the dial-in's.
  { name: 'the conference id', en: /^(?!.*\d{6,})(?:what(?:s| is|'s)?|where(?:s| is)?|give me|tell me|send me|show me|need)?\b.*\b(?:conf|conference) (?:id|number|code|pin)\b/u, intent: 'meetings.dialIn', overrules: ['meetings.list', 'none', 'meetings.details', 'meetings.invitation', 'huawei.details'] },
  // 帮年度规划新增扩展: an extension added, with 帮 in front.
  { name: 'an extension added (zh)', zh: /(?:新增|添加|加上|加个|加一个|加)(?:一个|个)?(?:新的?)?扩展(?!.*(?:吗|哪些|什么|几个))/u, intent: 'extensions.add', overrules: ['help', 'none', 'meetings.details', 'extensions.list'] },
  // 看看我的组吧: my contact groups.
  { name: 'my groups (zh)', zh: /^(?:看看|看一下|看下|列出|列一下|显示|查看|查一下)?我的(?:联系人)?(?:组|分组)(?:吧|呢|啊)?[？?]?$/u, intent: 'groups.list', overrules: ['meetings.list', 'none', 'groups.members'] },
  // "I'd like a contact group called Clients": a group wished for is one to make.
  { name: 'a group wished for', en: /^(?:i(?:d| would) like|i want|i need|we need|we want|can i have|can i get|give me)(?: a| an)?(?: new)? (?:contact )?group (?:called|named|for)\b|^(?:i|we) (?:need|want|would like|d like) (?:a|an|one)(?: new)? (?:contact )?group\b.*\b(?:call it|called|named)\b|^(?:i|we) (?:need|want|would like|d like|could use) (?:a|an|one)(?: new)? (?!new |contact )\S+(?: \S+){0,2} (?:contact )?group$/u, intent: 'groups.create', overrules: ['none', 'groups.list', 'groups.members', 'groups.rename'] },
  // "our group dinner got cancelled", "my group lunch got moved to Friday": news told, nothing asked to see.
  { name: 'news of a plan told', en: /\b(?:got|was|were|has been|have been|is being) (?:cancel+ed|moved|postponed|pushed(?: back)?|rescheduled|called off|delayed)\b/u, intent: 'none', overrules: ['groups.list', 'groups.members', 'meetings.list'], statementOnly: true },
  // "I accepted Will's invite in outlook": what the person did in another product.
  { name: 'done in another product', en: /^(?:i|we) \w+ed\b.*\b(?:in|on|from|through|via) (?:outlook|gmail|zoom|webex|slack|google|teams)\b/u, intent: 'none', overrules: ['meetings.invitation', 'meetings.list', 'meetings.details', 'help'] },
  // "do you like your job?": small talk about the bot.
  { name: 'small talk about the bot', en: /^(?:do|are|did|have|will|would) you (?:like|love|enjoy|hate|feel|ever|get tired|sleep|dream|have feelings|have a|happy|sad|bored|tired|real|human|alive|a robot|an ai)\b/u, zh: /^你(?:(\S)不\1\S?[吗啊呀呢]?$|喜欢|爱|讨厌|累|开心|难过|是人|是机器人|有感情|会累|会不会累|睡觉)/u, intent: 'none' },
  // Corpus W's classes (after its first score).
  { name: 'examples of what to type', en: /\bexamples? of (?:what|things) (?:i|you|we) (?:can|could|should) (?:type|say|ask|write)\b|^what (?:can|should) i (?:type|say|ask|write)\b|\b(?:give|show) me (?:some |a few |an )?examples?\b(?! of (?:the )?(?:meeting|group|lobby|alert))/u, intent: 'help', overrules: ['none', 'debugParse'] },
  // "show me who hasn't been let in yet", 还有谁没被放进来: who is still waiting.
  { name: 'who is not let in yet', en: /\bwho (?:hasn't|has not|haven't|have not|isn't|is not|wasn't|was not|hasnt|havent|isnt) (?:been )?(?:let in|admitted|allowed in)\b/u, zh: /谁(?:还)?没(?:有)?(?:被)?(?:放进|让进|准入|进来|接进|批准)/u, intent: 'lobby.who', overrules: ['none', 'lobby.admit', 'meetings.details'] },
  { name: 'roamed data asked', en: /^(?:what|which|show|list|any|is there|are there|whats)\b.*\broamed (?:organi[sz]er|participant) data\b/u, intent: 'extensions.list', overrules: ['none', 'extensions.add', 'meetings.details'] },
  { name: 'a group no longer needed', en: /\b(?:don't|do not|dont|no longer) need (?:the |my |our )?(?:\S+ ){1,3}(?:contact )?group(?: anymore| any more| now)?$/u, intent: 'groups.delete', overrules: ['groups.list', 'none', 'groups.members'] },
  // "show me when my Interns are available": being told when they are, later, is the presence watch.
  { name: 'when they are available', en: /^(?!.*\b(?:don't|do not|dont|no longer|stop|quit|cease|no more|not|never)\b).*\bwhen (?:my |the |our )?\S+(?: \S+){0,2} (?:are|is|go|goes|come|comes|get|gets) (?:available|online|free|offline)\b/u, intent: 'groups.presence', overrules: ['meetings.eligibleValues', 'none', 'groups.members', 'meetings.details'], seesTheFuture: true },
  // 把 940617283 这个会散了吧: the meeting broken up is ended.
  { name: 'the meeting broken up (zh)', zh: /\d{6,12}\s*(?:这个|这场|那个)?会(?:议)?(?:给)?散了|散会/u, intent: 'huawei.end', overrules: ['huawei.details', 'none', 'meetings.delete'] },
  // "I hate meetings on Fridays": how someone feels about meetings.
  // "my meetings are so boring lately", "our calls have been way too long": how meetings feel, told; nothing asked.
  { name: 'how meetings feel, told', en: /^(?:(?:my|our|the|these|those|all (?:my|our|the|these)) )?(?:meetings|calls|standups|syncs|lobbies) (?:are|were|have been|feel|seem|get|keep getting)(?: (?:so|really|too|way too|very|kinda|kind of|pretty|super|just|always|getting|all|a bit|a little|quite|such))* (?:boring|long|annoying|endless|tiring|exhausting|draining|useless|pointless|fun|great|awful|terrible|crazy|cold|chaotic|intense|frequent|pointless|tedious|dull|productive|better|worse|shorter|longer|too much|a waste)\b/u, intent: 'none', keep: [] },
  // "Maria said she'd join late": that someone will be late, passed on; it asks for nothing.
  { name: 'what someone said, passed on', en: /^(?!(?:did|does|do|has|have|who|what|when|why|how)\b)(?:[\p{L}.-]+ ){1,3}(?:said|says|told (?:me|us)|mentioned|texted|emailed|messaged) (?:that )?(?:she|he|they|shed|hed|theyd|shell|hell|theyll|shes|hes|theyre)(?: d| ll| would| will| might| is| are| s| re)?(?: (?:be|running|going to be|gonna be))? (?:join(?:ing)?|be|come|coming|arrive|arriving|dial(?:ing)? in|running|hop(?:ping)? on|here)? ?(?:late|later|a bit late|a little late|in late|soon|shortly|in (?:a few|\d+|five|ten|fifteen) min\w*)$/u, intent: 'none', keep: [] },
  // "the watch I bought is broken", "my watch keeps running slow": a watch bought, worn or broken is a timepiece, and
  // the sentence asks the bot for nothing (the lobby watch is started, set or stopped, never bought or broken).
  { name: 'a wristwatch', en: /\b(?:my|the|a|this|that|his|her|new|old|smart|apple|fitness|gold|silver) watch (?:(?:i|we|you|he|she|they)(?:ve| have| had)? (?:just )?(?:bought|got|ordered|purchased|wear|wore|received|gave|lost|found)|(?:is|was|keeps|has|needs)(?: been| a| an)? (?:broken|dead|slow|fast|running|stopped|not working|lost|missing|a gift|expensive|repaired|fixed|charging)|broke|died|stopped working|battery|strap|band|screen|face)\b/u, intent: 'none', keep: [] },
  // "track my standup", "stop tracking all my meetings", "which ones are you tracking": tracking a meeting is watching
  // its lobby (tracking someone's availability is their presence, and a parcel or hours are nothing this bot keeps).
  { name: 'a meeting tracked', en: /^(?:please |pls |can you |could you )?(?:track|keep track of|start tracking)(?: my| the)? (?!.*\b(?:availability|available|presence|status|online|offline|deliver\w*|packages?|parcels?|orders?|time|hours|expenses?|progress|budget|tasks?|tickets?|issues?|bugs?)\b)\S/u, intent: 'watch.start', overrules: ['none', 'meetings.list', 'meetings.eligibleValues', 'signOut', 'meetings.details', 'lobby.who'] },
  { name: 'a meeting no longer tracked', en: /^(?:please |pls )?(?:stop|quit|no more|don['’]?t keep|stop keeping) (?:tracking|track of)(?: my| the| all(?: of)?(?: my)?)? (?!.*\b(?:availability|available|presence|status|online|offline)\b)\S/u, intent: 'watch.stop', overrules: ['none', 'meetings.list', 'meetings.details', 'watch.list'] },
  { name: 'what is tracked, asked', en: /^(?:what|which)(?: \S+){0,2} (?:are|r) (?:you|u) (?:tracking|monitoring|keeping track of)\b|^(?:remind|tell|show) me (?:again )?(?:what|which(?: \S+)?) (?:you are|youre|ur|u r|you re) (?:monitoring|watching|tracking|keeping (?:track of|tabs on|an eye on))\b|^(?:show|list|open|see|view)(?: me)?(?: my| the)? watch ?list\b|^(?:my )?watch ?list\??$/u, intent: 'watch.list', overrules: ['lobby.who', 'watch.start', 'none', 'page.next', 'meetings.list', 'huawei.ongoing', 'help', 'groups.list'] },
  // "need the bridge number for my meetings": the conference bridge is the dial-in.
  { name: 'the bridge number', en: /^(?!.*\b(?:reject|deny|admit|let|kick|remove|block|turn away|mute|decline|drop)\b).*\b(?:(?:bridge|dial-?in|call-?in) (?:number|line|phone|no|#)s?|(?:phone|conference|audio|dial-?in) bridge(?: (?:info|details|number))?)\b/u, intent: 'meetings.dialIn', overrules: ['none', 'meetings.list', 'meetings.details', 'huawei.ongoing'] },
  // "which contact lists have I set up": the lists themselves, not who is on them.
  { name: 'my contact lists, asked', en: /^(?:which|what) (?:contact )?(?:lists|groups) (?:of contacts )?(?:have|did|do) (?:i|we)\b(?!.*\b(?:in (?:the |my )?\S+ (?:list|group)|members?|people)\b)/u, intent: 'groups.list', overrules: ['groups.members', 'signIn', 'meetings.list'] },
  // "how do I change my teams background": how a person's own look or settings are changed is another product's help.
  { name: 'how-to about appearance', en: /^(?:how (?:do|can|would|should) (?:i|we|one|you)|how to|where do i|where can i)\b.*\b(?:background|wallpaper|theme|avatar|profile (?:picture|photo|pic)|ringtone|font size|dark mode|display name)\b/u, intent: 'none', keep: [] },
  // "our group had lunch together", 我们组今天聚餐: what a team did or does, told; no contact group is asked about.
  { name: 'what my team did, told', en: /^(?:our|my|the \S+) (?:group|team) (?:had|has had|is having|went|is going|will have|will go|did|ate|won|got|was|is off|is out|finished|hit|closed|beat|crushed|smashed)\b(?!.*\b(?:members?|contacts?|people|online|status|who)\b)|^(?:our|my|the) (?:group|team) (?:dinner|lunch|breakfast|outing|party|offsite|off-site|trip|drinks|photo|picture|hike|bbq|barbecue|karaoke|celebration|holiday|retreat)s? (?:is|was|will be|got|has been|starts|went)\b/u, zh: /^(?:我们|我的|咱们|咱)(?:组|小组|团队)(?:今天|明天|后天|今晚|昨天|昨晚|周[一二三四五六日]|周末|下周|下个月|刚才|刚刚|这周|本周|早上|上午|中午|下午|晚上|一会儿?|待会儿?){0,2}(?:要|会|又)?(?:一起)?(?:去)?(?:聚餐|吃饭|团建|出去玩|旅游|放假|去了|去吃|喝酒|唱歌|加班|爬山|开会去了)/u, intent: 'none', overrules: ['groups.list', 'groups.members', 'groups.create', 'none', 'page.next'] },
  // "who did i put in my Contractors 2031 group": who is in a group, asked by how they got there.
  { name: 'who I put in a group', en: /^who (?:did|have) (?:i|we) (?:put|add|added|got) (?:in|into|to) (?:my |the |our )?\S.* (?:contact )?group\??$/u, intent: 'groups.members', overrules: ['meetings.list', 'none', 'groups.list', 'signIn'] },
  // "show everyone in Suppliers 2031": the people of a group, shown (everyone waiting is shown by the lobby's own words).
  { name: 'everyone in <group>, shown', en: /^(?:show|list|display)(?: me)? (?:everyone|everybody|all the people|all people|the people|people) (?:in|of) (?!.*\b(?:lobby|lobbies|waiting|queue|\d{6,12})\b)\S/u, intent: 'groups.members', overrules: ['lobby.admit', 'none', 'lobby.who', 'meetings.dialIn'] },
  // "i'm done, log me off": signing off is signing out.
  { name: 'log me off', en: /\b(?:log|sign) (?:me )?off\b/u, intent: 'signOut', overrules: ['signIn', 'none', 'meetings.policies', 'watch.stop'] },
  // "新人培训上有什么自定义数据": a meeting's custom data (its extensions), asked about.
  { name: 'custom data asked (zh)', zh: /(?:有什么|有哪些|有没有|都有啥|是什么|有啥).{0,4}(?:自定义数据|扩展数据|扩展)|(?:自定义数据|扩展数据)(?:都)?(?:有哪些|是什么|有什么|有啥)/u, intent: 'extensions.list', overrules: ['meetings.update', 'meetings.details', 'help', 'none', 'meetings.policies', 'lobby.who'] },
  // Those waiting let in (WAITING_LET_IN_ZH): Huawei's waiting room when a conference id is said, else the lobby.
  { name: 'those waiting allowed into <id> (zh)', zh: new RegExp(String.raw`^(?=.*\d{6,12})${WAITING_LET_IN_ZH}`, 'u'), intent: 'huawei.admitWaiting', overrules: ['huawei.participants', 'lobby.who', 'none', 'meetings.update', 'lobby.admit', 'huawei.details'] },
  { name: 'those waiting allowed in (zh)', zh: new RegExp(`^${WAITING_LET_IN_ZH}`, 'u'), intent: 'lobby.admit', overrules: ['huawei.participants', 'lobby.who', 'none', 'meetings.update', 'huawei.admitWaiting'] },
  // "我在开会，晚点回": the person is in a meeting themselves; nothing is asked.
  { name: 'busy in a meeting, told (zh)', zh: /^(?:我|我们)(?:正|现在|还|正在)?在开会(?:呢|中|了)?(?:[，,。！!].*)?$/u, intent: 'none', keep: [] },
  // "im lost, what are you able to do for me": what the bot does, asked.
  { name: 'what are you able to do', en: /\bwhat (?:are|r) (?:you|u) able to do\b|\bwhat can (?:you|u) do for (?:me|us)\b/u, intent: 'help', overrules: ['watch.list', 'none', 'meetings.list', 'lobby.who'] },
  // "I'll join the sprint review late", "I'm in the lobby, can someone come get me": the person's own whereabouts, told.
  { name: 'my own joining, told', en: /^(?:i|ill|i ll|well|we ll|we) (?:will |gonna |going to |might |may )?(?:join|be joining|hop on|dial in(?:to)?|get to) .{0,40}\b(?:late|later|a bit late|a little late)$|^(?:im|i am|were|we are) (?:stuck |waiting |sitting |still )?(?:in|at) the (?:lobby|waiting room)\b(?! (?:of|for)\b)/u, intent: 'none', keep: [] },
  // "what are the org's meeting rules": what the organisation allows.
  { name: "the org's meeting rules", en: /\b(?:orgs?|organi[sz]ations?|company|companys|it|admins?) (?:meeting )?(?:rules|policies|policy)\b|\bmeeting (?:rules|policies)\b/u, intent: 'meetings.policies', overrules: ['none', 'meetings.list', 'help', 'meetings.defaults'] },
  // "what's the standard setup when you create a meeting": the defaults.
  // CD: "show me the vendor call settings": one meeting's settings are its details (no command read it).
  { name: "a meeting's settings, shown", en: new RegExp(String.raw`^(?:show|see|view|check|open|get|pull up|display|give)(?: me)? (?:the |my |our )?(?!(?:(?:the|my|our) )?${SETTINGS_NOT_A_MEETING}\b)\S+(?: \S+){0,4} (?:meeting |call |mtg )?(?:settings|setup|configuration|config)$`, 'u'), intent: 'meetings.details', overrules: ['none', 'meetings.eligibleValues', 'page.next', 'help', 'meetings.list'] },
  // CI: "年度预算 会议的链接发我一下": a meeting's link sent over is its details.
  { name: "a meeting's link, sent (zh)", zh: /^(?:把)?\s*[^，,\s]{2,16}?\s*(?:会议|会)?的?(?:入会|会议)?(?:链接|会议号|会议信息|详情)\s*(?:发|给|传|贴)(?:给)?(?:我|一下|过来)/u, intent: 'meetings.details', overrules: ['none', 'meetings.invitation', 'meetings.list', 'huawei.details'] },
  // CI: "i want to see availability changes for the <group> group": presence alerts asked for.
  { name: 'availability changes of a group', en: /^(?!.*\b(?:stop|quit|no more|dont|do not|cancel|turn off|no longer)\b).*\b(?:availability|presence|online status|status) (?:changes|updates|alerts|notifications)\b.*\b(?:for|of|in|on) (?:the |my |our )?\S+(?: \S+){0,3} (?:group|contacts)\b/u, intent: 'groups.presence', overrules: ['none', 'groups.members', 'groups.list'], seesTheFuture: true },
  { name: 'the standard setup', en: /\b(?:standard|default|usual) (?:setup|set-up|settings|options|configuration|config)\b/u, intent: 'meetings.defaults', overrules: ['meetings.list', 'none', 'meetings.create', 'help'] },
  // "list the choices for lobby bypass": the values a setting may take.
  { name: 'choices for a setting', en: /\b(?:choices|options|possible values|allowed values|values) (?:for|of) (?:the )?(?:lobby bypass|bypass|access levels?|access)\b/u, intent: 'meetings.eligibleValues', overrules: ['lobby.who', 'none', 'meetings.defaults', 'meetings.update'] },
  // "nuke group Old Clients": a group said after a verb of deleting.
  { name: 'a group deleted, said first', en: /^(?:nuke|trash|scrap|kill|destroy|get rid of|delete|remove|drop|erase|wipe)(?: the| my| our)? (?:contact )?group\b(?! (?:chat|members?|contacts?)\b)/u, intent: 'groups.delete', overrules: ['groups.list', 'none', 'meetings.delete', 'groups.members'] },
  // "后面还有吗": more of the list, asked.
  { name: 'more of the list (zh)', zh: /^(?:后面|下面|接下来|还有)(?:还有|的)?(?:吗|没有|么|呢)?[？?]?$/u, intent: 'page.next', overrules: ['lobby.who', 'none', 'meetings.list'] },
  // "让 860552913 的人都可以说话了": letting people speak lifts the mute; it lets nobody in.
  { name: 'people let speak (zh)', zh: /(?:让|允许|准许).{0,20}(?:可以|能)?(?:说话|发言|讲话|开麦)/u, intent: 'huawei.mute', overrules: ['huawei.admitWaiting', 'lobby.admit', 'none', 'huawei.participants', 'meetings.update'] },
  // "監控清單", 我的关注列表: the list of what is watched, named; it starts no watch.
  // AZ: "我都订阅了哪些会的大厅提醒": what one has subscribed to, asked, is the watch list (it had listed the meetings).
  // CD: 我现在收到哪些会议的大厅提醒: the lobby alerts one gets, asked, are the watches.
  { name: 'what I subscribed to, asked (zh)', zh: /(?:订阅|关注|监控|盯)了(?:哪些|什么|几个|多少)(?!.*(?:分组|状态|在线|上线))|(?:收到|接收|能收到|会收到)(?:了)?(?:哪些|哪几个|什么)(?:会议|会)的?(?:大厅|等候室)(?:提醒|通知|消息)/u, intent: 'watch.list', overrules: ['meetings.list', 'watch.start', 'none', 'huawei.watch', 'huawei.scheduled'] },
  // "notify me about the vendor call if it moves": told of a change to a meeting is no lobby watch (the bot tells who
  // waits, not what moves); nothing is asked of it.
  { name: 'told if a meeting changes', en: /^(?:notify|ping|alert|tell|message|let) (?:me )?(?:know )?.*\b(?:if|when|once|whenever) (?:it|that|they|the (?:meeting|call|time|date)) (?:moves?|changes?|gets? (?:moved|changed|cancell?ed|canceled|rescheduled|pushed)|is (?:moved|changed|cancell?ed|canceled|rescheduled|pushed)|starts? late|runs? (?:late|over))\b/u, intent: 'none', overrules: ['watch.start', 'huawei.watch', 'meetings.details'] },
  // BB: "start alerting me about 930 482 165", "don't alert me about 921640388 anymore": alerts about a meeting started
  // or stopped are its watch (a meeting id moves them to Huawei's); they had been read as its details.
  // Without "start", only a meeting id or its lobby says it is a meeting watched ("ping me about the offsite when you know
  // more" asks nothing of the bot).
  { name: 'alerts about a meeting started', en: /^(?:(?:start|begin) (?:alerting|pinging|notifying) me (?:about|for|on) |(?:alert|ping|notify) me (?:about|for|on) (?=.*(?:\d{6}|\blobby\b|\bwaiting\b)))(?!.*\b(?:presence|online|offline|status|available|availability|busy|free)\b)\S/u, intent: 'watch.start', overrules: ['meetings.details', 'huawei.details', 'huawei.ongoing', 'none', 'lobby.who', 'meetings.list'] },
  { name: 'alerts about a meeting stopped', en: /^(?:dont|do not|stop|quit|no more|never)\s+(?:alert|alerting|ping|pinging|notify|notifying|message|messaging) me (?:about|for|on) (?!.*\b(?:presence|online|offline|status|available|availability|busy|free)\b)\S/u, intent: 'watch.stop', overrules: ['meetings.details', 'huawei.details', 'none', 'lobby.reject', 'lobby.who'] },
  // "nobody else should be able to join 918 264 537": no one more into a running Huawei meeting is its lock.
  { name: 'nobody more into a Huawei meeting', en: /^(?:nobody|no one|noone|no body)(?: else| more)? (?:should|can|may|must|is to) (?:be able to |be allowed to )?(?:join|get in(?:to)?|enter|come in(?:to)?)\b.*\d{6}/u, intent: 'huawei.lock', overrules: ['huawei.participants', 'meetings.update', 'none', 'huawei.details', 'lobby.reject'] },
  // "别再告诉我实习生谁上线了": who of a group comes online, no longer told.
  { name: 'who comes online, no longer told (zh)', zh: /^(?!.*(?:会议|大厅|等候室|\d{6}))(?:别再|不要再|不用再|别)(?:告诉|通知|提醒|推送|推|发)我?.{0,16}?(?:谁|有人)?(?:上线|下线|在线|上下线)(?:情况|状态)?了?$/u, intent: 'groups.presenceStop', overrules: ['lobby.who', 'watch.stop', 'lobby.reject', 'none', 'groups.presence'] },
  // "给技术分享挂个扩展": an extension hung on a meeting is added.
  { name: 'an extension hung on (zh)', zh: /(?:给|为|在|往)\s*[^，,]{1,20}?\s*(?:挂|挂上|装|绑)(?:个|一个|上)?(?:扩展|自定义数据)/u, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'debugParse'] },
  // "remove the anonymous user waiting": someone waiting, removed, is turned away.
  { name: 'someone waiting removed', en: /^(?:remove|kick|boot|drop|get rid of)\b(?!.*\b(?:group|meeting|mtg|extension)\b).*\b(?:user|guest|caller|person|visitor|stranger|someone|somebody|guy|lady|man|woman)\b.*\bwaiting\b/u, intent: 'lobby.reject', overrules: ['meetings.delete', 'groups.delete', 'lobby.who', 'none'] },
  { name: 'the watch list, named (zh)', zh: /^(?:看看|查看|显示|给我看)?(?:我的)?(?:监控|关注|盯着?)的?(?:清单|列表|名单)(?:吧|呢|吗)?[？?]?$/u, intent: 'watch.list', overrules: ['watch.start', 'none', 'meetings.list', 'huawei.watch'] },
  { name: 'feelings about meetings', en: /^i (?:hate|love|like|dislike|can't stand|cant stand|cannot stand|enjoy|am tired of|m tired of)\b/u, intent: 'none', keep: [] },
  // Corpus X's classes (after its first score).
  // "disconnect me from Skype for Business": the account unlinked, said of the person.
  { name: 'disconnected from skype', en: /^(?:(?:please|pls) )?(?:disconnect|unlink|log|sign) (?:me )?(?:out )?(?:off |out )?(?:from|of) (?:skype(?: for business)?|sfb|my (?:skype |sfb )?account)\b/u, intent: 'signOut', overrules: ['meetings.list', 'none', 'signIn', 'groups.list', 'meetings.create', 'watch.stop'] },
  { name: 'account unlinked said last', en: /, (?:unlink|disconnect|remove|forget|drop) my (?:skype |sfb |skype for business )?account$/u, intent: 'signOut', overrules: ['meetings.list', 'none', 'signIn', 'groups.list'] },
  // "drop Leadership from my groups", "the Interns group can go": a contact group given up.
  { name: 'a group given up', en: /^(?:(?:delete|remove|erase|drop|get rid of|trash|scrap) (?:the )?\S.* from (?:my|our|the) (?:contact )?groups|(?:the |my |our )?\S.* (?:contact )?group can go(?: now| away)?)$/u, intent: 'groups.delete', overrules: ['groups.list', 'none', 'groups.members', 'meetings.delete'] },
  // "no more joiners for 918420337": a Huawei conference closed to newcomers is a lock.
  { name: 'no more joiners', en: /^(?=.*\d{6,})(?:no (?:more|new|further) (?:joiners|people|participants|attendees|one|entries)|nobody else (?:can |may |should |must )?(?:join|get in|get into|enter|come in))\b/u, intent: 'huawei.lock', overrules: ['huawei.details', 'none', 'huawei.unwatch', 'huawei.participants', 'watch.stop', 'page.next'] },
  // "notify me about waiting participants in 918420337": told of whoever waits is a watch.
  { name: 'told of those waiting', en: /^(?!.*\b(?:stop|no more|dont|do not|don't|not)\b)(?:pls |please )?(?:notify|ping|tell|alert|message|inform) me (?:about|of) (?:the |any )?(?:waiting|queued) (?:participants|people|guests|folks|attendees|callers|visitors)\b/u, intent: 'watch.start', overrules: ['none', 'lobby.who', 'huawei.details', 'huawei.participants'] },
  // "are you still monitoring anything for me": the watches asked about.
  // "am I still subscribed to any meeting alerts?": what the person gets alerts for, asked.
  { name: 'my alert subscriptions, asked', en: /^(?:am i|are we|r i) (?:still |currently |even )?(?:subscribed|signed up|registered) (?:to|for) (?:any |some )?(?:meeting |lobby )?(?:alerts|notifications|pings|watches|meetings)\b/u, intent: 'watch.list', overrules: ['none', 'meetings.policies', 'watch.start', 'meetings.list'] },
  { name: 'anything watched for me', en: /^(?:are|r) (?:you|u) (?:still |currently |even )?(?:monitoring|watching|tracking|keeping an eye on|following) (?:anything|something|any meetings?|any lobbies)(?: (?:for me|on my behalf))?\s*[?.!]*$/u, intent: 'watch.list', overrules: ['none', 'watch.start', 'lobby.who', 'meetings.list'] },
  // "Launch is now called Launch v2": a rename told, not a search (which one's kind, what exists settles).
  { name: '<name> is now called <name>', en: /^(?!(?:what|which|who|is|are|does|do)\b)\S.*? (?:is|will be) (?:now |from now on |henceforth )?(?:called|named|renamed to|renamed) \S/u, intent: 'meetings.update', overrules: ['huawei.ongoing', 'none', 'meetings.details', 'meetings.list', 'huawei.scheduled'] },
  // "who do I have in Family?": the people in a contact group.
  { name: 'who I have in <group>', en: /^who (?:do i have|have i got|is there|are there) in (?!(?:the |my )?(?:lobby|waiting room)\b)(?:my |the )?\S/u, intent: 'groups.members', overrules: ['none', 'lobby.who', 'huawei.participants', 'meetings.list', 'huawei.ongoing', 'groups.list'] },
  // "给我看看你都会什么吧": what the bot can do, asked in Chinese anywhere in the sentence.
  { name: 'what you can do (zh)', zh: /^(?:帮我|为我|替我)?(?:做|干)(?:些|点)?(?:什么|啥)(?:事|呢)?$|你(?:都|还)?(?:会|能|可以)(?:帮我|为我|替我)?(?:做|干)?(?:些)?(?:什么|啥|哪些)(?:事|功能)?/u, intent: 'help', overrules: ['none', 'meetings.list', 'watch.list', 'huawei.ongoing'] },
  // "955201667 入会的人有哪些": who is in a Huawei conference.
  // "is Ravi in 967 215 830 yet": whether someone is in a Huawei meeting is its participant list.
  { name: 'is <person> in <id>', en: /^(?:is|has|did) (?!(?:there|it|anyone|anybody|someone|somebody|everyone)\b)\S+(?: \S+)? (?:in|inside|on|joined|join|got into) (?:the )?(?:huawei )?(?:meeting |conference |call )?\d{6,12}(?: (?:yet|already|now|rn|right now))?$/u, intent: 'huawei.participants', overrules: ['none', 'groups.members', 'huawei.details', 'lobby.who'] },
  // "is anything about the budget going on rn": meetings on now, searched by what they are about.
  { name: 'anything going on, asked', en: /^(?:is|are) (?:there )?(?:anything|something|any (?:meetings?|calls?|conferences?|sessions?))\b(?!.*\b\d{6,12}\b).*\b(?:going on|running|happening|in progress|live|ongoing|underway)\b/u, intent: 'huawei.ongoing', overrules: ['none', 'meetings.details', 'meetings.list', 'watch.start'] },
  // "any training sessions booked later?": meetings still to come, searched by what they are about.
  { name: 'any <topic> meetings booked, asked', en: /^(?:are there |is there |got )?any (?:\S+ ){1,2}(?:sessions|meetings|calls|conferences|mtgs|syncs|events)(?: \S+)? (?:booked|scheduled|planned|lined up|coming up|upcoming)\b/u, intent: 'huawei.scheduled', overrules: ['none', 'meetings.list', 'lobby.who', 'meetings.policies', 'meetings.create'] },
  { name: 'who joined <id> (zh)', zh: /\d{6,}.{0,6}(?:入会|参会|与会|在会)的人(?:都)?(?:有哪些|有谁|是谁)/u, intent: 'huawei.participants', overrules: ['none', 'huawei.details', 'lobby.who', 'groups.members'] },
  // "913 220 415 几点结束？": when it ends, asked, is no order to end it.
  { name: 'when it ends, asked (zh)', zh: /(?:几点|什么时候|啥时候|何时|几时|多久|多长时间)(?:能|会|才|就)?(?:结束|开完|散会|散)(?:啊|呀|呢|吗)?\s*[?？]?\s*$/u, intent: 'meetings.details', overrules: ['huawei.end', 'meetings.delete', 'none', 'huawei.details', 'meetings.list'] },
  // "预算评审延长到下午5点结束": a meeting made longer or moved is changed, not ended.
  { name: 'made longer (zh)', zh: /(?:延长|延到|延后|推迟|推后|提前|改到|改成|挪到)(?:到|至)?.{0,12}(?:结束|开始)/u, intent: 'meetings.update', overrules: ['huawei.end', 'meetings.delete', 'none', 'meetings.details'] },
  // "can you kill the Q3 kickoff mtg": a Skype meeting named, not a running conference, is cancelled (and confirmed).
  { name: 'kill a named meeting', en: /^(?!.*\d{6,})(?!.*\b(?:huawei|cloud)\b)(?:can you |could you |pls |please )?(?:kill|scrap|nuke|axe) (?:the |my |our )?\S.* (?:mtg|meeting)$/u, intent: 'meetings.delete', overrules: ['huawei.end', 'none'] },
  // "let's get Design review on the books for Tuesday": put on the calendar is booked.
  { name: 'on the books', en: /\b(?:get|put|pencil|stick) (?!it\b|that\b)\S.* (?:on|in|onto|into) (?:the |my |our )?(?:books|calendar|schedule|diary)\b/u, intent: 'meetings.create', overrules: ['meetings.update', 'none', 'meetings.list', 'lobby.who', 'watch.start', 'lobby.reject'] },
  // "帮我订一个五楼的会议室": a room booked, no meeting named, is nothing the bot does.
  { name: 'a room booked (zh)', zh: /^(?=.*会议室)(?!.*(?:会议(?!室)|会(?!议室)|大厅|等候室)).*(?:订|约|预约|预定|预订|安排|定|找|借)/u, intent: 'none', keep: [] },
  { name: 'what I am subscribed to', en: /^(?:what|which)(?: (?:meetings?|lobbies|calls))? (?:am i|are we) (?:subscribed|signed up|following) (?:to|for)?\s*[?.!]*$|^(?:am i|are we) (?:subscribed|signed up) (?:to|for) (?:any )?(?:lobby )?(?:alerts?|notifications?|meetings?|lobbies)\s*[?.!]*$/u, zh: /^(?!.*(?:取消|停止|不要|关掉|关闭))(?:我)?(?:哪些|哪几个|什么)(?:会|会议)(?:有|开了|设了|开着)(?:大厅)?(?:提醒|通知)/u, intent: 'watch.list', overrules: ['none', 'meetings.list', 'lobby.who', 'watch.start', 'meetings.details'] },
  { name: 'the access of a meeting', en: /^(?:what(?:s|'s| is)|whats|tell me) (?:the )?access(?: levels?)? (?:on|of|for|in) (?!(?:a |new |my |our )?meetings?\b|(?:a|new)\b)\S/u, intent: 'meetings.details', overrules: ['none', 'meetings.defaults', 'meetings.eligibleValues', 'meetings.list'] },
  { name: 'what I asked to be watched', en: /\bwhat (?:have|did) i (?:asked|ask|told|tell) you to (?:watch|monitor|track|keep an eye on|keep tabs on)\b/u, intent: 'watch.list', overrules: ['help', 'none', 'watch.start', 'meetings.list'] },
  { name: 'someone should be called', en: /^(?!.*\b(?:meeting|meetings|call|sync|review|standup|mtg|conference|session|crit)\b)(?!(?:i|we|you|it|this|that|he|she|they)\b)\S+(?: \S+){0,2} (?:should|must|needs to|is to|has to) be (?:called|named|renamed)(?: to)? \S/u, intent: 'groups.rename', overrules: ['none', 'meetings.update'] },
  { name: 'a group not wanted (zh)', zh: /^(?:我)?(?:不要|不需要|用不着)(?:了)?\s*\S{1,10}?(?:这个|那个)?(?:分组|组)了?$/u, intent: 'groups.delete', overrules: ['lobby.who', 'lobby.reject', 'none', 'groups.members', 'groups.list'] },
  { name: "whether they are online no longer matters", en: /\b(?:don'?t|do not|no longer) care (?:whether|if|when) .* (?:is|are|goes|go|comes|come) (?:online|available|offline)\b/u, zh: /(?:不用|不必|不需要|别|不要)(?:再)?(?:看|关注|盯|跟踪)(?:着)?\s*\S{1,10}?的(?:在线|上线)?状态/u, intent: 'groups.presenceStop', overrules: ['lobby.who', 'groups.members', 'none', 'groups.presence', 'page.next'] },
  { name: 'stop alerting me about', en: /^(?:quit|stop|no more|cease) (?:alerting|notifying|pinging|telling|messaging|bugging) me (?:about|for|on|regarding) \S/u, intent: 'watch.stop', overrules: ['huawei.details', 'meetings.details', 'none', 'lobby.who', 'watch.list'] },
  { name: 'my account in trouble, told', en: /^my (?:account|password|laptop|phone|computer|pc|login) (?:got|was|is|has been|keeps getting) (?:locked|blocked|suspended|hacked|disabled|reset|stolen)\b/u, intent: 'none', keep: [] },
  // "what kind of stuff do you understand": what the bot can do, not a sentence to explain.
  { name: 'what the bot understands', en: /^(?:what|which)(?: kinds? of| sorts? of| types? of)? (?:stuff|things|commands|requests|sentences|words|languages) (?:do|can) you (?:understand|get|handle)\b|^what (?:do|can) you understand\b/u, zh: /你(?:能|可以|都)?(?:听懂|理解|看懂)(?:哪些|什么)/u, intent: 'help', overrules: ['debugParse', 'none'] },
  // "how do I add a Teams link to an invite in Outlook?", Outlook里怎么设置会议提醒: how to do something in another product.
  { name: 'how-to in another product', en: /^(?:how (?:do|can|would|should) (?:i|we|one|you)|how to|where do i|where can i)\b.*\b(?:outlook|zoom|webex|google meet|gmail|slack|excel|powerpoint|onenote|sharepoint|onedrive|jira|windows|mac|iphone|android)\b/u, zh: /^(?!.*(?:打进|拨进|拨入|打电话进|电话入会|电话参会))(?:.*(?:outlook|zoom|webex|钉钉|飞书|企业微信|微信|邮箱|日历|手机|电脑).*(?:怎么|如何|怎样)|(?:怎么|如何|怎样).*(?:outlook|zoom|webex|钉钉|飞书|企业微信|微信))/iu, intent: 'none', keep: [] },
  // Creating a meeting: the opening says it, whatever settings follow.
  // "book me a hotel in Berlin", "reserve a table for four": bookings the bot does not make.
  // "delete my spam emails", "cancel my gym membership": things the bot does not keep.
  { name: 'deleting what is no meeting', en: /^(?:delete|remove|cancel|erase|drop|trash|clear)(?: (?:my|the|all|those|these|our|old))* (?:\S+ )?(?:e-?mails?|inbox|messages?|files?|photos?|memberships?|subscriptions?|orders?|reservations?|bookings?|flights?|tickets?|texts?|notes?|tasks?|alarms?|cookies|cache|history|spam)$/u, intent: 'none', keep: [] },
  // "send the Q1 report to finance", "email the deck to Sam": a document sent somewhere is no lobby alert routed.
  // "email the agenda to the attendees": the bot sends only alerts (here, to a channel) and people away from a lobby.
  { name: 'mailing what is no alert', en: /^(?:email|e-mail|mail|share|fax)\b(?!.*\b(?:alerts?|notifications?|notifs?|pings?|away|back|link|url|dial-in|number|details|info|channel|chat|thread)\b)/u, intent: 'none', keep: [] },
  { name: 'sending what is no alert', en: /^(?:send|email|e-mail|mail|forward|share|fax)(?: (?:me|him|her|them|us))? (?:(?:my|the|this|that|our|a|an|these|those|their|his|her|latest|new|final|updated) )*(?:\S+ ){0,2}(?:reports?|files?|documents?|docs?|decks?|slides|spreadsheets?|invoices?|minutes|agendas?|summary|summaries|pdfs?|contracts?|proposals?|drafts?|presentations?|photos?|pictures?|e-?mails?|letters?|receipts?|recordings?|transcripts?|notes|memos?|recaps?|write-?ups?|handouts?|screenshots?|videos?|attachments?|materials|action items)(?:$| (?:to|over|across|for)\b)/u, intent: 'none', keep: [] },
  // "send the meeting link to Dana", "forward the invite to Sam": the bot hands nothing to people; whatever is sent, no
  // meeting or group is changed by it (the classifier heard "to" as a change).
  { name: 'sending something to someone', en: /^(?:send|forward|email|e-mail|mail|share|text|dm|message)(?: (?:me|him|her|them|us))? (?!.*\b(?:alerts?|notifications?|notifs?|pings?|away|back|here|channel|chat|thread|lobby)\b)\S.* (?:to|with) \S/u, intent: 'none', overrules: ['meetings.update', 'meetings.create', 'groups.create', 'groups.rename', 'extensions.add', 'lobby.admit', 'meetings.delete', 'groups.delete'] },
  // "what's on huawei next week": "next" before a stretch of time says when, it asks for no next page.
  { name: 'next <time> on huawei', en: new RegExp(String.raw`^(?!.*\bpages?\b)(?=.*\b(?:huawei|cloud)\b)${NEXT_TIME_ASKED_EN}`, 'u'), intent: 'huawei.scheduled', overrules: ['page.next', 'meetings.list'] },
  // Only a sentence that asks (what, which, show, any …): "push X to next tuesday" is a change whose time it is.
  { name: 'next <time> is no page', en: new RegExp(String.raw`^(?!.*\bpages?\b)${NEXT_TIME_ASKED_EN}`, 'u'), intent: 'meetings.list', overrules: ['page.next'] },
  // "remove Dana from the Hikers group", "add Dana to the Hikers group": a group's members are not edited here; the group
  // itself is not deleted for it.
  { name: 'a member moved in or out of a group', en: /^(?:remove|take|kick|drop|delete|add|put|move) (?!(?:the |my |our )?(?:contact )?groups?\b)\S.* (?:from|out of|off|to|into|in) (?:the |my |our )?(?:(?:contact )?group \S|\S.* group$)/u, intent: 'none', overrules: ['groups.delete', 'groups.create', 'groups.rename', 'groups.members', 'lobby.reject', 'lobby.admit'] },
  // "what's been reserved on huawei cloud for the coming days", "show all reserved meetings": Huawei's scheduled list.
  { name: 'reserved meetings, asked', en: /^(?!.*\b(?:table|room|flight|hotel|seat|ticket|car)s?\b)(?:what(?:s| is| has| have)? (?:been )?reserved\b|(?:show|list|find|any|which|what)\b.*\breserved (?:meetings?|conferences?|calls?)\b)/u, intent: 'huawei.scheduled', overrules: ['none', 'huawei.details', 'extensions.list', 'meetings.create', 'meetings.details', 'meetings.list'] },
  { name: 'a booking that is no meeting', en: /^(?:book|reserve|order|buy|get)(?: me| us)? (?:a |an |the |some |two |four |my )?(?:flights?|trains?|taxis?|cabs?|car|uber|hotels?|tables?|tickets?|trips?|holidays?|vacation|haircut|seats?|parking|pizza|food|lunch|dinner|coffee|(?:(?:\d+(?:st|nd|rd|th)|first|second|third|top|ground) floor )?(?:(?:conference|meeting|huddle|board|focus|quiet|small|big|large|training|phone) ){0,2}rooms?|boardroom|desks?|projectors?)\b(?!\s*(?:(?:&|and|n)\s*)?learn\b|\s+(?:chat|catch-?up|sync|meeting|session|talk|call)\b)/u, zh: /^(?!.*(?:分组|群组))(?:请|麻烦|帮我|帮忙|给我|我要|我想|想|明天|后天|今天|下午|上午|晚上|下?周.|星期.|\s)*(?:订|预订|预定|定|约|预约|租|抢|找|安排)(?:一?[间个张辆])?(?:小|大|安静的?)?(?:会议室|会议间|房间|酒店|机票|火车票|车票|餐厅|位子|座位|工位|车|投影仪)/u, intent: 'none', keep: [] },
  // "create a Teams channel for marketing", "set up a group chat", 建一个频道: the bot makes meetings and contact groups;
  // a channel, chat, poll or document made is something else, and making a meeting of it is a write nobody asked for.
  { name: 'creating what is no meeting', en: /^(?!.*\b(?:alerts?|notifications?|pings?)\b)(?:create|make|set up|setup|open|start|add|new)(?: me| us)? (?:(?:a|an|the|my|our|new|another) )*(?:(?:teams|slack|private|public|shared|whatsapp|wechat) )?(?:channels?|group ?chats?|chats?|chat rooms?|polls?|surveys?|tasks?|to-?dos?|to-?do lists?|wikis?|notebooks?|documents?|docs?|spreadsheets?|folders?|sharepoint sites?|sites?|tabs?|forms?|whiteboards?|mailing lists?|distribution lists?)(?:$| (?:for|called|named|in|with|about|on)\b)/u, zh: /^(?!.*(?:分组|群组|会议(?!室)|提醒|通知))(?:请|麻烦|帮我|给我|我要|我想)?\s*(?:在\s*(?:teams|Teams|微信|钉钉)\s*(?:里|上|中)?\s*)?(?:建|创建|新建|开|拉)(?:一?个)?(?:新的?)?\s*(?:teams\s*|Teams\s*|微信)?(?:频道|群聊|聊天群|群(?!组)|投票|问卷|文档|表格|文件夹|待办)/u, intent: 'none', keep: [] },
  { name: 'opens with "create a meeting"', en: new RegExp(CREATE_EN, 'u'), zh: /^(?!.*(?:分组|联系人组|的(?:联系人)?组$))(?:^(?:帮我|请|麻烦)?(?:约|订|安排|预约|新建|创建)(?:一个|一场|个)\s+[^\s，,]|(?:[^，,。？?吗]{0,16}?)(?:约|订|定|安排|创建|新建|预约|建立|开|建)(?:一个|一场|个)(?:新的?)?(?:[^，,。：:]{0,12}?)(?:会议(?!室)|会(?!议室))|(?:请|帮我|麻烦)?(?:创建|新建|建立|新开)(?:新的?)?(?:会议(?!室)|会(?!议室)))/u, intent: 'meetings.create', keep: ['meetings.create', 'help', 'meetings.defaults', 'meetings.eligibleValues', 'meetings.policies', 'debugParse'] },
  // BA, AZ: "schedule Security Review 2036-03-03 11:00-12:30, open to everyone, …", "set something up for tomorrow 1-2pm,
  // title …, anyone can join": a booking verb, then a day or a time, books a meeting; the settings said after it are the
  // new meeting's (they had changed one). Moved, pushed or "instead" is a change of one that exists.
  { name: 'a booking verb and a time', en: new RegExp(String.raw`^(?:schedule|book|set up|setup|organi[sz]e|arrange|create|set (?:something|sth|smth|one|a thing|a slot|a time|a session) up)\b(?!.*\b(?:instead|rather|reschedul\w*|move[sd]?|moving|push(?:ed)?|postpone[sd]?|delay(?:ed)?)\b)(?!.*\d{6})(?=.*(?:\b\d{4}-\d{2}-\d{2}\b|\b(?:today|tonight|tomorrow|tmrw|tmr|next (?:week|mon|tue|wed|thu|fri|sat|sun)\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}:\d{2}\b))`, 'u'), intent: 'meetings.create', overrules: ['meetings.update', 'lobby.admit', 'lobby.who', 'watch.start', 'none', 'meetings.dialIn', 'meetings.details', 'meetings.list', 'meetings.eligibleValues'] },
  // "we don't need Onboarding 101 anymore": a meeting no longer needed is to be deleted, but no verb says so: asked.
  { name: 'a meeting no longer needed', en: /^(?:(?:we|i) )?(?:dont|do not|no longer) need (?:the |my |our )?(?!(?:you|to|any|anything|that|this|it|them|him|her|help|a|an|more|presence|status|alerts?|pings?|notifications?|reminders?|(?:lobby|waiting room) (?:alerts?|pings?|notifications?|updates))\b)\S+(?: \S+){0,4} (?:anymore|any more|any longer)$/u, intent: 'meetings.delete', overrules: ['lobby.who', 'lobby.reject', 'none', 'meetings.details', 'meetings.list', 'groups.members'], asked: true },
  // "book me a flight to Lisbon next friday": travel, tables and rooms are booked too, and are not meetings.
  { name: '"schedule <name>" with a time', en: /^(?:schedule|book|arrange|set up|setup|plan|organi[sz]e) (?!(?:meetings?|calls?)\b)(?!(?:me |us )?(?:a |an |the |my )?(?:flights?|trains?|taxis?|cabs?|car|uber|hotels?|tables?|rooms?|tickets?|trips?|holidays?|vacation|leave|haircut|dentist|doctor|restaurant|dinner|lunch reservation|seats?|parking)\b).+(?:\b(?:at|on|from|tomorrow|today|tonight|next|this) (?:\d|mon|tue|wed|thu|fri|sat|sun|morning|afternoon|evening|week|tomorrow)|\b(?:mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(?:day)?\b|\b\d{1,2}(?::\d\d)?\s*(?:-\s*\d{1,2}(?::\d\d)?\s*)?(?:am|pm)\b|\btomorrow\b)/u, intent: 'meetings.create', overrules: ['none', 'huawei.scheduled', 'meetings.list', 'meetings.update', 'meetings.details', 'lobby.who', 'huawei.ongoing', 'groups.create', 'meetings.invitation', 'meetings.defaults', 'page.next', 'lobby.admit', 'lobby.reject'] },
  // Thirteenth pass (corpus N's misses, by class):
  // "给我拨号信息", "电话拨入方式发我": how to join by phone, asked without a meeting.
  { name: 'dial-in info asked (zh)', zh: /(?:拨号|拨入|电话接入|电话入会)(?:的)?(?:信息|号码|方式|号)/u, intent: 'meetings.dialIn', overrules: ['meetings.details', 'none', 'huawei.details', 'signIn', 'meetings.invitation'] },
  // "看看年终总结这个会", "瞧一下客户回访那场会": one meeting looked at.
  { name: 'look at <meeting> (zh)', zh: /^(?:请|帮我|麻烦|给我)?(?:看看|看一下|瞧瞧|瞧一下|查查|查一下|讲讲|说说|介绍一下|介绍介绍)\s*[^，,。？?\s]{2,16}?(?:这个|那个|这场|那场)(?:会议|会)(?:吧|呢)?$/u, intent: 'meetings.details', overrules: ['none', 'meetings.create', 'huawei.end', 'meetings.delete', 'meetings.list'] },
  // "add RoamedOrganizerData to Q4 Planning": an extension named by its type is an extension added.
  { name: 'an extension type added', en: /^(?:add|put|attach|stick|give|set|create)\b.*\b(?:roamedorganizerdata|roamedparticipantdata|undefined extension|roam(?:ed|ing) (?:organi[sz]er|participant) data|(?:organi[sz]er|participant) roam(?:ed|ing) data)\b/u, intent: 'extensions.add', overrules: ['none', 'meetings.update', 'meetings.create', 'extensions.list', 'meetings.details'] },
  // "分组 客户A&B 的名字换成 重点客户": a group's name changed.
  { name: "a group's name changed (zh)", zh: /(?:分组|组).{0,20}?(?:的?名字?(?:换成|改成|改为|换为|改叫|换叫)|(?:换|改)(?:个|一下)?名字?\s*(?:叫|为|成))/u, intent: 'groups.rename', overrules: ['meetings.details', 'none', 'meetings.update', 'groups.members'] },
  // "I don't care about the online status of Alumni anymore", "no more availability pings for Interns": presence stopped.
  { name: 'presence no longer wanted', en: /\b(?:dont|do not|no longer) care (?:about|for)\b.*\b(?:presence|status|availability|online)\b|\b(?:dont|do not|no longer) (?:need|want)\b.*\b(?:presence|availability|online status|status) (?:updates?|alerts?|notifications?|pings?)\b|\bno more (?:presence|availability|status|online)\b.*\b(?:alerts?|pings?|notifications?|updates?)\b/u, intent: 'groups.presenceStop', overrules: ['meetings.update', 'meetings.details', 'groups.members', 'groups.presence', 'none', 'watch.stop', 'lobby.reject'] },
  // "帮我录制这个会议", "开始录音": a recording started is nothing the bot does (能录吗, asked, is the policies; 录 alone
  // votes for 登录).
  { name: 'a recording started (zh)', zh: /^(?:请|帮我|麻烦|给我|帮忙|开始|现在)*(?:录制|录音|录像|录屏)(?!.*(?:吗|么|？|\?|权限|能不能|可不可以))/u, intent: 'none', overrules: ['meetings.policies', 'meetings.create', 'meetings.details', 'huawei.details', 'signIn', 'watch.start', 'huawei.mute'] },
  // "show me who is stuck outside the Design Crit": people waiting at a meeting's door, asked.
  { name: 'who is stuck outside', en: /\b(?:who(?:s| is| are)?|(?:are|is) (?:there )?(?:any|some)(?:one|body| guests| people| visitors| folks)|any (?:guests|people|visitors|folks|callers)|anyone|anybody) (?:still )?(?:stuck|waiting|sitting|standing|hanging around|queued|knocking) (?:outside|at the door|in the lobby|in the waiting room|to be let in|to be admitted)\b/u, intent: 'lobby.who', overrules: ['meetings.details', 'none', 'huawei.participants', 'groups.members'] },
  // "what settings does a meeting have out of the box": the defaults.
  { name: 'out of the box', en: /\b(?:out of the box|by default|default settings?)\b/u, intent: 'meetings.defaults', overrules: ['meetings.details', 'none', 'meetings.eligibleValues', 'meetings.policies', 'lobby.reject', 'lobby.who', 'signOut'] },
  // "company meeting rules": the policies, asked for with no verb.
  { name: 'meeting rules', en: /^(?:(?:the|our|company|my|org|organi[sz]ation|corporate) )*(?:meeting )?(?:rules|policies|policy)(?: (?:for|on) meetings)?$/u, intent: 'meetings.policies', overrules: ['none', 'meetings.details', 'meetings.list'] },
  // "presence updates for Family pls": presence asked for by what it sends.
  { name: 'presence updates for <group>', en: /^(?!.*\b(?:stop|no more|dont|do not|cancel|end|turn off|disable|anymore)\b)(?:(?:i want|give me|send me|get me|turn on) )?(?:presence|availability|online status) (?:updates?|alerts?|notifications?|pings?) (?:for|on|about|from) \S/u, intent: 'groups.presence', overrules: ['groups.members', 'none', 'groups.presenceStop', 'meetings.update', 'meetings.eligibleValues', 'groups.list'] },
  // "看看季度复盘的自定义数据": a meeting's extensions looked at.
  { name: 'look at <meeting> extensions (zh)', zh: /^(?:请|帮我|麻烦)?(?:看看|看一下|查看|查查|列出|显示)\s*\S.{0,16}?的(?:扩展|自定义数据)|^(?!.*(?:加|添加|新增|增加|装))[^，,。]{1,16}?的(?:扩展|自定义数据)(?:有哪些|是什么|有什么)?\s*[?？吗呢]*$|^(?!.*(?:加|添加|新增|增加|装))[^，,。]{1,16}?(?:有|带)(?:哪些|什么|几个)(?:扩展|自定义数据)\s*[?？吗呢]*$/u, intent: 'extensions.list', overrules: ['meetings.details', 'none', 'extensions.add', 'help', 'meetings.policies'] },
  // "今天几号", "现在几点了": the date or the time asked is no meeting's.
  { name: 'the date or time asked (zh)', zh: /^(?:今天|明天|昨天|现在)(?:是)?(?:几号|星期几|周几|礼拜几|几点)(?:了|啊|呀)?[？?]?$/u, intent: 'none', overrules: ['meetings.details', 'meetings.list', 'huawei.details', 'huawei.ongoing', 'huawei.scheduled'] },
  // "everyone on 911333555 can talk again": people allowed to speak, an unmute.
  { name: 'people may talk again', en: /\b(?:everyone|everybody|all|people|folks|they|attendees)\b.*\b(?:can|may|should be able to) (?:talk|speak|unmute)(?: again)?\b/u, intent: 'huawei.mute', overrules: ['huawei.participants', 'huawei.details', 'none', 'lobby.admit'] },
  // "我能选的会议设置有哪些": the values that can be chosen.
  { name: 'what may be chosen (zh)', zh: /(?:^|能|可以)(?:选|设|设置|用|挑)的.{0,6}(?:设置|选项|级别|权限|值).{0,3}(?:有哪些|有什么|是什么)/u, intent: 'meetings.eligibleValues', overrules: ['meetings.list', 'none', 'meetings.details', 'meetings.defaults', 'help'] },
  // "Standup should only let in invited people": who may enter, said as a rule.
  { name: 'should only let in', en: /\b(?:should|must|will|can) only (?:let in|admit|allow in|allow) (?:invited people|invitees|the invited|people (?:from|in) (?:my|our|the) (?:company|org\w*)|company people|colleagues|employees|everyone|anyone)\b/u, intent: 'meetings.update', overrules: ['meetings.invitation', 'none', 'meetings.details', 'lobby.admit'] },
  // "show me the list of things you support": what the bot does, asked.
  { name: 'what do you support', en: /\b(?:things|stuff|commands|features|functions) (?:you|u) (?:support|understand|know|handle|do)\b|\bwhat (?:do|can) (?:you|u) support\b/u, intent: 'help', overrules: ['none', 'meetings.list', 'groups.list', 'watch.list'] },
  // "what intent do you get for 'show my groups'": the reading of a sentence, asked.
  { name: 'the reading of a sentence, asked', en: /\bwhat (?:intent|command|reading) (?:do|would|did) (?:you|u) (?:get|see|find|pick|choose|make) (?:for|from|out of)\b/u, intent: 'debugParse' },
  // "帮我加个分组，名字叫 VIP客户": a group made (it was read as a rename).
  { name: 'a group made (zh)', zh: /^(?:请|帮我|麻烦|给我)?(?:加|建|创建|新建|添加|新增)(?:一?个)?(?:新的?)?(?:联系人组|(?:联系人)?分组)(?!.*(?:改名|重命名|换成|改成))|^(?:请|帮我|麻烦|给我)?(?:建|创建|新建|添加|新增)(?:一?个)?(?:新的?)?(?:叫做?|名为|名字叫)\s*\S+?\s*的(?:联系人)?(?:分组|组)$/u, intent: 'groups.create', overrules: ['meetings.create', 'groups.rename', 'groups.members', 'none', 'groups.list'] },
  // "i don't want you to have my credentials anymore, remove them": the bot's hold on the account is given up.
  { name: 'credentials taken back', en: /\b(?:don['’]?t|do not) want (?:you|u|the bot|this bot) to (?:have|keep|hold|store|remember) my (?:credentials|login|password|sign[- ]?in|tokens?)\b|\b(?:don['’]?t|do not) (?:want (?:you|u|the bot|this bot) (?:to be |to stay )?|keep (?:me|you|it) )(?:connected|linked|hooked up|signed in|logged in) (?:to|with|into|in to) my (?:skype |sfb |skype for business )?account\b|\b(?:remove|delete|forget|wipe|clear|drop|erase|purge)\b.{0,30}\bmy (?:saved |stored )?(?:credentials|login details|tokens?)\b/u, intent: 'signOut', overrules: ['none', 'signIn', 'groups.delete', 'meetings.delete', 'watch.stop', 'extensions.add'] },
  // "I would like to formally revoke my sign-in": the account unlinked.
  { name: 'sign-in revoked', en: /\b(?:revoke|withdraw|remove|delete|cancel) (?:my )?(?:sign[- ]?in|login|log-?in|account link|skype (?:sign[- ]?in|login|account))\b/u, intent: 'signOut', overrules: ['none', 'signIn', 'groups.delete', 'meetings.delete'] },
  // "Q4规划的细节给我看看": a meeting's details shown.
  { name: "a meeting's details shown (zh)", zh: /的(?:细节|详情|详细信息|具体情况)(?:都)?(?:给我|发我|让我)?(?:看看|看一下|瞧瞧|说说|讲讲)/u, intent: 'meetings.details', overrules: ['none', 'meetings.list'] },
  // "为 Q4规划 增加 RoamedOrganizerData 类型的扩展": an extension added, named by its type.
  { name: 'an extension type added (zh)', zh: /(?:增加|添加|新增|加)\s*(?:一个|个)?\s*(?:roamedorganizerdata|roamedparticipantdata|undefined)/iu, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'meetings.update'] },
  // "报销流程怎么走": office matters the bot has nothing to do with.
  { name: 'office matters (zh)', zh: /^(?!.*(?:会议|分组|大厅|扩展|提醒))(?:.*)(?:报销|请假|休假|病假|事假|假条|^假(?:流程|怎么|要)|出差|考勤|发票|工资|社保|年假|加班|打卡|航班|机票|火车票|高铁|酒店|天气)/u, intent: 'none', keep: [] },
  // 我开会要迟到了: the person late for a meeting, told, asks for nothing.
  { name: 'late for a meeting, told (zh)', zh: /^(?:我|我们)?(?:今天|等下|待会儿?)?(?:开会|会议|的会|周会|例会)?(?:要|会|可能|估计|大概|得)?(?:迟到|晚到|晚点到)(?:了|一会儿?|几分钟)?[。！!]?$/u, intent: 'none', overrules: ['meetings.list', 'meetings.delete', 'meetings.details', 'meetings.update'] },
  // "the new contact group feature looks neat": a remark about the bot's features asks for nothing.
  { name: 'a feature remarked on', en: /^(?!(?:please|pls|can|could|would|create|make|add|start|delete|remove|rename|set|new)\b)(?!.*\b(?:admit|let|delete|remove|create|make|add|rename|lock|unlock|mute|unmute|end|start|stop|watch|cancel|move|call it|name it)\b).*\b(?:looks|seems|is|works|feels) (?:really |so |pretty |very |super |quite )?(?:neat|cool|nice|great|good|awesome|handy|useful|slick|amazing|clever|helpful)\b/u, intent: 'none', overrules: ['groups.create', 'meetings.create', 'groups.list', 'meetings.list', 'watch.start', 'extensions.add', 'help', 'lobby.who', 'alerts.routeHere'] },
  // "my meeting went really well", "the standup was so long today": how a meeting went, told, asks for nothing.
  { name: 'how a meeting went', en: /^(?!.*\?\s*$)(?:(?:my|our|the|that|this|today['’]?s|yesterday['’]?s) )?(?:[\p{L}\d-]+ ){0,3}(?:meeting|call|standup|sync|session|mtg|review|demo|retro)s? (?:today |yesterday |this morning )?(?:went|was|were|ran) (?:really |so |very |pretty |super |quite |incredibly |way too |too )?(?:well|great|fine|badly|ok|okay|smoothly|good|bad|awesome|terrible|long|amazing|productive|short|boring|fun|intense)\b/u, intent: 'none', overrules: ['meetings.list', 'meetings.details', 'huawei.details'] },
  // "let's get you hooked up to my Skype account": the account linked (a read of it was a sign-out).
  { name: 'account hooked up', en: /^(?!.*\b(?:dont|don['’]t|do not|no longer|not|never|anymore|any more)\b).*(?:\b(?:hook(?:ed)?|hooking|set|get|getting) (?:you |me |it )?up (?:to|with) my (?:skype(?: for business)?|sfb)?\s?(?:account|login)\b|\b(?:connect|link)(?:ed)? (?:you |it )?(?:to|with) my (?:skype(?: for business)? )?account\b)/u, intent: 'signIn', overrules: ['signOut', 'none', 'groups.create'] },
  // "I need the call-in numbers for my meetings": how to join by phone ("reject the unknown dial-in number" is a caller).
  { name: 'dial-in numbers asked', en: /^(?!.*\b(?:reject|deny|decline|admit|let|kick|block|turn away|send away|remove|refuse|keep)\b).*\b(?:dial[- ]?in|call[- ]?in|phone[- ]?in|conference) (?:numbers|info|details|codes|phone numbers)\b/u, intent: 'meetings.dialIn', overrules: ['meetings.list', 'meetings.details', 'none', 'meetings.invitation'] },
  // "open the doors for everybody waiting": all of them let in.
  { name: 'doors opened for everyone', en: /\bopen (?:the |up the )?doors? (?:for|to) (?:everybody|everyone|all|them|the people)\b/u, intent: 'lobby.admit', overrules: ['none', 'meetings.update', 'lobby.who', 'huawei.lock'] },
  // "stop all my huawei watches": every watch stopped.
  { name: 'watches stopped', en: /^(?:stop|cancel|end|remove|clear|delete|drop|kill) (?:all )?(?:of )?(?:my |the |your )?(?:huawei |skype )?(?:watches|watchlist|watch list|lobby watches)\b/u, intent: 'watch.stop', overrules: ['watch.list', 'none', 'meetings.delete'] },
  // "reset my password": an account matter the bot does not handle.
  { name: 'a password reset', en: /\b(?:reset|change|forgot|forget|recover|update) (?:my |the )?(?:password|pwd|pin)\b/u, intent: 'none', overrules: ['page.next', 'signOut', 'signIn', 'meetings.update', 'none'] },
  // "给我看看所有指令的例子吧": the commands and their examples, which help shows.
  { name: 'the commands listed (zh)', zh: /(?:所有|全部)?的?(?:指令|命令|功能)的?(?:例子|示例|列表|清单|说明|大全)/u, intent: 'help', overrules: ['none', 'watch.stop', 'meetings.details', 'meetings.list'] },
  // "no need to keep an eye on Design Sync anymore": a watch no longer wanted.
  { name: 'a watch no longer needed', en: /\b(?:no need to|(?:dont|do not|no longer) need (?:you )?to|you (?:dont|do not) have to) (?:keep (?:an eye|tabs) on|watch|monitor|track|follow)\b/u, intent: 'watch.stop', overrules: ['watch.list', 'watch.start', 'none', 'lobby.who', 'meetings.update', 'lobby.reject'] },
  // "who hosts 956781234 and what's the topic?": a meeting's details asked.
  { name: 'who hosts <meeting>', en: /\bwho (?:hosts|is hosting|organi[sz]ed|is organi[sz]ing|runs|is running|owns|set up) (?:the )?(?:meeting |call )?\S/u, intent: 'meetings.details', overrules: ['none', 'huawei.participants', 'lobby.who'] },
  // "shut down 934567812 pls, everyone should be dropped": the meeting ended.
  { name: 'a meeting shut down', en: /^(?:shut down|terminate|end|close|kill|wrap up|stop) (?:the )?(?:huawei )?(?:meeting |call |conference )?(?:\d{3} ?\d{3} ?\d{3,6})\b(?! (?:alerts?|watch|notifications?))/u, intent: 'huawei.end', overrules: ['huawei.details', 'none', 'huawei.participants', 'huawei.mute'] },
  // "let anyone join Parent-Teacher Night": who may join, a setting ("let everyone in" admits those waiting).
  { name: 'anyone may join', en: /^(?:let|allow) (?:anyone|anybody) (?:join|in|into|come in|get in|enter)\b/u, intent: 'meetings.update', overrules: ['lobby.admit', 'huawei.admitWaiting', 'none'] },
  // "帮我看着家人组谁在线": a group's presence watched.
  { name: 'who of a group is online, watched (zh)', zh: /(?:看着|盯着|盯|关注|留意|跟踪)(?!.*(?:大厅|等候|会议|\d{6})).{0,12}(?:谁在线|在线情况|在不在线|谁上线|上下线|谁有空|谁空闲|谁闲着|谁有时间)/u, intent: 'groups.presence', overrules: ['watch.start', 'none', 'groups.members', 'lobby.who'] },
  // "cancel presence subscription on Fintech Leads": the presence watch stopped, nothing deleted.
  { name: 'a presence subscription cancelled', en: /\b(?:cancel|stop|end|remove|drop|delete|kill|turn off) (?:the |my |our )?(?:presence|availability|online status|status) (?:subscriptions?|subs?|alerts?|updates?|watch(?:es)?|notifications?)\b/u, intent: 'groups.presenceStop', overrules: ['meetings.delete', 'groups.delete', 'none', 'watch.stop', 'groups.presence'] },
  // "show me everyone connected to meeting 956781234": who is in it.
  { name: 'who is connected to <meeting>', en: /\b(?:everyone|everybody|who(?:s| is| are)?|people|participants) (?:connected to|dialed into|dialled into|joined to|attending) (?:the )?(?:huawei )?(?:meeting |call |conference )?\S/u, intent: 'huawei.participants', overrules: ['none', 'lobby.who', 'huawei.details'] },
  // "打开Excel": another program opened is nothing the bot does.
  { name: 'another program opened (zh)', zh: /^(?:请|帮我|麻烦)?(?:打开|启动|运行|开一下)\s*(?:excel|word|outlook|powerpoint|ppt|onenote|浏览器|记事本|计算器|邮箱|文件夹|微信)/iu, intent: 'none', overrules: ['meetings.details', 'huawei.details', 'meetings.list', 'meetings.delete', 'huawei.ongoing'] },
  // A meeting's settings: who may enter, when it starts or ends, whether phone users wait.
  // Unlinking the account also ends its alerts ("解绑我的账号，以后不用再提醒我了"): the account is what is meant.
  { name: 'sign out', zh: /^(?:请|帮我|麻烦|我要|我想)?(?:注销|登出)(?!.*(?:会议|分组|扩展))|(?:账号|帐号|账户|帐户)\s*登出|(?:忘掉|忘记|忘了|清除|清掉|清空|删除|删掉|删了|抹掉|丢掉)(?:我的)?(?:登录|账号|帐号|账户|帐户|凭据|凭证|授权|令牌)|^(?:请|帮我|麻烦)?(?:把|将)(?:我的)?(?:登录|账号|帐号|账户|帐户|凭据|凭证|授权|令牌)(?:凭据|凭证|授权|令牌|信息|资料|记录|数据|状态)?(?:给我|帮我)?(?:都)?(?:忘掉|忘了|清除|清掉|清空|删除|删掉|删了|抹掉|丢掉)|退出(?:我的)?.{0,12}(?:登录|账号|帐号|账户|帐户)|^(?:请|帮我|麻烦)?(?:把|将).{0,20}?(?:注销|登出)(?:掉|了|吧)*$|解除.{0,24}?(?:绑定|关联)|取消.{0,24}?(?:绑定|关联)|(?:绑定|关联).{0,4}(?:解除|取消)|解绑|断开.{0,8}(?:账号|帐号|连接)|(?:账号|帐号|账户|帐户)(?:给我|帮我)?断开/u, intent: 'signOut', overrules: ['signIn', 'none', 'watch.stop', 'groups.presenceStop'] },
  // "let everyone join the Friday all hands, not just invitees" (CD: "… without an invite"): who may join, set against the invitees, is the meeting's
  // setting; "let everyone join X" alone still admits whoever waits.
  { name: 'let everyone join <meeting>, not just invitees', en: /^(?:let|allow) (?:everyone|anyone|everybody|anybody|all) (?:to )?(?:join|in|into|enter|attend|come (?:in|into|to))\b.* (?:not (?:just|only|merely) (?:the )?(?:invit|people (?:on|in) the invit|those invited|people we invit|the people invited)|without (?:an |a |any )?invit|no invit\w* (?:needed|required|necessary)|(?:even )?(?:if|when) (?:they(?:re| are) )?not invited|invited or not)/u, intent: 'meetings.update', overrules: ['lobby.admit', 'huawei.admitWaiting', 'none', 'lobby.reject'] },
  // CE: "市场同步 那个会设成仅受邀者可参加": a meeting pointed at (那个会) and set is changed, not booked (它 had booked
  // one: 个会 sounds like 开个会).
  { name: 'that meeting set to (zh)', zh: /^(?!.*(?:新建|创建|安排|预约|约|订|建|开|来)(?:一个|一场|个|场))(?:把|将)?\s*[^，,\s]{2,16}?\s*(?:那个会|这个会|那场会?|这场会?)(?:的)?\s*(?:改成|改为|设成|设为|设置为|设置成|调成|调为)/u, intent: 'meetings.update', overrules: ['meetings.create', 'none', 'meetings.invitation', 'meetings.eligibleValues', 'meetings.details'] },
  { name: 'a meeting setting', en: new RegExp(String.raw`${PHONE_EN}|^(?:only )?(?:nobody|no one|noone|invited people|invitees|invited guests|(?:people|folks|staff) (?:from|in|at) (?:my|our|the) (?:company|org\w*)|(?:our|my|the) (?:company|org\w*|firm)|company (?:people|folks|staff|employees|colleagues)|internal (?:people|folks|staff)|colleagues|employees|coworkers|everyone|anyone|everybody) (?:should|can|may|must) (?:be able to )?(?:only )?(?:get into|get in to|join|enter|come into) \S|^(?:make|set|change|update|switch|turn|open) .+ (?:to |so |up to )?${SETTING_EN}|\bso (?:that )?(?:only )?(?:anyone|everyone|everybody|invited people|people|folks)(?: (?:in|from|at) (?:my|our|the) (?:company|org\w*|enterprise|firm))? can (?:join|get in|enter|come in)\b|\b(?:should|must|needs? to|has to) (?:start|end|begin|finish|be over) (?:at|by|on)\b|\b(?:should|must|needs? to|has to|will) (?:now )?(?:run|be|happen|take place|go|start|end) (?:(?:at|on|from|by|until|till|to) )?(?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|next)|\b(?:should|must|needs? to|has to|will|is to) (?:now |from now on |henceforth )?be ${SETTING_EN}(?: (?:from now on|going forward|from today|for good|permanently|now|again))?$|\b(?:should|must|needs? to|has to|will|is to) (?:only )?be (?:only )?open(?:ed)? (?:only )?to (?:(?:people|folks|staff|employees|colleagues|users|those) )?(?:from|in|at|of|within) (?:my|our|the) (?:company|org\w*|enterprise|firm|domain)\b|^open .+ up\b|^(?:move|reschedule|push|shift|postpone|delay|bring forward|pull forward|pull in) .+ (?:to|until|till|by|back to|forward to|back by) (?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|next|noon|midday|later|the afternoon|the morning|(?:an?|one|two|three|half an?|a couple of|a few) (?:hours?|hrs?|minutes?|mins?|days?|weeks?)\b)`, 'u'), zh: /(?:电话|拨入|拨号|打电话)(?:拨入|接入|入会|进来)?的?(?:用户|使用者|人|与会者|参会者|来宾|入会的人?|进来的人?|接入的人?|打进来的人?).{0,12}(?:绕过|跳过|等|直接进|直接入会)|改(?:成|为)只(?:允许|有)|(?:改成|改为|设成|设为|设置为|调成)(?:.{0,4})(?:锁定|公开|所有人|任何人|仅限|只限|只有|只允许|公司内部|受邀|仅邀请|只邀请|被邀请)|(?:推迟|推后|延后|提前|往后推|往后挪)(?:了)?(?:一个|半个|两个|\d+个?|[一二三四五六七八九十两]+个?)?半?(?:小时|钟头|分钟|天)|(?:应该|改到|改成|推迟到|提前到).{0,6}(?:开始|结束)|(?:推迟|推后|延后|延期|顺延|延|提前|挪|改|调整|调|移|换)(?:到|至)(?:明天|后天|今天|下?周|星期|礼拜|[上下]午|晚上|早上|\d|[一二三四五六七八九十两]+点)/u, intent: 'meetings.update', overrules: ['none', 'lobby.who', 'lobby.admit', 'lobby.reject', 'meetings.details', 'extensions.list', 'meetings.invitation', 'groups.members', 'meetings.list', 'watch.start', 'huawei.end', 'groups.rename', 'page.next', 'meetings.dialIn', 'signOut', 'signIn'] },
  // Lobby alerts, stopped or started, said without "watch". "drop off the standup": the bot leaves it, nothing is deleted.
  { name: 'drop off <meeting>', en: /^(?!.*\b(?:presence|status|availability|online)\b)(?:drop off|get off|step away from|stop following|stop tracking|stop monitoring|stop keeping (?:an eye|tabs) on|unfollow|unwatch|unsubscribe from)\b/u, intent: 'watch.stop', overrules: ['meetings.delete', 'lobby.reject', 'none', 'meetings.details', 'huawei.end', 'huawei.admitWaiting', 'lobby.admit', 'huawei.participants'] },
  // "drop me from the Retro watch list", "take Board prep off your watchlist": a watch removed.
  { name: 'off the watch list', en: /^(?:drop|remove|take|delete|scratch|cross|strike)\b.* (?:from|off|out of) (?:the |my |your |our )?(?:.+ )?(?:watch ?list|watchlist|watches|watched (?:meetings|lobbies|list))$/u, intent: 'watch.stop', overrules: ['watch.list', 'meetings.delete', 'lobby.reject', 'none', 'watch.start', 'groups.delete'] },
  // 供应链分组的上线提醒关掉吧, 关掉市场部分组的上线提醒: alerts about people coming online are a group's presence watch,
  // though they say 提醒 like a lobby's alerts (stopping them stopped a meeting watch, or started the presence watch).
  // "别再推送 大学同学 的上线提醒了", "读书会的人上下线别再通知我了": the alerts no longer wanted are of who comes online.
  { name: 'online alerts no longer wanted (zh)', zh: /^(?!.*(?:会议|大厅|等候室|\d{6,12}))(?:.*(?:别再|不要再|不用再|别)(?:给我)?(?:推送|推|发|通知|提醒).{0,16}(?:上线|下线|在线|上下线)的?(?:提醒|通知|推送|消息)|.*(?:上线|下线|在线|上下线)(?:了)?.{0,4}(?:别再|不要再|不用再|别|不用)(?:给我)?(?:通知|提醒|推送|告诉)我?)/u, intent: 'groups.presenceStop', overrules: ['watch.stop', 'groups.presence', 'none', 'huawei.unwatch', 'meetings.list'] },
  { name: 'presence alerts stopped (zh)', zh: /^(?!.*(?:会议|大厅|等候室|\d{6,12}))(?:.*(?:上线|下线|在线|上下线|状态)的?(?:提醒|通知|推送|更新).*(?:关掉|关了|关闭|取消|停止|停掉|停了|不要了|去掉|删掉|删除|别再|别(?:再)?(?:发|推)|不用(?:再)?(?:发|推)|不用了|算了)|.*(?:关掉|关闭|取消|停止|停掉|去掉|删掉|不要)了?.{0,20}(?:上线|下线|在线|上下线)的?(?:提醒|通知|推送))/u, intent: 'groups.presenceStop', overrules: ['watch.stop', 'groups.presence', 'groups.members', 'groups.list', 'watch.start', 'none', 'huawei.unwatch', 'meetings.update'] },
  // CG: "i don't need alerts for any of my meetings anymore": every lobby alert given up (it listed the meetings).
  { name: 'no alerts for any meeting', en: /^(?:i |we )?(?:dont|do not|no longer) (?:need|want)(?: any)? (?:lobby )?(?:alerts|notifications|pings)(?: (?:for|about|on|from) (?:any of |all of |all )?(?:my|our|the) (?:meetings|lobbies|calls))(?: anymore| any more| now)?$/u, intent: 'watch.stop', overrules: ['meetings.list', 'none', 'watch.list', 'huawei.ongoing'] },
  { name: 'no more alerts', en: new RegExp(String.raw`${NOT_PRESENCE_EN}.*\b(?:no more|(?:do not|dont|no longer) (?:need|want)|stop(?: the)?|quit|mute|silence|turn off|switch off|without|end|cancel|kill|disable|pause|drop|delete|remove|clear|get rid of)\b.*\b(?:alerts?|pings?|notifications?|pinging|notifying|alerting)\b|${NOT_PRESENCE_EN}.*\b(?:stop|end|cancel|kill|disable|pause|drop|delete|remove|clear|get rid of|turn off|switch off)\b (?:the |my |our |this |that |all (?:the |my )?)?(?:lobby |waiting room )?(?:watch(?:es)?|watching|monitoring|tracking) (?:on|for|of|over|in)\b`, 'u'), zh: /^(?!.*状态)(?:.*(?:关闭|关掉|取消|停止|停掉|关了|删除|删掉|去掉).{0,20}(?:提醒|通知)|.*(?:别再|不要再|不用再|不再|停止|取消)(?:提醒|通知|推送)|.*不用再盯|.*(?:提醒|通知).*(?:不要了|取消|关掉|关了|关闭|停掉|停了))/u, intent: 'watch.stop', overrules: ['lobby.who', 'watch.list', 'watch.start', 'meetings.create', 'lobby.reject', 'huawei.mute', 'none', 'meetings.details', 'huawei.end', 'meetings.delete', 'huawei.details', 'page.next', 'huawei.admitWaiting', 'lobby.admit'] },
  // "quit telling me when Vendors EMEA people come online": presence alerts no longer wanted.
  { name: 'presence alerts quit', en: /^(?:please |pls )?(?:quit|stop|cease) (?:telling|notifying|pinging|alerting|updating|messaging) (?:me|us) (?:when|whenever|if|once)\b.*\b(?:online|offline|available|busy|free|away)\b/u, intent: 'groups.presenceStop', overrules: ['groups.presence', 'none', 'watch.stop', 'groups.members', 'huawei.end', 'huawei.unwatch', 'signIn'] },
  // "设计评审的大厅不用再看了", "i don't need lobby notifications for any of my meetings anymore": a lobby no longer watched.
  { name: 'a lobby no longer watched', en: /^(?:i |we )?(?:dont|do not|no longer) (?:need|want) (?:the |any )?(?:lobby|waiting room) (?:notifications|alerts|pings|updates)\b/u, zh: /(?:大厅|等候室).{0,4}(?:不用|不必|不需要|别|不要)再?(?:看|盯|监控|关注|提醒)(?:了|啦)?$|^(?:别|不要|不用)再?(?:盯着?|看着|关注|监控)\s*[^，,]{1,20}?的?(?:大厅|等候室)(?:了|啦)?$/u, intent: 'watch.stop', overrules: ['lobby.who', 'meetings.list', 'none', 'watch.list', 'meetings.delete', 'meetings.details'] },
  // "let in whoever is waiting for 972 318 465": those waiting at an id, let in.
  // CD: "let them in, 978123456", "978123456 let everyone in": those waiting, let into a meeting named by its id (a
  // Huawei conference id), are all of them at once (it had admitted into a Skype lobby called 978123456).
  { name: 'let them in, <id>', en: /^(?=\d{9,12} |.*\d{9,12}$)(?:\d{9,12} )?(?:please |pls |ok |okay |just )?(?:let|bring|get) (?:them|everyone|everybody|all of them|them all|all|the people|the folks|the guests|those people|people) (?:in|inside|through)(?: now| please| pls)?(?: (?:to|into|for|in|on))?(?: (?:meeting |conference |mtg )?\d{9,12})?$/u, intent: 'huawei.admitWaiting', overrules: LET_IN_AT_ID_OVERRULES },
  // CG: "open the doors for <id>, people are waiting": the waiting room of the id opened.
  // CM: "open up <id> for whoever's waiting": opened for those waiting is letting them in, not unlocking (it unlocked).
  { name: 'open the doors for <id>', en: /^(?:please |pls |just )?open (?:up )?(?:the )?doors? (?:for|to|of|on|in) (?:meeting |conference )?\d{9,12}\b|^(?:please |pls |just )?open (?:up )?(?:meeting |conference )?\d{9,12} (?:up )?(?:for|to) (?:whoever|whoevers|everyone|everybody|anyone|anybody|all|the people|those|the folks|the guests)(?: (?:who(?:s| is| are)|thats|that (?:is|are)))?(?: still)? (?:waiting|queued|queueing|in the waiting room|in the lobby)\b/u, intent: 'huawei.admitWaiting', overrules: ['lobby.who', 'lobby.admit', 'huawei.details', 'huawei.participants', 'none', 'huawei.lock', 'huawei.end'] },
  // CH: "quit monitoring the waiting room of <id>": a Huawei waiting room no longer watched (it let everyone in).
  { name: 'stop watching <id>', en: /^(?:please |pls )?(?:quit|stop|cease|end|no more|dont keep|stop keeping) (?:monitoring|watching|tracking|following|an eye on|tabs on|alerting me|pinging me|notifying me|telling me)\b(?!.*\b(?:presence|status|online)\b).*\b\d{9,12}\b/u, intent: 'huawei.unwatch', overrules: ['huawei.admitWaiting', 'huawei.watch', 'watch.stop', 'huawei.participants', 'huawei.details', 'none', 'lobby.who', 'signIn', 'huawei.mute'] },
  // CH: "<id> is done, wrap it up for everyone": the meeting ended.
  { name: 'wrap <id> up', en: /^(?=.*\b\d{9,12}\b).*\bwrap (?:it |this |that |things |everything |the (?:meeting|call) )?up\b/u, intent: 'huawei.end', overrules: ['none', 'huawei.details', 'huawei.participants', 'meetings.details'] },
  // CH: "<id> has people waiting, let them all in": those waiting at the id, let in.
  { name: '<id> has people waiting, let them in', en: /^\d{9,12} (?:has|got|have) (?:people|folks|guests|someone|somebody|a few people|visitors) waiting (?:so |just |please |pls )?(?:let|bring|get) (?:them|everyone|everybody) (?:all )?(?:in|inside|through)\b/u, intent: 'huawei.admitWaiting', overrules: LET_IN_AT_ID_OVERRULES },
  // CI: "silence the participants of <id>": everyone in it muted.
  { name: 'silence the participants', en: /^(?:please |pls )?(?:silence|hush|shush|mute) (?:all )?(?:the |of the )?(?:participants|attendees|people|folks|everyone|everybody|speakers)\b/u, intent: 'huawei.mute', overrules: ['huawei.participants', 'none', 'huawei.details', 'lobby.who'] },
  { name: 'whoever waits at <id>, let in', en: /^(?:please |pls )?(?:let in|admit|bring in) (?:whoever|anyone|everyone|everybody|all)(?: who)?(?:s| is| are)? (?:waiting|queued|in the waiting room) (?:for|in|at|on) \d{6,12}\b/u, intent: 'huawei.admitWaiting', overrules: LET_IN_AT_ID_OVERRULES },
  // "call the Running club group Running buddies instead": a group called by another name is renamed.
  { name: 'call the <group> group <new name>', en: /^(?:please |pls )?(?:call|name) (?:the |my |our )?\S+(?: \S+){0,3} (?:contact )?group \S/u, intent: 'groups.rename', overrules: ['huawei.ongoing', 'none', 'groups.create', 'groups.list', 'meetings.update'] },
  // "Running buddies should be called Marathon crew": a name to be called another is a rename (its kind, if unsaid, asked).
  { name: 'should be called <new name>', en: /^(?!(?:what|which|who|how|why|should)\b)(?!.*\b(?:meeting|call|sync|standup|session)\b)\S.* (?:should|must|needs to|has to) be (?:called|renamed(?: to)?) \S/u, intent: 'groups.rename', overrules: ['huawei.ongoing', 'none', 'meetings.list', 'groups.list'] },
  // "ping me about the waiting room in 962 004 731": alerts about a lobby asked for are its watch (Huawei's for an id).
  { name: 'pinged about a lobby', en: /^(?:ping|alert|notify|tell|message|text|buzz) me (?:about|on|for|regarding) (?:the )?(?:waiting room|lobby)\b/u, intent: 'watch.start', overrules: ['huawei.admitWaiting', 'lobby.who', 'lobby.admit', 'none', 'huawei.participants'] },
  // "i don't care about the board prep lobby anymore": a lobby no longer cared about is its watch stopped.
  { name: 'a lobby no longer cared about', en: /^(?:i |we )?(?:dont|do not|no longer) care (?:about|for) (?:the |my |our )?\S.*\b(?:lobby|lobbies|waiting room)(?: (?:anymore|any more|any longer))?$/u, intent: 'watch.stop', overrules: ['lobby.who', 'lobby.reject', 'none', 'watch.start'] },
  { name: 'ping me when someone waits', en: new RegExp(String.raw`${NOT_PRESENCE_EN}\b(?:ping|tell|notify|alert|let|message) me(?: know)?\b.*\b(?:when|if|whenever|as soon as)\b.*\b(?:wait|waits|waiting|shows? up|arrives?|knocks?|lobby|turns? up)\b`, 'u'), zh: /有人(?:在)?.{0,12}(?:等|等待|排队|进大厅|进等候室|到大厅|来了).{0,6}(?:提醒|通知|告诉|叫)我|(?:大厅|等候室)(?:里)?(?:有人|来人|进人|来了人).{0,8}(?:提醒|通知|告诉|叫)我/u, intent: 'watch.start', overrules: ['meetings.list', 'lobby.who', 'none', 'meetings.details', 'watch.list', 'huawei.admitWaiting', 'huawei.participants', 'huawei.details', 'meetings.create'] },
  // "你现在在帮我盯哪些会", "what are you keeping an eye on": what is watched, asked.
  { name: 'which meetings are watched', en: /^(?:what|which)(?: of)?(?: (?:my|our|the))?(?: meetings?| lobbies| calls)? (?:are|do|did) (?:you|i have you|i ask you to) (?:watch|watching|monitor|monitoring|track|tracking|keep(?:ing)? (?:an eye|tabs) on|follow|following)\b|\bwhat i asked you to (?:watch|monitor|track)\b/u, zh: /(?:在|正在)?(?:帮我)?(?:盯|关注|监控|看着|跟踪)(?:着)?(?:哪些|哪几个|什么)(?:会|会议)?|(?:盯|关注|监控)(?:的|了)(?:哪些|什么)|(?:盯|关注|监控|跟踪)(?:着)?的(?:会议|会|大厅)(?:都)?(?:有|是)(?:哪些|哪几个|什么)/u, intent: 'watch.list', overrules: ['help', 'none', 'watch.start', 'watch.stop', 'meetings.list', 'lobby.who', 'huawei.watch', 'meetings.create'] },
  // "list the meetings you're keeping an eye on": the watched ones, asked for by a list verb.
  { name: 'list the meetings you watch', en: /^(?:list|show(?: me)?|tell me|give me)(?: all)?(?: (?:my|our|the))? (?:meetings?|lobbies|calls) (?:that )?(?:you are|youre|you have been|youve been|i asked you to|i have you) (?:watching|monitoring|tracking|keeping (?:an eye|tabs) on|following|watch|monitor|track)\b/u, intent: 'watch.list', overrules: ['meetings.list', 'watch.start', 'none', 'lobby.who', 'huawei.watch'] },
  // "以后市场部周会的大厅通知都发到本频道": alerts sent to this channel.
  { name: 'alerts to this channel (zh)', zh: new RegExp(String.raw`^(?!.*(?:停止|不要|别再?|不再|取消|关掉|关闭|不用))(?:.*?)(?:通知|提醒|告警|消息|推送)(?:(?:都|也|就)?(?:发到|转到|推到|推送到|发送到|转发到|发在|转发给|发给|发)${HERE_ZH}|(?:都|也|就)?(?:在|到)${HERE_ZH}里?(?:显示|出现|弹出|发出来|冒出来)(?!.*(?:吗|么|没有?|[?？])\s*$))|^(?!.*(?:停止|不要|别再?|不再|取消|关掉|关闭|不用))(?:让|叫)?${HERE_ZH}里?(?:也|都)?(?:要|得)?(?:能|可以)(?:收到|接到)[^，,。]{0,20}?(?:提醒|通知)(?!.*(?:吗|么|没有?|[?？])\s*$)`, 'u'), intent: 'alerts.routeHere', overrules: ['none', 'watch.start', 'watch.stop', 'lobby.who', 'watch.list', 'meetings.update', 'meetings.details'] },
  // "删掉我的会议 Q2路演": 我的会议 before the name is whose meeting it is, not a list asked for.
  { name: 'delete my meeting <name> (zh)', zh: /^(?:请|帮我|麻烦|给我)?(?:删掉|删除|删了|移除)(?:我的)?(?:会议|会)\s*(?!.*(?:分组|提醒|通知|扩展))\S/u, intent: 'meetings.delete', overrules: ['meetings.list', 'none', 'meetings.details'] },
  // "set up presence alerts for Vendors", "follow the status of Vendors": presence asked for, not a meeting.
  { name: 'presence asked for', en: /^(?!.*\b(?:stop|no more|dont|do not|unsubscribe|unfollow|cancel|end|turn off|disable|quit|anymore|any more)\b)(?:watch|track|follow|subscribe|set up|setup|turn on|get|start|enable|monitor|(?:i|we) (?:want|need|would like|d like)(?: to (?:get|see|have))?)\b.*\b(?:presence|availability|online status|status|who(?:s| is| are)? (?:available|online|offline|free|around|busy))\b/u, intent: 'groups.presence', overrules: ['meetings.create', 'none', 'watch.start', 'groups.list', 'extensions.add', 'groups.members', 'groups.presenceStop', 'groups.create'] },
  // "show me presence updates for Team #5", "I want to see when my Golf buddies are busy or free": changes of presence,
  // which come later, asked to be seen — the presence watch.
  { name: 'presence changes asked to be seen', en: /^(?!.*\b(?:stop|no more|dont|do not|unsubscribe|unfollow|cancel|turn off|disable|quit|anymore|any more|no longer)\b)(?:(?:show|give|send|get)(?: me)? (?:the )?(?:live |real-?time )?(?:presence|availability|status|online status|online) (?:updates|changes|alerts|notifications|pings)\b|(?:(?:i want to |i wanna |wanna |i would like to |i need to |i d like to |let me |help me )?(?:see|know|find out|hear|be told|learn)|(?:tell|notify|ping|alert|message|inform|show) me) (?:when|whenever|if|as soon as|once|the moment)\b.*\b(?:are|is|comes?|goes|go|gets?|become|becomes) (?:online|offline|available|busy|free|away|back)\b)/u, intent: 'groups.presence', overrules: ['groups.members', 'groups.list', 'groups.presenceStop', 'none', 'meetings.eligibleValues', 'meetings.details', 'lobby.who', 'meetings.update'], seesTheFuture: true },
  // "let's meet about pricing on Friday at 2pm": a meeting asked for with its time.
  { name: 'meet about <subject> at <time>', en: /^(?:meet|meet up|sync up|catch up|get together|have a (?:call|chat|meeting)) (?:about|on|regarding|re|to discuss|over)\b.*\b(?:at \d|on (?:mon|tue|wed|thu|fri|sat|sun)|tomorrow|today|next (?:week|mon|tue|wed|thu|fri)|\d{1,2}(?::\d\d)?\s*(?:am|pm))/u, intent: 'meetings.create', overrules: ['none', 'meetings.details', 'huawei.ongoing', 'huawei.scheduled', 'meetings.list'] },
  // "did the all hands start yet": whether a meeting is on now is answered by the ongoing list, searched by its name.
  // "is the vendor sync happening yet", "is Budget review live already": whether a meeting is on now, like "did it start".
  { name: 'is <meeting> happening', en: /^(?!.*\b\d{6,12}\b)(?:is|are) (?:the |our |my )?(?!(?:anyone|anybody|someone|somebody|there|it|this|that|he|she|they|you|i|we|everyone|everybody)\b)\S.* (?:happening|running|live|underway|going on|in progress|started|on air)(?: (?:yet|already|now|right now|at the moment|atm|today))?$/u, intent: 'huawei.ongoing', overrules: ['none', 'meetings.details', 'meetings.list', 'huawei.scheduled', 'lobby.who'] },
  { name: 'did <meeting> start', en: /^(?!.*\b\d{6,12}\b)(?:did|has|have) (?:the |our |my )?(?!(?:i|we|you|anyone|anybody|someone|somebody)\b)\S.* (?:start|started|begin|began|begun|kick off|kicked off)(?: (?:yet|already|now))?$/u, intent: 'huawei.ongoing', overrules: ['none', 'meetings.details', 'meetings.list', 'huawei.scheduled'] },
  // Presence: stopping it is not starting it, and "come online" is presence whoever is named.
  { name: 'stop presence', en: /^(?:stop|quit|cancel|end|no more|dont|do not|unsubscribe|unfollow|turn off|switch off|disable|mute|silence|i (?:do not|dont|no longer) (?:need|want))\b.*\b(?:presence|status|availability|online)\b/u, zh: /(?:停止|取消|不再|别再|不要再|不用再)(?:订阅|关注|跟踪|推送|告诉我|通知我|提醒我).*状态|状态.{0,4}(?:别|不要|不用|不必|无需)(?:再)?(?:推|发|告诉|通知|提醒|关注|订阅|盯)|状态.{0,4}(?:停掉|取消|关掉|关了|不要了)/u, intent: 'groups.presenceStop', overrules: ['groups.presence', 'groups.members', 'watch.stop', 'groups.list', 'none'] },
  // "帮我盯着 X 这个分组谁在线": watching who is online in a group is its presence, not a meeting's lobby. Only a watch
  // verb: "看看 X 分组谁在线" is a question and stays one.
  { name: 'watch who is online in a group (zh)', zh: /(?:盯着|盯住|盯一下|盯|关注|跟踪|订阅|留意|监控).{0,16}(?:分组|组).{0,4}(?:谁在线|在线情况|在线状态|谁上线|谁下线|上下线|在不在线|谁有空|谁空闲|谁闲着|谁有时间)/u, intent: 'groups.presence', overrules: ['watch.start', 'lobby.who', 'none', 'groups.members', 'huawei.participants'] },
  // AY: "盯一下上海团队谁有空" is watched above; "上海团队谁有空", "whos free in the design team" ask who of a group is free
  // without saying it should be watched: the presence watch is the command that answers, asked before it runs.
  { name: 'who of a group is free, asked (zh)', zh: /^(?!.*(?:大厅|等候|会议|会里|会上|开会|入会|参会|\d{6}|盯|关注|跟踪|订阅|留意|监控|不再|别再|不用|告诉|通知|提醒|叫我))(?:帮我|请|麻烦)?(?:看看|看一下|查查|查一下)?\s*[^，,\s]{1,12}?(?:团队|分组|小组|组|部门|部|同事们?|同学们?|朋友们?)(?:里|中|里面)?(?:的人)?(?:现在|目前)?(?:都)?(?:有)?谁(?:有空|在线|空闲|闲着|上线|有时间)/u, intent: 'groups.presence', overrules: ['lobby.who', 'groups.members', 'none', 'watch.start', 'huawei.participants', 'meetings.list'], asked: true },
  { name: 'who of a group is free, asked', en: /^(?!.*\b(?:lobby|waiting|wait|meeting|meetings|mtg|call|queue|room|stop|anymore|no longer|dont|do not)\b)(?!.*\d{6})(?:(?:tell|show) me |check |see )?(?:whos|who is|who are|who)(?: (?:free|available|online|around|busy|offline) (?:in|from|among) (?:the |my |our )?\S.*| (?:in|from) (?:the |my |our )?\S.*? (?:is|are) (?:free|available|online|around|busy|offline)\b.*)$/u, intent: 'groups.presence', overrules: ['groups.members', 'none', 'huawei.ongoing', 'lobby.who', 'meetings.list'], asked: true },
  // "keep an eye on who's free in Vendors", "let me know who in Vendors is free": being told later is the presence watch.
  { name: 'who of a group is free, to be told', en: /^(?!.*\b(?:stop|no more|dont|do not|unsubscribe|cancel|anymore|any more|no longer|lobby|waiting|meeting|meetings|mtg|call|queue)\b)(?!.*\d{6})(?:keep an eye on|keep tabs on|keep (?:me )?(?:posted|updated|informed) (?:on|about)|let me know|ping me|notify me) (?:whos|who is|who are|who)\b.*\b(?:free|available|online|around|offline|busy)\b/u, intent: 'groups.presence', overrules: ['groups.members', 'none', 'watch.start', 'lobby.who', 'huawei.ongoing'], seesTheFuture: true },
  // "把 X 加到关注列表": putting a meeting on the watch list starts a watch; the list is where it goes, not what is asked.
  { name: 'put on the watch list (zh)', zh: /^(?:请|帮我|麻烦)?(?:把|将)(?!.*(?:分组|状态|在线)).{1,20}?(?:加入|加到|加进|添加到|放进|放到)(?:我的)?(?:关注|监控|订阅)/u, intent: 'watch.start', overrules: ['watch.list', 'none', 'meetings.details', 'lobby.admit'] },
  // "绑定我的 Skype for Business 账户": binding one's account is signing in (unbinding it is the sign-out above).
  { name: 'bind my account (zh)', en: /^(?:请|帮我|麻烦)?(?:登录|登陆|绑定)(?:一下)?\s*(?:我的\s*)?(?:skype|sfb|lync)\b/u, zh: /^(?!.*(?:解除|取消|解绑|断开|不再|注销|登出))(?:请|帮我|麻烦|我要|我想)?(?:绑定|关联|连接|登录|登入)(?:一下)?(?:我的)?.{0,24}?(?:账户|账号|帐号|帐户|skype)/iu, intent: 'signIn', overrules: ['signOut', 'meetings.list', 'none', 'groups.list'] },
  // "list the people waiting in my lobbies": the people are asked for, not the watches on the lobbies.
  { name: 'list who is waiting', en: /^(?:list|show|show me|give me|get|display|tell me)\b.*\b(?:people|everyone|everybody|guests|visitors|folks|whoever)\b(?: who (?:is|are)| that (?:is|are))? waiting\b/u, intent: 'lobby.who', overrules: ['watch.list', 'none', 'meetings.list'] },
  // "give Sales sync a participant data extension": giving a meeting an extension adds one; a question stays a list.
  { name: 'give a meeting an extension', en: /^(?:give|grant)\b(?!.*\?\s*$).*\b(?:a|an|one|another)\b(?: \S+){0,3} extension\b/u, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'meetings.update', 'meetings.details'] },
  // "restrict Board prep to invited people only": who may enter is set, not the invitation read.
  { name: 'restrict who may enter', en: /^(?:restrict|limit) (?:access to )?\S.* to (?:only )?(?:invited|invitees|people (?:in|from)|employees|colleagues|coworkers|staff|my company|our company|the company|company|internal|insiders)\b/u, intent: 'meetings.update', overrules: ['meetings.invitation', 'groups.members', 'none', 'meetings.details'] },
  // "can you record Vendor sync?", "transcribe the standup": the bot neither records nor takes notes; whether one may
  // record is the policies ("am I allowed to record?").
  { name: 'recording asked of the bot', en: /^(?:record|transcribe|take (?:the )?notes (?:of|for|in|at)|start (?:recording|a recording|transcribing|taking notes)) (?!(?:a |my |the )?(?:message|voice|video) ?(?:note|message|memo)?\b)\S/u, intent: 'none', overrules: ['meetings.policies', 'meetings.details', 'meetings.list', 'meetings.update', 'page.next', 'huawei.ongoing', 'huawei.details', 'meetings.create'] },
  // "reject the unknown dial-in number", "turn away that phone caller": a caller refused is someone in the lobby.
  { name: 'reject a caller', en: /^(?:reject|deny|decline|refuse|turn away|kick out|block|keep out|send away)\b.*\b(?:numbers?|callers?|phone users?|dial-?ins?)$/u, intent: 'lobby.reject', overrules: ['meetings.dialIn', 'none', 'meetings.details'] },
  // "年度预算上挂了什么自定义数据": what hangs on a meeting (custom data, extensions), asked.
  { name: 'what hangs on <meeting> (zh)', zh: /(?:上|里)(?:面)?(?:都)?(?:挂|附|加|绑|带)(?:了|着)(?:哪些|什么|几个)(?:自定义数据|数据|扩展|插件|东西)/u, intent: 'extensions.list', overrules: ['none', 'help', 'page.next', 'meetings.details', 'meetings.invitation'] },
  // "帮我盯着我所有的会议": every meeting watched.
  { name: 'watch all my meetings (zh)', zh: /^(?!.*(?:别|不要|不用|停止|取消|不再))(?:帮我|替我|给我)?(?:盯着|盯住|盯|关注|监控|看着|跟踪)(?:一下)?(?:我)?(?:所有|全部)的?(?:会议|会)(?:的大厅)?$/u, intent: 'watch.start', overrules: ['meetings.list', 'none', 'watch.list', 'lobby.who'] },
  // "what's 12 times 7", "算一下 36 乘以 4": sums are no command, though a number can look like a meeting id.
  { name: 'arithmetic', en: /^(?:whats|what is|how much is|calculate|compute)\s+\d+(?:\.\d+)?\s*(?:times|plus|minus|x|\*|\+|-|divided by|over|multiplied by)\s*\d+(?:\.\d+)?\s*\??$/u, zh: /^(?:算一下|帮我算|计算)?\s*\d+(?:\.\d+)?\s*(?:乘以?|加上?|减去?|除以)\s*\d+(?:\.\d+)?\s*(?:等于|是)?(?:多少|几)/u, intent: 'none', keep: [] },
  { name: 'come online', en: /^(?!.*\b(?:stop|no more|dont|do not|unsubscribe|anymore|any more)\b).*\b(?:(?:comes?|goes|go|gets?|are|is) (?:online|offline|available|busy|away)|changes? (?:their |his |her |its )?(?:status|presence|availability))\b/u, zh: /^(?!.*(?:停止|取消|不再|别|不要|不用|不必)).*(?:上线|下线|在线状态|状态变)/u, intent: 'groups.presence', overrules: ['groups.members', 'lobby.who', 'watch.start', 'none', 'groups.list', 'meetings.list', 'meetings.details'] },
  { name: 'members of <name> group', en: /^(?:who|whos|which|what|list|show)\b.*\b(?:in|of|inside|to|into) (?:my |the |our )?(?!(?:contact )?groups?\b)\S+(?: \S+){0,3} group$/u, zh: /^(?:华为(?:云)?)?会议\s*\S.*?(?:里|中)(?:现在|目前)?(?:都)?(?:有谁|有哪些人|是谁)/u, intent: 'groups.members', overrules: ['groups.list', 'none', 'lobby.who'] },
  { name: 'the waiting room can come in', en: /^(?:empty|clear|release|flush|drain)\b.*\bwaiting room\b|\bopen(?: up)? (?:the )?waiting room(?:'s|s)? (?:doors?|gates?)\b|\bwaiting room\b.*\b(?:can|may|should) (?:come in|join|enter|get in)\b|^(?:let|bring|admit)\b.*\bwaiting room\b|\bwaiting room\b.*\b(?:let|bring|admit) (?:them|everyone|everybody|all|people|the lot)\b/u, zh: /等候室.{0,8}(?:进来|拉进|放进|准入|清空|接进)|(?:打开|开开|开一下)等候室的?门|(?:拉进会|放进会)|(?:清空|放空).{0,12}等候室/u, intent: 'huawei.admitWaiting', overrules: ['groups.members', 'lobby.who', 'none', 'huawei.participants', 'lobby.admit', 'meetings.list', 'meetings.details', 'watch.start', 'huawei.watch'] },
  // Lobby alerts to this chat or channel.
  // "I'd like to get lobby alerts for Board prep": alerts asked for (not sent somewhere): a watch.
  { name: 'get alerts for <meeting>', en: /^(?!.*\b(?:here|this (?:channel|chat|team|room)|channel|group chat)\b)(?:get|give me|send me|turn on|enable|start|set up|i want|i need|i would like)(?: me)? (?:the )?(?:lobby |waiting )?(?:alerts?|notifications?|pings?) (?:for|about|on|from) \S/u, intent: 'watch.start', overrules: ['watch.list', 'none', 'lobby.who', 'meetings.details'] },
  { name: 'alerts to this channel', en: /\b(?:notify|alert|ping|tell|post (?:in|to)|send (?:to|in)|message) (?:this|the|our) (?:channel|chat|group chat|team|room)\b|\b(?:alerts?|pings?|notifications?|notices)\b.*\b(?:here|this (?:channel|chat|team|group chat|room))\b|\b(?:people|folks|everyone|everybody|co-?organi[sz]ers|colleagues|team|others) (?:here|in (?:this|the) (?:channel|chat|team|room))\b.*\b(?:alerts?|pings?|notifications?)\b/u, zh: /^(?!.*(?:停止|不要|别再?|不再|取消|关掉|关闭|不用)).*?(?:(?:这个群|这个频道|这个聊天|这个对话|这个会话|这里|本群|群里).{0,6}(?:通知|提醒)|有人(?:在)?(?:大厅)?等.{0,6}(?:发到|发在|转到|推到|推送到|发)(?:这里|这儿|这边|这个群|这个频道|这个聊天|本群|本频道|群里)|(?:提醒|通知).{0,6}(?:发到?|发在|发送到|转到|放到|到)(?:这个群|这个频道|这个聊天|这个对话|这个会话|这里|群里))/u, intent: 'alerts.routeHere', overrules: ['watch.start', 'lobby.who', 'none', 'watch.list', 'meetings.details', 'groups.members'] },
  // Reads a colleague would know.
  { name: 'defaults', en: /\bdefaults?\b|\bstandard (?:access(?: level)?|settings?|options?|values?|lobby(?: settings?)?)\b|\bif i (?:do not|dont) (?:pick|choose|set|say) anything\b/u, zh: /默认/u, intent: 'meetings.defaults', overrules: ['meetings.list', 'meetings.details', 'none', 'meetings.eligibleValues', 'huawei.ongoing', 'meetings.create'] },
  { name: 'policies', en: /\bpolic(?:y|ies)\b|\brestrict\w*\b|\b(?:it|admins?|administrators?) (?:allows?|permits?|blocks?|lets? (?:me|us))\b|\bwhat (?:has|have|did|does|do) (?:it|the it team|it team|my admin|our admin|the admins?|admins?|administrators?) (?:allowed|permitted|blocked|set up|configured|enabled|allow|permit)\b|\brules\b.*\badmin|\badmin\w*\b.*\brules\b|^(?:what|which|any)(?: (?:meeting|call|skype))? rules\b|\brules\b.*\b(?:set|made|put in place|imposed|configured|applied|apply)\b|\b(?:it|admins?|administrators?) (?:set|made|put in place|imposed|configured)\b.*\brules\b|\brestrictions?\b|\b(?:am i|are we|is anyone|can i|may i) (?:allowed|permitted|able) to (?:record|host|invite (?:externals|guests)|share|use video)|\bcan i record\b/u, zh: /政策|策略|限制|规定|原则(?!上)|(?:会议|开会|会).{0,8}(?:规矩|规则)|(?:规矩|规则).{0,6}(?:会议|开会)|^我(?:们)?(?:能|可以|能不能|可不可以|是否可以|是否能|有没有权限|有权限)(?:在会议?[里中上])?录(?:制|像|音|影)?|(?:能|可以)不能?录(?:制|像|音)?|允许录/u, intent: 'meetings.policies', overrules: ['meetings.list', 'meetings.details', 'none', 'meetings.eligibleValues', 'meetings.defaults', 'meetings.invitation'] },
  { name: 'options when scheduling', en: /\b(?:access |lobby )?(?:options|choices|values|settings) (?:exist|are available|are there)\b|\b(?:allowed|possible|valid|available|permitted|supported) (?:access |lobby )?(?:values|options|choices)\b|\bwhat (?:access |lobby )?(?:options|choices|values) (?:can i|do i|exist|are)\b|\bwhat values can i (?:set|pick|choose|use)\b|\b(?:options|choices|settings) (?:do i have|can i (?:pick|choose|use)|are there|am i allowed)\b.*\b(?:schedul|creat|book|set ?up|new meeting)|\bwhat can i (?:pick|choose|set)\b/u, zh: /(?:能|可以)选(?:哪些|什么)|可选(?:的)?(?:选项|设置|值)|(?:能|可以)?(?:设置?|设定|选择?|填)(?:哪些|什么|几种)(?:会议)?(?:的)?(?:选项|设置|值|参数|权限)|(?:哪些|什么)(?:会议)?(?:选项|设置|参数)(?:我)?(?:能|可以)(?:设|选|用)/u, intent: 'meetings.eligibleValues', overrules: ['meetings.list', 'none', 'meetings.create', 'meetings.details', 'huawei.scheduled', 'huawei.ongoing', 'lobby.who', 'help'] },
  { name: 'dial-in', en: /\bdial(?:-| )?(?:in|into)\b(?!.*\b(?:bypass|skip|wait|users|callers)\b)|\bjoin by phone\b|\bphone in\b/u, zh: /拨入|电话入会|电话(?:接入|加入|参会|进会)|打电话(?:进|入|参加)会?|(?:打|拨)(?:进|入)(?:会议|会)|(?:怎么|如何|怎样)(?:用手机|用电话|拿手机)?(?:打|拨)(?:进|入)|拨(?:哪个|什么|几)号|(?:入会|会议)(?:电话|号码)/u, intent: 'meetings.dialIn', overrules: ['meetings.list', 'none', 'meetings.details', 'help'] },
  { name: 'who runs or what is <id>', en: /\bwho(?:s| is)? (?:hosting|running|organi[sz]ing|chairing|leading) (?:meeting |conference |call )?\d{6,12}\b|\b\d{6,12}\b.*\b(?:who(?:s| is) (?:the )?(?:host|organi[sz]er|chair)|when does .+ (?:start|begin|end))|\b(?:what|whats|what is) (?:happening|going on) (?:in|with|on) (?:meeting |conference |call )?\d{6,12}\b|^(?:when|what time) (?:does|is|will) (?:meeting |conference |call )?\d{6,12}\b/u, zh: /\d{6,12}.{0,4}(?:是谁主持|谁主持|谁是主持人|是什么会|什么时候开始|几点开始)/u, intent: 'huawei.details', overrules: ['none', 'huawei.participants', 'meetings.details', 'huawei.ongoing'] },
  // "who joined the investor call": who is in a meeting now is Huawei's participant list (Skype's is the lobby).
  // "list attendees in 827364519": the people in a conference named by its id are Huawei's participant list.
  { name: 'the attendees of <conference id>', en: /^(?:list|show|get|give|display|see|pull up|who are)(?: me)?(?: all)?(?: of)?(?: the)? (?:attendees|participants|people|callers|joiners)(?: (?:in|of|on|for|at|inside))? (?:the )?(?:meeting |conference |call )?\d{6,12}$/u, intent: 'huawei.participants', overrules: ['none', 'lobby.who', 'groups.members', 'meetings.details', 'huawei.details', 'huawei.mute', 'meetings.list'] },
  { name: 'who joined <meeting>', en: /^(?:who(?: has| have)?|whos) (?:joined|dialed into|dialled into|is attending|attended|came to|got into)\b|^(?:has|have|did|is) (?!(?:the|my|our) (?:meeting|call)\b)\S+(?: \S+){0,2} (?:joined|join|dialed into|dialled into|gotten into|got into|come into|made it (?:in)?to)\b.*\b\d{6,12}\b/u, intent: 'huawei.participants', overrules: ['none', 'lobby.admit', 'meetings.details', 'lobby.who', 'groups.members', 'meetings.dialIn', 'huawei.details'] },
  { name: 'how many / who are in <id>', en: /\bhow many(?: (?:people|participants|attendees|folks|users|guests))?\b.*\b\d{6,12}\b|\b\d{6,12}\b.*\bhow many (?:people|participants|attendees)\b/u, zh: /^(?!.*(?:大厅|等候室))(?:.*\d{6,12}.{0,6}(?:多少人|几个人|都是谁|有谁|哪些人))|(?:谁|哪些人|多少人)(?:进了|在|加入了|进入了).{0,4}\d{6,12}/u, intent: 'huawei.participants', overrules: ['none', 'huawei.details', 'groups.members', 'lobby.who'] },
  // "let people in 917204553 talk again": who may talk, wherever the id sits.
  { name: 'let people talk in <id>', en: /^(?!.*\bso (?:that )?(?:they|we|people|everyone|he|she)\b)(?:.*\blet (?:people|everyone|everybody|them|folks|all|the room)\b.*\b(?:talk|speak|unmute)\b.*\b\d{6,12}\b|.*\blet (?:people|everyone|everybody|them|folks|all)\b.*\b\d{6,12}\b.*\b(?:talk|speak)\b)|\bmics? (?:back )?on\b.*\b\d{6,12}\b/u, intent: 'huawei.mute', overrules: ['none', 'huawei.details', 'huawei.participants', 'lobby.admit', 'huawei.admitWaiting'] },
  // "912345678 大家都可以说话了": everyone in a conference may talk again — the mute lifted.
  { name: 'everyone may talk in <id> (zh)', zh: /\d{6,12}.{0,8}(?:大家|所有人|全员|每个人)(?:都)?(?:可以|能)(?:说话|发言|讲话|开麦)/u, intent: 'huawei.mute', overrules: ['none', 'huawei.details', 'huawei.participants', 'lobby.admit', 'huawei.admitWaiting'] },
  // "季度复盘有几个人在等": how many wait at a named meeting is its lobby (an id's people are Huawei's).
  { name: 'how many wait at <meeting> (zh)', zh: /^(?!.*\d{6,12})(?!.*(?:分组|组|提醒|通知|告诉|叫我))\S.*?(?:有)?(?:几个人|多少人|几位|几个)(?:在)?(?:等|排队)/u, intent: 'lobby.who', overrules: ['huawei.participants', 'none', 'groups.members', 'meetings.details'] },
  // "列出家人分组的联系人": the people of a group named with 分组 are its members, not the list of groups.
  { name: "a group's people (zh)", zh: /^(?!.*(?:状态|在线|上线|下线|大厅|等候室))(?:列出|列一下|查看|查一下|显示|看看|看一下|给我看看?)?\s*\S{1,12}?\s*(?:分组|这个组)(?:里|中|内)?(?:面)?的(?:联系人|成员|人员|人)/u, intent: 'groups.members', overrules: ['groups.list', 'none', 'lobby.who', 'huawei.participants', 'groups.presence'] },
  { name: '<name> group has who', zh: /^.{1,12}?(?:组|分组|团队|部门|小组)(?:里|中|内)?(?:面)?(?:都)?(?:有谁|有哪些人|有什么人)/u, intent: 'groups.members', overrules: ['lobby.who', 'huawei.participants', 'none'] },
  // "周例会锁了吗", "912345678 结束了没": a question about a meeting's state is answered by its details.
  { name: 'is <meeting> locked (zh)', en: /^(?:(?:did|have|has) (?:i|we|you|someone|anyone|anybody) (?:already )?(?:mute|muted|lock|locked|unlock|unlocked|end|ended|delete|deleted|cancel|cancel(?:l)?ed|rename|renamed|move|moved)\b|^(?:is|has) (?:meeting |conference |call )?\d{6,12} (?:still )?(?:running|on|going|live|happening|over|ended|finished|started|locked|muted)\b)/u, zh: /^(?!把|将|你能|你可以|能不能|可不可以|能否|麻烦|请|帮我)(?:会议)?\s*[^\s，,？?]{2,16}?\s*(?:是不是|是否|有没有)?(?:已经|被)?(?:锁了|锁上了|锁定了|解锁了|开始了|结束了|取消了|删了|删除了|改了|公开了|静音了|解除静音了)(?:吗|没有?|没)[？?]?$/u, intent: 'meetings.details', overrules: ['none', 'meetings.delete', 'huawei.lock', 'meetings.update', 'huawei.end', 'lobby.who', 'huawei.participants', 'huawei.mute', 'huawei.ongoing', 'huawei.details'] },
  // "客户评审的主持人是谁": a meeting's host, link or number asked for.
  { name: "<meeting>'s host (zh)", zh: /的(?:主持人|组织者|会议号|入会链接|会议链接|链接|议程|开始时间|结束时间|会议时间|详细资料|资料|具体信息|详细情况)(?:是谁|是什么|是多少|是几点|在哪|呢)?[？?]?$/u, intent: 'meetings.details', overrules: ['none', 'lobby.who', 'groups.members', 'huawei.participants', 'meetings.list'] },
  // "when does Pricing workshop start": a named meeting's time is in its details (an id's is Huawei's, above).
  // "who is leading Retro", "who organised Board prep": who runs a named meeting is in its details (an id's is Huawei's).
  { name: 'who leads <meeting>', en: /^(?!.*\b\d{6,12}\b)who(?:s| is| was)? (?:leading|hosting|running|organi[sz]ing|chairing|presenting (?:at|in)|organi[sz]ed|hosted|set up|created|booked|scheduled|owns|hosts|runs|leads|chairs) (?!(?:the )?(?:lobby|waiting room|group)\b)\S/u, intent: 'meetings.details', overrules: ['none', 'lobby.who', 'groups.members', 'huawei.participants', 'meetings.list'] },
  { name: 'when does <meeting> start', en: /^(?:when|what time) (?:does|is|will|did) (?!.*\b\d{6,12}\b)(?!(?:the |my )?(?:next|lobby|anyone|someone|anybody|somebody|everyone|it|that|this)\b)\S+(?: \S+){0,5} (?:start|begin|end|finish|happen|take place|kick off)\b/u, intent: 'meetings.details', overrules: ['none', 'meetings.list', 'huawei.ongoing', 'huawei.scheduled', 'lobby.who', 'meetings.delete'] },
  // "show Legal check-in", "pull up the Vendor demo": a name ending in a meeting's kind, shown — not a list.
  { name: 'show <name of a meeting kind>', en: new RegExp(String.raw`^(?:show|open|display|pull up|bring up|look up)(?: me)? (?:the )?(?!(?:me|my|all|our|your|upcoming|next|today|todays|tomorrow|tomorrows|ongoing|scheduled|any|every|more|the rest|lobby|waiting|huawei|skype|online|running|live|current|planned|booked|other|recent|past|new|a|an)\b)\S+(?: \S+){0,3} ${MEETING_KIND_EN}$`, 'u'), intent: 'meetings.details', overrules: ['none', 'page.next', 'meetings.list', 'groups.list', 'meetings.dialIn', 'debugParse'] },
  // "what are the settings for Board prep (Fri)?": one named meeting's settings are its details, not the options a new
  // meeting may take ("settings for a new meeting", "settings when scheduling" stay the options).
  { name: "a named meeting's settings", en: /^(?:what are |whats |what is |show me |show |list |give me |get me )?(?:the )?(?:current )?settings (?:of|for|on) (?!(?:a|an|new|any|my new|the new|meetings|scheduling|creating|booking|setting up|when|if)\b)(?:the |my |our )?\p{Lu}?\S/u, intent: 'meetings.details', overrules: ['meetings.eligibleValues', 'none', 'meetings.list', 'help'] },
  // "only invited ppl for Hiring loop #3": who may enter a named meeting, said as a noun phrase, is its setting.
  { name: 'only <who> for <meeting>', en: /^only (?:invited|invitees|invited (?:people|guests|folks|users|ones)|people (?:from|in) (?:my|our|the) (?:company|org\w*)|employees|colleagues|coworkers|staff|internal (?:people|folks|users)|company (?:people|folks)) (?:for|in|on|into) (?!(?:a|an|new)\b)\S/u, intent: 'meetings.update', overrules: ['meetings.invitation', 'none', 'meetings.details', 'watch.start'], statementOnly: true },
  { name: 'details of <meeting>', en: /^(?:what are |whats |what is |show me |show |give me |get me |tell me |i need |need )?(?:the )?(?:more |full |all (?:the )?|some )?(?:settings|details|info|information|join link|summary|setup|set-up|configuration|config) (?:of|for|on|about)\b|^(?:show me|show|give me|get me|tell me)? ?(?:everything|all|all there is|all you (?:have|know)) (?:about|on|regarding|for) (?:the |my |our )\S|^what do you (?:know|have) (?:about|on) (?:the |my |our )\S/u, intent: 'meetings.details', overrules: ['none', 'meetings.list', 'help', 'page.next'] },
  // "列出分组", "看下我建的组": the groups, listed by a verb of showing and nothing else.
  // "which people did I add to Mentors?": the people someone put in a group are its members.
  { name: 'who did I put in <group>', en: /^(?:which|what|who|whom)(?: (?:contacts|people|persons|users|members|colleagues|folks))? (?:did|have) (?:i|we) (?:put|add|added|place|save|include|stick) (?:in|into|to|under|inside) \S/u, intent: 'groups.members', overrules: ['none', 'groups.list', 'lobby.who', 'lobby.admit', 'extensions.list', 'meetings.details'] },
  { name: 'which groups', en: /^(?:which|what|show|list|all)(?: (?:of )?(?:my|the))?(?: contact)? groups\b|^(?:is there|are there|do i have|have i got) (?:a|any) (?:contact )?groups?\b/u, zh: /^(?:列出|列一下|显示|查看|看看|看下|看一下|给我看看?|我想看看?)(?:一下)?(?:我的|我建的|我创建的|我有的|所有的?|全部的?)?(?:联系人)?(?:分组|组)(?:列表)?$/u, intent: 'groups.list', overrules: ['groups.members', 'none'] },
  { name: 'close <id>', zh: /(?:关掉|关闭|结束|终止|散|停掉)(?:掉)?.{0,4}\d{6,12}|\d{6,12}.{0,6}(?:关掉|结束掉|结束吧|散会|停掉|停了|关了)/u, intent: 'huawei.end', overrules: ['huawei.details', 'none', 'meetings.details'] },
  // "Sven may join", "Lena can come in now" (also what "Lena's fine, she can come in" reads as): a person allowed in.
  { name: '<person> may come in', en: /^(?!(?:i|we|you|they|anyone|anybody|everyone|everybody|nobody|no one|people|who|which|what|guests|externals|phone|dial|callers|only)\b)[\p{L}'’.-]+(?: [\p{L}'’.-]+){0,2} (?:can|may|is allowed to|is ok to|is fine to|is good to) (?:come in|come through|join|get in|enter|go in)(?: (?:now|right now|too|as well))?$/u, intent: 'lobby.admit', overrules: ['none', 'meetings.details', 'lobby.who', 'meetings.dialIn', 'meetings.delete'] },
  // "admit Dana who's waiting for Board prep": the imperative says what to do; "who is waiting" only says who Dana is
  // (it swayed the classifier to the list of who waits).
  { name: 'admit <someone> who waits', en: /^(?:admit|accept|approve|let in|bring in)\b(?=.*\b(?:who|that)(?:s| is| are)? (?:still )?(?:waiting|queued|queueing|stuck|sitting)\b)/u, intent: 'lobby.admit', overrules: ['lobby.who', 'none', 'meetings.details'] },
  { name: 'reject <someone> who waits', en: /^(?:reject|deny|decline|refuse|turn away|kick out)\b(?=.*\b(?:who|that)(?:s| is| are)? (?:still )?(?:waiting|queued|queueing|stuck|sitting)\b)/u, intent: 'lobby.reject', overrules: ['lobby.who', 'none', 'meetings.details'] },
  // "pull Dana in from the lobby", "get Hana in from the waiting room": "in" says they come in; "from the lobby" alone
  // made the classifier hear a removal (the reject) — a write read as another write.
  // "everyone queued for Hiring panel can join": the people waiting are let in, whatever the meeting's name sways.
  { name: 'everyone waiting for <meeting> can come in', en: /^(?:everyone|everybody|all(?: of)?(?: the)?(?: (?:people|guests|folks|visitors|attendees))?|(?:the |those |these )?(?:people|guests|folks|visitors|attendees|callers|ones))(?: who(?:s| is| are)| that(?:s| is| are))? (?:still )?(?:waiting|queued|queueing|stuck|sitting) (?:for|to join|in|at|in the lobby (?:of|for)) .+ (?:can|may|should) (?:now )?(?:come in|come through|join|enter|get in|go in|be let in)\b/u, intent: 'lobby.admit', overrules: ['none', 'meetings.details', 'lobby.who', 'huawei.participants', 'groups.members', 'meetings.dialIn', 'watch.start', 'huawei.admitWaiting'] },
  { name: 'bring <person> in from the lobby', en: /^(?:let|bring|get|pull|fetch) (?:in \S+(?: \S+){0,3}|(?!(?:out|away|off|in)\b)\S+(?: \S+){0,3} in) (?:from|out of) (?:the |my )?(?:lobby|waiting room)\b/u, intent: 'lobby.admit', overrules: ['none', 'lobby.reject', 'lobby.who', 'meetings.details', 'huawei.participants', 'watch.start'] },
  // "rename the design crit to …" names no group or meeting; the old name's last word says which it is: a meeting's
  // kind (review, sync, retro, 评审, 例会) or, for contact groups, anything else ("rename Interns to …").
  // "rename Sync with Ops to Ops sync": the new name of two words or more ends in a meeting's kind, so it names a meeting.
  { name: 'rename to a meeting-kind name', en: new RegExp(String.raw`^(?:rename|retitle) (?!.*\b(?:group|grp|contacts?|team)\b)\S.* (?:to|as|into) (?:\S+ ){1,4}${MEETING_KIND_EN}$`, 'u'), intent: 'meetings.update', overrules: ['groups.rename'] },
  { name: 'rename <a meeting-kind name>', en: new RegExp(String.raw`^(?:rename|retitle) (?!.*\b(?:group|grp|contacts?)\b)(?:the |my |our )?(?:(?:online |skype )?(?:meeting|call|conference) \S|\S+(?: \S+){0,4}? ${MEETING_KIND_EN}(?: q\d| \d{4}| ${NAME_TAG_EN})? (?:to|as|into) )`, 'u'), zh: new RegExp(String.raw`^(?!.*(?:分组|组))(?:(?:把|将)?\s*\S{0,12}?${MEETING_KIND_ZH}\s*(?:改名|重命名|改个名|换个?名)|(?:请|麻烦|帮我)?(?:把|将)?\s*(?:这个|那个)?会议\s*\S.{0,20}?(?:改名|重命名|改个名|换个?名|改叫|更名)|\S.{0,20}?(?:这个会议?|这场会议?|会议的?(?:名字|名称|标题|主题))\s*(?:改名|重命名|改成|改为|改叫|换成|更名))`, 'u'), intent: 'meetings.update', overrules: ['groups.rename', 'meetings.list', 'meetings.details', 'none', 'meetings.create'] },
  // "show me meeting Q2 roadmap", "open the huawei meeting Partner sync": one meeting named after the noun is shown.
  { name: 'show meeting <name>', en: /^(?:show|open|display|pull up|bring up|look up|find|get)(?: me)? (?:the )?(?:(?:huawei|skype|online) )?(?:meeting|conference|call) (?!(?:list|details?|defaults?|polic|settings|options|invitation|extensions?|about|with|for|on|in|that|which|called)\b)\S/u, zh: /^(?:看下|看一下|查看|打开|显示|给我看看?)\s*(?:华为(?:云)?)?会议\s*[^\s的]+\s*(?:的)?(?:信息|详情|情况)?$/u, intent: 'meetings.details', overrules: ['none', 'meetings.list', 'meetings.create', 'extensions.list', 'huawei.ongoing', 'huawei.scheduled'] },
  // "监控我的会议 设计评审": "my meeting" before a name is which meeting is watched, not a request for my list.
  { name: 'watch my meeting <name> (zh)', zh: /^(?:请|帮我|麻烦|替我)?(?:帮我)?(?:开始)?(?:看着|盯着|盯住|盯一下|监控|订阅|留意|关注|跟踪)(?:一下)?\s*我的(?:会议|会)\s*(?!(?:有|是|都|里))[^\s，,？?吗]{2,}/u, intent: 'watch.start', overrules: ['meetings.list', 'none', 'meetings.details', 'lobby.who'] },
  // "帮我看着季度复盘的大厅", "盯着 912345678": a watch said with 看着/盯着 first.
  { name: 'watch (zh)', zh: /^(?:请|帮我|麻烦|替我)?(?:帮我)?(?:看着|盯着|盯住|盯一下|关注一下|关注|监控|订阅|留意|注意)(?:点)?(?!.*(?:状态|上线|下线|哪些|哪个|什么))/u, intent: 'watch.start', overrules: ['debugParse', 'lobby.who', 'none', 'meetings.details', 'meetings.dialIn', 'huawei.participants', 'huawei.details'] },
  // "lock huawei meeting Partner sync", "华为会议 渠道大会 锁一下": the platform named, a lock verb.
  { name: 'lock a Huawei meeting', en: /^(?:lock|unlock)\b.*\bhuawei\b|\bhuawei\b.*\b(?:lock|unlock)\b/u, zh: /华为.*(?:锁(?:一下|住|上|定|起来|了吧)|解锁)|(?:锁定|锁上|锁住|解锁).*华为/u, intent: 'huawei.lock', overrules: ['none', 'meetings.update', 'huawei.ongoing', 'lobby.reject', 'huawei.details', 'huawei.end', 'watch.stop', 'huawei.unwatch'] },
  // Locking an id: "锁住 503216874 别让别人再进了" says who may not enter, and is still a lock; so does the reason said first
  // ("别让别人再进 956123478 了，锁了吧"), or the id, the reason, then the lock as a clause of its own (CG).
  { name: 'lock <id>', en: /^(?:lock|unlock|reopen)\b.*\b\d{6,12}\b|^open (?:up\b.*\b\d{6,12}\b|.*\b\d{6,12}\b.* up\b)/u, zh: /(?:锁住|锁上|锁定|解锁).{0,6}\d{6,12}|\d{6,12}.{0,6}(?:锁住|锁上|锁定|解锁)|\d{6,12}[^锁]{0,6}(?<!已经|是不是|已|被|没)锁(?:了|起来)?$|\d{6,12}[^锁]{0,16}[，,]\s*(?:就|直接|赶紧)?(?:锁住|锁上|锁定|锁起来|锁)(?:了|吧|一下)*[。!！]*$/u, intent: 'huawei.lock', overrules: ['lobby.reject', 'huawei.details', 'none', 'meetings.update', 'huawei.end'] },
  // Huawei's scheduled list, named by the platform: "what's scheduled on huawei cloud", "之后安排的华为云会议".
  { name: 'scheduled on Huawei', en: /^(?!.*\b\d{6,12}\b).*(?:\b(?:scheduled|upcoming|planned|booked|coming up)\b.*\bhuawei\b|\bhuawei\b.*\b(?:scheduled|upcoming|planned|booked|coming up)\b|\b(?:on|in) (?:the |my |our )?huawei (?:cloud )?(?:schedule|calendar|agenda)\b)/u, zh: /^(?!.*\d{6,12}).*(?:(?:之后|接下来|以后|后面|将要|即将|预约|预定|安排|排了|排的|待开|明天|后天|下周|下星期)的?.{0,6}华为|华为.{0,8}(?:之后|接下来|以后|后面|将要|即将|预约的|预定的|安排的|排了|排的|安排$|预约$))/u, intent: 'huawei.scheduled', overrules: ['meetings.details', 'meetings.list', 'none', 'huawei.details', 'huawei.watch', 'watch.start', 'watch.list'] },
  // "what's scheduled?", "find scheduled standups", "anything coming up?": the scheduled list, named by its state alone.
  { name: 'what is scheduled', en: /^(?!.*\b(?:my|mine|i|calendar|agenda|diary|\d{6,12})\b)(?:(?:what|whats|what is|anything|any|find|search(?: for)?|look for|show(?: me)?|list|are there|is there)(?: (?:else|the|all|any))* )?(?:scheduled|upcoming|coming up|planned|booked)\b/u, intent: 'huawei.scheduled', overrules: ['none', 'meetings.create', 'huawei.ongoing', 'meetings.details'] },
  // Deleting a contact group, named as such: "删掉联系人分组 前同事", "delete the contact group Vendors".
  { name: 'delete a group', en: /^(?:delete|remove|erase|trash|drop|get rid of|nuke|scrap|wipe|destroy)\b.*\b(?:contact )?group\b/u, zh: /(?:删掉|删除|移除|删了|去掉)(?:联系人)?分组|(?:联系人)?分组.{0,12}(?:删掉|删除|移除|删了|不要了|不用了|去掉)/u, intent: 'groups.delete', overrules: ['groups.list', 'groups.members', 'meetings.delete', 'none', 'lobby.reject', 'watch.stop'] },
  // Renaming something called a group: "分组 同事 改成 前同事".
  { name: 'rename a group', en: /^(?!.*\b(?:meeting|call|conference)s?\b.*\b(?:called|named)\b)(?:^(?:rename|change the name of|change the group name)\b.*\bgroup\b(?!.*\bmeeting\b)|^change the group name\b|.*\bgroup\b.*\b(?:should|must|needs to|is to) be (?:called|named|renamed)\b|^(?:call|name) (?:my|the|our) .+ group \S)/u, zh: /^(?!.*会议)(?:把|将)?(?:联系人)?分组.{1,12}(?:改成|改为|改名|重命名|改叫|更名)|(?:联系人)?分组.{0,3}(?:改名|重命名)|^(?!.*会议).{1,12}?(?:这个组|这个分组|分组)的(?:名字|名称)(?:改成|改为|改叫|换成)/u, intent: 'groups.rename', overrules: ['meetings.update', 'none', 'groups.members', 'groups.list'] },
  // "how do I create a group", "what happens if I delete a meeting": how a command works, asked — not the command.
  { name: 'how do I <command>', en: /^(?:how (?:do|can|would|should) (?:i|we|one)|how to|what happens if (?:i|we)|is it possible to|what does it mean to) (?:create|make|add|delete|remove|rename|schedule|book|set up|admit|reject|watch|stop|lock|unlock|mute|unmute|end|cancel|use|change|move|let)\b/u, intent: 'help', keep: ['meetings.dialIn', 'meetings.details', 'meetings.eligibleValues', 'meetings.policies', 'debugParse', 'signIn', 'help'] },
  // "did Bob get in?", "has Kevin come through yet": whether someone got in is seen in the lobby.
  { name: 'did <person> get in', en: /^(?!.*\b\d{6,12}\b)(?:did|has|have) \S+(?: \S+){0,2} (?:get|got|gotten|come|came) (?:in|through|into)\b/u, intent: 'lobby.who', overrules: ['none', 'lobby.admit', 'huawei.ongoing', 'meetings.details'] },
  // One noun typed alone names its list: "meetings", "alerts", "my watches".
  { name: 'a list named by its noun', en: /^(?:my |all )?(?:meetings|mtgs|meeting list|meetings list)$/u, intent: 'meetings.list', overrules: ['none'] },
  // "any alerts set up for Budget review?", "我关注周例会了吗": whether a watch exists, asked.
  { name: 'is there a watch', en: /^(?:any|are there|do i have|have i got|did i set up|am i getting|do i get)(?: any)? (?:lobby )?(?:alerts?|watch(?:es)?|notifications?)\b/u, zh: /^我(?:有没有|是否)?(?:关注|订阅|盯)(?:了|过)?.{0,16}(?:了吗|吗|没有?)[？?]?$/u, intent: 'watch.list', overrules: ['none', 'watch.start', 'lobby.who', 'meetings.details'] },
  // "keep going", "and the rest?", "后面的呢": more of the last list.
  { name: 'more of the list', en: /^(?:keep going|go on|continue|carry on|and the rest|the rest|rest of (?:them|it|the list)|more results|show (?:me )?(?:more|the rest)|what else is there|next (?:one|page|few|\d+))$/u, zh: /^(?:(?:再|请|麻烦|帮我)?(?:看看|看一下|看下|显示一下|显示|翻到|给我看看|给我看|列一下))?(?:后面的|后面|还有呢|还有吗|还有|继续|再来一页|更多|剩下的)(?:呢|吧)?[？?]?$/u, intent: 'page.next', overrules: ['none', 'lobby.reject', 'lobby.admit', 'help', 'meetings.list', 'huawei.ongoing', 'lobby.who', 'meetings.details'] },
  { name: 'the watches named by their noun', en: /^(?:my |all |the )?(?:alerts|lobby alerts|watches|watch list|watchlist|watched meetings)$/u, intent: 'watch.list', overrules: ['none'] },
  { name: 'is anyone waiting (no noun)', en: /^(?:(?:is|are) )?(?:(?:there )?any(?:one|body)|some(?:one|body)|any (?:guests|visitors|people)|there (?:any |some )?(?:guests|visitors|people|folks|callers)) (?:waiting|there|knocking|queued|queueing|stuck)\b|^(?:show|list|who are|tell me)(?: me)? (?:the )?(?:people|guests|visitors|folks|callers) (?:waiting|queued|queueing|knocking|stuck)\b/u, zh: /^(?:有谁|有人吗|有人在等吗?|谁在等|有人在等着?进会吗?|有没有人在等)[?？吗]*$/u, intent: 'lobby.who', overrules: ['groups.members', 'none', 'huawei.participants', 'meetings.list', 'meetings.details', 'meetings.dialIn'] },
  // "whos waiting in my Weekly 1:1 w/ Marco": who waits where, asked, whatever the name sways.
  { name: 'who is waiting in <meeting>', en: /^(?:who(?: is| are)?|whos|anyone|anybody|someone|somebody) (?:still )?(?:waiting|queued|queueing|queuing|lined|sitting|stuck|knocking|hanging)(?: up| around| about)? (?:in|for|at|outside|to join) (?!(?:the )?(?:waiting room|\d{6,12})\b)\S/u, intent: 'lobby.who', overrules: ['none', 'groups.members', 'watch.list', 'meetings.list', 'meetings.details'] },
  // "keep that unknown number out", "那个陌生号码别放进来": someone kept out, said without a verb of rejecting.
  { name: 'keep <someone> out', en: /^keep (?!(?:me|us|it)\b).+ out\b(?! of (?:the )?loop)/u, zh: /^[^，,]{1,16}?(?:别|不要|不准|不许|不能)(?:再)?(?:放|让)(?:他|她|它|他们|她们)?(?:进来|进去|进会|进入|进)/u, intent: 'lobby.reject', overrules: ['none', 'meetings.dialIn', 'lobby.who', 'meetings.details', 'lobby.admit', 'meetings.create'] },
  // "曹颖可以进了", "王磊能进来了": a person allowed in, said without a verb of admitting.
  { name: '<person> may come in (zh)', zh: /^(?!我|你|谁|有人|大家都|所有人)[^，,。？?]{1,10}?(?:可以|能)(?:进来|进了|进入|入会|进会)了?(?:吧)?$/u, intent: 'lobby.admit', overrules: ['none', 'meetings.eligibleValues', 'lobby.who', 'meetings.details', 'meetings.dialIn'] },
  // "list the extensions on my Release readiness meeting": the extensions are what is asked for.
  // "show me the extensions on Board prep": a verb of showing before the extensions asks for the list, never an addition.
  { name: 'show the extensions', en: /^(?:show|list|display|get|give me|what|whats|which|tell me|see|view|pull up|check|look at)\b(?!.*\b(?:add|attach|put|create|give)\b).*\bextensions\b/u, intent: 'extensions.list', overrules: ['extensions.add', 'none', 'meetings.details', 'meetings.list'] },
  { name: 'extensions', en: /^(?!(?:add|attach|put|create|set|give|new)\b)(?!.*\b(?:add|attach|put) (?:a|an|the|one|another)\b).*\bextensions?\b/u, zh: /^(?!.*(?:添加|加个|加一个|新增|增加|加到|加进|挂到|挂在|放到|绑到|装到|加在))(?!给).*扩展/u, intent: 'extensions.list', overrules: ['none', 'meetings.list', 'meetings.details', 'huawei.details'] },
  // "I want a new group for the Customer advisory board": a group is asked to exist.
  // "update group name Board 2042 -> Board 2043": a group's name changed is its rename.
  { name: "a group's name changed", en: /^(?:update|change|set|edit|modify) (?:the )?(?:contact )?group(?:s)? name\b/u, intent: 'groups.rename', overrules: ['meetings.update', 'none', 'groups.create', 'groups.list'] },
  { name: 'a new group', en: /^(?:(?:i|we) (?:want|need|would like|d like)|(?:can|could) (?:i|we|you) (?:get|have|make|create)|(?:make|start|create|add|set up|get)(?: me| us)?) (?:a |an |another )?(?:new )?(?:contacts? )?(?:group|grp)\b(?!s)/u, zh: /(?:建|创建|新建|新增|增加|添加|加)(?:一个|个)?(?:新的?)?(?:联系人)?(?:分组|小组|组)(?!成员|里)/u, intent: 'groups.create', overrules: ['none', 'groups.list', 'groups.members', 'meetings.create', 'watch.start', 'huawei.ongoing'] },
  // Chinese said noun first: the mute or the lock named as a thing, then lifted ("把季度发布会的静音解除", "研发周会的锁解开").
  { name: 'the mute lifted (zh)', zh: /静音\s*(?:给)?(?:取消|解除|关掉|去掉|撤掉|解开|放开)/u, intent: 'huawei.mute', overrules: ['none', 'meetings.update', 'huawei.details', 'huawei.lock', 'meetings.delete', 'watch.stop', 'meetings.details'] },
  { name: 'the lock opened (zh)', zh: /的锁\s*(?:给)?(?:解开|打开|取消|解除|去掉|撤掉)/u, intent: 'huawei.lock', overrules: ['none', 'meetings.update', 'huawei.details', 'meetings.delete', 'meetings.details', 'lobby.reject'] },
  // "渠道沙龙 锁一下吧", "把渠道周会给锁了": a lock said last, after the meeting.
  // "周例会设置为锁定": locked as a setting, said like the other settings.
  { name: 'set to locked (zh)', zh: /(?:设置?为|设成|设置成|改成|改为|调成)\s*(?:锁定|锁住|锁上)/u, intent: 'meetings.update', overrules: ['huawei.lock', 'none', 'meetings.details'] },
  { name: 'lock said last (zh)', zh: /^(?!.*(?:设置?为|设成|设置成|改成|改为|调成))(?:把|将)?\s*[^，,？?]{2,16}?\s*(?:就|先|可以)?(?:锁上|锁定|锁住|锁起来|锁|解锁|解除锁定)了?$/u, intent: 'huawei.lock', overrules: ['none', 'meetings.delete', 'meetings.update', 'lobby.reject', 'huawei.details', 'huawei.end', 'watch.stop'] },
  // "锁一下周例会": a lock said first.
  { name: 'lock said first (zh)', zh: /^(?:锁住|锁一下|锁定|锁上|锁)(?:一下)?\s*(?:会议)?\s*[^\s，,了吧吗]{2}/u, intent: 'huawei.lock', overrules: ['none', 'huawei.ongoing', 'meetings.update', 'huawei.details', 'meetings.details', 'lobby.reject', 'meetings.delete'] },
  // "合作伙伴这个组不要了": 这个组 is a contact group.
  // "删掉读书会这个组": the name, then 这个组 — a contact group deleted (it deleted a meeting called 读书会).
  { name: 'this group deleted (zh)', zh: /(?:这个|那个)(?:分组|组)\s*(?:就)?(?:不要了|不用了|删掉|删了|删除|去掉)|^(?:删掉|删除|删了|去掉)这个(?:分组|组)$|^(?:请|帮我|麻烦)?(?:删掉|删除|删了|去掉|移除)\s*\S.*?(?:这个|那个)(?:分组|组)(?:吧|了)?$/u, intent: 'groups.delete', overrules: ['meetings.delete', 'meetings.details', 'none', 'lobby.reject', 'groups.members', 'watch.stop'] },
  // "后面还有什么 评审 相关的会吗": what is coming up, about something.
  { name: 'what is coming up (zh)', zh: /^(?!.*(?:我的|我有|我约|我安排))(?:后面|之后|接下来|以后|待会儿?|稍后|晚些)(?:还)?有(?:没有)?(?:什么|哪些|啥)?.{0,12}(?:的)?(?:会议|会)(?:吗|没有)?$/u, intent: 'huawei.scheduled', overrules: ['none', 'meetings.list', 'huawei.ongoing', 'meetings.details'] },
  // "有没有预约好的培训会议": meetings booked ahead (预约好的, 安排好的, 排好的) are the scheduled list; mine are my list.
  { name: 'booked ahead (zh)', zh: /^(?!.*(?:我的|我有|我约|我安排|我预约|\d{6,12}))(?:.*)(?:预约|预定|安排|排|订)(?:好|过)的.{0,12}(?:会议(?!室)|会(?!议室))/u, intent: 'huawei.scheduled', overrules: ['none', 'meetings.list', 'huawei.ongoing', 'meetings.details', 'lobby.who', 'meetings.create'] },
  // "中午吃什么", "今天天气怎么样": a question about nothing the bot keeps is small talk, not a request for help.
  { name: 'a question about something else (zh)', zh: /^(?!.*(?:你|能|可以|做|干|帮助|帮忙|命令|功能|指令|用法|怎么用|会|组|大厅|等候|提醒|通知|关注|监控|扩展|登录|登出|账号|帐号|选项|设置|策略|政策|默认|链接|拨入|电话|主持|静音|锁|\d{6}))[^，,。]{0,12}(?:什么|啥|怎么样|几点了)[？?]?$/u, intent: 'none', overrules: ['help'] },
  // "报销单怎么填", "明天几点下班": forms, office hours and meals asked about are small talk, whatever 销 or 几点 suggest.
  { name: 'office small talk (zh)', zh: /^(?!.*(?:会|组|大厅|等候|提醒|通知|关注|监控|扩展|登录|登出|账号|帐号|\d{6}))[^，,。]{0,12}(?:怎么(?:填|写|报|交|提交|申请|算|弄|办|开)|(?:几点|什么时候)(?:下班|上班|吃饭|吃午饭|开饭|放学|睡觉|起床|打卡))/u, intent: 'none', overrules: ['help', 'meetings.details', 'signOut', 'meetings.list', 'huawei.ongoing'] },
  // "你是真人吗", "你叫什么": about the bot itself, no command.
  { name: 'about the bot (zh)', zh: /^你(?:是|叫)(?:不是)?(?:谁|什么|啥|机器人|真人|人|AI|ai|人工智能)|^你(?:的)?名字/u, intent: 'none', keep: [] },
  // "帮我写一封请假邮件", "给老板发一封邮件": writing or sending something the bot does not write.
  { name: 'writing what is no meeting (zh)', zh: /^(?!.*(?:会议|邀请|入会|链接|提醒|通知))(?:.{0,8})(?:写|发|回(?!访)|起草)(?:一封|一份|一篇|个|封|份)?.{0,8}(?:邮件|信(?!息)|周报|日报|报告|文档|文章|总结)/u, intent: 'none', keep: [] },
  // CG: 取消明天的产品发布复盘: a meeting (named by its kind) on a day, cancelled.
  { name: 'cancel <day>的<meeting> (zh)', zh: new RegExp(String.raw`^(?:请|帮我|麻烦)?(?:取消|取消掉|删掉|删除)(?:掉)?(?:今天|明天|后天|下?周[一二三四五六日天]|星期[一二三四五六日天]|上午|下午|晚上|早上)+的\s*[^\s，,]{1,16}?${MEETING_KIND_ZH}(?:吧|了)?$`, 'u'), intent: 'meetings.delete', overrules: ['none', 'watch.stop', 'signOut', 'groups.presenceStop', 'meetings.details'] },
  // "周例会不要了", "客户回访那个会取消吧": a meeting (named by its kind) given up.
  { name: '<meeting> given up (zh)', zh: new RegExp(String.raw`^(?!.*(?:分组|组|提醒|通知|状态|静音|锁|大厅|等候室))(?:把|将)?[^，,\s]{1,16}?${MEETING_KIND_ZH}(?:这个会|那个会|这场|那场)?\s*(?:就)?(?:不要了|不开了|不用开了|取消吧|取消掉|删了|删掉)$`, 'u'), intent: 'meetings.delete', overrules: ['none', 'lobby.who', 'meetings.details', 'lobby.reject', 'watch.stop'] },
  // "周例会是什么时候": when a meeting is, asked.
  { name: 'when is <meeting> (zh)', zh: /^(?!.*(?:下一个|下个|我的|我有|哪些))[^，,\s]{2,16}?(?:是)?(?:什么时候|几点|哪天|几号|星期几|周几)(?:开始|开|结束|召开|的)?[？?]?$/u, intent: 'meetings.details', overrules: ['none', 'meetings.list', 'huawei.ongoing', 'huawei.scheduled'] },
  // "周例会只让公司内部的人进", "让周例会所有人都可以进": who may enter, a setting — not letting anyone in now
  // ("大家都可以进来了" is: 进来了).
  // "产品路线图 允许所有人进入": a meeting that allows everyone in is its setting, not those waiting now (who wait is not said).
  { name: 'who may enter (zh)', zh: /^(?!.*[吗么？?]$)(?:.*(?:所有人|任何人|谁|大家|外部的人|外面的人)都(?:可以|能)(?:进入?|加入|入会|参加)(?![来了])(?!.*了$)|^(?!.*(?:大厅|等候室|在等|等着|等待|排队))[^，,\s]{2,16}?\s*(?:允许|准许)(?:所有人|任何人|大家|外部的人|外面的人)(?:都)?(?:进入?|加入|入会|参加)(?![来了])(?!.*了$)|.*只(?:让|允许|有|限)(?:公司内部|公司里|本公司|企业内部|内部|受邀|被邀请))/u, intent: 'meetings.update', overrules: ['lobby.admit', 'none', 'lobby.who', 'meetings.details', 'huawei.admitWaiting', 'meetings.invitation'] },
  // "取消订阅周例会": a meeting (named by its kind) unsubscribed is its lobby watch, not a group's presence.
  { name: 'unsubscribe a meeting (zh)', zh: new RegExp(String.raw`^(?!.*(?:状态|分组|组|上线|下线))(?:取消|停止|不再|别再|不用再)(?:订阅|关注|监控)\s*(?:我的)?(?:会议)?\s*\S*${MEETING_KIND_ZH}`, 'u'), intent: 'watch.stop', overrules: ['groups.presenceStop', 'none', 'watch.start', 'meetings.delete', 'signOut'] },
  // "把张伟请出去", "把张伟踢出大厅": someone sent out.
  { name: 'send <person> out (zh)', zh: /^把\s*[^，,]{1,20}?(?:都|也)?(?:请出去|赶出去|踢出去|踢出|赶出|请出|赶走)/u, intent: 'lobby.reject', overrules: ['none', 'meetings.invitation', 'lobby.who', 'meetings.details', 'lobby.admit', 'signOut'] },
  // "周例会只让公司内部的人进吗": who may enter, asked — the meeting's details, never a change.
  { name: 'who may enter, asked (zh)', zh: /(?:(?:所有人|任何人|谁|大家|外部的人|外面的人)都(?:可以|能)(?:进入?|加入|入会|参加)|只(?:让|允许|有|限)(?:公司内部|公司里|本公司|企业内部|内部|受邀|被邀请)).*[吗么？?]$/u, intent: 'meetings.details', overrules: ['groups.presence', 'meetings.update', 'lobby.admit', 'none', 'huawei.admitWaiting', 'lobby.who'] },
  // "华为云上现在有什么会": what runs on the platform now.
  { name: 'what runs on Huawei now (zh)', zh: /^(?!.*(?:明天|后天|下周|之后|接下来|以后|预约|安排|\d{6,12}))华为(?:云)?(?:上)?(?:现在|目前|当前)?(?:有什么|有哪些|有没有)(?:会议|会)/u, intent: 'huawei.ongoing', overrules: ['huawei.participants', 'none', 'meetings.list', 'huawei.details', 'lobby.who'] },
  // "给周例会加过扩展吗": whether extensions were added, asked — the list, never an addition.
  { name: 'were extensions added (zh)', zh: /(?:加过|添加过|加了|添加了|挂过).{0,12}扩展.*(?:吗|么|没有?|[？?])$|扩展.{0,8}(?:加过|添加过).*(?:吗|么|没有?|[？?])$/u, intent: 'extensions.list', overrules: ['extensions.add', 'none', 'meetings.details'] },
  // "给客户回访加个未定义类型的扩展": an extension added to a meeting.
  // "把扩展 ext-12 挂到周例会上": the extension put onto a meeting, said with 把 first.
  { name: 'put an extension onto <meeting> (zh)', zh: /^(?!.*(?:过|[吗么？?]$|没有?$))(?:把|将)(?:这个|那个|一个)?扩展.*?(?:加到|加进|添加到|挂到|挂在|放到|绑到|装到|加在)/u, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'meetings.update', 'meetings.details'] },
  { name: 'add an extension (zh)', zh: /^(?!.*(?:过|[吗么？?]$|没有?$)).*(?:给|为|往|在|向).{1,16}?(?:上|里)?(?:添加|加|新增|增加)(?:一个|个|一条|条)?.{0,12}扩展/u, intent: 'extensions.add', overrules: ['extensions.list', 'none', 'meetings.update', 'meetings.details'] },
  // "核心客户分组有几个人": a group's members, counted.
  { name: 'how many in a group (zh)', zh: /(?:分组|这个组)(?:里|中)?(?:面)?(?:现在)?(?:有几个人|有多少人|有哪些人|都有谁|有谁)/u, intent: 'groups.members', overrules: ['groups.list', 'none', 'lobby.who', 'huawei.participants'] },
  // "同意李静进来", "批准一下孙悦的入会申请": someone's entry agreed to.
  { name: 'agree to <person> coming in (zh)', zh: /^(?:同意|批准|通过)(?:一下)?\s*[^，,\s]{1,10}?的?(?:进来|进入|加入|入会|进会|(?:入会|加入|进入)?(?:申请|请求))/u, intent: 'lobby.admit', overrules: ['none', 'meetings.dialIn', 'huawei.ongoing', 'meetings.details', 'lobby.who', 'huawei.participants', 'meetings.list'] },
  // "驳回李娜进入季度复盘", "谢绝孙悦": someone refused, with the less common verbs of refusing first.
  { name: 'refuse <person> (zh)', zh: /^(?:请|麻烦|帮我)?(?:拒绝|驳回|谢绝|不批准|不同意)(?:一下)?\s*(?!.*(?:分组|扩展|提醒|通知))[^\s，,]{2}/u, intent: 'lobby.reject', overrules: ['none', 'lobby.who', 'meetings.dialIn', 'lobby.admit', 'meetings.details', 'huawei.participants', 'groups.members'] },
  // "把刘洋拉进季度评审": someone brought into a named meeting.
  { name: 'bring <person> into <meeting> (zh)', zh: /^把\s*[^，,]{1,20}?(?:都|也)?(?:拉进|放进|请进|带进|接进)(?!会$|会议$)\S/u, intent: 'lobby.admit', overrules: ['none', 'lobby.who', 'meetings.details', 'huawei.participants', 'groups.members', 'meetings.dialIn'] },
  // "战略研讨会现在有多少人": who is in a meeting (named by its kind), not in a lobby or a group.
  { name: 'who is in <meeting> (zh)', zh: new RegExp(String.raw`^(?!.*(?:大厅|等候室|分组|组))[^，,\s]{1,16}?${MEETING_KIND_ZH}(?:里|中)?(?:现在|目前|当前)?(?:都)?(?:有哪些人|有多少人|有几个人)(?:在线|在开会|在里面)?`, 'u'), intent: 'huawei.participants', overrules: ['none', 'groups.members', 'lobby.who', 'meetings.details', 'groups.presence'] },
  // "项目复盘 大厅里有几个人": how many wait, asked.
  { name: 'how many in the lobby (zh)', zh: /大厅里?(?:现在|目前)?(?:有几个人|有多少人|几个人|多少人)/u, intent: 'lobby.who', overrules: ['none', 'groups.members', 'huawei.participants', 'meetings.details'] },
  // "客户沟通会是不是已经锁上了": a meeting's state, asked.
  { name: 'is <meeting> locked (zh)', zh: /^[^，,]{2,16}?(?:是不是|是否)(?:已经|被)?(?:锁|解锁|开始|结束|取消|删|改|公开|静音)/u, intent: 'meetings.details', overrules: ['none', 'huawei.lock', 'huawei.end', 'meetings.delete', 'meetings.update', 'huawei.mute'] },
  // "让 944286031 里的人都可以说话了": everyone may speak again, an unmute.
  { name: 'let people speak (zh)', zh: /(?:让|允许).{0,20}(?:可以|能)?(?:说话|发言|讲话|开麦)/u, intent: 'huawei.mute', overrules: ['none', 'huawei.participants', 'huawei.details', 'lobby.admit', 'meetings.eligibleValues', 'meetings.dialIn'] },
  // "帮我把会议 958430917 在等的人都接进来": those waiting, brought in.
  { name: 'the waiting people come in (zh)', zh: /(?:在等|等着|等候|等待)(?:着)?的(?:人|访客|客人).{0,4}(?:都|全|全部)?(?:接|放|拉|请|让)?(?:进来|进去|进会|进)/u, intent: 'lobby.admit', overrules: ['none', 'lobby.who', 'huawei.participants', 'groups.members'] },
];

export interface CueDecision {
  intent: string;
  reason: string;
  /** The cue names the classifier's own reading. */
  confirmed?: boolean;
  /** The cue's write is asked before it runs (Cue.asked). */
  asked?: boolean;
}

/**
 * A cue as `strongCue` tries it on one language's text, with what can be known of it before any sentence comes:
 * trying every cue's pattern was ~15 % of the recognizer's time in the bench (issue 12), most of it on patterns
 * that cannot match, so each carries the literals it needs (./literals.ts) and its pattern runs only when one is there.
 */
interface PreparedCue {
  cue: Cue;
  pattern: RegExp;
  /** A write the cue may not name on a sentence that asks to see something (see `strongCue`). */
  stoppedBySeeing: boolean;
  /** The strings one of which every text the pattern matches contains; undefined when none could be read. */
  needs: readonly string[] | undefined;
  /** `needs` as their places in the language's LiteralSet. */
  needIds: readonly number[] | undefined;
}

/** One language's cues in their order, and every literal they need, found in one pass over a sentence. */
interface CueTable {
  cues: readonly PreparedCue[];
  literals: LiteralSet;
  /** Scratch for `LiteralSet.scan`, cleared on each use: strongCue runs to its end before it is called again. */
  found: Uint8Array;
}

function tableFor(language: 'en' | 'zh'): CueTable {
  const ids = new Map<string, number>();
  const idOf = (literal: string): number => ids.get(literal) ?? ids.set(literal, ids.size).size - 1;
  const cues = CUES.flatMap((cue) => {
    const pattern = cue[language];
    if (!pattern) return [];
    const needs = requiredLiterals(pattern);
    return [{ cue, pattern, stoppedBySeeing: isWrite(cue.intent) && !cue.seesTheFuture && !cue.asked, needs, needIds: needs?.map(idOf) }];
  });
  return { cues, literals: new LiteralSet([...ids.keys()]), found: new Uint8Array(ids.size) };
}

const CUES_EN = tableFor('en');
const CUES_ZH = tableFor('zh');

/** Every cue's pattern with the literals it was found to need: exported for the test that holds them sound. */
export function cuePrefilters(): ReadonlyArray<Pick<PreparedCue, 'pattern' | 'needs'> & { name: string }> {
  return [...CUES_EN.cues, ...CUES_ZH.cues].map(({ cue, pattern, needs }) => ({ name: cue.name, pattern, needs }));
}

/** Whether one of the literals `ids` was found (a plain loop: it runs for every cue on every sentence). */
function foundAny(found: Uint8Array, ids: readonly number[]): boolean {
  for (let i = 0; i < ids.length; i += 1) {
    if (found[ids[i]!] === 1) return true;
  }
  return false;
}

/**
 * The cue that names another command than the classifier's reading (or confirms it: `confirmed`). A cue that
 * names a write never fires on a sentence that asks to see something: a read must never become a write.
 */
export function strongCue(intent: string, text: string, chinese: boolean, question = false): CueDecision | undefined {
  const { cues, literals, found } = chinese ? CUES_ZH : CUES_EN;
  found.fill(0);
  literals.scan(text, found);
  // Whether the sentence asks to see something: read once, and only when a write's pattern matched (it rarely does).
  let asks: boolean | undefined;
  for (const { cue, pattern, stoppedBySeeing, needIds } of cues) {
    if ((question && cue.statementOnly) || (needIds && !foundAny(found, needIds)) || !pattern.test(text)) {
      continue;
    }
    if (stoppedBySeeing && (asks ??= asksToSee(text, chinese))) {
      continue;
    }
    const asked = cue.asked ? { asked: true } : {};
    if (cue.intent === intent) {
      return { intent, reason: `strong cue (${cue.name}) confirms ${intent}`, confirmed: true, ...asked };
    }
    const allowed = cue.overrules ? cue.overrules.includes(intent) : !(cue.keep ?? []).includes(intent);
    if (allowed) {
      return { intent: cue.intent, reason: `strong cue (${cue.name}) → ${cue.intent}`, ...asked };
    }
  }
  return undefined;
}

/**
 * The write-vs-write guard: a sentence that opens with a verb of change names the family of commands it can be.
 * When the classifier picks a write outside that family ("change Board prep so anyone can join" read as an
 * admission), the two are offered as a question rather than the classifier's write being run.
 */
interface VerbFamily {
  verb: RegExp;
  family: readonly string[];
  /**
   * The verb names its command outright, so a strong cue naming another change (a shape found later in the
   * sentence) is asked rather than run: "post Budget review lobby alerts here so everyone can join".
   */
  overCues?: true;
  /**
   * Changes outside the family the verb is also said of ("kill" a meeting: end it, or delete it): when the classifier
   * leaned to one of them and the verb picked its own reading, both are asked.
   */
  alsoSaidOf?: readonly string[];
}

const VERB_FAMILIES_EN: readonly VerbFamily[] = [
  // "logout and stop sending me lobby alerts": signing out stops the alerts too (COVERS in recognizer.ts).
  { verb: /^(?:log ?out|sign ?out|log off|sign off|log me out|sign me out)\b/u, family: ['signOut'] },
  { verb: /^(?:change|modify|edit|reschedule|move|postpone|push back|shift|update|alter|adjust|retitle)\b/u, family: ['meetings.update', 'groups.rename'] },
  { verb: /^rename\b/u, family: ['groups.rename', 'meetings.update'] },
  { verb: /^(?:create|schedule|book|organi[sz]e|arrange|set up)\b/u, family: ['meetings.create', 'groups.create'] },
  // "delete the lobby alerts for Retro": a watch deleted is stopped.
  { verb: /^(?:delete|erase|trash|scrap|nuke|destroy)\b/u, family: ['meetings.delete', 'groups.delete', 'watch.stop'], overCues: true },
  { verb: /^(?:reject|deny|decline|refuse|turn away|send away|kick out)\b/u, family: ['lobby.reject'], overCues: true },
  { verb: /^(?:admit|accept)\b/u, family: ['lobby.admit', 'huawei.admitWaiting'], overCues: true },
  { verb: /^(?:mute|unmute|silence|unsilence)\b/u, family: ['huawei.mute'] },
  { verb: /^(?:lock|unlock)\b/u, family: ['huawei.lock', 'meetings.update'] },
  { verb: /^(?:end|terminate|hang up|shut down|wrap up)\b/u, family: ['huawei.end'] },
  // "kill 904112233" ends the running Huawei meeting, and so does "kill the call", said of the one under way with no
  // name; "kill the Ops weekly meeting" deletes the named one (every corpus's writers read them so). Where the
  // classifier reads the other, both are asked.
  { verb: /^kill\b(?=.*\d{3}\s?\d{3}\s?\d{3})|^kill (?:the|this|that|our|my) (?:call|meeting|mtg|conference)$/u, family: ['huawei.end'], alsoSaidOf: ['meetings.delete'] },
  { verb: /^kill\b/u, family: ['meetings.delete'], alsoSaidOf: ['huawei.end'] },
  { verb: /^(?:watch|monitor|track|follow|subscribe)\b(?=.*\b(?:presence|status|availability|online)\b)/u, family: ['groups.presence'] },
  { verb: /^(?:unwatch|unsubscribe|unfollow)\b(?=.*\b(?:presence|status|availability|online)\b)/u, family: ['groups.presenceStop'] },
  { verb: /^(?:watch|monitor|track|follow|subscribe)\b/u, family: ['watch.start', 'huawei.watch', 'groups.presence'] },
  { verb: /^(?:unwatch|unsubscribe|unfollow)\b/u, family: ['watch.stop', 'huawei.unwatch', 'groups.presenceStop'] },
  { verb: /^(?:attach)\b/u, family: ['extensions.add'] },
  // "post Design crit lobby notifications here …": alerts posted, routed or forwarded go to a chat.
  { verb: /^(?:post|route|forward|redirect|deliver|send (?:the )?(?:\S+ ){0,4}(?:lobby |waiting room )?(?:alerts?|notifications?|pings))\b/u, family: ['alerts.routeHere'], overCues: true },
  { verb: /^(?:let|bring|allow) (?!me\b|us\b|(?:people|everyone|everybody|them|all) (?:talk|speak|unmute))/u, family: ['lobby.admit', 'huawei.admitWaiting', 'meetings.update'] },
];
const VERB_FAMILIES_ZH: readonly VerbFamily[] = [
  { verb: /静音|^(?:un-?)?mute\s/iu, family: ['huawei.mute'] },
  // An English verb before a Chinese name ("lock 预算评审会") is read as Chinese text: the verb still names the command.
  { verb: /^(?:锁定|解锁|锁上|(?:un-?)?lock\s)/iu, family: ['huawei.lock', 'meetings.update'] },
  { verb: /^(?:结束|终止|(?:end|terminate)\s)/iu, family: ['huawei.end'] },
  { verb: /^(?:停止|取消|不再|别再|不要再|不用再)(?:订阅|关注|跟踪).*状态/u, family: ['groups.presenceStop'] },
  { verb: /^(?:停止|取消|不再|别再|不要再|不用再)(?:订阅|关注|监控|跟踪)/u, family: ['watch.stop', 'huawei.unwatch', 'groups.presenceStop'] },
  // "让周会的提醒在这个群里显示": 让 before a thing's alerts makes them do something; it lets nobody in.
  { verb: /^(?:请|麻烦|帮我)?(?:让|放)(?!我)(?![^，,]{1,16}?的(?:大厅|等候室)?(?:提醒|通知|消息|推送|告警))/u, family: ['lobby.admit', 'huawei.admitWaiting'] },
  { verb: /重命名|改名/u, family: ['groups.rename', 'meetings.update'] },
  { verb: /^(?:请|麻烦|帮我)?(?:拒绝|谢绝)|拒之门外|拒掉/u, family: ['lobby.reject'] },
  { verb: /^(?:请|麻烦|帮我)?(?:删除|删掉)|删了$|删掉$/u, family: ['meetings.delete', 'groups.delete', 'watch.stop'] },
];

function familyEntry(text: string, chinese: boolean): VerbFamily | undefined {
  return (chinese ? VERB_FAMILIES_ZH : VERB_FAMILIES_EN).find((entry) => entry.verb.test(text));
}

export function familyOf(text: string, chinese: boolean): readonly string[] | undefined {
  return familyEntry(text, chinese)?.family;
}

export function verbAlsoSaidOf(text: string, chinese: boolean): readonly string[] {
  return familyEntry(text, chinese)?.alsoSaidOf ?? [];
}

/** The opening verb's reading, when the verb outranks a cue that names another change (`overCues`). */
export function verbOverCue(intent: string, ranked: readonly IntentScore[], text: string, chinese: boolean): string | undefined {
  return familyEntry(text, chinese)?.overCues ? outOfFamily(intent, ranked, text, chinese) : undefined;
}

/**
 * The family member the classifier ranked best when it found nothing clear ("decline all the people waiting in Q1
 * kickoff lobby" split three ways): the opening verb settles it.
 */
export function familyPick(ranked: readonly IntentScore[], text: string, chinese: boolean): string | undefined {
  const family = familyOf(text, chinese);
  return family ? ranked.slice(0, 4).find((r) => family.includes(r.intent) && r.score >= 0.15)?.intent : undefined;
}

/**
 * "admit everyone waiting in my Huawei meeting" read as the meeting list: an opening verb that names its change
 * outright (`overCues`) against a read the classifier preferred. The verb's reading is offered beside the read,
 * never run unasked, and the read is never run alone either.
 */
export function verbAgainstRead(intent: string, ranked: readonly IntentScore[], text: string, chinese: boolean): string | undefined {
  const entry = familyEntry(text, chinese);
  if (!entry?.overCues || isWrite(intent) || intent === 'none' || entry.family.includes(intent)) {
    return undefined;
  }
  return ranked.find((r) => entry.family.includes(r.intent) && r.score >= 0.15)?.intent;
}

/** The family's reading to offer beside an out-of-family write: the family member the classifier ranked best. */
export function outOfFamily(intent: string, ranked: readonly IntentScore[], text: string, chinese: boolean): string | undefined {
  const family = familyOf(text, chinese);
  if (!family || !isWrite(intent) || family.includes(intent)) {
    return undefined;
  }
  return ranked.find((r) => family.includes(r.intent))?.intent ?? family[0];
}

/**
 * The entity patterns per intent, English and Chinese. English sources see lower-case words separated by single
 * spaces (the normalised, typo-corrected tokens); Chinese sources see the text itself. A rule's name is what
 * "explain" shows when it matched.
 */

import { PEOPLE_WORDS_ZH, SETTINGS_NOT_A_MEETING } from '../meetingWords.js';

export type Slot = 'meeting' | 'person' | 'group' | 'newName' | 'keyword' | 'subject' | 'extensionId' | 'rest';

export interface Rule {
  pattern: RegExp;
  /** Short name for the explanation. */
  name: string;
}

// 'd' gives match indices, so an English capture can be read back from the tokens as the user typed them.
const rule = (name: string, source: string): Rule => ({ name, pattern: new RegExp(source, 'du') });

// Words that describe a list of meetings rather than name what they are about ("any ongoing meetings").
const LIST_WORDS = 'any|all|the|my|our|your|his|her|their|these|those|which|what|whose|ongoing|on-going|current|currently|live|active|running|in-progress|upcoming|future|planned|scheduled|booked|next|later|today|todays|tomorrow|online|skype|huawei|cloud|other|more|some|every|many|open|started|start|of|in|no|are|is|there|list|show|me|us|new|recent|past|big|other|team|company|few|existing|present|now|again|started|did|does|do|have|has';

// "decline Lena's request to join Board prep": the person's request, then the meeting (the "'s" is dropped later).
const REQUEST_TO_JOIN = String.raw`(?<person>\S+(?: \S+)?) (?:request|requests|attempt|knock|ask) (?:to (?:join|enter|get into|come into)|for) (?:(?:the|my|our) )?(?:(?:online|skype|huawei) )?(?:(?:meeting|conference|call) )?(?<meeting>.+)$`;

// "… right now": when the question is asked, no part of the group's name.
const SAID_NOW_EN = '(?: (?:right now|now|at the moment|atm|today))?';
// "we don't need Hiring sync anymore" (cues.ts 'a meeting no longer needed'): asked as its deletion or its details.
const NOT_NEEDED_ANYMORE = rule("don't need <meeting> anymore", '^(?:(?:we|i) )?(?:dont|do not|no longer) need (?:the |my |our )?(?<meeting>.+?) (?:anymore|any more|any longer)$');
// "周会那边的访客…": the meeting "over there" where someone waits, then who (then let in or turned away).
const WAITING_OVER_THERE_ZH = String.raw`^(?<meeting>[^\s，,]{2,16}?)\s*(?:那边|那里|那儿|这边)(?:等着?|在等)?的\s*(?<person>[^\s，,]{1,10}?)\s*(?:请|麻烦|帮我)?`;
const MEETING_WORD = '(?:(?:the|my|our) )?(?:(?:online|skype|huawei|huawei cloud) )?(?:meeting|conference|call)';

export const en = {
  debugParse: [
    rule('explain <text>', '^(?:explain|interpret|debug(?: ?parse)?|parse|trace|analy[sz]e) (?:to me )?(?:how you (?:read|understand|parse|see)(?: it| this)? )?(?:this(?: sentence)? |the (?:sentence|phrase|message|text) |the following )?(?<keyword>.+)$'),
    rule('what intent do you get for <text>', '^what (?:intent|command|reading) (?:do|would|did) you (?:get|see|find|pick|choose|make) (?:for|from|out of) (?<keyword>.+)$'),
    rule('what intent is <text>', '^(?:what|which) (?:intent|command|reading) (?:is|would be|does) (?<keyword>.+)$'),
    rule('what would you do with <text>', '^(?:what would you do with|what do you make of|how would you handle) (?<keyword>.+)$'),
    rule('how do you understand <text>', '^(?:how (?:do|would|did)|show (?:me )?how) you (?:understand|read|parse|interpret) (?<keyword>.+)$'),
    rule('what does <text> mean', '^what does (?<keyword>.+) mean(?: to you)?$'),
  ],
  lobbyWho: [
    rule('lobby of <meeting>', '\\b(?:lobby|lobbies|waiting room)(?: (?:status|list|queue))? (?:of|for|in|on) (?<meeting>.+)$'),
    rule('stuck outside <meeting>', '\\b(?:stuck|waiting|sitting|standing|hanging around|queued|knocking) (?:outside|at the door of) (?:the )?(?<meeting>.+)$'),
    rule('waiting to join <meeting>', '\\b(?:waiting|queued up|queued|queueing|lined up) (?:to (?:join|get into|get in to|get in|enter|come into)|to be (?:admitted|let) (?:in)?(?:to|into)|to be (?:let in|admitted) (?:for|to|into)|for|in|on) (?<meeting>.+)$'),
    rule('at the door of <meeting>', '\\bdoors? (?:of|to|for) (?<meeting>.+)$'),
    rule('knocking on <meeting>', '\\b(?:knocking|knocks?) (?:on|at) (?:the door of )?(?<meeting>.+)$'),
    rule('waiting outside <meeting>', '\\b(?:waiting|queued|queueing|queuing|lined|standing|sitting|hanging|stuck)(?: up| around| about)? (?:outside(?: of)?|at) (?<meeting>.+)$'),
    // "Is the lobby empty for Sprint Review or are people stuck there": the lobby's state, then its meeting.
    rule('is the lobby empty for <meeting>', '^(?:is|are) (?:the )?(?:lobby|waiting room) (?:empty|full|clear|busy|quiet) (?:for|of|in|at) (?:the )?(?<meeting>.+?)(?: or .*)?$'),
    rule('what does the <meeting> lobby look like', '^(?:what|how) (?:does|do|is) (?:the |my )?(?<meeting>.+?) (?:lobby|waiting room) (?:look|looking)(?: like)?(?: (?:now|right now))?$'),
    // "check the Q2-planning lobby": the lobby looked at, named by its meeting.
    // "see who is in the lobby": who is asked, no meeting named.
    rule('check the <meeting> lobby', '^(?:check|show|open|see|view|look at|peek at|peek into|pull up)(?: me)? (?:on )?(?:the )?(?!(?:who|whos|what|whats|if|whether|anyone|anybody|someone|somebody|people|everyone|everybody)\\b)(?<meeting>.+?) (?:lobby|waiting room)$'),
    rule('<meeting> lobby', '^(?:(?:is|are) (?:there )?)?(?:who(?: is|s)?|whos|anyone|anybody|someone|somebody|people|guests|visitors|show|check|list)(?: .+)? (?:in|at|of|outside) (?<meeting>.+?) (?:lobby|waiting room)$'),
  ],
  admit: [
    rule("accept <person>'s request to join <meeting>", `^(?:admit|accept|approve|grant|ok|okay) ${REQUEST_TO_JOIN}`),
    rule('admit <person> waiting in <meeting>', '^(?:admit|accept|approve|let in|bring in|let|bring|allow) (?<person>.+?) (?:who (?:is|are) |whos |that (?:is|are) |thats )?(?:still )?(?:waiting|queued|queueing|stuck|sitting) (?:in|for|at|on|to join) (?:the )?(?:lobby (?:of|for) )?(?<meeting>.+?)(?: (?:in|through|join|inside))?$'),
    rule('let <person> in the lobby of <meeting>', '^(?:let|bring|get|allow|admit|accept) (?<person>.+?) (?:in (?=from ))?(?:waiting )?(?:in|from|of|at) (?:the )?(?:lobby|waiting room) (?:of|for|in) (?<meeting>.+?)(?: (?:in|through|join|inside))?$'),
    // "bring Yuki in from the lobby": where they come in from is the lobby, not part of the name.
    rule('bring <person> in from the lobby', '^(?:let|bring|get|pull|allow|fetch) (?<person>.+?) in (?:from|out of) (?:the |my )?(?:lobby|waiting room)(?: (?:of|for|in) (?<meeting>.+?))?(?: (?:please|now|pls|asap))?$'),
    rule('bring in <person> from the lobby', '^(?:let|bring|get|pull|fetch) in (?<person>.+?) (?:from|out of) (?:the |my )?(?:lobby|waiting room)(?: (?:of|for|in) (?<meeting>.+?))?(?: (?:please|now|pls|asap))?$'),
    // "let Yuki join Sales weekly": the meeting follows "join" with no preposition.
    rule('let <person> join <meeting>', '^(?:let|get|allow) (?<person>.+?) (?:join|to join|enter) (?:the )?(?<meeting>(?!(?:in|us|me|now|right now|please|already)$).+)$'),
    rule('let <person> in', '^(?:let|bring|get|allow) (?<person>.+?) (?:join in|in|through|join|to join|inside)(?: (?:to|into|for|of|in) (?<meeting>.+))?$'),
    rule('let <person> into <meeting>', '^(?:let|bring|get) (?<person>.+?) into (?<meeting>.+)$'),
    rule('allow <person> to join <meeting>', '^(?:allow|permit) (?<person>.+?) (?:to join|to enter|in|into)(?: (?<meeting>.+))?$'),
    // "everyone in the Retro lobby can come in": who, then where they wait, then that they may enter.
    rule('<everyone> in the <meeting> lobby can come in', '^(?<person>everyone|everybody|all|all (?:the )?(?:people|guests|folks|visitors)|the (?:people|guests|folks|visitors)) (?:who(?:s| is| are) )?(?:waiting )?(?:in|at) (?:the )?(?<meeting>.+?) (?:lobby|waiting room) (?:can|may|should) (?:now )?(?:come in|come through|join|enter|get in|be let in|go in)(?: now| right now)?$'),
    // "open the lobby doors for Budget review": everyone waiting, let in where they wait.
    rule('open the lobby doors for <meeting>', '^open(?: up)? (?:the )?(?:lobby|waiting room)(?:s)? (?:doors?|gates?) (?:for|of|on|in|at) (?:the )?(?<meeting>.+?)(?: (?:please|now|pls|asap))?$'),
    rule('<person> can come in', '^(?<person>.+?) (?:can|may|should|is allowed to|is ok to|is fine to) (?:come in|come through|join|enter|get in|be let in|go in)(?: us| me)?(?: (?:to|into|for) (?<meeting>.+?))?(?: now| right now)?$'),
    rule('admit <person> to <meeting>', '^(?:admit|accept|approve|allow in|let in|bring in|ok|okay) (?<person>.+?(?: (?:ending|ends) (?:in|with) \\S+)?)(?: (?:to|into|in|to join|from the lobby of|from the lobby for|for(?= (?!(?:now|a bit|a moment|a sec|a second|a minute|me|us|good)$))) (?<meeting>.+))?$'),
  ],
  reject: [
    // "decline the guest in Q3 planning": a person described, then the meeting they wait for; also "an anonymous user".
    rule('reject the guest in <meeting>', '^(?:reject|decline|deny|refuse|turn away|send away|block|kick out) (?<person>(?:(?:the|that|this) (?:(?:anonymous|unknown|unidentified|external|random) )?|(?:anonymous|unknown|unidentified) )(?:guest|caller|visitor|person|guy|lady|man|woman|contractor|candidate|stranger|one|external|outsider|user|participant|attendee)) (?:in|at|for|waiting (?:in|for)) (?:the )?(?<meeting>.+)$'),
    rule("reject <person>'s request to join <meeting>", `^(?:reject|deny|decline|refuse|turn down) ${REQUEST_TO_JOIN}`),
    rule('reject <person> waiting in <meeting>', '^(?:reject|deny|decline|refuse|block|remove|kick out|dismiss|turn away|send away|throw out|keep out) (?<person>.+?) (?:who (?:is|are) |whos |that (?:is|are) |thats )?(?:still )?(?:waiting|queued|queueing|stuck|sitting) (?:in|for|at|on|to join|outside) (?:the )?(?:lobby (?:of|for) )?(?<meeting>.+)$'),
    rule("don't let <person> in", '^(?:do not|dont|never) (?:let|admit|allow) (?<person>.+?)(?: in| into| join| to join)?(?: (?:to|into|in|for) (?<meeting>.+))?$'),
    // "refuse entry to the recruiter in Ops Sync": who, then where.
    rule('refuse entry to <person> in <meeting>', '^(?:refuse|deny|decline|block) (?:entry|entrance|access|admission) (?:to|for) (?<person>.+?)(?: (?:in|into|to|for) (?<meeting>.+))?$'),
    // "send the person from acme away, not invited": the reason after the verb is not a meeting.
    rule('turn <person> away', '^(?:turn|send|kick|throw|keep) (?<person>.+?) (?:away|out|off)(?: (?:of|from|for) (?:(?:the )?(?:lobby|waiting room)(?: (?:of|for|in) )?)?(?<meeting>.+?)?)?(?: (?:(?:they|he|she)(?: (?:is|are|was|were))? )?(?:not|wasnt|werent|isnt|arent) (?:invited|expected|on the (?:list|invite)|welcome|one of us|supposed to be here))?$'),
    // "deny Hannah entry to Budget review", "Ines shouldn't join Board prep": who is kept out, then where.
    rule('deny <person> entry to <meeting>', '^(?:deny|refuse|block|bar) (?<person>.+?) (?:entry|access|admission|entrance)(?: (?:to|into|for|in) (?:the )?(?<meeting>.+))?$'),
    rule("<person> shouldn't join <meeting>", '^(?:(?:no|nope|nah|actually|sorry|sry|unfortunately) )?(?<person>.+?) (?:shouldnt|should not|mustnt|must not|cant|cannot|can not|may not|wont|will not|is not allowed to|isnt allowed to) (?:be (?:let|allowed) )?(?:join|enter|get into|come into|attend|in|into|come in|get in)(?: (?:to |into )?(?:the )?(?<meeting>.+))?$'),
    rule('reject <person> from the lobby of <meeting>', '^(?:reject|deny|decline|refuse|block|remove|kick out|kick|dismiss|turn away|throw out|send away) (?<person>.+?) (?:from|in|out of) (?:the )?lobby(?: (?:of|for|in) (?<meeting>.+))?$'),
    // "the guest from Fabrikam" is someone's company; a person named by name "from Budget review" is leaving a meeting.
    // "kick out the anonymous guest from the Pricing council lobby": the lobby said after the meeting's name.
    rule('reject <person> from the <meeting> lobby', '^(?:reject|deny|decline|refuse|block|remove|kick out|kick|dismiss|turn away|throw out|send away) (?<person>.+?) (?:from|in|out of) (?:the )?(?<meeting>.+?) (?:lobby|waiting room)$'),
    rule('reject <person> from <meeting>', '^(?:reject|deny|decline|refuse|block|kick out|kick|dismiss|turn away|throw out|send away) (?!(?:the|a|an|that|this|our|my|some) )(?<person>.+?) (?:from|for) (?:the )?(?<meeting>(?!\\S+\\.\\S+$).+)$'),
    // "remove the anonymous user waiting": that they wait says where they are, not who.
    rule('reject <person> waiting', '^(?:reject|deny|decline|refuse|block|remove|kick out|kick|dismiss|turn away|throw out|send away) (?<person>.+?) (?:who (?:is|are) |whos |that (?:is|are) |thats )?(?:still )?(?:waiting|queued|queueing)(?: (?:outside|out there|in the lobby))?$'),
    rule('reject <person>', '^(?:reject|deny|decline|refuse|block|remove|kick out|kick|dismiss|turn away|throw out|send away) (?:(?:entry|access|admission|entrance) (?:to|for) )?(?<person>.+)$'),
    // "Dana should stay out", "nope, Hope stays outside": the person kept out (cues.ts 'someone stays outside').
    rule('<person> stays outside', '^(?:(?:no|nope|nah|actually) )?(?!(?:i|we|you|they|everyone|everybody) )(?<person>\\S+(?: \\S+)?) (?:stays|should stay|can stay|has to stay|must stay|will stay|stays put) (?:outside|out)\\b'),
  ],
  watchStart: [
    // "start alerting me about Retro" (cues.ts 'alerts about a meeting started').
    rule('start alerting me about <meeting>', '^(?:start|begin) (?:alerting|pinging|notifying) me (?:about|for|on) (?:the )?(?:(?:lobby|waiting room) (?:of|for) )?(?<meeting>.+?)(?: lobby| waiting room)?$'),
    // "let me know if anyone shows up outside the Partner Sync": where people wait to be let in.
    rule('shows up outside <meeting>', '\\b(?:shows?|turns?|pops?) up (?:outside|at the door of|in the lobby of|for) (?:the )?(?<meeting>.+)$'),
    rule('lobby of <meeting>', '\\b(?:lobby|lobbies|waiting room|alerts|notifications)(?: (?:arrivals|alerts|notifications|visitors|guests|people|folks|pings|activity))? (?:of|for|in|on|about) (?<meeting>.+)$'),
    rule('in the <meeting> lobby', '\\b(?:in|at|into) (?:the )?(?<meeting>.+?) (?:lobby|waiting room)$'),
    // "set a watch on Ops sync", "I want you to watch Launch": a watch put on a meeting, or asked of the bot.
    rule('a watch on <meeting>', '\\b(?:a |the )?(?:lobby |waiting room )?(?:watch|eye|monitor) (?:on|over|for) (?:the )?(?<meeting>.+?)(?: (?:please|pls|for me))?$'),
    rule('I want you to watch <meeting>', '\\b(?:want|need|like) (?:you|u) to (?:watch|monitor|track|keep an eye on|keep tabs on) (?:the )?(?<meeting>.+?)(?: (?:please|pls|for me))?$'),
    rule('waiting guests in <meeting>', '\\b(?:waiting|queued) (?:participants|people|guests|folks|attendees|callers|visitors) (?:in|for|at|of) (?:the )?(?:lobby (?:of|for) )?(?<meeting>.+?)(?: pls| please)?$'),
    rule('waits in <meeting>', '\\b(?:waits?|waiting|is waiting|knocks?|knocking|shows? up|turns? up|arrives?|appears?) (?:in|for|to join|on|at) (?:the )?(?:lobby (?:of|for) )?(?<meeting>.+)$'),
    rule('watch <meeting>', '^(?:please )?(?:start )?(?:watch(?:ing)?|monitor(?:ing)?|track(?:ing)?|follow(?:ing)?|keep(?:ing)? an eye on|keep(?:ing)? tabs on|keep(?:ing)? watch on|keep watching|guard|subscribe to|notify me about|alert me about|tell me about) (?:my )?(?:meeting )?(?<meeting>.+)$'),
  ],
  watchStop: [
    // "i don't care about the board prep lobby anymore" (cues.ts 'a lobby no longer cared about').
    rule('no longer care about the <meeting> lobby', '\\b(?:dont|do not|no longer) care (?:about|for) (?:the |my |our )?(?<meeting>.+?) (?:lobby|lobbies|waiting room)(?: (?:anymore|any more|any longer))?$'),
    rule('no need to keep an eye on <meeting>', '\\b(?:no need (?:for you )?to|need (?:you |u )?to|have to|want (?:you |u )?to) (?:keep (?:an eye|tabs) on|watch|monitor|track|follow) (?:the )?(?<meeting>.+?)(?: (?:anymore|any more|any longer|now))?$'),
    rule('stop <…> for <meeting>', '\\b(?:watching|monitoring|tracking|following|alerts|alerting|notifications|notifying me|pinging me|pings|updates|watch|watches) (?:for|about|of|from|on|to|me about) (?<meeting>.+)$'),
    rule('stop watching <meeting>', '^(?:stop|quit|cancel|end|pause|halt|cease|no more|dont|do not) (?:watching|monitoring|tracking|following|to watch|watch|keeping an eye on|keeping tabs on|keeping watch on) (?<meeting>.+)$'),
    rule('drop off <meeting>', '^(?:drop off|get off|drop out of|step away from|leave) (?<meeting>.+)$'),
    // "I'm done with the standup, no more alerts": what the person is done with, the reason after it.
    rule("I'm done with <meeting>", '^(?:i(?:m| am)|were|weare|we are) (?:all )?(?:done|finished|through) with (?:the )?(?<meeting>.+?)(?:, .*)?$'),
    rule('unwatch <meeting>', '^(?:unwatch|unsubscribe from|unsubscribe|unfollow|forget) (?<meeting>.+)$'),
  ],
  routeHere: [
    rule('when people wait for <meeting>', '\\bwait(?:s|ing)? (?:for|in|to join) (?<meeting>.+)$'),
    rule('alerts for <meeting> here', '\\b(?:alerts?|notifications?|notices|pings|lobby) (?:for|of|from|about) (?<meeting>.+?)(?: (?:lobby|here|to this|in this|into this|to here|over here|to the channel|to this channel|to this chat|in here|go|goes|to go|come|be sent|be posted|get sent|delivered|sent|posted|routed|show up|shows up|appear|appears|land|pop up|arrive|(?:should|must|will|need to|needs to|have to|are to) (?:now )?(?:go|come|be|land|show|arrive|pop|get))\\b.*)?$'),
    rule('send <meeting> lobby alerts here', '^(?:send|post|route|deliver|forward|share|put|redirect|pipe|push|relay|mirror|copy|cc|bring|drop) (?:the )?(?<meeting>.+?) (?:lobby |waiting |waiting room )?(?:alerts?|notifications?|notices|pings)\\b'),
    // "can the co-organizers get the roadmap lobby pings in here?": who gets them is said before the meeting.
    rule('I want <meeting> lobby alerts delivered here', '^(?:i(?:d| would) (?:like|love)|i want|i need|have|get|can|could)(?: (?:i|we|(?:the |my |our )?(?:co-?organi[sz]ers|organi[sz]ers|people|folks|everyone|everybody|team|hosts|presenters|colleagues))(?: here| in here)? (?:get|see|have|receive))? (?:the )?(?<meeting>.+?)(?:[’\']s)? (?:(?:lobby|waiting|waiting room|waiting-room) )?(?:alerts?|notifications?|pings) (?:to be )?(?:delivered|sent|posted|routed|forwarded|to go|go|to come|come|to show up|show up|to land|land|to appear|appear|here|in here|to this|into this|in this|on this)\\b'),
    rule('<meeting> lobby pings should go to this chat', '^(?:the )?(?<meeting>.+?) (?:lobby |waiting |waiting room )?(?:alerts?|notifications?|pings) (?:should|must|need to|needs to|can|could|have to|are to|will) (?:now )?(?:go|come|be (?:sent|posted|delivered|routed|forwarded)|land|show up|arrive|pop up)\\b'),
    rule('about <meeting> lobby', '\\babout (?<meeting>.+?)(?: lobby)?(?: here)?$'),
  ],
  details: [
    NOT_NEEDED_ANYMORE,
    rule('details of <meeting>', '\\b(?:details?|info|information|summary|overview|join link|link|settings|setup|set-up|set up|configuration|config|organi[sz]er|host|owner|chair|agenda|start time|end time|time|dial-in|attendees|invitees|access levels?|access) (?:of|for|about|on|to) (?<meeting>.+)$'),
    rule('<meeting> details', '^(?!(?:when|what|whats|where|who|whos|how)\\b)(?:show me |show |get me |get |give me |open |pull up |bring up )?(?:the )?(?<meeting>.+?) (?:details|info|information)$'),
    // "show me the vendor call settings": one meeting's settings (not the bot's, an account's or the defaults).
    rule('<meeting> settings', `^(?:show me |show |see |view |check |get me |get |give me |open |pull up |display )(?:the |my |our )?(?!(?:(?:the|my|our) )?${SETTINGS_NOT_A_MEETING}\\b)(?<meeting>.+?) (?:meeting |mtg )?(?:settings|setup|configuration|config)$`),
    // "is Budget review locked?", "did I delete Board prep?": a question about a meeting's state names it.
    rule('is <meeting> locked', '^(?:is|was|has) (?<meeting>.+?) (?:(?:already|still) )?(?:been )?(?:locked|unlocked|open to (?:everyone|everybody|anyone|anybody|all|the public|outsiders|guests|externals|external people)|open|public|private|invite only|invited only|cancel(?:l)?ed|deleted|over|started|running|still on|happening|moved|changed|renamed|empty|full)(?: or (?:not|invite only|invited only|locked|unlocked|private|public|open|internal only))?$'),
    rule('did I delete <meeting>', '^(?:did|have|has) (?:i|we|you|someone|anyone|anybody) (?:already )?(?:delete|deleted|cancel|cancel(?:l)?ed|lock|locked|unlock|unlocked|change|changed|move|moved|rename|renamed|update|updated|create|created|schedule|scheduled|end|ended) (?<meeting>.+)$'),
    rule('when is <meeting>', '^(?:when|what time) (?:is|does|will|did) (?<meeting>.+?)(?: (?:start|begin|happen|take place|end|finish|scheduled|over|kick off))?(?: (?:i |we )?need (?:the|its|a|an) .+)?$'),
    // "show me everything about my Ops standup meeting": all there is about one meeting.
    rule('everything about <meeting>', '^(?:show me |show |give me |get me |tell me )?(?:everything|all|all there is|all you (?:have|know)) (?:about|on|regarding|for) (?:the )?(?<meeting>.+)$'),
    rule('who leads <meeting>', '^who(?:s| is| was)? (?:leading|hosting|running|organi[sz]ing|chairing|presenting (?:at|in)|organi[sz]ed|hosted|set up|created|booked|scheduled|owns|hosts|runs|leads|chairs) (?:the )?(?<meeting>.+)$'),
    rule('where is <meeting>', '^(?:where|wheres) (?:is |s )?(?:the )?(?<meeting>.+?)(?: (?:happening|held|taking place|being held))?$'),
    // "who can get into Retro without waiting?": who skips the lobby of a meeting, asked.
    rule('who can get into <meeting> without waiting', '^(?:so )?(?:who|which people|whom|who all) (?:can|may|gets? to|is allowed to|are allowed to|could) (?:get into|get in to|join|enter|come into|get in to) (?:the )?(?<meeting>.+?) (?:without waiting|without (?:the )?lobby|skipping the lobby|straight in|directly)\\b'),
    rule('what is <meeting> about', '^(?:what is|whats|what s) (?:the )?(?<meeting>.+?) about$'),
    rule('tell me about <meeting>', '^(?:tell me (?:more |everything )?about|more about|what do you (?:know|have) (?:about|on)|describe|show me|show|open|display|look up|lookup|pull up|bring up|what is|whats|what about) (?:the )?(?<meeting>.+)$'),
  ],
  create: [
    // "let's get Design review on the books for Tuesday": what is put on the calendar is the meeting's name.
    rule('get <subject> on the books', '\\b(?:get|put|pencil|stick) (?<subject>(?!(?:it|that|this|a meeting|something)\\b).+?) (?:on|in|onto|into) (?:the |my |our )?(?:books|calendar|schedule|diary)\\b(?<rest>.*)$'),
    rule('called <subject>', '\\b(?:called|named|titled|entitled|with (?:the )?(?:subject|title)|subject|title) (?<subject>.+)$'),
    // "I need a meeting QBR: Contoso on monday …": the name follows the meeting asked for.
    rule('I need a meeting <subject>', '^(?:i|we) (?:need|want|would like|d like) (?:a |an )?(?:new )?(?:meeting|call|conference|session)(?: (?:for|about|on))? (?<subject>(?!(?:at|on|from|tomorrow|today|tonight|next|this|with|for|about)\\b).+)$'),
    rule('meet about <subject>', '^(?:meet|meet up|sync up|catch up|get together|have a (?:call|chat|meeting)) (?:about|on|regarding|re|to discuss|over) (?<subject>.+)$'),
    rule('create a meeting <subject>', `^(?:create|schedule|book|set up|setup|new|make|plan|organi[sz]e|add|arrange|start|host|set) (?:me )?(?:(?:a|an) )?(?:new )?(?:locked |open |private |public )?(?:(?:\\d+|an?|one|two|half an?)[- ]?(?:minutes?|mins?|hours?|hrs?|h)(?:[- ]long)? )?(?:(?:online|skype) )?(?:meeting|conference|call)?(?: (?:for|about|on)\\b)? ?(?<subject>\\b.+)$`),
  ],
  update: [
    rule('rename <meeting> to <subject>', `^(?:rename|retitle) (?:${MEETING_WORD} )?(?<meeting>.+?) (?:to|as|into) (?<subject>.+)$`),
    rule('<meeting> is now called <subject>', '^(?:the )?(?<meeting>.+?) (?:is|will be) (?:now |from now on |henceforth )?(?:called|named|renamed to|renamed) (?<subject>.+?)(?: (?:now|from now on|going forward|instead))?$'),
    rule('change the subject of <meeting> to <subject>', '\\b(?:subject|title|name|topic) (?:of|for) (?<meeting>.+?) (?:to|as|into) (?<subject>.+)$'),
    rule('<meeting> subject to <subject>', `^(?:change|set|update|make) (?:the )?(?<meeting>.+?) (?:subject|title|topic|name) (?:to|as) (?<subject>.+)$`),
    // "lock down Retro": the meeting's access set to Locked, named right after the verb.
    rule('lock <meeting>', '^(?:lock down|lock up|close off|lock) (?:the |my )?(?<meeting>(?!(?:it|this|that|down|up|everyone|everybody|all)$).+?)(?: (?:meeting|call))?(?: (?:please|pls|now|asap|for me|down|up))*$'),
    rule('move <meeting> to <time>', '^(?:move|reschedule|push|shift|postpone|bring forward|delay) (?<meeting>.+?)(?: back| forward| out)? (?:to|until|till|at|for|by|back to) (?<rest>.+)$'),
    // Thirteenth pass: "Hiring Panel should only be open to people from our company".
    // "Design crit should only be for people in our org": whom the meeting is for.
    rule('<meeting> should only be for <who>', '^(?<meeting>.+?) (?:should|must|needs to|has to|will|is to) (?:only )?be (?:only )?for (?<rest>(?:people|folks|staff|employees|colleagues|members|those) .+)$'),
    rule('<meeting> should only be open to <who>', '^(?<meeting>.+?) (?:should|must|needs to|has to|will|is to) (?:only )?be (?:only )?open(?:ed)? (?:only )?to (?<rest>.+)$'),
    // "turn off lobby bypass for phone users on Ops weekly": the setting first, then the meeting.
    rule('turn off lobby bypass on <meeting>', '^(?:turn|switch) (?:off|on) (?:the )?(?:lobby )?bypass(?: for (?:phone|dial-in|dial in|pstn) (?:users|callers|people|participants))? (?:on|for|in) (?<meeting>.+)$'),
    // "make dial-in callers wait in the lobby for All-Hands": the people the setting is about come first, the meeting last.
    rule('make phone users wait for <meeting>', '^(?:make|have|let|force|get) (?:the |all )?(?:phone|dial-in|dial in|dialin|pstn) (?:users|callers|people|participants|joiners|dial-ins|dialins)\\b.*?\\b(?:for|of|on|in|at) (?<meeting>.+?)(?: (?:from now on|going forward|from today|instead|please))?$'),
    // "let anyone join Parent-Teacher Night": who may join, then the meeting.
    // "let everyone join the Friday all hands, not just invitees": the invitees set against everyone are no part of the name.
    rule('let anyone join <meeting>', '^(?:let|allow) (?<rest>anyone|anybody|everyone|everybody) (?:to )?(?:join|in|into|come in|get in|enter)(?: (?:to|into))? (?:the )?(?<meeting>.+?)(?:,? (?:not (?:just|only|merely) |without (?:an |a |any )?invit|no invit|(?:even )?(?:if|when) (?:they(?:re| are) )?not invited|invited or not).*)?$'),
    // "Standup should only let in invited people from now on": the meeting, then who it lets in.
    rule('<meeting> should only let in <who>', '^(?<meeting>.+?) (?:should|must|will|can) only (?:let in|admit|allow in|allow) (?<rest>.+)$'),
    // "for Partner Call, phone users shouldn't bypass the lobby anymore": the meeting first, then who the setting is about.
    rule('for <meeting>, <setting>', '^(?:for|on|in) (?:the )?(?<meeting>.+?) (?<rest>(?:phone|dial-in|dial in|pstn|everyone|everybody|anyone|nobody|no one|only|people|callers|guests|invitees) .+)$'),
    // "only people from our company should be able to get into X, pls update it", as the clauses restate it.
    rule('make <who> able to join <meeting>', '^make (?<rest>(?:only )?.+?) able to (?:get into|get in to|join|enter|come into) (?<meeting>.+)$'),
    rule('change <meeting> so <rest>', '^(?:change|set|make|switch|update|modify|edit|turn|configure) (?:the )?(?:access (?:level )?(?:of|for|to) |time of |start of |end of |lobby (?:of|for|in) |settings of )?(?<meeting>.+?)(?: (?:access(?: level)?|lobby|time|start|settings))? (?:to|so|as|into|open to|:|for) (?<rest>.+)$'),
    // "phone people on Ops sync shouldn't bypass the lobby anymore": the callers of a meeting, then what they may do.
    rule('phone users on <meeting> should skip the lobby', '^(?:the )?(?:phone|dial-in|dial in|dialin|pstn) (?:people|users|callers|participants|attendees|folks|joiners)(?: who (?:call|dial) in)? (?:on|in|for|of|joining|calling into|dialing into) (?:the )?(?<meeting>.+?) (?:should|shouldnt|should not|can|cant|cannot|can not|may|must|mustnt|need to|needs to|dont|do not|have to|will|wont|are allowed to|are not allowed to|get to|no longer|to) (?:be able to )?(?:bypass|skip|avoid|go around|wait in|sit in|go through|be held in|be let through|get through|come straight in)\\b.*$'),
    rule('let phone users bypass the lobby in <meeting>', '\\b(?:phone|dial-in|dial in|dialin|pstn)\\b.*\\b(?:in|for|of|on) (?<meeting>.+?)(?: (?:from now on|going forward|from today|instead|please))?$'),
    rule('make <meeting> <setting>', '^(?:make|set) (?<meeting>.+?) (?<rest>locked|open|public|private|invite-only|invite only|invited only|invitees only|internal|internal only|same enterprise|same company(?: only)?|company-only|company only|in-house(?: only)?|inhouse(?: only)?|employees only|staff only|open to .+)$'),
    rule('open <meeting> up to <rest>', '^open (?<meeting>.+?)(?: back| again)? up(?: (?:to|for) (?<rest>.+))?$'),
    // "restrict Board prep to invited people": who may still enter follows "to".
    rule('restrict <meeting> to <rest>', '^(?:restrict|limit) (?:access to )?(?<meeting>.+?) to (?<rest>(?:only )?(?:invited|invitees|people|employees|colleagues|coworkers|staff|my|our|the company|company|internal|insiders).*)$'),
    rule('open <meeting> to <rest>', '^open (?:up )?(?<meeting>.+?) (?:to|for) (?<rest>(?:everyone|anyone|everybody|all|the public|people|guests|externals|outsiders).*)$'),
    // "only invited people should get into Design crit": who may enter, then the meeting.
    // "…, pls update it", "… from now on": what follows the meeting's name says when, or asks again; it is no part of it.
    rule('<who> should get into <meeting>', '^(?<rest>(?:only )?.+?) (?:should|can|may|must) (?:be able to )?(?:only )?(?:get into|get in to|join|enter|come into) (?<meeting>.+?)(?: (?:from now on|going forward|from today|for good|permanently))?(?: (?:please|pls|plz))?(?: (?:update|change|fix|set) (?:it|that))?(?: (?:please|pls|plz|thanks|thx))?$'),
    // "only invited ppl for Hiring loop #3": who may enter, then the meeting.
    rule('only <who> for <meeting>', '^(?<rest>only (?:invited|invitees|employees|colleagues|coworkers|staff|internal|company|people (?:from|in))(?: \\S+){0,3}?) (?:for|in|on|into) (?<meeting>.+)$'),
    rule('<meeting> moved to <time>', '^(?<meeting>.+?) (?:moved|was moved|has moved|is moving|got moved|moves|shifted|has shifted|got pushed|was pushed|is pushed|got postponed|was postponed) (?:to|back to|forward to|until|till) (?<rest>.+)$'),
    rule('<meeting> needs to be invite only', '^(?<meeting>.+?) (?:should|must|needs to|has to|will|is to) (?:now |from now on |henceforth )?be (?<rest>(?:locked|unlocked|open|public|private|closed|invite[- ]only|invit(?:ed|ees)[- ]only|internal(?: only)?|same enterprise(?: only)?|company[- ]only|in-?house(?: only)?|open to .+?|only for .+?|for .+ only))(?: (?:from now on|going forward|from today|for good|permanently|now|again))?$'),
    rule('<meeting> should end at <time>', '^(?<meeting>.+?) (?:should|must|will|needs to|has to) (?<rest>(?:start|begin|end|finish|be over) .+)$'),
    rule('<meeting> should run <time>', '^(?<meeting>.+?) (?:should|must|will|needs to|has to) (?:now )?(?:run|be|happen|take place|go) (?<rest>(?:at|on|from|by|until|till|to|mon|tue|wed|thu|fri|sat|sun|tomorrow|next|\\d).*)$'),
    rule('change <meeting>', '^(?:change|update|modify|edit|adjust|tweak|alter) (?:the )?(?:time |start |end |settings |subject |access )?(?:of |for )?(?<meeting>.+)$'),
  ],
  delete: [
    NOT_NEEDED_ANYMORE,
    // "get rid of Conference 2044 speakers": a name that ends in people keeps the kind word it starts with.
    rule('delete <meeting>', `^(?:delete|remove|cancel|erase|drop|get rid of|trash|kill|call off|scrap|wipe|nuke|destroy) (?:the )?(?:(?:online|skype) )?(?:(?:meeting|conference) (?!\\S+(?: \\S+){0,3} (?:speakers|attendees|panelists|members|guests|sponsors|organi[sz]ers)$))?(?:called |named |titled )?(?<meeting>.+)$`),
  ],
  extensionsList: [
    rule('extensions of <meeting>', '\\b(?:extensions?|extension data|custom data|roamed (?:organi[sz]er|participant) data) (?:is |are )?(?:of|for|on|in|from|attached to|hanging off|hanging on|hooked (?:on|onto|to)|that belong to|belonging to) (?<meeting>.+)$'),
    rule('what extension ids are on <meeting>', '\\bextension (?:ids?|types?|data) (?:is |are )?(?:of|for|on|in|attached to) (?:the )?(?<meeting>.+)$'),
    rule('extension list for <meeting>', '\\bextension list (?:for|of|on) (?<meeting>.+)$'),
    rule('does <meeting> have extensions', '^(?:does|do|has|have) (?:the )?(?<meeting>.+?) (?:have|has|got|carry)(?: (?:any|some|an|the))? (?:extensions?|extension data|custom data)$'),
    rule('what extensions did I add to <meeting>', '\\bextensions?\\b.*\\b(?:add|put|attach|set|create)(?:ed)? (?:to|on|for) (?<meeting>.+)$'),
    rule('what extensions does <meeting> have', '\\bextensions? (?:does|do|has|have|on) (?<meeting>.+?) (?:have|has|got|carry)$'),
    // "show me the extensions" names no meeting: who is shown and the article are no name.
    rule('<meeting> extensions', '^(?:(?:list|show|get|give|display)(?: me| us)? )?(?:all )?(?:the )?(?<meeting>(?!(?:(?:me|us|all|any|my|our|the|show|list|get|give|display) )+(?:meeting )?extensions$).+?) (?:meeting )?extensions$'),
    // Thirteenth pass: "what custom data does Town Hall have?".
    rule('what custom data does <meeting> have', '^(?:what|which|any) (?:custom data|extension data|extensions?|data) (?:does|do|did|has) (?:the )?(?<meeting>.+?) (?:have|has|got|carry|hold|contain)$'),
  ],
  extensionsAdd: [
    // "give the Launch review an undefined extension": the meeting is who is given it, before the article.
    rule('give <meeting> an … extension', '^(?:give|grant) (?:the )?(?<meeting>.+?) (?:a|an|one|another) (?:\\S+ ){0,3}extension\\b'),
    // "Budget review needs a new extension": the meeting that needs one, first.
    rule('<meeting> needs an extension', '^(?:the )?(?<meeting>.+?) (?:needs|should get|should have|could use|wants|requires) (?:(?:a|an|one|another)(?: new)? (?:\\S+ ){0,4}extension\\b|(?:\\S+ ){1,4}(?:added|attached|put on)(?: to it)? as (?:an? )?extension\\b)'),
    rule('add … to <meeting>', '\\b(?:to|on|for|onto) (?<meeting>.+?)(?: (?:with )?(?:the )?(?:extension )?id (?<extensionId>\\S+))?$'),
  ],
  extensionId: [
    rule('id <extensionId>', '\\b(?:extension )?id (?:(?:is|是|为|=|of) )?(?<extensionId>\\S+)'),
    rule('extension called <extensionId>', '\\bextension (?:called|named|labell?ed) (?<extensionId>[\\p{L}\\d][\\p{L}\\d_.-]*)'),
    rule('add extension <extensionId> to', '^(?:add|attach|put|create) (?:an |the |a )?(?:(?:roamedorganizerdata|roamedparticipantdata|undefined|custom|(?:roamed )?(?:organi[sz]er|participant)(?: roamed)? data) (?:extension )?|extension )(?!(?:id|type|of|to|on|for|undefined|data|custom|an|the|a|extension)\\b|roamed|organi[sz]er|participant)(?<extensionId>[\\p{L}\\d][\\p{L}\\d_.-]*) (?:to|on|for|onto|of type|with type|typed)\\b'),
  ],
  groupMembers: [
    // "whos free in the design team", "who in Vendors is online": asked with the presence watch (cues.ts), the same group.
    rule('who is free in <group>', `^(?:(?:tell|show) me |check |see )?(?:whos|who is|who are|who) (?:free|available|online|around|busy|offline) (?:in|from|among) (?:the |my |our )?(?<group>.+?)${SAID_NOW_EN}$`),
    rule('who in <group> is free', `^(?:(?:tell|show) me |check |see )?who (?:in|from) (?:the |my |our )?(?<group>.+?) (?:is|are) (?:free|available|online|around|busy|offline)${SAID_NOW_EN}$`),
    rule('show everyone in <group>', '^(?:show|list|display|get)(?: me)? (?:everyone|everybody|all the people|all members|the people|people) (?:in|of) (?:the |my )?(?<group>.+?)(?: (?:contact )?group)?$'),
    rule('who do I have in <group>', '^who (?:do i have|have i got|is there|are there|did i put|have i put|did i add|have i added|did we put|did we add) in(?:to)? (?:my |the )?(?<group>.+?)(?: (?:contact )?group)?(?: again| now| so far)?$'),
    rule('everyone in the <group> group', '^(?:show|list|who is|whos|tell me)?(?: me)? ?(?:everyone|everybody|all the people|all members|the people|people) (?:in|of) (?:the |my )?(?<group>.+?) (?:contact )?group$'),
    rule('members of <group>', '\\b(?:members|contacts|people|persons|users|membership|list) (?:of|in|from|inside) (?<group>.+)$'),
    // "which contacts did I put in Clients (EMEA)?": the people someone put in a group are its members.
    rule('who did I put in <group>', '^(?:which|what|who|whom)(?: (?:contacts|people|persons|users|members|colleagues|folks))? (?:did|have) (?:i|we) (?:put|add|added|place|save|include|stick) (?:in|into|to|under|inside) (?:the |my |our )?(?<group>.+?)(?: (?:contact )?group)?(?: (?:again|now|please|so far|already))?$'),
    rule('which contacts are in <group>', '^(?:which|what) (?:contacts|people|persons|users|members|colleagues) (?:are |is )?(?:in|inside|part of|on|under|filed under|listed under) (?<group>.+)$'),
    rule('who is in <group>', '^(?:who(?: is| are|s)?|whos|who all) (?:in|inside|part of|on|belongs to|belong to|is in|are in) (?<group>.+)$'),
    rule('who do I have under <group>', '^(?:who|whom) (?:do i have|have i got|is|are|s|all is) (?:filed |listed |saved )?under (?:the |my )?(?<group>.+)$'),
    rule('who belongs to <group>', '\\b(?:belongs? to|part of) (?<group>.+)$'),
    rule('who is in the <group> group', '^(?:who|whos|which|what|whats)\\b.* (?:in|into|inside|to|on) (?:the |my |our )?(?<group>.+?) (?:contact )?group\\b'),
    rule('<group> members', '^(?:show |list |get )?(?:the )?(?<group>.+?) (?:group )?(?:members|contacts|membership)$'),
  ],
  groupCreate: [
    // "I need a Recruiters group": the group wished for, named before its kind.
    rule('I need a <group> group', '^(?:i|we) (?:need|want|would like|d like|could use) (?:a|an|one)(?: new)? (?!new |contact )(?<group>\\S+(?: \\S+){0,2}) (?:contact )?group$'),
    rule('group called <group>', '^.*\\b(?:group|called|named|titled) (?:for |called |named )?(?<group>.+?)(?: (?:in|to|for|among) (?:my |our )?(?:contacts|contact list|address book|skype))?$'),
    rule('create <group> group', '^(?:create|make|add|new|set up|start) (?:a |an )?(?:new )?(?:contact )?(?<group>.+?) group$'),
    rule('create <group>', '^(?:create|make|add|new|set up|start) (?:a |an )?(?:new )?(?<group>.+)$'),
  ],
  groupRename: [
    rule('rename group <group> to <newName>', '^(?:rename|retitle|change the name of|change the name for|change name of|change the group name(?: of| for)?|change the name of the group|call) (?<group>.+?) (?:to|as|into|instead to) (?<newName>.+)$'),
    // "update group name Board 2042 -> Board 2043": the group's name said as the thing changed, the old one after it.
    rule('update group name <group> to <newName>', '^(?:update|change|set|edit|modify) (?:the )?(?:contact )?group(?:s|[’\']s)? name (?:of |for |from )?(?<group>.+?) (?:to|as|into) (?<newName>.+)$'),
    rule("change <group> group's name to <newName>", '^(?:change|set|update) (?:the )?(?<group>.+?) (?:groups|group s|group) name (?:to|as|into) (?<newName>.+)$'),
    // "the Leadership group needs a new name: Exec staff" (cues.ts 'a group needs a new name').
    rule('<group> group needs a new name: <newName>', '^(?:the |my |our )?(?<group>.+?) group (?:needs|could use|should get|should have|gets) a new name(?: (?:like|such as))?[:,]? (?<newName>.+)$'),
    rule('group <group> should be renamed <newName>', '^(?<group>.+?) (?:should be|must be|to be|is to be|needs to be) (?:renamed|called) (?:to )?(?<newName>.+?)(?: (?:from now on|going forward|instead|now|from today))?$'),
    rule('call my <group> group <newName> from now on', '^(?:call|name) (?:my |the |our )?(?<group>.+?) (?:contact )?group (?<newName>.+?)(?: (?:from now on|instead|going forward|now))?$'),
    rule('call group <group> <newName> instead', '^call (?:the )?group (?<group>\\S+) (?<newName>.+?)(?: instead)?$'),
    rule('rename my <group> group', '^(?:rename|retitle) (?:my |the |our )?(?<group>.+?) (?:contact )?group$'),
    // "Legal reviewers group rename to Legal": the group first, then the command, as in a note.
    rule('<group> group rename to <newName>', '^(?:the |my |our )?(?<group>.+?) (?:contact )?group(?: should be)? (?:rename|renamed|rename it|name change) (?:to|as|into|->|:) ?(?<newName>.+)$'),
  ],
  groupDelete: [
    // "drop Leadership from my groups": the group, not the words saying where it is kept.
    rule('drop <group> from my groups', '^(?:delete|remove|erase|drop|get rid of|trash|scrap) (?:the )?(?<group>.+?) (?:group )?from (?:my|our|the) (?:contact )?groups$'),
    rule('<group> group can go', '^(?:the |my |our )?(?<group>.+?) (?:contact )?group can go(?: now| away)?$'),
    rule('delete group <group>', '^(?:delete|remove|erase|drop|get rid of|trash|kill|scrap|wipe|destroy|nuke) (?<group>.+)$'),
    // "I don't need the Hikers group anymore" (cues.ts 'a group no longer needed').
    rule("don't need <group> group anymore", '\\b(?:dont|do not|no longer) need (?:the |my |our )?(?<group>.+?) (?:contact )?group(?: anymore| any more| now)?(?: (?:delete|remove|drop|trash|scrap|get rid of)(?: it)?)?$'),
  ],
  groupPresence: [
    rule('presence of <group>', '\\b(?:presence|status|statuses|availability|online status|who is online)(?: (?:updates?|alerts?|notifications?|changes))? (?:of|for|in|on) (?<group>.+)$'),
    // "when Partners-APAC contacts are available": the contacts who come online are the group's people.
    rule('when <group> come online', '\\b(?:when|whenever|if|whether|once|as soon as) (?:(?:anyone|someone|people|anybody|somebody|any of|one of)(?: the)? (?:in|from|of) )?(?<group>.+?)(?: (?:contacts|members|folks|people))? (?:comes?|goes|go|are|is|gets?|become|becomes) (?:online|available|offline|busy|free|away)(?: (?:or|and|and when they are|or when they are) (?:online|available|offline|busy|free|away))?$'),
    rule('when anyone in <group> changes status', '\\bwhen(?:ever)? (?:anyone|someone|somebody|anybody|people|a contact) (?:in|from) (?<group>.+?) (?:changes?|updates?) (?:their |his |her |its )?(?:status|presence|availability)$'),
    rule('who in <group> is online', `\\bwho (?:in|from) (?<group>.+?) (?:is|are|s) (?:online|available|free|around|busy)${SAID_NOW_EN}$`),
    rule("who's available in <group>", `\\b(?:who(?:s| is| are)?|anyone|someone|anybody) (?:is |are )?(?:available|online|free|around|busy|away) (?:in|from|among) (?<group>.+?)${SAID_NOW_EN}$`),
    rule('anyone in <group> online', '^(?:is|are) (?:anyone|anybody|someone|people) (?:in|from) (?<group>.+?) (?:online|available|free)$'),
    rule('watch <group> presence', '^(?:watch|track|follow|subscribe to|monitor) (?:the )?(?<group>.+?) (?:presence|status|availability)$'),
  ],
  // "stop watching presence of X", "no more status updates for X": the group follows the presence words, as in
  // groupPresence; trailing "anymore" is not part of the name.
  groupPresenceStop: [
    rule('unsubscribe <group> presence', '^(?:unsubscribe|unfollow|unwatch)(?: from)? (?:the )?(?<group>.+?) (?:presence|status|availability|online status)$'),
    rule('no longer care about <group> online status', '\\b(?:dont|do not|no longer) care (?:about|for) (?<group>.+?) (?:online status|presence|status|availability)(?: (?:anymore|any more|any longer))?$'),
    rule('stop presence updates for <group>', '\\b(?:presence|status|statuses|availability|online status|online\\/offline|online or offline|who(?:s| s| is| are)? (?:online|available|around))(?: (?:updates?|alerts?|notifications?|notifs?|pings?|subscriptions?|subs?|changes|messages))? (?:of|for|in|on|about|from) (?:the )?(?<group>.+?)(?: (?:anymore|any more|any longer|please|now))?$'),
    rule('enough with the <group> presence pings', '^(?:enough|no more|done) (?:with )?(?:the |my )?(?<group>\\S.*?) (?:group |team )?(?:presence|status|online|availability) (?:pings|alerts|updates|notifications)$'),
    rule('stop watching <group> presence', '^(?:stop|quit|cancel|end|cease|no more|dont|do not|unsubscribe from) (?:watching |tracking |following |monitoring |the )?(?:the )?(?<group>.+?)(?:[’\']s?)? (?:online )?(?:presence|status|availability)(?: (?:updates?|alerts?|notifications?|subscriptions?))?$'),
    rule('who in <group> is online', '\\bwho(?:s| is)? in (?:the |my )?(?<group>.+?) (?:is|are|comes?|goes|gets?) (?:online|available|around|offline|busy)(?: (?:anymore|any more|any longer))?$'),
    rule('when <group> come online, no more', '\\b(?:when|if|whether) (?:(?:anyone|someone|people|anybody|somebody)(?: the)? (?:in|from|of) )?(?<group>.+?)(?: (?:contacts|members|folks|people))? (?:comes?|goes|go|are|is|gets?) (?:online|available|offline|busy)(?: (?:anymore|any more|any longer))?(?:,? (?:stop|quit|enough|no more|turn|shut|switch|kill|cut|drop)\\b.*)?$'),
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
    rule('lock meeting <meeting>', `^(?:un-?lock|lock|reopen|open)(?: down| up)? (?:${MEETING_WORD} )?(?<meeting>.+?)(?: (?:again|up|so (?:that )?(?:nobody|no one|noone) (?:else )?(?:can )?joins?.*))?$`),
  ],
  huaweiParticipants: [
    rule('who joined <meeting>', `^(?:who(?: has| have)?|whos) (?:joined|dialed into|dialled into|got into|is attending|attended|came to) (?:${MEETING_WORD} |the )?(?<meeting>.+)$`),
    rule("who's in meeting <meeting>", `^(?:who(?: is| are|s)?|whos) (?:in|on|attending|inside|at|joined|has joined) (?:${MEETING_WORD} )(?<meeting>.+)$`),
    rule('participants of <meeting>', `\\b(?:participants|attendees|people|everyone|members) (?:of|in|on|at) (?:${MEETING_WORD} )?(?<meeting>.+)$`),
  ],
  huaweiAdmitWaiting: [
    rule('waiting in <meeting>', `\\bwaiting(?: room)? (?:in|of|for|at) (?:${MEETING_WORD} )?(?<meeting>.+?)(?: (?:can|may|should|could) (?:now )?(?:come in|come through|join|enter|get in|go in|be let in)(?: now)?)?(?: (?:in|join|to join))?$`),
    rule('let … into <meeting>', `\\b(?:into|to join|join) (?:${MEETING_WORD} )?(?<meeting>.+)$`),
  ],
  huaweiKeyword: [
    // "… on huawei cloud with migration in the title": the title's word, wherever the platform is named.
    rule('with <keyword> in the title', '\\bwith (?<keyword>.+?) in (?:the|its|their) (?:title|subject|name)\\b'),
    // "anything on huawei tmrw about design?": what they are about, said last.
    rule('… about <keyword>', '\\b(?:about|regarding|concerning) (?:the )?(?<keyword>(?!(?:it|that|this|them|anything|something|huawei)\\b)[\\p{L}\\d][\\p{L}\\d-]*)$'),
    rule('about <keyword>', '\\b(?:about|regarding|concerning|matching|containing|named|called|titled|with subject|with the word|on the topic of|(?<!going )on(?! (?:the |my |our )?(?:huawei (?:cloud )?)?(?:schedule|calendar|agenda)\\b)|(?<=\\b(?:meetings?|calls?|conferences?) )with|mentions?|includes?|for(?! (?:running|ongoing|live|active|current|scheduled|upcoming|planned|booked|any|all|meetings?|calls?|conferences?)\\b)|related to|mentioning) (?<keyword>.+?)(?: (?:(?:that |which |who )?(?:are |is |were |was )?(?:currently |still |now )?(?:scheduled|planned|booked|coming up|running|happening|going on|in progress|live|active|ongoing|underway|atm|currently|starting|later|next|this|for|on|at|today|tomorrow|tonight|right now|now|please)\\b.*|meetings?|conferences?))?$'),
    rule('keyword <keyword>', '\\b(?:keywords?|search term|term) (?:is )?(?<keyword>.+)$'),
    rule('meetings <keyword>', '\\b(?:meetings?|calls?|conferences?) (?<keyword>[\\p{L}\\d][\\p{L}\\d-]*)$'),
    rule('did <keyword> start', '^(?:did|has|have) (?:the |our |my )?(?<keyword>.+?) (?:start|started|begin|began|begun|kick off|kicked off)(?: (?:yet|already|now))?$'),
    rule('<keyword> meetings', `\\b(?!(?:${LIST_WORDS})\\b)(?<keyword>[\\p{L}\\d][\\p{L}\\d-]*(?: (?!(?:${LIST_WORDS})\\b)[\\p{L}\\d][\\p{L}\\d-]*)?) (?:meetings?|calls?|conferences?|syncs?|sessions?|things?|stuff|ones?)\\b`),
    // "find scheduled standups": after a search verb and the list's own words, what is left names the meetings.
    rule('find <list word> <keyword>', `^(?:find|search(?: for)?|look for|any|show|list)(?: me)?(?: (?:${LIST_WORDS}))* (?!(?:${LIST_WORDS}|meetings?|calls?|conferences?)\\b)(?<keyword>[\\p{L}\\d][\\p{L}\\d-]*)$`),
    // "is the vendor sync happening yet": the last resort, after the shapes that name a search word outright.
    rule('is <keyword> happening', '^(?:is|are) (?!(?:there|any|a|an)\\b)(?:the |our |my )?(?<keyword>.+?)(?: (?:thing|things|stuff|meetings?|calls?|conferences?))? (?:happening|running|live|underway|going on|in progress|started|on air)(?: (?:yet|already|now|right now|at the moment|atm|today))?$'),
  ],
} as const;

/**
 * A command typed with an English verb and a Chinese subject ("lock 预算评审会", "end 周例会") is read as Chinese
 * text; the Chinese control rules take these verbs (any case, then a space) so the subject is still found.
 */
const EN_VERB = {
  end: '(?:[Ee]nd|[Ss]top|[Tt]erminate|[Cc]lose|[Ff]inish)\\s+',
  mute: '(?:[Uu]n-?)?[Mm]ute\\s+',
  lock: '(?:[Uu]n-?)?[Ll]ock\\s+',
} as const;
const EN_MEETING = '(?:(?:[Tt]he|[Mm]y|[Oo]ur)\\s+)?(?:[Mm]eeting|[Cc]onference|[Cc]all)\\s+';
// Moving or setting a meeting: 推迟到, 延到, 改成, 调到, 挪到 ….
const ZH_MOVE = '(?:改为|改成|改到|设为|设成|调成|设置成|设置为|调到|调整到|挪到|移到|换到|推迟到|推后到|延后到|延期到|顺延到|延到|提前到|挪至|改至|延至|推到)';
// Renaming: 改名为, 改个名叫, 改一下名字叫, 重命名为, 更名为 ….
// "创建一个锁定的会议 X": who may enter, said as an adjective before 会议, is an access level and never the subject.
const ZH_ACCESS_ADJECTIVE = '(?:锁定|锁住|上锁|公开|开放|内部|私密|私人)';
const ZH_RENAME = '(?:改(?:个|一下)?名(?:字|称)?|换(?:个|一下)?名(?:字|称)?|重新命名|重命名|更名|改叫)(?:为|成|叫做?|作)?';
const EN_EVERYONE = '(?:[Ee]veryone|[Ee]verybody|[Aa]ll)\\s+(?:in|of|on|at|for)\\s+';

export const zh = {
  debugParse: [rule('解析 <文本>', '^(?:帮我|请|麻烦)?(?:解析|解释|调试|分析)(?:一下)?(?:这句话|这句|下面这句话)?\\s*[:：]?\\s*(?<keyword>.+)$'), rule('你怎么理解 <文本>', '(?:怎么|如何|怎样)(?:理解|解析|看)(?:下面)?(?:这句话?|这个句子)?\\s*[:：]?\\s*(?<keyword>.+)$')],
  lobbyWho: [rule('<会议> 有人在等吗', '^(?!有|谁|外面|外边|门外|门口)(?<meeting>[^，,]+?)\\s*(?:的)?(?:大厅|等候室)?(?:里)?(?:现在)?(?:都)?(?:有人|有没有人|有谁|有几个人|有多少人)(?:在)?(?:大厅|等候室)?(?:里)?(?:等|排队)'), rule('<会议> 的大厅', '^(?:查看|谁在|有谁在|有人在|看看)?(?<meeting>.+?)\\s*的?(?:大厅|等候室|门口|门外)'), rule('等待加入 <会议>', '(?:等待|等着|在等|等候)(?:加入|进入|进)\\s*(?![入来去]$)(?<meeting>.+?)(?:的人)?$'),
    // "有人在等周会吗": who waits, then the meeting waited for.
    rule('有人在等 <会议> 吗', '^(?:有人|有没有人|有谁|谁)(?:在)?(?:等着|等待|等候|排队等|等)(?:进入|加入|进)?\\s*(?!会[吗呢没？?]*$)(?<meeting>[^，,吗呢？?\\s着候待进加入][^，,吗呢？?]+?)\\s*(?:吗|呢|没|没有)?[？?]?$')],
  admit: [
    rule('让 <人> 进来', '^(?:让|请|放|准许|允许)\\s*(?<person>.+?)\\s*(?:都|也)?(?:进来|进入|加入|入会|进)(?:\\s*(?<meeting>.+))?$'),
    rule('把 <人> 放进来', '^把\\s*(?<person>.+?)\\s*(?:都|全|全部|全都|也)?(?:(?:放|拉|请|接|带|领|加)进(?:来|去|会)|放行|准入)'),
    rule('把 <人> 放进 <会议>', '^把\\s*(?<person>.+?)\\s*(?:都|全|全部|全都|也)?(?:放进|拉进|请进|带进)\\s*(?<meeting>[^来去\\s].*)$'),
    // "周会那边的访客请放进来": where they wait (a meeting "over there"), who, then let in.
    rule('<会议>那边的<人>请放进来', `${WAITING_OVER_THERE_ZH}(?:都|全|全部|也)?(?:放进来|放进去|放行|拉进来|请进来|接进来|让进来|准入)(?:吧|了)*$`),
    rule('<人> 可以进来了', '^(?<person>[^，,。让把]+?)\\s*(?:可以|能)(?:进来|进入|入会|进会|进)了?'),
    rule('<人> 也放进来', '^(?<person>[^，,。让把]+?)\\s*(?:也|都|就|全)?(?:放进来|放进去|放行|拉进来|请进来|接进来|让进来|让进|放进)'),
    rule('准入 <人>', '^(?:准入|接纳|接受|放行|批准|同意|通过)(?:一下)?\\s*(?<person>.+?)(?:\\s*(?:进入|加入|到)\\s*(?<meeting>.+))?$'),
    // "李娜进来吧": the person, then only the word for coming in.
    rule('<人> 进来吧', '^(?<person>[^，,。让把谁有放拉请]{1,8}?)\\s*(?:也|就|先|都)?(?:进来|进会|入会)$'),
  ],
  reject: [
    // "拒绝季度复盘外面等的那位访客": the meeting, where they wait, then who.
    rule('拒绝 <会议> 外面等的 <人>', '^(?:请|帮我|麻烦)?(?:拒绝|谢绝|驳回)\\s*(?<meeting>[^\\s，,]{2,16}?)\\s*(?:外面|门外|门口|大厅里?|等候室里?)(?:等着?|在等|等候)的\\s*(?<person>[^\\s，,]+)$'),
    rule('不让 <人> 进 <会议>', '^(?:不要放|别放|不准放|不许放|不让|别让|不要让|不准|不许)\\s*(?<person>.+?)\\s*(?:进入|加入|进)\\s*(?<meeting>[^来去入\\s，,的吧了]\\S*)$'),
    rule('不让 <人> 进来', '^(?:不要放|别放|不准放|不许放|不让|别让|不要让|不准|不许)\\s*(?<person>.+?)\\s*(?:进来|进入|加入|入会|进(?=$|[了吧啊哦，,。!！]))'),
    rule('把 <人> 拒之门外', '^把\\s*(?<person>.+?)\\s*(?:都|全|全部|全都)?(?:拒之门外|拒绝|拒掉|拒了|赶走|踢掉|(?:请|赶|踢)出(?:去|大厅|等候室)?)'),
    // "客户回访那个会里的刘总不要放进来": the meeting, who is in it (waiting), then kept out.
    rule('<会议>那个会里的<人>不要放进来', '^(?<meeting>[^\\s，,]{2,16}?)\\s*(?:那个会|这个会|会议)?(?:里|上)的\\s*(?<person>[^\\s，,]{1,10}?)\\s*(?:就)?(?:别|不要|不准|不许|不能)(?:再)?(?:放|让)?(?:他|她|他们|她们)?(?:进来|进去|进入|进会|入会|进)'),
    rule('<人> 不要让他进', '^(?<person>[^，,。让把]+?)\\s*(?:就)?(?:不要|别|不准|不许|不能)(?:再)?(?:让|放)?(?:他|她|它|他们|她们)?(?:进来|进去|进入|进会|进|入会)'),
    // "周会那边的访客请拒绝掉": where they wait (a meeting "over there"), who, then the rejection asked for.
    rule('<会议>那边的<人>请拒绝掉', `${WAITING_OVER_THERE_ZH}(?:都|全|全部)?(?:拒绝|拒掉|拒了|谢绝)(?:掉|了|吧)*$`),
    rule('<人> 都拒绝掉', '^(?<person>[^，,。让把不别]+?)\\s*(?:都|全|全部|也)?(?:拒绝|拒掉|拒了|拒之门外|踢掉|踢出去|请出去)'),
    // "拒绝林怡君进入季度评审": the person, then the meeting they asked to enter.
    rule('拒绝 <人> 进入 <会议>', '^(?:拒绝|驳回|谢绝|不同意|不批准)\\s*(?<person>[^\\s，,]{1,10}?)\\s*(?:的)?(?:进入|加入|参加|进)\\s*(?<meeting>[^来去入\\s，,的吧了][^，,]+)$'),
    rule('拒绝 <人>', '^(?:拒绝|拒掉|拒了|驳回|踢掉|踢出|请走|谢绝)\\s*(?<person>.+)$'),
    // 周会门口那个陌生人请他走: where they wait, who, then asked to leave.
    rule('<会议>门口的<人>请他走', '^(?<meeting>[^\\s，,]{1,12}?)(?:的)?(?:门口|大厅|等候室)(?:里|外)?(?:的)?\\s*(?<person>[^\\s，,]{1,10}?)\\s*[，,]?\\s*(?:请|让|叫)(?:他|她|他们|她们)(?:走|离开|出去|回去)'),
  ],
  watchStart: [
    rule('有人等 <会议> 的时候提醒我', '^有人(?:在)?等(?:着|待)?(?:进|进入|加入)?\\s*(?<meeting>[^，,\\s]{2,16}?)\\s*的时候'),
    // "大厅有人的话通知我，会议是 架构评审": the meeting named in a clause of its own, after the condition or before it.
    rule('…，会议是 <会议>', '(?:^|[，,])\\s*(?:会议|会)(?:是|叫|名是|名称是|名字是)\\s*[:：]?\\s*(?<meeting>[^，,。？?]+?)\\s*(?=$|[，,。])'),
    // "把 X 加入关注": the meeting put on the watch list.
    rule('把 <会议> 加入关注', '^(?:请|帮我|麻烦)?(?:把|将)\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:加入|加到|加进|添加到|放进|放到)(?:我的)?(?:关注|监控|订阅)'),
    rule('关注 <会议>', '^(?:开始)?(?:关注|监控|盯着|盯住|盯一下|盯|跟踪|订阅|留意|看着)(?:一下|点|些)?\\s*(?:我的)?(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的大厅)?$'),
    // "周例会的大厅帮我盯着点": the lobby first, then the watch.
    rule('<会议> 的大厅帮我盯着', '^(?<meeting>[^，,]+?)\\s*的?(?:大厅|等候室)?\\s*(?:帮我|替我|你)?(?:盯着|盯一下|盯住|关注一下|监控一下|看着|盯$)'),
    rule('有人要进 <会议> 的时候', '有人(?:要|想|在|正在)?(?:等着|等待|排队|在等|等)?(?:进|进入|加入|进到)\\s*(?<meeting>[^，,]+?)\\s*(?:的大厅|的等候室)?(?:的时候|时|就|的话|了|，|,)'),
    // "有人在大厅等 客户演示 的时候提醒我": the place first, then the meeting waited for.
    rule('有人在大厅等 <会议> 的时候', '有人(?:在)?(?:大厅|等候室)(?:里)?(?:等|等待|排队)(?:着)?(?:进)?\\s*(?<meeting>[^，,的\\s][^，,]+?)\\s*的?(?:时候|时|的话)'),
    rule('有人在 <会议> 大厅等的时候', '有人(?:在)?\\s*(?!在)(?<meeting>[^，,]{2,}?)\\s*的?(?:大厅|等候室)?里?(?:等|等待|排队)'),
    rule('<会议> 大厅有人的话提醒我', '^(?<meeting>[^，,有]+?)\\s*的?(?:大厅|等候室)(?:里)?有人'), rule('<会议> 有人等的时候提醒我', '^(?<meeting>[^，,有]+?)\\s*的?(?:大厅|等候室)?里?有人(?:在)?(?:大厅|等候室)?(?:里)?(?:等|等待|排队|来了?|到了?|进来|敲门)'),
  ],
  watchStop: [
    // "设计评审的大厅不用再看了" (cues.ts 'a lobby no longer watched'): the meeting whose lobby, first.
    rule('<会议> 的大厅不用再看了', '^(?<meeting>[^，,]+?)\\s*的?(?:大厅|等候室).{0,4}(?:不用|不必|不需要|别|不要)再?(?:看|盯|监控|关注|提醒)'),
    // "关掉季度复盘的大厅提醒": the alerts switched off, the meeting whose lobby they watch between.
    rule('关掉 <会议> 的大厅提醒', '^(?:请|帮我|麻烦)?(?:关掉|关闭|关了|停掉|停止|取消|删掉|去掉)\\s*(?<meeting>[^，,]+?)\\s*的?(?:大厅|等候室)?(?:的)?(?:提醒|通知|推送)'),
    rule('别再提醒我 <会议> 的大厅', '(?:别再|不要再|不用再|不再|停止|不用|不要|别)(?:提醒|通知|盯着?|看着|关注|监控)我?\\s*(?<meeting>.+?)\\s*的?(?:大厅|等候室)'),
    // "别再给我发 招聘面试 的大厅提醒": the alerts of a meeting, no longer to be sent.
    rule('别再给我发 <会议> 的提醒', '(?:别再|不要再|不用再|不再|别)(?:给我)?(?:发|推送?)(?:给我)?\\s*(?<meeting>[^，,]+?)\\s*的(?:大厅|等候室)?(?:的)?(?:提醒|通知)'),
    rule('别再提醒我 <会议> 了', '^(?:别再|不要再|不用再|不再)(?:提醒|通知)我?\\s*(?<meeting>[^，,的]+?)了?$'),
    rule('<会议> 不用盯了', '^(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:的大厅|的等候室)?\\s*(?:就)?(?:不用|不要|别|不必|无需)(?:再)?(?:盯|关注|监控|看着|提醒|通知)(?:着|我)?了?$'),
    rule('不用再盯 <会议>', '^(?:不用再|别再|不要再|不再|不用)(?:盯|关注|监控|看)(?:着)?\\s*(?<meeting>.+?)(?:的大厅)?了?$'),
    rule('取消关注 <会议>', '(?:取消关注|停止关注|不再关注|别再关注|不要再关注|停止监控|取消监控|取消订阅|停止订阅|不再订阅)\\s*(?:我的)?(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的大厅(?:提醒)?)?$'), rule('停止 <会议> 的提醒', '(?:停止|取消|关闭|删除|删掉|去掉)\\s*(?<meeting>.+?)\\s*的(?:大厅|等候室)?(?:提醒|通知)'), rule('<会议> 的提醒关掉', '^(?:把|将)?\\s*(?<meeting>[^，,]+?)\\s*的(?:大厅|候会|等候)?(?:提醒|通知)\\s*(?:关掉|关了|关闭|取消|停掉|停了|不要了|(?:以后|今后)?(?:就)?(?:别|不要|不用)(?:再)?(?:发|提醒|通知))')],
  routeHere: [
    // "在这个频道里通知 产品评审 的等候人员": those waiting for a meeting, announced here.
    rule('在这个频道里通知 <会议> 的等候人员', '(?:这个|本|此|这)(?:频道|群聊|群|聊天|对话|会话)里?.{0,4}(?:通知|提醒|推送)\\s*(?<meeting>[^，,\\s]+?)\\s*的(?:等候|等待|候会)(?:人员|的人|者)'),
    // "让这个聊天也能收到 招聘面试 的提醒": this chat receiving a meeting's alerts.
    rule('让这个群收到 <会议> 的提醒', '(?:这个|本|此|这)(?:频道|群聊|群|聊天|对话|会话)里?(?:也|都)?(?:要|得)?(?:能|可以)?(?:收到|看到|接到|收)\\s*(?<meeting>[^，,]+?)\\s*的(?:大厅|等候室)?(?:的)?(?:提醒|通知)'),
    rule('<会议> 有人等就在这个群里通知', '^(?:以后|今后|之后|往后)?(?<meeting>[^，,]+?)\\s*(?:的)?(?:大厅|等候室)?(?:里)?有人(?:在)?(?:大厅|等候室)?(?:里)?等'), rule('把 <会议> 的大厅提醒', '^(?:把|将)?\\s*(?<meeting>.+?)\\s*的(?:大厅|候会|等候|等待|入会)?(?:提醒|通知)'), rule('发送 <会议> 的提醒', '(?:发送|转发|推送)\\s*(?<meeting>.+?)\\s*的(?:大厅)?(?:提醒|通知)')],
  details: [
    rule('<会议> 的详情', '^(?:查看|显示|看看)?\\s*(?:会议)?\\s*(?<meeting>[^，,。；;]+?)\\s*的?(?:会议)?(?:具体)?(?:是(?:什么|啥)|有什么)?(?:详情|细节|详细信息|详细资料|资料|具体信息|信息|详细情况|情况|设置|设定|入会链接|会议链接|链接|组织者|主持人|会议号|议程)'),
    rule('<会议> 是几点开始的', '^(?:会议)?\\s*(?<meeting>.+?)\\s*(?:是)?(?:几点|什么时候|何时|哪天|几号|星期几|周几|哪一天)(?:能|会|才)?(?:开始|开完|开|结束|召开|散会|的|[？?]?$)'),
    rule('<会议> 锁了吗', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:是不是|是否|有没有)?(?:已经|被)?(?:锁了|锁上了|锁定了|解锁了|开始了|开了|结束了|取消了|删了|删除了|改了|改过了|公开了|挪了|推迟了)(?:吗|没有?|没)'),
    rule('<会议> 是不是已经锁上了', '^(?:会议)?\\s*(?<meeting>.+?)\\s*(?:是不是|是否)(?:已经|被)?(?:锁|解锁|开始|结束|取消|删|改|公开|静音)'),
    rule('查看会议 <会议>', '^(?:查看|显示|打开)\\s*(?:会议)?\\s*(?<meeting>.+)$'),
    // Thirteenth pass: "看看年终总结这个会".
    rule('看看 <会议> 这个会', '^(?:请|帮我|麻烦|给我)?(?:看看|看一下|瞧瞧|瞧一下|查查|查一下|讲讲|说说|介绍一下|介绍介绍)\\s*(?<meeting>[^，,。？?\\s]{2,16}?)\\s*(?:这个|那个|这场|那场)(?:会议|会)'),
  ],
  create: [
    rule('叫 <主题> 的会议', '(?:叫|名为|叫做|主题为|主题是)\\s*(?<subject>.+?)\\s*的(?:会议|会)'),
    rule('约个会，叫 <主题>', '(?:叫做?|名为|主题(?:为|是))\\s*[:：]?\\s*(?<subject>[^，,。；;]+)'),
    // "安排一个 季度规划 的会", "建一个关于渠道拓展的会": the subject said before 的会.
    rule('安排一个 <主题> 的会', `(?:约|订|定|开|安排|创建|新建|预约|建)(?:一个|一场|个|场)(?:新的?)?\\s*(?:关于)?\\s*(?!${ZH_ACCESS_ADJECTIVE}的)(?<subject>[^，,。；;的]+?)\\s*的(?:会议|会)(?!议室)`),
    rule('约一场 <主题> 会', '(?:约|订|定|开|安排|创建|新建|预约|建|组织|发起|召开|举办)(?:一个|一场|个|场)\\s+(?<subject>[^，,。；;\\s]+)\\s+(?:会议|会)(?=[，,。；;\\s]|$)'),
    rule('订个会：<主题>', '(?:约|订|定|开|安排|创建|新建|预约|建|组织|发起|召开|举办)(?:一?个|一场)(?:新的?)?(?:在线|线上|网络|视频|电话)?(?:会议|会)\\s*[:：]\\s*(?<subject>[^，,。；;]+)'),
    rule('安排一个 <主题>会', '(?:安排|创建|新建|预约|约|订|开)(?:一个|一场|个)(?<subject>[^，,。；;\\s]{2,}?会)(?=[，,。；;]|$)'),
    rule('主题 <主题>', '主题(?:为|是)?\\s*[:：]?\\s*(?<subject>.+)$'),
    rule('创建会议 <主题>', `(?:新建|创建|安排|预约|建立|开|建|约|订)(?:一个|一场|个)?(?:新)?(?:${ZH_ACCESS_ADJECTIVE}的)?(?:会议|会(?!议))\\s*[,，:：]?\\s*(?<subject>.+)$`),
    // "约一个 架构讨论，…": the measure word, a space, then the name, without a word for meeting.
    rule('约一个 <主题>', '^(?:约|订|安排|预约|新建|创建)(?:一个|一场|个)\\s+(?<subject>[^，,。；;]+)'),
  ],
  update: [
    // "招聘面试让电话拨入的人直接进来": the meeting glued to who the setting is about.
    rule('<会议>让电话用户直接进', '^(?![不别没要])(?<meeting>[^\\s，,让把将给]{2,16}?)(?:的会议?|会议)?\\s*(?:让|允许|准许)(?:所有)?(?:电话|拨号|拨入)'),
    rule('把 <会议> 的主题改成 <主题>', '^(?:把|将)?\\s*(?<meeting>.+?)\\s*的(?:会议)?(?:主题|标题|名称|名字)(?:改为|改成|设为|换成|改叫|改)\\s*(?<subject>.+)$'),
    rule('把 <会议> 改名叫 <主题>', `^把?\\s*(?<meeting>.+?)\\s*(?:${ZH_RENAME}|换(?:个|一个)?名字?(?:为|成|叫做?)?)\\s*[，,]?\\s*(?:叫做?|改成|改为)?\\s*(?<subject>[^\\s，,].*)$`),
    rule('把 <会议> 改为 <设置>', `^把\\s*(?<meeting>.+?)\\s*${ZH_MOVE}\\s*(?<rest>.+)$`),
    rule('<会议> 改成 <设置>', `^(?:会议)?\\s*(?<meeting>[^，,把]+?)\\s*${ZH_MOVE}\\s*(?<rest>.+)$`),
    // "预算会，电话入会的人也得在大厅等": the meeting named alone, then the setting.
    rule('<会议>，<设置>', '^(?:会议)?\\s*(?<meeting>[^，,\\s]{2,20}?)\\s*[，,]\\s*(?<rest>.*(?:电话|拨入|所有人|任何人|受邀|公司内部|锁定|解锁).*)$'),
    // "周例会电话入会的人也要在大厅等": the meeting, glued to the phone users' setting.
    rule('<会议> 电话入会的人…', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>(?!不要|别|不让|不准|不许)[^，,\\s]{2,16}?)\\s*(?:的|里|里的)?(?:电话|拨号|拨入)(?:入会|接入|用户|参会|进来)'),
    // "周例会只让公司内部的人进", "让周例会所有人都可以进": who may enter, after the meeting.
    rule('<会议> 只让 <谁> 进', '^(?:让|把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,\\s]{2,16}?)\\s*(?:的)?(?:只|仅)?(?:让|允许|准许|限)?(?<rest>(?:所有人|任何人|大家|公司内部|公司里|本公司|企业内部|受邀|被邀请).*(?:进|加入|入会|参加).*)$'),
    // "预算评审延长到下午5点结束": the meeting made to end at a time.
    rule('<会议> 延长到 <时间> 结束', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,把]+?)\\s*(?:延长|延到|延后|推迟|提前|改)(?:到|至)\\s*(?<rest>[^，,]+?结束)$'),
    rule('<会议> 推迟一个小时', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,把]+?)\\s*(?:推迟|推后|延后|延期|提前|往后推|往前挪|往后挪)(?<rest>.+)$'),
    // 锁定周会, 把复盘会锁上: the meeting's access set to Locked.
    rule('锁定 <会议>', '^(?:锁定|锁上|锁住)(?:会议)?\\s*(?<meeting>[^，,\\s]{2,20}?)(?:吧|一下)?$'),
    rule('把 <会议> 锁上', '^(?:把|将)\\s*(?:会议)?\\s*(?<meeting>[^，,]{2,20}?)\\s*(?:锁上|锁定|锁住|锁起来)(?:吧|一下)?$'),
    rule('修改会议 <会议>', '^(?:修改|更新|编辑|调整)(?:会议)?\\s*(?<meeting>.+?)(?:\\s*的(?:时间|设置|主题))?$'),
  ],
  delete: [rule('<会议> 不开了', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:不开了|取消了|不用开了|不要了)'), rule('<会议> 删除', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:删除|删掉|删了|取消掉|取消)(?:吧|掉)?了?$'), rule('不用开 <会议> 了', '^(?:不用|不必|不需要|别)(?:再)?开\\s*(?<meeting>.+?)了?$'), rule('删除会议 <会议>', '^(?:删除|删掉|删了|取消|移除)(?:掉)?(?:我的)?(?:会议)?\\s*(?<meeting>.+?)(?:吧|了|呗)*$'), rule('把 <会议> 删掉', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:删掉|删除|取消|删了)')],
  extensionsList: [
    rule('<会议> 的扩展', '^(?:列出|查看|显示|看看|看一下)?\\s*(?<meeting>.+?)\\s*上?的(?:扩展|自定义数据)'),
    // "周会有什么自定义数据": what the meeting has, asked.
    rule('<会议> 有哪些扩展', '^(?:列出|查看|显示|看看|看一下)?\\s*(?<meeting>[^，,。]+?)\\s*(?:上|里)?(?:有|带)(?:哪些|什么|几个)(?:扩展|自定义数据)'),
    rule('<会议> 有哪些扩展', '^(?:列出|查看|显示|给|在)?\\s*(?<meeting>.+?)\\s*(?:上|里)?(?:都)?(?:有哪些|有什么|有没有|挂了|挂着|有|加了|加过|添加了|添加过)(?:什么|哪些)?的?(?:扩展|自定义数据|插件)'), rule('会议扩展 <会议>', '扩展\\s*(?<meeting>.+)$')],
  extensionsAdd: [rule('把扩展加到 <会议> 上', '扩展.*?(?:加到|加进|添加到|挂到|放到|绑到|装到)\\s*(?<meeting>[^，,]+?)\\s*(?:上|里)?(?:去|吧)?$'), rule('给 <会议> 添加扩展', '(?:给|为|替|帮(?!我|忙|一下)|向|在|往)\\s*(?<meeting>.+?)\\s*(?:上|里)?(?:添加|加|新增|增加|挂上|挂|装|绑)'), rule('<会议> 加个扩展', '^(?!添加|新增|增加)(?<meeting>[^，,]+?)\\s*上?(?:添加|加|新增|增加)(?:一个|个|一条|条)?扩展'), rule('添加扩展 <id> 到 <会议>', '扩展\\s*(?:[A-Za-z0-9][\\w.-]*\\s*)?(?:到|给)\\s*(?<meeting>.+)$')],
  groupMembers: [
    // "上海团队谁有空": asked with the presence watch (cues.ts 'who of a group is free, asked'), the same group.
    rule('<分组> 谁有空', '^(?:看看|看一下|查查|查一下)?\\s*(?<group>[^，,\\s]{1,12}?)\\s*(?:这个分组|这个组)?(?:里|中|里面)?(?:的人)?(?:现在|目前)?(?:都)?(?:有)?谁(?:有空|在线|空闲|闲着|上线|有时间)'),
    rule('<分组> 里有谁', '^(?:分组)?\\s*(?<group>.+?)\\s*(?:这个(?:分组|组)|分组)?(?:里|中|内)?(?:面)?(?:都)?(?:有谁|有哪些人|有什么人|有几个人|有多少人)'),
    rule('分组 <分组> 的成员', '^(?:列出|列一下|列下|查看|查一下|显示|看看|看一下)?\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?(?:里|中|内)?(?:面)?的?(?:成员|联系人|人)(?:有哪些|都有谁|是谁)?[吗？?]*$'),
    rule('分组 <分组> 里的成员', '^(?:列出|列一下|列下|查看|查一下|显示|看看|看一下)?\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?(?:里|中|内)?(?:面)?的?(?:成员|联系人)'),
  ],
  groupCreate: [rule('叫 <分组> 的分组', '(?:叫做?|名为)\\s*(?<group>.+?)\\s*的(?:联系人)?(?:分组|组)'), rule('创建一个 <分组> 分组', '(?:创建|新建|新增|建立|添加|建|加)(?:一个|个)\\s*(?!(?:联系人)?(?:分组|小组|组))(?<group>[^\\s，,]{1,20}?)\\s*(?:联系人)?(?:分组|组)(?:吧|呗|啊)?$'), rule('创建分组 <分组>', '(?:创建|新建|新增|建立|添加|建|加)(?:一个|个)?(?:新的?)?(?:联系人)?(?:分组|小组|组)\\s*[:：，,]?\\s*(?:(?:名字|名称)?(?:叫做?|名为|是))?\\s*[:：]?\\s*(?<group>.+)$')],
  groupRename: [
    rule('把 <分组> 这个组重命名为 <新名>', `^(?:把|将)?\\s*(?<group>.+?)\\s*(?:这个(?:分组|组)|分组)\\s*(?:的?(?:名字|名称))?\\s*(?:${ZH_RENAME}|改成|改为|换成|换为)\\s*[，,]?\\s*(?:叫做?)?\\s*(?<newName>.+)$`),
    rule('把分组 <分组> 改名为 <新名>', '(?:分组)\\s*(?<group>.+?)\\s*(?:的(?:名字|名称))?(?:改叫|更名为|改名为|改名成|改名叫|重新命名为|重新命名成|重命名为|重命名成|改为|改成|换成|换为|为)\\s*(?<newName>.+)$'),
    rule('<分组> 重命名为 <新名>', `^(?<group>[^\\s，,把]+?)\\s*${ZH_RENAME}\\s*[，,]?\\s*(?:叫做?)?\\s*(?<newName>[^\\s，,].*)$`),
    rule('把 <分组> 改名为 <新名>', `^把\\s*(?<group>.+?)\\s*${ZH_RENAME}\\s*[，,]?\\s*(?:叫做?)?\\s*(?<newName>.+)$`),
    // "外包组改成 合作方": a name ending in 组 changed to another is the group's rename (objectKind.ts groupNamedAsMeeting).
    rule('<…组> 改成 <新名>', '^(?:把|将)?\\s*(?<group>[^\\s，,把]+?组)\\s*(?:的?(?:名字|名称))?\\s*(?:改成|改为|换成|换为|改叫|改名叫|改名为)\\s*(?<newName>[^\\s，,].*)$'),
    // "外包团队改成外部合作": a name ending in people is a group's, offered first (objectKind.ts saysOtherKindOnly).
    rule('<…团队> 改成 <新名>', `^(?:把|将)?\\s*(?<group>[^\\s，,把]+?${PEOPLE_WORDS_ZH})\\s*(?:的?(?:名字|名称))?\\s*(?:改成|改为|换成|换为|改叫|改名叫|改名为)\\s*(?<newName>[^\\s，,].*)$`),
  ],
  groupDelete: [rule('不要 <分组> 这个组了', '^(?:我)?(?:不要|不需要|用不着)(?:了)?\\s*(?<group>\\S+?)\\s*(?:这个|那个)?(?:分组|组)了?$'), rule('删除分组 <分组>', '(?:删除|移除|删掉|删了|去掉)(?:联系人)?分组\\s*(?<group>.+)$'), rule('删掉 <分组> 这个分组', '^(?:删除|删掉|删了|移除|去掉)\\s*(?<group>.+?)\\s*(?:这个)?(?:分组|组)$'), rule('把分组 <分组> 删掉', '分组\\s*(?<group>[^，,]+?)\\s*(?:删掉|删除|移除|删了)'), rule('分组 <分组> 不用了', '^(?:把|将)?(?:联系人)?分组\\s*(?<group>[^，,]+?)\\s*(?:就)?(?:不要了|不用了|用不着了|没用了|不需要了)'), rule('<分组> 分组不要了', '^(?:把|将)?\\s*(?<group>[^，,]+?)\\s*(?:这个)?(?:分组|组)\\s*(?:就)?(?:不要了|不用了|用不着了|没用了|不需要了|删了|删掉|删除|移除|去掉|解散)'), rule('把 <分组> 这个分组删了', '^把\\s*(?<group>.+?)\\s*(?:这个(?:分组|组)|分组)\\s*(?:删了|删掉|删除|移除)')],
  groupPresence: [
    // "订阅分组 合作伙伴 的上线状态": the word 分组 first, then the group, then its status.
    rule('订阅分组 <分组> 的在线状态', '^(?:帮我|请|麻烦|替我)?(?:订阅|关注|跟踪|盯着|盯住|监控|留意)(?:一下)?\\s*(?:联系人)?分组\\s*(?<group>[^，,\\s]+?)\\s*(?:里)?(?:的人|成员)?的?(?:在线状态|上线状态|上下线状态|在线情况|上线情况|上下线情况|状态)'),
    rule('盯着 <分组> 谁在线', '^(?:帮我|请|麻烦|替我)?(?:盯着|盯住|盯一下|盯|看着|留意|关注|跟踪)(?:一下)?\\s*(?<group>[^，,\\s]{2,12}?)(?:里)?(?:的人)?(?:现在|目前)?(?:谁在线|在线情况|在不在线|谁上线|上下线|谁有空|谁空闲|谁闲着|谁有时间)'),
    // "帮我盯着 X 这个分组谁在线": a watch verb, the group, then who is online in it.
    rule('盯着 <分组> 这个分组谁在线', '^(?:帮我|请|麻烦|替我)?(?:盯着|盯住|盯一下|盯|关注|跟踪|订阅|留意|监控)(?:一下)?\\s*(?:分组)?\\s*(?<group>.+?)(?:\\s*(?:这个分组|这个组|分组)|\\s+组)\\s*(?:里|的|里的人|的人|成员)?(?:谁在线|在线情况|在线状态|上线情况|上线状态|上下线情况|上下线状态|谁上线|谁下线|上下线|在不在线)'),
    rule('关注 <分组> 的状态', '(?:关注|订阅|查看|跟踪|看到|知道|了解|盯着|盯住|盯一下|留意|关心)\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?(?:成员|里的人|的人|联系人|里的联系人)?的(?:在线|上线|忙闲|上下线|在线和忙闲)?状态'),
    rule('分组 <分组> 的在线状态', '^(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的(?:在线)?状态'),
    // "家人分组谁上线了告诉我", "大学同学有人上线了告诉我": who of the group, then coming online.
    rule('<分组> 他们上线了', '^(?<group>[^，,]+?)\\s*(?:分组|组)?(?:现在|目前)?(?:他们|她们|那些人|的人|里的人|的成员|里谁|里有人|里有谁|有人|有谁|谁)(?:谁)?(?:上线|下线|在线|有空)'),
    // "球友上线的时候告诉我": the group, coming online, then being told.
    rule('<分组> 上线的时候告诉我', '^(?<group>[^，,\\s]{2,12}?)\\s*(?:分组|组)?(?:里)?(?:的人|的成员|成员)?(?:上线|下线|在线|有空)了?(?:的时候|时|就)?\\s*(?:告诉|通知|提醒|叫)我'),
    rule('<分组> 的人在线吗', '^(?<group>.+?)\\s*(?:分组|组)?(?:的人|里的人|的成员)(?:在线|有空|上线|下线)'),
  ],
  groupPresenceStop: [
    rule('停止关注 <分组> 的状态', '(?:(?:不用|不必|无需|不需要|不要|别)再?(?:关注|订阅|跟踪|盯(?:着|住)?|看(?:着)?)|停止关注|取消关注|不再关注|别再关注|不要再关注|取消订阅|停止订阅|不再订阅|停止跟踪|不再跟踪|别再跟踪|取消跟踪|停止|关闭|关掉|(?:别再|不要再|不用再)(?:告诉|通知|提醒)我?|(?:别再|不要再|不用再|别)(?:给我)?推(?:送)?|停止推送|取消|去掉|删掉|停掉)\\s*(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的?(?:(?:在线|上线|上下线)?状态|(?:上下线|上线|下线|在线)的?(?:提醒|通知|推送))'),
    // "读书会的人上下线别再通知我了": the group's people coming and going, no longer told.
    // "华东大客户组上下线不用再通知我了": the group by its kind (组), then its people coming and going, no longer told.
    // "老同事上线不用通知我了", "设计团队上下线不用再通知我了": a name of people, then their coming online no longer told.
    rule('<同事>上线不用通知我了', `^(?<group>[^\\s，,]{1,12}?(?:${PEOPLE_WORDS_ZH}|部))(?:的人)?(?:的)?(?:上下线|上线|下线|在线状态|状态).{0,4}(?:别|不要|不用|不再|停|取消|关)`),
    rule('<…组>上下线别再通知我', '^(?:分组)?\\s*(?<group>[^\\s，,]+?)\\s*(?:分组|组)(?:里)?(?:的(?:人|成员))?(?:的)?(?:上下线|上线|下线|在线状态|状态).{0,4}(?:别|不要|不用|不再|停|取消|关)'),
    // "别再告诉我实习生谁上线了": no longer told, then who of the group comes online.
    rule('别再告诉我<分组>谁上线了', '^(?:别再|不要再|不用再|别)(?:告诉|通知|提醒|推送|推|发)我?\\s*(?<group>[^，,\\s]{1,12}?)\\s*(?:分组|组)?(?:里)?(?:的人)?(?:的)?(?:谁|有人)?(?:上线|下线|在线|上下线)'),
    rule('<分组>的人上下线别再通知我', '^(?:分组)?\\s*(?<group>[^\\s，,]+?)\\s*(?:分组|组)?(?:里)?的(?:人|成员)(?:的)?(?:上下线|上线|下线|在线状态|状态).{0,4}(?:别|不要|不用|不再|停|取消|关)'),
    rule('<分组> 的状态不用再关注了', '^(?:分组)?\\s*(?<group>.+?)\\s*(?:分组)?的(?:(?:在线)?状态|(?:上下线|上线|下线|在线)的?(?:提醒|通知|推送)).*(?:不用|不要|不再|别|停|取消|关)'),
  ],
  huaweiEnd: [rule('<会议> 可以结束了', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:结束|关闭|终止)(?:掉|了|吧)*$'), rule('结束会议 <会议>', `^(?:结束|关闭|终止|停止|${EN_VERB.end})(?:会议|${EN_MEETING})?\\s*(?<meeting>.+?)(?:\\s*这个会议)?$`), rule('把会议 <会议> 结束掉', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:结束|关闭|终止)')],
  huaweiMute: [
    // "把季度发布会的静音解除": the mute named as a thing, then lifted.
    rule('把 <会议> 的静音解除', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*的?(?:全体|全员|全部|所有人)?静音\\s*(?:给)?(?:取消|解除|关掉|关了|去掉|撤掉|解开|放开)'),
    rule('会议 <会议> 全体静音', '^(?:取消|解除)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的?(?:取消|解除)?(?:全体|全部|全员|所有人|大家)静音'),
    rule('全体静音 <会议>', '(?:全体|全部|所有人)?静音\\s*(?:会议)?\\s*(?<meeting>.+)$'),
    rule('mute <会议>', `^${EN_VERB.mute}(?:${EN_EVERYONE})?(?:会议|${EN_MEETING})?\\s*(?<meeting>.+)$`),
    rule('把 <会议> 全部静音', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:全部|全体|全员|所有人|大家|的人)?(?:都)?(?:静音|禁言|闭麦)'),
    rule('让 <会议> 里的人都可以说话', '^(?:让|允许)\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:里|中)?的?(?:人|大家|所有人|全员)'),
  ],
  huaweiLock: [rule('锁一下 <会议>', '^(?:锁住|锁一下|锁(?![定上住起]))(?:一下)?\\s*(?:会议)?\\s*(?<meeting>[^\\s，,了吧].*)$'), rule('把 <会议> 的锁解开', '^(?:把|将)?\\s*(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*的锁\\s*(?:给)?(?:解开|打开|取消|解除|去掉|撤掉)'), rule('锁定会议 <会议>', `^(?:锁定|解锁|锁上|解除锁定|取消锁定|${EN_VERB.lock})(?:会议|${EN_MEETING})?\\s*(?<meeting>.+)$`), rule('把会议 <会议> 锁上', '^把\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:锁上|锁定|解锁|锁住|锁起来|锁了|锁$)'), rule('<会议> 锁一下', '^(?:会议)?\\s*(?<meeting>[^，,]+?)\\s*(?:锁一下|锁住|锁上|锁定|锁起来|解锁|解除锁定|取消锁定|锁了?$)')],
  huaweiParticipants: [
    rule('会议 <会议> 里有谁', '^(?:会议)?\\s*(?<meeting>.+?)\\s*(?:里|中|内)?(?:面)?(?:现在|目前|当前)?(?:都)?(?:有谁|有哪些人|是谁|有多少人|有几个人)'),
    rule('谁在会议 <会议> 里', '^谁在\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*(?:里|中)'),
    rule('<会议> 的参会人', '^(?:列出|查看|显示)?\\s*(?:会议)?\\s*(?<meeting>.+?)\\s*的(?:参会人|与会者|参会者)'),
  ],
  huaweiAdmitWaiting: [rule('<会议> 等候室', '^(?:让|准入|把|将)?\\s*(?:会议)?\\s*(?<meeting>.{2,}?)\\s*的?等候室'), rule('等候室全部准入 <会议>', '等候室.*?(?:准入|进来)\\s*(?:会议)?\\s*(?<meeting>.+)$')],
  huaweiKeyword: [
    rule('关于 <关键词> 的', '(?:关于|有关(?!于|的)|主题为|主题是|名为|包含)\\s*(?<keyword>.+?)\\s*的'),
    // "正在开的会里有讲产品的吗": a meeting that talks about something, asked for.
    rule('有讲 <关键词> 的', '(?:有|有没有)(?:在)?(?:讲|谈|聊|说|讨论)\\s*(?<keyword>[^\\s，。的]{1,12}?)\\s*的'),
    rule('关键词：<关键词>', '(?:关键词|关键字|搜索词)\\s*(?:是|为)?\\s*[:：]?\\s*(?<keyword>[^\\s，。？?]+)'),
    rule('标题里有 <关键词>', '(?:标题|名字|名称|主题)(?:里|中)?(?:有|含|包含|带)(?:有)?\\s*[“"「]?(?<keyword>[^\\s，。的？?”"」]+)'),
    rule('跟 <关键词> 有关的', '(?:跟|和|与)\\s*(?<keyword>[^\\s，。的]{1,12}?)\\s*(?:有关|相关)'),
    rule('有 <关键词> 相关的', '(?:里|中)?有(?:没有)?(?:哪些|什么|啥)?\\s*(?![跟和与])(?<keyword>[^\\s，。的]{1,12}?)\\s*(?:相关|有关)的?'),
    rule('<关键词> 相关的', '^(?:列出|查看|看看|找一下|搜一下|搜索|搜|查找|查一下)?\\s*[:：]?\\s*(?<keyword>[^\\s，。的]{1,12}?)\\s*(?:相关|有关)的'),
    rule('… 会议：<关键词>', '(?:会议|会)\\s*[:：]\\s*(?<keyword>[^\\s，。？?]+)$'),
    rule('搜一下 <关键词>', '(?:搜一下|搜索|搜|查找|找一下|查一下)\\s*[:：]?\\s*(?:(?:正在|在)开的|进行中的|之后的|安排的|预定的|预约的|即将召开的|接下来的)?\\s*(?<keyword>[^\\s，。？?]+?)(?:\\s*会议|\\s+会|的(?:会议|会)?)?[。？?]?$'),
    // "看看预约的 招聘 会议": a word set apart by spaces between 预约的 and 会议 is what the meetings are about.
    rule('预约的 <关键词> 会议', '(?:预约|预定|安排|计划)的\\s+(?!所有|全部)(?<keyword>[^\\s的，。]{1,12})\\s+(?:会议|会)'),
    // 预定的培训会议有哪些: booked, then what the meetings are about, glued.
    rule('预定的<关键词>会议有哪些', '(?:预约|预定|安排|计划)的\\s*(?!所有|全部|哪些|这些|那些|几个|我的|我们的)(?<keyword>[^\\s的，。]{2,8}?)\\s*(?:会议|会)(?:都)?(?:有哪些|有什么|有几个|有吗|呢)'),
    // "有没有预约好的培训会议": booked ahead (预约好的, 安排好的), then what the meetings are about.
    rule('预约好的 <关键词> 会议', '(?:预约|预定|安排|排|订)(?:好|过)的\\s*(?!所有|全部)(?<keyword>[^\\s的，。]{2,12}?)\\s*(?:会议|会)(?:吗|呢)?[？?]?$'),
    // "正在开的 发布 相关会议": 相关 may stand before 会议.
    // 正在进行的招聘会议, 即将召开的财务会议: a state (running, about to start), then what the meetings are about.
    rule('正在开的 <关键词> 会议', '(?:正在开|在开|进行中|正在进行|在进行|即将召开|即将开始|将要召开|马上要开|待开)的\\s*(?!所有|全部|哪些|这些|那些|几个|[一两二三四五六七八九十]个|我的|我们的|今天|明天|后天|本周|这周|下周)(?<keyword>[^\\s的，。]{1,12}?)\\s*(?:相关|有关)?的?\\s*(?:会议|会)'),
    // 搜索进行中的会议 安全: a search that names the meetings first, then the word set apart at the end.
    rule('搜索…会议 <关键词>', '(?:搜一下|搜索|搜|查找|找一下|查一下).*?(?:会议|会)\\s+(?!谢谢|多谢|吧|呢|吗|好吗|可以吗|行吗)(?<keyword>[^\\s，。？?的]{1,12})[。？?]?$'),
    rule('<关键词> 在开的会', '^(?:看看|查看)?(?!现在|目前|当前|今天|所有|全部|哪些|有哪些|有什么|正在)(?<keyword>[^\\s的，。]{1,12}?)\\s*(?:正在|在)(?:开|进行)的?(?:会议|会)'),
  ],
} as const;

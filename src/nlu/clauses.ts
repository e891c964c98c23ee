/**
 * Where the command sits in a sentence of several clauses. People put the reason or the person first and the
 * command last ("Priya's good, let her through", "we're finished in 917700112, end it", "刘洋是我们的供应商，让他进来"),
 * or the command first and a remark after it ("admit Lee, he's the contractor", "把赵磊拒掉，他不是我们组的"). A
 * colleague reads the command clause and takes "her"/"it"/"他" to mean what the other clause named; so does this.
 * Hand-written: no coreference resolver on npm runs offline in a millisecond, and chat sentences have one or two
 * clauses whose shapes are few.
 */

export interface CommandClause {
  /** The sentence as the command reads: the command clause, its pronoun replaced by what it refers to. */
  text: string;
  /** What was done, for "explain"; empty when the sentence was left as typed. */
  notes: string[];
  /** Set when a later clause asks for what the first one tells ("the standup got moved to 3pm, please update it"). */
  askedFor?: boolean;
}

// Words that open a sentence without being part of the command ("yes let dave in", "nope, deny Jessica").
const INTERJECTION_EN = /^(?:(?:yes|yeah|yep|yup|ok|okay|sure|alright|oh|um|uh|hmm)\b[,.!:]?|(?:no|nope|nah|right|well|great|good|cool|fine|perfect|thanks|got it|understood|hi|hello|hey|no worries|no problem|all good|sounds good|thank you|awesome|nice|cheers|(?:ok|okay|alright) then)\s*[,.!:])\s*/iu;

// A trailing clause after a comma (or " and ping me …", " and who can join?") that opens with a pronoun, a reason,
// thanks or a second question says why or asks more, not what: it is left out before reading the command.
// "let rajesh in pls he's presenting": a please typed in place of the comma ends the command as well.
const TRAILING_CLAUSE_EN = /\s*(?:[,;?!]|\.(?=\s)|\s-\s|\s(?:pls|plz|please)(?=\s+(?:he|she|they|it)(?:['’]\w+| is| are)\s)|\s(?=and (?:ping|tell|notify|let) me\b)|\s(?=and (?:who|what|when|where|how|whether)\b)|\s(?=and (?:is|are|does|do|can|will|has|was) (?:it|there|they|that|this)\b)|\s(?=so (?:that )?(?:you|i|we|they) (?:can|could|will|may)\b))\s*(?:(?:he|she|they|we|i|it|you|that|this|there)(?:['’]\w+)?\b|because\b|since\b|as\b|so (?:that|the|i|we|you|they)\b|thanks\b|thank you\b|thx\b|cheers\b|if you can\b|when you (?:can|get)\b|and (?:ping|tell|notify|let) me\b|and (?:who|what|when|where|how|whether)\b|and (?:is|are|does|do|can|will|has|was) (?:it|there|they|that|this)\b|(?:the|my|our|his|her|their) (?:[\p{L}-]+ ){0,2}(?:is|was|are|were|has|have|had|ended|finished|started|got|went|will|needs?|wants?|can|could|should|just|backed|pulled|dropped|cancell?ed|canceled|moved|left|quit|changed|decided)\b|(?:are|is) (?:there )?(?:people|anyone|anybody|someone|somebody|folks|guests|visitors)\b|(?:any (?:guests|people|visitors|folks|callers)|anyone|anybody)(?: (?:there|waiting|in it|yet))?\s*\??\s*$|wrong (?:meeting|call|lobby|room|person|guy|number|one)\b|not (?:on the (?:invite|list|guest list)|invited|expected|welcome|one of us|supposed to be (?:here|there|in it))\b|(?:no|never) (?:invite|invitation)\b|(?:a |an )?(?:stranger|intruder|spammer|gatecrasher)\b).*$/iu;

// "… here so Jen can admit people too": a purpose clause whose subject is a person named by a capital says why.
// "… here so the team can admit people": so is a team or a role ("the hosts", "my co-organisers") — unless what they
// may do is come in, which is who may enter, a setting ("change Board prep so the whole team can join").
const TRAILING_PURPOSE_EN = /\s+so (?:that )?(?:(?![Aa]nyone\b|[Ee]veryone\b|[Ee]verybody\b|[Oo]nly\b|[Pp]eople\b|[Nn]obody\b)\p{Lu}\p{L}+|(?:the|my|our) (?:\p{L}+[- ])?\p{L}+) (?:can|could|will|may|is able to|are able to)\b(?! (?:join|get in|enter|come in|come into|dial in|attend|get into|be let in)\b).*$/u;

const NO_INVITE_NEEDED_EN = /\s*[,;]\s*no invit\w*(?: (?:needed|required|necessary))?\s*[.!]*$/iu;
// Who the "no invite needed" is about: only a sentence that lets everyone or anyone in sets who may join.
const ANYONE_EN = /\b(?:everyone|anyone|everybody|anybody)\b/iu;

// "lock down Ops review so nobody new can join": why a meeting is locked is what locking does, not who the command is
// about (the classifier heard "can join" and offered to admit a person called "lock down Ops review so nobody new").
// CK: "make sprint demo locked, nobody new gets in" (it made a group "sprint demo locked").
const LOCK_PURPOSE_EN = /^((?:please\s+)?(?:lock\b.+?|(?:make|set|change|switch|turn)\b.+?\block\w*))[,;]?\s+(?:so (?:that )?)?(?:nobody|no one|noone|no-one)(?: (?:new|else|more|other))? (?:(?:can|could|will|may) (?:join|get in|enter|come in|get into|sneak in)|gets in|comes in|joins|sneaks in)\b.*$/iu;

// The verbs a command clause opens with (imperative), so "…, let her through" is known to be the command.
const COMMAND_OPENING_EN = /^(?:please\s+)?(?:admit|let|allow|bring|accept|approve|reject|deny|decline|refuse|turn|send|kick|block|remove|delete|cancel|erase|drop|get rid of|trash|scrap|watch|monitor|track|follow|unwatch|stop|create|schedule|book|set|make|add|attach|put|rename|call|name|change|update|modify|edit|move|reschedule|mute|unmute|silence|lock|unlock|end|terminate|close|finish|kill|post|route|forward|show|list|tell|give|keep|ping|alert|notify|open|describe|check|shut|hang up|wrap up|empty|clear|unlock|reopen)\b/iu;

// "Customer onboarding should be open to everyone, pls change it": the change is what the first clause says should be;
// "change it" adds only the request.
const DO_IT_EN = /^(.+?)\s*(?:[,;]|\.\s|\s-\s)\s*(?:(?:please|pls|so|then|now|just|can you|could you|would you|go ahead and|and)\s+)*(?:change|update|do|fix|set|apply|make|sort) (?:it|that|this)(?: (?:so|happen|up|out|for me|please|pls|now|thanks|thx|asap))*\s*[.!?]*$/iu;
const SHOULD_BE_EN = /^(.+?) (?:should|must|needs to|has to|ought to) (?:now )?be (.+)$/iu;

// "we're over time, shut down 930417586", "it's finished, end it", "she's with me, let anna in": a remark about the
// situation, then the command.
const SITUATION_EN = /^(?:we|i|it|they|he|she|this|that|everyone|everybody|the (?:call|meeting|conference))(?:['’](?:re|s|m|ve|ll|d)\b| (?:are|is|am|were|was|have|had|will|need|should|can|cant|wont|dont|just|already)\b)|^(?:the )?(?:people|everyone|everybody|folks|guests|attendees|participants)(?: (?:in|on|at) \S+)? (?:can|could|should|may) (?!.*\b(?:lobby|waiting)\b)/iu;

// "I might watch it later, but first what are the settings of …": what is asked first is the command.
const BUT_FIRST_EN = /^[^,;]+?\s*[,;]?\s+but (?:first|before that|before (?:you|we) do that|for now|right now)\s*[,:]?\s+(.+)$/iu;

// "before I admit anyone, who's in the Town Hall lobby?": what the person will do next is not what they ask now.
const BEFORE_I_EN = /^(?:before|after) (?:i|we) [^,;]+[,;]\s*(.+)$/iu;

const NAMED_AFTER_EN = /^(.+?\b(?:him|her)\b.*?)\s*(?:\s[-–—]\s*|:\s*|,\s*)(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})\s*[.!]?$/u;
// "let em in", "let 'em in": them, typed as said.
const PRONOUN_EN = /\b(?:him|her|them|em|it|(?:that|this) (?:meeting|call|one|group))\b|['’]em\b/iu;
const THING_EN = /^(?:that|this) (?:meeting|call|one|group)$/u;
const NOT_AN_ANTECEDENT = /^(?:i|we|you|he|she|they|it|this|that|there|here|nobody|no one|noone|someone|somebody|what|who|which|everything|nothing|the meeting|the call)$/iu;

/** The English sentence as its command reads (see the module comment). */
export function englishCommand(input: string): CommandClause {
  const notes: string[] = [];
  let askedFor = false;
  let text = input.trim();
  const interjection = INTERJECTION_EN.exec(text);
  if (interjection && wordCount(text.slice(interjection[0].length)) >= 2) {
    notes.push(`"${interjection[0].trim()}" opens the sentence, not the command`);
    text = text.slice(interjection[0].length);
  }
  // "let her in - Jenny Liu": a name added after the command is who its "him"/"her" is.
  const namedAfter = NAMED_AFTER_EN.exec(text);
  if (namedAfter?.[1] && namedAfter[2] && COMMAND_OPENING_EN.test(namedAfter[1])) {
    notes.push(`"${namedAfter[1].match(/\b(?:him|her)\b/iu)?.[0]}" is ${namedAfter[2]}`);
    text = namedAfter[1].replace(/\b(?:him|her)\b/iu, namedAfter[2]);
  }
  const afterThat = BEFORE_I_EN.exec(text)?.[1];
  if (afterThat && wordCount(afterThat) >= 2) {
    notes.push(`"${text.slice(0, text.length - afterThat.length).trim()}" says when, not what`);
    text = afterThat;
  }
  const first = BUT_FIRST_EN.exec(text)?.[1];
  if (first && wordCount(first) >= 2) {
    notes.push(`"${first}" comes first; what is put off is not the command`);
    text = first;
  }
  const wanted = DO_IT_EN.exec(text)?.[1];
  if (wanted && wordCount(wanted) >= 3 && !COMMAND_OPENING_EN.test(wanted)) {
    // "X should be open to everyone" asked for is "make X open to everyone": the request keeps its verb of change.
    const state = SHOULD_BE_EN.exec(wanted);
    const command = state ? `make ${state[1]} ${state[2]}` : wanted;
    notes.push(`"${text.slice(wanted.length).replace(/^[\s,;.-]+/u, '')}" asks for what "${wanted}" says: "${command}"`);
    text = command;
    askedFor = true;
  }
  const resolved = pointsBackAtRemark(text) ? undefined : resolveLeadingContext(text) ?? afterSituation(text);
  if (resolved) {
    notes.push(resolved.note);
    text = resolved.text;
  }
  // "let everyone join Budget sync, no invite needed": who may join, said after a comma, is part of the command.
  if (ANYONE_EN.test(text)) text = text.replace(NO_INVITE_NEEDED_EN, ' without an invite');
  const cut = text.replace(TRAILING_CLAUSE_EN, '').replace(TRAILING_PURPOSE_EN, '').replace(LOCK_PURPOSE_EN, '$1');
  if (cut !== text && wordCount(cut) >= 2) {
    notes.push(`"${text.slice(cut.length).replace(/^[\s,;?!.-]+/u, '')}" says why or asks more, not what`);
    text = cut;
  }
  return askedFor ? { text, notes, askedFor } : { text, notes };
}

/**
 * "I dont care if Berlin office is online anymore, stop that": a bare verb that points back at what the person no
 * longer cares about takes its meaning from that remark, not a noun in it: the whole sentence is read.
 */
function pointsBackAtRemark(text: string): boolean {
  const split = /^([^,;:]+?)\s*[,;]\s*(.+)$/u.exec(text);
  return split !== null && NO_LONGER_WANTED_EN.test(split[1] ?? '') && /^\S+ (?:that|it|this|them|those)(?: (?:off|down|out))?(?: (?:please|pls|now|then|thanks))?[.!]?$/iu.test(split[2] ?? '');
}

const NOT_NEEDED_EN = /^(?:dont|don['’]t|do not) need\b/iu;
const CREATION_EN = /^(?:please\s+)?(?:create|make|start|set up|setup|add|new|book|schedule|organi[sz]e|arrange)\b/iu;

// Only caring: "we don't need Vendor kickoff anymore, delete it" names what "it" is, and is read so.
const NO_LONGER_WANTED_EN = /\b(?:dont|don['’]t|do not|no longer|never) care\b/iu;

// "i need a 30 min call at 11am named Quick catchup, open to everyone": a meeting wished for is the command (a booking),
// and what follows it is its setting, not a command of its own.
const BOOKING_WISHED_EN = /^(?:i|we) (?:need|want|would like|d like)\b.*\b(?:meeting|call|mtg|session|sync|conference)\b/iu;

/** "<remark about the situation>, <command>" → the command. */
function afterSituation(text: string): { text: string; note: string } | undefined {
  const split = /^([^,;:]+?)\s*[,;]\s*(.+)$/u.exec(text);
  const [, head = '', tail = ''] = split ?? [];
  if (!split || !SITUATION_EN.test(head) || BOOKING_WISHED_EN.test(head) || !COMMAND_OPENING_EN.test(tail) || wordCount(tail) < 2) {
    return undefined;
  }
  // "it's too noisy in 612908451, mute everybody": the meeting the remark names is the command's.
  const id = conferenceIdIn(head);
  const command = id && !/\d{6,12}/u.test(tail) ? `${tail} in ${id}` : tail;
  return { text: command, note: `"${head}" describes the situation; the command is "${command}"` };
}

/** "<context>, <command with a pronoun>" → the command with the pronoun replaced by what the context named. */
function resolveLeadingContext(text: string): { text: string; note: string } | undefined {
  // "we don't need Onboarding - cohort 3 any more, delete that meeting": a dash inside a name is no clause break
  // when a comma comes after it, so the comma is tried too.
  const atDash = /^([^,;:]+?)\s*(?:[,;]|\s-\s|:\s)\s*(.+)$/u.exec(text);
  const atComma = /^([^,;]+?)\s*[,;]\s*(.+)$/u.exec(text);
  return (atDash && resolveSplit(atDash)) ?? (atComma && atComma[1] !== atDash?.[1] ? resolveSplit(atComma) : undefined) ?? undefined;
}

function resolveSplit(split: RegExpExecArray): { text: string; note: string } | undefined {
  const [whole = '', head = '', typed = ''] = split;
  // "Budget review's over, you can stop watching it": the politeness before the command is not the command.
  const tail = typed.replace(/^(?:(?:you can|you could|you may|could you|can you|would you|please|pls|just|so|then|now|go ahead and|feel free to|ok|okay)\s+)+(?=\S+\s)/iu, '');
  // "Board prep: make it so …": a name before a colon is what the command's "it" refers to.
  const topic = whole.slice(head.length).trimStart().startsWith(':') && wordCount(head) <= 5 && !COMMAND_OPENING_EN.test(head) ? head : undefined;
  if (topic && /\bit\b/iu.test(tail) && COMMAND_OPENING_EN.test(tail)) {
    return { text: tail.replace(/\bit\b/iu, topic), note: `"it" in "${tail}" is ${topic}` };
  }
  const approved = APPROVAL_EN.test(tail) && !COMMAND_OPENING_EN.test(head) ? antecedentIn(head, true) : undefined;
  if (approved) {
    // "Sarah from Fabrikam is waiting, she's fine": the person vouched for is let in.
    return { text: withMeetingOf(head, `admit ${approved}`), note: `"${tail}" vouches for ${approved}` };
  }
  const subject = SUBJECT_MAY_ENTER_EN.exec(tail);
  if (subject && !COMMAND_OPENING_EN.test(head)) {
    // "Tom's cool, he can join": the pronoun is the subject, and the clause is the command.
    const who = antecedentIn(head, true);
    return who ? { text: withMeetingOf(head, tail.replace(subject[1] ?? '', who)), note: `"${subject[1]}" in "${tail}" is ${who}` } : undefined;
  }
  // "i'd like to rename Exec Assistants, make it EA Network": after a rename, what "it" is made or called is its new name.
  const renamedTo = /\brename\b(?!.*\bto\b)/iu.test(head) ? /^(?:make|change|call|name) it(?: to| into)? (.+)$/iu.exec(tail) : null;
  if (renamedTo) {
    return { text: `${head} to ${renamedTo[1]}`, note: `"${tail}" says what "${head}" renames to` };
  }
  // "I need a new group, call it Book club", "make a group for the vendors, call it Vendor folks": "it" is the thing
  // being named, wished for or made ("cancel Retro, call it off" names nothing).
  const naming = /^(?:call|name) (?:it|them) (?!off\b|a day\b|quits\b)(.+)$/iu.exec(tail);
  if (naming && (!COMMAND_OPENING_EN.test(head) || CREATION_EN.test(head))) {
    return { text: `${head} called ${naming[1]}`, note: `"call it ${naming[1]}" names what "${head}" asks for` };
  }
  // "don't need Design Crew anymore, delete it": a thing no longer needed is a remark, though it opens like a command.
  if ((COMMAND_OPENING_EN.test(head) && !NOT_NEEDED_EN.test(head)) || !COMMAND_OPENING_EN.test(tail)) {
    return undefined;
  }
  if (!PRONOUN_EN.test(tail)) {
    return undefined;
  }
  const waiting = whoeverWaits(head);
  const them = /(?:\b(?:them|em|him|her)|['’]em)(?: (?:all|both))?\b/iu.exec(tail)?.[0];
  if (waiting && them) {
    // "905112233 folks are waiting, let them through": the id the remark names is where they wait.
    const id = conferenceIdIn(head);
    const who = id && !/\d{6,12}/u.test(tail) ? `everyone waiting in ${id}` : waiting;
    return { text: tail.replace(them, who), note: `"${them}" in "${tail}" is ${who}` };
  }
  const pronoun = tail.match(PRONOUN_EN)?.[0].toLowerCase() ?? '';
  // "delete that meeting", "cancel this one": a demonstrative points back at a thing, like "it".
  const thing = pronoun === 'it' || THING_EN.test(pronoun);
  const antecedent = antecedentIn(head, !thing);
  if (!antecedent) {
    return undefined;
  }
  // "delete that group": the noun a demonstrative carries says what kind of thing the antecedent is (a group is no
  // meeting), so it stays: "delete the Golf Club group". A meeting is what a bare name means anyway.
  const noun = /^(?:that|this) (group)$/iu.exec(pronoun)?.[1];
  const bare = antecedent.replace(/^(?:the|my|our)\s+/iu, '').replace(/\s+group$/iu, '');
  const command = tail.replace(PRONOUN_EN, noun && !/^["“']/u.test(antecedent) ? `the ${bare} ${noun}` : antecedent);
  return { text: thing ? command : withMeetingOf(head, command), note: `"${tail.match(PRONOUN_EN)?.[0]}" in "${tail}" is ${antecedent}` };
}

const APPROVAL_EN = /^(?:he|she|they)(?:['’]s|['’]re| is| are)? (?:fine|ok|okay|good|cool|legit|expected|with (?:me|us)|one of us|allowed|safe)\b/iu;
// "he can join", "she may come in": a person as subject, allowed in — an admission said without a command verb.
const SUBJECT_MAY_ENTER_EN = /^(he|she|they)\s+(?:can|may|should|is allowed to|are allowed to|is ok to|is fine to)\s+(?:join|come in|come through|get in|enter|go in|be let in)\b/iu;
// The meeting a context clause names for a person ("Jonas is waiting for Q1 planning", "Sarah shouldn't join Board
// prep", "Raj is here for Budget review"): the command clause is about that meeting too.
// "Tom isn't invited to Board prep", "Lee is expected at the Vendor sync" name the meeting too.
const MEETING_IN_CONTEXT_EN = /\b(?:waiting (?:for|in|on|to join)|here for|outside|in the lobby (?:of|for)|(?:join|enter|attend|be in)|(?:invited|expected|welcome|on the (?:invite|list)) (?:to|at|in|for))\s+(?!(?:the )?(?:lobby|meeting|call|us|it|them)$)(.+)$/iu;

// "someone's waiting in Budget review", "there are guests in the Launch lobby", "two people waiting in 912345678": nobody
// named, only that people wait, and where.
// Chat spellings (ppl, peeps) count as people.
const PEOPLE_WAITING_EN = /^(?:there(?:['’]s| is| are) )?(?:(?:some|a few|a couple of|a couple|two|three|four|several|\d+|new|more) )?(?:people|ppl|peeps|guests|visitors|folks|attendees|callers|someone|somebody|a guest|a visitor|a caller|one person)\b(?:['’]s|['’]re| are| is)?(?: (?:still|now|already))?(?: (?:waiting|stuck|sitting|queued|queueing|knocking))?(?: (.+))?$/iu;

/** Everyone waiting (where the first clause says) when it says only that people wait: what "them" then means. */
function whoeverWaits(head: string): string | undefined {
  const said = PEOPLE_WAITING_EN.exec(head);
  if (!said) return undefined;
  const where = said[1]?.trim() ?? '';
  // Huawei calls it a waiting room, Skype for Business a lobby: the word said keeps saying which.
  const room = /\bwaiting room\b/iu.test(where) ? 'waiting room' : 'lobby';
  if (!where || /^(?:(?:in|at|outside) )?(?:the )?(?:lobby|waiting room)$/iu.test(where)) return `everyone in the ${room}`;
  const meeting = /^(?:in|at|for|on|to join|outside) (?:the )?(?:lobby|waiting room) (?:of|for) (.+)$/iu.exec(where)?.[1]
    ?? /^(?:in|at|for|on|outside) (?:the )?(.+?) (?:lobby|waiting room)$/iu.exec(where)?.[1]
    ?? /^(?:in|at|for|on|to join|outside) (?:the )?(.+)$/iu.exec(where)?.[1];
  if (!meeting) return undefined;
  return /^\d[\d ]{4,}\d$/u.test(meeting) ? `everyone waiting in ${meeting}` : `everyone in the ${room} of ${meeting.replace(/^the /iu, '')}`;
}

/** The command with the meeting its context named, unless the command names one itself. */
function withMeetingOf(head: string, command: string): string {
  const meeting = MEETING_IN_CONTEXT_EN.exec(head)?.[1]?.trim();
  // "Aisha can join now, she's with me": "now" says when, it names no meeting.
  if (!meeting || /^(?:now|right now|too|as well|again|today|already|soon)$/iu.test(meeting) || /\b(?:for|to|into|from|in) \S+ \S+/iu.test(command.replace(/\b(?:let|bring|get) \S+ in$/iu, ''))) {
    return command;
  }
  return `${command} for ${meeting}`;
}

// A conference id standing as a word of its own (ids typed in groups were joined before the clauses are read:
// text.ts joinSpacedIds).
function conferenceIdIn(text: string): string | undefined {
  return /(?<![\p{L}\d])\d{6,12}(?![\p{L}\d])/u.exec(text)?.[0];
}

/** What "it" (a thing) or "him/her/them" (people) in the command clause refers to in the context clause. */
function antecedentIn(head: string, people: boolean): string | undefined {
  const id = conferenceIdIn(head);
  if (id && !people) {
    return id;
  }
  const quoted = /"([^"]+)"|“([^”]+)”|'([^']+)'/u.exec(head);
  if (quoted) {
    return `"${quoted[1] ?? quoted[2] ?? quoted[3] ?? ''}"`;
  }
  const candidates = [
    /\bwho (.+?) (?:is|was)$/iu.exec(head)?.[1],
    /^(?:(?:i|we) )?(?:don['’]?t|do not|no longer|won['’]?t) (?:need|want|use|care about|like)(?: to keep)? (.+?)(?: (?:anymore|any more|any longer|now))?$/iu.exec(head)?.[1],
    // "we're done with the Hiking group, delete that group": what someone is done with.
    /^(?:i|we)(?:['’]re|['’]m| are| am) (?:done|finished|through) with (.+?)(?: (?:now|for good))?$/iu.exec(head)?.[1],
    // "Bob said he's waiting, let him in": who said so is who "him" is.
    /^(.+?) (?:said|says|told (?:me|us)|mentioned|texted|messaged|emailed)(?: that)? (?:he|she|they)\b/iu.exec(head)?.[1],
    /^(.+?)(?:['’]s\b| is\b| are\b| was\b| has\b| should(?:n['’]?t)?\b| can(?:['’]?t|not)?\b| will\b| won['’]?t\b| isn['’]?t\b| doesn['’]?t\b| wasn['’]?t\b| weren['’]?t\b| aren['’]?t\b| didn['’]?t\b| looks\b| seems\b| just\b)/iu.exec(head)?.[1],
  ];
  // "the caller on 0412 555 019": a number typed in groups counts as one word.
  const found = candidates.map((c) => c?.trim()).find((c): c is string => !!c && !NOT_AN_ANTECEDENT.test(c) && wordCount(c.replace(/(?<=\d)\s+(?=\d)/gu, '')) <= 5);
  // "people are stuck in …, let them join", "611842097 has people waiting, let them in": "them" is whoever waits,
  // never a meeting id; the sentence reads well as typed.
  const waiting = people && (/^\d+$/u.test(found ?? '') || /\b(?:people|ppl|peeps|guests|visitors|folks|someone|somebody|attendees)\b/iu.test(head));
  return found && people && (waiting || /^(?:the )?(?:people|ppl|peeps|guests|visitors|folks|everyone|everybody|they|all)\b/iu.test(found)) ? undefined : found;
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/u).filter(Boolean).length;
}

// Chinese: a remark after the command ("把赵磊拒掉，他不是我们组的") starts with a pronoun, a reason or thanks.
const TRAILING_CLAUSE_ZH = /[，,；;]\s*(?:他|她|它|他们|她们|因为|由于|谢谢|多谢|辛苦|麻烦了|拜托|方便|好让|以便|便于|这样(?:大家|我们|你们|主持人|团队)?(?:就)?(?:能|可以)).*$|[，,；;]\s*(?:别|不要|不准|免得|省得|以免)(?:再)?(?:让|有)?(?:人|别人|其他人|任何人|外人|新人)(?:再)?(?:进|加入|混进).*$/u;
// "把年会锁住，别让人再进来": the second clause says why, and names nobody to turn away.
const PRONOUN_ZH = /他们|她们|他|她|它/u;
const COMMAND_OPENING_ZH = /^(?:请|麻烦|帮我|就|都|全|快|赶紧)?(?:让|把|拒绝|准入|放|关注|取消|删|结束|静音|锁|创建|新建|添加|给|查看|显示|列出)/u;

/** "953781264 有人" (someone in X) is no name: whoever waits there, when a first clause says only that. */
function whoeverWaitsZh(antecedent: string): string | undefined {
  const place = /^(.+?)\s*(?:里面?|那边|这边|的?(?:大厅|等候室)里?)?\s*有(?:人|几个人|几位|客人|访客)$/u.exec(antecedent)?.[1];
  return place ? `${place}里等着的人` : undefined;
}

/** A first clause's subject short enough to be a name or a place: a meeting id in it counts as one word. */
function shortAntecedent(antecedent: string): boolean {
  return antecedent.replace(/\d[\d ]{4,}\d/gu, '#').length <= 12;
}

/** The Chinese sentence as its command reads. */
export function chineseCommand(input: string): CommandClause {
  const notes: string[] = [];
  let text = input.trim();
  const split = /^([^，,；;]+)[，,；;]\s*(.+)$/u.exec(text);
  if (split) {
    const [, head = '', tail = ''] = split;
    const antecedent = /^(.+?)(?:是|已经|在|也|不|就|刚|说|可以|没|到了|来了)/u.exec(head)?.[1];
    if (!COMMAND_OPENING_ZH.test(head) && COMMAND_OPENING_ZH.test(tail) && PRONOUN_ZH.test(tail) && antecedent && !/[我你他她它咱]/u.test(antecedent) && shortAntecedent(antecedent)) {
      // "韩雪在周例会大厅等着呢，放她进来": where they wait names the meeting, kept as "周例会大厅里的韩雪".
      const lobby = /在\s*([^\s，,]{2,16}?)\s*的?(?:大厅|等候室)/u.exec(head)?.[1];
      // "953781264 有人在等，让他们进来": "someone in X" is no name; the pronoun is whoever waits there.
      const waiting = whoeverWaitsZh(antecedent);
      const who = waiting ?? (lobby ? `${lobby}大厅里的${antecedent}` : antecedent);
      notes.push(`"${tail.match(PRONOUN_ZH)?.[0]}" 指 ${who}`);
      text = tail.replace(PRONOUN_ZH, who);
    }
    // "王磊不是我们的人，拒了吧", "李娜是客户，放进来吧": who the first clause is about, then a bare lobby verb acting on them.
    const bare = /^(?:就|直接)?(都)?((?:拒了|拒掉|拒绝|踢了|踢掉|踢出去|请出去|放进来|让进来|请进来|放行|放进去))(?:吧|了|掉|呗|哈)*[。!！]*$/u.exec(tail);
    if (bare?.[2] && antecedent && !COMMAND_OPENING_ZH.test(head) && !/[我你他她它咱]/u.test(antecedent) && shortAntecedent(antecedent)) {
      // "987654321有人在等，都放进来": whoever waits there, all of them.
      const who = whoeverWaitsZh(antecedent) ?? antecedent;
      notes.push(`"${bare[2]}" acts on ${who}`);
      text = `把${who}${bare[1] ?? ''}${bare[2]}`;
    }
  }
  // "我不需要周例会了，删了吧": what is not needed, then a bare verb: the verb acts on it.
  // "我们不需要周例会了，删掉那个会": the second clause may point back at it (那个会, 它).
  const unneeded = /^(?:我们?|咱们)?(?:不需要|不要|用不着|不用)([^，,]{2,16}?)了?[，,]\s*((?:就)?(?:删|取消|结束|锁)[^，,]{0,3}?)(?:那个会|这个会|那场会?|这场会?|它)?(?:吧|了)?$/u.exec(text);
  if (unneeded?.[1] && unneeded[2]) {
    notes.push(`"${unneeded[2]}" acts on ${unneeded[1]}`);
    text = `把${unneeded[1]}${unneeded[2]}`;
  }
  // "季度规划取消吧，删了": a bare verb after the comma repeats the command the first clause gave.
  // The name is what the first clause gave up; the command is the second clause's verb acting on it.
  const repeated = /^(?:把|将)?\s*([^，,]{2,16}?)\s*(?:就)?(?:取消|删除|删掉|删了|删|不要了|不用了|不需要了|不开了|不用开了|结束|关掉)(?:吧|了|掉|呗)*[，,]\s*(?:就|直接)?((?:删|删掉|删了|删除|取消|取消掉|结束|关掉)(?:了|吧|掉|呗)*)[。!！]*$/u.exec(text);
  if (repeated?.[1] && repeated[2]) {
    notes.push(`"${repeated[2]}" repeats the command on ${repeated[1]}`);
    text = `把${repeated[1]}${repeated[2]}`;
  }
  const cut = text.replace(TRAILING_CLAUSE_ZH, '');
  if (cut !== text && cut.length >= 2) {
    notes.push(`"${text.slice(cut.length + 1)}" says why, not what`);
    text = cut;
  }
  return { text, notes };
}

import type { Language } from './recognition.js';

/**
 * Text preparation shared by the classifier and the entity extractors: mention leftovers, language, tokens.
 * Tokens keep the user's original spelling (`original`) next to the matching form (`norm`), so entities can be
 * read from the matching form yet reported in the user's casing.
 */

export interface Token {
  /** As typed (quotes removed from quoted phrases). */
  original: string;
  /** Lower-case, apostrophes dropped, typo-corrected; what patterns and the classifier see. */
  norm: string;
  /** A "quoted phrase": never corrected, always one entity value. */
  quoted: boolean;
  /** The free-standing dash (- or –) that stood before the word ("Interview - Anna"): names keep it as typed. */
  dashBefore?: string;
  /** A free-standing + or & before the word ("Team lunch + demo", "Sales & marketing"): names keep it too. */
  joinerBefore?: '+' | '&';
  /** Set when a comma or semicolon stood before the word: a name ends there ("for Q1 planning, type Undefined"). */
  clauseBefore?: boolean;
}

// Teams removes the bot's own <at> mention, but copies, forwards and other clients leave "@MeetingBot" or
// "<at>MeetingBot</at>" behind. An "@name" is only a mention at a word start, so e-mail addresses survive.
const AT_TAG = /<at>[^<]*<\/at>/giu;
const LEADING_MENTION = /^(?:\s*@[\p{L}\p{N}_.-]+(?:\s+bot)?[\s,:;]*)+/iu;
const TRAILING_MENTION = /(?:[\s,]+@[\p{L}\p{N}_.-]+)+\s*$/iu;
const MENTION_WORD = /(^|\s)@(?:meeting[\s_-]?bot|meetingops|bot)\b[\s,:;]*/giu;

/**
 * Every mention pattern needs an "@" or an "<at>" tag, and nearly no message has either: four Unicode-aware
 * replaces on each message were ~1.5 % of a command's CPU in the bench, so a text with neither character only has its
 * spaces collapsed, which is all the full path would do to it.
 */
export function removeMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return collapseSpaces(text);
  return removeMentionsFully(text);
}

// Emoji and their modifiers (skin tones, variation selectors, joiners, keycaps) say how, never what: "让他们都进来吧 👍".
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu;
const HAS_EMOJI = /\p{Extended_Pictographic}/u;

/** The text without emoji; a text without any is returned as it is. */
export function removeEmoji(text: string): string {
  return HAS_EMOJI.test(text) ? collapseSpaces(text.replace(EMOJI, ' ')) : text;
}

// "terminate 955 031 840", "show meeting 921-738-496": a nine-digit conference id read out in threes is one id. A phone
// number is grouped otherwise (0412 555 019, +1 425 555 0100) or has a country code before it, so it stays as typed.
const SPACED_ID = /(?<![\d+][\s-]?)(?<![\d+])\b(\d{3})([ -])(\d{3})\2(\d{3})\b(?![\s-]?\d)/gu;

/** Conference ids typed in groups of three, joined into the id. */
export function joinSpacedIds(text: string): string {
  return text.replace(SPACED_ID, '$1$3$4');
}

/** Exported for the test that holds the shortcut above equal to it. */
export function removeMentionsFully(text: string): string {
  return collapseSpaces(text
    .replace(AT_TAG, ' ')
    .replace(MENTION_WORD, '$1')
    .replace(LEADING_MENTION, '')
    .replace(TRAILING_MENTION, ''));
}

const SPACES = /\s+/gu;

function collapseSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /[\p{L}]/gu;

/** 'zh' when most letters are Han characters (or the locale says zh-*), else 'en'. */
export function detectLanguage(text: string, locale?: string): Language {
  if (locale && /^zh\b/iu.test(locale)) {
    return 'zh';
  }
  const han = text.match(CJK)?.length ?? 0;
  // Letters are counted only when there is Han to weigh them against: the count is an array of every letter, made
  // for each message, and without Han the answer is 'en' whatever it says.
  if (han === 0) return 'en';
  const letters = text.match(LETTER)?.length ?? 0;
  // A Han character carries about a word; weigh it against Latin letters per word so that
  // "结束会议 Budget review" still counts as Chinese.
  return han * 4 >= letters - han ? 'zh' : 'en';
}

// Chat shorthand for days ("tmrw 2pm", "2nite"): the time recognizer reads only the words, so they are spelled out
// in the text itself; a name never is one of them.
const TIME_SHORTHAND: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:tmrw|tmrow|tmr|tmw|tomo|tomoz|2moro|2morrow|2mrw|tommorow|tommorrow|tomorow|tomorrw)\b/giu, 'tomorrow'],
  [/\b(?:2nite|tonite|2night)\b/giu, 'tonight'],
  [/\b(?:tdy|2day)\b/giu, 'today'],
  [/\bnxt\b/giu, 'next'],
];

// Command verbs typed short or glued ("resched", "letin", "mut"): too far from the word for the typo corrector, which
// only repairs one edit in words it knows, so they are spelled out before anything reads the sentence.
const COMMAND_SHORTHAND: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:resched|reschd|rescheduel|reshedule)\b/giu, 'reschedule'],
  [/\bletin\b/giu, 'let in'],
  [/\b(?:mut|mte|muet)\b(?=\s+(?:every|all|them|the|every1|evry))/giu, 'mute'],
  [/\b(?:unmut|unmte)\b/giu, 'unmute'],
  // Thirteenth pass: "turn off mute-all for <id>": the hyphenated control is the words "mute all".
  [/\b(un)?mute-all\b/giu, '$1mute all'],
  // "turn off the all-mute for <id>": the same control, named the other way round.
  [/\b(?:all-mute|global mute)\b/giu, 'mute all'],
  // "turn off everyone's mic in <id>": the microphones of all, switched off or on, are the mute.
  [/\b(?:turn|switch|shut) off (?:everyone'?s|everybody'?s|all(?: the)?|their|all of their|the) mic(?:rophone)?s?\b/giu, 'mute everyone'],
  [/\b(?:turn|switch) on (?:everyone'?s|everybody'?s|all(?: the)?|their|all of their|the) mic(?:rophone)?s?\b/giu, 'unmute everyone'],
  // "pls del grp Old vendors": delete and group, typed short.
  [/^((?:(?:pls|plz|please|kindly|can you|could you|hey|ok|okay),? )*)del\b/giu, '$1delete'],
  [/\bgrps?\b/giu, 'group'],
  // "lck 912345678", "unlck it": lock, typed without its vowel.
  [/\b(un)?lck\b/giu, '$1lock'],
  // "hlp pls": help, typed short.
  [/^hlp\b/giu, 'help'],
  // "any1 waiting 4 Sprint Review?": anyone, and "for" typed as a digit after a verb of waiting.
  [/\b(any|every|some|no)1\b/giu, '$1one'],
  [/\b(wait|waits|waiting|waited|looking|ready|queued|here|there) 4 (?=\p{L})/giu, '$1 for '],
  // "ok let thm all in": them, typed short.
  [/\bthm\b/giu, 'them'],
  // "rename Q3 Hires -> Q3 2025 Hires": an arrow between two names is "to".
  [/\s+(?:-+>|=+>|→|⇒)\s+/gu, ' to '],
];

const ENGLISH_SHORTHAND = [...TIME_SHORTHAND, ...COMMAND_SHORTHAND];
const MAY_HOLD_SHORTHAND = matchesAny(ENGLISH_SHORTHAND.map(([pattern]) => pattern));

/** English chat shorthand spelled out: days first, then command verbs. */
export function expandShorthand(text: string): string {
  // A text no pattern matches is unchanged by every replace; one combined test costs less than the twenty replaces
  // (8.8 → 5.9 µs a sentence in a warm loop, issue 12), and nearly no sentence holds shorthand.
  return MAY_HOLD_SHORTHAND(text) ? expandShorthandFully(text) : text;
}

/** Exported for the test that holds the shortcut above equal to it. */
export function expandShorthandFully(text: string): string {
  return ENGLISH_SHORTHAND.reduce((out, [pattern, word]) => out.replace(pattern, word), text);
}

/**
 * A test true when one of `patterns` matches: their sources joined as alternatives, one regex per set of flags (less
 * the g, which a test does not need). A source that refers back to a group by number or name could not be joined
 * faithfully, so its set's test is always true.
 */
function matchesAny(patterns: readonly RegExp[]): (text: string) => boolean {
  const byFlags = new Map<string, string[]>();
  for (const pattern of patterns) {
    const flags = pattern.flags.replace('g', '');
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), pattern.source]);
  }
  const tests = [...byFlags].map(([flags, sources]): ((text: string) => boolean) => {
    if (sources.some((source) => /\\(?:[1-9]|k<)/u.test(source))) return () => true;
    const joined = new RegExp(sources.map((source) => `(?:${source})`).join('|'), flags);
    return (text) => joined.test(text);
  });
  return (text) => {
    for (const test of tests) if (test(text)) return true;
    return false;
  };
}

// Meeting slang for the microphone (闭麦, 关麦, 开麦, 把大家的麦都关了): the patterns and the classifier know the mute as 静音.
const MIC_OFF = /闭麦|关麦|禁麦|关(?:掉|闭|上)?麦克风?|(?<=的)麦克?风?(?:都|全)?关(?:掉|上)?了?/gu;
const MIC_ON = /开麦|(?:打开|开启)麦克风?/gu;

export function micAsMute(text: string): string {
  return text.replace(MIC_OFF, '静音').replace(MIC_ON, '取消静音');
}

// Traditional characters of the command words, read as their simplified forms (會議 → 会议, 讓…進來 → 让…进来):
// the patterns and the classifier are written in simplified Chinese. Names keep whatever the conversion gives.
const TRADITIONAL = '會議讓進來關註刪組廳誰開結鎖靜單請這個們時間點週後幫設訂狀態線擴號碼撥詳資訊顯謝煩參與錄準絕別監視無須預約題權為華雲現頁綁聯帳內變換從說話讀麼沒還嗎裡裏對該應員體場暫啟動戶電邊門見夠將隊團聽語卻務專業報營銷產評審復盤訓練階處長負責兩萬億機構級備稱問總談論選項載樣幾歡閉標簽計劃實際導師書寫發認證聲數據經驗禮頻給帶閱繼續財規則範圍網絡習學課溝辦創擇鐘離覺歷東車區層屬隨傳麥鬆於採購檢訪舊剛歸僅細歲齊類舉決況淨遲兒過當張陳劉楊黃趙吳孫鄭馬錢葉許鄧蕭韓馮蔣羅戰緊術輪廣頭腦風險稅簡測試運維護雜買賣貨價質費調適達遠飯氣熱溫響樂藝醫藥療園圖畫館廠倉庫職獎勵獲勝敗爭紀憶雙賽貼擔憂慮懷殺鮮鳥魚龍麗蘭燈爐齡韻頂順領顧額願飛驚鬧齒嚴壓廁廚彈徵擁擊攝樓欄殘滿濕灣爺猶獨環畢異盡確礎禍竊筆紅納紙紹終統絲綠緒編縣績繩繳罰聞膽興艦莊蘇虛補裝複覽觀記訴診詢詩誤諸謂講識譯豐貝貴貸貿賓賞賴趕跡蹤軍軟較輕輸轉農連遊違遙遞鄉醜釋鐵錯鍵鎮閃閒闆陸陽隱隻雖難霧靈韋頓飄餘騎騰鬥絡節鏈義協幹戲濟獻壞牆織擋攔掃憑鄰兌啓夥繞囉';
const SIMPLIFIED = '会议让进来关注删组厅谁开结锁静单请这个们时间点周后帮设订状态线扩号码拨详资讯显谢烦参与录准绝别监视无须预约题权为华云现页绑联账内变换从说话读么没还吗里里对该应员体场暂启动户电边门见够将队团听语却务专业报营销产评审复盘训练阶处长负责两万亿机构级备称问总谈论选项载样几欢闭标签计划实际导师书写发认证声数据经验礼频给带阅继续财规则范围网络习学课沟办创择钟离觉历东车区层属随传麦松于采购检访旧刚归仅细岁齐类举决况净迟儿过当张陈刘杨黄赵吴孙郑马钱叶许邓萧韩冯蒋罗战紧术轮广头脑风险税简测试运维护杂买卖货价质费调适达远饭气热温响乐艺医药疗园图画馆厂仓库职奖励获胜败争纪忆双赛贴担忧虑怀杀鲜鸟鱼龙丽兰灯炉龄韵顶顺领顾额愿飞惊闹齿严压厕厨弹征拥击摄楼栏残满湿湾爷犹独环毕异尽确础祸窃笔红纳纸绍终统丝绿绪编县绩绳缴罚闻胆兴舰庄苏虚补装复览观记诉诊询诗误诸谓讲识译丰贝贵贷贸宾赏赖赶迹踪军软较轻输转农连游违遥递乡丑释铁错键镇闪闲板陆阳隐只虽难雾灵韦顿飘余骑腾斗络节链义协干戏济献坏墙织挡拦扫凭邻兑启伙绕啰';
const TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((char, i) => [char, SIMPLIFIED[i] ?? char]));
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'gu');

// 著 is also a simplified character (著名, 著作); after a verb it is the aspect particle 着 (等著, 盯著).
const ZHU_AS_ZHE = /(?<=[等盯看留守跟望])著/gu;

export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL_CHAR, (char) => TO_SIMPLIFIED.get(char) ?? char).replace(ZHU_AS_ZHE, '着');
}

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([...'一二三四五六七八九十'].map((char, index) => [char, index + 1]));

/** A Chinese numeral from one to ten (两 is two, as in 两个半小时 or 第两页), as a number; undefined for anything else. */
export function chineseDigit(char: string): number | undefined {
  return CHINESE_DIGITS.get(char === '两' ? '二' : char);
}

// A module constant: hasHan is asked several times a recognition, and a regex literal is a new object each time.
const HAN = /[\u3400-\u9fff]/u;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

const QUOTED = /"([^"]+)"|“([^”]+)”|「([^」]+)」|‘([^’]+)’|'([^']+)'(?=[\s,.!?;:]|$)/gu;
// Words: letters/digits with inner apostrophes, dots, @, colons (3:30), hyphens, slashes; e-mail/SIP addresses stay whole.
// A glued & stays inside a name (R&D, Q&A); # or + before a digit is part of it (#7, +1 425 …).
const WORD = /(?:[#+](?=\p{N})|[\p{L}\p{N}])(?:[\p{L}\p{N}'’@:_/+-]|&(?=[\p{L}\p{N}])|\.(?=[\p{L}\p{N}]))*/gu;

/**
 * Splits English text into tokens; punctuation is dropped, quoted phrases become one token.
 * Tokenising was the largest allocator of a recognition (~3 KB of ~20 KB for "who's in the lobby"): matchAll clones
 * its pattern and allocates an iterator, and every regex literal in a loop is a new object each time it is reached
 * (~90 bytes). So QUOTED and WORD are read with exec from lastIndex 0 (neither matches an empty string, so the loops
 * advance as matchAll's did), and pushWords's patterns are module constants.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  QUOTED.lastIndex = 0;
  for (let match = QUOTED.exec(text); match; match = QUOTED.exec(text)) {
    pushWords(text.slice(last, match.index), tokens);
    const phrase = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '').trim();
    if (phrase) {
      tokens.push({ original: phrase, norm: phrase.toLowerCase(), quoted: true });
    }
    last = match.index + match[0].length;
  }
  pushWords(text.slice(last), tokens);
  return tokens;
}

// Words that label what follows a colon rather than start a name ("group: Vendors", "subject: Q3 plan").
const LABEL_BEFORE_COLON = /^(?:re|fyi|note|group|grp|groups|subject|title|topic|name|named|called|meeting|meetings|mtg|call|conference|id|extension|type|keyword|keywords|search|person|who|when|time|date|agenda|q|question|hi|hey|hello|bot|meetingbot|ok|okay|also|then|pls|please|reminder|update|urgent|quick|ps|btw)$/iu;

// "Mr. Tanaka": the dot of a title belongs to the name.
const TITLE = /^(?:mr|mrs|ms|dr|prof|mx)$/iu;
const FREE_DASH = /^\s+([-–])\s+$/u;
// A comma, or a sentence's end ("watch the finance close? I'll be presenting"): a name ends there. So does an em
// dash ("Sales & Ops weekly — join link, access"): names keep a hyphen or an en dash, never an em dash.
const CLAUSE_BREAK = /[,;，；?!？！—]|\.\s/u;
const WITH_SLASH = /^w\/$/iu;
const TRAILING_MARKS = /['’:@_/+-]+$/u;
const OPENING_BRACKET_LAST = /[(（[【]$/u;
const CLOSING_BRACKET_FIRST = /^[)）\]】]/u;
const CAPITAL_OR_DIGIT_AFTER_SPACE = /^ [\p{Lu}\d]/u;
const FREE_JOINER = /^\s+([+&])\s+$/u;

function pushWords(text: string, tokens: Token[]): void {
  let end = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const gap = text.slice(end, match.index);
    const dashBefore = tokens.length > 0 ? FREE_DASH.exec(gap)?.[1] : undefined;
    const clauseBefore = tokens.length > 0 && CLAUSE_BREAK.test(gap);
    end = match.index + match[0].length;
    if (TITLE.test(match[0]) && text[match.index + match[0].length] === '.') {
      tokens.push({ original: `${match[0]}.`, norm: normWord(match[0]), quoted: false });
      end += 1;
      continue;
    }
    // "1:1 w/ Marco": "w/" is "with", and a name keeps it as typed.
    if (WITH_SLASH.test(match[0])) {
      tokens.push({ original: match[0], norm: 'with', quoted: false, ...(clauseBefore ? { clauseBefore } : {}) });
      continue;
    }
    // "group:" or "re:" end a word, they are not part of it (colons stay inside times like 3:30).
    const bare = match[0].replace(TRAILING_MARKS, '');
    // "FY25 kickoff (final)", "Legal review [draft]": brackets around words of a name are kept as typed; the words are
    // read without them.
    const opens = OPENING_BRACKET_LAST.test(gap);
    const closes = CLOSING_BRACKET_FIRST.test(text.slice(end, end + 1));
    if (closes) end += 1;
    // "QBR: Contoso": a colon inside a name, before a capitalised word, stays in the name as typed ("group: Vendors",
    // "re: pricing" are labels, and lose it).
    const colon = match[0].endsWith(':') && !LABEL_BEFORE_COLON.test(bare) && CAPITAL_OR_DIGIT_AFTER_SPACE.test(text.slice(end, end + 2));
    const original = `${opens ? gap.slice(-1) : ''}${bare}${colon ? ':' : ''}${closes ? text.slice(end - 1, end) : ''}`;
    const token: Token = { original, norm: normWord(bare.startsWith('+') ? bare.slice(1) : bare), quoted: false };
    if (dashBefore) token.dashBefore = dashBefore;
    const joiner = tokens.length > 0 ? FREE_JOINER.exec(gap)?.[1] : undefined;
    if (joiner === '+' || joiner === '&') token.joinerBefore = joiner;
    if (clauseBefore) token.clauseBefore = true;
    tokens.push(token);
  }
}

// "we're", "we'll" without their apostrophes are other words ("were", "well"): they keep what they stand for.
const COLLIDING_CONTRACTIONS: ReadonlyMap<string, string> = new Map([['we\'re', 'weare'], ['we\'ll', 'wewill']]);

const COMBINING_MARK = /[\u0300-\u036f]/gu;
const CURLY_APOSTROPHE = /’/gu;
const APOSTROPHE = /['’]/gu;

export function normWord(word: string): string {
  const lower = word.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();
  return COLLIDING_CONTRACTIONS.get(lower.replace(CURLY_APOSTROPHE, '\'')) ?? lower.replace(APOSTROPHE, '');
}

/** Meeting ids as people type them: Huawei conference ids (digits) and UCWA onlineMeetingIds (e.g. 2K7T8Z2R). */
const CONFERENCE_ID = /^\d{6,12}$/u;
const ONLINE_MEETING_ID = /^[A-Z0-9]{8}$/u;
const DIGIT = /\d/u;
const CAPITAL = /[A-Z]/u;

export function isMeetingId(word: string): boolean {
  return CONFERENCE_ID.test(word) || (ONLINE_MEETING_ID.test(word) && DIGIT.test(word) && CAPITAL.test(word));
}

/** Text matched literally inside a RegExp (a name read from the sentence, looked for again around it). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

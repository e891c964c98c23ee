/**
 * Words people put in a meeting's name to say what kind of meeting it is ("Budget review", "Design sync", 产品周会).
 * A name holding one is a meeting's, never a contact group's.
 */
export const MEETING_KIND_EN = String.raw`(?:review|sync|standup|stand-up|retro|retrospective|crit|critique|planning|kickoff|kick-off|demo|1:1|one-on-one|all hands|town hall|interview|workshop|call|prep|briefing|check-in|offsite|training|session|meeting|huddle|catch-up|catchup|sprint|board|townhall|onboarding|orientation|webinar|seminar)`;
export const MEETING_KIND_ZH = String.raw`(?:会|评审|面试|复盘|培训|分享|站会|例会|周会|沟通)`;

/** Words that end a Chinese name made of people (外包团队, 项目成员): such a name is, first, a contact group's. */
export const PEOPLE_WORDS_ZH = String.raw`(?:团队|成员|伙伴|同事|客户|朋友|同学|家人|队友|们)`;

/** What "show me the … settings" names when it is not one meeting's: the defaults, the bot, an account, a device. */
export const SETTINGS_NOT_A_MEETING = String.raw`(?:me|default|defaults|standard|usual|possible|available|allowed|eligible|valid|meeting|meetings|my|new|your|bot|policy|policies|lobby|account|notification|notifications|alert|alerts|privacy|app|team|teams|chat|channel|group|audio|video|camera|mic|sound|display|language)`;

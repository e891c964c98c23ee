/**
 * Words people put in a meeting's name to say what kind of meeting it is ("Budget review", "Design sync", 产品周会).
 * A name holding one is a meeting's, never a contact group's.
 */
export const MEETING_KIND_EN = String.raw`(?:review|sync|standup|stand-up|retro|retrospective|crit|critique|planning|kickoff|kick-off|demo|1:1|one-on-one|all hands|town hall|interview|workshop|call|prep|briefing|check-in|offsite|training|session|meeting|huddle|catch-up|catchup|sprint|board|townhall|onboarding|orientation|webinar|seminar)`;
export const MEETING_KIND_ZH = String.raw`(?:会|评审|面试|复盘|培训|分享|站会|例会|周会|沟通)`;

import { check, checkAsked, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpora BN and BO, written blind side by side and scored on the same code (BN 99.3 / 98.1 with no wrong write;
 * BO 96.7 / 96.7 with one read acted on as a write: "our all hands got moved to the big auditorium" moved a meeting):
 * BO's classes, written here as neighbours, not copied from it.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after BN and BO)', () => {
  // A change told as done — by someone, somewhere — is news, not a request (BO's read acted on as a write).
  checkChangesNothing([
    'fyi the design crit got moved to the small room',
    'the retro was cancelled',
    'heads up, Vendor sync has been moved to friday',
    'our weekly got renamed to Weekly ops',
    // …and a change put off, the object said first, is none either.
    '排队的人先不放进来',
  ]);
  check([
    ['fyi the design crit got moved to the small room', 'none', {}],
    // …unless a request follows the news.
    ['the retro got moved to 4pm, please update it', 'meetings.update', { meeting: 'retro', startTime: '2025-01-15T16:00:00' }],
    // How a meeting went, told, asks for nothing.
    ['my interview went great', 'none', {}],
    ['the budget review was way too long', 'none', {}],
    // The account no longer wanted connected is a sign-out; connected, a sign-in.
    ["i don't want you linked to my skype account anymore", 'signOut', {}],
    ["please don't keep me connected to my account", 'signOut', {}],
    ['link you to my account', 'signIn', {}],
    // A remark about the person before the command ("she's with me, …") leaves the command's person in it.
    ["he's with me, let Omar in", 'lobby.admit', { person: 'Omar' }],
    ['she is my manager, admit Rita', 'lobby.admit', { person: 'Rita' }],
    // Those queued at an id, let in with 放进来, are its waiting room; without an id, the lobby.
    ['912345678里排队的人都放进来', 'huawei.admitWaiting', { meeting: '912345678' }],
    ['等着的人放进来吧', 'lobby.admit', { all: true }],
    // Roaming data named in words is the extension's type.
    ['put participant roaming data on Partner review', 'extensions.add', { meeting: 'Partner review', extensionType: 'RoamedParticipantData' }],
    ['add roamed organizer data to the launch sync', 'extensions.add', { meeting: 'launch sync', extensionType: 'RoamedOrganizerData' }],
    // A hyphen joins a particle into a name: "on-call" is a group, not the rest of an idiom.
    ['watch the on-call group status', 'groups.presence', { group: 'on-call' }],
    ['stop status updates for on-call', 'groups.presenceStop', { group: 'on-call' }],
    // When the people of a group go online or offline, shown or told: the presence watch.
    ['tell me when Night Shift folks go online or offline', 'groups.presence', { group: 'Night Shift' }],
    ['show me when the Night Shift people come online', 'groups.presence', { group: 'Night Shift' }],
    // More of the list, asked to be seen.
    ['再看一下后面的', 'page.next', { page: 'next' }],
    ['给我看看后面的', 'page.next', { page: 'next' }],
    // The lobby's people of a meeting: the meeting is after them.
    ['notify me about lobby folks for the design crit', 'watch.start', { meeting: 'design crit' }],
    // A length before the kind: the name follows the kind, without it.
    ['book a 30 min call Partner review at 2pm', 'meetings.create', { subject: 'Partner review', startTime: '2025-01-15T14:00:00', endTime: '2025-01-15T14:30:00' }],
    ['schedule a 1 hour meeting Vendor intro tomorrow at 9', 'meetings.create', { subject: 'Vendor intro', startTime: '2025-01-16T09:00:00', endTime: '2025-01-16T10:00:00' }],
    // An orientation is a meeting's kind.
    ['rename partner orientation to Partner orientation 2025', 'meetings.update', { meeting: 'partner orientation', subject: 'Partner orientation 2025' }],
  ]);
  // A name that ends in people, its kind not said: both readings offered, the group's first, each with the name.
  checkAsked([
    ['drop Night Shift Members', ['groups.delete', 'meetings.delete'], { group: 'Night Shift Members' }],
    ['删掉外包团队', ['groups.delete', 'meetings.delete'], { group: '外包团队' }],
    ['把项目成员改成核心成员', ['groups.rename', 'meetings.update'], { group: '项目成员', newName: '核心成员' }],
    ['rename on-call to Ops on-call', ['meetings.update', 'groups.rename'], { meeting: 'on-call', subject: 'Ops on-call' }],
  ]);
});

/**
 * After corpora BP, BQ, BR and BS, written blind two by two and scored on the recognizer of BO's tuning: BP 97.4 / 95.3,
 * BQ 98.1 / 97.9 and BR 99.1 / 98.4 with no wrong write (not read, not tuned on); BS 98.6 / 97.7 with one write read as
 * another unasked (a meeting renamed into a 发布会 renamed a contact group). BS's classes, as neighbours.
 */
describe('phrasing classes (issue 11, after BS)', () => {
  check([
    // Alerts wanted to land or show up here: their meeting's alerts routed to this chat.
    ['i want the retro alerts to land here instead of email', 'alerts.routeHere', { meeting: 'retro' }],
    ['i want standup notifications to show up in here', 'alerts.routeHere', { meeting: 'standup' }],
    // "rn" is when the question is asked, no part of the name.
    ['anyone waiting outside the retro rn?', 'lobby.who', { meeting: 'retro' }],
    // 等着进 <会议>: the meeting waited for, after the verb.
    ['有人等着进周例会的时候提醒我', 'watch.start', { meeting: '周例会' }],
    // A sign-out said last, after its reason, with what it is for; a sign-out forbidden is none.
    ["i'm leaving for the day, log me out for good", 'signOut', {}],
    ['dont ever log me out', 'none', {}],
    ['别帮我注销', 'none', {}],
  ]);
  // A rename into a meeting's kind (…发布会, …推介会), no group's kind said: asked, the meeting's reading first.
  checkAsked([
    ['把季度路演改名为 季度发布会', ['meetings.update', 'groups.rename'], { meeting: '季度路演', subject: '季度发布会' }],
    ['把市场路演改名为 市场推介会', ['meetings.update', 'groups.rename'], { meeting: '市场路演', subject: '市场推介会' }],
  ]);
});

/**
 * After corpora BT and BU, written blind side by side and scored on the recognizer of BS's tuning (BT 98.6 / 98.1 with
 * one write read as another unasked, BU 97.7 / 97.4 with two): their classes, as neighbours.
 */
describe('phrasing classes (issue 11, after BT and BU)', () => {
  check([
    // A group's name changed, the old name said after "group name" (BT's had changed a meeting "group name Board 2042").
    ['change group name Night Shift -> Late Shift', 'groups.rename', { group: 'Night Shift', newName: 'Late Shift' }],
    // A group made, then named: "it" is the new group (BU's had started a watch).
    ['make a group for the vendors, call it Vendor folks', 'groups.create', { group: 'Vendor folks' }],
    ['create a meeting tomorrow at 3pm, call it Budget sync', 'meetings.create', { subject: 'Budget sync', startTime: '2025-01-16T15:00:00' }],
    ['cancel Retro, call it off', 'meetings.delete', { meeting: 'Retro' }],
    ['新增组 球友', 'groups.create', { group: '球友' }],
    // A group's kind said last in its name is the group's (BU's 刪除讀書會組 had deleted a meeting).
    ['删除球友组', 'groups.delete', { group: '球友' }],
    // Alert subscriptions asked about; membership asked; presence updates wanted.
    ['am i subscribed to any lobby alerts', 'watch.list', {}],
    ['who is part of Design crew', 'groups.members', { group: 'Design crew' }],
    ['we want availability updates for the Night Shift group', 'groups.presence', { group: 'Night Shift' }],
    // A lobby no longer cared about is its watch stopped; alerts about a waiting room asked for are its watch.
    ['i dont care about the Retro lobby anymore', 'watch.stop', { meeting: 'Retro' }],
    ['ping me about the waiting room in 912 345 678', 'huawei.watch', { meeting: '912345678' }],
    // 候会的人: those waiting for the meeting.
    ['准许912345678候会的人入会', 'huawei.admitWaiting', { meeting: '912345678' }],
    // Late for a meeting, told: nothing asked.
    ['我开会要迟到了', 'none', {}],
  ]);
  checkAsked([
    // A name that ends in people (testers, advisors, team): both readings, the group's first.
    ['drop Beta testers', ['groups.delete', 'meetings.delete'], { group: 'Beta testers' }],
    ['删除读书会组', ['groups.delete', 'meetings.delete'], { group: '读书会' }],
  ]);
});

/**
 * After corpora BV and BW, written blind side by side and scored on the recognizer of BT's and BU's tuning (BV 96.7 /
 * 96.9 with one write read as another unasked: presence alerts no longer wanted, "quit telling me when …", started them;
 * that reading came in with this stop's wider 'when they are available' cue, and BV caught it. BW 99.1 / 98.1 with
 * none): BV's classes, as neighbours.
 */
describe('phrasing classes (issue 11, after BV)', () => {
  check([
    ['stop telling me when Night Shift folks go online', 'groups.presenceStop', { group: 'Night Shift' }],
    ['admit whoever is waiting for 912 345 678', 'huawei.admitWaiting', { meeting: '912345678' }],
    ['912345678 把大家的麦都关了', 'huawei.mute', { meeting: '912345678', on: true }],
    ['把我的登录注销掉吧', 'signOut', {}],
    ['周会的大厅不用再盯了', 'watch.stop', { meeting: '周会' }],
    ['i dont need the lobby notifications for Retro anymore', 'watch.stop', { meeting: 'Retro' }],
    ['Partner review needs a roamed participant data extension', 'extensions.add', { meeting: 'Partner review', extensionType: 'RoamedParticipantData' }],
    ['可以选的访问级别有哪些', 'meetings.eligibleValues', {}],
    ['我能选择哪些会议设置', 'meetings.eligibleValues', {}],
  ]);
  // Lobby alerts no longer needed are their watch stopped, no meeting no longer needed.
  check([["we don't need lobby alerts anymore", 'watch.stop', {}]]);
  checkAsked([
    ['Gym crew should be called Running club', ['groups.rename', 'meetings.update'], { group: 'Gym crew', newName: 'Running club' }],
  ]);
});

/**
 * After corpora BX and BY, written blind side by side and scored on the recognizer of BV's tuning (BX 98.1 / 96.9 with
 * one write read as another unasked: a group named "Conference … speakers" deleted as a meeting "… speakers"; BY
 * 97.7 / 97.2 with none): BX's classes, as neighbours.
 */
describe('phrasing classes (issue 11, after BX)', () => {
  // A name that ends in people keeps the kind word it starts with, and is offered as a group first.
  checkAsked([
    ['drop Summit 2025 attendees', ['groups.delete', 'meetings.delete'], { group: 'Summit 2025 attendees' }],
    ['delete Conference 2025 sponsors', ['groups.delete', 'meetings.delete'], { group: 'Conference 2025 sponsors' }],
  ]);
  check([
    ['delete the meeting Budget review', 'meetings.delete', { meeting: 'Budget review' }],
    // A group called by another name is renamed.
    ['call the Night Shift group Late Shift instead', 'groups.rename', { group: 'Night Shift', newName: 'Late Shift' }],
    // 别盯着 <会议> 的大厅了: the lobby no longer watched.
    ['别盯着周会的大厅了', 'watch.stop', { meeting: '周会' }],
  ]);
});

/**
 * After corpora BZ and CA, written blind side by side and scored on the recognizer of BX's tuning (BZ 98.3 / 99.1 with
 * no wrong write; CA 98.1 / 98.1 with one read acted on as a write: "the new contact group feature looks neat" created
 * a group "feature looks neat"): CA's class, as neighbours.
 */
describe('phrasing classes (issue 11, after CA)', () => {
  // A remark about the bot's features asks for nothing; a name that says "good" is still a name.
  checkChangesNothing(['the new meeting card looks great', 'this lobby alert thing is really handy', 'the contact groups feature is pretty cool']);
  check([
    ['the new meeting card looks great', 'none', {}],
    ['create a group called Looks Good', 'groups.create', { group: 'Looks Good' }],
  ]);
});


import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { check, checkAsked, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpora AZ and BA, written blind side by side and scored on the same code (AZ 98.3 / 97.4 with one write read
 * as another unasked, BA 98.4 / 98.1 with two), and after the pairs written the same way after them (BB 95.8 / 95.8
 * with two, BC 98.6 / 96.9 with none; BD 98.1 / 98.3 with one, BE 98.4 / 98.1 with none; BF 97.9 / 96.2 with two,
 * BG 97.6 / 95.5 with none; BH 96.7 / 96.7 and BI 97.6 / 96.4 with one each; BJ 98.3 / 97.6 with one read acted on
 * as a write and two writes read as another, BK 98.1 / 98.3 with one; BL 96.3 / 96.5 and BM 98.1 / 97.1 with two each):
 * their classes, written here as neighbours, not copied from any of them.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AZ to BM)', () => {
  check([
    // A booking verb, a name and a time books a meeting; the settings after it are the new one's (AZ's and BA's had
    // changed a meeting instead).
    ['book Partner review 2025-02-03 10:00-11:00, invite only', 'meetings.create', { subject: 'Partner review', startTime: '2025-02-03T10:00:00', endTime: '2025-02-03T11:00:00', accessLevel: 'Invited' }],
    ['set something up for friday 2-3pm, title Vendor intro, everyone can join', 'meetings.create', { subject: 'Vendor intro', startTime: '2025-01-17T14:00:00', endTime: '2025-01-17T15:00:00', accessLevel: 'Everyone' }],
    // Leaders named after "with", then what they do.
    ['create a call tomorrow 2pm called Roadmap with Lee and Sam presenting', 'meetings.create', { subject: 'Roadmap', startTime: '2025-01-16T14:00:00', leaders: ['Lee', 'Sam'] }],
    // A group nuked is deleted; dial-in people ("ppl", "folks") are the phone users of the lobby bypass.
    ['nuke the Night Shift group', 'groups.delete', { group: 'Night Shift' }],
    ['dial-in ppl should not skip the lobby for Board prep anymore', 'meetings.update', { meeting: 'Board prep', lobbyBypassForPhoneUsers: 'Disabled' }],
    // 追踪 (跟踪) of a group's status is its presence watch, in both scripts; 取消追踪 stops it.
    ['追蹤老同學的上線狀態', 'groups.presence', { group: '老同學' }],
    ['取消追踪 家人 的状态', 'groups.presenceStop', { group: '家人' }],
    ['市场部组上下线不用再提醒我了', 'groups.presenceStop', { group: '市场部' }],
    ['tell me whenever someone in Night Shift changes status', 'groups.presence', { group: 'Night Shift' }],
    ['which contacts are filed under Family', 'groups.members', { group: 'Family' }],
    // Reads said loosely.
    ["what's on the huawei calendar", 'huawei.scheduled', {}],
    ['我订阅了哪些会议的提醒', 'watch.list', {}],
    ['im running a few mins late', 'none', {}],
    // Who waits "over there" at a meeting, then turned away or let in.
    ['复盘那边的陌生人拒了吧', 'lobby.reject', { person: '陌生人', meeting: '复盘' }],
    ['周报那边等着的李总放进来吧', 'lobby.admit', { person: '李总', meeting: '周报' }],
    // BB: a meeting wished for is the command, its setting after the comma (it had changed one); who is in a meeting,
    // kept out (it had booked one).
    ['i need a 45 min call at 2pm named Vendor sync, open to everyone', 'meetings.create', { subject: 'Vendor sync', startTime: '2025-01-15T14:00:00', endTime: '2025-01-15T14:45:00', accessLevel: 'Everyone' }],
    ['复盘会那个会里的王工不要放进来', 'lobby.reject', { person: '王工', meeting: '复盘会' }],
    // Alerts about a meeting started or stopped are its watch; no one more into a running Huawei meeting is its lock.
    ['start alerting me about 912 345 678', 'huawei.watch', { meeting: '912345678' }],
    ['start alerting me about Retro', 'watch.start', { meeting: 'Retro' }],
    ['quit pinging me about 912345678', 'huawei.unwatch', { meeting: '912345678' }],
    ["don't need to track the Retro lobby anymore", 'watch.stop', { meeting: 'Retro' }],
    ['nobody else should be able to join 912345678', 'huawei.lock', { meeting: '912345678', on: true }],
    ['别再告诉我老同学谁上线了', 'groups.presenceStop', { group: '老同学' }],
    ['i wanna see when the Night Shift folks are free', 'groups.presence', { group: 'Night Shift' }],
    ['forward the Retro lobby notices to this chat', 'alerts.routeHere', { meeting: 'Retro' }],
    ['给周报挂个扩展', 'extensions.add', { meeting: '周报' }],
    ['周会只让被邀请的人进', 'meetings.update', { meeting: '周会', accessLevel: 'Invited' }],
    ['kick the unknown guest waiting', 'lobby.reject', { person: 'the unknown guest' }],
  ]);
  // BD: "kill" a named meeting deletes it, "kill" an id ends that Huawei meeting (BA's and BD's had ended a named one
  // unasked; every corpus's writers read them so).
  check([
    ['we no longer need Sprint 12 retro anymore, kill it', 'meetings.delete', { meeting: 'Sprint 12 retro' }],
    ['kill the call 912 345 678', 'huawei.end', { meeting: '912345678' }],
    // A setting said as what a meeting should now be; the conference bridge is the dial-in.
    ['Launch review 2025 should be internal only now', 'meetings.update', { meeting: 'Launch review 2025', accessLevel: 'SameEnterprise' }],
    ['the dial-in bridge details pls', 'meetings.dialIn', {}],
  ]);
  // BF: one's Skype for Business binding undone, named at length, is a sign-out (it had stopped a watch); a thing
  // the person says happened to a meeting, after the command, says why.
  check([
    ['解除我的Skype for Business账号的关联，别再提醒了', 'signOut', {}],
    ['cancel the Q3 offsite, the venue cancelled', 'meetings.delete', { meeting: 'Q3 offsite' }],
    ['show real-time status updates for my Alumni group', 'groups.presence', { group: 'Alumni' }],
    ['Dana is waiting at reception for her visitor badge', 'none', {}],
    ['my headset is not working', 'none', {}],
  ]);
  // A name said with a group's kind (contacts) and none of a meeting's is offered as the group first (BF's had
  // deleted a meeting unasked).
  checkAsked([['get rid of Vendor contacts', ['groups.delete', 'meetings.delete'], { group: 'Vendor contacts' }]]);
  // BH, BI: a meeting's name (…会议) renamed, or a name whose only meeting word is "board" deleted, is asked, the kind the
  // name says first (they had renamed a group and deleted a meeting unasked).
  checkAsked([
    ['周例会会议改名为 周同步', ['meetings.update', 'groups.rename'], { meeting: '周例会', subject: '周同步' }],
    ['get rid of Advisory Board 2040', ['meetings.delete', 'groups.delete'], { meeting: 'Advisory Board 2040' }],
  ]);
  check([
    ['delete Board prep', 'meetings.delete', { meeting: 'Board prep' }],
    // One's account unlinked after a reason is a sign-out; 登录状态 cleared too; 监视 is to watch.
    ["i'm switching teams next week, disconnect my account pls", 'signOut', {}],
    ['把我的登录状态清掉吧', 'signOut', {}],
    ['监视一下 周五复盘', 'watch.start', { meeting: '周五复盘' }],
    // A document's page and a dropping connection are not the bot's.
    ['the last page of the contract is missing', 'none', {}],
    ['这份合同的下一页看不清', 'none', {}],
    ['our internet keeps cutting out', 'none', {}],
  ]);
  // BJ, BK: what the person watches is no lobby (it had started a watch); a group named anew is renamed (it had made
  // one); the people waiting at an id, without "the", are its waiting room; a group's presence cancelled is stopped
  // (it had deleted a meeting).
  check([
    ["i'm watching the game tonight", 'none', {}],
    ['the Night Shift group needs a new name: Late Shift', 'groups.rename', { group: 'Night Shift', newName: 'Late Shift' }],
    ['people waiting for 912 345 678 can join now', 'huawei.admitWaiting', { meeting: '912345678' }],
    ['stop presence for Night Shift', 'groups.presenceStop', { group: 'Night Shift' }],
    ['别再告诉我夜班组的上线情况了', 'groups.presenceStop', { group: '夜班' }],
    ['夜班组改叫 晚班', 'groups.rename', { group: '夜班组', newName: '晚班' }],
    ["i'll be 10 mins late to the retro", 'none', {}],
  ]);
  // BL, BM: a group named with its kind apart (…秋招 组) is deleted as a group; those waiting at an id named first, then
  // "let them through", are its waiting room; presence pushes no longer wanted stop the group's presence.
  check([
    ['删掉 2041校招 组', 'groups.delete', { group: '2041校招' }],
    ['912345678 people are waiting, let them in', 'huawei.admitWaiting', { meeting: '912345678' }],
    ['别再推送夜班组的上下线了', 'groups.presenceStop', { group: '夜班' }],
  ]);
  // An association's new name carrying a day (读书会 → 周五读书会) is asked, not a meeting moved to Friday.
  it('"校友会改成 周六校友会" is asked, never run as a meeting moved', () => {
    const result = recognizer.recognize('校友会改成 周六校友会');
    assert.deepEqual(result.ask?.map((reading) => reading.intent), ['meetings.update', 'groups.rename'], result.explanation.join('\n'));
  });
  // Told when one knows more starts no watch.
  checkChangesNothing(['ping me about the offsite when you know more', 'notify me about the vendor call if it moves']);

  // "kill the call", with no name, ends the one under way or deletes it: both are offered when the classifier reads a
  // deletion. A meeting no longer needed, said without a verb, is asked too.
  checkAsked([
    ['kill the call', ['huawei.end', 'meetings.delete'], {}],
    // …and a named meeting killed where the classifier heard an end is asked, the deletion first.
    ['kill the Ops review meeting, nobody shows up', ['meetings.delete', 'huawei.end'], { meeting: 'Ops review' }],
    ["we don't need Hiring sync anymore", ['meetings.details', 'meetings.delete'], { meeting: 'Hiring sync' }],
    // A thing no longer needed, then deleted: "it" is that thing, whose kind is not said (BB's had been read as a
    // change forbidden); a rename whose new name is said as what to call it, of either kind.
    ["don't need Night Shift anymore, delete it", ['meetings.delete', 'groups.delete'], { meeting: 'Night Shift' }],
    ["i'd like to rename Night Shift, call it Late Shift", ['groups.rename', 'meetings.update'], { group: 'Night Shift', newName: 'Late Shift' }],
  ]);
  const recognizer = createRecognizer({ now: () => new Date(2025, 0, 15, 10, 0, 0) });
  it('"kill 912345678" still ends the Huawei meeting unasked', () => {
    const result = recognizer.recognize('kill 912345678');
    assert.equal(result.intent, 'huawei.end');
    assert.equal(result.ask, undefined);
  });
  it('"schedule Retro for 3pm instead" is no second booking of an existing meeting by the booking-verb cue', () => {
    assert.ok(!recognizer.recognize('schedule Retro for 3pm instead').explanation.some((line) => line.includes('a booking verb and a time')));
  });
});

import assert from 'node:assert/strict';
import { guardWrite } from '../../src/nlu/safety.js';
import { check, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpus AH's first score (97.7 / 95.1; no read acted on as a write, one write read as another unasked): the
 * classes of its misses, written here as neighbours, not copied from AH; AH no longer counts as blind. Also people
 * named in a list, which no corpus had. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AH)', () => {
  check([
    // People named in a row are one list, each matched by the lobby dialog; a remark after a comma still ends the name.
    ['reject Tom, Ana and Raj', 'lobby.reject', { person: 'Tom, Ana and Raj' }],
    ['let in Ana, Raj & the lady from Northwind', 'lobby.admit', { person: 'Ana, Raj & the lady from Northwind' }],
    ['admit Tom, he and Ana are from finance', 'lobby.admit', { person: 'Tom' }],
    ['admit Tom, thanks and bye', 'lobby.admit', { person: 'Tom' }],
    ['让王芳和刘洋进来', 'lobby.admit', { person: '王芳和刘洋' }],
    // Only that people wait, then "them": everyone waiting there (the write AH saw read as another admitted a person
    // called "<id> 有人"; in English it asked).
    ['周例会有人在等，让他们进来', 'lobby.admit', { all: true, meeting: '周例会' }],
    ['918273645 里有几个人在等，放他们进来', 'huawei.admitWaiting', { meeting: '918273645' }],
    ["somebody's waiting in Ops sync, let them in", 'lobby.admit', { all: true, meeting: 'Ops sync' }],
    ['a couple of guests are stuck in 918273645, bring them in', 'huawei.admitWaiting', { meeting: '918273645' }],
    ['guests are in the lobby, turn them away', 'lobby.reject', { all: true }],
    // Alerts no longer to be sent (别发了, 不用再推了) stop them; "any meeting" given up is all of them.
    ['培训课的提醒别发了', 'watch.stop', { meeting: '培训课' }],
    ['外援分组的上线通知不用再推了', 'groups.presenceStop', { group: '外援' }],
    ['别再关注任何会议', 'watch.stop', { all: true }],
    // Alerts shown in this chat are sent here; 让 there makes the alerts do it and lets nobody in.
    ['让周会的提醒在这个群里显示', 'alerts.routeHere', { meeting: '周会' }],
    // Those waiting at (那边) a meeting named in Chinese are everyone in it.
    ['周例会那边等着的人都拒了', 'lobby.reject', { all: true, meeting: '周例会' }],
    // Chinese group names in deletions, renames and presence said loosely.
    ['帮我删了球友组', 'groups.delete', { group: '球友' }],
    ['球友这个组名字改成 老球友', 'groups.rename', { group: '球友', newName: '老球友' }],
    ['球友上线的时候告诉我', 'groups.presence', { group: '球友' }],
    ['我想看到球友成员的状态变化', 'groups.presence', { group: '球友' }],
    ['球友的状态更新关掉', 'groups.presenceStop', { group: '球友' }],
    // English: a watch not needed from the bot, a meeting's callers and the lobby, possible values, a group wished for.
    ["I don't need you to watch Launch any more", 'watch.stop', { meeting: 'Launch' }],
    ['dial-in users for Launch should skip the lobby', 'meetings.update', { meeting: 'Launch', lobbyBypassForPhoneUsers: 'Enabled' }],
    ['what are the valid options for the lobby', 'meetings.eligibleValues', {}],
    ['I need a Hikers group', 'groups.create', { group: 'Hikers' }],
    // The text to explain keeps an id typed in groups, wherever it sits.
    ["how would you read 'lock 918 273 645 now'", 'debugParse', { keyword: 'lock 918 273 645 now' }],
    ['the waiting room at the vet was packed', 'none', {}],
  ]);
  checkChangesNothing(['周会的提醒在这个群里显示吗']);

  it('an unclear change is never offered as "explain" instead (explain is asked for by name)', () => {
    // The classifier's ranking for "i'll be late to standup" before being late was small talk: a weak change, and
    // "explain" the best-scored read after it.
    const ranked = [{ intent: 'meetings.update', score: 0.58 }, { intent: 'groups.rename', score: 0.22 }, { intent: 'none', score: 0.1 }, { intent: 'debugParse', score: 0.07 }];
    const guard = guardWrite('meetings.update', 0.58, ranked, "i'll be late to standup", false);
    assert.ok(guard.ask, JSON.stringify(guard));
    assert.ok(!guard.ask.includes('debugParse'), JSON.stringify(guard));
    assert.equal(guard.intent, 'meetings.details');
  });
});

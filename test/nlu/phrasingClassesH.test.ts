import assert from 'node:assert/strict';
import { isWrite } from '../../src/nlu/catalog.js';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { check, checkChangesNothing } from './phrasingCheck.js';

const recognizer = createRecognizer({ now: () => new Date(2025, 0, 15, 10, 0, 0) });

/**
 * Classes of phrasing behind corpus H's misses (issue 11, ninth pass), and their neighbours. The sentences are
 * written here, not copied from any corpus: each section is one mechanism with several phrasings of it.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, ninth pass)', () => {
  describe('Huawei as the company a person comes from is not the platform', () => {
    check([
      ['admit the guest from Huawei', 'lobby.admit', { person: 'the guest from Huawei' }],
      ['let the two visitors from Huawei in', 'lobby.admit', { person: 'the two visitors from Huawei' }],
      ['please let our contact from Huawei into Vendor review', 'lobby.admit', { person: 'our contact from Huawei', meeting: 'Vendor review' }],
      ['reject the caller from Huawei', 'lobby.reject', { person: 'the caller from Huawei' }],
      ['the engineer from Huawei can come in', 'lobby.admit', { person: 'the engineer from Huawei' }],
      ['把来自华为的客人放进来', 'lobby.admit', { person: '来自华为的客人' }],
      ['来自华为的工程师可以进来了', 'lobby.admit', { person: '来自华为的工程师' }],
      ['让华为来的同事进周例会', 'lobby.admit', { person: '华为来的同事', meeting: '周例会' }],
      ['拒绝来自华为的访客', 'lobby.reject', { person: '来自华为的访客' }],
      // The platform named with a meeting or a conference id is still the platform.
      ['admit everyone in Huawei meeting 612345789', 'huawei.admitWaiting', { meeting: '612345789' }],
      ['show the details of huawei meeting Q2 roadmap', 'huawei.details', { meeting: 'Q2 roadmap' }],
      ['把华为会议 612345789 等候室的人都放进来', 'huawei.admitWaiting', { meeting: '612345789' }],
    ]);
    // "the Huawei folks": the company's people or everyone in the platform's waiting room — asked, never run.
    checkChangesNothing(['let the Huawei folks in', 'admit the Huawei delegation', '华为的客人放进来吧', '让华为的同事进来']);
  });

  describe('an opening verb that names a change, against a read the classifier preferred: asked', () => {
    // Found while probing the Huawei class: "my … meeting" swayed these to the meeting list, run unasked.
    const cases = [
      ['admit everyone waiting in my Huawei meeting', 'huawei.admitWaiting'],
      ['reject the guy waiting in my meeting', 'lobby.reject'],
      ['delete my meetings list', 'meetings.delete'],
    ] as const;
    for (const [text, verbReading] of cases) {
      it(`"${text}" offers ${verbReading} beside the read`, () => {
        const result = recognizer.recognize(text);
        assert.ok(!isWrite(result.intent), result.explanation.join('\n'));
        assert.ok(result.ask?.some((a) => a.intent === verbReading), result.explanation.join('\n'));
      });
    }
  });

  describe('a number sign before digits and an ampersand inside a word stay in the name', () => {
    check([
      ['show details of R&D sync', 'meetings.details', { meeting: 'R&D sync' }],
      ['delete the Q&A session', 'meetings.delete', { meeting: 'Q&A session' }],
      ['watch Standup #3', 'watch.start', { meeting: 'Standup #3' }],
      ['who is waiting for P&L review', 'lobby.who', { meeting: 'P&L review' }],
      ['cancel Town hall #2', 'meetings.delete', { meeting: 'Town hall #2' }],
      ['is Retro #4 locked?', 'meetings.details', { meeting: 'Retro #4' }],
      ['rename meeting Sprint #7 review to Sprint #8 review', 'meetings.update', { meeting: 'Sprint #7 review', subject: 'Sprint #8 review' }],
    ]);
  });

  describe('everyone waiting for <meeting> can come in', () => {
    check([
      ['all the guests waiting for Board prep may enter', 'lobby.admit', { all: true, meeting: 'Board prep' }],
      ['everyone who is queued for Hiring panel can join', 'lobby.admit', { all: true, meeting: 'Hiring panel' }],
      ['everybody stuck in the lobby of Vendor demo can come in now', 'lobby.admit', { all: true, meeting: 'Vendor demo' }],
      ['everyone waiting for Retro #4 can join', 'lobby.admit', { all: true, meeting: 'Retro #4' }],
      ['all of the people waiting for Q&A hour can get in', 'lobby.admit', { all: true, meeting: 'Q&A hour' }],
      ['everyone can come in', 'lobby.admit', { all: true }],
    ]);
  });

  describe('"send <person> away" with a reason after it', () => {
    check([
      ['send the man in the red shirt away, he was not invited', 'lobby.reject', { person: 'the man in the red shirt' }],
      ['turn the caller away, not expected', 'lobby.reject', { person: 'the caller' }],
      ['kick the guy in the hoodie out, he is not on the list', 'lobby.reject', { person: 'the guy in the hoodie' }],
      ['send Greg away', 'lobby.reject', { person: 'Greg' }],
    ]);
  });

  describe('"open <meeting> details" and "all-hands" in a name', () => {
    check([
      ['open Budget review details', 'meetings.details', { meeting: 'Budget review' }],
      ['open the Design crit info', 'meetings.details', { meeting: 'Design crit' }],
      ['pull up the Hiring panel details', 'meetings.details', { meeting: 'Hiring panel' }],
      ['alert me when someone is waiting for the all-hands', 'watch.start', { meeting: 'all-hands' }],
      ['stop watching Friday all-hands', 'watch.stop', { meeting: 'Friday all-hands' }],
      ['watch all of my meetings', 'watch.start', { all: true }],
    ]);
  });

  describe('"<meeting> should be <setting> from now on"', () => {
    check([
      ['Board prep should be locked going forward', 'meetings.update', { meeting: 'Board prep', accessLevel: 'Locked' }],
      ['Design crit must be company-only from now on', 'meetings.update', { meeting: 'Design crit', accessLevel: 'SameEnterprise' }],
      ['Sales sync needs to be invitees-only', 'meetings.update', { meeting: 'Sales sync', accessLevel: 'Invited' }],
      ['Vendor demo should be invited-only', 'meetings.update', { meeting: 'Vendor demo', accessLevel: 'Invited' }],
      ['周例会以后只让受邀的人进', 'meetings.update', { meeting: '周例会', accessLevel: 'Invited' }],
      ['客户培训从现在起只允许公司内部的人进入', 'meetings.update', { meeting: '客户培训', accessLevel: 'SameEnterprise' }],
    ]);
  });

  describe('the attendees of a conference named by its id', () => {
    check([
      ['show me the participants of meeting 612345789', 'huawei.participants', { meeting: '612345789' }],
      ['who are the attendees in 634512098', 'huawei.participants', { meeting: '634512098' }],
      ['get the people on call 645123987', 'huawei.participants', { meeting: '645123987' }],
      ['list participants for 623451789', 'huawei.participants', { meeting: '623451789' }],
      ['列出 612345789 的参会人', 'huawei.participants', { meeting: '612345789' }],
      ['634512098 的与会者有哪些', 'huawei.participants', { meeting: '634512098' }],
    ]);
  });

  describe('Chinese search words after a state (正在进行的, 即将召开的) or set apart after 搜索…会议', () => {
    check([
      ['有没有正在开的设计评审会议', 'huawei.ongoing', { keyword: '设计评审' }],
      ['看看即将召开的预算会议', 'huawei.scheduled', { keyword: '预算' }],
      ['即将开始的培训会有哪些', 'huawei.scheduled', { keyword: '培训' }],
      ['搜一下进行中的会议 招聘', 'huawei.ongoing', { keyword: '招聘' }],
      ['搜索预约的会议 财务', 'huawei.scheduled', { keyword: '财务' }],
      ['在进行的市场会议有吗', 'huawei.ongoing', { keyword: '市场' }],
      ['正在进行的会议', 'huawei.ongoing', {}],
      ['即将召开的会议有哪些', 'huawei.scheduled', {}],
      ['搜索进行中的会议 谢谢', 'huawei.ongoing', {}],
    ]);
  });
});

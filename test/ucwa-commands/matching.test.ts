import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { matchByName } from '../../dialogs/ucwa/pick.js';
import { matchMeetings } from '../../src/alerts/meetings.js';
import { instantIn } from '../../dialogs/ucwa/time.js';

const items = [
  { name: 'Budget review', aliases: ['BR7Q4K2M'] },
  { name: 'Budget review 2', aliases: [] },
  { name: 'Design sync', aliases: ['DS2H6V5C'] },
  { name: 'Design review', aliases: [] },
];
const names = (wanted: string) => matchByName(items, wanted).map((item) => item.name);

describe('matching loosely named meetings and groups', () => {
  it('prefers an exact (case-insensitive) name over partial ones', () => {
    assert.deepEqual(names('budget REVIEW'), ['Budget review']);
  });

  it('matches an id alias exactly', () => {
    assert.deepEqual(names('ds2h6v5c'), ['Design sync']);
  });

  it('returns every partial match, by substring or by all words', () => {
    assert.deepEqual(names('design'), ['Design sync', 'Design review']);
    assert.deepEqual(names('review design'), ['Design review']);
  });

  it('finds a group named with its kind after it (供应商组, "the Vendors group") under its own name', () => {
    const groups = [{ name: '供应商', aliases: [] }, { name: 'Vendors', aliases: [] }, { name: '测试组', aliases: [] }];
    const groupNames = (wanted: string) => matchByName(groups, wanted).map((item) => item.name);
    assert.deepEqual(groupNames('供应商组'), ['供应商']);
    assert.deepEqual(groupNames('供应商分组'), ['供应商']);
    assert.deepEqual(groupNames('Vendors group'), ['Vendors']);
    // A group that is called so keeps its whole name.
    assert.deepEqual(groupNames('测试组'), ['测试组']);
  });

  it('finds a Chinese meeting named with its kind after it (季度复盘会, 季度复盘会议), in the dialogs and the alert core alike', () => {
    const meetings = [{ name: '季度复盘', aliases: [] }, { name: '周例会', aliases: [] }, { name: '客户周会', aliases: [] }];
    const meetingNames = (wanted: string) => matchByName(meetings, wanted).map((item) => item.name);
    const watched = (wanted: string) => matchMeetings(wanted, meetings.map((meeting) => ({ subject: meeting.name }))).map((meeting) => meeting.subject);
    for (const find of [meetingNames, watched]) {
      assert.deepEqual(find('季度复盘会'), ['季度复盘']);
      assert.deepEqual(find('季度复盘会议'), ['季度复盘']);
      // A meeting called so keeps its whole name, and one character is never a name.
      assert.deepEqual(find('客户周会'), ['客户周会']);
      assert.deepEqual(find('周例会'), ['周例会']);
    }
  });

  it('ignores surrounding quotes and punctuation, and matches nothing for empty text', () => {
    assert.deepEqual(names('"Design sync"?'), ['Design sync']);
    assert.deepEqual(names('  '), []);
    assert.deepEqual(names('standup'), []);
  });
});

describe('reading recognised times', () => {
  it("reads a wall-clock time in the person's zone", () => {
    assert.equal(instantIn('2026-07-01T15:00:00', 'Europe/Berlin')?.toISOString(), '2026-07-01T13:00:00.000Z');
    assert.equal(instantIn('2026-12-01T15:00:00', 'Asia/Shanghai')?.toISOString(), '2026-12-01T07:00:00.000Z');
  });

  it('keeps an explicit offset and refuses what is not a time', () => {
    assert.equal(instantIn('2026-07-01T15:00:00Z', 'Asia/Shanghai')?.toISOString(), '2026-07-01T15:00:00.000Z');
    assert.equal(instantIn('next blue moon', 'UTC'), undefined);
  });
});

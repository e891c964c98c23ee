import { check } from './phrasingCheck.js';

/**
 * Thirteenth pass: classes of phrasing behind corpus N's remaining misses (after its safety fixes), and their
 * neighbours. Written here, not copied from any corpus: each section is one mechanism with several phrasings of it.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, thirteenth pass, from N)', () => {
  describe('lobby alerts sent to this chat (通知到这个聊天)', () => {
    check([
      ['以后周例会有人在大厅等就通知到这个群', 'alerts.routeHere', { meeting: '周例会' }],
      ['客户回访有人等的话提醒到这个聊天', 'alerts.routeHere', { meeting: '客户回访' }],
      // A watch asked for oneself stays a watch.
      ['周例会有人在大厅等就通知我', 'watch.start', { meeting: '周例会' }],
    ]);
  });

  describe('one meeting looked at (看看 X 这个会)', () => {
    check([
      ['看看客户回访这个会', 'meetings.details', { meeting: '客户回访' }],
      ['帮我查一下季度复盘那个会', 'meetings.details', { meeting: '季度复盘' }],
      ['瞧瞧产品评审这场会吧', 'meetings.details', { meeting: '产品评审' }],
    ]);
  });

  describe('who may join, said as "should only be open to"', () => {
    check([
      ['Board prep should only be open to people from our company', 'meetings.update', { meeting: 'Board prep', accessLevel: 'SameEnterprise' }],
      ['the Vendor sync must be open only to folks in our org', 'meetings.update', { meeting: 'Vendor sync', accessLevel: 'SameEnterprise' }],
      // Asked, it stays a question about the members of nothing it changes.
      ['who is in the Contractors group', 'groups.members', { group: 'Contractors' }],
    ]);
  });

  describe('dial-in info asked in Chinese', () => {
    check([
      ['发我一下拨入号码', 'meetings.dialIn', {}],
      ['电话拨入方式是什么', 'meetings.dialIn', {}],
      ['拨号信息给我', 'meetings.dialIn', {}],
    ]);
  });

  describe('an extension named by its type is added', () => {
    check([
      ['add RoamedParticipantData to Budget review', 'extensions.add', { meeting: 'Budget review', extensionType: 'RoamedParticipantData' }],
      ['put RoamedOrganizerData on Retro', 'extensions.add', { meeting: 'Retro', extensionType: 'RoamedOrganizerData' }],
      // Asked about, extensions are listed.
      ['what custom data does Budget review have?', 'extensions.list', { meeting: 'Budget review' }],
      ['which extensions does the Retro have', 'extensions.list', { meeting: 'Retro' }],
    ]);
  });

  describe("a group's name changed (的名字换成)", () => {
    check([
      ['分组 老同学 的名字换成 大学同学', 'groups.rename', { group: '老同学', newName: '大学同学' }],
      ['把分组 家人 的名字换成 亲人', 'groups.rename', { group: '家人', newName: '亲人' }],
    ]);
  });

  describe('presence no longer wanted', () => {
    check([
      ["I don't care about the online status of Hikers anymore", 'groups.presenceStop', { group: 'Hikers' }],
      ['i dont care about the presence of Book Club', 'groups.presenceStop', { group: 'Book Club' }],
      ['no more availability pings for Vendors', 'groups.presenceStop', { group: 'Vendors' }],
      // Wanted, it is started.
      ['watch the presence of Hikers', 'groups.presence', { group: 'Hikers' }],
    ]);
  });

  describe('"stop tracking <id>" is a watch stopped, not the meeting ended', () => {
    check([
      ['stop tracking 912345678', 'huawei.unwatch', { meeting: '912345678' }],
      ['you can stop tracking 512 345 678 now', 'huawei.unwatch', { meeting: '512345678' }],
      ['stop tracking Budget review', 'watch.stop', { meeting: 'Budget review' }],
    ]);
  });

  describe('"mute-all" hyphenated', () => {
    check([
      ['turn off mute-all for 912345678', 'huawei.mute', { meeting: '912345678', on: false }],
      ['mute-all in 912345678', 'huawei.mute', { meeting: '912345678', on: true }],
    ]);
  });

  describe('a recording started is nothing the bot does; asked about, it is the policies', () => {
    check([
      ['帮我录制这个会', 'none', {}],
      ['开始录音', 'none', {}],
      ['我能录制吗', 'meetings.policies', {}],
    ]);
  });

  describe('words a colleague types that are no command words', () => {
    check([
      ["i'm lost, what can you do", 'help', {}],
      ['ok let thm in', 'lobby.admit', { all: true }],
    ]);
  });

  describe('Chinese names: 著 after a verb, phone users after a name, 加个分组', () => {
    check([
      ['誰在等著進入週例會', 'lobby.who', { meeting: '週例會' }],
      ['幫我盯著家人群組的上線情況', 'groups.presence', { group: '家人' }],
      ['把周例会的电话用户改成直接进', 'meetings.update', { meeting: '周例会', lobbyBypassForPhoneUsers: 'Enabled' }],
      ['帮我加个分组 羽毛球', 'groups.create', { group: '羽毛球' }],
    ]);
  });
});

describe('phrasing classes (issue 11, thirteenth pass): clock ranges said once or not at all', () => {
  check([
    ['schedule Design sync on Jan 20 from 1 to 2:30pm', 'meetings.create', { subject: 'Design sync', startTime: '2025-01-20T13:00:00', endTime: '2025-01-20T14:30:00' }],
    ['book a meeting called Hiring loop from 9 to 10:30 tomorrow', 'meetings.create', { subject: 'Hiring loop', startTime: '2025-01-16T09:00:00', endTime: '2025-01-16T10:30:00' }],
    ['create a meeting for the Roadmap review this afternoon 2 to 3', 'meetings.create', { subject: 'Roadmap review', startTime: '2025-01-15T14:00:00', endTime: '2025-01-15T15:00:00' }],
    ['schedule Ops sync friday 11-1pm', 'meetings.create', { subject: 'Ops sync', startTime: '2025-01-17T11:00:00', endTime: '2025-01-17T13:00:00' }],
    // Numbers in a name are no range.
    ['rename the Sprint 2 review to Sprint 3 review', 'meetings.update', { meeting: 'Sprint 2 review', subject: 'Sprint 3 review' }],
  ]);
});

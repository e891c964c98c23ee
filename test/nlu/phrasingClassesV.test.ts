import { check } from './phrasingCheck.js';

/**
 * After corpus V's first score (97.0 / 96.3; no read acted on as a write, 1 write read as another): the classes of
 * its misses, written here as neighbours, not copied from V; V no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after V)', () => {
  describe('commands said last, after their reason', () => {
    check([
      ['不想让你再用我的账号了，注销吧', 'signOut', {}],
      ['no to every one of them, decline', 'lobby.reject', { all: true }],
    ]);
  });

  describe('a group pointed at with 那个组, a group wished for, my groups', () => {
    check([
      ['销售那个组改叫大客户吧', 'groups.rename', { group: '销售', newName: '大客户' }],
      ['I would like a group called Vendors', 'groups.create', { group: 'Vendors' }],
      ['看一下我的分组', 'groups.list', {}],
    ]);
  });

  describe('the conference id, an extension added with 帮, the doorway as the lobby', () => {
    check([
      ['where do I find my conference id', 'meetings.dialIn', {}],
      ['帮季度复盘加一个扩展', 'extensions.add', { meeting: '季度复盘' }],
      ['门口有人在等吗', 'lobby.who', {}],
    ]);
  });

  describe('news told, small talk, what was done in another product: none', () => {
    check([
      ['the offsite got postponed again', 'none', {}],
      ['are you a robot?', 'none', {}],
      ['I declined the invite in Outlook already', 'none', {}],
      ['the lobby on the ground floor is so cold', 'none', {}],
    ]);
  });
});

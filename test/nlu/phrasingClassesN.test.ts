import { check } from './phrasingCheck.js';

/**
 * Classes of phrasing behind corpus N's safety misses (issue 11: its reads acted on as writes and its writes read as
 * another write), and their neighbours. The sentences are written here, not copied from any corpus: each section is
 * one mechanism with several phrasings of it (other names, other objects, other verbs), so a fix keyed on one
 * sentence fails the rest.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, safety fixes from N)', () => {
  describe('a room, desk or projector booked is no meeting (safety: it created one)', () => {
    check([
      ['book a meeting room for friday', 'none', {}],
      ['reserve the small conference room at 2pm', 'none', {}],
      ['can you book me a desk for tomorrow', 'none', {}],
      ['grab a huddle room for Thursday', 'none', {}],
      ['get us a room for 3pm', 'none', {}],
      ['book a projector for the Board prep', 'none', {}],
      ['帮我预订一间大会议室', 'none', {}],
      ['明天订个会议室', 'none', {}],
      ['订一间小会议室给面试用', 'none', {}],
      // Meetings are still booked, whatever their names hold.
      ['book a meeting with Dana tomorrow at 10am', 'meetings.create', { subject: 'with Dana', startTime: '2025-01-16T10:00:00' }],
      ['schedule a call called Room planning tomorrow at 3pm', 'meetings.create', { subject: 'Room planning', startTime: '2025-01-16T15:00:00' }],
      ['订一个会议 周例会 明天下午3点', 'meetings.create', { subject: '周例会', startTime: '2025-01-16T15:00:00' }],
    ]);
  });

  describe('a channel, chat, poll or document created is no meeting (safety: it created one)', () => {
    check([
      ['create a private channel for the design team', 'none', {}],
      ['make a new Teams channel called Launch', 'none', {}],
      ['set up a group chat with Ana and Raj', 'none', {}],
      ['start a chat with Lee', 'none', {}],
      ['create a poll for the offsite', 'none', {}],
      ['open a new doc for the retro notes', 'none', {}],
      ['帮我建一个Teams频道', 'none', {}],
      ['拉个群聊', 'none', {}],
      ['新建一个投票', 'none', {}],
      // Meetings and contact groups are still made, whatever their names hold.
      ['create a meeting called Channel strategy tomorrow at 2pm', 'meetings.create', { subject: 'Channel strategy', startTime: '2025-01-16T14:00:00' }],
      ['create a group called Channel partners', 'groups.create', { group: 'Channel partners' }],
      ['新建分组 羽毛球群', 'groups.create', { group: '羽毛球群' }],
    ]);
  });

  describe('a Chinese rename that says 会议 renames a meeting (it renamed a contact group)', () => {
    check([
      ['会议 设计评审 改名为 设计终审', 'meetings.update', { meeting: '设计评审', subject: '设计终审' }],
      ['把会议 周一同步 重命名成 周一站会', 'meetings.update', { meeting: '周一同步', subject: '周一站会' }],
      ['会议 季度盘点 更名为 年度盘点', 'meetings.update', { meeting: '季度盘点', subject: '年度盘点' }],
      ['把預算討論這個會議改名叫 預算終審', 'meetings.update', { meeting: '預算討論', subject: '預算終審' }],
      ['客户复盘这场会改名叫客户回顾', 'meetings.update', { meeting: '客户复盘', subject: '客户回顾' }],
      // A group said as one is still renamed as a group.
      ['把分组 实习生 改名为 新人', 'groups.rename', { group: '实习生', newName: '新人' }],
    ]);
  });

  describe('a group\'s online alerts (上线/在线提醒) stopped are the presence stop (it stopped a meeting watch)', () => {
    check([
      ['研发分组的上线通知别再发了', 'groups.presenceStop', { group: '研发' }],
      ['把老同学的在线提醒关了', 'groups.presenceStop', { group: '老同学' }],
      ['停掉家人分组的上下线推送', 'groups.presenceStop', { group: '家人' }],
      ['取消老同事分组的下线通知', 'groups.presenceStop', { group: '老同事' }],
      ['关掉市场部分组的上线提醒', 'groups.presenceStop', { group: '市场部' }],
      // A meeting's lobby alerts are still a meeting watch, and asking for online alerts still starts the presence watch.
      ['关掉周例会的大厅提醒', 'watch.stop', { meeting: '周例会' }],
      ['家人分组有人上线提醒我', 'groups.presence', { group: '家人' }],
    ]);
  });
});

import { check } from './phrasingCheck.js';

/**
 * Thirteenth pass, third part: classes of phrasing behind corpus Q's misses (Q was written blind and scored once —
 * 97.9 / 95.5 — before it was tuned on), and their neighbours. Written here, not copied from Q.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, thirteenth pass, from Q)', () => {
  describe('one dial-in caller who can join is let in; dial-in callers as a rule are a setting (a write read as another)', () => {
    check([
      ['the phone caller can join', 'lobby.admit', { person: 'the phone caller' }],
      ['dial-in callers can skip the lobby in Budget review', 'meetings.update', { meeting: 'Budget review', lobbyBypassForPhoneUsers: 'Enabled' }],
    ]);
  });

  describe('asked what the bot supports or how it reads a sentence', () => {
    check([
      ['list the things you support', 'help', {}],
      ['what commands do u understand', 'help', {}],
      ["what intent would you get for 'admit Bob'", 'debugParse', { keyword: 'admit Bob' }],
      ['你会怎么理解 删除周例会', 'debugParse', { keyword: '删除周例会' }],
      ['explain to me how you read: mute 912345678', 'debugParse', { keyword: 'mute 912345678' }],
    ]);
  });

  describe('a watch asked for with 那个会 and 一下', () => {
    check([
      ['季度复盘那个会有人在大厅等就提醒我一下', 'watch.start', { meeting: '季度复盘' }],
    ]);
  });

  describe('who may join, as "should only let in"', () => {
    check([
      ['Retro should only let in invited people', 'meetings.update', { meeting: 'Retro', accessLevel: 'Invited' }],
    ]);
  });

  describe('what may be chosen, people who may talk again, the date asked', () => {
    check([
      ['我可以设置的访问级别有哪些', 'meetings.eligibleValues', {}],
      ['everybody in 912345678 can speak again', 'huawei.mute', { meeting: '912345678', on: false }],
      ['今天星期几', 'none', {}],
      ['现在几点了', 'none', {}],
      // A meeting's time is still asked about the meeting.
      ['周例会几点开始', 'meetings.details', { meeting: '周例会' }],
    ]);
  });

  describe('names: to be admitted, waiting outside, lobby notices, an em dash, 讲讲, 列出, leaders', () => {
    check([
      ['who is waiting to be admitted to Budget review', 'lobby.who', { meeting: 'Budget review' }],
      ['把在外面等的人都放进来', 'lobby.admit', { all: true }],
      ['post the lobby notices for Retro in this chat', 'alerts.routeHere', { meeting: 'Retro' }],
      ['tell me about Budget review — the link, who can join, everything', 'meetings.details', { meeting: 'Budget review' }],
      ['show me everything about Retro — join link and access', 'meetings.details', { meeting: 'Retro' }],
      ['讲讲季度复盘这个会', 'meetings.details', { meeting: '季度复盘' }],
      ['列出正在开的会议', 'huawei.ongoing', {}],
      ['new meeting Design sync friday 10am, Ana and Tom as presenters', 'meetings.create', { subject: 'Design sync', startTime: '2025-01-17T10:00:00', leaders: ['Ana', 'Tom'] }],
      ['约个会，主题是周会，明天下午三点，主持人王芳', 'meetings.create', { subject: '周会', startTime: '2025-01-16T15:00:00', leaders: ['王芳'] }],
    ]);
  });
});

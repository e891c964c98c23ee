import { check } from './phrasingCheck.js';

/**
 * Thirteenth pass, last part: classes of phrasing behind corpus S's misses (S was written blind and scored once —
 * 97.7 / 96.6 — before it was tuned on), and their neighbours. Written here, not copied from S.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, thirteenth pass, from S)', () => {
  describe('the account hooked up is a sign-in (a read of it was a sign-out)', () => {
    check([
      ['can you hook me up to my Skype account', 'signIn', {}],
      ['connect it to my skype account please', 'signIn', {}],
      ['disconnect my skype account', 'signOut', {}],
    ]);
  });

  describe('a meeting scheduled with a phone setting is created, not changed (a write read as another)', () => {
    check([
      ['schedule Ops review tomorrow 9am, let dial-in callers skip the lobby', 'meetings.create', { subject: 'Ops review', startTime: '2025-01-16T09:00:00', lobbyBypassForPhoneUsers: 'Enabled' }],
      ['let dial-in callers skip the lobby in Ops review', 'meetings.update', { meeting: 'Ops review', lobbyBypassForPhoneUsers: 'Enabled' }],
    ]);
  });

  describe('dial-in numbers, presence updates, doors opened, watches stopped, contacts groups', () => {
    check([
      ['what are the call-in numbers', 'meetings.dialIn', {}],
      ['I want presence updates for my Hikers group', 'groups.presence', { group: 'Hikers' }],
      ['open the doors for everyone waiting in 912345678', 'huawei.admitWaiting', { meeting: '912345678' }],
      ['stop all my watches', 'watch.stop', { all: true }],
      ['start a contacts group Climbers', 'groups.create', { group: 'Climbers' }],
    ]);
  });

  describe('what the bot does not do: passwords, flights', () => {
    check([
      ['reset my password', 'none', {}],
      ['I forgot my password', 'none', {}],
      ['帮我查一下明天的机票', 'none', {}],
      ['给我看看所有命令的例子', 'help', {}],
    ]);
  });

  describe('names: the sentence to debug, those waiting, a meeting waited for, everyone in a group, org-wide', () => {
    check([
      ['debug the sentence admit Bob', 'debugParse', { keyword: 'admit Bob' }],
      ['把大厅里等着的都放进来', 'lobby.admit', { all: true }],
      ['有人等 周例会 的时候提醒我', 'watch.start', { meeting: '周例会' }],
      ['show me everyone in the Hikers group', 'groups.members', { group: 'Hikers' }],
      ["I don't care about Legal Team's online status anymore", 'groups.presenceStop', { group: 'Legal Team' }],
    ]);
  });
});

import { check } from './phrasingCheck.js';

/**
 * After corpus O's first score (98.2 / 97.7, one read acted on as a write): classes of phrasing behind O's misses,
 * and their neighbours. Written here, not copied from O; O no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after O)', () => {
  describe('a new channel made in Teams is none (a read acted on as a write)', () => {
    check([
      ['在Teams里建一个新频道', 'none', {}],
      ['帮我新建一个新的群聊', 'none', {}],
      // A contact group is still made.
      ['新增分组 球友', 'groups.create', { group: '球友' }],
    ]);
  });

  describe('reads and writes said without their usual verb', () => {
    check([
      ['hlp', 'help', {}],
      ["who's still waiting to be let in for Budget review", 'lobby.who', { meeting: 'Budget review' }],
      ['no need to keep an eye on Retro anymore', 'watch.stop', { meeting: 'Retro' }],
      ['only our company should be able to join Board prep', 'meetings.update', { meeting: 'Board prep', accessLevel: 'SameEnterprise' }],
      ['who hosts 912345678?', 'huawei.details', { meeting: '912345678' }],
      ['shut down 912345678 now, we are done', 'huawei.end', { meeting: '912345678' }],
      // Its alerts stopped are a watch stopped, not the meeting ended.
      ['stop 912345678 alerts', 'huawei.unwatch', { meeting: '912345678' }],
    ]);
  });

  describe('names: a clause after the subject, who leads, an extension called, the huawei schedule', () => {
    check([
      ["make a new meeting called Offsite that's open to everyone", 'meetings.create', { subject: 'Offsite', accessLevel: 'Everyone' }],
      ['创建会议 年会 由张伟主持', 'meetings.create', { subject: '年会', leaders: ['张伟'] }],
      ['add a RoamedParticipantData extension called ext9 to Retro', 'extensions.add', { meeting: 'Retro', extensionType: 'RoamedParticipantData', extensionId: 'ext9' }],
      ["what's on the huawei schedule", 'huawei.scheduled', {}],
    ]);
  });
});

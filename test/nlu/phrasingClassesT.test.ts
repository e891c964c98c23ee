import { check } from './phrasingCheck.js';

/**
 * After corpus T's first score (97.1 / 95.1; 2 reads acted on as writes, 4 writes read as another): the classes of
 * its safety misses, and their neighbours. Written here, not copied from T; T no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, safety fixes after T)', () => {
  describe('reads that were acted on as writes', () => {
    check([
      ['book the 3rd floor meeting room for tomorrow', 'none', {}],
      ['reserve the ground floor huddle room at 2pm', 'none', {}],
      ['帮我查一下上海到北京的机票', 'none', {}],
      ['明天天气怎么样', 'none', {}],
      // A meeting is still booked.
      ['book a meeting called Floor plan review tomorrow at 3pm', 'meetings.create', { subject: 'Floor plan review', startTime: '2025-01-16T15:00:00' }],
    ]);
  });

  describe('writes that were read as another write', () => {
    check([
      ['以后客户回访有人等就发到这个群', 'alerts.routeHere', { meeting: '客户回访' }],
      ['let anyone join Town Hall', 'meetings.update', { meeting: 'Town Hall', accessLevel: 'Everyone' }],
      // Everyone waiting is still let in.
      ['let everyone in', 'lobby.admit', { all: true }],
      ['帮我盯着球友组谁在线', 'groups.presence', { group: '球友组' }],
      ['cancel the presence subscription on Hikers', 'groups.presenceStop', { group: 'Hikers' }],
      // A meeting is still cancelled.
      ['cancel Budget review', 'meetings.delete', { meeting: 'Budget review' }],
    ]);
  });

  describe('reads said another way', () => {
    check([
      ['lobby notices for Retro should come here', 'alerts.routeHere', { meeting: 'Retro' }],
      ['show me everyone connected to 912345678', 'huawei.participants', { meeting: '912345678' }],
    ]);
  });
});

import { check } from './phrasingCheck.js';

/**
 * After corpus AA's first score (98.1 / 97.4; one read acted on as a write, 2 writes read as another unasked): the
 * classes of its misses, written here as neighbours, not copied from AA; AA no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AA)', () => {
  check([
    ['interpret delete group Hikers', 'debugParse', { keyword: 'delete group Hikers' }],
    ["I don't care if Hikers are online anymore, stop it", 'groups.presenceStop', { group: 'Hikers' }],
    ['我所有的会议都帮我盯着', 'watch.start', { all: true }],
    ['Ops sync should only be for people from our company', 'meetings.update', { meeting: 'Ops sync', accessLevel: 'SameEnterprise' }],
    ['which options are there for access level', 'meetings.eligibleValues', {}],
    ['the hold music in the lobby was terrible', 'none', {}],
    ['is the waiting room empty for Ops sync or is someone there', 'lobby.who', { meeting: 'Ops sync' }],
    ['约个会，明天上午十点，半个小时', 'meetings.create', { startTime: '2025-01-16T10:00:00', endTime: '2025-01-16T10:30:00' }],
    ['what extension types are on Ops sync', 'extensions.list', { meeting: 'Ops sync' }],
    ['Ops sync could use an extension', 'extensions.add', { meeting: 'Ops sync' }],
    ['约个会，后天，下午三点', 'meetings.create', { startTime: '2025-01-17T15:00:00' }],
  ]);
});

import { check } from './phrasingCheck.js';

/**
 * After corpus AF's first score (97.5 / 95.9; one write read as another unasked): the classes of its misses, written
 * here as neighbours, not copied from AF; AF no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AF)', () => {
  check([
    // "Cloud meeting" is Huawei Cloud Meeting's own word: it names the platform (had stopped the Skype watches).
    ['stop watching all my cloud meetings', 'huawei.unwatch', { all: true }],
    ['watch my cloud meeting Ops weekly', 'huawei.watch', { meeting: 'Ops weekly' }],
    // Nobody else getting in is a lock.
    ['nobody else should join 912345678', 'huawei.lock', { meeting: '912345678', on: true }],
    // 都 before turning off says all of them.
    ['华为会议的提醒都停了吧', 'huawei.unwatch', { all: true }],
  ]);
});

import { check } from './phrasingCheck.js';

/**
 * After corpus AE's first score (94.6 / 94.8; one read acted on as a write, two writes read as another unasked): the
 * classes of its misses, written here as neighbours, not copied from AE; AE no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AE)', () => {
  check([
    // When a meeting ends, asked, ends nothing (it had ended the Huawei conference).
    ['912 345 678 什么时候结束？', 'huawei.details', { meeting: '912345678' }],
    ['周会几点能开完', 'meetings.details', { meeting: '周会' }],
    // Made longer or moved to end at a time: changed, not ended; the time is its end.
    ['把复盘会延长到下午6点结束', 'meetings.update', { meeting: '复盘会', endTime: '2025-01-15T18:00:00' }],
    // A Skype meeting "killed" by name is cancelled (the dialog confirms), not a conference ended.
    ['pls kill the Ops sync meeting', 'meetings.delete', { meeting: 'Ops sync' }],
    // Someone waiting, as a condition in Chinese, names no meeting; with one, that one.
    ['有人在等就提醒我', 'watch.start', {}],
    // Every cloud meeting is all of them.
    ['stop the waiting-room pings for every cloud meeting', 'huawei.unwatch', { all: true }],
  ]);
});

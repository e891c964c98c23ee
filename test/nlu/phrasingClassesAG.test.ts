import { check } from './phrasingCheck.js';

/**
 * After corpus AG's first score (97.1 / 96.2; one read acted on as a write, one write read as another unasked): the
 * classes of those two, written here as neighbours, not copied from AG; AG no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AG)', () => {
  check([
    // A room booked is no meeting (会议 before 室 named none; it had booked a meeting called 五楼).
    ['帮我预订三楼的会议室', 'none', {}],
    ['帮我订一个周会', 'meetings.create', {}],
    // Put on the calendar is booked, the name being what is put there (it had changed the settings of no meeting).
    ['put Ops sync on the calendar for friday 2pm', 'meetings.create', { subject: 'Ops sync', startTime: '2025-01-17T14:00:00' }],
  ]);
});

import { check } from './phrasingCheck.js';

/**
 * After corpora AV and AW, written blind side by side and scored on the same code (AV 97.0 / 97.2 with one write read
 * as another unasked, AW 97.6 / 97.6 with two): only the classes of those three writes were tuned on, written here as
 * neighbours, not copied from either. After AX and AY (written beside each other after that): the class of AX's one
 * read acted on as a write and of one of AY's three writes read as another; the other two are left for the next pass.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AV, AW, AX and AY)', () => {
  check([
    // A meeting needed, said without "I", is booked; "lock it" after it is its access (AV's had changed a meeting).
    ['need a call tomorrow at 9am, lock it', 'meetings.create', { startTime: '2025-01-16T09:00:00', accessLevel: 'Locked' }],
    // A contact group (联系人组) made by its name is no meeting, 会 or not (AW's had booked a meeting "校友会").
    ['新建一个联系人组叫 同学会', 'groups.create', { group: '同学会' }],
    // People let speak in a Huawei meeting are unmuted, not let in (AW's had admitted everyone waiting).
    ['让 912345678 里的人都可以发言了', 'huawei.mute', { meeting: '912345678', on: false }],
    // The watch list named in Chinese starts no watch (AX's 監控清單 had started one on a meeting "清單").
    ['我的监控列表', 'watch.list', {}],
    ['關注清單', 'watch.list', {}],
    // Alerts quit are stopped (AY's "quit alerting me about the waiting room of <id>" had admitted everyone waiting).
    ['quit pinging me about the waiting room of 912345678', 'huawei.unwatch', { meeting: '912345678' }],
    ['quit notifying me about Retro', 'watch.stop', { meeting: 'Retro' }],
  ]);
});

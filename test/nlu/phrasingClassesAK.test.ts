import { check } from './phrasingCheck.js';

/**
 * After corpus AK's first score (97.7 / 95.6; no read acted on as a write, one write read as another unasked): the
 * class of that write, written here as a neighbour, not copied from AK; AK no longer counts as blind. Only this
 * class was tuned on. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AK)', () => {
  check([
    // A meeting that allows everyone in is its setting (AK's "<meeting> 允许所有人进入" had admitted everyone waiting).
    ['周会允许所有人加入', 'meetings.update', { meeting: '周会', accessLevel: 'Everyone' }],
    ['预算评审 准许任何人参加', 'meetings.update', { meeting: '预算评审', accessLevel: 'Everyone' }],
    // Those waiting, named, are still let in.
    ['周会大厅里等着的人都放进来', 'lobby.admit', { all: true, meeting: '周会' }],
  ]);
});

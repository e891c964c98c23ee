import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { check } from './phrasingCheck.js';

/**
 * After corpus X's first score (96.9 / 95.0; no read acted on as a write, 2 writes read as another): the classes of
 * its misses, written here as neighbours, not copied from X; X no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after X)', () => {
  check([
    ['switching jobs soon, unlink my account', 'signOut', {}],
    ['what did I tell you to keep an eye on', 'watch.list', {}],
    ['Suppliers should be renamed to Vendors', 'groups.rename', { group: 'Suppliers', newName: 'Vendors' }],
    ['我不要同学这个组了', 'groups.delete', { group: '同学' }],
    ['I don\'t care if Hikers are online any more', 'groups.presenceStop', { group: 'Hikers' }],
    ['不用再盯着家人的在线状态了', 'groups.presenceStop', { group: '家人' }],
    ['stop pinging me about 918273645', 'huawei.unwatch', { meeting: '918273645' }],
    ['my laptop got hacked last week', 'none', {}],
  ]);

  it('"trash Key clients" (a plural of people) offers the group and the meeting, and runs neither', () => {
    const result = createRecognizer().recognize('trash Key clients');
    assert.deepEqual(result.ask?.map((reading) => reading.intent).sort(), ['groups.delete', 'meetings.delete'], result.explanation.join('\n'));
  });
});

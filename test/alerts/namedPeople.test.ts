import assert from 'node:assert/strict';
import { matchNamedPeople } from '../../src/alerts/people.js';

/** Several people named in one request ("admit Bob and Carol"): each name matched on its own, never loosely. */
describe('lobby: people named in a list', () => {
  const waiting = [{ name: 'Bob Kelly' }, { name: 'Bob and Carol' }, { name: 'Carol Chen' }, { name: '张伟' }, { name: '李平' }, { name: '李娜' }];
  const found = (query: string, people = waiting) => matchNamedPeople(query, people).map(({ name, matches }) => [name, matches.map((person) => person.name)]);

  it('matches each name of a list joined by commas, "and", "&", 和 or 、', () => {
    const others = waiting.filter((person) => person.name !== 'Bob and Carol');
    assert.deepEqual(found('Bob, Carol & Dave', others), [['Bob', ['Bob Kelly']], ['Carol', ['Carol Chen']], ['Dave', []]]);
    assert.deepEqual(found('张伟和李娜'), [['张伟', ['张伟']], ['李娜', ['李娜']]]);
    assert.deepEqual(found('张伟、李娜'), [['张伟', ['张伟']], ['李娜', ['李娜']]]);
  });

  it('keeps a whole name that somebody waiting has, even one that reads as a list', () => {
    assert.deepEqual(found('Bob and Carol'), [['Bob and Carol', ['Bob and Carol']]]);
  });

  it('takes no part of a name for a name in a list, and no single character for a name', () => {
    assert.deepEqual(found('Bob Kelly and Al'), [['Bob Kelly', ['Bob Kelly']], ['Al', []]]);
    assert.deepEqual(found('张和平'), [['张和平', []]]);
  });
});

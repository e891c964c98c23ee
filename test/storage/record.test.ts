import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { decodeRecord, encodeRecord, fileNameForKey } from '../../src/storage/record.js';

/** The record file's names and checks: the hand-written check must decide exactly as the schema did. */
describe('storage/record', () => {
  const key = 'ref/user/29:1abc|x;y@z';
  const fileName = fileNameForKey(key);

  it('names a file by the sha256 of its key, as before', () => {
    for (const one of [key, '', '__proto__', '会议/😀', 'x'.repeat(5000)]) {
      assert.equal(fileNameForKey(one), `${createHash('sha256').update(one, 'utf8').digest('hex')}.json`);
    }
  });

  it('decodes what it encodes, with or without the key it was opened for', () => {
    const text = encodeRecord({ key, eTag: 'e1', itemJson: JSON.stringify({ a: 1, nested: { b: [1, null] }, __proto__x: 2 }) });
    const expected = { key, eTag: 'e1', item: { a: 1, nested: { b: [1, null] }, __proto__x: 2 } };
    assert.deepEqual(decodeRecord(text, fileName), expected);
    assert.deepEqual(decodeRecord(text, fileName, key), expected);
  });

  it('keeps a "__proto__" entry of an item as a plain entry', () => {
    const record = decodeRecord(`{"v":1,"key":${JSON.stringify(key)},"eTag":"e","item":{"__proto__":{"polluted":true}}}`, fileName, key);
    assert.equal(Object.getPrototypeOf(record.item), Object.prototype);
    assert.deepEqual(Object.keys(record.item), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('refuses what is not a record with the schema\'s words', () => {
    const bad: Array<[string, RegExp]> = [
      ['not json', /is not valid JSON/],
      ['null', /is not a storage record/],
      ['[]', /is not a storage record/],
      [`{"v":2,"key":"k","eTag":"e","item":{}}`, /is not a storage record: Invalid literal value/],
      [`{"v":1,"key":"","eTag":"e","item":{}}`, /is not a storage record/],
      [`{"v":1,"key":"k","eTag":"","item":{}}`, /is not a storage record/],
      [`{"v":1,"key":"k","eTag":"e","item":[]}`, /is not a storage record/],
      [`{"v":1,"key":"k","eTag":"e","item":null}`, /is not a storage record/],
      [`{"v":1,"key":"k","eTag":"e"}`, /is not a storage record: Required/],
      [`{"v":1,"key":5,"eTag":"e","item":{}}`, /is not a storage record: Expected string/],
    ];
    for (const [text, reason] of bad) assert.throws(() => decodeRecord(text, fileName), reason, text);
  });

  it('refuses a record whose key belongs in another file, by hash when indexing and by key when reading', () => {
    const text = encodeRecord({ key: 'another', eTag: 'e', itemJson: '{}' });
    assert.throws(() => decodeRecord(text, fileName), /holds key "another", which belongs in another file/);
    assert.throws(() => decodeRecord(text, fileName, key), /holds key "another", which belongs in another file/);
  });
});

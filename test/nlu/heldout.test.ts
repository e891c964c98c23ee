import assert from 'node:assert/strict';
import { benchHeldOut, heldOutCorpora } from '../../bench/nlu.js';
import { loadCorpus } from './corpus.js';

/**
 * The frozen held-out corpora (test/fixtures/nlu/heldout-*.json) load and are scored here for the record only:
 * no accuracy threshold is asserted, because a threshold on a held-out corpus invites tuning to it. The numbers
 * that count are reported by `npm run bench`.
 */
describe('held-out corpora (reported, not asserted)', () => {
  const paths = heldOutCorpora();

  it('finds at least one frozen corpus', () => {
    assert.ok(paths.length >= 1, 'no test/fixtures/nlu/heldout-*.json found');
  });

  for (const path of paths) {
    it(`${path.split('/').pop()} loads and is scored`, () => {
      assert.ok(loadCorpus(path).utterances.length > 0);
      const result = benchHeldOut(path);
      console.log(`      ${JSON.stringify(result)}`);
      assert.equal(result.utterances, loadCorpus(path).utterances.length);
    });
  }
});

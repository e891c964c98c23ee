import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeFile } from '../../src/storage/wholeFile.js';

/** The store's reads of whole records without readFile's size lookup: every size comes back whole and decoded. */
describe('reading a whole file', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'whole-file-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads files of every size around its read sizes whole, with characters split across reads intact', async () => {
    // 8 KB is the first read, then 16, 32, …: sizes at, below and above those edges, and far past them.
    for (const size of [0, 1, 700, 8191, 8192, 8193, 24_576, 24_577, 300_000, 2_500_000]) {
      // Three-byte characters put a character across each read's edge somewhere.
      const text = '€'.repeat(Math.floor(size / 3)) + 'x'.repeat(size % 3);
      const path = join(dir, `file-${size}`);
      await writeFile(path, text, 'utf8');
      assert.equal(await readWholeFile(path), text, `a file of ${size} bytes`);
    }
  });

  it('fails as readFile does for a file that is not there', async () => {
    await assert.rejects(readWholeFile(join(dir, 'missing')), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
  });
});

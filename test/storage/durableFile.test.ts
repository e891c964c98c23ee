import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFileDurably, syncDirectory } from '../../src/storage/durableFile.js';

/**
 * The crash-safety primitives with the directory flushes shared between concurrent writes (group commit): every
 * write still resolves only after a flush that began after its rename, and a failed flush fails each write sharing it.
 */
describe('durable file replacement', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'durable-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes many files at once, each whole, with no temp file left behind', async () => {
    const names = Array.from({ length: 40 }, (_, index) => `record-${index}.json`);
    await Promise.all(names.map((name, index) => replaceFileDurably(dir, name, JSON.stringify({ index }))));
    assert.deepEqual((await readdir(dir)).sort(), [...names].sort());
    for (const [index, name] of names.entries()) assert.deepEqual(JSON.parse(await readFile(join(dir, name), 'utf8')), { index });
    // The same names again, concurrently with flushes of their own: the last content of each is the one kept.
    await Promise.all(names.map((name, index) => Promise.all([replaceFileDurably(dir, name, JSON.stringify({ index, again: true })), syncDirectory(dir)])));
    for (const [index, name] of names.entries()) assert.deepEqual(JSON.parse(await readFile(join(dir, name), 'utf8')), { index, again: true });
  });

  it('fails every caller that shared a failed flush, and flushes again afterwards', async () => {
    const missing = join(dir, 'not-yet');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => syncDirectory(missing)));
    assert.ok(results.every((result) => result.status === 'rejected' && (result.reason as { code?: string }).code === 'ENOENT'));
    await mkdir(missing);
    await Promise.all(Array.from({ length: 5 }, () => syncDirectory(missing)));
  });

  it('starts a new flush for a caller that arrives while one runs, rather than resolving with the one under way', async () => {
    const order: string[] = [];
    const first = syncDirectory(dir).then(() => order.push('first'));
    // Arrives after the first flush began: it must not resolve with it (its rename may have come after it began).
    const second = syncDirectory(dir).then(() => order.push('second'));
    const third = syncDirectory(dir).then(() => order.push('third'));
    await Promise.all([first, second, third]);
    assert.equal(order[0], 'first');
    assert.deepEqual(order.slice(1).sort(), ['second', 'third']);
  });
});

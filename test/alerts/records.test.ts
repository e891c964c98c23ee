import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LobbyRecords } from '../../src/alerts/records.js';
import { FileStorage } from '../../src/storage/index.js';
import { alert } from './outboxFixtures.js';

/**
 * What an instance reads when it takes channels over (issue 13): the taken watchers' alerts, and only the alerts it
 * has never seen besides — not the whole outbox at every take-over.
 */
describe('lobby alert records read for a take-over', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'alert-records-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the taken watchers' alerts and the unknown ones, never a known alert of another watcher", async () => {
    const records = new LobbyRecords(storage);
    const of = (id: string, watcherId: string) => ({ ...alert(id), watcherId });
    for (const record of [of('a1', 'taken'), of('a2', 'taken'), of('b1', 'other'), of('c1', 'new-elsewhere')]) await records.saveAlert(record);
    const known = new Map([
      ['a1', 'taken'],
      ['b1', 'other'],
    ]);
    const readKeys: string[] = [];
    const read = storage.read.bind(storage);
    storage.read = async (keys: string[]) => {
      readKeys.push(...keys);
      return read(keys);
    };

    const found = await records.alertsOf(new Set(['taken']), (id) => known.get(id));

    assert.deepEqual(found.map((record) => record.id).sort(), ['a1', 'a2', 'c1']);
    assert.deepEqual(readKeys.sort(), ['lobby/alert/a1', 'lobby/alert/a2', 'lobby/alert/c1']);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { UcwaAccounts } from '../../src/sfb/accounts.js';
import { SignIns, type SignInUser } from '../../src/sfb/signIn.js';
import { SignInRecords } from '../../src/sfb/signInRecords.js';
import { FileStorage } from '../../src/storage/index.js';

const minute = 60_000;

/** Counts sweeps: each one lists and reads every sign-in state, which is what made N sign-ins cost N² reads. */
class CountingRecords extends SignInRecords {
  sweeps = 0;
  override async deleteExpiredSignInStates(now = Date.now()): Promise<number> {
    this.sweeps += 1;
    return super.deleteExpiredSignInStates(now);
  }
}

function user(n: number): SignInUser {
  return { id: `29:user-${n}`, name: `User ${n}`, upn: `user${n}@contoso.com`, language: 'en' };
}

describe('expired sign-in states are swept at most once per period, off the request path', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signin-sweep-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('fifty new links sweep once; the next link after ten minutes sweeps again and removes what expired', async () => {
    let clock = Date.now();
    const records = new CountingRecords(storage);
    const signIns = new SignIns({ accounts: {} as UcwaAccounts, records, logger: pino({ level: 'silent' }), tell: async () => {}, now: () => clock }, async () => {}, 5 * minute);

    for (let n = 0; n < 50; n += 1) await signIns.create(user(n));
    assert.equal((await storage.keys('lobby/signin/')).length, 50);
    assert.equal(records.sweeps, 1);

    clock += 9 * minute;
    await signIns.create(user(50));
    assert.equal(records.sweeps, 1, 'within the period no further sweep');

    clock += 2 * minute;
    await signIns.create(user(51));
    assert.equal(records.sweeps, 2);
    // The sweep runs in the background: the fifty links made at the start expired after five minutes, the last two live.
    const signInKeys = () => storage.keys('lobby/signin/');
    // Fifty durable deletes (each fsync'd) take a while on a busy disk: wait for them by time, not by event-loop ticks.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await signInKeys()).length > 2) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal((await signInKeys()).length, 2);
  });
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignInRecords, type SignInState } from '../../src/sfb/signInRecords.js';
import { FileStorage } from '../../src/storage/index.js';

const minute = 60_000;
const t0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function state(overrides: Partial<SignInState> = {}): SignInState {
  // Far in the future: the claim re-checks expiry against the real clock once its write is done.
  return { teamsUserId: '29:bob', name: 'Bob Kelly', upn: 'bob@contoso.com', language: 'en', expiresAt: Date.now() + 60 * minute, failures: 0, ...overrides };
}

/** Sign-in states on real storage, claimed the way page posts claim them, with the clock passed in. */
describe('sign-in state claims (eTag-based, one post at a time)', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signin-claims-'));
    storage = await FileStorage.open(dir);
  });

  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('of twenty claims at once, from separate record stores sharing the storage, exactly one wins', async () => {
    await new SignInRecords(storage).saveSignInState('state-one', state());
    // A SignInRecords per claimer: nothing in memory is shared, only the storage and its eTags (as across processes).
    const claims = await Promise.all(Array.from({ length: 20 }, () => new SignInRecords(storage).claimSignInState('state-one', 3 * minute, t0)));
    assert.equal(claims.filter((claim) => claim.kind === 'claimed').length, 1);
    assert.equal(claims.filter((claim) => claim.kind === 'busy').length, 19);
  });

  it('a released claim can be taken again, a used state never, and a lapsed lease frees the link', async () => {
    const records = new SignInRecords(storage);
    await records.saveSignInState('state-two', state());
    const first = await records.claimSignInState('state-two', 3 * minute, t0);
    assert.equal(first.kind, 'claimed');
    if (first.kind !== 'claimed') return;
    assert.equal((await records.claimSignInState('state-two', 3 * minute, t0 + minute)).kind, 'busy');
    // The holder died: once the lease has passed, the link is usable again (its failures unchanged).
    const second = await records.claimSignInState('state-two', 3 * minute, t0 + 4 * minute);
    assert.equal(second.kind, 'claimed');
    if (second.kind !== 'claimed') return;
    assert.equal(await records.settleSignInClaim('state-two', first.claimId, { failures: 1 }), false, 'a lapsed claim cannot settle');
    assert.equal(await records.settleSignInClaim('state-two', second.claimId, { failures: 1 }), true);
    const third = await records.claimSignInState('state-two', 3 * minute, t0 + 5 * minute);
    assert.ok(third.kind === 'claimed' && third.record.failures === 1, 'back for another try, one failure counted');
    assert.equal(await records.settleSignInClaim('state-two', third.claimId, { ended: 'used' }), true);
    assert.equal((await records.claimSignInState('state-two', 3 * minute, t0 + 6 * minute)).kind, 'used');
    assert.equal(await records.liveSignInState('state-two'), undefined);
  });

  it('a used state keeps no held command or personal details, and is deleted once expired', async () => {
    const records = new SignInRecords(storage);
    const expiresAt = Date.now() + 60 * minute;
    await records.saveSignInState('state-three', state({ expiresAt, held: { utterance: 'watch my meeting Budget review' } as SignInState['held'] }));
    const claim = await records.claimSignInState('state-three', 3 * minute, t0);
    assert.ok(claim.kind === 'claimed');
    await records.settleSignInClaim('state-three', claim.claimId, { ended: 'used' });
    const [key] = await storage.keys('lobby/signin/');
    const stored = (await storage.read([key!]))[key!] as SignInState;
    assert.deepEqual(Object.keys(stored).sort(), ['eTag', 'ended', 'expiresAt', 'failures', 'language', 'teamsUserId']);
    assert.equal(await records.deleteExpiredSignInStates(expiresAt - 1), 0);
    assert.equal(await records.deleteExpiredSignInStates(expiresAt), 1);
    assert.deepEqual(await storage.keys('lobby/signin/'), []);
  });

  it('a claimer holding a stale eTag cannot revive a used state', async () => {
    const records = new SignInRecords(storage);
    await records.saveSignInState('state-four', state());
    const [key] = await storage.keys('lobby/signin/');
    const stale = (await storage.read([key!]))[key!] as SignInState & { eTag: string };
    const claim = await records.claimSignInState('state-four', 3 * minute, t0);
    assert.ok(claim.kind === 'claimed');
    await records.settleSignInClaim('state-four', claim.claimId, { ended: 'used' });
    // What a slow second post would write after reading before the first one's claim: the eTag has moved on.
    await assert.rejects(storage.write({ [key!]: { ...stale, claim: { id: 'late', until: t0 + 3 * minute } } }), { name: 'ETagConflictError' });
    assert.equal((await records.claimSignInState('state-four', 3 * minute, t0)).kind, 'used');
  });

  it('expired and unknown states are refused before any write', async () => {
    const records = new SignInRecords(storage);
    await records.saveSignInState('state-five', state({ expiresAt: t0 }));
    assert.equal((await records.claimSignInState('state-five', 3 * minute, t0)).kind, 'expired');
    assert.equal((await records.claimSignInState('no-such-state', 3 * minute, t0)).kind, 'unknown');
  });
});

import assert from 'node:assert/strict';
import { appAuthAuthorization, appAuthStringToSign, signAppAuth } from '../../src/huawei/index.js';
import { startHuaweiSimulator, type HuaweiSimulator } from '../../src/huawei/simulator/index.js';

/** Raw HTTP against the simulator, to check it refuses what Huawei refuses (the client never sends these). */
describe('huawei simulator: App ID sign-in checks', () => {
  let sim: HuaweiSimulator;
  before(async () => {
    sim = await startHuaweiSimulator({ tokenLifetimeSeconds: 60 });
  });
  after(async () => {
    await sim.close();
  });

  let counter = 0;
  function signedRequest(overrides: { appKey?: string; expireTime?: number; nonce?: string; userId?: string; signature?: string } = {}) {
    const nonce = overrides.nonce ?? `nonce-${Date.now()}-${counter++}`.padEnd(40, 'x');
    const fields = { appId: sim.appId, userId: overrides.userId ?? 'alice@contoso.com', expireTime: overrides.expireTime ?? Math.floor(Date.now() / 1000) + 600, nonce };
    const signature = overrides.signature ?? signAppAuth(overrides.appKey ?? sim.appKey, appAuthStringToSign(fields));
    return fetch(`${sim.origin}/v2/usg/acs/auth/appauth`, {
      method: 'POST',
      headers: { Authorization: appAuthAuthorization(sim.appId, signature), 'X-Token-Type': 'LongTicket', 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...fields, clientType: 72 }),
    });
  }

  async function errorOf(response: Response) {
    return { status: response.status, body: (await response.json()) as { error_code: string; error_msg: string } };
  }

  it('issues a token for a correct signature, also in upper-case hex', async () => {
    const ok = await signedRequest();
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as { accessToken: string; validPeriod: number; user: { adminType: number } };
    assert.equal(typeof body.accessToken, 'string');
    assert.equal(body.validPeriod, 60);
    const nonce = 'U'.repeat(40);
    const fields = { appId: sim.appId, userId: 'bob@contoso.com', expireTime: Math.floor(Date.now() / 1000) + 600, nonce };
    const upper = await signedRequest({ userId: 'bob@contoso.com', nonce, signature: signAppAuth(sim.appKey, appAuthStringToSign(fields)).toUpperCase() });
    assert.equal(upper.status, 200);
  });

  it('refuses a wrong signature with the Huawei error body', async () => {
    const { status, body } = await errorOf(await signedRequest({ appKey: 'not-the-key' }));
    assert.equal(status, 401);
    assert.equal(body.error_code, 'USG.206010025');
    assert.equal(typeof body.error_msg, 'string');
  });

  it('refuses an expired expireTime', async () => {
    const { status, body } = await errorOf(await signedRequest({ expireTime: Math.floor(Date.now() / 1000) - 5 }));
    assert.equal(status, 401);
    assert.equal(body.error_code, 'USG.206010057');
  });

  it('refuses a replayed nonce', async () => {
    const nonce = 'r'.repeat(48);
    assert.equal((await signedRequest({ nonce })).status, 200);
    const { status, body } = await errorOf(await signedRequest({ nonce }));
    assert.equal(status, 401);
    assert.match(body.error_msg, /nonce/i);
  });

  it('refuses a nonce outside 32–64 characters and an unknown user', async () => {
    assert.equal((await signedRequest({ nonce: 'short' })).status, 400);
    const { status, body } = await errorOf(await signedRequest({ userId: 'mallory@contoso.com' }));
    assert.equal(status, 400);
    assert.equal(body.error_code, 'USG.201040000');
  });

  it('refuses API calls with a missing, unknown or expired token', async () => {
    const noToken = await errorOf(await fetch(`${sim.origin}/v1/mmc/management/conferences/online`));
    assert.deepEqual([noToken.status, noToken.body.error_code], [401, 'USG.000000004']);
    const { accessToken } = (await (await signedRequest()).json()) as { accessToken: string };
    const ok = await fetch(`${sim.origin}/v1/mmc/management/conferences/online?limit=500`, { headers: { 'X-Access-Token': accessToken } });
    assert.equal(ok.status, 200);
    const tooMany = await fetch(`${sim.origin}/v1/mmc/management/conferences/online?limit=501`, { headers: { 'X-Access-Token': accessToken } });
    assert.equal(tooMany.status, 400);
    sim.control.expireTokens();
    const expired = await errorOf(await fetch(`${sim.origin}/v1/mmc/management/conferences/online`, { headers: { 'X-Access-Token': accessToken } }));
    assert.deepEqual([expired.status, expired.body.error_code], [401, 'USG.000000004']);
  });

  it('exposes its control API over HTTP under /_sim/', async () => {
    const created = (await (await fetch(`${sim.origin}/_sim/meetings/bulk`, { method: 'POST', body: JSON.stringify({ count: 3 }) })).json()) as { conferenceIDs: string[] };
    assert.equal(created.conferenceIDs.length, 3);
    const meeting = (await (await fetch(`${sim.origin}/_sim/meetings/914083136`)).json()) as { subject: string; waiting: string[] };
    assert.equal(meeting.subject, '预算评审会');
    assert.equal(meeting.waiting.length, 2);
    const log = (await (await fetch(`${sim.origin}/_sim/requests`)).json()) as Array<{ path: string }>;
    assert.ok(log.some((entry) => entry.path === '/v2/usg/acs/auth/appauth'));
    assert.ok(!log.some((entry) => entry.path.startsWith('/_sim/')));
  });
});

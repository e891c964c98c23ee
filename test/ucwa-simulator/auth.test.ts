import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, BOB, fixtureBody, href, obj, openSession, signIn, startSim } from './helpers.js';

describe('UCWA simulator: discovery, web ticket and applications', () => {
  let sim: UcwaSimulator;
  beforeEach(async () => {
    sim = await startSim();
  });
  afterEach(() => sim.close());

  it('discovers, challenges with the documented MsRtcOAuth header and issues a cwt token', async () => {
    const root = obj(await (await fetch(sim.discoveryUrl, { headers: { accept: 'application/json' } })).json());
    assert.deepEqual(Object.keys(obj(root._links)).sort(), ['self', 'user', 'xframe']);
    const challenge = await fetch(href(root, 'user'));
    assert.equal(challenge.status, 401);
    const header = challenge.headers.get('www-authenticate') ?? '';
    assert.ok(
      header.includes(`MsRtcOAuth href="${sim.origin}/WebTicket/oauthtoken",grant_type="urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password"`),
      header,
    );
    const token = await signIn(sim, ...ALICE);
    assert.match(token, /^cwt=/);
    const user = obj(await (await fetch(href(root, 'user'), { headers: { authorization: `Bearer ${token}` } })).json());
    assert.deepEqual(Object.keys(obj(user._links)).sort(), ['applications', 'self', 'xframe']);
  });

  it('answers the token request with the documented fields, and invalid_grant for a wrong password', async () => {
    const post = (body: string) =>
      fetch(`${sim.origin}/WebTicket/oauthtoken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const ok = obj(await (await post('grant_type=password&username=bob%40contoso.com&password=Bob-Pass-1')).json());
    assert.deepEqual(Object.keys(ok).sort(), Object.keys(fixtureBody('createapp-webticket-oauthtoken-post-response.json')).sort());
    assert.equal(ok.token_type, 'Bearer');
    const bad = await post('grant_type=password&username=bob%40contoso.com&password=wrong');
    assert.equal(bad.status, 400);
    assert.deepEqual(await bad.json(), { error: 'invalid_grant' });
    assert.deepEqual(await (await post('grant_type=client_credentials')).json(), { error: 'unsupported_grant_type' });
  });

  it('follows a discovery redirect set through the control API', async () => {
    sim.control.setDiscoveryRedirect(true);
    const first = obj(await (await fetch(sim.discoveryUrl)).json());
    const target = href(first, 'redirect');
    assert.notEqual(target, sim.discoveryUrl);
    const second = obj(await (await fetch(target)).json());
    assert.equal((await fetch(href(second, 'user'))).status, 401);
  });

  it('creates applications, validates input, and reuses an application for the same endpointId', async () => {
    const token = await signIn(sim, ...BOB);
    const create = (body: unknown) =>
      fetch(`${sim.origin}/ucwa/oauth/v1/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    const invalid = await create({ userAgent: 'x', culture: 'en-US' });
    assert.equal(invalid.status, 400);
    const error = obj(await invalid.json());
    assert.equal(error.subcode, 'ParameterValidationFailure');
    assert.ok('endpointId' in obj(error.parameters));
    const first = obj(await (await create({ UserAgent: 'x', EndpointId: 'ep', Culture: 'en-US' })).json());
    const again = await create({ userAgent: 'x', endpointId: 'ep', culture: 'en-US' });
    assert.equal(again.status, 201);
    assert.equal(href(obj(await again.json()), 'self'), href(first, 'self'));
  });

  it('answers 401 after the token expires and 404/410 for ended applications', async () => {
    const session = await openSession(sim, ...ALICE);
    const self = href(session.app, 'self');
    assert.equal((await session.request('GET', self)).status, 200);
    assert.equal(sim.control.expireToken('alice@contoso.com'), 1);
    const expired = await session.request('GET', self);
    assert.equal(expired.status, 401);
    assert.match(expired.headers.get('www-authenticate') ?? '', /MsRtcOAuth/);

    const fresh = await openSession(sim, ...ALICE, 'second');
    sim.control.expireApplication(fresh.appId);
    const gone = await fresh.request('GET', href(fresh.app, 'self'));
    assert.equal(gone.status, 404);
    assert.equal(obj(await gone.json()).subcode, 'ApplicationNotFound');

    const third = await openSession(sim, ...ALICE, 'third');
    sim.control.expireApplication(third.appId, 'InactiveApplicationExpired');
    const inactive = await third.request('GET', href(third.app, 'events'));
    assert.equal(inactive.status, 410);
    assert.equal(obj(await inactive.json()).subcode, 'InactiveApplicationExpired');
  });

  it('refuses new applications with 410 TooManyApplications when told to', async () => {
    sim.control.setApplicationCreationFailure('TooManyApplications');
    await assert.rejects(openSession(sim, ...BOB), /410/);
    sim.control.setApplicationCreationFailure(null);
    const session = await openSession(sim, ...BOB);
    const deleted = await session.request('DELETE', href(session.app, 'self'));
    assert.equal(deleted.status, 204);
    assert.equal((await session.request('GET', href(session.app, 'self'))).status, 404);
  });
});

import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, href, obj, openSession, startSim, type Json, type Session } from './helpers.js';

describe('UCWA simulator: groups', () => {
  let sim: UcwaSimulator;
  let alice: Session;
  let myGroups: string;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
    myGroups = href(alice.embedded('people'), 'myGroups');
  });
  afterEach(() => sim.close());

  async function group(name: string): Promise<Json> {
    const groups = await alice.get(myGroups);
    const found = (obj(groups._embedded).group as Json[]).map(obj).find((g) => g.name === name);
    assert.ok(found, `group ${name}`);
    return found;
  }

  it('lists contacts of a group', async () => {
    const contacts = await alice.get(href(await group('Project team'), 'groupContacts'));
    const names = (obj(contacts._embedded).contact as Json[]).map((c) => obj(c).name).sort();
    assert.deepEqual(names, ['Bob Kelly', 'Carol Diaz', 'Frank Fischer']);
  });

  it('renames with If-Match, rejects long names, and sends group events only while subscribed', async () => {
    const vendors = await group('Vendors');
    const self = href(vendors, 'self');
    const etag = (await alice.request('GET', self)).headers.get('etag') ?? '';
    assert.equal((await alice.request('PUT', self, { body: { name: 'x'.repeat(257) }, headers: { 'if-match': etag } })).status, 400);
    assert.equal((await alice.request('PUT', self, { body: { name: 'Suppliers' } })).status, 428);

    const subscription = await alice.get(href(alice.embedded('people'), 'myContactsAndGroupsSubscription'));
    const started = await alice.request('POST', href(subscription, 'startOrRefreshSubscriptionToContactsAndGroups'), { body: { duration: 30 } });
    assert.equal(started.status, 201);
    assert.equal(obj(await started.json()).state, 'Connected');

    assert.equal((await alice.request('PUT', self, { body: { id: vendors.id, name: 'Suppliers' }, headers: { 'if-match': etag } })).status, 200);
    assert.equal((await alice.request('PUT', self, { body: { name: 'Again' }, headers: { 'if-match': etag } })).status, 412);
    const created = await alice.request('POST', myGroups, { body: { displayName: 'Auditors' } });
    assert.equal(created.status, 204);
    const duplicate = await alice.request('POST', myGroups, { body: { displayName: 'auditors' } });
    assert.equal(obj(await duplicate.json()).subcode, 'AlreadyExists');

    const { events } = await alice.events(`${href(alice.app, 'events')}&timeout=1`);
    const seen = events.map((e) => `${obj(e.link).rel}:${e.in ? `${obj(e.in).rel}:` : ''}${String(e.type)}`);
    assert.deepEqual(seen, ['group:updated', 'group:myGroups:added']);
    assert.ok(events.every((e) => e.sender === 'people'));
    assert.equal((await alice.request('DELETE', href(await group('Auditors'), 'self'))).status, 204);
  });
});

describe('UCWA simulator: fault injection', () => {
  let sim: UcwaSimulator;
  let alice: Session;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
  });
  afterEach(() => sim.close());

  it('answers an injected status with a UCWA error body and Retry-After, the given number of times', async () => {
    const dashboard = href(alice.embedded('onlineMeetings'), 'self');
    sim.control.injectFault({ method: 'GET', path: '/onlineMeetings', status: 503, retryAfter: 2, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const response = await alice.request('GET', dashboard);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '2');
      assert.equal(obj(await response.json()).code, 'ServiceUnavailable');
    }
    assert.equal((await alice.request('GET', dashboard)).status, 200);
  });

  it('drops the connection, breaks bodies and injects subcodes (regex paths over HTTP too)', async () => {
    const self = href(alice.app, 'self');
    sim.control.injectFault({ path: /\/applications\/\d+$/, drop: true });
    await assert.rejects(alice.request('GET', self));
    sim.control.injectFault({ path: self, malformed: true });
    const broken = await alice.request('GET', self);
    assert.equal(broken.status, 200);
    await assert.rejects(broken.json());
    const injected = await fetch(`${sim.origin}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pathRegex: '/people/groups$', status: 500, subcode: 'InvalidExchangeServerVersion' }),
    });
    assert.equal(injected.status, 201);
    const failed = await alice.request('GET', href(alice.embedded('people'), 'myGroups'));
    assert.equal(failed.status, 500);
    assert.equal(obj(await failed.json()).subcode, 'InvalidExchangeServerVersion');
  });

  it('drives the lobby over the HTTP control API', async () => {
    const post = (path: string, body?: unknown) =>
      fetch(`${sim.origin}/_sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const arrival = await post('lobby', { meeting: 'Weekly standup', name: 'Pat Phone', source: 'anonymous' });
    assert.equal(arrival.status, 201);
    const { participantId } = obj(await arrival.json());
    const lobby = obj(await (await fetch(`${sim.origin}/_sim/meetings/${encodeURIComponent('Weekly standup')}/lobby`)).json());
    assert.equal((lobby.participants as Json[]).length, 1);
    assert.equal((await post(`participants/${String(participantId)}/reject`)).status, 204);
    assert.equal(obj(await (await fetch(`${sim.origin}/_sim/participants/${String(participantId)}`)).json()).state, 'rejected');
    assert.equal((await post(`participants/${String(participantId)}/admit`)).status, 404);
    assert.equal((await post('lobby', { meeting: 'No such meeting', name: 'X' })).status, 404);
    assert.equal((await post('lobby', { meeting: 'Weekly standup' })).status, 400);
  });
});

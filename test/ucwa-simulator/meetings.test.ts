import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, CAROL, href, obj, openSession, startSim, type Json, type Session } from './helpers.js';

/** myOnlineMeetings / myOnlineMeeting (ETag, If-Match, whole-resource PUT) and onlineMeetingExtensions. */
describe('UCWA simulator: online meetings', () => {
  let sim: UcwaSimulator;
  let alice: Session;
  let collection: string;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
    collection = href(alice.embedded('onlineMeetings'), 'myOnlineMeetings');
  });
  afterEach(() => sim.close());

  async function budget(): Promise<{ body: Json; etag: string; self: string }> {
    const list = await alice.get(collection);
    const meeting = (obj(list._embedded).myOnlineMeeting as Json[]).map(obj).find((m) => m.subject === 'Budget review');
    assert.ok(meeting);
    const self = href(meeting, 'self');
    const response = await alice.request('GET', self);
    return { body: obj(await response.json()), etag: response.headers.get('etag') ?? '', self };
  }

  it('lists Alice’s meetings with her assigned meeting separate, and hides them from Carol', async () => {
    const list = await alice.get(collection);
    const subjects = (obj(list._embedded).myOnlineMeeting as Json[]).map((m) => obj(m).subject).sort();
    assert.deepEqual(subjects, ['Budget review', 'Design sync']);
    assert.equal(obj((obj(list._embedded).myAssignedOnlineMeeting as Json[])[0]).subject, 'Weekly standup');
    const { self } = await budget();
    const carol = await openSession(sim, ...CAROL);
    assert.equal((await carol.request('GET', self.replace(`/applications/${alice.appId}/`, `/applications/${carol.appId}/`))).status, 404);
  });

  it('PUT needs If-Match (428), a current ETag (412) and the whole resource (400); then changes the ETag', async () => {
    const { body, etag, self } = await budget();
    assert.ok(etag);
    const changed = { ...body, subject: 'Budget review (moved)' };
    assert.equal((await alice.request('PUT', self, { body: changed })).status, 428);
    assert.equal((await alice.request('PUT', self, { body: changed, headers: { 'if-match': '"stale"' } })).status, 412);
    const partial = await alice.request('PUT', self, { body: { subject: 'x' }, headers: { 'if-match': etag } });
    assert.equal(partial.status, 400);
    assert.ok('accessLevel' in obj(obj(await partial.json()).parameters));
    const ok = await alice.request('PUT', self, { body: changed, headers: { 'if-match': etag } });
    assert.equal(ok.status, 200);
    assert.equal(obj(await ok.json()).subject, 'Budget review (moved)');
    assert.notEqual(ok.headers.get('etag'), etag);
    assert.equal((await alice.request('PUT', self, { body: changed, headers: { 'if-match': etag } })).status, 412);
    const notModified = await alice.request('GET', self, { headers: { 'if-none-match': ok.headers.get('etag') ?? '' } });
    assert.equal(notModified.status, 304);
  });

  it('creates (201 + ETag), validates and deletes meetings', async () => {
    const created = await alice.request('POST', collection, { body: { subject: 'Retro', accessLevel: 'Locked', attendees: ['sip:bob@contoso.com'] } });
    assert.equal(created.status, 201);
    assert.ok(created.headers.get('etag'));
    const meeting = obj(await created.json());
    assert.match(meeting.onlineMeetingUri as string, /^sip:alice@contoso\.com;gruu;opaque=app:conf:focus:id:[A-Z0-9]{8}$/);
    const invalid = await alice.request('POST', collection, { body: { accessLevel: 'Whoever' } });
    assert.equal(invalid.status, 400);
    assert.equal(obj(await invalid.json()).subcode, 'ParameterValidationFailure');
    assert.equal((await alice.request('DELETE', href(meeting, 'self'))).status, 204);
    assert.equal((await alice.request('GET', href(meeting, 'self'))).status, 404);
  });

  it('manages onlineMeetingExtensions (POST 201, GET, PUT with If-Match, DELETE)', async () => {
    const { body } = await budget();
    const extensions = href(body, 'onlineMeetingExtensions');
    const created = await alice.request('POST', extensions, { body: { id: 'agenda', type: 'RoamedOrganizerData', topic: 'Q3' } });
    assert.equal(created.status, 201);
    const ext = obj(await created.json());
    assert.deepEqual([ext.id, ext.type, ext.topic], ['agenda', 'RoamedOrganizerData', 'Q3']);
    assert.equal((await alice.request('POST', extensions, { body: { id: 'agenda' } })).status, 409);
    assert.equal((await alice.request('POST', extensions, { body: { type: 'Bogus' } })).status, 400);
    const etag = (await alice.request('GET', href(ext, 'self'))).headers.get('etag') ?? '';
    const put = await alice.request('PUT', href(ext, 'self'), { body: { id: 'agenda', type: 'RoamedParticipantData' }, headers: { 'if-match': etag } });
    assert.equal(put.status, 200);
    assert.equal(obj(await put.json()).type, 'RoamedParticipantData');
    const list = await alice.get(extensions);
    assert.equal((obj(list._embedded).onlineMeetingExtension as Json[]).length, 1);
    assert.equal((await alice.request('DELETE', href(ext, 'self'))).status, 204);
  });
});

import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, href, obj, openSession, startSim, type Session } from './helpers.js';

/** Event channel: ack/next, resend of an unacknowledged response, timeout, PGetReplaced, resync, resume, XML. */
describe('UCWA simulator: event channel', () => {
  let sim: UcwaSimulator;
  let alice: Session;
  let events: string;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
    events = href(alice.app, 'events');
  });
  afterEach(() => sim.close());

  async function makeMeAvailable(): Promise<void> {
    const response = await alice.request('POST', href(alice.embedded('me'), 'makeMeAvailable'));
    assert.equal(response.status, 204);
  }

  it('answers an empty P-GET after its timeout with only a next link', async () => {
    const page = await alice.get(`${events}&timeout=0.1`);
    assert.deepEqual(Object.keys(obj(page._links)).sort(), ['next', 'self']);
    assert.equal(page.sender, undefined);
    assert.ok(href(page, 'next').endsWith('ack=2'));
  });

  it('resends the same events when the same ack is requested again, and moves on with next', async () => {
    await makeMeAvailable();
    const url = `${events}&timeout=0.2&medium=0.05`;
    const first = await alice.get(url);
    const again = await alice.get(url);
    assert.deepEqual(again, first);
    assert.ok(Array.isArray(first.sender));
    assert.equal(obj(first.sender[0]).rel, 'me');
    const after = await alice.get(`${href(first, 'next')}&timeout=0.05`);
    assert.equal(after.sender, undefined, 'acknowledged events are not delivered twice');
  });

  it('releases an earlier pending GET with 409 PGetReplaced', async () => {
    const pending = alice.request('GET', `${events}&timeout=5`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const replacing = alice.request('GET', `${events}&timeout=0.1`);
    const replaced = await pending;
    assert.equal(replaced.status, 409);
    assert.equal(obj(await replaced.json()).subcode, 'PGetReplaced');
    assert.equal((await replacing).status, 200);
  });

  it('answers a stale ack, or a forced resync, with only a resync link to the first unacknowledged set', async () => {
    const stale = await alice.get(events.replace('ack=1', 'ack=7'));
    assert.deepEqual(Object.keys(obj(stale._links)).sort(), ['resync', 'self']);
    assert.ok(href(stale, 'resync').endsWith('ack=1'));
    sim.control.forceResync(alice.appId);
    const forced = await alice.get(events);
    assert.ok(href(forced, 'resync').endsWith('ack=1'));
  });

  it('gives resume instead of next after the server dropped transient state', async () => {
    sim.control.forceResume(alice.appId);
    const page = await alice.get(`${events}&timeout=1`);
    assert.equal(obj(page._links).next, undefined);
    assert.ok(href(page, 'resume').endsWith('ack=2'));
  });

  it('delivers XML events when asked with the UCWA media type', async () => {
    await makeMeAvailable();
    const response = await alice.request('GET', `${events}&timeout=0.2&medium=0.05`, {
      headers: { accept: 'application/vnd.microsoft.com.ucwa+xml' },
    });
    const xml = await response.text();
    assert.match(xml, /<events href="[^"]+ack=1" xmlns="http:\/\/schemas.microsoft.com\/rtc\/2012\/03\/ucwa">/);
    assert.match(xml, /<link rel="next" href="[^"]+ack=2"\/>/);
    assert.match(xml, /<sender rel="me" href="[^"]+\/me">\s*<updated rel="me" href="[^"]+\/me"\/>/);
  });

  it('ends a waiting P-GET with 404 ApplicationNotFound when the application is deleted', async () => {
    const pending = alice.request('GET', `${events}&timeout=5`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await alice.request('DELETE', href(alice.app, 'self'))).status, 204);
    const response = await pending;
    assert.equal(response.status, 404);
    assert.equal(obj(await response.json()).subcode, 'ApplicationNotFound');
  });
});

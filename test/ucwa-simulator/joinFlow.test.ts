import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, fixtureBody, href, linkRels, obj, openSession, startSim, type Json, type Session } from './helpers.js';

/** The first event of a documented event-channel sample, with its sender's rel. */
function documentedEvent(file: string): Json & { sender: string } {
  const sender = (fixtureBody(file).sender as Json[])[0]!;
  return { ...(sender.events as Json[])[0]!, sender: sender.rel as string };
}

/** What identifies an event's kind: sender rel, target rel, collection rel, type. */
const kindOf = (event: Json & { sender: string }): string =>
  [event.sender, obj(event.link).rel, event.in ? obj(event.in).rel : '-', event.type].join(' ');

/**
 * The join flow of the documented samples (onlineMeetingInvitation_ref, conversation_ref, onlineMeeting_ref,
 * Operation resource): with /_sim/join-flow the invitation resource links no conversation, and the conversation is
 * known from the events alone; with /_sim/join-failure the invitation completes with a failure reason.
 */
describe('UCWA simulator: the documented join flow', () => {
  let sim: UcwaSimulator;
  let alice: Session;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
  });
  afterEach(() => sim.close());

  async function join(meeting: string, operationId: string, from?: string): Promise<{ location: string; next: string; seen: Array<Json & { sender: string }> }> {
    const uri = sim.control.meetings().find((candidate) => candidate.subject === meeting)!.onlineMeetingUri;
    const response = await alice.request('POST', href(alice.embedded('communication'), 'joinOnlineMeeting'), { body: { onlineMeetingUri: uri, operationId } });
    assert.equal(response.status, 201);
    const { next, seen } = await alice.drain(from ?? href(alice.app, 'events'), (events) => events.some((event) => event.type === 'completed'));
    return { location: response.headers.get('location')!, next, seen };
  }

  it('without the invitation link: started, conversation added, onlineMeeting added, completed — as documented', async () => {
    const switched = await fetch(`${sim.origin}/_sim/join-flow`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"invitationLinksConversation":false}' });
    assert.equal(switched.status, 204);
    const { location, seen } = await join('Budget review', 'op-linkless');
    const kinds = seen.map(kindOf);
    const documented = [
      'events-onlinemeetinginvitation-started.json',
      'events-conversation-added.json',
      'events-onlinemeeting-added.json',
    ].map((file) => kindOf(documentedEvent(file)));
    for (const kind of documented) assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(', ')}`);
    assert.ok(kinds.indexOf(documented[0]!) < kinds.indexOf(documented[1]!) && kinds.indexOf(documented[1]!) < kinds.indexOf(documented[2]!), kinds.join(', '));
    const completed = seen.find((event) => event.type === 'completed')!;
    assert.equal(completed.status, 'Success');
    const embedded = obj(obj(completed._embedded).onlineMeetingInvitation);
    assert.equal(embedded.operationId, 'op-linkless');
    assert.equal(obj(embedded._links).conversation, undefined, 'the completed invitation links no conversation');
    const invitation = await alice.get(location);
    assert.equal(obj(invitation._links).conversation, undefined, 'GET invitation links no conversation');
    // Otherwise the invitation keeps the documented operation resource's shape.
    const sample = obj(obj(documentedEvent('events-operationresource-onlinemeetinginvitation-started.json')._embedded).onlineMeetingInvitation);
    assert.deepEqual(Object.keys(invitation).filter((key) => key !== '_links').sort(), Object.keys(sample).filter((key) => key !== '_links').sort());
    assert.deepEqual(linkRels(invitation).filter((rel) => !linkRels(sample).includes(rel)), []);
  });

  it('by default the invitation links its conversation (the operation resource sample)', async () => {
    const { location } = await join('Budget review', 'op-linked');
    assert.ok(obj(obj((await alice.get(location))._links).conversation).href);
  });

  it('a failed join completes with status Failure and the reason, and creates no conversation', async () => {
    const failed = await fetch(`${sim.origin}/_sim/join-failure`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'Conflict', subcode: 'TooManyParticipants', message: 'The conference is full.' }),
    });
    assert.equal(failed.status, 204);
    const { location, next, seen } = await join('Budget review', 'op-failed');
    assert.deepEqual(seen.map(kindOf), ['communication onlineMeetingInvitation - started', 'communication onlineMeetingInvitation - completed']);
    const completed = seen[1]!;
    assert.equal(completed.status, 'Failure');
    assert.deepEqual(completed.reason, { code: 'Conflict', subcode: 'TooManyParticipants', message: 'The conference is full.' });
    assert.equal(obj(await alice.get(location)).state, 'Failed');
    // One use: the next join succeeds.
    const again = await join('Design sync', 'op-again', next);
    assert.equal(again.seen.find((event) => event.type === 'completed')?.status, 'Success');
  });
});

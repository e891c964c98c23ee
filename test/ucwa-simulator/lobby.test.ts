import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, BOB, CAROL, href, obj, openSession, startSim, type Json, type Session } from './helpers.js';

/** Join, lobby, admit/reject and their events, as seen by leaders and by an attendee. */
async function join(session: Session, meetingRef: string, from?: string): Promise<{ conversation: string; next: string }> {
  const meeting = session.sim.control.meetings().find((m) => m.subject === meetingRef);
  assert.ok(meeting);
  const communication = session.embedded('communication');
  const response = await session.request('POST', href(communication, 'joinOnlineMeeting'), {
    body: { onlineMeetingUri: meeting.onlineMeetingUri, operationId: `op-${session.appId}` },
  });
  assert.equal(response.status, 201);
  assert.ok(response.headers.get('location'));
  const { next, seen } = await session.drain(from ?? href(session.app, 'events'), (events) =>
    events.some((e) => obj(e.link).rel === 'onlineMeetingInvitation' && e.type === 'completed'),
  );
  const added = seen.find((e) => obj(e.link).rel === 'conversation' && e.type === 'added');
  assert.ok(added);
  const completed = seen.find((e) => e.type === 'completed');
  assert.equal(completed?.status, 'Success');
  assert.equal(obj(obj(completed?._embedded).onlineMeetingInvitation).operationId, `op-${session.appId}`);
  return { conversation: obj(added.link).href as string, next };
}

function summary(events: Json[]): string[] {
  return events.map((e) => `${obj(e.link).rel}:${e.in ? `${obj(e.in).rel}:` : ''}${String(e.type)}`);
}

describe('UCWA simulator: lobby', () => {
  let sim: UcwaSimulator;
  let alice: Session;
  let bob: Session;
  let carol: Session;
  let aliceConv: { conversation: string; next: string };
  let bobConv: { conversation: string; next: string };
  let carolConv: { conversation: string; next: string };

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
    carol = await openSession(sim, ...CAROL);
    bob = await openSession(sim, ...BOB);
    aliceConv = await join(alice, 'Budget review');
    carolConv = await join(carol, 'Budget review');
    bobConv = await join(bob, 'Budget review');
    // Joins announce each other; start every channel from a quiet point.
    for (const [session, conv] of [[alice, aliceConv], [carol, carolConv], [bob, bobConv]] as const) {
      const { page } = await session.events(`${conv.next}&timeout=0.05`);
      conv.next = href(page, 'next');
    }
  });
  afterEach(() => sim.close());

  it('shows admit/reject links to leaders (organizer, Carol) but not to attendee Bob', async () => {
    const id = sim.control.putInLobby({ meeting: 'Budget review', name: 'Guest Gina', source: 'anonymous' });
    for (const leader of [alice, carol]) {
      const lobby = await leader.get(`${(leader === alice ? aliceConv : carolConv).conversation}/lobby`);
      const waiting = (obj(lobby._embedded).participant as Json[]).map(obj);
      assert.equal(waiting.length, 1);
      assert.equal(waiting[0]?.name, 'Guest Gina');
      assert.equal(waiting[0]?.inLobby, true);
      assert.ok(obj(waiting[0]?._links).admit && obj(waiting[0]?._links).reject);
    }
    const participant = await bob.get(`${bobConv.conversation}/participants/${id}`);
    assert.equal(obj(participant._links).admit, undefined);
    assert.equal(obj(participant._links).reject, undefined);
    const forbidden = await bob.request('POST', `${bobConv.conversation}/participants/${id}/admit`);
    assert.equal(forbidden.status, 403);
  });

  it('admit → 204, lobby deleted, participant re-added, attendee added; second admit → 409', async () => {
    const id = sim.control.putInLobby({ meeting: 'Budget review', name: 'Vendor Val', sipUri: 'sip:val@litware.com', source: 'federated' });
    const arrived = await alice.events(`${aliceConv.next}&timeout=1`);
    assert.deepEqual(summary(arrived.events), ['participant:lobby:added']);
    assert.equal(obj(arrived.events[0]?.link).title, 'Vendor Val');
    const admitHref = href(await alice.get(obj(arrived.events[0]?.link).href as string), 'admit');
    assert.equal((await alice.request('POST', admitHref)).status, 204);
    const after = await alice.events(href(arrived.page, 'next'));
    assert.deepEqual(summary(after.events), ['participant:lobby:deleted', 'participant:added', 'participant:attendees:added', 'participant:updated']);
    assert.equal(sim.control.participantState(id), 'admitted');
    const again = await alice.request('POST', admitHref);
    assert.equal(again.status, 409);
    assert.equal(obj(await again.json()).subcode, 'AlreadyExists');
    const bobSaw = await bob.events(`${bobConv.next}&timeout=1`);
    assert.deepEqual(summary(bobSaw.events), ['participant:added', 'participant:attendees:added']);
  });

  it('reject → lobby deleted + participant deleted; acting on someone who left → 404', async () => {
    const rejected = sim.control.putInLobby({ meeting: 'Budget review', name: 'Rita', source: 'anonymous' });
    const gone = sim.control.putInLobby({ meeting: 'Budget review', name: 'Leo', source: 'anonymous' });
    const { next } = await carol.drain(carolConv.next, (events) => events.length >= 2);
    assert.equal((await carol.request('POST', `${carolConv.conversation}/participants/${rejected}/reject`)).status, 204);
    assert.equal(sim.control.participantState(rejected), 'rejected');
    const afterReject = await carol.events(next);
    assert.deepEqual(summary(afterReject.events), ['participant:lobby:deleted', 'participant:deleted']);
    sim.control.leave(gone);
    const missing = await carol.request('POST', `${carolConv.conversation}/participants/${gone}/admit`);
    assert.equal(missing.status, 404);
    assert.equal(sim.control.lobby('Budget review').length, 0);
  });

  it('a pool user who must wait sits InLobby until a leader admits them, then the join completes', async () => {
    const dave = await openSession(sim, 'dave@fabrikam.com', 'Dave-Pass-1');
    const meeting = sim.control.meetings().find((m) => m.subject === 'Design sync');
    assert.ok(meeting);
    const designAlice = await join(alice, 'Design sync', aliceConv.next);
    await dave.request('POST', href(dave.embedded('communication'), 'joinOnlineMeeting'), { body: { onlineMeetingUri: meeting.onlineMeetingUri } });
    const { next, seen } = await dave.drain(href(dave.app, 'events'), (events) => events.some((e) => obj(e.link).rel === 'localParticipant'));
    const conversationHref = obj(seen.find((e) => obj(e.link).rel === 'conversation')?.link).href as string;
    assert.equal((await dave.get(conversationHref)).state, 'InLobby');
    const waiting = sim.control.lobby('Design sync');
    assert.equal(waiting[0]?.name, 'Dave Fisher');
    const { seen: aliceSaw } = await alice.drain(designAlice.next, (events) => events.some((e) => obj(e.in ?? {}).rel === 'lobby'));
    const admit = href(await alice.get(obj(aliceSaw.find((e) => obj(e.in ?? {}).rel === 'lobby')?.link).href as string), 'admit');
    assert.equal((await alice.request('POST', admit)).status, 204);
    const { seen: daveSaw } = await dave.drain(next, (events) => events.some((e) => e.type === 'completed'));
    assert.equal(daveSaw.find((e) => e.type === 'completed')?.status, 'Success');
    assert.equal((await dave.get(conversationHref)).state, 'Conferenced');
  });

  it('leaving the conversation (DELETE) ends the conversation and tells the others', async () => {
    assert.equal((await bob.request('DELETE', bobConv.conversation)).status, 204);
    const own = await bob.events(`${bobConv.next}&timeout=1`);
    assert.deepEqual(summary(own.events), ['localParticipant:deleted', 'conversation:deleted']);
    const aliceSaw = await alice.events(`${aliceConv.next}&timeout=1`);
    assert.deepEqual(summary(aliceSaw.events), ['participant:attendees:deleted', 'participant:deleted']);
    assert.equal((await bob.request('GET', bobConv.conversation)).status, 404);
  });
});

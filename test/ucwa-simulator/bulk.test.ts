import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { href, obj, openSession, startSim, type Json, type Session } from './helpers.js';

/** The bulk control routes: many organizers with a meeting each, and lobby arrivals named by meeting or organizer. */
interface BulkUser {
  user: string;
  password: string;
  meetingId: string;
  subject: string;
  onlineMeetingUri: string;
}

async function control(sim: UcwaSimulator, path: string, body: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${sim.origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? obj(JSON.parse(text)) : {} };
}

async function joinOwnMeeting(session: Session, meeting: BulkUser): Promise<string> {
  const response = await session.request('POST', href(session.embedded('communication'), 'joinOnlineMeeting'), {
    body: { onlineMeetingUri: meeting.onlineMeetingUri, operationId: 'op-bulk' },
  });
  assert.equal(response.status, 201);
  const { next } = await session.drain(href(session.app, 'events'), (events) => events.some((e) => e.type === 'completed'));
  return next;
}

describe('UCWA simulator: bulk users and lobby arrivals by meeting or organizer', () => {
  let sim: UcwaSimulator;

  beforeEach(async () => {
    sim = await startSim();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('creates 1,000 people with passwords and one meeting each in one call; each can sign in and is alerted by organizer or meeting id', async () => {
    const created = await control(sim, '/_sim/users/bulk', { count: 1000, prefix: 'load' });
    assert.equal(created.status, 201);
    const users = created.json.users as BulkUser[];
    assert.equal(users.length, 1000);
    assert.equal(new Set(users.map((user) => user.user)).size, 1000);
    assert.equal(new Set(users.map((user) => user.meetingId)).size, 1000);
    assert.equal(users[999]!.user, 'load1000@contoso.com');
    const last = users[999]!;
    assert.ok(sim.control.meetings().some((meeting) => meeting.id === last.meetingId && meeting.organizer === last.user));

    const session = await openSession(sim, last.user, last.password);
    let next = await joinOwnMeeting(session, last);

    const byOrganizer = await control(sim, `/_sim/users/${encodeURIComponent(last.user)}/lobby`, { name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    assert.equal(byOrganizer.status, 201);
    assert.equal(byOrganizer.json.meetingId, last.meetingId);
    assert.ok(typeof byOrganizer.json.emittedAt === 'number' && Math.abs((byOrganizer.json.emittedAt as number) - Date.now()) < 60_000);
    const first = await session.drain(next, (events) => events.some((e) => obj(e.in ?? {}).rel === 'lobby' && e.type === 'added'));
    assert.equal(obj(first.seen.find((e) => obj(e.in ?? {}).rel === 'lobby')!.link).title, 'Dave Fisher');
    next = first.next;

    const byMeeting = await control(sim, `/_sim/meetings/${last.meetingId}/lobby`, { name: 'Erin Lee' });
    assert.equal(byMeeting.status, 201);
    const second = await session.drain(next, (events) => events.some((e) => obj(e.in ?? {}).rel === 'lobby' && e.type === 'added'));
    assert.equal(obj(second.seen.find((e) => obj(e.in ?? {}).rel === 'lobby')!.link).title, 'Erin Lee');
    assert.deepEqual(sim.control.lobby(last.meetingId).map((entry) => entry.name).sort(), ['Dave Fisher', 'Erin Lee']);
  });

  it('numbers a second batch on from the first, and refuses what it cannot do', async () => {
    await control(sim, '/_sim/users/bulk', { count: 2, prefix: 'org', password: 'Same-Pass-1' });
    const again = await control(sim, '/_sim/users/bulk', { count: 2, prefix: 'org', password: 'Same-Pass-1' });
    assert.deepEqual((again.json.users as BulkUser[]).map((user) => user.user), ['org3@contoso.com', 'org4@contoso.com']);
    assert.equal((await control(sim, '/_sim/users/bulk', { count: 0 })).status, 400);
    assert.equal((await control(sim, '/_sim/users/bob@contoso.com/lobby', { name: 'Nobody' })).status, 404);
    assert.equal((await control(sim, '/_sim/meetings/NOPE/lobby', { name: 'Nobody' })).status, 404);
  });
});

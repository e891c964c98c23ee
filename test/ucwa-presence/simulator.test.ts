import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { ALICE, CAROL, href, obj, openSession, propertyNames, startSim, type Json, type Session } from '../ucwa-simulator/helpers.js';

type FlatEvent = Json & { sender: string; senderHref: string };

function presenceFixture(name: string): Json {
  const url = new URL(`../../../test/fixtures/ucwa-presence/${name}`, import.meta.url);
  return obj(obj(JSON.parse(readFileSync(url, 'utf8'))).body);
}

/** Reads the channel (short holds, short medium window) until `until` is satisfied or `rounds` pages were read. */
async function readEvents(session: Session, position: { next: string }, until: (events: FlatEvent[]) => boolean, rounds = 20): Promise<FlatEvent[]> {
  const seen: FlatEvent[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const page = await session.get(position.next);
    for (const sender of (page.sender as Json[] | undefined) ?? []) {
      for (const event of sender.events as Json[]) seen.push({ ...event, sender: sender.rel as string, senderHref: sender.href as string });
    }
    position.next = href(page, 'next');
    if (until(seen)) return seen;
  }
  return seen;
}

function firstPosition(session: Session): { next: string } {
  return { next: `${href(session.app, 'events')}&timeout=0.2&medium=0.05` };
}

const isPresenceOf = (who: string) => (event: FlatEvent) => obj(event.link).rel === 'contactPresence' && String(obj(event.link).href).includes(encodeURIComponent(who));

async function subscribe(session: Session, groupName: string, duration = 30): Promise<Response> {
  const groups = await session.get(href(obj(session.embedded('people')), 'myGroups'));
  const group = (obj(groups._embedded).group as Json[]).find((candidate) => candidate.name === groupName);
  assert.ok(group, `group ${groupName}`);
  return session.request('POST', href(group, 'subscribeToGroupPresence'), { body: { duration } });
}

async function setPresence(sim: UcwaSimulator, body: unknown): Promise<Response> {
  return fetch(`${sim.origin}/_sim/presence`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('UCWA simulator: contact presence and presence subscriptions', () => {
  let sim: UcwaSimulator;
  let alice: Session;

  beforeEach(async () => {
    sim = await startSim();
    alice = await openSession(sim, ...ALICE);
  });
  afterEach(async () => sim.close());

  it('contacts link to a contactPresence resource shaped like the documented one', async () => {
    const contacts = await alice.get(`${href(obj(alice.embedded('people')), 'myGroups')}`);
    const project = (obj(contacts._embedded).group as Json[]).find((group) => group.name === 'Project team')!;
    const members = await alice.get(href(project, 'groupContacts'));
    const bob = (obj(members._embedded).contact as Json[]).find((contact) => contact.name === 'Bob Kelly')!;
    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Busy', activity: 'on-the-phone' });
    const presence = await alice.get(href(bob, 'contactPresence'));
    assert.deepEqual(propertyNames(presence), propertyNames(presenceFixture('contactpresence-get-response.json')));
    assert.equal(presence.availability, 'Busy');
    assert.equal(presence.activity, 'on-the-phone');
    assert.match(String(presence.lastActive), /^\/Date\(\d+\)\/$/);
  });

  it('a subscribed application hears documented contactPresence events; others and outsiders produce none', async () => {
    const carol = await openSession(sim, ...CAROL);
    assert.equal((await subscribe(alice, 'Project team')).status, 201);
    const alicePosition = firstPosition(alice);
    const carolPosition = firstPosition(carol);
    await readEvents(alice, alicePosition, () => true, 1);
    await readEvents(carol, carolPosition, () => true, 1);

    sim.control.setPresence({ user: 'erin@litware.com', availability: 'Away' }); // in Vendors, not in Project team
    sim.control.setPresence({ user: 'sip:bob@contoso.com', availability: 'Away' });
    const events = await readEvents(alice, alicePosition, (seen) => seen.some(isPresenceOf('bob@contoso.com')));
    const bobEvent = events.find(isPresenceOf('bob@contoso.com'))!;
    const documented = obj((obj((presenceFixture('events-contactpresence-updated.json').sender as Json[])[0]).events as Json[])[0]);
    assert.deepEqual(Object.keys(bobEvent).filter((key) => !key.startsWith('sender')).sort(), Object.keys(documented).sort());
    assert.equal(bobEvent.sender, 'people');
    assert.equal(bobEvent.type, 'updated');
    assert.equal(obj(bobEvent.in).rel, 'contact');
    assert.equal(`${obj(bobEvent.in).href}/contactPresence`, obj(bobEvent.link).href);
    assert.ok(!events.some(isPresenceOf('erin@litware.com')), 'a contact outside the subscribed group produces no event');
    assert.equal((await alice.get(String(obj(bobEvent.link).href))).availability, 'Away');

    const carolEvents = await readEvents(carol, carolPosition, () => false, 2);
    assert.ok(!carolEvents.some(isPresenceOf('bob@contoso.com')), 'an application without a subscription hears nothing');
  });

  it('validates the control API', async () => {
    assert.equal((await setPresence(sim, { user: 'bob@contoso.com', availability: 'Sleeping' })).status, 400);
    assert.equal((await setPresence(sim, { user: 'nobody@contoso.com', availability: 'Away' })).status, 404);
    assert.equal((await setPresence(sim, { user: 'bob@contoso.com', availability: 'BeRightBack', activity: 'coffee' })).status, 204);
    assert.deepEqual(sim.control.presence('bob@contoso.com'), { availability: 'BeRightBack', activity: 'coffee' });
    assert.equal((await subscribe(alice, 'Project team', 45)).status, 400, 'duration above 30 minutes is refused');
  });
});

describe('UCWA simulator: presence subscriptions run out', () => {
  let sim: UcwaSimulator;
  let alice: Session;

  // One subscription "minute" lasts 20 ms here, so 10 minutes are 200 ms (the warning 40 ms before the end).
  beforeEach(async () => {
    sim = await startSim({ presenceMinuteMs: 20 });
    alice = await openSession(sim, ...ALICE);
  });
  afterEach(async () => sim.close());

  it('warns with presenceSubscription updated before the end, then ends it and stops the events', async () => {
    const created = obj(await (await subscribe(alice, 'Project team', 10)).json());
    const subscriptionHref = href(created, 'self');
    const position = firstPosition(alice);
    const events = await readEvents(alice, position, (seen) => seen.some((event) => obj(event.link).rel === 'presenceSubscription' && event.type === 'deleted'));
    const kinds = events.filter((event) => obj(event.link).rel === 'presenceSubscription').map((event) => event.type);
    assert.deepEqual(kinds, ['updated', 'deleted']);
    const warning = events.find((event) => event.type === 'updated')!;
    assert.equal(warning.sender, 'people');
    assert.equal(obj(obj(warning._embedded).presenceSubscription).id, created.id, 'the warning embeds the subscription, as documented');
    assert.equal((await alice.request('GET', subscriptionHref)).status, 404);
    assert.deepEqual(sim.control.presenceSubscriptions(), []);

    sim.control.setPresence({ user: 'bob@contoso.com', availability: 'Away' });
    const after = await readEvents(alice, position, () => false, 2);
    assert.ok(!after.some(isPresenceOf('bob@contoso.com')), 'no presence events once the subscription ended');
  });

  it('POST on the subscription extends it by the duration, capped at 30 minutes', async () => {
    const created = obj(await (await subscribe(alice, 'Project team', 10)).json());
    const before = sim.control.presenceSubscriptions()[0]!.expiresAt.getTime();
    const extended = await alice.request('POST', href(created, 'self'), { body: { duration: 30 } });
    assert.equal(extended.status, 201);
    const after = sim.control.presenceSubscriptions()[0]!;
    assert.ok(after.expiresAt.getTime() > before, 'the end moved later');
    assert.ok(after.expiresAt.getTime() <= Date.now() + 30 * 20 + 5, 'never beyond 30 minutes from now');
    assert.deepEqual(after.members, ['bob@contoso.com', 'carol@contoso.com', 'frank@contoso.com']);
    assert.equal((await alice.request('DELETE', href(created, 'self'))).status, 204);
    assert.deepEqual(sim.control.presenceSubscriptions(), []);
  });
});

import assert from 'node:assert/strict';
import { ucwaSentence } from '../../src/teams/errorSentences.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { UcwaError, UcwaSession, type LobbyChange } from '../../src/ucwa/index.js';
import { activeAppOf, alice, allMeetings, expectUcwaError, options } from './client.js';

/** Resolves when `predicate` holds after an event, or fails after `ms` (no fixed sleeps). */
function until<T>(register: (notify: () => void) => void, read: () => T, predicate: (value: T) => boolean, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`condition not met within ${ms} ms; last value ${JSON.stringify(read())}`)), ms);
    const check = () => {
      const value = read();
      if (predicate(value)) {
        clearTimeout(timer);
        resolve(value);
      }
    };
    register(check);
    check();
  });
}

for (const format of ['json', 'xml'] as const) {
  describe(`ucwa client against the simulator (${format})`, function () {
    let sim: UcwaSimulator;
    let session: UcwaSession;

    before(async () => {
      sim = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
    });

    beforeEach(async () => {
      sim.control.reset();
      session = await UcwaSession.signIn(alice, options(sim, format));
    });

    afterEach(async () => {
      session.events.stop();
      await session.events.done();
      await session.signOut().catch(() => undefined);
    });

    after(async () => {
      await sim.close();
    });

    it('discovers, signs in with the password grant and creates one application', () => {
      const state = session.state();
      assert.ok(state.token, 'a web ticket was obtained');
      assert.ok(state.expiresAt && state.expiresAt > Date.now());
      assert.deepEqual(state.origins, [sim.origin]);
      assert.ok(activeAppOf(sim, 'alice@contoso.com'));
      assert.equal(session.applicationView().userAgent, 'MeetingOpsBot-tests/1.0');
      assert.equal(session.format, format);
    });

    it('refuses a wrong password with a plain sentence and no secret', async () => {
      await expectUcwaError(UcwaSession.signIn({ ...alice, password: 'wrong' }, options(sim, format)), (error) => {
        assert.equal(error.code, 'SignInFailed');
        assert.doesNotMatch(`${error.message} ${ucwaSentence(error, 'en')} ${ucwaSentence(error, 'zh')}`, /wrong|Alice-Pass/);
      });
    });

    it('reads the dashboard, every settings resource and the meeting list', async () => {
      const dashboard = await session.meetings.dashboard();
      assert.ok(dashboard.myOnlineMeetingsHref);
      const list = await session.meetings.list();
      const subjects = allMeetings(list).map((meeting) => meeting.subject);
      for (const subject of ['Budget review', 'Weekly standup', 'Design sync']) assert.ok(subjects.includes(subject), `${subject} in ${subjects.join(', ')}`);
      const defaults = await session.meetings.defaultValues();
      assert.ok(defaults.accessLevel);
      const eligible = await session.meetings.eligibleValues();
      assert.ok(eligible.accessLevels.length > 0);
      const policies = await session.meetings.policies();
      assert.ok(policies.resource.rel === 'onlineMeetingPolicies');
      const customization = await session.meetings.invitationCustomization();
      assert.equal(customization.resource.rel, 'onlineMeetingInvitationCustomization');
      const dialIn = await session.meetings.phoneDialInInformation();
      assert.equal(dialIn.resource.rel, 'phoneDialInInformation');
      if (dashboard.myAssignedOnlineMeetingHref) {
        const assigned = await session.meetings.assigned();
        assert.ok(assigned.onlineMeetingId);
      }
    });

    it('creates, reads, updates (If-Match) and deletes a meeting', async () => {
      const expires = new Date(Date.now() + 24 * 3600 * 1000);
      const created = await session.meetings.create({ subject: 'Client test', attendees: ['sip:bob@contoso.com'], accessLevel: 'Invited', expirationTime: expires });
      assert.equal(created.subject, 'Client test');
      assert.ok(created.onlineMeetingUri);
      const read = await session.meetings.get(created);
      assert.deepEqual(read.attendees, ['sip:bob@contoso.com']);
      const updated = await session.meetings.update(created, { subject: 'Client test (moved)', accessLevel: 'Locked' });
      assert.equal(updated.subject, 'Client test (moved)');
      assert.equal(updated.accessLevel, 'Locked');
      assert.deepEqual(updated.attendees, ['sip:bob@contoso.com'], 'properties not changed survive the PUT');
      await session.meetings.delete(created);
      await expectUcwaError(session.meetings.get(created), (error) => assert.equal(error.status, 404));
    });

    it('validates meeting input before sending it', async () => {
      await expectUcwaError(session.meetings.create({ attendees: ['bob'] }), (error) => {
        assert.equal(error.code, 'InvalidInput');
        assert.equal(error.problem?.kind, 'meetingInvalid');
        assert.match(ucwaSentence(error, 'en'), /SIP/);
      });
    });

    it('lists, creates, reads, updates and deletes meeting extensions', async () => {
      const meeting = allMeetings(await session.meetings.list()).find((item) => item.subject === 'Design sync')!;
      const extension = await session.extensions.create(meeting, { id: 'bot-notes', type: 'RoamedOrganizerData' });
      assert.equal(extension.id, 'bot-notes');
      assert.ok((await session.extensions.list(meeting)).some((item) => item.id === 'bot-notes'));
      assert.equal((await session.extensions.get(extension)).type, 'RoamedOrganizerData');
      const updated = await session.extensions.update(extension, { type: 'RoamedParticipantData' });
      assert.equal(updated.type, 'RoamedParticipantData');
      await session.extensions.delete(extension);
      assert.ok(!(await session.extensions.list(meeting)).some((item) => item.id === 'bot-notes'));
    });

    it('joins a meeting, sees the lobby live and on demand, admits, rejects and leaves', async () => {
      const changes: LobbyChange[] = [];
      const listeners: Array<() => void> = [];
      session.events.onLobby((change) => {
        changes.push(change);
        listeners.forEach((listener) => listener());
      });
      session.events.start();
      const meeting = allMeetings(await session.meetings.list()).find((item) => item.subject === 'Budget review')!;
      const joined = await session.lobby.join(meeting.onlineMeetingUri!);
      assert.ok(joined.conversationHref, 'the join operation links its conversation');
      const conversation = await session.lobby.conversation(joined.conversationHref);
      assert.equal((await session.lobby.onlineMeeting(conversation)).onlineMeetingUri, meeting.onlineMeetingUri);

      const daveId = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Guest' });
      const erinId = sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Guest' });
      await until((notify) => listeners.push(notify), () => changes.filter((change) => change.type === 'added').length, (count) => count >= 2);
      const arrivals = changes.filter((change) => change.type === 'added');
      assert.deepEqual(arrivals.map((change) => change.participant?.name).sort(), ['Dave Guest', 'Erin Guest']);
      assert.ok(arrivals.every((change) => change.participant?.admitHref && change.conversationHref === conversation.href));

      const waiting = await session.lobby.waiting(conversation);
      assert.deepEqual(waiting.map((person) => person.name).sort(), ['Dave Guest', 'Erin Guest']);
      await session.lobby.admit(waiting.find((person) => person.name === 'Dave Guest')!);
      await session.lobby.reject(waiting.find((person) => person.name === 'Erin Guest')!.href);
      assert.equal(sim.control.participantState(daveId), 'admitted');
      assert.equal(sim.control.participantState(erinId), 'rejected');
      assert.deepEqual(await session.lobby.waiting(conversation), []);
      await until((notify) => listeners.push(notify), () => changes.filter((change) => change.type === 'deleted').length, (count) => count >= 2);

      await expectUcwaError(session.lobby.admit(waiting[0]!), (error) => assert.equal(error.code, 'MissingLink'));
      await session.lobby.leave(conversation);
    });

    it('reads a lobby it has read before with one request, and as before once its conversation is gone', async () => {
      const gets: string[] = [];
      const counting: typeof fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if ((init?.method ?? 'GET') === 'GET' && /\/conversations\//.test(url)) gets.push(new URL(url).pathname.replace(/.*\/conversations\/[^/]+/, 'conversation'));
        return fetch(input, init);
      };
      const counted = await UcwaSession.signIn(alice, { ...options(sim, format), fetch: counting });
      try {
        const meeting = allMeetings(await counted.meetings.list()).find((item) => item.subject === 'Budget review')!;
        const joined = await counted.lobby.join(meeting.onlineMeetingUri!, { waitForConversationMs: 5_000 });
        sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Guest' });
        gets.length = 0;
        assert.deepEqual((await counted.lobby.waiting(joined.conversationHref!)).map((person) => person.name), ['Dave Guest']);
        assert.deepEqual(gets, ['conversation', 'conversation/lobby'], 'the first read finds the lobby through the conversation');
        gets.length = 0;
        sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Guest' });
        assert.deepEqual((await counted.lobby.waiting(joined.conversationHref!)).map((person) => person.name).sort(), ['Dave Guest', 'Erin Guest']);
        assert.deepEqual(gets, ['conversation/lobby'], 'read live, without the conversation');

        // The conversation is gone (the pool dropped it): the same error as a session that never read this lobby gets.
        const joinedApp = sim.control.applications().find((app) => app.user === 'alice@contoso.com' && app.conversations > 0)!;
        sim.control.forceResume(joinedApp.id);
        gets.length = 0;
        const remembered = await counted.lobby.waiting(joined.conversationHref!).then(() => undefined, (error: unknown) => error);
        assert.deepEqual(gets, ['conversation/lobby', 'conversation'], 'a link that no longer works sends the read the usual way');
        const fresh = await session.lobby.waiting(joined.conversationHref!).then(() => undefined, (error: unknown) => error);
        assert.ok(remembered instanceof UcwaError && fresh instanceof UcwaError, 'both fail');
        assert.deepEqual([remembered.status, remembered.code], [fresh.status, fresh.code]);
      } finally {
        counted.events.stop();
        await counted.events.done();
        await counted.signOut().catch(() => undefined);
      }
    });

    it('works with groups: list, create, rename, contacts, subscriptions, delete', async () => {
      const before = await session.groups.myGroups();
      assert.ok(before.links.length > 0);
      await session.groups.create('Bot test group');
      const created = (await session.groups.myGroups()).groups.find((group) => group.name === 'Bot test group');
      assert.ok(created, 'the new group is listed');
      const renamed = await session.groups.rename(created, 'Bot test group (renamed)');
      assert.equal(renamed.name, 'Bot test group (renamed)');
      const contacts = await session.groups.contacts(renamed);
      assert.ok(Array.isArray(contacts.contacts));
      const subscription = await session.groups.startOrRefreshSubscription(30);
      assert.ok(subscription.state);
      const presence = await session.groups.subscribeToGroupPresence(renamed, 20);
      assert.equal(presence.resource.rel, 'presenceSubscription');
      await expectUcwaError(session.groups.rename(renamed, 'x'.repeat(257)), (error) => assert.equal(error.code, 'InvalidInput'));
      await session.groups.delete(renamed);
      assert.ok(!(await session.groups.myGroups()).groups.some((group) => group.href === renamed.href));
    });

    it('never sends the token to an origin discovery did not establish', async () => {
      const seen: Array<string | undefined> = [];
      const stranger: Server = createServer((request, response) => {
        seen.push(request.headers.authorization);
        response.end('{}');
      });
      await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
      const { port } = stranger.address() as AddressInfo;
      try {
        await expectUcwaError(session.get(`http://127.0.0.1:${port}/ucwa/oauth/v1/applications/1`), (error) => {
          assert.equal(error.code, 'ForeignOrigin');
          assert.doesNotMatch(error.message, /cwt=|Bearer/);
        });
        await expectUcwaError(session.lobby.admit(`http://127.0.0.1:${port}/participants/1`), (error) => assert.equal(error.code, 'ForeignOrigin'));
        assert.deepEqual(seen, [], 'the stranger received no request at all');
      } finally {
        await new Promise<void>((resolve) => stranger.close(() => resolve()));
      }
    });

    it('retries a 503 with Retry-After on GET and succeeds once', async () => {
      sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', status: 503, retryAfter: 0.1, times: 1 });
      const list = await session.meetings.list();
      assert.ok(allMeetings(list).length >= 3);
    });

    it('does not retry a POST that reached the server', async () => {
      const before = sim.control.meetings().length;
      sim.control.injectFault({ method: 'POST', path: 'myOnlineMeetings', status: 503, times: 1 });
      await expectUcwaError(session.meetings.create({ subject: 'Should fail once' }), (error) => assert.equal(error.status, 503));
      assert.equal(sim.control.meetings().length, before);
    });

    it('re-reads and re-applies the change after 412 PreconditionFailed', async () => {
      const meeting = allMeetings(await session.meetings.list()).find((item) => item.subject === 'Weekly standup')!;
      sim.control.injectFault({ method: 'PUT', path: 'myOnlineMeetings', status: 412, times: 1 });
      const updated = await session.meetings.update(meeting, { description: 'Moved to Tuesdays' });
      assert.equal(updated.description, 'Moved to Tuesdays');
    });

    it('re-creates the application transparently after 404 ApplicationNotFound', async () => {
      const first = activeAppOf(sim, 'alice@contoso.com')!;
      sim.control.expireApplication(first, 'ApplicationNotFound');
      const list = await session.meetings.list();
      assert.ok(allMeetings(list).length >= 3);
      const second = activeAppOf(sim, 'alice@contoso.com');
      assert.ok(second && second !== first, 'a new application replaced the lost one');
    });

    it('keeps its event channel going after 410 InactiveApplicationExpired, on a new application', async () => {
      const stopped: string[] = [];
      const resets: string[] = [];
      session.events.onStopped((reason) => stopped.push(reason));
      session.events.onReset((reason) => void resets.push(reason));
      session.events.start();
      const first = activeAppOf(sim, 'alice@contoso.com')!;
      sim.control.expireApplication(first, 'InactiveApplicationExpired');
      // Only the event channel talks to the server now: a new application can only come from its own recovery.
      const ticker = setInterval(() => notifyAll(), 50);
      const waiters: Array<() => void> = [];
      const notifyAll = () => waiters.forEach((notify) => notify());
      try {
        const second = await until((notify) => waiters.push(notify), () => activeAppOf(sim, 'alice@contoso.com'), (app) => app !== undefined && app !== first);
        assert.notEqual(second, first);
        // The session tells its channel of the new application itself: the channel starts over and has the
        // watched meetings rebuilt.
        await until((notify) => waiters.push(notify), () => resets, (list) => list.includes('applicationRecreated'));
      } finally {
        clearInterval(ticker);
      }
      assert.deepEqual(stopped, [], 'the event channel did not stop');
    });

    it('signs in again after the token is revoked (401)', async () => {
      assert.ok(sim.control.expireToken('alice@contoso.com') > 0);
      const list = await session.meetings.list();
      assert.ok(allMeetings(list).length >= 3);
    });

    it('saves and restores a session without the password', async () => {
      const state = JSON.parse(JSON.stringify(session.state())) as ReturnType<UcwaSession['state']>;
      const restored = await UcwaSession.restore(state, options(sim, format));
      assert.equal(restored.application().href, session.application().href, 'the same application carries on');
      assert.ok(allMeetings(await restored.meetings.list()).length >= 3);
    });

    it('follows a discovery redirect and still lands on the applications link', async () => {
      sim.control.setDiscoveryRedirect(true);
      const redirected = await UcwaSession.signIn(alice, options(sim, format));
      try {
        assert.ok(allMeetings(await redirected.meetings.list()).length >= 3);
      } finally {
        await redirected.signOut();
      }
    });

    it('reports 410 TooManyApplications as a clear typed error', async () => {
      sim.control.setApplicationCreationFailure('TooManyApplications');
      await expectUcwaError(UcwaSession.signIn(alice, options(sim, format)), (error) => {
        assert.equal(error.status, 410);
        assert.equal(error.subcode, 'TooManyApplications');
        assert.match(ucwaSentence(error, 'en'), /too many apps/);
        assert.match(ucwaSentence(error, 'zh'), /太多应用/);
      });
      sim.control.setApplicationCreationFailure(null);
    });

    it('tells handlers to rebuild transient state on resume', async () => {
      const resets: string[] = [];
      const listeners: Array<() => void> = [];
      session.events.onReset((reason) => {
        resets.push(reason);
        listeners.forEach((listener) => listener());
      });
      session.events.start();
      sim.control.forceResume(activeAppOf(sim, 'alice@contoso.com')!);
      await until((notify) => listeners.push(notify), () => resets, (list) => list.includes('resume'));
    });

    it('stops quietly when another P-GET replaces ours (409 PGetReplaced)', async () => {
      const stopped: string[] = [];
      const listeners: Array<() => void> = [];
      session.events.onStopped((reason) => {
        stopped.push(reason);
        listeners.forEach((listener) => listener());
      });
      session.events.start();
      const twin = await UcwaSession.restore(JSON.parse(JSON.stringify(session.state())) as ReturnType<UcwaSession['state']>, options(sim, format));
      // Let our P-GET reach the server first, then the twin's replaces it.
      await twin.meetings.dashboard();
      twin.events.start();
      try {
        await until((notify) => listeners.push(notify), () => stopped, (list) => list.includes('replaced'));
      } finally {
        twin.events.stop();
        await twin.events.done();
      }
    });

    it('keeps every event through dropped P-GETs: none lost, none repeated', async () => {
      const names: string[] = [];
      const listeners: Array<() => void> = [];
      const meeting = allMeetings(await session.meetings.list()).find((item) => item.subject === 'Budget review')!;
      session.events.onLobby((change) => {
        if (change.type === 'added') names.push(change.participant?.name ?? change.title ?? '?');
        listeners.forEach((listener) => listener());
      });
      const positions: string[] = [];
      session.events.onPosition((position) => positions.push(position));
      session.events.start();
      await session.lobby.join(meeting.onlineMeetingUri!);
      sim.control.injectFault({ method: 'GET', path: '/events', drop: true, times: 3 });
      for (const name of ['Guest One', 'Guest Two', 'Guest Three']) sim.control.putInLobby({ meeting: 'Budget review', name });
      await until((notify) => listeners.push(notify), () => names.length, (count) => count >= 3);
      sim.control.putInLobby({ meeting: 'Budget review', name: 'Guest Four' });
      await until((notify) => listeners.push(notify), () => names.length, (count) => count >= 4);
      assert.deepEqual([...names].sort(), ['Guest Four', 'Guest One', 'Guest Three', 'Guest Two']);
      assert.ok(positions.length > 0 && session.events.position === positions.at(-1));
    });
  });
}

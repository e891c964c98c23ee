import assert from 'node:assert/strict';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { UcwaSession } from '../../src/ucwa/index.js';
import { activeAppOf, alice, allMeetings, expectUcwaError, options } from './client.js';

/** Every request the client sends, as "METHOD origin+path"; `reroute` can answer one URL from another. */
class RecordingFetch {
  readonly calls: string[] = [];
  reroute?: { from: string; to: string };

  readonly fetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    this.calls.push(`${init?.method ?? 'GET'} ${url.origin}${url.pathname}`);
    const target = this.reroute && url.toString() === this.reroute.from ? this.reroute.to : input;
    return fetch(target, init);
  };

  /** How many times autodiscovery started at `discoveryUrl` since the last `clear()`. */
  discoveries(discoveryUrl: string): number {
    const root = new URL(discoveryUrl);
    return this.calls.filter((call) => call === `GET ${root.origin}${root.pathname}`).length;
  }

  clear(): void {
    this.calls.length = 0;
  }
}

/**
 * The docs' rediscovery triggers: 403, 502, or repeated connection failures make the session re-run
 * autodiscovery (at most once a minute) before its next request, and move to a new pool if the user's
 * applications link changed.
 */
describe('ucwa client: rediscovery after 403, 502 and repeated connection failures', () => {
  let sim: UcwaSimulator;
  let recorder: RecordingFetch;
  let session: UcwaSession;
  let changes: Array<{ app: { href: string }; reason: string }>;

  before(async () => {
    sim = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
  });

  beforeEach(async () => {
    sim.control.reset();
    recorder = new RecordingFetch();
    session = await UcwaSession.signIn(alice, { ...options(sim, 'json'), fetch: recorder.fetch });
    changes = [];
    session.onApplicationChanged((app, reason) => changes.push({ app, reason }));
    recorder.clear();
  });

  afterEach(async () => {
    await session.signOut().catch(() => undefined);
  });

  after(async () => {
    await sim.close();
  });

  for (const status of [403, 502]) {
    it(`re-runs discovery once after HTTP ${status} and keeps the application when the pool did not move`, async () => {
      const app = session.application().href;
      sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', status, times: 1 });
      await expectUcwaError(session.meetings.list(), (error) => assert.equal(error.status, status));
      assert.equal(recorder.discoveries(sim.discoveryUrl), 0, 'the failed call itself is not repeated');

      assert.ok(allMeetings(await session.meetings.list()).length >= 3);
      assert.equal(recorder.discoveries(sim.discoveryUrl), 1);
      const rootCall = recorder.calls.findIndex((call) => call.startsWith(`GET ${sim.discoveryUrl}`));
      const listCall = recorder.calls.findLastIndex((call) => call.endsWith('/myOnlineMeetings'));
      assert.ok(rootCall < listCall, 'discovery runs before the next request');
      assert.equal(session.application().href, app, 'same pool, same application');
      assert.deepEqual(changes, []);

      sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', status, times: 1 });
      await expectUcwaError(session.meetings.list(), (error) => assert.equal(error.status, status));
      await session.meetings.list();
      assert.equal(recorder.discoveries(sim.discoveryUrl), 1, 'not again within the minute');
    });
  }

  it('re-runs discovery after three connection failures in a row, not after two', async () => {
    sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', drop: true, times: 2 });
    await session.meetings.list();
    await session.meetings.list();
    assert.equal(recorder.discoveries(sim.discoveryUrl), 0, 'two drops and a success are not "repeated" failures');

    sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', drop: true, times: 3 });
    assert.ok(allMeetings(await session.meetings.list()).length >= 3, 'the retries got through');
    await session.meetings.list();
    assert.equal(recorder.discoveries(sim.discoveryUrl), 1);
    assert.deepEqual(changes, []);
  });

  describe('when the user was moved to another pool', () => {
    let other: UcwaSimulator;

    before(async () => {
      other = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
    });

    after(async () => {
      await other.close();
    });

    it('signs in there, creates a new application and maps old hrefs onto it', async () => {
      const before = allMeetings(await session.meetings.list()).find((meeting) => meeting.subject === 'Budget review')!;
      const lost = session.application().href;
      // The discovery name now resolves to the other pool (a failover), and the old pool refuses us.
      recorder.reroute = { from: sim.discoveryUrl, to: other.discoveryUrl };
      sim.control.injectFault({ method: 'GET', path: 'myOnlineMeetings', status: 403, times: 1 });
      await expectUcwaError(session.meetings.list(), (error) => assert.equal(error.status, 403));

      assert.ok(allMeetings(await session.meetings.list()).length >= 3);
      assert.deepEqual(changes.map((change) => change.reason), ['rediscovered']);
      assert.ok(session.application().href.startsWith(`${other.origin}/`), 'the application now lives on the other pool');
      assert.ok(activeAppOf(other, alice.username), 'the other pool has our application');
      assert.ok(session.state().origins.includes(other.origin), 'discovery established the new origin');
      assert.ok(session.rebase(lost).startsWith(other.origin));
      assert.equal((await session.meetings.get(before)).subject, 'Budget review', 'an href from the old pool still works');
      recorder.reroute = undefined;
    });
  });
});

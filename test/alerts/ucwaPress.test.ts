import assert from 'node:assert/strict';
import type { WaitingRoomEvent, WaitingRoomHands } from '../../src/alerts/source.js';
import type { UcwaLobbyContext } from '../../src/alerts/sources/ucwa/context.js';
import { UcwaLobbySource } from '../../src/alerts/sources/ucwa/lobby.js';
import type { Watches } from '../../src/alerts/sources/ucwa/watches.js';
import { UcwaError, type LobbyChange, type ParticipantView, type UcwaSession } from '../../src/ucwa/index.js';
import { testLogger } from '../helpers/testLogger.js';

/**
 * The watcher's press on a Skype for Business alert acts through the view their own session got at the person's
 * arrival (no read of the person first); a link that no longer works sends the press the usual way (read, then act),
 * and nothing else is decided from the remembered view.
 */
describe('a Skype for Business press by the watcher', () => {
  const conversationHref = '/ucwa/app/1/communication/conversations/c1';
  const participantHref = `${conversationHref}/participants/guest`;
  const waitingView = (suffix: string): ParticipantView => ({
    href: participantHref,
    name: 'Guest',
    inLobby: true,
    admitHref: `${participantHref}/admit${suffix}`,
    rejectHref: `${participantHref}/reject${suffix}`,
  }) as ParticipantView;

  function setUp(postFailure?: (href: string) => Error | undefined) {
    const reads: string[] = [];
    const posts: string[] = [];
    let live = waitingView('-live');
    const session = {
      lobby: {
        async participant(href: string) {
          reads.push(href);
          return live;
        },
      },
      async post(href: string) {
        posts.push(href);
        const failure = postFailure?.(href);
        if (failure) throw failure;
        return { status: 204 };
      },
    } as unknown as UcwaSession;
    const context = {
      sfb: { session: async () => session, expireOnSignInFailure: async () => false },
      watchRecords: { watch: async () => ({ teamsUserId: 'alice', language: 'en', timeZone: 'UTC' }) },
      logger: testLogger(),
    } as unknown as UcwaLobbyContext;
    const watches = { meetingOf: async () => ({ uri: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:X', subject: 'Budget review', conversationHref }) } as unknown as Watches;
    const source = new UcwaLobbySource(context, watches);
    const events: WaitingRoomEvent[] = [];
    source.listen(async (event) => void events.push(event));
    const change = (type: LobbyChange['type'], participant?: ParticipantView): LobbyChange => ({ type, participantHref, conversationHref, lobbyHref: `${conversationHref}/lobby`, participant });
    const press = (action: 'admit' | 'reject', presser = 'alice') =>
      source.actAs({ id: presser }, { watcherId: 'alice', meetingKey: 'sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:X' }, (hands: WaitingRoomHands) =>
        hands[action]({ watcherId: 'alice', meetingKey: 'm', visitKey: participantHref, person: { key: 'name:guest', name: 'Guest' } }),
      );
    return { source, session, reads, posts, events, change, press, setLive: (view: ParticipantView) => (live = view) };
  }

  it('admits through the link its session saw at the arrival, without reading the person first', async () => {
    const { source, session, reads, posts, change, press } = setUp();
    await source.lobbyChanged('alice', session, change('added', waitingView('-seen')));
    assert.deepEqual(await press('admit'), { acted: 'done' });
    assert.deepEqual(reads, []);
    assert.deepEqual(posts, [`${participantHref}/admit-seen`]);
    // Used once: a second press reads the person.
    assert.deepEqual(await press('admit'), { acted: 'done' });
    assert.deepEqual(reads, [participantHref]);
  });

  for (const status of [404, 409, 410, 403]) {
    it(`reads the person afresh and acts as always when the remembered link answers ${status}`, async () => {
      const { source, session, reads, posts, change, press } = setUp((href) => (href.endsWith('-seen') ? new UcwaError({ status, code: 'Stale' }) : undefined));
      await source.lobbyChanged('alice', session, change('added', waitingView('-seen')));
      assert.deepEqual(await press('reject'), { acted: 'done' });
      assert.deepEqual(reads, [participantHref]);
      assert.deepEqual(posts, [`${participantHref}/reject-seen`, `${participantHref}/reject-live`]);
    });
  }

  it('decides nothing from the remembered view: someone no longer waiting when read afresh is gone', async () => {
    const { source, session, posts, change, press, setLive } = setUp((href) => (href.endsWith('-seen') ? new UcwaError({ status: 404, code: 'NotFound' }) : undefined));
    await source.lobbyChanged('alice', session, change('added', waitingView('-seen')));
    setLive({ href: participantHref, name: 'Guest', inLobby: false } as ParticipantView);
    assert.deepEqual(await press('admit'), { acted: 'gone' });
    assert.deepEqual(posts, [`${participantHref}/admit-seen`]);
  });

  it('does not act again on a failure that says nothing about the link (a server error)', async () => {
    const { source, session, reads, change, press } = setUp(() => new UcwaError({ status: 500, code: 'ServiceFailure' }));
    await source.lobbyChanged('alice', session, change('added', waitingView('-seen')));
    await assert.rejects(press('admit'), (error: unknown) => error instanceof UcwaError && error.status === 500);
    assert.deepEqual(reads, []);
  });

  it('forgets a person once their departure is heard', async () => {
    const { source, session, reads, posts, change, press } = setUp();
    await source.lobbyChanged('alice', session, change('added', waitingView('-seen')));
    await source.lobbyChanged('alice', session, change('deleted'));
    assert.deepEqual(await press('admit'), { acted: 'done' });
    assert.deepEqual(reads, [participantHref]);
    assert.deepEqual(posts, [`${participantHref}/admit-live`]);
  });
});

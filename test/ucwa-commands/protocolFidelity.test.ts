import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'mocha';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { UcwaSession } from '../../src/ucwa/index.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { isAlertFor } from '../alerts/helpers.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { fixture } from '../ucwa-simulator/helpers.js';

/**
 * Issue 14, "Protocol fidelity (UCWA)": typed into Teams chats and answered through /api/messages by the real bot,
 * against the sandbox's UCWA simulator — which, for items 1 and 2, answers with the documented sample payloads
 * (test/fixtures/ucwa, copied from the UCWA 2.0 reference) or follows the documented join flow.
 */
describe('UCWA protocol fidelity (end to end)', function () {
  let bot: BotUnderTest;
  let sim: UcwaSimulator;
  let alice: LocalConversation;

  before(async () => {
    bot = await startBotUnderTest();
    sim = bot.sandbox.simulators.ucwa!;
    alice = bot.channel.personalChat('alice@contoso.com');
  });

  after(async () => {
    await bot?.close();
  });

  afterEach(() => {
    sim.control.clearReplays();
    sim.control.setInvitationLinksConversation(true);
    sim.control.failNextJoin(null);
  });

  async function say(text: string, conversation: LocalConversation = alice): Promise<BotEvent> {
    await conversation.send(text);
    return conversation.nextMessage({ timeoutMs: 15_000 });
  }

  /** The documented sample's Etag response header, if it has one. */
  const etagOf = (file: string): string | undefined =>
    (fixture(file).response_headers as Array<[string, string]> | null)?.find(([name]) => name.toLowerCase() === 'etag')?.[1];

  /** Serves a documented GET response at the path its own links point to (or at `path`). */
  function serveSample(file: string, path?: string | RegExp): void {
    const sample = fixture(file);
    sim.control.replay({ method: 'GET', path: path ?? new URL(sample.url as string).pathname, body: sample.body, etag: etagOf(file) });
  }

  describe('1. choices a person can tell apart (documented myOnlineMeetings and myGroups samples)', () => {
    it('the same meeting listed as myAssignedOnlineMeeting and myOnlineMeeting is one meeting, not a question', async () => {
      // The reference page's myOnlineMeetings lists "Quarterly sales numbers" (IB88RLLY) twice, under two rels and hrefs.
      serveSample('myonlinemeetings-get-response.json', /^\/ucwa\/oauth\/v1\/applications\/\d+\/onlineMeetings\/myOnlineMeetings$/);
      serveSample('myonlinemeeting-get-response.json');
      serveSample('onlinemeetingextensions-get-response.json');
      const answer = await say('extensions of Quarterly sales numbers');
      assert.doesNotMatch(answer.rendered, /Which meeting/);
      assert.match(answer.rendered, /Quarterly sales numbers/);
      assert.match(answer.rendered, /917823/);
      assert.match(answer.rendered, /RoamedParticipantData/);
      assert.ok(
        sim.control.replayed().some((request) => request.path.endsWith('/myOnlineMeetings/943/onlineMeetingExtensions')),
        'the extensions were read from the documented meeting',
      );
    });

    it('"rename group" offers only the group that can be renamed: the personal group, not the same-named distribution group', async () => {
      // The documented myGroups (rev 2) holds a personal group and a distribution group, both "MyPersonalGroup".
      serveSample('groups-mygroups2-get-response.json', /^\/ucwa\/oauth\/v1\/applications\/\d+\/people\/groups$/);
      serveSample('group2-get-response.json');
      sim.control.replay({ method: 'PUT', path: '/ucwa/v1/applications/192/groups/group', status: 200 });
      const answer = await say('rename group MyPersonalGroup to Design team');
      assert.doesNotMatch(answer.rendered, /Which group/);
      assert.match(answer.rendered, /Renamed the group "MyPersonalGroup" to "Design team"/);
      const put = sim.control.replayed().find((request) => request.method === 'PUT');
      assert.ok(put, 'the personal group was PUT');
      assert.equal((JSON.parse(put.body) as { name?: string }).name, 'Design team');
      assert.match(put.ifMatch ?? '', new RegExp(etagOf('group2-get-response.json')!));
    });

    it('when both groups can do it ("who\'s in"), the question labels them by kind', async () => {
      serveSample('groups-mygroups2-get-response.json', /^\/ucwa\/oauth\/v1\/applications\/\d+\/people\/groups$/);
      serveSample('distributiongroup-get-response.json');
      const question = await say("who's in MyPersonalGroup");
      assert.match(question.rendered, /Which group\?/);
      const options = question.rendered.split('\n').filter((line) => /^\d+\./.test(line) && line.includes('MyPersonalGroup'));
      assert.equal(options.length, 2, question.rendered);
      assert.notEqual(options[0]!.replace(/^\W*\d+\W*/, ''), options[1]!.replace(/^\W*\d+\W*/, ''), 'the two options read differently');
      assert.ok(options.some((line) => /personal group/.test(line)));
      assert.ok(options.some((line) => /distribution group mypersonalgroup@contoso\.com/.test(line)));
      const distribution = options.findIndex((line) => /distribution group/.test(line)) + 1;
      const answer = await say(String(distribution));
      assert.match(answer.rendered, /Alex Doe/);
    });

    it('in Chinese, the kinds are told apart in Chinese', async () => {
      serveSample('groups-mygroups2-get-response.json', /^\/ucwa\/oauth\/v1\/applications\/\d+\/people\/groups$/);
      const question = await say('MyPersonalGroup 分组里有谁');
      assert.match(question.rendered, /哪个分组/);
      assert.match(question.rendered, /个人分组/);
      assert.match(question.rendered, /通讯组/);
      await say('cancel');
    });
  });

  describe('2. joining completes from the documented event flow', () => {
    it('without a conversation link on the invitation (the documented samples), the conversation comes from the events', async () => {
      sim.control.setInvitationLinksConversation(false);
      const answer = await say('watch my meeting Design sync');
      assert.match(answer.rendered, /I'm watching the lobby of \*\*Design sync\*\*/);
      // The lobby is really watched: someone waiting there reaches Alice as an alert.
      sim.control.putInLobby({ meeting: 'Design sync', name: 'Dana Linkless', sipUri: 'sip:dana@fabrikam.com', source: 'federated' });
      await alice.waitFor(isAlertFor('Dana Linkless'), { timeoutMs: 10_000 });
      // And the simulator really withheld the link: an independent join's invitation names no conversation.
      const observer = await UcwaSession.signIn({ kind: 'password', username: 'bob@contoso.com', password: 'Bob-Pass-1' }, { discoveryUrl: sim.discoveryUrl });
      try {
        const uri = sim.control.meetings().find((meeting) => meeting.subject === 'Weekly standup')!.onlineMeetingUri;
        const joined = await observer.lobby.join(uri, { waitForConversationMs: 0 });
        assert.equal((await observer.lobby.invitation(joined.invitationHref)).conversationHref, undefined);
      } finally {
        await observer.signOut().catch(() => undefined);
      }
      await say('stop watching Design sync');
    });

    it('with the link on the invitation, it joins as before', async () => {
      const answer = await say('watch my meeting Weekly standup');
      assert.match(answer.rendered, /I'm watching the lobby of \*\*Weekly standup\*\*/);
      sim.control.putInLobby({ meeting: 'Weekly standup', name: 'Lee Linked', sipUri: 'sip:lee@fabrikam.com', source: 'federated' });
      await alice.waitFor(isAlertFor('Lee Linked'), { timeoutMs: 10_000 });
      await say('stop watching Weekly standup');
    });

    it("a failed invitation's reason is told (completed event with status and reason)", async () => {
      sim.control.failNextJoin({ code: 'Conflict', subcode: 'TooManyParticipants', message: 'The conference is full.' });
      const answer = await say('watch my meeting Budget review');
      assert.match(answer.rendered, /I could not join \*\*Budget review\*\*: the meeting is full/);
      assert.match((await say('what are you watching')).rendered, /not watching any/);
    });

    it('an unknown reason is told with its code, in Chinese too', async () => {
      sim.control.failNextJoin({ code: 'ServiceFailure', subcode: 'SomethingNew' });
      const answer = await say('关注我的会议 Budget review');
      assert.match(answer.rendered, /我无法加入 \*\*Budget review\*\*/);
      assert.match(answer.rendered, /ServiceFailure\/SomethingNew/);
    });
  });

  describe('3. leaders can watch meetings they lead', () => {
    const joinUrl = 'https://meet.contoso.com/alice/BR7Q4K2M';

    it('a leader names the meeting by subject: told how to reach a meeting they lead', async () => {
      const carol = bot.channel.personalChat('carol@contoso.com');
      const answer = await say('watch my meeting Budget review', carol);
      assert.match(answer.rendered, /join link/);
      assert.match(answer.rendered, /watch meeting <join link>/);
    });

    it('a leader (co-organizer) watches by join link and gets the lobby alert', async () => {
      const carol = bot.channel.personalChat('carol@contoso.com');
      const answer = await say(`watch meeting ${joinUrl}`, carol);
      assert.match(answer.rendered, /I'm watching the lobby of \*\*Budget review\*\*/);
      sim.control.putInLobby({ meeting: 'Budget review', name: 'Fay Waiting', sipUri: 'sip:fay@fabrikam.com', source: 'federated' });
      await carol.waitFor(isAlertFor('Fay Waiting'), { timeoutMs: 10_000 });
      assert.match((await say('what are you watching', carol)).rendered, /Budget review/);
      await say('stop watching Budget review', carol);
    });

    it('also by the meeting URI', async () => {
      const carol = bot.channel.personalChat('carol@contoso.com');
      const answer = await say('watch meeting sip:alice@contoso.com;gruu;opaque=app:conf:focus:id:BR7Q4K2M', carol);
      assert.match(answer.rendered, /I'm watching the lobby of \*\*Budget review\*\*/);
      await say('stop watching Budget review', carol);
    });

    it('an attendee who is not a leader is told so, and nothing is watched', async () => {
      const bob = bot.channel.personalChat('bob@contoso.com');
      const answer = await say(`watch meeting ${joinUrl}`, bob);
      assert.match(answer.rendered, /You are not a leader of \*\*Budget review\*\*/);
      assert.match((await say('what are you watching', bob)).rendered, /not watching any/);
      assert.equal(sim.control.applications().filter((app) => app.user === 'bob@contoso.com').every((app) => app.conversations === 0), true, 'bob left the meeting');
    });

    it('a join link of no meeting says so', async () => {
      const carol = bot.channel.personalChat('carol@contoso.com');
      const answer = await say('watch meeting https://meet.contoso.com/alice/NOSUCH99', carol);
      assert.match(answer.rendered, /I could not join|I found no meeting at/);
      assert.doesNotMatch(answer.rendered, /I'm watching/);
    });
  });
});

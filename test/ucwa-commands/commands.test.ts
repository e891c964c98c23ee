import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { discoveryHealth } from '../../dialogs/ucwa/index.js';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { UcwaSession, type MeetingView } from '../../src/ucwa/index.js';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { defaultPeople } from '../../src/localChannel/people.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/**
 * The Skype for Business meeting and group commands, typed into a personal chat and answered through
 * /api/messages by the real bot against the UCWA simulator. An independent UCWA session of Alice's ("observer")
 * sets things up and checks what the simulator holds afterwards.
 */
describe('UCWA meeting and group commands (end to end)', function () {
  let bot: BotUnderTest;
  let simulator: UcwaSimulator;
  let alice: LocalConversation;
  let observer: UcwaSession;

  before(async () => {
    // Frank is in the pool's directory but has no password the sandbox knows: a Teams user who must sign in.
    bot = await startBotUnderTest({ users: [...defaultPeople, { name: 'Frank Fischer', userPrincipalName: 'frank@contoso.com' }] });
    simulator = bot.sandbox.simulators.ucwa!;
    alice = bot.channel.personalChat('alice@contoso.com');
    observer = await UcwaSession.signIn({ kind: 'password', username: 'alice@contoso.com', password: 'Alice-Pass-1' }, { discoveryUrl: simulator.discoveryUrl });
  });

  after(async () => {
    await observer?.signOut().catch(() => undefined);
    await bot?.close();
  });

  /** Types a message and returns the bot's answer (its rendered text, cards included). */
  async function say(text: string, conversation: LocalConversation = alice): Promise<BotEvent> {
    await conversation.send(text);
    return conversation.nextMessage({ timeoutMs: 10_000 });
  }

  async function meetings(): Promise<MeetingView[]> {
    const list = await observer.meetings.list();
    return [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings];
  }

  const meetingNamed = async (subject: string) => (await meetings()).find((meeting) => meeting.subject === subject);
  const groupNamed = async (name: string) => (await observer.groups.myGroups()).groups.find((group) => group.name === name);
  const simRequests = () => bot.logLines.filter((line) => line.includes('"msg":"ucwa-sim request"')).length;

  describe('meetings', () => {
    it('"my meetings" lists the seeded meetings on a card whose Details button opens one', async () => {
      const answer = await say('my meetings');
      assert.equal(answer.cards.length, 1);
      for (const subject of ['Budget review', 'Weekly standup', 'Design sync']) assert.match(answer.rendered, new RegExp(subject));
      const pressed = await alice.press(answer, 'Details');
      assert.equal(pressed.kind, 'invoke');
      const card = JSON.stringify(pressed.kind === 'invoke' ? pressed.card : undefined);
      assert.match(card, /BR7Q4K2M/);
      assert.match(card, /Carol|carol@contoso\.com/);
    });

    it('"details of budget" finds Budget review by a partial, case-insensitive name', async () => {
      const answer = await say('details of budget');
      assert.match(answer.rendered, /Budget review/);
      assert.match(answer.rendered, /BR7Q4K2M/);
      assert.match(answer.rendered, /4817263/);
      assert.match(answer.rendered, /carol@contoso\.com/);
    });

    it('an unknown meeting name says so and lists what exists', async () => {
      const answer = await say('details of Nonexistent thing');
      assert.match(answer.rendered, /couldn't find a meeting of yours called "Nonexistent thing"/);
      assert.match(answer.rendered, /Budget review/);
    });

    it('an ambiguous meeting name asks "Which meeting?" and uses the one picked', async () => {
      await observer.meetings.create({ subject: 'Roadmap alpha' });
      await observer.meetings.create({ subject: 'Roadmap beta' });
      const question = await say('details of roadmap');
      assert.match(question.rendered, /Which meeting\?/);
      assert.match(question.rendered, /Roadmap alpha/);
      assert.match(question.rendered, /Roadmap beta/);
      const options = question.rendered.split('\n').filter((line) => /Roadmap (alpha|beta)/.test(line));
      const betaNumber = options.findIndex((line) => line.includes('Roadmap beta')) + 1;
      const answer = await say(String(betaNumber));
      assert.match(answer.rendered, /Roadmap beta/);
      assert.doesNotMatch(answer.rendered, /Roadmap alpha/);
    });

    it('"create a meeting called … locked" creates a locked meeting in Skype for Business', async () => {
      const answer = await say('create a meeting called Quarterly planning locked');
      assert.match(answer.rendered, /Meeting created: Quarterly planning/);
      const created = await meetingNamed('Quarterly planning');
      assert.ok(created, 'the simulator holds the new meeting');
      assert.equal(created.accessLevel, 'Locked');
    });

    it('create with leaders and lobby bypass passes them to Skype for Business', async () => {
      await say('create a meeting called Offsite prep with lobby bypass for phone users and leaders bob@contoso.com');
      const created = await meetingNamed('Offsite prep');
      assert.ok(created);
      assert.deepEqual(created.leaders, ['sip:bob@contoso.com']);
      assert.equal(created.lobbyBypassForPhoneUsers, 'Enabled');
    });

    it('a missing subject is asked for, then used', async () => {
      const question = await say('create a meeting');
      assert.match(question.rendered, /What should the meeting be called\?/);
      const answer = await say('Team offsite');
      assert.match(answer.rendered, /Meeting created: Team offsite/);
      assert.ok(await meetingNamed('Team offsite'));
    });

    it('"cancel" while the subject is being asked for creates nothing', async () => {
      const before = (await meetings()).length;
      const question = await say('create a meeting');
      assert.match(question.rendered, /What should the meeting be called\?/);
      const answer = await say('cancel');
      assert.match(answer.rendered, /OK, cancelled\./);
      assert.equal((await meetings()).length, before);
      // The dialog really ended: the next message is a new command, not the subject.
      const next = await say('meeting policies');
      assert.match(next.rendered, /meeting policies/i);
    });

    it('a text far longer than any command is no answer to the subject question: it is refused and the question stays open', async () => {
      const before = (await meetings()).length;
      const question = await say('create a meeting');
      assert.match(question.rendered, /What should the meeting be called\?/);
      const refused = await say('Offsite '.repeat(3_500));
      assert.match(refused.rendered, /too long/);
      assert.equal((await meetings()).length, before);
      const answer = await say('Long text offsite');
      assert.match(answer.rendered, /Meeting created: Long text offsite/);
    });

    it('"change … to everyone" and "rename meeting … to …" update the meeting', async () => {
      await observer.meetings.create({ subject: 'Vendor call', accessLevel: 'Invited' });
      const changed = await say('change Vendor call to everyone');
      assert.match(changed.rendered, /Meeting updated/);
      assert.equal((await meetingNamed('Vendor call'))?.accessLevel, 'Everyone');
      const renamed = await say('rename meeting Vendor call to Supplier call');
      assert.match(renamed.rendered, /Meeting updated: Supplier call/);
      assert.ok(await meetingNamed('Supplier call'));
      assert.equal(await meetingNamed('Vendor call'), undefined);
    });

    it('a new time sets when the meeting expires and says Skype meetings have no start time', async () => {
      await observer.meetings.create({ subject: 'Launch review' });
      const answer = await say('move Launch review to tomorrow at 3pm');
      assert.match(answer.rendered, /no start time/);
      const expiration = (await meetingNamed('Launch review'))?.expirationTime;
      assert.ok(expiration && expiration.getTime() > Date.now() + 3600_000, `expiration moved into the future (${expiration?.toISOString()})`);
    });

    it('delete asks first: "no" keeps the meeting, "yes" deletes it', async () => {
      await observer.meetings.create({ subject: 'Disposable sync' });
      const question = await say('delete meeting Disposable');
      assert.match(question.rendered, /Delete the meeting "Disposable sync"\?/);
      const kept = await say('no');
      assert.match(kept.rendered, /kept "Disposable sync"/);
      assert.ok(await meetingNamed('Disposable sync'));

      await say('delete meeting Disposable');
      const done = await say('yes');
      assert.match(done.rendered, /Deleted the meeting "Disposable sync"/);
      assert.equal(await meetingNamed('Disposable sync'), undefined);
      assert.equal(simulator.control.meetings().some((meeting) => meeting.subject === 'Disposable sync'), false);
    });

    it('"cancel" at the delete confirmation keeps the meeting', async () => {
      await observer.meetings.create({ subject: 'Keeper sync' });
      await say('delete meeting Keeper sync');
      const answer = await say('cancel');
      assert.match(answer.rendered, /OK, cancelled\./);
      assert.ok(await meetingNamed('Keeper sync'));
    });

    it('defaults, eligible values, policies, dial-in and invitation text come from the server', async () => {
      assert.match((await say('meeting defaults')).rendered, /Anyone from my organization[\s\S]*250/);
      assert.match((await say('what can I choose')).rendered, /Only invited people/);
      assert.match((await say('meeting policies')).rendered, /Maximum meeting size[\s\S]*250/);
      const dialIn = await say('dial-in numbers');
      assert.match(dialIn.rendered, /\+14255550100/);
      assert.match(dialIn.rendered, /London/);
      assert.match(dialIn.rendered, /Shanghai/);
      assert.match((await say('invitation text')).rendered, /confidential to Contoso/);
    });

    it('"add extension …" adds one that "extensions of …" then lists', async () => {
      const added = await say('add extension RoamedOrganizerData with id notes to Budget review');
      assert.match(added.rendered, /Extension added to "Budget review"/);
      const budget = await meetingNamed('Budget review');
      const extensions = await observer.extensions.list(budget!);
      assert.ok(extensions.some((extension) => extension.id === 'notes' && extension.type === 'RoamedOrganizerData'));
      const listed = await say('extensions of Budget review');
      assert.match(listed.rendered, /notes/);
      assert.match(listed.rendered, /RoamedOrganizerData/);
    });

    it('a Skype for Business refusal is shown as its plain sentence', async () => {
      simulator.control.injectFault({ method: 'POST', path: 'myOnlineMeetings', status: 409, subcode: 'TooManyOnlineMeetings' });
      const answer = await say('create a meeting called One too many');
      assert.match(answer.rendered, /maximum number of Skype meetings/);
      assert.equal(await meetingNamed('One too many'), undefined);
    });

    it('answers in Chinese to a Chinese message', async () => {
      const answer = await say('我的会议');
      assert.match(answer.rendered, /您的 Skype for Business 会议/);
    });
  });

  describe('contact groups', () => {
    it('"my groups" lists personal, built-in and distribution groups; a Members button opens one', async () => {
      const answer = await say('my groups');
      for (const name of ['Project team', 'Vendors', 'Favorites', 'Other Contacts', 'Finance Team']) assert.match(answer.rendered, new RegExp(name));
      const pressed = await alice.press(answer, 'Members: Vendors');
      assert.equal(pressed.kind, 'invoke');
      assert.match(JSON.stringify(pressed.kind === 'invoke' ? pressed.card : undefined), /Dave Fisher/);
    });

    it("\"who's in Project team\" lists its contacts", async () => {
      const answer = await say("who's in Project team");
      for (const name of ['Bob Kelly', 'Carol Diaz', 'Frank Fischer']) assert.match(answer.rendered, new RegExp(name));
    });

    it('"create group …" creates it in Skype for Business', async () => {
      const answer = await say('create group Suppliers');
      assert.match(answer.rendered, /Created the group "Suppliers"/);
      assert.ok(await groupNamed('Suppliers'));
      const again = await say('create group suppliers');
      assert.match(again.rendered, /already have a group called/);
    });

    it('"rename group … to …" renames it', async () => {
      await observer.groups.create('Temp team');
      const answer = await say('rename group Temp team to Core team');
      assert.match(answer.rendered, /Renamed the group "Temp team" to "Core team"/);
      assert.ok(await groupNamed('Core team'));
      assert.equal(await groupNamed('Temp team'), undefined);
    });

    it('a 257-character group name is refused before any request', async () => {
      const longName = 'x'.repeat(257);
      const requestsBefore = simRequests();
      const answer = await say(`rename group Vendors to ${longName}`);
      assert.match(answer.rendered, /1 to 256 characters/);
      assert.equal(simRequests(), requestsBefore, 'no request reached Skype for Business');
      assert.ok(await groupNamed('Vendors'));
      const created = await say(`create group ${'Q'.repeat(257)}`);
      assert.match(created.rendered, /1 to 256 characters/);
    });

    it('a built-in group cannot be renamed', async () => {
      const answer = await say('rename group Favorites to Faves');
      assert.match(answer.rendered, /built-in/);
      assert.equal((await observer.groups.myGroups()).pinnedGroup?.name, 'Favorites');
    });

    it('delete asks first: "no" keeps the group, "yes" deletes it', async () => {
      await observer.groups.create('Old friends');
      const question = await say('delete group Old friends');
      assert.match(question.rendered, /Delete the group "Old friends"\?/);
      assert.match((await say('no')).rendered, /kept "Old friends"/);
      assert.ok(await groupNamed('Old friends'));
      await say('delete group Old friends');
      assert.match((await say('yes')).rendered, /Deleted the group "Old friends"/);
      assert.equal(await groupNamed('Old friends'), undefined);
    });

    it('"watch presence of …" subscribes to the group\'s presence', async () => {
      const answer = await say('watch presence of Project team');
      assert.match(answer.rendered, /Watching the presence of the 3 contact\(s\) in "Project team"/);
      assert.match(answer.rendered, /renews itself every 30 minutes/);
      assert.ok(bot.logLines.some((line) => line.includes('subscribeToGroupPresence') && line.includes('"method":"POST"')));
    });
  });

  describe('a rename or delete that does not say whether it means a meeting or a contact group', () => {
    it('"rename Launchpad to Launchpad v2", Launchpad being a meeting only, renames the meeting without asking', async () => {
      await observer.meetings.create({ subject: 'Launchpad' });
      const answer = await say('rename Launchpad to Launchpad v2');
      assert.doesNotMatch(answer.rendered, /Did you mean/);
      assert.ok(await meetingNamed('Launchpad v2'), answer.rendered);
      assert.equal(await groupNamed('Launchpad v2'), undefined);
    });

    it('"rename Skiers to Ski club", Skiers being a contact group only, renames the group without asking', async () => {
      await observer.groups.create('Skiers');
      const answer = await say('rename Skiers to Ski club');
      assert.doesNotMatch(answer.rendered, /Did you mean/);
      assert.ok(await groupNamed('Ski club'), answer.rendered);
      assert.equal(await groupNamed('Skiers'), undefined);
    });

    it('"get rid of Hikers", Hikers being a group only, goes to the group\'s delete question', async () => {
      await observer.groups.create('Hikers');
      const question = await say('get rid of Hikers');
      assert.match(question.rendered, /Delete the group "Hikers"\?/);
      assert.match((await say('no')).rendered, /kept "Hikers"/);
      assert.ok(await groupNamed('Hikers'));
    });

    it('"delete Orbit", a meeting and a group both being called so, asks which and changes nothing', async () => {
      await observer.meetings.create({ subject: 'Orbit' });
      await observer.groups.create('Orbit');
      const question = await say('delete Orbit');
      assert.match(question.rendered, /Did you mean:/);
      assert.match(question.rendered, /meeting/i);
      assert.match(question.rendered, /group/i);
      assert.ok(await meetingNamed('Orbit'));
      assert.ok(await groupNamed('Orbit'));
    });

    it('"delete Nowhere", neither existing, asks which rather than guessing', async () => {
      const question = await say('delete Nowhere');
      assert.match(question.rendered, /Did you mean:/);
    });

    it('"lock down Harbor launch", an ongoing Huawei meeting only, takes the Huawei lock without asking', async () => {
      const huawei = bot.sandbox.simulators.huawei!;
      const { conferenceID } = huawei.control.createMeeting({ subject: 'Harbor launch', hostUserId: 'alice@contoso.com' });
      const answer = await say('lock down Harbor launch');
      assert.doesNotMatch(answer.rendered, /Did you mean/);
      assert.equal(huawei.control.meeting(conferenceID)!.locked, true, answer.rendered);
    });

    it('"lock down Quay planning", a Skype for Business meeting only, sets its access to Locked without asking', async () => {
      await observer.meetings.create({ subject: 'Quay planning', accessLevel: 'Everyone' });
      const answer = await say('lock down Quay planning');
      assert.doesNotMatch(answer.rendered, /Did you mean/);
      assert.equal((await meetingNamed('Quay planning'))?.accessLevel, 'Locked', answer.rendered);
    });

    it('without a sign-in nothing is looked up: the question is asked', async () => {
      const frank = bot.channel.personalChat('frank@contoso.com');
      const question = await say('rename Skiers to Ski team', frank);
      assert.match(question.rendered, /Did you mean:/);
    });
  });

  describe('without a Skype for Business sign-in', () => {
    it('asks for sign-in first and holds the command instead of answering', async () => {
      const frank = bot.channel.personalChat('frank@contoso.com');
      const answer = await say('my meetings', frank);
      assert.match(answer.rendered, /Please sign in to Skype for Business first; I'll carry on with "my meetings"/);
      const card = await frank.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='));
      assert.ok(card);
      const group = await say('delete group Vendors', frank);
      assert.match(group.rendered, /sign in to Skype for Business first/);
    });
  });

  describe('health', () => {
    it('reports the discovery root reachable, and unreachable when nothing listens', async () => {
      const capability = bot.app.capabilities.find((candidate) => candidate.name === 'ucwa-meetings');
      assert.deepEqual(await capability?.health?.(), { name: 'ucwa', ok: true });
      const down = await discoveryHealth('http://127.0.0.1:9/autodiscover');
      assert.equal(down.ok, false);
      assert.match(down.detail ?? '', /unreachable/);
    });
  });
});

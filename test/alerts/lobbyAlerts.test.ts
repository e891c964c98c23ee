import assert from 'node:assert/strict';
import type { BotEvent } from '../../src/localChannel/localChannel.js';
import { activeAppOf } from '../ucwa/client.js';
import { allFileText, freshAlertsBotPerTest, isAlertFor, isUpdateOf, postForm, signInAndWatch, signInThroughPage } from './helpers.js';

describe('lobby alerts, end to end (local channel → bot → UCWA simulator)', function () {
  const alertsBot = freshAlertsBotPerTest();

  it('signs in through the page, watches a meeting, alerts on a lobby arrival, admits from the card and updates it in place', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    await signInAndWatch(bot.app.url, alice, 'alice@contoso.com');

    const bob = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Bob Kelly'), { timeoutMs: 3_000 });
    assert.match(alert.rendered, /Budget review/);
    assert.match(alert.rendered, /Bob Kelly \(fabrikam\.com\)/);
    assert.match(alert.rendered, /Another organization \(federated\)/);
    assert.match(alert.rendered, /Waiting since/);

    const pressed = await alice.press(alert, 'Admit');
    assert.equal(pressed.kind, 'invoke');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted by Alice Wood'), 'the invoke answers with the updated card');
    assert.equal(sim.control.participantState(bob), 'admitted');
    const updated = await alice.waitFor(isUpdateOf(alert, 'Admitted by Alice Wood'), { timeoutMs: 3_000 });
    assert.ok(!JSON.stringify(updated.cards).includes('lobby.admit'), 'no buttons once decided');

    // A second press (double click) shows the first result, never an error, and changes nothing.
    const again = await alice.press(alert, 'Reject');
    assert.ok(again.kind === 'invoke' && JSON.stringify(again.card).includes('Admitted by Alice Wood'));
    assert.equal(sim.control.participantState(bob), 'admitted');

    const logs = bot.logLines.join('\n');
    assert.ok(!logs.includes('Alice-Pass-1'), 'the password is never logged');
    assert.ok(!(await allFileText(bot.dataDir)).includes('Alice-Pass-1'), 'the password is never stored');
    assert.ok(!alice.transcriptText().includes('Alice-Pass-1'), 'the password never goes through chat');
  });

  it('refuses an unknown or reused sign-in state, and a wrong password keeps the page', async () => {
    const { bot } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    assert.equal((await fetch(`${bot.app.url}/signin?state=${'x'.repeat(43)}`)).status, 400);
    await alice.send('sign in');
    const card = await alice.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='), { timeoutMs: 3_000 });
    const state = /state=([A-Za-z0-9_-]+)/.exec(JSON.stringify(card.cards))![1]!;
    const wrong = await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: 'not-it' });
    assert.equal(wrong.status, 401);
    assert.ok(!(await wrong.text()).includes('not-it'));
    assert.equal((await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: 'Alice-Pass-1' })).status, 200);
    assert.equal((await postForm(bot.app.url, { state, username: 'alice@contoso.com', password: 'Alice-Pass-1' })).status, 400, 'a state works once');
    const json = await fetch(`${bot.app.url}/signin`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state }) });
    assert.equal(json.status, 415);
  });
});

describe('lobby alerts: reject, admit all, who may act', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('rejects from the card', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 3_000 });
    const pressed = await alice.press(alert, 'Reject');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Turned away by Alice Wood'));
    assert.equal(sim.control.participantState(dave), 'rejected');
    await alice.waitFor(isUpdateOf(alert, 'Turned away by Alice Wood'), { timeoutMs: 3_000 });
  });

  it('admits everyone waiting with "Admit all"', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const first = sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    const second = sim.control.putInLobby({ meeting: 'Budget review', name: 'Hank Guest', source: 'anonymous' });
    const firstAlert = await alice.waitFor(isAlertFor('Gina Guest'), { timeoutMs: 3_000, includeSeen: true });
    const secondAlert = await alice.waitFor(isAlertFor('Hank Guest'), { timeoutMs: 3_000, includeSeen: true });
    assert.match(secondAlert.rendered, /Anonymous guest/);
    const pressed = await alice.press(secondAlert, 'Admit all (2)');
    assert.equal(pressed.kind, 'invoke');
    assert.equal(sim.control.participantState(first), 'admitted');
    assert.equal(sim.control.participantState(second), 'admitted');
    await alice.waitFor(isUpdateOf(firstAlert, 'Admitted by Alice Wood'), { timeoutMs: 3_000, includeSeen: true });
    await alice.waitFor(isUpdateOf(secondAlert, 'Admitted by Alice Wood'), { timeoutMs: 3_000, includeSeen: true });
  });

  it('keeps "Admit all (N)" true on every open card of the meeting, and admits from the oldest card', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const wait = { timeoutMs: 3_000, includeSeen: true };
    const gina = sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    const ginaAlert = await alice.waitFor(isAlertFor('Gina Guest'), wait);
    assert.doesNotMatch(ginaAlert.rendered, /Admit all/, 'alone in the lobby: no "Admit all"');

    const hank = sim.control.putInLobby({ meeting: 'Budget review', name: 'Hank Guest', source: 'anonymous' });
    const hankAlert = await alice.waitFor(isAlertFor('Hank Guest'), wait);
    assert.match(hankAlert.rendered, /Admit all \(2\)/);
    await alice.waitFor(isUpdateOf(ginaAlert, 'Admit all (2)'), wait);

    const ivy = sim.control.putInLobby({ meeting: 'Budget review', name: 'Ivy Guest', source: 'anonymous' });
    const ivyAlert = await alice.waitFor(isAlertFor('Ivy Guest'), wait);
    assert.match(ivyAlert.rendered, /Admit all \(3\)/);
    await alice.waitFor(isUpdateOf(ginaAlert, 'Admit all (3)'), wait);
    await alice.waitFor(isUpdateOf(hankAlert, 'Admit all (3)'), wait);

    sim.control.leave(hank);
    const hankLeft = await alice.waitFor(isUpdateOf(hankAlert, 'No longer waiting'), wait);
    const afterHankLeft = (check: (event: BotEvent) => boolean) => (event: BotEvent) => event.seq > hankLeft.seq && check(event);
    const ginaNow = await alice.waitFor(afterHankLeft(isUpdateOf(ginaAlert, 'Admit all (2)')), wait);
    await alice.waitFor(afterHankLeft(isUpdateOf(ivyAlert, 'Admit all (2)')), wait);
    assert.match(ginaNow.activity.summary ?? '', /2 people are waiting/, 'the text fallback tells the count too');

    const pressed = await alice.press(ginaNow, 'Admit all (2)');
    assert.ok(pressed.kind === 'invoke' && JSON.stringify(pressed.card).includes('Admitted by Alice Wood'), JSON.stringify(pressed));
    assert.equal(sim.control.participantState(gina), 'admitted');
    assert.equal(sim.control.participantState(ivy), 'admitted');
    assert.notEqual(sim.control.participantState(hank), 'admitted', 'someone who left is not admitted');
    await alice.waitFor(isUpdateOf(ginaAlert, 'Admitted by Alice Wood'), wait);
    await alice.waitFor(isUpdateOf(ivyAlert, 'Admitted by Alice Wood'), wait);

    const events = alice.botEvents();
    for (const alert of [ginaAlert, hankAlert, ivyAlert]) {
      assert.equal(events.filter((event) => event.kind === 'send' && event.activityId === alert.activityId).length, 1, 'each card is sent once');
    }
    const hankUpdates = events.filter((event) => event.kind === 'update' && event.activityId === hankAlert.activityId);
    assert.equal(hankUpdates.filter((event) => event.rendered.includes('No longer waiting')).length, 1, 'a closed card is not updated again');
    assert.ok(hankUpdates.every((event) => !event.rendered.includes('Admit all (2)')), 'a closed card is never re-counted');
  });

  it('routes alerts to a channel; a non-leader is refused and nothing changes; a leader co-organizer can admit', async () => {
    const { bot, sim } = alertsBot();
    const channel = bot.channel.channel('Finance', 'General');
    await channel.install({ from: 'alice@contoso.com' });
    await channel.send('send lobby alerts for Budget review here', { from: 'alice@contoso.com' });
    await channel.waitFor((event) => event.rendered.includes('will come to **Finance › General**'), { timeoutMs: 5_000 });

    await signInThroughPage(bot.app.url, bot.channel.personalChat('bob@contoso.com'), 'bob@contoso.com');
    await signInThroughPage(bot.app.url, bot.channel.personalChat('carol@contoso.com'), 'carol@contoso.com');

    const erin = sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Evans', sipUri: 'sip:erin@litware.com', source: 'federated' });
    const alert = await channel.waitFor(isAlertFor('Erin Evans'), { timeoutMs: 3_000 });

    const stranger = await channel.press(alert, 'Admit', { from: 'admin@contoso.com' });
    assert.ok(stranger.kind === 'invoke' && /sign in/i.test(stranger.message ?? ''), JSON.stringify(stranger));
    const bobTries = await channel.press(alert, 'Admit', { from: 'bob@contoso.com' });
    assert.ok(bobTries.kind === 'invoke' && /Only a leader/.test(bobTries.message ?? ''), JSON.stringify(bobTries));
    assert.equal(sim.control.participantState(erin), 'lobby', 'a refused press changes nothing');

    const carolAdmits = await channel.press(alert, 'Admit', { from: 'carol@contoso.com' });
    assert.ok(carolAdmits.kind === 'invoke' && JSON.stringify(carolAdmits.card).includes('Admitted by Carol Diaz'), JSON.stringify(carolAdmits));
    assert.equal(sim.control.participantState(erin), 'admitted');
    await channel.waitFor(isUpdateOf(alert, 'Admitted by Carol Diaz'), { timeoutMs: 3_000 });
  });

  it('two leaders pressing at once: one acts, both see the same first result', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const frank = sim.control.putInLobby({ meeting: 'Budget review', name: 'Frank Fischer', sipUri: 'sip:frank@contoso.com', source: 'enterprise' });
    const alert = await alice.waitFor(isAlertFor('Frank Fischer'), { timeoutMs: 3_000 });
    const [a, b] = await Promise.all([alice.press(alert, 'Admit'), alice.press(alert, 'Reject')]);
    const cards = [a, b].map((result) => (result.kind === 'invoke' ? JSON.stringify(result.card) : ''));
    assert.equal(cards[0], cards[1], 'the same outcome for both');
    assert.match(cards[0]!, /(Admitted|Turned away) by Alice Wood/);
    assert.notEqual(sim.control.participantState(frank), 'lobby');
  });
});

describe('lobby alerts: the card stays true, expiry is told, by chat', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('updates the card when someone is admitted elsewhere or leaves the lobby', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const daveAlert = await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 3_000 });
    sim.control.admit(dave);
    await alice.waitFor(isUpdateOf(daveAlert, 'Admitted from another Skype for Business client'), { timeoutMs: 3_000 });

    const erin = sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Evans', sipUri: 'sip:erin@litware.com', source: 'federated' });
    const erinAlert = await alice.waitFor(isAlertFor('Erin Evans'), { timeoutMs: 3_000 });
    sim.control.leave(erin);
    await alice.waitFor(isUpdateOf(erinAlert, 'No longer waiting'), { timeoutMs: 3_000 });
  });

  it('re-joins a watched meeting again later when the re-join after a reset failed, and the next arrival is alerted', async function () {
    this.timeout(30_000);
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const appId = activeAppOf(sim, 'alice@contoso.com')!;
    // The reset drops the bot's conversation in the meeting; its first join again fails, the one 5 s later works.
    sim.control.failNextJoin({ code: 'ServiceFailure', message: 'The conference is temporarily unavailable.' });
    sim.control.forceResume(appId);
    for (let i = 0; i < 150 && !bot.logLines.some((line) => line.includes('could not re-join a watched meeting')); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(bot.logLines.some((line) => line.includes('could not re-join a watched meeting')), 'the first re-join failed');
    for (let i = 0; i < 150 && (sim.control.applications().find((app) => app.id === appId)?.conversations ?? 0) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));

    sim.control.putInLobby({ meeting: 'Budget review', name: 'Hana Ito', sipUri: 'sip:hana@fabrikam.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Hana Ito'), { timeoutMs: 5_000 });
  });

  it('tells the person when their token runs out', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    assert.ok(sim.control.expireToken('alice@contoso.com') > 0);
    // The pending event request was already authorised; the next lobby event makes the bot ask again.
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    await alice.waitFor((event) => (event.text ?? '').includes('lobby alerts are paused'), { timeoutMs: 5_000 });
  });

  it('answers who is waiting, admits by name and rejects by domain after confirming', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const bob = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@contoso.com', source: 'enterprise' });
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 3_000, includeSeen: true });

    await alice.send("who's in the lobby");
    const list = await alice.waitFor((event) => event.rendered.includes('2 people are waiting'), { timeoutMs: 3_000 });
    assert.match(list.rendered, /Bob Kelly/);
    assert.match(list.rendered, /Dave Diaz/);

    await alice.send('admit Bob');
    await alice.waitFor((event) => event.rendered.includes('Admitted Bob Kelly'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(bob), 'admitted');

    await alice.send('reject the guest from fabrikam');
    await alice.waitFor((event) => event.rendered.includes('Turn away Dave Diaz (fabrikam.com)?'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(dave), 'lobby', 'nothing happens before the confirmation');
    await alice.send('yes');
    await alice.waitFor((event) => event.rendered.includes('Turned away Dave Diaz (fabrikam.com)'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(dave), 'rejected');
  });
});

describe('lobby alerts: several people named in one message', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('"admit Bob and Carol" admits both; a list with someone not waiting says who, and acts on nobody', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const bob = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@contoso.com', source: 'enterprise' });
    const carol = sim.control.putInLobby({ meeting: 'Budget review', name: 'Carol Chen', sipUri: 'sip:carol@contoso.com', source: 'enterprise' });
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 3_000, includeSeen: true });

    await alice.send('reject Dave, Carol and Fay');
    await alice.waitFor((event) => event.rendered.includes('Nobody called "Fay" is waiting'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(dave), 'lobby');
    assert.equal(sim.control.participantState(carol), 'lobby');

    await alice.send('admit Bob and Carol');
    await alice.waitFor((event) => /Admitted 2 people from the lobby of \*\*Budget review\*\*: Bob Kelly, Carol Chen/u.test(event.rendered), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(bob), 'admitted');
    assert.equal(sim.control.participantState(carol), 'admitted');
    assert.equal(sim.control.participantState(dave), 'lobby', 'nobody else is let in');
  });

  it('asks which one when a name in the list fits two people, then acts on the one picked with the others; in Chinese too', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const bobKelly = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Kelly', sipUri: 'sip:bob@contoso.com', source: 'enterprise' });
    const bobLee = sim.control.putInLobby({ meeting: 'Budget review', name: 'Bob Lee', sipUri: 'sip:boblee@contoso.com', source: 'enterprise' });
    const carol = sim.control.putInLobby({ meeting: 'Budget review', name: 'Carol Chen', sipUri: 'sip:carol@contoso.com', source: 'enterprise' });
    const wei = sim.control.putInLobby({ meeting: 'Budget review', name: '张伟', sipUri: 'sip:zhangwei@contoso.com', source: 'enterprise' });
    const na = sim.control.putInLobby({ meeting: 'Budget review', name: '李娜', sipUri: 'sip:lina@contoso.com', source: 'enterprise' });
    await alice.waitFor(isAlertFor('李娜'), { timeoutMs: 3_000, includeSeen: true });

    await alice.send('let Carol and Bob in');
    const question = await alice.waitFor((event) => event.rendered.includes('Whom do you mean by "Bob"?'), { timeoutMs: 3_000 });
    assert.match(question.rendered, /Bob Kelly/u);
    assert.match(question.rendered, /Bob Lee/u);
    assert.equal(sim.control.participantState(carol), 'lobby', 'nothing happens before the answer');
    await alice.send('Bob Lee');
    await alice.waitFor((event) => event.rendered.includes('Admitted 2 people'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(carol), 'admitted');
    assert.equal(sim.control.participantState(bobLee), 'admitted');
    assert.equal(sim.control.participantState(bobKelly), 'lobby');

    await alice.send('拒绝张伟、李娜');
    await alice.waitFor((event) => event.rendered.includes('确定拒绝 张伟、李娜 吗？'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(wei), 'lobby', 'nothing happens before the confirmation');
    await alice.send('是');
    await alice.waitFor((event) => event.rendered.includes('已拒绝 **Budget review** 大厅中的 2 人'), { timeoutMs: 3_000 });
    assert.equal(sim.control.participantState(wei), 'rejected');
    assert.equal(sim.control.participantState(na), 'rejected');
  });
});

describe('lobby alerts: Teams throttling', function () {
  const alertsBot = freshAlertsBotPerTest();

  it('delivers every alert exactly once when the connector answers 429 to the first sends', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    await signInAndWatch(bot.app.url, alice, 'alice@contoso.com');

    bot.channel.connector.injectFault({ status: 429, count: 2, retryAfterSeconds: 0, conversationId: alice.id });
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Hank Guest', source: 'anonymous' });
    await alice.waitFor(isAlertFor('Gina Guest'), { timeoutMs: 15_000, includeSeen: true });
    await alice.waitFor(isAlertFor('Hank Guest'), { timeoutMs: 15_000, includeSeen: true });
    const throttled = bot.channel.connector.requests().filter((request) => request.status === 429);
    assert.equal(throttled.length, 2, 'the connector did throttle');
    const sends = alice.botEvents().filter((event) => isAlertFor('Gina Guest')(event) || isAlertFor('Hank Guest')(event));
    assert.equal(sends.length, 2, 'one card per lobby visit');
  });
});

import assert from 'node:assert/strict';
import type { BotEvent } from '../../src/localChannel/localChannel.js';
import { freshAlertsBotPerTest, isAlertFor, isUpdateOf } from './helpers.js';

/**
 * Issue 14, item 8 ("small card texts"), for lobby alerts, end to end through /api/messages: people by name and
 * organisation (never a raw `sip:` address when a name is known), counts when one action let in several people,
 * and the conversation named where routed alerts go.
 */
describe('lobby alerts: small card texts (issue 14, item 8)', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });
  const wait = { timeoutMs: 5_000, includeSeen: true };
  const cardText = (event: BotEvent) => JSON.stringify(event.cards);

  it('names a federated visitor with their organisation, on the card and in sentences, never as sip:', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Dave Fisher'), wait);
    assert.match(cardText(alert), /\*\*Dave Fisher \(fabrikam\.com\)\*\* is waiting in the lobby of \*\*Budget review\*\*/);
    assert.doesNotMatch(cardText(alert), /sip:/i, 'no raw sip: address on the card');
    assert.match(alert.activity.summary ?? '', /^Dave Fisher \(fabrikam\.com\) — Budget review/);

    await alice.send("who's in the lobby");
    const list = await alice.waitFor((event) => event.rendered.includes('waiting:'), wait);
    assert.match(list.rendered, /Dave Fisher \(fabrikam\.com\)/);
    assert.doesNotMatch(list.rendered, /sip:|dave@fabrikam/);

    await alice.send('admit Dave');
    const done = await alice.waitFor((event) => event.kind === 'send' && event.rendered.includes('Admitted'), wait);
    assert.match(done.rendered, /Admitted Dave Fisher \(fabrikam\.com\)\./);
  });

  it('"admit everyone" counts the people it let in, in English and in Chinese', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const names = ['Gina Guest', 'Hank Guest', 'Ivy Guest'];
    for (const name of names) sim.control.putInLobby({ meeting: 'Budget review', name, source: 'anonymous' });
    for (const name of names) await alice.waitFor(isAlertFor(name), wait);
    await alice.send('admit everyone');
    const english = await alice.waitFor((event) => event.kind === 'send' && event.rendered.includes('Admitted'), wait);
    assert.match(english.rendered, /Admitted 3 people from the lobby of \*?\*?Budget review\*?\*?: Gina Guest, Hank Guest, Ivy Guest\./);

    for (const name of ['Jo Guest', 'Kai Guest']) sim.control.putInLobby({ meeting: 'Budget review', name, source: 'anonymous' });
    for (const name of ['Jo Guest', 'Kai Guest']) await alice.waitFor(isAlertFor(name), wait);
    await alice.send('全部准入');
    const chinese = await alice.waitFor((event) => event.kind === 'send' && event.rendered.includes('准入'), wait);
    assert.match(chinese.rendered, /已从 \*?\*?Budget review\*?\*? 的大厅准入 2 人：Jo Guest、Kai Guest。/);
  });

  it('"Admit all (3)" leaves the pressed card saying how many it let in', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const names = ['Gina Guest', 'Hank Guest', 'Ivy Guest'];
    const ids = names.map((name) => sim.control.putInLobby({ meeting: 'Budget review', name, source: 'anonymous' }));
    for (const name of names) await alice.waitFor(isAlertFor(name), wait);
    const ivy = await alice.waitFor(isAlertFor('Ivy Guest'), wait);
    const current = await alice.waitFor((event) => event.activityId === ivy.activityId && event.rendered.includes('Admit all (3)'), wait);
    const pressed = await alice.press(current, 'Admit all (3)');
    assert.ok(pressed.kind === 'invoke', JSON.stringify(pressed));
    assert.match(JSON.stringify(pressed.card), /Admitted by Alice Wood at [^"]*, with everyone waiting: 3 people/);
    for (const id of ids) assert.equal(sim.control.participantState(id), 'admitted');
    await alice.waitFor(isUpdateOf(ivy, 'with everyone waiting: 3 people'), wait);
  });

  it('says which conversation routed alerts go to: the team and channel, or the group chat', async () => {
    const { bot } = alertsBot();
    const channel = bot.channel.channel('Finance', 'Planning');
    await channel.install({ from: 'alice@contoso.com' });
    await channel.send('send lobby alerts for Budget review here', { from: 'alice@contoso.com' });
    const routed = await channel.waitFor((event) => event.rendered.includes('Lobby alerts for'), wait);
    assert.match(routed.rendered, /Lobby alerts for \*\*Budget review\*\* will come to \*\*Finance › Planning\*\*\./);

    const alice = bot.channel.personalChat('alice@contoso.com');
    await alice.send('what are you watching');
    const list = await alice.waitFor((event) => event.rendered.includes("I'm watching:"), wait);
    assert.match(list.rendered, /Budget review\*\* \(alerts go to \*\*Finance › Planning\*\*\)/);

    const group = bot.channel.groupChat(['alice@contoso.com', 'bob@contoso.com']);
    await group.install({ from: 'alice@contoso.com' });
    await group.send('send lobby alerts for Budget review here', { from: 'alice@contoso.com' });
    const toGroup = await group.waitFor((event) => event.rendered.includes('Lobby alerts for'), wait);
    assert.match(toGroup.rendered, /will come to this group chat\./);
  });

  it('names the channel in Chinese too (the General channel, which Teams leaves unnamed, by its usual name)', async () => {
    const { bot } = alertsBot();
    const channel = bot.channel.channel('Finance', 'General');
    await channel.install({ from: 'alice@contoso.com' });
    await channel.send('把 Budget review 的大厅提醒发到这里', { from: 'alice@contoso.com' });
    const routed = await channel.waitFor((event) => event.rendered.includes('大厅提醒'), wait);
    assert.match(routed.rendered, /大厅提醒将发送到\*\*Finance › General\*\*。/);
  });
});

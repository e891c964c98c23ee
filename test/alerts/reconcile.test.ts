import { activeAppOf } from '../ucwa/client.js';
import { freshAlertsBotPerTest, isAlertFor, isUpdateOf } from './helpers.js';

/**
 * What happens in a lobby while the bot cannot hear it (its conversation in the meeting dropped, the bot restarting)
 * is read back once it has joined again: the lobby's snapshot after every re-join.
 */
describe('lobby alerts: nothing lost while the bot could not hear the lobby', function () {
  this.timeout(30_000);
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('settles the card of someone who left while the conversation was dropped, once the meeting is joined again', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 5_000 });
    // The server drops the bot's conversation (long inactivity); Dave gives up before the bot is back in the meeting.
    sim.control.forceResume(activeAppOf(sim, 'alice@contoso.com')!);
    sim.control.leave(dave);
    await alice.waitFor(isUpdateOf(alert, 'No longer waiting'), { timeoutMs: 15_000 });
  });

  it('after a restart: someone who left meanwhile is settled, someone who came meanwhile is alerted', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const dave = sim.control.putInLobby({ meeting: 'Budget review', name: 'Dave Diaz', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertFor('Dave Diaz'), { timeoutMs: 5_000 });
    await bot.restart(() => {
      sim.control.forceResume(activeAppOf(sim, 'alice@contoso.com')!);
      sim.control.leave(dave);
      sim.control.putInLobby({ meeting: 'Budget review', name: 'Erin Park', sipUri: 'sip:erin@fabrikam.com', source: 'federated' });
    });
    await alice.waitFor(isAlertFor('Erin Park'), { timeoutMs: 15_000 });
    await alice.waitFor(isUpdateOf(alert, 'No longer waiting'), { timeoutMs: 15_000, includeSeen: true });
  });
});

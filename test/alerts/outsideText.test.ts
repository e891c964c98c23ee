import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { LobbyRecords, type AlertRecord } from '../../src/alerts/records.js';
import type { BotEvent, JsonObject } from '../../src/localChannel/localChannel.js';
import { freshAlertsBotPerTest } from './helpers.js';

/**
 * What a lobby visitor controls (their display name) reaches the organizer's card: end to end, from the UCWA
 * simulator's lobby through the bot to the local Bot Connector. The name must read as itself, not as markup; a
 * name too long for a card must not cost the alert; and a card Teams refuses must stop being sent.
 */

/** Teams renders card TextBlocks as (a subset of) CommonMark; markdown-it is the Adaptive Cards JS renderer's. */
const markdown = new MarkdownIt({ html: true, linkify: false });

const isAlertCard = (event: BotEvent) => event.kind === 'send' && JSON.stringify(event.cards).includes('lobby.admit');

/** Every TextBlock text and fact title/value of a card: the places Teams renders markdown. */
function markdownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (typeof node !== 'object' || node === null) return [];
  const object = node as JsonObject;
  const own = object.type === 'TextBlock' && typeof object.text === 'string' ? [object.text] : [];
  const fact = typeof object.title === 'string' && typeof object.value === 'string' ? [object.title, object.value] : [];
  return [...own, ...fact, ...Object.values(object).flatMap(markdownTexts)];
}

function headlineOf(event: BotEvent): string {
  const headline = markdownTexts(event.cards).find((text) => text.includes('is waiting in the lobby of'));
  assert.ok(headline, `an alert headline in ${event.rendered}`);
  return headline;
}

describe('lobby alerts: what a visitor names themselves', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('shows a visitor named with markdown link syntax literally, on the card and in "who is waiting"', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const name = '[Verify your account](https://evil.example/login) **now** <at>Alice Wood</at>';
    sim.control.putInLobby({ meeting: 'Budget review', name, sipUri: 'sip:mallory@fabrikam.com', source: 'federated' });
    const alert = await alice.waitFor(isAlertCard, { timeoutMs: 5_000 });

    const html = markdown.render(headlineOf(alert));
    assert.equal(html.trim(), `<p><strong>[Verify your account](https://evil.example/login) **now** &lt;at&gt;Alice Wood&lt;/at&gt; (fabrikam.com)</strong> is waiting in the lobby of <strong>Budget review</strong>.</p>`);
    for (const text of markdownTexts(alert.cards)) assert.doesNotMatch(markdown.render(text), /<(a|at|em|img)[\s>]/, `no markup from ${text}`);

    await alice.send("who's in the lobby");
    const answer = await alice.waitFor((event) => (event.text ?? '').includes('waiting:'), { timeoutMs: 5_000 });
    const listed = markdown.render(answer.text!);
    assert.doesNotMatch(listed, /<(a|at|strong|em)[\s>]/, listed);
    assert.ok(listed.includes('[Verify your account](https://evil.example/login) **now** &lt;at&gt;Alice Wood&lt;/at&gt;'), listed);
  });

  it('delivers the alert for a 30 KB display name, the name clipped, the card under Teams\' 28 KB', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const name = 'Zoë 😀 '.repeat(3_500);
    assert.ok(Buffer.byteLength(name) > 30_000);
    sim.control.putInLobby({ meeting: 'Budget review', name, source: 'anonymous' });
    const alert = await alice.waitFor(isAlertCard, { timeoutMs: 5_000 });

    const shown = /^\*\*(.*)\*\* is waiting in the lobby of \*\*Budget review\*\*\.$/u.exec(headlineOf(alert))?.[1];
    assert.ok(shown, headlineOf(alert));
    assert.equal([...shown].length, 100, 'a name is clipped to 100 code points');
    assert.ok(shown.endsWith('…'));
    assert.ok(name.startsWith(shown.slice(0, -1)), 'the start of the name, no surrogate pair split');
    assert.ok(Buffer.byteLength(JSON.stringify(alert.activity)) < 28 * 1024);
    assert.ok(Buffer.byteLength(alert.activity.summary ?? '') < 1_000, 'the notification text is clipped too');
  });

  it('parks an alert the connector refuses with 400 after one try, with the reason, and never sends it again', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const connector = bot.channel.connector;
    const earlier = connector.requests().length;
    connector.injectFault({ status: 400, count: 1_000, conversationId: alice.id, operations: ['send', 'update'] });
    sim.control.putInLobby({ meeting: 'Budget review', name: 'Rita Refused', source: 'anonymous' });

    const records = new LobbyRecords(bot.app.services.storage);
    let parked: AlertRecord | undefined;
    for (let i = 0; i < 100 && !parked; i++) {
      parked = (await records.allAlerts()).find((record) => record.person.name === 'Rita Refused' && record.parked);
      if (!parked) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(parked, 'the alert is parked');
    assert.equal(parked.parked!.reason, 'Teams answered 400 BadArgument');
    assert.equal(parked.parked!.attempts, 1);

    // The outbox looks for due alerts every second: three rounds would have retried it twice before.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const sends = connector.requests().slice(earlier).filter((request) => request.conversationId === alice.id && request.operation === 'send');
    assert.equal(sends.length, 1, 'one request to the connector, no retry');
    assert.equal(sends[0]!.status, 400);
    const lines = bot.logLines.filter((line) => line.includes(parked.id));
    assert.equal(lines.filter((line) => line.includes('lobby alert parked')).length, 1, 'logged once');
    assert.ok(lines.filter((line) => line.includes('lobby alert parked')).every((line) => line.includes('"level":40')), 'at warn');
    assert.equal(lines.filter((line) => /"level":(50|60)/.test(line)).length, 0, 'no error line about it');
    assert.equal((await records.allAlerts()).find((record) => record.id === parked.id)!.activityId, undefined);
  });
});

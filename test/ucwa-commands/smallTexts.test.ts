import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/** Every fact of every FactSet in a card, wherever it sits. */
function factsOf(node: unknown): Array<{ title: string; value: string }> {
  if (Array.isArray(node)) return node.flatMap(factsOf);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'FactSet' && Array.isArray(record.facts) ? (record.facts as Array<{ title: string; value: string }>) : [];
  return [...own, ...Object.values(record).flatMap(factsOf)];
}

/**
 * Issue 14, item 8: the Skype for Business group cards have no row whose value is empty, and say who is in a group
 * by name (not by `sip:` address). Typed into Alice's personal chat, answered through /api/messages.
 */
describe('UCWA group cards: no empty rows (issue 14, item 8)', function () {
  let bot: BotUnderTest;
  let alice: LocalConversation;

  before(async () => {
    bot = await startBotUnderTest();
    alice = bot.channel.personalChat('alice@contoso.com');
  });

  after(async () => {
    await bot?.close();
  });

  async function say(text: string): Promise<BotEvent> {
    await alice.send(text);
    return alice.nextMessage({ timeoutMs: 10_000 });
  }

  function assertNoEmptyFacts(event: BotEvent, what: string): void {
    const facts = factsOf(event.cards);
    const empty = facts.filter((fact) => !fact.value.trim());
    assert.deepEqual(empty, [], `${what}: no fact with an empty value`);
  }

  it('"my groups": every group is named, and no row has an empty value', async () => {
    const answer = await say('my groups');
    assert.equal(answer.cards.length, 1);
    for (const name of ['Project team', 'Vendors', 'Favorites', 'Other Contacts', 'Finance Team']) assert.match(answer.rendered, new RegExp(name));
    assertNoEmptyFacts(answer, 'my groups');
    assert.doesNotMatch(JSON.stringify(answer.cards), /sip:/i);
    // The list's buttons still open each group.
    const pressed = await alice.press(answer, 'Members: Vendors');
    assert.ok(pressed.kind === 'invoke' && pressed.card, JSON.stringify(pressed));
    const members = { ...answer, cards: [pressed.card as Record<string, never>] } as BotEvent;
    assertNoEmptyFacts(members, 'members of Vendors (button)');
  });

  it('"who\'s in …": every member is named, by display name, with no empty row', async () => {
    for (const group of ['Project team', 'Vendors']) {
      const answer = await say(`who's in ${group}`);
      assertNoEmptyFacts(answer, group);
      const card = JSON.stringify(answer.cards);
      assert.doesNotMatch(card, /sip:/i, `${group}: no raw sip: address`);
    }
    const vendors = await say("who's in Vendors");
    assert.match(vendors.rendered, /Dave Fisher/);
    const team = await say('分组 Project team 的成员');
    for (const name of ['Bob Kelly', 'Carol Diaz', 'Frank Fischer']) assert.match(team.rendered, new RegExp(name));
    assertNoEmptyFacts(team, 'Project team (zh)');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { freshAlertsBotPerTest, isAlertFor } from '../alerts/helpers.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

/**
 * Issue 11, judged black-box through /api/messages: what the bot does with sentences a colleague would simply
 * understand. Safety first (a read never becomes a write; an unclear write is asked), then "not understood",
 * then the examples.
 */
describe('understood as a colleague would (end to end)', function () {
  let bot: BotUnderTest;
  let alice: LocalConversation;

  before(async () => {
    bot = await startBotUnderTest();
    alice = bot.channel.personalChat('alice@contoso.com');
  });
  after(async () => {
    await bot?.close();
  });

  async function say(text: string, conversation: LocalConversation = alice): Promise<BotEvent> {
    await conversation.send(text);
    return conversation.nextMessage({ timeoutMs: 10_000 });
  }

  describe('a read never becomes a write', () => {
    it('"Show me the extensions attached to Budget review" lists them or asks, and never adds one', async () => {
      const answer = await say('Show me the extensions attached to Budget review');
      assert.doesNotMatch(answer.rendered, /added|已添加/i);
      if (/Did you mean/.test(answer.rendered)) {
        assert.match(answer.rendered, /meeting extensions: Budget review/);
        await alice.press(answer, 'meeting extensions: Budget review');
        const listed = await alice.nextMessage({ timeoutMs: 10_000 });
        assert.doesNotMatch(listed.rendered, /added/i);
        assert.match(listed.rendered, /Budget review/);
      } else {
        assert.match(answer.rendered, /Budget review/);
      }
    });

    it('"remove Budget review from my online meetings" is about the meeting (asks before deleting), never a lobby visitor', async () => {
      const answer = await say('remove Budget review from my online meetings');
      assert.doesNotMatch(answer.rendered, /lobby|waiting|turn away/i);
      assert.match(answer.rendered, /Budget review/);
      assert.match(answer.rendered, /\?/u, 'it asks before deleting');
      await say('no');
    });

    it('"which meetings are you keeping tabs on" lists the watches, it does not start one', async () => {
      const answer = await say('which meetings are you keeping tabs on');
      assert.match(answer.rendered, /not watching any of your meetings/);
    });

    it('an unclear write asks one question with buttons, and pressing one runs that reading', async () => {
      const answer = await say('add extension to Budget review, or show it');
      // Whatever the classifier makes of it, nothing is added without a clear request.
      if (/Did you mean/.test(answer.rendered)) {
        assert.ok(answer.rendered.split('\n').length <= 3, `one short question: ${answer.rendered}`);
        assert.ok(answer.cards.length <= 1);
      }
    });
  });

  describe('not understood', () => {
    it('"I didn\'t catch that" with the nearest commands and a help button, never the help card', async () => {
      const answer = await say('show me the blue thing for the Q3 stuff');
      assert.match(answer.rendered, /I didn't catch that/);
      assert.doesNotMatch(answer.rendered, /Here is what I can do/);
      const buttons = answer.rendered.match(/\[\d+\]/g) ?? [];
      assert.ok(buttons.length >= 2 && buttons.length <= 4, `2–3 commands and help: ${answer.rendered}`);
      assert.match(answer.rendered, /\bhelp\b/);
    });

    it('a pressed nearest command runs that command', async () => {
      const answer = await say('meetings of mine, the defaults thing maybe');
      if (!/I didn't catch that/.test(answer.rendered)) return;
      const pressed = await alice.press(answer, 1);
      assert.equal(pressed.kind, 'message');
      const ran = await alice.nextMessage({ timeoutMs: 10_000 });
      assert.doesNotMatch(ran.rendered, /I didn't catch that/);
    });

    it('in a group chat it is one line, no card', async () => {
      const group = bot.channel.groupChat(['alice@contoso.com', 'bob@contoso.com']);
      await group.send('the blue thing for the Q3 stuff', { from: 'alice@contoso.com', mention: true });
      const answer = await group.nextMessage({ timeoutMs: 10_000 });
      assert.match(answer.rendered, /I didn't catch that/);
      assert.equal(answer.cards.length, 0);
    });

    for (const sentence of ['Bonjour, quelles sont mes réunions ?', '¿Quién está en la sala de espera?', 'Wer wartet im Warteraum?', 'ロビーに誰がいますか', '로비에 누가 있나요']) {
      it(`"${sentence}" gets one line saying the bot speaks English and Chinese`, async () => {
        const answer = await say(sentence);
        assert.match(answer.rendered, /English and Chinese/);
        assert.equal(answer.cards.length, 0);
      });
    }
  });

  describe('the issue\'s examples', () => {
    it('names end at clause boundaries and drop articles; "all" words survive typos', () => {
      const recognizer = createRecognizer();
      assert.deepEqual(recognizer.recognize("admit Lee, he's the contractor").entities, { person: 'Lee' });
      assert.deepEqual(recognizer.recognize('let evrybody in').entities, { all: true });
      assert.equal(recognizer.recognize('details of the design crit').entities.meeting, 'design crit');
      assert.equal(recognizer.recognize('get rid of Q3 planning, we don\'t need it').entities.meeting, 'Q3 planning');
    });

    it('search keywords are found without "about"', () => {
      const recognizer = createRecognizer();
      assert.deepEqual(recognizer.recognize('any sales meetings running?').entities, { keyword: 'sales' });
      assert.equal(recognizer.recognize('ongoing meetings with pricing in the title').entities.keyword, 'pricing');
      assert.equal(recognizer.recognize('搜一下：周会').entities.keyword, '周会');
      assert.equal(recognizer.recognize('市场部在开的会').entities.keyword, '市场部');
    });

    it('把等着的人都放进来 admits everyone', () => {
      const result = createRecognizer().recognize('把等着的人都放进来');
      assert.equal(result.intent, 'lobby.admit');
      assert.deepEqual(result.entities, { all: true });
    });

    it('"on Friday" said on a Friday means next Friday', () => {
      const friday = new Date(2025, 0, 17, 10, 0, 0);
      const result = createRecognizer({ now: () => friday }).recognize('create a meeting called Retro on Friday');
      assert.equal(result.intent, 'meetings.create');
      assert.equal(result.entities.startTime, '2025-01-24');
    });

    it('`explain I want …` analyses "I want …"', async () => {
      const answer = await say('explain I want to see my meetings');
      assert.match(answer.rendered, /"I want to see my meetings"/);
    });

    it('a pending "Which meeting?" does not swallow the next, unrelated command', async () => {
      const question = await say('details of');
      assert.match(question.rendered, /Which meeting/);
      const next = await say('what are you watching');
      assert.match(next.rendered, /not watching any of your meetings/);
    });

    it('a reply in the other language to a pending question is understood', async () => {
      const question = await say('Show me the extensions attached to Budget review');
      if (!/Did you mean/.test(question.rendered)) return;
      const answer = await say('第一个');
      assert.doesNotMatch(answer.rendered, /Did you mean|I didn't catch/);
      assert.match(answer.rendered, /Budget review/);
    });
  });
});

describe('lobby sentences without a command verb (end to end)', function () {
  const alertsBot = freshAlertsBotPerTest({ aliceWatching: true });

  it('"could you let in all the people who are waiting" admits everyone (or asks), never lists who is waiting', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const gina = sim.control.putInLobby({ meeting: 'Budget review', name: 'Gina Guest', source: 'anonymous' });
    const hank = sim.control.putInLobby({ meeting: 'Budget review', name: 'Hank Guest', source: 'anonymous' });
    await alice.waitFor(isAlertFor('Hank Guest'), { timeoutMs: 3_000, includeSeen: true });
    await alice.send('could you let in all the people who are waiting');
    const answer = await alice.waitFor((event) => event.kind === 'send' && !isAlertFor('Gina Guest')(event) && !isAlertFor('Hank Guest')(event), { timeoutMs: 5_000 });
    assert.doesNotMatch(answer.rendered, /people are waiting/);
    if (/\?/.test(answer.rendered) && !/Admitted/.test(answer.rendered)) await alice.send('yes');
    // The answer itself, or the cards' in-place updates (which may come before it), say who was admitted.
    await alice.waitFor((event) => /Admitted/.test(event.rendered), { timeoutMs: 5_000, includeSeen: true });
    assert.equal(sim.control.participantState(gina), 'admitted');
    assert.equal(sim.control.participantState(hank), 'admitted');
  });

  it('"Maria can come in now" admits Maria', async () => {
    const { bot, sim } = alertsBot();
    const alice = bot.channel.personalChat('alice@contoso.com');
    const maria = sim.control.putInLobby({ meeting: 'Budget review', name: 'Maria Lopez', source: 'anonymous' });
    await alice.waitFor(isAlertFor('Maria Lopez'), { timeoutMs: 3_000, includeSeen: true });
    await alice.send('Maria can come in now');
    const answer = await alice.waitFor((event) => event.kind === 'send' && !isAlertFor('Maria Lopez')(event), { timeoutMs: 5_000 });
    if (/Did you mean/.test(answer.rendered)) await alice.press(answer, 'admit: Maria');
    await alice.waitFor((event) => /Admitted (?:by Alice Wood|Maria)/.test(event.rendered), { timeoutMs: 5_000, includeSeen: true });
    assert.equal(sim.control.participantState(maria), 'admitted');
  });
});

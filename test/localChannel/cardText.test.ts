import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  cardButtons,
  cardInputs,
  plainMentions,
  renderActivity,
  renderAdaptiveCard,
} from '../../src/localChannel/cardText.js';

// Tests run from dist/test/localChannel; fixtures stay in the source tree.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../test/fixtures/localChannel/${name}`, import.meta.url)), 'utf8'));

describe('cardText', () => {
  const lobbyCard = fixture('lobbyCard.json');

  it('renders every element of a lobby card as readable text with numbered buttons', () => {
    const { text } = renderAdaptiveCard(lobbyCard);
    assert.equal(
      text,
      [
        'Lobby alert',
        "[image: Bob's photo]  |  Bob Kelly is waiting in the lobby",
        'Meeting: Weekly sync',
        'Organizer:     Adele Vance',
        'Waiting since: 10:02',
        'Name      | Since',
        '----------+------',
        'Bob Kelly | 10:02',
        '[Reason: choose Late (late), Unknown (unknown) = late] (input "reason")',
        'fallback text',
        '[1] Join (https://meet.example.invalid/j/1)',
        '[2] Admit   [3] Reject   [4] More ▾',
        '    [Message to Bob] (input "message")',
        '    [5] Send',
      ].join('\n'),
    );
  });

  it('lists buttons in the same order and numbering as the text', () => {
    const buttons = cardButtons(lobbyCard);
    assert.deepEqual(
      buttons.map((button) => [button.index, button.title, button.type, button.verb]),
      [
        [1, 'Join', 'Action.OpenUrl', undefined],
        [2, 'Admit', 'Action.Execute', 'admit'],
        [3, 'Reject', 'Action.Execute', 'reject'],
        [4, 'More', 'Action.ShowCard', undefined],
        [5, 'Send', 'Action.Submit', undefined],
      ],
    );
    assert.deepEqual(buttons[1]?.data, { participantId: 'p-7' });
  });

  it('collects inputs with their default values, including those inside a ShowCard', () => {
    assert.deepEqual(
      cardInputs(lobbyCard).map((input) => [input.id, input.value]),
      [
        ['reason', 'late'],
        ['message', undefined],
      ],
    );
  });

  it('renders an activity with text, mentions and two cards, numbering buttons across cards', () => {
    const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Second' }], actions: [{ type: 'Action.Submit', title: 'OK' }] };
    const rendered = renderActivity({
      type: 'message',
      text: 'Hi <at>Adele Vance</at>',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', content: lobbyCard },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
        { contentType: 'application/pdf', name: 'agenda.pdf' },
      ],
    });
    assert.ok(rendered.text.startsWith('Hi @Adele Vance\nLobby alert\n'));
    assert.ok(rendered.text.endsWith('Second\n[6] OK\n[attachment application/pdf: agenda.pdf]'), rendered.text);
    assert.deepEqual(
      rendered.buttons.map((button) => button.index),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it('renders hero cards, suggested actions, typing and other activity types', () => {
    const hero = renderActivity({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: { title: 'Pick one', buttons: [{ type: 'imBack', title: 'Yes', value: 'yes' }] },
        },
      ],
      suggestedActions: { actions: [{ type: 'imBack', title: 'No', value: 'no' }] },
    });
    assert.equal(hero.text, 'Pick one\n[1] Yes\n[2] No');
    assert.equal(renderActivity({ type: 'typing' }).text, '… typing');
    assert.equal(renderActivity({ type: 'event', name: 'tokens/response' }).text, '[event tokens/response]');
  });

  it('marks unknown elements without fallback and tolerates malformed cards', () => {
    assert.equal(renderAdaptiveCard({ type: 'AdaptiveCard', body: [{ type: 'Carousel' }, 'junk', null] }).text, '[Carousel]');
    assert.equal(renderAdaptiveCard('not a card').text, '[invalid card]');
    assert.equal(plainMentions('<at>A</at> and <at>B C</at>'), '@A and @B C');
  });
});

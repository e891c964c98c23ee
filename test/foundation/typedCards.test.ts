import assert from 'node:assert/strict';
import { helpCard, helpReply, type HelpCardData } from '../../src/cards/help.js';
import { renderCard } from '../../src/cards/render.js';
import helpTemplate from '../../src/cards/templates/help.json' with { type: 'json' };
import meetingListTemplate from '../../src/cards/templates/huawei/meetingList.json' with { type: 'json' };
import { meetingListCard, type MeetingListCardData } from '../../src/cards/huawei/meetingCards.js';
import { intents } from '../../src/nlu/catalog.js';
import { Template } from 'adaptivecards-templating';
import { alertCard, alertReply, type AlertCardData } from '../../src/cards/lobby/alertCard.js';
import alertTemplate from '../../src/cards/templates/lobby/alert.json' with { type: 'json' };
import type { AlertOutcome, AlertRecord } from '../../src/alerts/records.js';
import { sampleAlert } from '../../bench/sampleAlert.js';

/**
 * The help and Huawei meeting-list cards are built by typed functions (the most sent cards); their templates stay
 * the specification: the same data expanded through the template must give the same card, key order included.
 */
describe('help card', () => {
  const everything = new Set(intents.map((intent) => intent.name));
  const cases: Array<[string, HelpCardData]> = [
    ['no sections, no intro', { title: 'T', intro: '', sections: [] }],
    ['one section with one command', { title: 'T', intro: 'I', sections: [{ heading: 'H', commands: [{ example: 'e', description: 'd' }] }] }],
    ['a section with no commands', { title: 'T', intro: 'I', sections: [{ heading: 'H', commands: [] }, { heading: 'H2', commands: [{ example: 'e', description: 'd' }, { example: 'f', description: 'g' }] }] }],
    ['markdown and template-looking text', { title: '**x** ${title}', intro: '<at>y</at>', sections: [{ heading: '`h`', commands: [{ example: '${example}', description: '$data' }] }] }],
  ];
  for (const [name, data] of cases) {
    it(`is the template's card: ${name}`, () => {
      assert.deepEqual(helpCard(data), renderCard(helpTemplate, data));
      assert.equal(JSON.stringify(helpCard(data)), JSON.stringify(renderCard(helpTemplate, data)));
    });
  }

  it("is the template's card for every language, with and without \"didn't understand\", for all commands and for some", () => {
    const some = new Set([...everything].slice(0, 3));
    for (const available of [everything, some, new Set<string>()]) {
      for (const language of ['en', 'zh'] as const) {
        for (const notUnderstood of [false, true]) {
          const built = helpReply(available, language, notUnderstood);
          assert.ok('card' in built);
          const body = (built.card as { body: Array<{ text?: string }> }).body;
          const data: HelpCardData = {
            title: body[0]!.text!,
            intro: body[1]?.text ?? '',
            sections: [],
          };
          for (const section of body.slice(data.intro === '' ? 1 : 2) as unknown as Array<{ items: [{ text: string }, { facts: Array<{ title: string; value: string }> }] }>) {
            data.sections.push({ heading: section.items[0].text, commands: section.items[1].facts.map((fact) => ({ example: fact.title, description: fact.value })) });
          }
          assert.equal(JSON.stringify(built.card), JSON.stringify(renderCard(helpTemplate, data)));
        }
      }
    }
  });

  it('gives each reply a card of its own, listing what is available when it is asked', () => {
    const listed = (reply: ReturnType<typeof helpReply>) =>
      'card' in reply ? JSON.stringify(reply.card).match(/"title":"[^"]*","value"/g)?.length ?? 0 : -1;
    const available = new Set([...everything].slice(0, 3));
    const first = helpReply(available, 'en');
    assert.ok('card' in first);
    (first.card as { fallbackText?: string }).fallbackText = 'changed on its way';
    const second = helpReply(available, 'en');
    assert.ok('card' in second);
    assert.notEqual(second.card, first.card);
    assert.equal((second.card as { fallbackText?: string }).fallbackText, undefined);
    // What the replies share cannot be changed by one of them.
    assert.throws(() => ((second.card as { body: Array<{ text?: string }> }).body[0]!.text = 'changed'), TypeError);
    assert.equal(listed(second), 3);
    available.add([...everything][5]!);
    assert.equal(listed(helpReply(available, 'en')), 4);
    assert.equal(listed(helpReply(everything, 'en')), everything.size - listed(helpReply(new Set<string>(), 'en')));
  });
});

describe('compiled card templates', () => {
  it('expand each render from its own data: one compiled template, many renders, each the same as a fresh expansion', () => {
    const template = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: '${title}', $when: "${title != ''}" },
        { type: 'Container', $data: '${rows}', items: [{ type: 'TextBlock', text: '${name} (${$index})' }] },
      ],
    };
    const renders = [
      { title: 'first', rows: [{ name: 'a' }, { name: 'b' }] },
      { title: '', rows: [] },
      { title: 'third', rows: [{ name: 'c' }] },
      { title: 'first', rows: [{ name: 'a' }, { name: 'b' }] },
    ].map((data) => renderCard(template, data));
    const fresh = (data: object) => new Template(template).expand({ $root: data }) as unknown;
    assert.deepEqual(renders[0], fresh({ title: 'first', rows: [{ name: 'a' }, { name: 'b' }] }));
    assert.deepEqual(renders[1], fresh({ title: '', rows: [] }));
    assert.deepEqual(renders[2], fresh({ title: 'third', rows: [{ name: 'c' }] }));
    assert.deepEqual(renders[3], renders[0]);
    assert.notEqual(renders[3], renders[0]);
  });
});

describe('Huawei meeting list card', () => {
  const row = (index: number, joinUrl: string) => ({
    subject: `Budget review ${index}`,
    idLine: `ID ${914083136 + index} · Organizer: Alice Wood`,
    timeLine: 'Dec 18, 2019, 15:28 – 17:28 GMT+8',
    statusLine: index % 2 === 0 ? 'In progress · 3 online' : '',
    joinUrl,
    joinTitle: 'Join',
  });
  const cases: Array<[string, MeetingListCardData]> = [
    ['no meetings, no notice, last page', { title: 'Ongoing meetings', notice: '', paging: 'Showing 0', meetings: [], next: { title: 'Next page', text: '' } }],
    ['one meeting without a join link, a notice', { title: 'T', notice: 'Only yours', paging: 'P', meetings: [row(1, '')], next: { title: 'Next page', text: '' } }],
    ['a page of ten, some with join links, more to come', { title: 'T', notice: '', paging: 'Showing 1–10 of 30', meetings: Array.from({ length: 10 }, (_, index) => row(index, index % 3 === 0 ? '' : `https://meeting.example/j/${index}`)), next: { title: 'Next page', text: 'next page' } }],
    ['template-looking text', { title: '${title}', notice: '${notice}', paging: '$when', meetings: [row(2, 'https://x.example/${joinUrl}')], next: { title: '${next.title}', text: '${x}' } }],
  ];
  for (const [name, data] of cases) {
    it(`is the template's card: ${name}`, () => {
      assert.equal(JSON.stringify(meetingListCard(data)), JSON.stringify(renderCard(meetingListTemplate, data)));
    });
  }
});

describe('lobby alert card', () => {
  const facts = [
    { title: 'Meeting', value: 'Budget review' },
    { title: 'Platform', value: 'Skype for Business' },
    { title: 'From', value: 'Another organization (federated): fabrikam.com' },
    { title: 'Waiting since', value: '10:02' },
  ];
  const labels = { admit: 'Admit', reject: 'Reject', admitAll: 'Admit all (3)' };
  const open: AlertCardData = { title: 'Someone is waiting in the lobby', headline: '**Dave** is waiting in the lobby of **Budget review**.', facts, status: '', statusColor: 'Attention', open: true, canReject: true, othersWaiting: 0, alertId: 'a1', labels };
  const cases: Array<[string, AlertCardData]> = [
    ['open, one waiting, can reject', open],
    ['open, others waiting', { ...open, othersWaiting: 2 }],
    ['open, cannot reject (Huawei), others waiting', { ...open, canReject: false, othersWaiting: 5 }],
    ['open, cannot reject, alone', { ...open, canReject: false }],
    ['admitted', { ...open, title: 'Lobby', status: 'Admitted by Alice at 10:03', statusColor: 'Good', open: false, canReject: false }],
    ['turned away', { ...open, title: 'Lobby', status: 'Turned away by Alice at 10:03', open: false, canReject: false }],
    ['closed without a status', { ...open, open: false, canReject: false, othersWaiting: 0 }],
    ['no facts', { ...open, facts: [] }],
    ['empty fact values and Chinese', { ...open, title: '有人在大厅等候', facts: [{ title: '会议', value: '' }, { title: '', value: 'x' }] }],
    ['template-looking and markdown text', { ...open, title: '${title}', headline: '${headline} $when', facts: [{ title: '${title}', value: '${value}' }], status: "${status != ''}", alertId: '${alertId}', labels: { admit: '${labels.admit}', reject: '**r**', admitAll: '$data' } }],
  ];
  for (const [name, data] of cases) {
    it(`is the template's card: ${name}`, () => {
      assert.equal(JSON.stringify(alertCard(data)), JSON.stringify(renderCard(alertTemplate, data)));
    });
  }

  const sampleAlertRecord = (changes: { language: 'en' | 'zh'; platform: 'sfb' | 'huawei'; outcome?: AlertOutcome }): AlertRecord => ({
    ...sampleAlert('a-1'),
    language: changes.language,
    platform: changes.platform,
    outcome: changes.outcome,
  });

  it("alertReply gives the template's card for open, pressed and counted alerts", () => {
    for (const language of ['en', 'zh'] as const) {
      for (const platform of ['sfb', 'huawei'] as const) {
        for (const outcome of [undefined, { kind: 'admitted' as const, by: 'Alice *A*', at: '2026-12-06T10:03:00Z' }, { kind: 'rejected' as const, by: 'Bob', at: '2026-12-06T10:04:00Z' }, { kind: 'leftLobby' as const, at: '2026-12-06T10:05:00Z' }]) {
          for (const waiting of [1, 3]) {
            const alert = sampleAlertRecord({ language, platform, outcome });
            const { card } = alertReply(alert, waiting);
            const built = JSON.stringify(card);
            // The same card through the template, from the data the card itself shows.
            const shown = card as { body: Array<{ text?: string; facts?: Array<{ title: string; value: string }>; color?: string }>; actions: Array<{ title: string; verb: string }> };
            const data: AlertCardData = {
              title: shown.body[0]!.text!,
              headline: shown.body[1]!.text!,
              facts: shown.body[2]!.facts!,
              status: shown.body[3]?.text ?? '',
              statusColor: (shown.body[3]?.color as AlertCardData['statusColor'] | undefined) ?? 'Attention',
              open: !outcome,
              canReject: !outcome && platform === 'sfb',
              othersWaiting: !outcome && waiting >= 2 ? waiting - 1 : 0,
              alertId: alert.id,
              labels: { admit: shown.actions.find((a) => a.verb === 'lobby.admit')?.title ?? '', reject: shown.actions.find((a) => a.verb === 'lobby.reject')?.title ?? '', admitAll: shown.actions.find((a) => a.verb === 'lobby.admitAll')?.title ?? '' },
            };
            assert.equal(built, JSON.stringify(renderCard(alertTemplate, data)), `${language} ${platform} ${outcome?.kind ?? 'open'} ${waiting}`);
            assert.equal(shown.actions.length, outcome ? 0 : 1 + (platform === 'sfb' ? 1 : 0) + (waiting >= 2 ? 1 : 0));
          }
        }
      }
    }
  });
});

import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { meetingDetailsReply, meetingListReply, participantsReply } from '../../src/cards/huawei/meetingCards.js';
import { alertReply } from '../../src/cards/lobby/alertCard.js';
import { cardMessage, type CardJson } from '../../src/cards/render.js';
import { groupsReply, meetingReply, membersReply } from '../../src/cards/ucwa/cards.js';
import type { AlertRecord } from '../../src/alerts/records.js';
import { conferenceInfoSchema, type ConferenceInfo } from '../../src/huawei/index.js';
import type { Reply } from '../../src/teams/reply.js';
import type { MeetingView } from '../../src/ucwa/index.js';
import onlineList from '../fixtures/huawei/online-meetings-list.json' with { type: 'json' };

/**
 * Every card builder, fed names and subjects that are markdown (as a service or a person may send them): the
 * card's markdown places (TextBlocks, facts, the fallback text) show them literally, buttons show them as they are.
 */

const markdown = new MarkdownIt({ html: true, linkify: false });
const hostile = '[Verify](https://evil.example) **now** <at>Ada</at> `x`';
const shownAs = '[Verify](https://evil.example) **now** &lt;at&gt;Ada&lt;/at&gt; `x`';

interface Found {
  /** TextBlock texts, fact titles and values: where Teams renders markdown. */
  markdown: string[];
  /** Button titles: never markdown. */
  buttons: string[];
}

function walk(node: unknown, found: Found = { markdown: [], buttons: [] }): Found {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, found);
    return found;
  }
  if (typeof node !== 'object' || node === null) return found;
  const object = node as Record<string, unknown>;
  if (object.type === 'TextBlock' && typeof object.text === 'string') found.markdown.push(object.text);
  if (typeof object.type === 'string' && object.type.startsWith('Action.') && typeof object.title === 'string') found.buttons.push(object.title);
  if (object.type === undefined && typeof object.title === 'string' && typeof object.value === 'string') found.markdown.push(object.title, object.value);
  for (const value of Object.values(object)) walk(value, found);
  return found;
}

/** Asserts the hostile text appears, literally, and that no markdown place of the card renders any markup. */
function assertLiteral(reply: Reply, where: string): Found {
  assert.ok('card' in reply, where);
  const activity = cardMessage(reply.card, reply.fallback);
  const card = (activity.attachments?.[0]?.content ?? {}) as CardJson;
  const found = walk(card);
  const fallbackText = typeof card.fallbackText === 'string' ? card.fallbackText : '';
  const htmls = [...found.markdown, fallbackText].map((text) => markdown.render(text));
  for (const html of htmls) assert.doesNotMatch(html, /<(a|at|em|code|img)[\s>]/, `${where}: ${html}`);
  assert.ok(htmls.some((html) => html.includes(shownAs)), `${where} shows the text literally:\n${htmls.join('')}`);
  assert.ok(markdown.render(fallbackText).includes(shownAs), `${where}: the card's fallbackText too`);
  assert.ok(activity.summary!.length <= 200, `${where}: the summary is clipped`);
  return found;
}

const conference: ConferenceInfo = { ...conferenceInfoSchema.parse(onlineList.body.data[0]), subject: hostile, scheduserName: hostile };

describe('cards with outside text', () => {
  it('Huawei list, details and participants cards', () => {
    assertLiteral(meetingListReply({ kind: 'ongoing', meetings: [conference], firstPosition: 1, total: 1, scope: 'own', keyword: hostile, hasMore: true, language: 'en', timeZone: 'UTC' }), 'list');
    assertLiteral(meetingDetailsReply({ conference, participants: { offset: 0, limit: 20, count: 0, data: [] } }, { language: 'en', timeZone: 'UTC' }), 'details');
    const people = { offset: 0, limit: 20, count: 1, data: [{ name: hostile, role: 'chair' }] } as Parameters<typeof participantsReply>[1];
    assertLiteral(participantsReply(`meeting 1 (${hostile})`, people, { language: 'en', timeZone: 'UTC' }), 'participants');
  });

  it('Skype for Business meeting, group and member cards; a group button shows the name as typed, clipped', () => {
    const meeting = { href: '/m/1', subject: hostile, onlineMeetingId: 'ABC', description: hostile, leaders: [], attendees: [] } as unknown as MeetingView;
    assertLiteral(meetingReply(meeting, { language: 'en', timeZone: 'UTC' }), 'meeting');
    const group = { href: '/g/1', kind: 'group', id: 'g1', name: hostile, contacts: [] };
    const found = assertLiteral(groupsReply({ href: '/groups', groups: [group], distributionGroups: [], links: [] } as never, { language: 'en', timeZone: 'UTC' }), 'groups');
    assert.deepEqual(found.buttons, [`Members: ${hostile}`], 'a button title is not markdown: not escaped');
    const longName = 'N'.repeat(5_000);
    const clipped = walk((groupsReply({ href: '/groups', groups: [{ ...group, name: longName }], distributionGroups: [], links: [] } as never, { language: 'en', timeZone: 'UTC' }) as { card: CardJson }).card);
    assert.ok(clipped.buttons[0]!.length < 250, 'but clipped');
    assertLiteral(membersReply(hostile, [{ href: '/c/1', name: hostile, emailAddresses: [], company: hostile }] as never, { language: 'en', timeZone: 'UTC' }), 'members');
  });

  it('the lobby alert card: visitor, meeting and who acted', () => {
    const alert: AlertRecord = {
      id: 'a1',
      watcherId: 'u1',
      platform: 'sfb',
      meeting: { key: 'sip:m', subject: hostile },
      connectionKey: '/c',
      visitKey: '/p',
      person: { key: 'sip:mallory_x@fabrikam.com', name: hostile, uri: 'sip:mallory_x@fabrikam.com', source: 'Federated' },
      waitingSince: new Date().toISOString(),
      language: 'en',
      timeZone: 'UTC',
      outcome: { kind: 'admitted', by: hostile, at: new Date().toISOString() },
      cardVersion: 1,
      deliveredVersion: 0,
      attempts: 0,
      createdAt: new Date().toISOString(),
    };
    const reply = alertReply(alert, 1);
    assertLiteral(reply, 'alert');
    const status = walk(reply.card).markdown.find((text) => text.startsWith('Admitted by'))!;
    assert.equal(markdown.render(status).trim(), `<p>Admitted by ${shownAs} at ${/at (\d\d:\d\d)$/.exec(status)![1]}</p>`);
  });
});

/**
 * Bench line 6, part two: what one call of each card builder costs, as far as the activity the bot sends
 * (`replyActivity`: card, fallback, size checks), against a baseline measured in the same run: `JSON.stringify` of
 * that same activity, the serialization every card pays on its way to the connector anyway.
 */
import { helpReply } from '../src/cards/help.js';
import { confirmReply } from '../src/cards/confirm.js';
import { meetingDetailsReply, meetingListReply, participantsReply } from '../src/cards/huawei/meetingCards.js';
import { alertReply } from '../src/cards/lobby/alertCard.js';
import { meetingReply } from '../src/cards/ucwa/cards.js';
import { conferenceInfoSchema } from '../src/huawei/index.js';
import { meetingDetailSchema, onlineAttendeeSchema } from '../src/huawei/types.js';
import { intents } from '../src/nlu/catalog.js';
import { replyActivity, type Reply } from '../src/teams/reply.js';
import type { MeetingView } from '../src/ucwa/index.js';
import onlineList from '../test/fixtures/huawei/online-meetings-list.json' with { type: 'json' };
import participantsFixture from '../test/fixtures/huawei/online-participants-list.json' with { type: 'json' };
import detailFixture from '../test/fixtures/huawei/meeting-detail.json' with { type: 'json' };
import { sampleAlert } from './sampleAlert.js';

export interface CardCost {
  card: string;
  bytes: number;
  microsPerCall: number;
  /** The same activity's JSON.stringify, per call. */
  baselineMicros: number;
  ratio: number;
}

const conference = conferenceInfoSchema.parse(onlineList.body.data[0]);
const ten = Array.from({ length: 10 }, (_, index) => ({ ...conference, conferenceID: String(914083136 + index), subject: `Budget review ${index + 1}` }));
const attendee = onlineAttendeeSchema.parse(participantsFixture.body.data[0]);
const twenty = { offset: 0, limit: 20, count: 20, data: Array.from({ length: 20 }, (_, index) => ({ ...attendee, name: `Person ${index + 1}` })) };
const detail = meetingDetailSchema.parse(detailFixture.body);
const audience = { language: 'en' as const, timeZone: 'Asia/Shanghai' };
const alert = sampleAlert('a1');
const meeting = {
  href: '/m/1',
  subject: 'Budget review',
  onlineMeetingId: 'BR7Q4K2M',
  description: 'Quarterly numbers',
  joinUrl: 'https://meet.contoso.com/alice/BR7Q4K2M',
  expirationTime: new Date(Date.now() + 86_400_000),
  leaders: ['sip:carol@contoso.com'],
  attendees: ['sip:bob@contoso.com'],
} as unknown as MeetingView;
const everything = new Set(intents.map((intent) => intent.name));

const builders: Array<[string, () => Reply]> = [
  ['help (every command)', () => helpReply(everything, 'en')],
  ['Huawei meeting list (10 meetings)', () => meetingListReply({ kind: 'ongoing', meetings: ten, firstPosition: 1, total: 30, scope: 'own', hasMore: true, language: 'en', timeZone: 'Asia/Shanghai' })],
  ['Huawei meeting details', () => meetingDetailsReply({ conference: detail.conferenceData, participants: detail.data ?? { offset: 0, limit: 0, count: 0, data: [] } }, audience)],
  ['Huawei participants (20)', () => participantsReply('Budget review', twenty, audience)],
  ['lobby alert', () => alertReply(alert, 2)],
  ['confirm question', () => confirmReply({ id: 'q1', question: 'End meeting 914083136 (Budget review)?', language: 'en' })],
  ['Skype for Business meeting', () => meetingReply(meeting, audience)],
];

export function benchCards(calls = 2000): CardCost[] {
  return builders.map(([card, build]) => {
    for (let index = 0; index < calls / 10; index += 1) replyActivity(build()); // warm
    let started = performance.now();
    let activity = replyActivity(build());
    for (let index = 0; index < calls; index += 1) activity = replyActivity(build());
    const micros = ((performance.now() - started) * 1000) / calls;
    started = performance.now();
    let bytes = 0;
    for (let index = 0; index < calls; index += 1) bytes = JSON.stringify(activity).length;
    const baselineMicros = ((performance.now() - started) * 1000) / calls;
    return { card, bytes, microsPerCall: round1(micros), baselineMicros: round1(baselineMicros), ratio: round1(micros / baselineMicros) };
  });
}

const round1 = (value: number) => Math.round(value * 10) / 10;

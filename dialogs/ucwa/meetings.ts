import { WaterfallDialog, type Dialog, type WaterfallStep, type WaterfallStepContext } from 'botbuilder-dialogs';
import {
  defaultValuesReply,
  dialInReply,
  eligibleValuesReply,
  extensionAddedReply,
  extensionsReply,
  formatInstant,
  invitationReply,
  meetingListReply,
  meetingReply,
  policiesReply,
  ucwaVerbs,
  type Audience,
} from '../../src/cards/ucwa/cards.js';
import { label } from '../../src/cards/ucwa/labels.js';
import type { Entities } from '../../src/nlu/catalog.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { CardActionHandler, CommandOptions, Existence } from '../../src/teams/capability.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { reply, type Reply } from '../../src/teams/reply.js';
import type { AccessLevel, EnabledDisabled, MeetingInput, MeetingView, UcwaSession } from '../../src/ucwa/index.js';
import { commandOptions, singleTurnCommand } from '../command.js';
import { askForText, askToConfirm } from '../prompts.js';
import { locateByName, targetOf, targetSteps, valuesOf, type Named, type TargetSpec } from './pick.js';
import { attempt, handled, notSignedIn, withSession, type UcwaCommandDeps } from './session.js';
import { say } from './text.js';
import { instantIn } from './time.js';

type Bilingual = Record<Language, string>;

/** The meetings commands: one dialog per intent of the 'ucwa-meetings' capability. */
export function meetingDialogs(deps: UcwaCommandDeps): Dialog[] {
  const show = (intent: string, read: (session: UcwaSession, audience: Audience) => Promise<Reply>) =>
    singleTurnCommand(intent, async (step, options) => {
      const answer = await attempt(deps, step, (session) => read(session, audienceOf(options)));
      if (answer !== handled) await reply(step.context, answer);
    });
  return [
    show('meetings.list', async (session, audience) => meetingListReply(await session.meetings.list(), audience)),
    show('meetings.defaults', async (session, audience) => defaultValuesReply(await session.meetings.defaultValues(), audience)),
    show('meetings.eligibleValues', async (session, audience) => eligibleValuesReply(await session.meetings.eligibleValues(), audience)),
    show('meetings.policies', async (session, audience) => policiesReply(await session.meetings.policies(), audience)),
    show('meetings.dialIn', async (session, audience) => dialInReply(await session.meetings.phoneDialInInformation(), audience)),
    show('meetings.invitation', async (session, audience) => invitationReply(await session.meetings.invitationCustomization(), audience)),
    createDialog(deps),
    onMeeting(deps, 'meetings.details', async (step, session, target) => {
      await reply(step.context, meetingReply(await session.meetings.get(target.href), audienceOf(commandOptions(step))));
    }),
    updateDialog(deps),
    deleteDialog(deps),
    onMeeting(deps, 'extensions.list', async (step, session, target) => {
      const meeting = await session.meetings.get(target.href);
      const extensions = await session.extensions.list(meeting);
      await reply(step.context, extensionsReply(subjectOf(meeting), extensions, audienceOf(commandOptions(step))));
    }, needsExtensions),
    onMeeting(deps, 'extensions.add', async (step, session, target) => {
      const { recognition } = commandOptions(step);
      const meeting = await session.meetings.get(target.href);
      const extension = await session.extensions.create(meeting, { id: recognition.entities.extensionId, type: recognition.entities.extensionType });
      await reply(step.context, extensionAddedReply(subjectOf(meeting), extension, audienceOf(commandOptions(step))));
    }, needsExtensions),
  ];
}

/** The meeting commands whose object may be a contact group's name instead (src/nlu/objectKind.ts kindNotSaid). */
const MEETING_OR_GROUP = new Set(['meetings.update', 'meetings.delete']);

/** For a question of kind: does the person have a meeting of the reading's name? */
export async function locateMeeting(deps: UcwaCommandDeps, user: TeamsUser, reading: { intent: string; entities: Entities }): Promise<Existence | undefined> {
  return MEETING_OR_GROUP.has(reading.intent) ? locateByName(deps, user, meetingTarget(), reading) : undefined;
}

/** "Details" on the meeting list card: answers with the meeting's card in place of the list. */
export function meetingCardActions(deps: UcwaCommandDeps): CardActionHandler {
  return {
    verbs: [ucwaVerbs.meetingDetails],
    async handle({ data, user, language, timeZone }) {
      const meetingId = typeof data.meetingId === 'string' ? data.meetingId : '';
      if (!meetingId) return { message: say.buttonNotValid[language] };
      const outcome = await withSession(deps, user, async (session) => {
        const list = await session.meetings.list();
        const meetings = [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings];
        const meeting = meetings.find((candidate) => candidate.onlineMeetingId === meetingId);
        return meeting ? meetingReply(meeting, { language, timeZone }) : say.noMeetingNamed(meetingId, meetings.map(subjectOf))[language];
      });
      if (outcome === notSignedIn) return { message: say.notSignedIn[language] };
      if (typeof outcome === 'string') return { message: outcome };
      return 'card' in outcome ? { card: outcome.card } : { message: outcome.text };
    },
  };
}

// ------------------------------------------------------------------------------------------ meeting targets

/** What an action needs of a meeting resource (its link), and what to say when it lacks it. */
interface MeetingNeed {
  has(meeting: MeetingView): boolean;
  refusal(subject: string): Bilingual;
}

/** Extensions are offered only by meetings that link an onlineMeetingExtensions collection. */
const needsExtensions: MeetingNeed = { has: (meeting) => meeting.extensionsHref !== undefined, refusal: (subject) => say.noExtensions(subject) };

function meetingTarget(need?: MeetingNeed): TargetSpec {
  return {
    entity: 'meeting',
    ask: say.whichMeeting,
    choose: say.chooseMeeting,
    async candidates(session, audience) {
      const list = await session.meetings.list();
      // myOnlineMeetings first: when the same meeting is also listed as myAssignedOnlineMeeting, the collection member is kept.
      return [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings].map((meeting): Named => ({
        href: meeting.href,
        name: subjectOf(meeting),
        aliases: meeting.onlineMeetingId ? [meeting.onlineMeetingId] : [],
        choiceLabel: meeting.onlineMeetingId ? `${subjectOf(meeting)} (${meeting.onlineMeetingId})` : subjectOf(meeting),
        refusal: need && !need.has(meeting) ? need.refusal(subjectOf(meeting)) : undefined,
        // onlineMeetingId is unique among one organizer's meetings (myOnlineMeeting reference).
        sameAs: meeting.onlineMeetingId ? `${meeting.organizerUri ?? ''}|${meeting.onlineMeetingId}`.toLowerCase() : meeting.href,
        details: meetingDetails(meeting, audience),
      }));
    },
    notFound: (name, candidates) => say.noMeetingNamed(name, candidates.map((candidate) => candidate.name)),
  };
}

/** Kind, expiry and organizer: what tells two meetings of the same subject apart. */
function meetingDetails(meeting: MeetingView, audience: Audience): string[] {
  const details = [say.meetingKind(meeting.rel)[audience.language]];
  if (meeting.expirationTime) details.push(say.expires(formatInstant(meeting.expirationTime, audience.timeZone, audience.language))[audience.language]);
  const organizer = meeting.organizerName ?? meeting.organizerUri?.replace(/^sip:/i, '');
  if (organizer) details.push(say.organizedBy(organizer)[audience.language]);
  return details;
}

type MeetingAction = (step: WaterfallStepContext, session: UcwaSession, target: Named) => Promise<void>;

/** A command about one named meeting: resolve it (asking "Which meeting?" if needed), then act on it. */
function onMeeting(deps: UcwaCommandDeps, intent: string, act: MeetingAction, need?: MeetingNeed, before: WaterfallStep[] = []): Dialog {
  return new WaterfallDialog(intent, [
    ...targetSteps(deps, meetingTarget(need)),
    ...before,
    async (step) => {
      await attempt(deps, step, (session) => act(step, session, targetOf(step)));
      return step.endDialog();
    },
  ]);
}

// -------------------------------------------------------------------------------------------------- create

const subjectKey = 'ucwa.subject';
const inputKey = 'ucwa.meetingInput';

/** Plain-data form of MeetingInput, because it waits in dialog state while the subject is asked for. */
interface PreparedInput {
  accessLevel?: AccessLevel;
  lobbyBypassForPhoneUsers?: EnabledDisabled;
  leaders?: string[];
  expirationTime?: string;
}

function createDialog(deps: UcwaCommandDeps): Dialog {
  return new WaterfallDialog('meetings.create', [
    async (step) => {
      const options = commandOptions(step);
      const prepared = prepareInput(options.recognition.entities, options.timeZone, options.language);
      if ('problem' in prepared) {
        await reply(step.context, { text: prepared.problem[options.language] });
        return step.endDialog();
      }
      valuesOf(step)[inputKey] = prepared.input;
      const subject = meaningfulSubject(options.recognition.entities.subject);
      if (subject) return step.next(subject);
      return askForText(step, say.askSubject[options.language]);
    },
    async (step) => {
      const options = commandOptions(step);
      const subject = typeof step.result === 'string' ? step.result.trim() : '';
      if (!subject) {
        await reply(step.context, { text: say.emptySubject[options.language] });
        return step.endDialog();
      }
      valuesOf(step)[subjectKey] = subject;
      const prepared = valuesOf(step)[inputKey] as PreparedInput;
      const input: MeetingInput = { ...prepared, subject, expirationTime: prepared.expirationTime ? new Date(prepared.expirationTime) : undefined };
      const created = await attempt(deps, step, (session) => session.meetings.create(input));
      if (created === handled) return step.endDialog();
      const audience = audienceOf(options);
      await reply(step.context, meetingReply(created, audience, label.created[options.language], timeNote(input.expirationTime, audience)));
      return step.endDialog();
    },
  ]);
}

/**
 * The recognizer fills `subject` with the word "meeting" itself for "create a meeting" (reported to its owner);
 * nobody names a meeting just "meeting", so such a subject counts as missing and is asked for.
 */
function meaningfulSubject(subject: string | undefined): string | undefined {
  const trimmed = subject?.trim();
  if (!trimmed) return undefined;
  if (/^(?:(?:a|an|the|new|my|online|skype)\s+)*(?:meeting|conference|call)s?$/i.test(trimmed) || /^(?:一个|新)?(?:会议|会)$/.test(trimmed)) return undefined;
  return trimmed;
}

// -------------------------------------------------------------------------------------------------- update

const accessLevels: readonly AccessLevel[] = ['Everyone', 'Invited', 'Locked', 'SameEnterprise'];

function updateDialog(deps: UcwaCommandDeps): Dialog {
  return new WaterfallDialog('meetings.update', [
    ...targetSteps(deps, meetingTarget()),
    async (step) => {
      const options = commandOptions(step);
      const target = targetOf(step);
      const prepared = prepareInput(options.recognition.entities, options.timeZone, options.language);
      if ('problem' in prepared) {
        await reply(step.context, { text: prepared.problem[options.language] });
        return step.endDialog();
      }
      const { leaders: _ignored, expirationTime, ...rest } = prepared.input;
      const changes: MeetingInput = { ...rest, subject: options.recognition.entities.subject?.trim() || undefined, expirationTime: expirationTime ? new Date(expirationTime) : undefined };
      if (Object.values(changes).every((value) => value === undefined)) {
        await reply(step.context, { text: say.nothingToChange(target.name)[options.language] });
        return step.endDialog();
      }
      const updated = await attempt(deps, step, (session) => session.meetings.update(target.href, changes));
      if (updated === handled) return step.endDialog();
      const audience = audienceOf(options);
      await reply(step.context, meetingReply(updated, audience, label.updated[options.language], timeNote(changes.expirationTime, audience)));
      return step.endDialog();
    },
  ]);
}

// -------------------------------------------------------------------------------------------------- delete

function deleteDialog(deps: UcwaCommandDeps): Dialog {
  return onMeeting(
    deps,
    'meetings.delete',
    async (step, session, target) => {
      const { language } = commandOptions(step);
      if (step.result !== true) {
        await reply(step.context, { text: say.keptMeeting(target.name)[language] });
        return;
      }
      await session.meetings.delete(target.href);
      await reply(step.context, { text: say.deleted(target.name)[language] });
    },
    undefined,
    [async (step) => askToConfirm(step, say.confirmDelete(targetOf(step).name)[commandOptions(step).language], commandOptions(step).language)],
  );
}

// ------------------------------------------------------------------------------------------------- helpers

/** UCWA keeps a meeting 8 hours when no expiration is given (myOnlineMeetings input); a start time alone gets the same. */
const defaultLifetimeMs = 8 * 3600 * 1000;
const maxLifetimeMs = 10 * 365.25 * 24 * 3600 * 1000;

type Prepared = { input: PreparedInput } | { problem: Bilingual };

/** Turns the recognised settings into meeting input, refusing what UCWA would refuse before anything is sent. */
function prepareInput(entities: Entities, timeZone: string, language: Language): Prepared {
  const input: PreparedInput = {};
  if (entities.accessLevel) {
    const level = accessLevels.find((candidate) => candidate.toLowerCase() === entities.accessLevel!.toLowerCase());
    if (level) input.accessLevel = level;
  }
  if (entities.lobbyBypassForPhoneUsers) {
    input.lobbyBypassForPhoneUsers = /^enabled$/i.test(entities.lobbyBypassForPhoneUsers) ? 'Enabled' : 'Disabled';
  }
  if (entities.leaders && entities.leaders.length > 0) {
    const unresolved = entities.leaders.filter((leader) => !sipAddress(leader));
    if (unresolved.length > 0) return { problem: say.leadersNeedAddresses(unresolved) };
    input.leaders = entities.leaders.map((leader) => sipAddress(leader)!);
  }
  const when = entities.endTime ?? entities.startTime;
  if (when) {
    const instant = instantIn(when, timeZone);
    if (!instant) return { problem: say.timeUnreadable(when) };
    const now = Date.now();
    if (instant.getTime() <= now) return { problem: say.timeInPast(formatInstant(instant, timeZone, language)) };
    const expires = entities.endTime ? instant.getTime() : instant.getTime() + defaultLifetimeMs;
    if (expires - now > maxLifetimeMs) return { problem: say.timeTooFar };
    input.expirationTime = new Date(expires).toISOString();
  }
  return { input };
}

/** Leaders must be SIP addresses; an email-style address is taken as the same person's SIP address. */
function sipAddress(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^sip:[^@\s:]+@[^@\s]+\.[^@\s]+$/i.test(trimmed)) return trimmed;
  if (/^[^@\s:]+@[^@\s]+\.[^@\s]+$/.test(trimmed)) return `sip:${trimmed}`;
  return undefined;
}

function timeNote(expiration: Date | undefined, audience: Audience): string | undefined {
  return expiration ? say.noTimeInSkype(formatInstant(expiration, audience.timeZone, audience.language))[audience.language] : undefined;
}

function subjectOf(meeting: MeetingView): string {
  return meeting.subject || meeting.onlineMeetingId || '?';
}

function audienceOf(options: CommandOptions): Audience {
  return { language: options.language, timeZone: options.timeZone };
}

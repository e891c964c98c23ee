import type { FoundChoice } from 'botbuilder-dialogs';
import { WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { chairPasswordOf, HuaweiError, type ConferenceInfo, type HuaweiIdentity } from '../../src/huawei/index.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { Entities } from '../../src/nlu/catalog.js';
import type { CommandOptions, Existence } from '../../src/teams/capability.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { reply } from '../../src/teams/reply.js';
import { commandOptions } from '../command.js';
import { askForText, askToChoose, askToConfirm } from '../prompts.js';
import { attempt, identify, type HuaweiCommandDeps } from './context.js';
import { searchTextAccepted } from './listing.js';
import { meetingLabel, say } from './text.js';

/** The meeting a command acts on, once it is known. */
export interface MeetingTarget {
  id: string;
  subject?: string;
}

export interface MeetingCommandRequest {
  step: WaterfallStepContext;
  options: CommandOptions;
  who: HuaweiIdentity;
  target: MeetingTarget;
  label: string;
}

/** One command that acts on a single meeting, named by id or by subject. */
export interface MeetingCommandSpec {
  intent: string;
  /** Where a subject is looked up: ongoing meetings (control commands) or every meeting not yet ended. */
  searchIn: 'ongoing' | 'notEnded';
  /** Destructive commands ask this first; "no" runs `declined` instead. */
  confirm?: (label: string, language: Language) => string;
  declined?: (label: string, language: Language) => string;
  run(request: MeetingCommandRequest, deps: HuaweiCommandDeps): Promise<void>;
}

/** Subject matches offered in "Which meeting?"; more than this and the person should be more specific. */
const MAX_CANDIDATES = 10;
const SUBJECT_SEARCH_PAGE = 100;

interface StepValues {
  who?: HuaweiIdentity;
  target?: MeetingTarget;
  candidates?: MeetingTarget[];
}

/**
 * identify → which meeting (asks when the text named none) → pick among subject matches → [confirm] → act.
 * The Huawei user always comes from the Teams identity; the meeting text only selects among their meetings.
 */
export function meetingCommand(spec: MeetingCommandSpec, deps: HuaweiCommandDeps): Dialog {
  return new WaterfallDialog(spec.intent, [
    async (step) => {
      const options = commandOptions(step);
      const who = await identify(step, deps, options);
      if (!who) return step.endDialog();
      values(step).who = who;
      const named = options.recognition.entities.meeting?.trim();
      return named ? step.next(named) : askForText(step, say.whichMeeting[options.language]);
    },
    async (step) => {
      const options = commandOptions(step);
      const named = typeof step.result === 'string' ? step.result.trim() : '';
      if (named === '') return step.endDialog();
      const id = asConferenceId(named);
      if (id) {
        values(step).target = { id };
        return step.next();
      }
      return findBySubject(step, spec, deps, options, named);
    },
    async (step) => {
      const options = commandOptions(step);
      const state = values(step);
      const chosen = step.result as FoundChoice | undefined;
      if (!state.target && state.candidates && chosen !== undefined) state.target = state.candidates[chosen.index];
      if (!state.target) return step.endDialog();
      if (!spec.confirm) {
        await spec.run(request(step, options), deps);
        return step.endDialog();
      }
      // Look the meeting up first: the question names it, and a wrong id or missing host rights fail before
      // anyone is asked a question whose "yes" could not be carried out.
      const found = await attempt(step.context, deps, options, 'getOngoingMeeting', async () => {
        const { conference } = await deps.client.getOngoingMeeting(state.who!.userId, state.target!.id, { limit: 1 });
        if (!chairPasswordOf(conference)) throw new HuaweiError({ status: 403, code: 'NOT_HOST', serviceMessage: `${state.target!.id}: no host rights` });
        return conference;
      });
      if (!found) return step.endDialog();
      state.target = { id: found.value.conferenceID, subject: found.value.subject };
      return askToConfirm(step, spec.confirm(labelOf(state.target, options.language), options.language), options.language);
    },
    async (step) => {
      const options = commandOptions(step);
      const state = values(step);
      if (step.result === true) await spec.run(request(step, options), deps);
      else if (spec.declined) await reply(step.context, { text: spec.declined(labelOf(state.target!, options.language), options.language) });
      return step.endDialog();
    },
  ]);
}

function values(step: WaterfallStepContext): StepValues {
  return step.values as StepValues;
}

function request(step: WaterfallStepContext, options: CommandOptions): MeetingCommandRequest {
  const state = values(step);
  return { step, options, who: state.who!, target: state.target!, label: labelOf(state.target!, options.language) };
}

function labelOf(target: MeetingTarget, language: Language): string {
  return meetingLabel(language, target.id, target.subject);
}

/** "914083136", "914 083 136" or "914-083-136" name a meeting by id; anything else is a subject. */
export function asConferenceId(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6,32}$/.test(digits) ? digits : undefined;
}

async function findBySubject(
  step: WaterfallStepContext,
  spec: MeetingCommandSpec,
  deps: HuaweiCommandDeps,
  options: CommandOptions,
  subject: string,
): Promise<DialogTurnResult> {
  if (!(await searchTextAccepted(step.context, subject, options))) return step.endDialog();
  const who = values(step).who!;
  const found = await attempt(step.context, deps, options, 'findMeetingBySubject', () => searchMeetings(deps, spec.searchIn, who.userId, subject));
  if (!found) return step.endDialog();
  const matches = preferExactSubject(found.value, subject).map((meeting) => ({ id: meeting.conferenceID, subject: meeting.subject }));
  if (matches.length === 0) {
    const none = spec.searchIn === 'ongoing' ? say.noMeetingNamed(subject) : say.noMeetingNamedAny(subject);
    await reply(step.context, { text: none[options.language] });
    return step.endDialog();
  }
  if (matches.length === 1) {
    values(step).target = matches[0];
    return step.next();
  }
  values(step).candidates = matches;
  const choices = matches.map((match) => `${match.subject ?? ''} (${match.id})`.trim());
  return askToChoose(step, say.chooseMeeting[options.language], choices, options.language);
}

/** The Huawei commands whose meeting may be a Skype for Business one instead (src/nlu/objectKind.ts serviceNotSaid). */
const HUAWEI_OR_SKYPE = new Set(['huawei.lock']);

/**
 * For a question of kind ("lock down Retro": the Huawei lock or the Skype meeting's access?): does the person have an
 * ongoing Huawei meeting of that subject? Undefined when that cannot be told (no Huawei identity, Huawei failed).
 */
export async function locateMeeting(deps: HuaweiCommandDeps, user: TeamsUser, reading: { intent: string; entities: Entities }): Promise<Existence | undefined> {
  const subject = reading.entities.meeting?.trim();
  if (!HUAWEI_OR_SKYPE.has(reading.intent) || !subject || asConferenceId(subject)) return undefined;
  try {
    const who = await deps.identities.resolve({ aadObjectId: user.aadObjectId, upn: user.upn, email: user.email });
    if (!who) return undefined;
    const wanted = subject.toLocaleLowerCase();
    const found = await searchMeetings(deps, 'ongoing', who.userId, subject);
    return found.some((meeting) => meeting.subject?.toLocaleLowerCase().includes(wanted)) ? 'found' : 'missing';
  } catch (error) {
    deps.outcomes.failed(error);
    deps.logger.warn({ err: error }, 'could not look up what a meeting name is');
    return undefined;
  }
}

/** Huawei's searchKey also matches organizer and id; the person's own meetings only, never the enterprise's. */
async function searchMeetings(deps: HuaweiCommandDeps, where: MeetingCommandSpec['searchIn'], userId: string, subject: string): Promise<ConferenceInfo[]> {
  const options = { searchKey: subject, pageSize: SUBJECT_SEARCH_PAGE };
  const meetings = where === 'ongoing' ? deps.client.ongoingMeetings(userId, options) : deps.client.meetings(userId, options);
  const found: ConferenceInfo[] = [];
  for await (const meeting of meetings) {
    found.push(meeting);
    if (found.length >= MAX_CANDIDATES) break;
  }
  return found;
}

/** "Budget review" picks the meeting called exactly that over "Budget review follow-up". */
function preferExactSubject(meetings: ConferenceInfo[], subject: string): ConferenceInfo[] {
  const wanted = subject.trim().toLocaleLowerCase();
  const exact = meetings.filter((meeting) => meeting.subject?.trim().toLocaleLowerCase() === wanted);
  return exact.length > 0 ? exact : meetings;
}

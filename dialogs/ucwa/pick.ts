import type { FoundChoice } from 'botbuilder-dialogs';
import type { WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Entities, EntityName } from '../../src/nlu/catalog.js';
import type { Language } from '../../src/nlu/recognition.js';
import { reply } from '../../src/teams/reply.js';
import type { UcwaSession } from '../../src/ucwa/index.js';
import { commandOptions } from '../command.js';
import { askForText, askToChoose } from '../prompts.js';
import type { Existence } from '../../src/teams/capability.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { attempt, handled, notSignedIn, withSession, type UcwaCommandDeps } from './session.js';

/**
 * Something a person names loosely in chat (a meeting, a group). Plain data, because it waits in dialog state
 * while the person picks one.
 */
export interface Named {
  /** Where the thing lives (its href), so later steps read it fresh. */
  href: string;
  name: string;
  /** Other exact names it answers to (a meeting id). */
  aliases: string[];
  /** The line shown when the person has to choose. */
  choiceLabel: string;
  /** Why it cannot be used for this command, if it cannot (the resource lacks the link or rel the action needs). */
  refusal?: Record<Language, string>;
  /** Things with the same key are one thing listed twice (a meeting as myOnlineMeeting and myAssignedOnlineMeeting). */
  sameAs?: string;
  /** Facts that tell it apart from a namesake (kind, time, organizer), most telling first, in the person's language. */
  details?: string[];
}

/** Case-insensitive, width-insensitive, surrounding quotes and punctuation ignored. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[\s"'“”‘’「」《》]+|[\s"'“”‘’「」《》.!?。！？]+$/g, '')
    .replace(/\s+/g, ' ');
}

/**
 * The things a loosely given name means: exact name (or alias) matches win; otherwise every thing whose name
 * contains the text, or all of its words.
 */
export function matchByName<T extends Pick<Named, 'name' | 'aliases'>>(items: readonly T[], wanted: string): T[] {
  const target = normaliseName(wanted);
  const found = matchNormalised(items, target);
  if (found.length > 0) return found;
  // "供应商组", "the Vendors group", "季度复盘会": the kind said after the name is not part of it, unless a thing is named so.
  const withoutKind = target.replace(/(?:\S)\s*(?:分组|组|組)$|(?<=\p{Script=Han})\p{Script=Han}(?:会议|会)$|\s+(?:group|contact group)$/u, (match) => match.slice(0, 1));
  return withoutKind === target ? [] : matchNormalised(items, withoutKind);
}

function matchNormalised<T extends Pick<Named, 'name' | 'aliases'>>(items: readonly T[], target: string): T[] {
  if (!target) return [];
  const exact = items.filter((item) => normaliseName(item.name) === target || item.aliases.some((alias) => normaliseName(alias) === target));
  if (exact.length > 0) return exact;
  const words = target.split(' ');
  return items.filter((item) => {
    const name = normaliseName(item.name);
    return name.includes(target) || words.every((word) => name.includes(word));
  });
}

/**
 * What to offer for a loosely given name: only the matches that can do the action (when any can; otherwise the
 * first, whose refusal says why), each thing once.
 */
export function offerable<T extends Pick<Named, 'refusal' | 'sameAs'>>(matches: readonly T[]): T[] {
  const able = matches.filter((match) => !match.refusal);
  const offered = able.length > 0 ? able : matches.slice(0, 1);
  const seen = new Set<string>();
  return offered.filter((match) => match.sameAs === undefined || (!seen.has(match.sameAs) && Boolean(seen.add(match.sameAs))));
}

/** Choice lines a person can tell apart: namesakes get their details added, one at a time, until they differ. */
export function distinctLabels(items: ReadonlyArray<Pick<Named, 'choiceLabel' | 'details'>>): string[] {
  const labels = items.map((item) => item.choiceLabel);
  const depth = Math.max(0, ...items.map((item) => item.details?.length ?? 0));
  for (let level = 0; level < depth; level++) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    if ([...counts.values()].every((count) => count === 1)) break;
    items.forEach((item, index) => {
      const detail = item.details?.[level];
      if (detail && (counts.get(labels[index]!) ?? 0) > 1) labels[index] = `${labels[index]} · ${detail}`;
    });
  }
  return labels;
}

export interface TargetSpec {
  /** The entity that names the target. */
  entity: Extract<EntityName, 'meeting' | 'group'>;
  ask: Record<Language, string>;
  choose: Record<Language, string>;
  /** What the person has that could be meant. */
  candidates(session: UcwaSession, audience: { language: Language; timeZone: string }): Promise<Named[]>;
  notFound(name: string, candidates: Named[]): Record<Language, string>;
}

const targetKey = 'ucwa.target';
const choicesKey = 'ucwa.choices';

/**
 * Waterfall steps that turn the named meeting or group into one `Named` target: ask for the name when the
 * message had none, match it, ask "Which …?" when several match, and say what exists when none does. The step
 * after these finds the target with `targetOf(step)`.
 */
export function targetSteps(deps: UcwaCommandDeps, spec: TargetSpec): WaterfallStep[] {
  return [
    async (step) => {
      const { recognition, language } = commandOptions(step);
      const named = recognition.entities[spec.entity];
      if (typeof named === 'string' && named.trim()) return step.next(named);
      return askForText(step, spec.ask[language]);
    },
    async (step) => {
      const { language, timeZone } = commandOptions(step);
      const name = typeof step.result === 'string' ? step.result.trim() : '';
      const candidates = await attempt(deps, step, (session) => spec.candidates(session, { language, timeZone }));
      if (candidates === handled) return step.endDialog();
      const matches = offerable(matchByName(candidates, name));
      if (matches.length === 0) {
        await reply(step.context, { text: spec.notFound(name, candidates)[language] });
        return step.endDialog();
      }
      if (matches.length === 1) return step.next(matches[0]);
      valuesOf(step)[choicesKey] = matches;
      return askToChoose(step, spec.choose[language], distinctLabels(matches), language);
    },
    async (step) => {
      const { language } = commandOptions(step);
      const choices = valuesOf(step)[choicesKey] as Named[] | undefined;
      const target = choices ? choices[(step.result as FoundChoice).index] : (step.result as Named);
      if (!target) return step.endDialog();
      if (target.refusal) {
        await reply(step.context, { text: target.refusal[language] });
        return step.endDialog();
      }
      valuesOf(step)[targetKey] = target;
      return step.next(target);
    },
  ];
}

/**
 * Does the person have the thing a reading names (matched as the dialog would match it, by the spec's entity)?
 * Undefined when the reading names none, or that cannot be told: no sign-in, or the service failed; the question of
 * kind is then asked as it was.
 */
export async function locateByName(deps: UcwaCommandDeps, user: TeamsUser, spec: TargetSpec, reading: { entities: Entities }): Promise<Existence | undefined> {
  const name = reading.entities[spec.entity];
  if (typeof name !== 'string') return undefined;
  try {
    // Only names are matched: the language and zone of the choice lines do not matter here.
    const candidates = await withSession(deps, user, (session) => spec.candidates(session, { language: 'en', timeZone: 'UTC' }));
    if (candidates === notSignedIn) return undefined;
    return matchByName(candidates, name).length > 0 ? 'found' : 'missing';
  } catch (error) {
    deps.logger.warn({ err: error, entity: spec.entity }, 'could not look up what a name is');
    return undefined;
  }
}

export function targetOf(step: WaterfallStepContext): Named {
  return valuesOf(step)[targetKey] as Named;
}

/** A step's scratch values (kept in dialog state between turns). */
export function valuesOf(step: WaterfallStepContext): Record<string, unknown> {
  return step.values as Record<string, unknown>;
}

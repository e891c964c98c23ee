import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { groupsReply, membersReply, presenceReply, ucwaVerbs, type Audience } from '../../src/cards/ucwa/cards.js';
import { presenceStopText } from '../../src/cards/ucwa/labels.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { Entities } from '../../src/nlu/catalog.js';
import type { CardActionHandler, CommandOptions, Existence } from '../../src/teams/capability.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { reply, type Reply } from '../../src/teams/reply.js';
import { groupMembers } from '../../src/presence/members.js';
import type { PresenceRelay } from '../../src/presence/relay.js';
import type { ContactView, GroupView, MyGroupsView, UcwaSession } from '../../src/ucwa/index.js';
import { commandOptions, singleTurnCommand } from '../command.js';
import { askForText, askToConfirm } from '../prompts.js';
import { locateByName, normaliseName, targetOf, targetSteps, type Named, type TargetSpec } from './pick.js';
import { attempt, handled, notSignedIn, withSession, type UcwaCommandDeps } from './session.js';
import { say } from './text.js';

/** UCWA's limit for a group name (myGroups2 / group2 input `name`); checked here so a long name never reaches the server. */
export const maxGroupNameLength = 256;
/** How long a presence subscription lasts; UCWA accepts 10–30 minutes for subscribeToGroupPresence. */
const presenceMinutes = 30;

/**
 * The contact group commands: one dialog per intent of the 'ucwa-groups' capability. With a presence relay,
 * "watch presence" keeps the subscription alive and relays changes to the person's chat; without one it only subscribes.
 * "stop watching presence" ends the relay's watch (and its UCWA subscription).
 */
export function groupDialogs(deps: UcwaCommandDeps, presence?: PresenceRelay): Dialog[] {
  return [
    singleTurnCommand('groups.list', async (step, options) => {
      const answer = await attempt(deps, step, async (session) => groupsReply(await session.groups.myGroups(), audienceOf(options)));
      if (answer !== handled) await reply(step.context, answer);
    }),
    onGroup(deps, 'groups.members', everyGroup, async (session, target, options) => {
      const group = await session.groups.group(target.href);
      return membersReply(target.name, await contactsOf(session, group), audienceOf(options));
    }),
    createDialog(deps),
    renameDialog(deps),
    deleteDialog(deps),
    onGroup(deps, 'groups.presence', presenceGroup, async (session, target, options) => {
      const group = await session.groups.group(target.href);
      if (!group.subscribeToGroupPresenceHref) return { text: say.noPresence(target.name)[options.language] };
      const contacts = await contactsOf(session, group);
      const watcher = { id: options.user.id, upn: options.user.upn, name: options.user.name, language: options.language };
      const subscription = presence
        ? await presence.watch(watcher, session, group, contacts)
        : await session.groups.subscribeToGroupPresence(group, presenceMinutes);
      return presenceReply(target.name, subscription, contacts.length, presenceMinutes, audienceOf(options));
    }),
    onGroup(deps, 'groups.presenceStop', everyGroup, async (_session, target, options) => {
      // Without a relay nothing is kept alive, so a plain subscription simply runs out: there is nothing to stop.
      if (!presence) return { text: presenceStopText.notWatched(target.name, [])[options.language] };
      const user = { id: options.user.id, upn: options.user.upn };
      // The watch is found by href; its name too, because a watch may predate the group's current href.
      const stopped = (await presence.unwatch(user, target.href)) ?? (await presence.unwatch(user, target.name));
      if (stopped) return { text: presenceStopText.stopped(target.name)[options.language] };
      const watched = (await presence.watched(user.id)).map((group) => group.name);
      return { text: presenceStopText.notWatched(target.name, watched)[options.language] };
    }),
  ];
}

/** The group commands whose object may be a meeting's name instead (src/nlu/objectKind.ts kindNotSaid). */
const GROUP_OR_MEETING = new Set(['groups.rename', 'groups.delete']);

/** For a question of kind: does the person have a contact group of the reading's name (built-in ones too)? */
export async function locateGroup(deps: UcwaCommandDeps, user: TeamsUser, reading: { intent: string; entities: Entities }): Promise<Existence | undefined> {
  return GROUP_OR_MEETING.has(reading.intent) ? locateByName(deps, user, everyGroup, reading) : undefined;
}

/** "Members" on the group list card: answers with the member card in place of the list. */
export function groupCardActions(deps: UcwaCommandDeps): CardActionHandler {
  return {
    verbs: [ucwaVerbs.groupMembers],
    async handle({ data, user, language, timeZone }) {
      const groupId = typeof data.groupId === 'string' ? data.groupId : '';
      if (!groupId) return { message: say.buttonNotValid[language] };
      const outcome = await withSession(deps, user, async (session) => {
        const group = allGroups(await session.groups.myGroups()).find((candidate) => candidate.id === groupId);
        if (!group) return undefined;
        return membersReply(group.name ?? groupId, await contactsOf(session, group), { language, timeZone });
      });
      if (outcome === notSignedIn) return { message: say.notSignedIn[language] };
      if (!outcome || !('card' in outcome)) return { message: say.buttonNotValid[language] };
      return { card: outcome.card };
    },
  };
}

// -------------------------------------------------------------------------------------------- group targets

function everyGroupSpec(filter: (groups: MyGroupsView, language: Language) => Named[]): TargetSpec {
  return {
    entity: 'group',
    ask: say.whichGroup,
    choose: say.chooseGroup,
    candidates: async (session, audience) => filter(await session.groups.myGroups(), audience.language),
    notFound: (name, candidates) => say.noGroupNamed(name, candidates.map((candidate) => candidate.name)),
  };
}

/** Members work for every group, built-in and distribution groups included. */
const everyGroup = everyGroupSpec((groups, language) => allGroups(groups).map((group) => named(group, language)));

/** Presence: the groups that offer subscribeToGroupPresence. */
const presenceGroup = everyGroupSpec((groups, language) =>
  allGroups(groups).map((group) => named(group, language, group.subscribeToGroupPresenceHref ? undefined : say.noPresence(group.name ?? ''))),
);

/**
 * Rename and delete: only the person's own groups (group/group2 take PUT and DELETE; group2_ref). Distribution and
 * built-in groups are read-only: they match, but are offered only when nothing else does, and then refused with a reason.
 */
const ownGroup = everyGroupSpec((groups, language) =>
  allGroups(groups).map((group) => named(group, language, isOwnGroup(group) ? undefined : group.kind === 'distributionGroup' ? say.notRenamable(group.name ?? '') : say.builtInGroup(group.name ?? ''))),
);

function allGroups(groups: MyGroupsView): GroupView[] {
  return [...groups.groups, ...[groups.pinnedGroup, groups.defaultGroup].filter((group): group is GroupView => group !== undefined), ...groups.distributionGroups];
}

function isOwnGroup(group: GroupView): boolean {
  return group.kind === 'group' || group.kind === 'group2';
}

function named(group: GroupView, language: Language, refusal?: Record<Language, string>): Named {
  const name = group.name ?? group.id ?? '?';
  const address = group.uri?.replace(/^sip:/i, '');
  return {
    href: group.href,
    name,
    aliases: group.uri ? [group.uri, address!] : [],
    choiceLabel: name,
    refusal,
    // One group linked twice (the documented myGroups lists the same group href twice) is one choice.
    sameAs: group.href,
    details: [say.groupKind(group.kind, address)[language]],
  };
}

function contactsOf(session: UcwaSession, group: GroupView): Promise<ContactView[]> {
  return groupMembers(session, group);
}

type GroupAction = (session: UcwaSession, target: Named, options: CommandOptions) => Promise<Reply>;

/** A command about one named group: resolve it (asking "Which group?" if needed), then act and answer. */
function onGroup(deps: UcwaCommandDeps, intent: string, spec: TargetSpec, act: GroupAction): Dialog {
  return new WaterfallDialog(intent, [
    ...targetSteps(deps, spec),
    async (step) => {
      const options = commandOptions(step);
      const answer = await attempt(deps, step, (session) => act(session, targetOf(step), options));
      if (answer !== handled) await reply(step.context, answer);
      return step.endDialog();
    },
  ]);
}

// ----------------------------------------------------------------------------------- create, rename, delete

function createDialog(deps: UcwaCommandDeps): Dialog {
  return new WaterfallDialog('groups.create', [
    async (step) => {
      const { recognition, language } = commandOptions(step);
      const name = recognition.entities.group?.trim();
      return name ? step.next(name) : askForText(step, say.askGroupName[language]);
    },
    async (step) => {
      await createGroup(deps, step, typeof step.result === 'string' ? step.result.trim() : '');
      return step.endDialog();
    },
  ]);
}

async function createGroup(deps: UcwaCommandDeps, step: WaterfallStepContext, name: string): Promise<void> {
  const options = commandOptions(step);
  if (await refusedName(step.context, name, options.language)) return;
  const answer = await attempt(deps, step, async (session): Promise<Reply> => {
    const existing = allGroups(await session.groups.myGroups());
    if (existing.some((group) => normaliseName(group.name ?? '') === normaliseName(name))) return { text: say.groupExists(name)[options.language] };
    await session.groups.create(name);
    return { text: say.groupCreated(name)[options.language] };
  });
  if (answer !== handled) await reply(step.context, answer);
}

function renameDialog(deps: UcwaCommandDeps): Dialog {
  return new WaterfallDialog('groups.rename', [
    // The new name is checked before anything else, so a name UCWA would refuse never costs a request.
    async (step) => {
      const { recognition, language } = commandOptions(step);
      if (await refusedName(step.context, recognition.entities.newName?.trim() ?? '', language)) return step.endDialog();
      return step.next();
    },
    ...targetSteps(deps, ownGroup),
    async (step) => {
      const options = commandOptions(step);
      const target = targetOf(step);
      const newName = options.recognition.entities.newName!.trim();
      const renamed = await attempt(deps, step, (session) => session.groups.rename(target.href, newName));
      if (renamed !== handled) {
        await reply(step.context, { text: say.groupRenamed(target.name, newName)[options.language] });
      }
      return step.endDialog();
    },
  ]);
}

function deleteDialog(deps: UcwaCommandDeps): Dialog {
  return new WaterfallDialog('groups.delete', [
    ...targetSteps(deps, ownGroup),
    async (step) => askToConfirm(step, say.confirmGroupDelete(targetOf(step).name)[commandOptions(step).language], commandOptions(step).language),
    async (step) => {
      const options = commandOptions(step);
      const target = targetOf(step);
      if (step.result !== true) {
        await reply(step.context, { text: say.keptGroup(target.name)[options.language] });
        return step.endDialog();
      }
      const deleted = await attempt(deps, step, (session) => session.groups.delete(target.href));
      if (deleted !== handled) {
        await reply(step.context, { text: say.groupDeleted(target.name)[options.language] });
      }
      return step.endDialog();
    },
  ]);
}

/** Says why a group name cannot be used; true when it did. */
async function refusedName(context: TurnContext, name: string, language: Language): Promise<boolean> {
  if (name.length >= 1 && name.length <= maxGroupNameLength) return false;
  await reply(context, { text: say.groupNameLength(name.length, maxGroupNameLength)[language] });
  return true;
}

function audienceOf(options: CommandOptions): Audience {
  return { language: options.language, timeZone: options.timeZone };
}

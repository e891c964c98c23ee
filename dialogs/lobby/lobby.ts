import { WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { matchNamedPeople, type WaitingPerson } from '../../src/alerts/people.js';
import type { LobbyAction, LobbyAlerts } from '../../src/alerts/service.js';
import { personLabel, platformName, sourceLabel } from '../../src/cards/lobby/alertCard.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { CommandOptions } from '../../src/teams/capability.js';
import { escapeMarkdown, md, plain } from '../../src/teams/markdown.js';
import { reply } from '../../src/teams/reply.js';
import { commandOptions, singleTurnCommand } from '../command.js';
import { askToChoose, askToConfirm } from '../prompts.js';

/**
 * Sentences are markdown; the names they quote are lobby visitors' own display names, so each goes in through
 * `md` (clipped, literal), and a list of them through `names`.
 */
const say = {
  en: {
    notSignedIn: 'Please sign in to Skype for Business first: say "sign in".',
    nobody: 'Nobody is waiting in the lobby right now.',
    notWatching: 'I am not watching any of your meetings, so I cannot see their lobbies. Say "watch my meeting <name>" first.',
    waiting: (count: number) => `${count} ${count === 1 ? 'person is' : 'people are'} waiting:`,
    noMatch: (name: string, names: string) => `Nobody called "${md(name, 'name')}" is waiting. Waiting now: ${names}.`,
    whichPerson: 'Whom do you mean?',
    whichOf: (name: string) => `Whom do you mean by "${md(name, 'name')}"?`,
    fullNames: (named: string[], names: string) => `${named.map((name) => `"${md(name, 'name')}"`).join(' and ')} could each be more than one of the people waiting (${names}). Please say their full names.`,
    confirmReject: (names: string) => `Turn away ${names}?`,
    kept: 'OK, I left them waiting.',
    admitted: (names: string) => `Admitted ${names}.`,
    rejected: (names: string) => `Turned away ${names}.`,
    admittedMany: (count: number, subject: string, names: string) => `Admitted ${count} people from the lobby of **${subject}**: ${names}.`,
    rejectedMany: (count: number, subject: string, names: string) => `Turned away ${count} people from the lobby of **${subject}**: ${names}.`,
    gone: (name: string) => `${md(name, 'name')} is no longer waiting.`,
    whomMissing: 'Whom should I let in? Say for example "admit Bob" or "admit everyone".',
  },
  zh: {
    notSignedIn: '请先登录 Skype for Business：说“登录”。',
    nobody: '目前大厅里没有人在等候。',
    notWatching: '我没有关注您的任何会议，因此看不到大厅。请先说“关注我的会议 <名称>”。',
    waiting: (count: number) => `有 ${count} 人在等候：`,
    noMatch: (name: string, names: string) => `没有名为“${md(name, 'name')}”的人在等候。当前等候：${names}。`,
    whichPerson: '您指的是谁？',
    whichOf: (name: string) => `您说的“${md(name, 'name')}”是哪一位？`,
    fullNames: (named: string[], names: string) => `${named.map((name) => `“${md(name, 'name')}”`).join('和')}都可能是多位等候者之一（${names}）。请说出他们的全名。`,
    confirmReject: (names: string) => `确定拒绝 ${names} 吗？`,
    kept: '好的，他们将继续等候。',
    admitted: (names: string) => `已准入 ${names}。`,
    rejected: (names: string) => `已拒绝 ${names}。`,
    admittedMany: (count: number, subject: string, names: string) => `已从 **${subject}** 的大厅准入 ${count} 人：${names}。`,
    rejectedMany: (count: number, subject: string, names: string) => `已拒绝 **${subject}** 大厅中的 ${count} 人：${names}。`,
    gone: (name: string) => `${md(name, 'name')} 已不在等候。`,
    whomMissing: '要准入谁？例如说“准入 Bob”或“全部准入”。',
  },
} as const;

interface LobbyState {
  people?: WaitingPerson[];
  /** Named alongside the person asked about ("admit Bob and Carol", two Bobs waiting): acted on with the one picked. */
  alongside?: WaitingPerson[];
  targets?: WaitingPerson[];
}

/** Each visit once, in the order named ("admit Bob and Bob Kelly" is one person). */
const eachOnce = (people: WaitingPerson[]) => people.filter((person, index) => people.findIndex((other) => other.visitKey === person.visitKey) === index);

/** Several visitors in a sentence (markdown): each by name, with the organisation of people from outside. */
const names = (people: WaitingPerson[], language: Language = 'en') => people.map((person) => escapeMarkdown(personLabel(person))).join(language === 'zh' ? '、' : ', ');

/**
 * One visitor as plain text: who, from where, in which meeting (escaped where it goes into markdown); with the
 * platform after the meeting when the people listed wait on more than one (`named`).
 */
const describePerson = (person: WaitingPerson, language: Language, named = false) =>
  `${personLabel(person)} — ${sourceLabel(person.source, language)}, ${plain(person.meetingSubject, 'subject')}${named ? ` (${platformName(person.platform, language)})` : ''}`;

/** Whether a list of visitors spans platforms, so each line must say which. */
const manyPlatforms = (people: WaitingPerson[]) => new Set(people.map((person) => person.platform)).size > 1;

/**
 * What an admit or reject did, one line per meeting: a single person by name; several counted, with the meeting they
 * waited for ("Admitted 3 people from the lobby of Budget review: …").
 */
function doneLines(action: LobbyAction, done: WaitingPerson[], language: Language): string[] {
  const w = say[language];
  const byMeeting = new Map<string, WaitingPerson[]>();
  for (const person of done) byMeeting.set(`${person.platform}\n${person.meetingKey}`, [...(byMeeting.get(`${person.platform}\n${person.meetingKey}`) ?? []), person]);
  return [...byMeeting.values()].map((people) => {
    if (people.length === 1) return (action === 'admit' ? w.admitted : w.rejected)(names(people, language));
    return (action === 'admit' ? w.admittedMany : w.rejectedMany)(people.length, md(people[0]!.meetingSubject, 'subject'), names(people, language));
  });
}

/** Who waits, or why there is nobody to show: not signed in, nothing watched, an empty lobby. */
async function readLobby(alerts: LobbyAlerts, options: CommandOptions): Promise<{ people: WaitingPerson[] } | { problem: string }> {
  const w = say[options.language];
  const lobby = await alerts.waiting(options.user, options.recognition.entities.meeting);
  if (lobby.kind === 'notSignedIn') return { problem: w.notSignedIn };
  if (lobby.meetings.length === 0) return { problem: w.notWatching };
  if (lobby.people.length === 0) return { problem: w.nobody };
  return { people: lobby.people };
}

/** "admit Bob", "admit everyone", "reject the guest from fabrikam": match by name, address or domain; ask when unsure. */
function actDialog(action: LobbyAction, alerts: LobbyAlerts): Dialog {
  const intent = action === 'admit' ? 'lobby.admit' : 'lobby.reject';
  const act = async (step: WaterfallStepContext, options: CommandOptions, targets: WaitingPerson[]) => {
    const w = say[options.language];
    const user = { ...options.user, language: options.language };
    const done: WaitingPerson[] = [];
    const notes: string[] = [];
    for (const person of targets) {
      const result = await alerts.actOnPerson(user, person, action);
      if (result.kind === 'done') done.push(person);
      else if (result.kind === 'refused') notes.push(result.message);
      else notes.push(w.gone(person.name));
    }
    const lines = [...doneLines(action, done, options.language), ...new Set(notes)];
    await reply(step.context, { text: lines.join('\n\n') });
  };
  const confirmOrAct = async (step: WaterfallStepContext, targets: WaitingPerson[]): Promise<DialogTurnResult> => {
    const options = commandOptions(step);
    (step.values as LobbyState).targets = targets;
    if (action === 'reject') return askToConfirm(step, say[options.language].confirmReject(names(targets, options.language)), options.language);
    return step.next(true);
  };
  return new WaterfallDialog(intent, [
    async (step) => {
      const options = commandOptions(step);
      const w = say[options.language];
      const { person, all } = options.recognition.entities;
      if (!person && !all) return end(step, w.whomMissing);
      const lobby = await readLobby(alerts, options);
      if ('problem' in lobby) return end(step, lobby.problem);
      if (all) return confirmOrAct(step, lobby.people);
      const named = matchNamedPeople(person ?? '', lobby.people);
      const missing = named.find((name) => name.matches.length === 0);
      if (missing) return end(step, w.noMatch(missing.name, names(lobby.people, options.language)));
      const sure = eachOnce(named.flatMap((name) => (name.matches.length === 1 ? name.matches : [])));
      const unclear = named.filter((name) => name.matches.length > 1);
      if (unclear.length === 0) return confirmOrAct(step, sure);
      if (unclear.length > 1) return end(step, w.fullNames(unclear.map((name) => name.name), names(lobby.people, options.language)));
      const { name, matches } = unclear[0]!;
      Object.assign(step.values as LobbyState, { people: matches, alongside: sure });
      const question = named.length === 1 ? w.whichPerson : w.whichOf(name);
      return askToChoose(step, question, matches.map((candidate) => describePerson(candidate, options.language, manyPlatforms(matches))), options.language);
    },
    async (step) => {
      const state = step.values as LobbyState;
      if (state.targets) return step.next(step.result);
      const picked = state.people?.[(step.result as { index: number }).index];
      return picked ? confirmOrAct(step, eachOnce([...(state.alongside ?? []), picked])) : step.endDialog();
    },
    async (step) => {
      const options = commandOptions(step);
      const targets = (step.values as LobbyState).targets ?? [];
      if (step.result !== true) return end(step, say[options.language].kept);
      await act(step, options, targets);
      return step.endDialog();
    },
  ]);
}

async function end(step: WaterfallStepContext, text: string): Promise<DialogTurnResult> {
  await reply(step.context, { text });
  return step.endDialog();
}

export function lobbyDialogs(alerts: LobbyAlerts): Dialog[] {
  return [
    singleTurnCommand('lobby.who', async (step, options) => {
      const lobby = await readLobby(alerts, options);
      if ('problem' in lobby) return void (await reply(step.context, { text: lobby.problem }));
      const named = manyPlatforms(lobby.people);
      const lines = lobby.people.map((person) => `- ${escapeMarkdown(describePerson(person, options.language, named))}`);
      await reply(step.context, { text: [say[options.language].waiting(lobby.people.length), ...lines].join('\n') });
    }),
    actDialog('admit', alerts),
    actDialog('reject', alerts),
  ];
}

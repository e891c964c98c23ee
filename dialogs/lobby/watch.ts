import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { MeetingChoice } from '../../src/alerts/meetings.js';
import type { LobbyAlerts, WatchResult } from '../../src/alerts/service.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { CommandOptions } from '../../src/teams/capability.js';
import { md } from '../../src/teams/markdown.js';
import { reply } from '../../src/teams/reply.js';
import { commandOptions, singleTurnCommand } from '../command.js';
import { askToChoose } from '../prompts.js';

const say = {
  en: {
    notSignedIn: 'Please sign in to Skype for Business first: say "sign in".',
    notFound: (name: string) => `I found no meeting of yours called "${md(name, 'subject')}". Say "what are you watching" or check the name.`,
    which: 'Which meeting do you mean?',
    watching: (subjects: string) => `I'm watching the lobby of ${subjects}. I'll tell you here when someone waits.`,
    routed: (subjects: string) => `Lobby alerts for ${subjects} will come to this conversation.`,
    stopped: (subjects: string) => `I stopped watching ${subjects}.`,
    notWatching: 'I was not watching that meeting.',
    nothing: 'I am not watching any of your meetings. Say "watch my meeting <name>" to start.',
    list: (subjects: string) => `I'm watching: ${subjects}.`,
    whichMissing: 'Which meeting? Say for example "watch my meeting Budget review" or "watch all my meetings".',
    alertsHere: 'alerts come here',
    alertsShared: 'alerts go to a shared conversation',
  },
  zh: {
    notSignedIn: '请先登录 Skype for Business：说“登录”。',
    notFound: (name: string) => `没有找到名为“${md(name, 'subject')}”的会议。`,
    which: '您指的是哪个会议？',
    watching: (subjects: string) => `我正在关注 ${subjects} 的大厅，有人等候时会在这里通知您。`,
    routed: (subjects: string) => `${subjects} 的大厅提醒将发送到此会话。`,
    stopped: (subjects: string) => `已停止关注 ${subjects}。`,
    notWatching: '我没有在关注该会议。',
    alertsHere: '提醒发送到这里',
    alertsShared: '提醒发送到共享会话',
    nothing: '我没有关注您的任何会议。说“关注我的会议 <名称>”开始。',
    list: (subjects: string) => `我正在关注：${subjects}。`,
    whichMissing: '哪个会议？例如说“关注我的会议 Budget review”或“关注我的所有会议”。',
  },
} as const;

/** Meeting subjects in a sentence (markdown): each literal and clipped, in bold, with our own note after it. */
const subjects = (meetings: Array<{ subject: string; note?: string }>) =>
  meetings.map((meeting) => `**${md(meeting.subject, 'subject')}**${meeting.note ? ` (${meeting.note})` : ''}`).join(', ');

interface WatchState {
  choices?: MeetingChoice[];
}

/** watch.start / alerts.routeHere ask "which one?" when a name matches several meetings. */
function watchDialog(id: 'watch.start' | 'alerts.routeHere', alerts: LobbyAlerts): Dialog {
  const run = (options: CommandOptions, target: { meeting?: string; all?: boolean; uri?: string }): Promise<WatchResult> => {
    const user = { ...options.user, language: options.language, timeZone: options.timeZone };
    if (id === 'alerts.routeHere') return alerts.routeHere(user, target.uri ?? target.meeting ?? '', options.conversation.id);
    return alerts.watch(user, target);
  };
  const answer = async (step: WaterfallStepContext, result: WatchResult, name: string, language: Language) => {
    const w = say[language];
    if (result.kind === 'notSignedIn') return reply(step.context, { text: w.notSignedIn });
    if (result.kind === 'notFound') return reply(step.context, { text: w.notFound(name) });
    if (result.kind === 'watching') return reply(step.context, { text: (id === 'alerts.routeHere' ? w.routed : w.watching)(subjects(result.meetings)) });
    return undefined;
  };
  return new WaterfallDialog(id, [
    async (step) => {
      const options = commandOptions(step);
      const { meeting, all } = options.recognition.entities;
      if (!meeting && !all) {
        await reply(step.context, { text: say[options.language].whichMissing });
        return step.endDialog();
      }
      const result = await run(options, { meeting, all: id === 'watch.start' ? all : undefined });
      if (result.kind !== 'ambiguous') {
        await answer(step, result, meeting ?? '', options.language);
        return step.endDialog();
      }
      (step.values as WatchState).choices = result.choices;
      return askToChoose(step, say[options.language].which, result.choices.map((choice) => choice.subject), options.language);
    },
    async (step) => {
      const options = commandOptions(step);
      const choice = (step.values as WatchState).choices?.[(step.result as { index: number }).index];
      if (!choice) return step.endDialog();
      const result = await run(options, id === 'alerts.routeHere' ? { meeting: choice.subject } : { uri: choice.uri });
      await answer(step, result, choice.subject, options.language);
      return step.endDialog();
    },
  ]);
}

export function watchDialogs(alerts: LobbyAlerts): Dialog[] {
  return [
    watchDialog('watch.start', alerts),
    watchDialog('alerts.routeHere', alerts),
    singleTurnCommand('watch.stop', async (step, options) => {
      const w = say[options.language];
      const { meeting, all } = options.recognition.entities;
      if (!meeting && !all) return void (await reply(step.context, { text: w.whichMissing }));
      const stopped = await alerts.unwatch(options.user, { meeting, all });
      await reply(step.context, { text: stopped.length > 0 ? w.stopped(subjects(stopped)) : w.notWatching });
    }),
    singleTurnCommand('watch.list', async (step, options) => {
      const w = say[options.language];
      const watched = await alerts.watched(options.user);
      const routed = watched.map((meeting) => {
        if (!meeting.alertConversationId) return { subject: meeting.subject };
        return { subject: meeting.subject, note: meeting.alertConversationId === options.conversation.id ? w.alertsHere : w.alertsShared };
      });
      await reply(step.context, { text: watched.length > 0 ? w.list(subjects(routed)) : w.nothing });
    }),
  ];
}

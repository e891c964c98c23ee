import type { Dialog } from 'botbuilder-dialogs';
import type { HuaweiWaitingRooms, HuaweiWatchedMeeting, HuaweiWatchResult } from '../../src/alerts/sources/huawei/index.js';
import type { Language } from '../../src/nlu/recognition.js';
import { md } from '../../src/teams/markdown.js';
import { reply } from '../../src/teams/reply.js';
import { singleTurnCommand } from '../command.js';
import { errorText } from './text.js';

const say = {
  en: {
    which: 'Which Huawei meeting? Say for example "watch my Huawei meeting 914083136".',
    unknownUser: "I couldn't tell which Huawei Cloud Meeting user you are. Ask an administrator to add you to the bot's Huawei user map.",
    notFound: (name: string) => `I found no ongoing Huawei meeting of yours called "${md(name, 'subject')}". Waiting rooms can be watched while a meeting is in progress.`,
    ambiguous: (choices: string) => `Several ongoing Huawei meetings match: ${choices}. Please say the meeting ID.`,
    notHost: (subject: string) => `Only the host of **${md(subject, 'subject')}** (or a Huawei Cloud Meeting administrator) can see its waiting room, so I'm not watching it.`,
    watching: (subject: string, id: string) => `I'm watching the waiting room of **${md(subject, 'subject')}** (${md(id, 'id')}) on Huawei Cloud Meeting. I'll tell you here when someone waits.`,
    stopped: (subjects: string) => `I stopped watching ${subjects}.`,
    notWatching: 'I was not watching that Huawei meeting.',
  },
  zh: {
    which: '哪个华为会议？例如说“关注我的华为会议 914083136”。',
    unknownUser: '我无法确定您对应的华为云会议用户。请联系管理员把您加入机器人的华为用户映射。',
    notFound: (name: string) => `没有找到您名为“${md(name, 'subject')}”的进行中的华为会议。只有进行中的会议才能关注等候室。`,
    ambiguous: (choices: string) => `有多个进行中的华为会议符合：${choices}。请说出会议 ID。`,
    notHost: (subject: string) => `只有 **${md(subject, 'subject')}** 的主持人（或华为云会议管理员）才能看到它的等候室，因此我没有关注它。`,
    watching: (subject: string, id: string) => `我正在关注华为云会议 **${md(subject, 'subject')}**（${md(id, 'id')}）的等候室，有人等候时会在这里通知您。`,
    stopped: (subjects: string) => `已停止关注 ${subjects}。`,
    notWatching: '我没有在关注该华为会议。',
  },
} as const;

/** "my Huawei meeting 914083136" → "914083136": the platform words only chose the command. */
function meetingText(named: string | undefined): string {
  return (named ?? '')
    .replace(/^(?:(?:the|my)\s+)?(?:huawei\s+)?(?:cloud\s+)?(?:meeting\s+)?/iu, '')
    .replace(/^(?:我的)?华为(?:云)?会议\s*/u, '')
    .trim();
}

function labels(meetings: HuaweiWatchedMeeting[]): string {
  return meetings.map((meeting) => `**${md(meeting.subject, 'subject')}** (${md(meeting.conferenceId, 'id')})`).join(', ');
}

function answer(result: HuaweiWatchResult, named: string, language: Language): string {
  const w = say[language];
  switch (result.kind) {
    case 'watching':
      return w.watching(result.meeting.subject, result.meeting.conferenceId);
    case 'ambiguous':
      return w.ambiguous(labels(result.choices));
    case 'notFound':
      return w.notFound(named);
    case 'unknownUser':
      return w.unknownUser;
    case 'notHost':
      return w.notHost(result.subject);
    case 'failed':
      return errorText(result.error, language);
  }
}

/** "watch my Huawei meeting <name or ID>" and "stop watching my Huawei meeting …", in both languages. */
export function huaweiWatchDialogs(rooms: HuaweiWaitingRooms): Dialog[] {
  return [
    singleTurnCommand('huawei.watch', async (step, options) => {
      const named = meetingText(options.recognition.entities.meeting);
      if (!named) {
        await reply(step.context, { text: say[options.language].which });
        return;
      }
      const result = await rooms.watch({ ...options.user, language: options.language, timeZone: options.timeZone }, named);
      await reply(step.context, { text: answer(result, named, options.language) });
    }),
    singleTurnCommand('huawei.unwatch', async (step, options) => {
      const { entities } = options.recognition;
      const stopped = await rooms.unwatch(options.user, { meeting: meetingText(entities.meeting), all: entities.all === true });
      await reply(step.context, { text: stopped.length > 0 ? say[options.language].stopped(labels(stopped)) : say[options.language].notWatching });
    }),
  ];
}

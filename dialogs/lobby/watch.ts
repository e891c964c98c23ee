import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { MeetingChoice } from '../../src/alerts/sources/ucwa/meetings.js';
import type { UcwaLobby, WatchResult } from '../../src/alerts/sources/ucwa/index.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { CommandOptions } from '../../src/teams/capability.js';
import { md } from '../../src/teams/markdown.js';
import type { ConversationKind, StoredReference } from '../../src/teams/conversationReferences.js';
import { meetingUriFromAddress, type UcwaReason } from '../../src/ucwa/index.js';
import { reply } from '../../src/teams/reply.js';
import { lookup } from '../../src/tables.js';
import { commandOptions, singleTurnCommand } from '../command.js';
import { askToChoose } from '../prompts.js';

const say = {
  en: {
    notSignedIn: 'Please sign in to Skype for Business first: say "sign in".',
    notFound: (name: string) =>
      `I found no meeting of yours called "${md(name, 'subject')}". Say "what are you watching" or check the name. ` +
      'If you lead a meeting someone else organized, give me its join link: "watch meeting <join link>".',
    noSuchAddress: (address: string) => `I found no meeting at ${md(address, 'id')}. Please check the join link.`,
    notLeader: (subject: string) => `You are not a leader of **${md(subject, 'subject')}**, so Skype for Business doesn't show you its lobby. I'm not watching it.`,
    joinTimedOut: (subject: string) => `I could not join **${md(subject, 'subject')}** in time. Please try again.`,
    joinFailed: (subject: string, why: string) => `I could not join **${md(subject, 'subject')}**: ${why}`,
    which: 'Which meeting do you mean?',
    watching: (subjects: string) => `I'm watching the lobby of ${subjects}. I'll tell you here when someone waits.`,
    routed: (subjects: string, place: string) => `Lobby alerts for ${subjects} will come to ${place}.`,
    places: { personal: 'this chat', groupChat: 'this group chat', channel: 'this channel' },
    namedGroupChat: (topic: string) => `the group chat "${topic}"`,
    stopped: (subjects: string) => `I stopped watching ${subjects}.`,
    notWatching: 'I was not watching that meeting.',
    nothing: 'I am not watching any of your meetings. Say "watch my meeting <name>" to start.',
    list: (subjects: string) => `I'm watching: ${subjects}.`,
    whichMissing: 'Which meeting? Say for example "watch my meeting Budget review" or "watch all my meetings".',
    alertsHere: 'alerts come here',
    alertsShared: 'alerts go to a shared conversation',
    alertsTo: (place: string) => `alerts go to ${place}`,
  },
  zh: {
    notSignedIn: '请先登录 Skype for Business：说“登录”。',
    notFound: (name: string) => `没有找到您名为“${md(name, 'subject')}”的会议。如果您是他人组织的会议的主持人，请发给我入会链接：“关注会议 <入会链接>”。`,
    noSuchAddress: (address: string) => `没有找到地址为 ${md(address, 'id')} 的会议，请检查入会链接。`,
    notLeader: (subject: string) => `您不是 **${md(subject, 'subject')}** 的主持人，Skype for Business 不向您显示它的大厅，因此我没有关注它。`,
    joinTimedOut: (subject: string) => `我未能及时加入 **${md(subject, 'subject')}**，请重试。`,
    joinFailed: (subject: string, why: string) => `我无法加入 **${md(subject, 'subject')}**：${why}`,
    which: '您指的是哪个会议？',
    watching: (subjects: string) => `我正在关注 ${subjects} 的大厅，有人等候时会在这里通知您。`,
    routed: (subjects: string, place: string) => `${subjects} 的大厅提醒将发送到${place}。`,
    places: { personal: '此聊天', groupChat: '此群聊', channel: '此频道' },
    namedGroupChat: (topic: string) => `群聊“${topic}”`,
    stopped: (subjects: string) => `已停止关注 ${subjects}。`,
    notWatching: '我没有在关注该会议。',
    alertsHere: '提醒发送到这里',
    alertsShared: '提醒发送到共享会话',
    alertsTo: (place: string) => `提醒发送到${place}`,
    nothing: '我没有关注您的任何会议。说“关注我的会议 <名称>”开始。',
    list: (subjects: string) => `我正在关注：${subjects}。`,
    whichMissing: '哪个会议？例如说“关注我的会议 Budget review”或“关注我的所有会议”。',
  },
} as const;

/** Meeting subjects in a sentence (markdown): each literal and clipped, in bold, with our own note after it. */
const subjects = (meetings: Array<{ subject: string; note?: string }>) =>
  meetings.map((meeting) => `**${md(meeting.subject, 'subject')}**${meeting.note ? ` (${meeting.note})` : ''}`).join(', ');

/**
 * Where alerts go, as people call it (markdown): "Finance › General" for a channel whose team and channel names Teams
 * gave, a group chat by its topic, else "this channel" / "this group chat" / "this chat".
 */
function placeName(place: StoredReference | undefined, kind: ConversationKind, language: Language): string {
  const w = say[language];
  if (kind === 'channel' && place?.teamName) {
    // Teams leaves the name out for a team's General channel only.
    return `**${md(place.teamName, 'name')} › ${md(place.title ?? 'General', 'name')}**`;
  }
  if (kind === 'channel' && place?.title) return `**${md(place.title, 'name')}**`;
  if (kind === 'groupChat' && place?.title) return w.namedGroupChat(md(place.title, 'name'));
  return w.places[kind];
}

/** Why the invitation failed, from its `reason` (ErrorSubcode page), in the person's language. */
const joinReasons: Record<string, Record<Language, string>> = {
  Denied: { en: 'a leader turned the request away in the lobby.', zh: '主持人在大厅拒绝了请求。' },
  DestinationNotFound: { en: 'Skype for Business has no such meeting (it may have been deleted).', zh: 'Skype for Business 中没有这个会议（可能已被删除）。' },
  Ended: { en: 'the meeting has ended.', zh: '会议已结束。' },
  TooManyParticipants: { en: 'the meeting is full.', zh: '会议人数已满。' },
  TooManyLobbyParticipants: { en: 'too many people are waiting in its lobby.', zh: '大厅中等候的人太多。' },
  Timeout: { en: 'Skype for Business took too long to answer.', zh: 'Skype for Business 响应超时。' },
  Forbidden: { en: 'Skype for Business does not let you join it.', zh: 'Skype for Business 不允许您加入。' },
};

function joinFailure(reason: UcwaReason | undefined, language: Language): string {
  const known = (reason?.subcode ? lookup(joinReasons, reason.subcode) : undefined) ?? (reason ? lookup(joinReasons, reason.code) : undefined);
  if (known) return known[language];
  const detail = md([reason?.code, reason?.subcode].filter(Boolean).join('/'), 'id');
  const message = reason?.message ? ` ${md(reason.message, 'text')}` : '';
  if (language === 'zh') return detail ? `Skype for Business 拒绝了加入（${detail}）。${message}` : 'Skype for Business 没有说明原因。';
  return detail ? `Skype for Business refused the join (${detail}).${message}` : 'Skype for Business gave no reason.';
}

interface WatchState {
  choices?: MeetingChoice[];
}

/** watch.start / alerts.routeHere ask "which one?" when a name matches several meetings. */
function watchDialog(id: 'watch.start' | 'alerts.routeHere', alerts: UcwaLobby): Dialog {
  const run = (options: CommandOptions, target: { meeting?: string; all?: boolean; uri?: string; led?: boolean }): Promise<WatchResult> => {
    const user = { ...options.user, language: options.language, timeZone: options.timeZone };
    if (id === 'alerts.routeHere') return alerts.routeHere(user, target.uri ?? target.meeting ?? '', options.conversation.id);
    return alerts.watch(user, target);
  };
  const answer = async (step: WaterfallStepContext, result: WatchResult, name: string, language: Language, address = false) => {
    const w = say[language];
    if (result.kind === 'notSignedIn') return reply(step.context, { text: w.notSignedIn });
    if (result.kind === 'notFound') return reply(step.context, { text: address ? w.noSuchAddress(name) : w.notFound(name) });
    if (result.kind === 'watching' && id === 'alerts.routeHere') {
      const here = commandOptions(step).conversation;
      const place = placeName(await alerts.conversation(here.id), here.kind, language);
      return reply(step.context, { text: w.routed(subjects(result.meetings), place) });
    }
    if (result.kind === 'watching') return reply(step.context, { text: w.watching(subjects(result.meetings)) });
    if (result.kind === 'notLeader') return reply(step.context, { text: w.notLeader(result.subject) });
    if (result.kind === 'joinTimedOut') return reply(step.context, { text: w.joinTimedOut(result.subject) });
    if (result.kind === 'joinFailed') return reply(step.context, { text: w.joinFailed(result.subject, joinFailure(result.reason, language)) });
    return undefined;
  };
  return new WaterfallDialog(id, [
    async (step) => {
      const options = commandOptions(step);
      const { meeting, all } = options.recognition.entities;
      // A join link or meeting URI names any meeting, also one the person leads but did not organize.
      // Read from the message itself: the recognizer's entity splits a URI at its ';'.
      const uri = meeting ? meetingUriFromAddress(step.context.activity.text ?? '') : undefined;
      if (!meeting && !all) {
        await reply(step.context, { text: say[options.language].whichMissing });
        return step.endDialog();
      }
      const result = uri ? await run(options, { uri, led: true }) : await run(options, { meeting, all: id === 'watch.start' ? all : undefined });
      if (result.kind !== 'ambiguous') {
        await answer(step, result, meeting ?? '', options.language, uri !== undefined);
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

export function watchDialogs(alerts: UcwaLobby): Dialog[] {
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
      const routed = await Promise.all(
        watched.map(async (meeting) => {
          if (!meeting.alertConversationId) return { subject: meeting.subject };
          if (meeting.alertConversationId === options.conversation.id) return { subject: meeting.subject, note: w.alertsHere };
          const place = await alerts.conversation(meeting.alertConversationId);
          // Named only when Teams gave it a name; "this channel" would point at the wrong conversation.
          const named = place && place.kind !== 'personal' && (place.title || place.teamName) ? placeName(place, place.kind, options.language) : undefined;
          return { subject: meeting.subject, note: named ? w.alertsTo(named) : w.alertsShared };
        }),
      );
      await reply(step.context, { text: watched.length > 0 ? w.list(subjects(routed)) : w.nothing });
    }),
  ];
}

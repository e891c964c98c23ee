import type { Dialog } from 'botbuilder-dialogs';
import { meetingDetailsReply, participantsReply } from '../../src/cards/huawei/meetingCards.js';
import { reply } from '../../src/teams/reply.js';
import { attempt, type HuaweiCommandDeps } from './context.js';
import { meetingCommand, type MeetingCommandRequest } from './meetingCommand.js';
import { say } from './text.js';

/** Online people shown on one card; the card says how many more there are. */
const PARTICIPANTS_SHOWN = 100;

/** The commands that act on one meeting: details, who is in it, and the host's controls. */
export function meetingDialogs(deps: HuaweiCommandDeps): Dialog[] {
  return [
    meetingCommand({ intent: 'huawei.details', searchIn: 'notEnded', run: showDetails }, deps),
    meetingCommand({ intent: 'huawei.participants', searchIn: 'ongoing', run: showParticipants }, deps),
    meetingCommand(
      {
        intent: 'huawei.admitWaiting',
        searchIn: 'ongoing',
        run: (request, d) => control(request, d, 'admitAllFromWaitingRoom', (userId, id) => d.client.admitAllFromWaitingRoom(userId, id), say.admitted),
      },
      deps,
    ),
    meetingCommand(
      {
        intent: 'huawei.end',
        searchIn: 'ongoing',
        confirm: (label, language) => say.confirmEnd(label)[language],
        declined: (label, language) => say.keptRunning(label)[language],
        run: (request, d) => control(request, d, 'endMeeting', (userId, id) => d.client.endMeeting(userId, id), say.ended),
      },
      deps,
    ),
    meetingCommand(
      {
        intent: 'huawei.mute',
        searchIn: 'ongoing',
        run: (request, d) =>
          switchedOff(request)
            ? control(request, d, 'unmuteAll', (userId, id) => d.client.unmuteAll(userId, id), say.unmuted)
            : control(request, d, 'muteAll', (userId, id) => d.client.muteAll(userId, id), say.muted),
      },
      deps,
    ),
    meetingCommand(
      {
        intent: 'huawei.lock',
        searchIn: 'ongoing',
        run: (request, d) =>
          switchedOff(request)
            ? control(request, d, 'unlockMeeting', (userId, id) => d.client.unlockMeeting(userId, id), say.unlocked)
            : control(request, d, 'lockMeeting', (userId, id) => d.client.lockMeeting(userId, id), say.locked),
      },
      deps,
    ),
  ];
}

/** "unmute" / "unlock" arrive as on=false; a bare "mute 914083136" means on. */
function switchedOff(request: MeetingCommandRequest): boolean {
  return request.options.recognition.entities.on === false;
}

async function control(
  request: MeetingCommandRequest,
  deps: HuaweiCommandDeps,
  operation: string,
  call: (userId: string, conferenceId: string) => Promise<void>,
  done: (label: string) => { en: string; zh: string },
): Promise<void> {
  const { step, options, who, target, label } = request;
  const result = await attempt(step.context, deps, options, operation, () => call(who.userId, target.id));
  if (result) await reply(step.context, { text: done(label)[options.language] });
}

async function showDetails(request: MeetingCommandRequest, deps: HuaweiCommandDeps): Promise<void> {
  const { step, options, who, target } = request;
  const found = await attempt(step.context, deps, options, 'getMeeting', async () => {
    const detail = await deps.client.getMeeting(who.userId, target.id, { limit: 1 });
    if (detail.conference.conferenceState !== 'Created' || detail.conference.onlineAttendeeAmount !== undefined) return detail;
    // Only the ongoing list reports a headcount; the attendee page's count gives it for one meeting.
    const online = await deps.client.listOnlineParticipants(who.userId, target.id, { limit: 1 }).catch(() => undefined);
    return online ? { ...detail, conference: { ...detail.conference, onlineAttendeeAmount: online.count } } : detail;
  });
  if (found) await reply(step.context, meetingDetailsReply(found.value, options));
}

async function showParticipants(request: MeetingCommandRequest, deps: HuaweiCommandDeps): Promise<void> {
  const { step, options, who, target, label } = request;
  const found = await attempt(step.context, deps, options, 'listOnlineParticipants', () =>
    deps.client.listOnlineParticipants(who.userId, target.id, { limit: PARTICIPANTS_SHOWN }),
  );
  if (found) await reply(step.context, participantsReply(label, found.value, options));
}

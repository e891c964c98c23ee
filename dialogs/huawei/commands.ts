import type { Dialog } from 'botbuilder-dialogs';
import { meetingDetailsReply, participantsReply } from '../../src/cards/huawei/meetingCards.js';
import { isOngoing } from '../../src/huawei/index.js';
import { reply } from '../../src/teams/reply.js';
import { attempt, type HuaweiCommandDeps } from './context.js';
import { meetingCommand, type MeetingCommandRequest, type MeetingCommandSpec } from './meetingCommand.js';
import { say } from './text.js';

/** Online people shown on one card; the card says how many more there are. */
const PARTICIPANTS_SHOWN = 100;

/** A host control, named by the client method that carries it out, and what to say once it is done. */
interface ControlAction {
  operation: 'admitAllFromWaitingRoom' | 'endMeeting' | 'muteAll' | 'unmuteAll' | 'lockMeeting' | 'unlockMeeting';
  done: (label: string) => { en: string; zh: string };
}

type Run = MeetingCommandSpec['run'];

/** The commands that act on one meeting: details, who is in it, and the host's controls. */
export function meetingDialogs(deps: HuaweiCommandDeps): Dialog[] {
  return [
    meetingCommand({ intent: 'huawei.details', searchIn: 'notEnded', run: showDetails }, deps),
    meetingCommand({ intent: 'huawei.participants', searchIn: 'ongoing', run: showParticipants }, deps),
    meetingCommand({ intent: 'huawei.admitWaiting', searchIn: 'ongoing', run: control({ operation: 'admitAllFromWaitingRoom', done: say.admitted }) }, deps),
    meetingCommand(
      {
        intent: 'huawei.end',
        searchIn: 'ongoing',
        confirm: (label, language) => say.confirmEnd(label)[language],
        declined: (label, language) => say.keptRunning(label)[language],
        run: control({ operation: 'endMeeting', done: say.ended }),
      },
      deps,
    ),
    meetingCommand(
      { intent: 'huawei.mute', searchIn: 'ongoing', run: switchControl({ operation: 'muteAll', done: say.muted }, { operation: 'unmuteAll', done: say.unmuted }) },
      deps,
    ),
    meetingCommand(
      { intent: 'huawei.lock', searchIn: 'ongoing', run: switchControl({ operation: 'lockMeeting', done: say.locked }, { operation: 'unlockMeeting', done: say.unlocked }) },
      deps,
    ),
  ];
}

/** "unmute" / "unlock" arrive as on=false; a bare "mute 914083136" means on. */
function switchControl(on: ControlAction, off: ControlAction): Run {
  return (request, deps) => control(request.options.recognition.entities.on === false ? off : on)(request, deps);
}

function control({ operation, done }: ControlAction): Run {
  return async (request, deps) => {
    const { step, options, who, target, label } = request;
    const result = await attempt(step.context, deps, options, operation, () => deps.client[operation](who.userId, target.id));
    if (result) await reply(step.context, { text: done(label)[options.language] });
  };
}

async function showDetails(request: MeetingCommandRequest, deps: HuaweiCommandDeps): Promise<void> {
  const { step, options, who, target } = request;
  const found = await attempt(step.context, deps, options, 'getMeeting', async () => {
    const detail = await deps.client.getMeeting(who.userId, target.id, { limit: 1 });
    if (!isOngoing(detail.conference) || detail.conference.onlineAttendeeAmount !== undefined) return detail;
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

import { check, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpus AN's first score (98.1 / 96.2; no read acted on as a write, one write read as another unasked, two
 * misses asked): the classes of its misses, written here as neighbours, not copied from AN; AN no longer counts as
 * blind. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AN)', () => {
  check([
    // People typed as chat spelling (ppl, peeps) wait, then "them" or "em" is all of them (AN's "ppl are stuck in the
    // waiting room of <id>, let them in" had admitted everyone in a Skype lobby, not that Huawei waiting room).
    ['ppl waiting in the waiting room of 912345678, let them in', 'huawei.admitWaiting', { meeting: '912345678' }],
    ['peeps are in the Retro lobby, let em in', 'lobby.admit', { all: true, meeting: 'Retro' }],
    ["Bob is waiting, let 'em in", 'lobby.admit', { person: 'Bob' }],
    // What the bot watches, asked to be reminded of.
    ['tell me again what you are watching', 'watch.list', {}],
    // 資訊 of a meeting are its details.
    ['季度複盤的資訊', 'meetings.details', { meeting: '季度複盤' }],
    // Who someone put in a group; "my <name> group" names the group, even when its first word is a thing of one's own.
    ['who have i added to my Car pool group', 'groups.members', { group: 'Car pool' }],
    ['delete my Gym crew group', 'groups.delete', { group: 'Gym crew' }],
    // Entities: the meeting, then where they wait, then who; a meeting glued to a phone setting; an extension's id
    // before its type, or labelled 编号 after it; presence with 上线状态 glued to the group; everyone in the org is all.
    ['拒绝周例会门口等着的那个人', 'lobby.reject', { meeting: '周例会', person: '那个人' }],
    ['周例会让电话用户直接进', 'meetings.update', { meeting: '周例会', lobbyBypassForPhoneUsers: 'Enabled' }],
    ['attach extension ab-9 of type RoamedParticipantData to Retro', 'extensions.add', { meeting: 'Retro', extensionType: 'RoamedParticipantData', extensionId: 'ab-9' }],
    ['给周会加个扩展 RoamedOrganizerData，编号 x-77', 'extensions.add', { meeting: '周会', extensionType: 'RoamedOrganizerData', extensionId: 'x-77' }],
    ['跟踪球友分组的上线状态', 'groups.presence', { group: '球友' }],
    ['list ongoing cloud meetings for everyone in the company', 'huawei.ongoing', { all: true }],
    // Small talk: how meetings feel, said without "my".
    ['calls are so draining this week', 'none', {}],
  ]);
  checkChangesNothing(['ppl keep joining late, so annoying']);
});

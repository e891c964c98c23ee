import { check, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpus AL's first score (97.1 / 96.4; one read acted on as a write, two writes read as another unasked): the
 * classes of its misses, written here as neighbours, not copied from AL; AL no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AL)', () => {
  check([
    // Who may join, set against the invitees, is the meeting's setting (AL's "let everyone join <meeting>, not just
    // invitees" had admitted everyone waiting, unasked); "let everyone join <meeting>" alone still admits them.
    ['allow anybody to join Design crit, not only the invited people', 'meetings.update', { meeting: 'Design crit', accessLevel: 'Everyone' }],
    ['let everybody into the Ops sync not just invitees', 'meetings.update', { meeting: 'Ops sync', accessLevel: 'Everyone' }],
    ['make Launch review open to everyone, not only invitees', 'meetings.update', { meeting: 'Launch review', accessLevel: 'Everyone' }],
    ['let everyone join Ops sync', 'lobby.admit', { all: true, meeting: 'Ops sync' }],
    // Open to the whole company: people in it, nobody outside.
    ['make Town hall open to the entire company', 'meetings.update', { meeting: 'Town hall', accessLevel: 'SameEnterprise' }],
    // A lock said last after the reason said first (AL's "别让别人再进 <id> 了，锁了吧" had turned away a person).
    ['不要再让人进 912345678 了，锁了吧', 'huawei.lock', { meeting: '912345678', on: true }],
    ['912345678 锁起来', 'huawei.lock', { meeting: '912345678', on: true }],
    // The all-mute lifted or set, named the other way round.
    ['lift the all-mute in 912345678', 'huawei.mute', { meeting: '912345678', on: false }],
    ['switch on the all-mute for 912345678', 'huawei.mute', { meeting: '912345678', on: true }],
    // Credentials the bot should no longer hold: signing out.
    ['forget my saved credentials please', 'signOut', {}],
    ["i don't want you to keep my login any more", 'signOut', {}],
    // The reading of a quoted sentence, asked with "what intent is"; a Chinese quoted sentence without its 这句话的.
    ['what intent is "mute everyone in 912345678"', 'debugParse', { keyword: 'mute everyone in 912345678' }],
    ['你会怎么理解“拒绝张伟”这句话的', 'debugParse', { keyword: '拒绝张伟' }],
    // 细节 (traditional 細節) are a meeting's details.
    ['年度預算的細節', 'meetings.details', { meeting: '年度預算' }],
    // Entities: who waits to enter names no meeting; all hands is a name; a bare "show me the extensions" names none;
    // an extension's id after its type said in words; someone from a group; a meeting named last on its own.
    ['誰在等候進入', 'lobby.who', {}],
    ['watch the Monday all hands lobby', 'watch.start', { meeting: 'Monday all hands' }],
    ['show me the extensions', 'extensions.list', {}],
    ['add organizer data extension ab-12 to Retro', 'extensions.add', { meeting: 'Retro', extensionType: 'RoamedOrganizerData', extensionId: 'ab-12' }],
    ['tell me when someone from Night shift comes online', 'groups.presence', { group: 'Night shift' }],
    ['大厅有人就提醒我，季度复盘那个会议', 'watch.start', { meeting: '季度复盘' }],
    // A please in place of a comma ends the command; who said they are waiting is who "him" is.
    ["let Tomas in pls he's the vendor", 'lobby.admit', { person: 'Tomas' }],
    ["Dana said she's waiting, let her in", 'lobby.admit', { person: 'Dana' }],
    // Small talk: a wristwatch, how meetings feel, someone running late passed on.
    ['my new watch has a broken strap', 'none', {}],
    ['our standups have been way too long', 'none', {}],
    ['Ken said he will be a bit late', 'none', {}],
  ]);
  checkChangesNothing(['the watch we ordered was lost', 'my meetings are so long lately']);
});

import { check, checkChangesNothing } from './phrasingCheck.js';

/**
 * After corpus AM's first score (96.1 / 95.9; no read acted on as a write, no write read as another unasked, three
 * misses asked): the classes of its misses, written here as neighbours, not copied from AM; AM no longer counts as
 * blind. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after AM)', () => {
  check([
    // Tracking a meeting is watching its lobby; tracking availability is presence; a parcel is nothing of the bot's.
    ['track the Ops sync', 'watch.start', { meeting: 'Ops sync' }],
    ['quit tracking the Ops sync', 'watch.stop', { meeting: 'Ops sync' }],
    ['what r u tracking for me', 'watch.list', {}],
    ['open my watch list', 'watch.list', {}],
    ['stop tracking who is online in Night shift', 'groups.presenceStop', { group: 'Night shift' }],
    ['track my parcel', 'none', {}],
    // The bridge number is the dial-in; turning away the caller on it is not.
    ["what's the bridge line for Retro", 'meetings.dialIn', {}],
    // The contact lists themselves, asked.
    ['what contact lists did we make', 'groups.list', {}],
    // Presence asked for with "if".
    ['ping me if anyone from Night shift goes online', 'groups.presence', { group: 'Night shift' }],
    // Reads of Huawei meetings: someone in a meeting by id, anything on now about a topic, topic meetings to come.
    ['is Wen in 912 345 678 already', 'huawei.participants', { meeting: '912345678' }],
    ['is there anything about hiring running right now', 'huawei.ongoing', { keyword: 'hiring' }],
    ['any roadmap meetings coming up?', 'huawei.scheduled', { keyword: 'roadmap' }],
    // The reading of a sentence after 这句：.
    ['你怎么理解这句：取消关注周会', 'debugParse', { keyword: '取消关注周会' }],
    // Entities: a watch no longer wanted with 不用; an extension added to a meeting; a group renamed with 换成, deleted
    // with 删了, its status subscribed with 分组 first (合夥 traditional); a bare "list extensions"; an extension id after
    // its type said the other way round; a year starting a meeting's name.
    ['不用提醒我 周会 的大厅了', 'watch.stop', { meeting: '周会' }],
    ['添加扩展到 季度复盘', 'extensions.add', { meeting: '季度复盘' }],
    ['球友分组名字换成 羽毛球', 'groups.rename', { group: '球友', newName: '羽毛球' }],
    ['删了供应商分组', 'groups.delete', { group: '供应商' }],
    ['訂閱分組 合夥人 的上線狀態', 'groups.presence', { group: '合夥人' }],
    ['list extensions', 'extensions.list', {}],
    ['attach participant roamed data p-17 to Retro', 'extensions.add', { meeting: 'Retro', extensionType: 'RoamedParticipantData', extensionId: 'p-17' }],
    ['2030年终总结 让电话用户直接进', 'meetings.update', { meeting: '2030年终总结', lobbyBypassForPhoneUsers: 'Enabled' }],
    // Small talk: what a team did; how-to about one's own look.
    ['my team went bowling yesterday', 'none', {}],
    ['我们组昨晚一起唱歌', 'none', {}],
    ['how can I change my profile picture', 'none', {}],
  ]);
  checkChangesNothing(['track the delivery of the new laptops', 'any sales calls scheduled today?']);
});

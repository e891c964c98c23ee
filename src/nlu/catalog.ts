/**
 * The intent registry: every command the bot understands, once. The recognizer trains from it, the help card
 * lists it and the Teams manifest's commandLists are generated from it, so the three cannot drift.
 * A capability that adds a command adds one entry here and one dialog whose id is the intent's name.
 */
export type CapabilityName = 'core' | 'lobby' | 'ucwa-meetings' | 'ucwa-groups' | 'huawei';
export type TeamsScope = 'personal' | 'team' | 'groupChat';

/** Entity slots a recognizer may fill. Every intent names the ones it uses. */
export interface Entities {
  /** A meeting named by subject or by id (UCWA onlineMeetingId, Huawei conferenceID). */
  meeting?: string;
  /** A person named in the text ("Bob", "the guest from fabrikam"). */
  person?: string;
  /** A contact group name. */
  group?: string;
  /** The new name in a rename. */
  newName?: string;
  /** A search keyword ("about budget"). */
  keyword?: string;
  /** The subject of a meeting to create or the new subject of one to change. */
  subject?: string;
  /** A start time, ISO 8601, resolved in the user's time zone. */
  startTime?: string;
  /** An end time, ISO 8601. */
  endTime?: string;
  /** "all"/"everyone": the whole enterprise, every waiting person, every meeting. */
  all?: boolean;
  /** on/off for mute, lock and similar toggles. */
  on?: boolean;
  /** UCWA accessLevel: Everyone, Invited, Locked, SameEnterprise. */
  accessLevel?: string;
  /** UCWA lobbyBypassForPhoneUsers: Enabled / Disabled. */
  lobbyBypassForPhoneUsers?: string;
  /** Leaders or attendees named when creating a meeting (SIP addresses or names). */
  leaders?: string[];
  /** UCWA onlineMeetingExtension type. */
  extensionType?: 'Undefined' | 'RoamedOrganizerData' | 'RoamedParticipantData';
  /** An extension id. */
  extensionId?: string;
  /** "next", "previous" or a page number. */
  page?: string;
}

export type EntityName = keyof Entities;

export interface CommandText {
  /** Short title, used by the help card and manifest commandLists (≤ 32 characters). */
  title: string;
  /** One sentence, used by the help card and manifest commandLists (≤ 128 characters). */
  description: string;
  /** A sentence a person can type, shown in help. */
  example: string;
}

export interface IntentDefinition {
  name: string;
  capability: CapabilityName;
  /** Entities this intent uses; `required` ones are asked for when missing. */
  entities: readonly EntityName[];
  required?: readonly EntityName[];
  /** Does it change or destroy something? Destructive intents confirm first. */
  destructive?: boolean;
  /**
   * Does it change something (create, update, delete, rename, add, admit, reject, end, mute, lock, watch)? A
   * write must clear a higher bar than a read before it runs: when unsure, the bot asks (see src/nlu/safety.ts).
   */
  writes?: boolean;
  /** Shown in the Teams compose box for these scopes (manifest v1.24 allows 12 per scope; the generator enforces it). */
  manifestScopes?: readonly TeamsScope[];
  text: { en: CommandText; zh: CommandText };
}

const everywhere: readonly TeamsScope[] = ['personal', 'team', 'groupChat'];
const personalOnly: readonly TeamsScope[] = ['personal'];

export const intents: readonly IntentDefinition[] = [
  {
    name: 'help', capability: 'core', entities: [], manifestScopes: everywhere,
    text: {
      en: { title: 'help', description: 'Show what I can do, with an example of every command.', example: 'help' },
      zh: { title: '帮助', description: '显示我能做的所有事情和示例。', example: '帮助' },
    },
  },
  {
    name: 'signIn', capability: 'core', entities: [], manifestScopes: personalOnly,
    text: {
      en: { title: 'sign in', description: 'Link your Skype for Business account so I can watch your meetings.', example: 'sign in' },
      zh: { title: '登录', description: '关联您的 Skype for Business 账号，以便我关注您的会议。', example: '登录' },
    },
  },
  {
    name: 'signOut', writes: true, capability: 'core', entities: [], manifestScopes: personalOnly,
    text: {
      en: { title: 'sign out', description: 'Forget your Skype for Business sign-in and stop lobby alerts.', example: 'sign out' },
      zh: { title: '退出登录', description: '删除您的 Skype for Business 登录并停止大厅提醒。', example: '退出登录' },
    },
  },
  {
    name: 'debugParse', capability: 'core', entities: ['keyword'], required: ['keyword'],
    text: {
      en: { title: 'explain', description: 'Show how I understood a sentence (intent, entities, score).', example: 'explain admit bob' },
      zh: { title: '解析', description: '显示我如何理解一句话。', example: '解析 让鲍勃进来' },
    },
  },
  {
    name: 'lobby.who', capability: 'lobby', entities: ['meeting'], manifestScopes: everywhere,
    text: {
      en: { title: "who's in the lobby", description: 'List the people waiting in the lobbies of the meetings I watch for you.', example: "who's in the lobby of Budget review" },
      zh: { title: '谁在大厅', description: '列出正在您会议大厅中等待的人。', example: '谁在大厅' },
    },
  },
  {
    name: 'lobby.admit', writes: true, capability: 'lobby', entities: ['person', 'all', 'meeting'], manifestScopes: everywhere,
    text: {
      en: { title: 'admit', description: 'Let someone (or everyone) waiting in the lobby into the meeting.', example: 'admit Bob' },
      zh: { title: '准入', description: '让大厅中等待的人（或所有人）进入会议。', example: '让鲍勃进来' },
    },
  },
  {
    name: 'lobby.reject', writes: true, capability: 'lobby', entities: ['person', 'all', 'meeting'], destructive: true, manifestScopes: everywhere,
    text: {
      en: { title: 'reject', description: 'Turn away someone waiting in the lobby.', example: 'reject the guest from fabrikam' },
      zh: { title: '拒绝', description: '拒绝大厅中等待的人。', example: '拒绝鲍勃' },
    },
  },
  {
    name: 'watch.start', writes: true, capability: 'lobby', entities: ['meeting', 'all'], manifestScopes: personalOnly,
    text: {
      en: { title: 'watch my meeting', description: 'Alert me when people wait in the lobby of a meeting (or all my meetings).', example: 'watch my meeting Budget review' },
      zh: { title: '关注会议', description: '当有人在会议大厅等待时提醒我。', example: '关注我的会议 预算评审' },
    },
  },
  {
    name: 'watch.stop', writes: true, capability: 'lobby', entities: ['meeting', 'all'], manifestScopes: personalOnly,
    text: {
      en: { title: 'stop watching', description: 'Stop lobby alerts for a meeting (or all of them).', example: 'stop watching Budget review' },
      zh: { title: '取消关注', description: '停止某个会议（或全部会议）的大厅提醒。', example: '取消关注 预算评审' },
    },
  },
  {
    name: 'watch.list', capability: 'lobby', entities: [], manifestScopes: personalOnly,
    text: {
      en: { title: 'what are you watching', description: 'List the meetings whose lobbies I watch for you.', example: 'what are you watching' },
      zh: { title: '关注列表', description: '列出我正在为您关注的会议。', example: '你在关注哪些会议' },
    },
  },
  {
    name: 'alerts.routeHere', writes: true, capability: 'lobby', entities: ['meeting'], required: ['meeting'], manifestScopes: ['team', 'groupChat'],
    text: {
      en: { title: 'send lobby alerts here', description: "Send a meeting's lobby alerts to this channel or chat so co-organizers can act.", example: 'send lobby alerts for Budget review here' },
      zh: { title: '在此发送大厅提醒', description: '把某个会议的大厅提醒发送到这个频道或群聊。', example: '把预算评审的大厅提醒发到这里' },
    },
  },
  {
    name: 'meetings.list', capability: 'ucwa-meetings', entities: [], manifestScopes: personalOnly,
    text: {
      en: { title: 'my meetings', description: 'List your Skype for Business meetings.', example: 'my meetings' },
      zh: { title: '我的会议', description: '列出您的 Skype for Business 会议。', example: '我的会议' },
    },
  },
  {
    name: 'meetings.details', capability: 'ucwa-meetings', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: 'meeting details', description: 'Show the details of one of your meetings.', example: 'details of Budget review' },
      zh: { title: '会议详情', description: '显示您某个会议的详情。', example: '预算评审的详情' },
    },
  },
  {
    name: 'meetings.create', writes: true, capability: 'ucwa-meetings', entities: ['subject', 'startTime', 'endTime', 'accessLevel', 'lobbyBypassForPhoneUsers', 'leaders'], required: ['subject'], manifestScopes: personalOnly,
    text: {
      en: { title: 'create a meeting', description: 'Schedule a Skype for Business meeting.', example: 'create a meeting called Budget review at 3pm' },
      zh: { title: '创建会议', description: '安排一个 Skype for Business 会议。', example: '创建一个叫 预算评审 的会议' },
    },
  },
  {
    name: 'meetings.update', writes: true, capability: 'ucwa-meetings', entities: ['meeting', 'subject', 'startTime', 'endTime', 'accessLevel', 'lobbyBypassForPhoneUsers'], required: ['meeting'],
    text: {
      en: { title: 'change a meeting', description: "Change a meeting's subject, time or who may enter.", example: 'change Budget review to locked' },
      zh: { title: '修改会议', description: '修改会议的主题、时间或准入设置。', example: '把预算评审改为锁定' },
    },
  },
  {
    name: 'meetings.delete', writes: true, capability: 'ucwa-meetings', entities: ['meeting'], required: ['meeting'], destructive: true,
    text: {
      en: { title: 'delete a meeting', description: 'Delete one of your meetings (I ask first).', example: 'delete meeting Budget review' },
      zh: { title: '删除会议', description: '删除您的某个会议（会先确认）。', example: '删除会议 预算评审' },
    },
  },
  {
    name: 'meetings.defaults', capability: 'ucwa-meetings', entities: [],
    text: {
      en: { title: 'meeting defaults', description: 'Show the values a new meeting gets when you do not choose.', example: 'meeting defaults' },
      zh: { title: '会议默认值', description: '显示新会议的默认设置。', example: '会议默认设置' },
    },
  },
  {
    name: 'meetings.eligibleValues', capability: 'ucwa-meetings', entities: [],
    text: {
      en: { title: 'what can I choose', description: 'Show the settings you may choose when scheduling.', example: 'what can I choose' },
      zh: { title: '可选设置', description: '显示安排会议时可以选择的设置。', example: '我可以选择什么' },
    },
  },
  {
    name: 'meetings.policies', capability: 'ucwa-meetings', entities: [],
    text: {
      en: { title: 'meeting policies', description: "Show your administrator's meeting policies.", example: 'meeting policies' },
      zh: { title: '会议策略', description: '显示管理员设置的会议策略。', example: '会议策略' },
    },
  },
  {
    name: 'meetings.dialIn', capability: 'ucwa-meetings', entities: [],
    text: {
      en: { title: 'dial-in numbers', description: 'Show the phone numbers and conference id for joining by phone.', example: 'dial-in numbers' },
      zh: { title: '拨入号码', description: '显示电话入会的号码。', example: '拨入号码' },
    },
  },
  {
    name: 'meetings.invitation', capability: 'ucwa-meetings', entities: [],
    text: {
      en: { title: 'invitation text', description: 'Show the custom text for meeting invitations.', example: 'invitation text' },
      zh: { title: '邀请文本', description: '显示会议邀请的自定义文本。', example: '邀请文本' },
    },
  },
  {
    name: 'extensions.list', capability: 'ucwa-meetings', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: 'meeting extensions', description: 'List the extensions (custom data) of a meeting.', example: 'extensions of Budget review' },
      zh: { title: '会议扩展', description: '列出会议的扩展数据。', example: '预算评审的扩展' },
    },
  },
  {
    name: 'extensions.add', writes: true, capability: 'ucwa-meetings', entities: ['meeting', 'extensionType', 'extensionId'], required: ['meeting'],
    text: {
      en: { title: 'add extension', description: 'Add an extension to a meeting.', example: 'add extension RoamedOrganizerData to Budget review' },
      zh: { title: '添加扩展', description: '给会议添加扩展数据。', example: '给预算评审添加扩展' },
    },
  },
  {
    name: 'groups.list', capability: 'ucwa-groups', entities: [],
    text: {
      en: { title: 'my groups', description: 'List your Skype for Business contact groups.', example: 'my groups' },
      zh: { title: '我的分组', description: '列出您的联系人分组。', example: '我的分组' },
    },
  },
  {
    name: 'groups.members', capability: 'ucwa-groups', entities: ['group'], required: ['group'],
    text: {
      en: { title: "who's in a group", description: 'List the contacts in a group.', example: "who's in Project team" },
      zh: { title: '分组成员', description: '列出某个分组里的联系人。', example: '项目组里有谁' },
    },
  },
  {
    name: 'groups.create', writes: true, capability: 'ucwa-groups', entities: ['group'], required: ['group'],
    text: {
      en: { title: 'create group', description: 'Create a contact group.', example: 'create group Vendors' },
      zh: { title: '创建分组', description: '创建一个联系人分组。', example: '创建分组 供应商' },
    },
  },
  {
    name: 'groups.rename', writes: true, capability: 'ucwa-groups', entities: ['group', 'newName'], required: ['group', 'newName'],
    text: {
      en: { title: 'rename group', description: 'Rename a contact group.', example: 'rename group Vendors to Suppliers' },
      zh: { title: '重命名分组', description: '重命名联系人分组。', example: '把分组 供应商 改名为 合作伙伴' },
    },
  },
  {
    name: 'groups.delete', writes: true, capability: 'ucwa-groups', entities: ['group'], required: ['group'], destructive: true,
    text: {
      en: { title: 'delete group', description: 'Delete a contact group (I ask first).', example: 'delete group Vendors' },
      zh: { title: '删除分组', description: '删除联系人分组（会先确认）。', example: '删除分组 供应商' },
    },
  },
  {
    name: 'groups.presence', writes: true, capability: 'ucwa-groups', entities: ['group'], required: ['group'],
    text: {
      en: { title: 'watch presence', description: "Subscribe to the presence of a group's contacts.", example: 'watch presence of Project team' },
      zh: { title: '关注状态', description: '订阅分组联系人的在线状态。', example: '关注项目组的状态' },
    },
  },
  {
    name: 'groups.presenceStop', writes: true, capability: 'ucwa-groups', entities: ['group'], required: ['group'],
    text: {
      en: { title: 'stop watching presence', description: "Stop the presence updates for a group's contacts.", example: 'stop watching presence of Project team' },
      zh: { title: '停止关注状态', description: '取消订阅分组联系人的在线状态。', example: '停止关注项目组的状态' },
    },
  },
  {
    name: 'huawei.ongoing', capability: 'huawei', entities: ['keyword', 'all'], manifestScopes: everywhere,
    text: {
      en: { title: 'list ongoing meetings', description: 'List ongoing Huawei Cloud meetings (about a keyword; all of them for admins).', example: 'list ongoing meetings about budget' },
      zh: { title: '进行中的会议', description: '列出正在进行的华为云会议。', example: '列出进行中的会议' },
    },
  },
  {
    name: 'huawei.scheduled', capability: 'huawei', entities: ['keyword', 'all'],
    text: {
      en: { title: 'scheduled meetings', description: 'List upcoming Huawei Cloud meetings.', example: 'list scheduled meetings' },
      zh: { title: '预约的会议', description: '列出即将召开的华为云会议。', example: '列出预约的会议' },
    },
  },
  {
    name: 'page.next', capability: 'huawei', entities: ['page'],
    text: {
      en: { title: 'next page', description: 'Show the next page of the last list.', example: 'next page' },
      zh: { title: '下一页', description: '显示上一个列表的下一页。', example: '下一页' },
    },
  },
  {
    name: 'huawei.details', capability: 'huawei', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: 'details of meeting', description: 'Show the details of a Huawei Cloud meeting.', example: 'details of meeting 914083136' },
      zh: { title: '会议详情', description: '显示华为云会议详情。', example: '会议 914083136 的详情' },
    },
  },
  {
    name: 'huawei.participants', capability: 'huawei', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: "who's in meeting", description: 'List the people in an ongoing Huawei Cloud meeting.', example: "who's in meeting 914083136" },
      zh: { title: '参会人', description: '列出正在进行的会议中的参会人。', example: '会议 914083136 里有谁' },
    },
  },
  {
    name: 'huawei.admitWaiting', writes: true, capability: 'huawei', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: 'admit everyone waiting', description: 'Admit everyone in the waiting room of a Huawei Cloud meeting.', example: 'admit everyone waiting in 914083136' },
      zh: { title: '全部准入', description: '让等候室中的所有人进入会议。', example: '让 914083136 等候室的人都进来' },
    },
  },
  {
    name: 'huawei.watch', writes: true, capability: 'huawei', entities: ['meeting'], required: ['meeting'],
    text: {
      en: { title: 'watch my Huawei meeting', description: 'Alert me when people wait in the waiting room of an ongoing Huawei Cloud meeting.', example: 'watch my Huawei meeting 914083136' },
      zh: { title: '关注华为会议', description: '当有人在进行中的华为云会议等候室等待时提醒我。', example: '关注我的华为会议 914083136' },
    },
  },
  {
    name: 'huawei.unwatch', writes: true, capability: 'huawei', entities: ['meeting', 'all'],
    text: {
      en: { title: 'stop watching Huawei meeting', description: 'Stop waiting-room alerts for a Huawei Cloud meeting.', example: 'stop watching my Huawei meeting 914083136' },
      zh: { title: '取消关注华为会议', description: '停止某个华为云会议的等候室提醒。', example: '取消关注华为会议 914083136' },
    },
  },
  {
    name: 'huawei.end', writes: true, capability: 'huawei', entities: ['meeting'], required: ['meeting'], destructive: true,
    text: {
      en: { title: 'end meeting', description: 'End a Huawei Cloud meeting for everyone (I ask first).', example: 'end meeting 914083136' },
      zh: { title: '结束会议', description: '为所有人结束会议（会先确认）。', example: '结束会议 914083136' },
    },
  },
  {
    name: 'huawei.mute', writes: true, capability: 'huawei', entities: ['meeting', 'on'], required: ['meeting'],
    text: {
      en: { title: 'mute everyone', description: 'Mute (or unmute) everyone in a Huawei Cloud meeting.', example: 'mute everyone in 914083136' },
      zh: { title: '全体静音', description: '将会议中所有人静音（或取消静音）。', example: '会议 914083136 全体静音' },
    },
  },
  {
    name: 'huawei.lock', writes: true, capability: 'huawei', entities: ['meeting', 'on'], required: ['meeting'],
    text: {
      en: { title: 'lock meeting', description: 'Lock (or unlock) a Huawei Cloud meeting.', example: 'lock 914083136' },
      zh: { title: '锁定会议', description: '锁定（或解锁）会议。', example: '锁定会议 914083136' },
    },
  },
];

const byName = new Map(intents.map((intent) => [intent.name, intent]));

export function findIntent(name: string): IntentDefinition | undefined {
  return byName.get(name);
}

/** True when the intent changes something (see `writes`); unknown intents and 'none' are not writes. */
export function isWrite(name: string): boolean {
  return byName.get(name)?.writes === true;
}

export function intentsOf(capability: CapabilityName): IntentDefinition[] {
  return intents.filter((intent) => intent.capability === capability);
}

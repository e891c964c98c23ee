/**
 * Example utterances the intent classifier trains from, per intent and language. Slots are written as
 * {meeting}, {person}, {group}, {name}, {keyword}, {time}: the classifier ignores them (entity words are
 * unknown to it at run time too), except {id}, which stands for a meeting id and becomes the `#id` feature.
 * The accuracy corpus in test/nlu is held out: it must not repeat these sentences.
 */
export interface TrainingSet {
  en: readonly string[];
  zh: readonly string[];
}

export const NONE_INTENT = 'none';

export const training: Readonly<Record<string, TrainingSet>> = {
  help: {
    en: ['what kind of things can I ask you', 'what can I ask you', 'what are you good for', "I'm new here what can you do", 'what are your capabilities', 'how does it work', 'what is this bot for', 'commands', 'help', 'what can you do', 'show me the commands', 'how do I use you', 'I need help', 'what commands do you understand', 'help me', 'what do you do', 'usage', 'show help', 'what are you capable of', 'what else are you able to help with'],
    zh: ['帮助', '你能做什么', '你会干啥', '怎么用', '显示命令', '有哪些命令', '帮帮我', '使用说明', '功能介绍', '你会些什么', '你有哪些功能'],
  },
  signIn: {
    en: ['sign into skype', 'log into my account', 'sign in', 'log in', 'login', 'sign me in', 'connect my skype account', 'link my skype for business account', 'authenticate me', 'signin', 'let me log on', 'connect my account', 'how do I link my account', 'how do I connect my skype account'],
    zh: ['登录', '登陆', '我要登录', '关联我的账号', '连接我的 Skype 账号'],
  },
  signOut: {
    en: ['sign out', 'log out', 'logout', 'sign me out', 'forget my account', 'disconnect my skype account', 'unlink my account', 'signout', 'log off', 'forget my sign in'],
    zh: ['解除绑定', '解除我的账号绑定', '取消账号关联', '退出登录', '注销', '登出', '退出账号', '取消关联我的账号'],
  },
  debugParse: {
    en: ['explain {keyword}', 'debug {keyword}', 'parse {keyword}', 'how do you understand {keyword}', 'explain how you read {keyword}', 'what does {keyword} mean to you', 'debug parse {keyword}'],
    zh: ['分析 {keyword}', '帮我解析 {keyword}', '解析 {keyword}', '解释 {keyword}', '你怎么理解 {keyword}'],
  },
  'lobby.who': {
    en: ['anyone there', "who's at the door", 'is somebody waiting to get in', 'who is knocking at the door of {meeting}', 'is anyone waiting to get into {meeting}', 'lobby list', 'the lobby', 'show who is waiting', 'see the lobby', 'who\'s waiting in the lobby', 'whos waiting', 'who is in the lobby', 'who is waiting', 'who is waiting in the lobby of {meeting}', 'anyone in the lobby', 'is anybody waiting in the lobby', 'show the lobby', 'list people in the lobby', 'who is waiting to join {meeting}', 'lobby status', 'who is in the lobby for {meeting}', 'check the lobby', 'who is in the waiting lobby', 'are any guests in the lobby', 'any visitors waiting in the lobby for {meeting}', 'is someone waiting in {meeting}'],
    zh: ['有谁', '有没有人等着进来', '大厅有人吗', '谁在等', '{meeting} 的大厅里有没有人在等', '现在大厅里有人吗', '谁在大厅', '大厅里有谁', '有人在大厅等吗', '{meeting} 的大厅里有谁', '谁在等待入会', '查看大厅'],
  },
  'lobby.admit': {
    en: ['{person} can come in', 'let {person} through', 'would you mind admitting {person}', 'let in everyone who is waiting', 'bring in all the waiting people', '{person} is fine let them in', 'admit {person}', 'let {person} in', 'let everyone in', 'admit everyone', 'admit all', 'admit them all', 'let them in', 'allow {person} to join', 'let {person} into {meeting}', 'admit the guest from {person}', 'bring {person} in', 'accept {person}', 'admit {person} to {meeting}', 'let all of them in', 'let everybody in the lobby join', 'admit everyone in the lobby', '{person} can join', '{person} is ok to join', '{person} may come in now'],
    zh: ['把 {person} 放进来', '{person} 可以进来了', '把等待的人全放进来', '把大厅里的人都放进来', '让 {person} 进来', '准入 {person}', '让所有人进来', '让大家都进来', '允许 {person} 入会', '全部准入', '接纳 {person}'],
  },
  'lobby.reject': {
    en: ['keep the visitor out', 'keep {person} out of {meeting}', '{person} should not come in', 'keep {person} out', 'send {person} away', 'do not admit {person}', 'turn them away', 'reject {person}', 'deny {person}', 'turn away {person}', 'kick {person} out of the lobby', 'reject everyone', 'deny all', 'do not let {person} in', 'refuse {person}', 'reject the guest from {person}', 'decline {person}', 'remove {person} from the lobby', 'reject everybody waiting'],
    zh: ['谢绝 {person}', '把 {person} 拒掉', '谢绝大厅里的访客', '不要让 {person} 进 {meeting}', '别让 {person} 进来', '把大厅里的人都拒绝', '拒绝大厅里所有人', '拒绝 {person}', '不让 {person} 进来', '拒绝所有人', '把 {person} 拒之门外', '拒绝全部', '把 {person} 拒了', '{person} 拒掉', '踢掉 {person}'],
  },
  'watch.start': {
    en: ['ping me if anyone is waiting for {meeting}', 'let me know when people show up for {meeting}', 'ping me when someone waits for {meeting}', 'let me know when somebody shows up in the lobby of {meeting}', 'keep tabs on {meeting}', 'I want lobby alerts for {meeting}', 'tell me when people wait in {meeting}', 'watch my meetings', 'alert me about my meetings', 'monitor all of my meetings', 'watch my meeting {meeting}', 'watch {meeting}', 'monitor {meeting}', 'alert me when someone waits in {meeting}', 'watch all my meetings', 'notify me about the lobby of {meeting}', 'start watching {meeting}', 'keep an eye on {meeting}', 'track the lobby of {meeting}', 'start lobby alerts for {meeting}', 'subscribe to lobby alerts for all my meetings', 'watch every meeting of mine'],
    zh: ['开始盯 {meeting}', '开始关注 {meeting}', '{meeting} 有人在等就通知我', '帮我盯着 {meeting} 的大厅', '{meeting} 有人等的时候提醒我', '盯一下 {meeting}', '帮我关注 {meeting}', '关注全部会议', '关注我的会议 {meeting}', '关注 {meeting}', '监控 {meeting} 的大厅', '关注我所有的会议', '有人等待时提醒我'],
  },
  'watch.stop': {
    en: ['you can drop off {meeting}', 'drop off {meeting} thanks', 'no more lobby pings for {meeting}', 'I do not need lobby notifications for {meeting} anymore', 'leave {meeting} alone', 'quit monitoring {meeting}', 'you can stop keeping an eye on {meeting}', 'drop the alerts for {meeting}', 'I do not need alerts for {meeting} anymore', 'do not watch my meetings any more', 'stop watching my meetings', 'stop watching {meeting}', 'unwatch {meeting}', 'stop monitoring {meeting}', 'stop lobby alerts for {meeting}', 'stop watching all my meetings', 'no more alerts for {meeting}', 'stop notifying me about {meeting}', 'unsubscribe from {meeting}', 'cancel the alerts for all meetings', 'quit watching {meeting}', 'stop all alerts'],
    zh: ['{meeting} 不用盯了', '{meeting} 大厅的提醒就不要了', '{meeting} 不用再关注了', '所有会议都别关注了', '不再关注 {meeting}', '别再关注我的会议了', '取消关注 {meeting}', '停止关注 {meeting}', '不再关注所有会议', '停止大厅提醒', '取消所有关注', '{meeting} 的提醒关掉吧', '关掉 {meeting} 的提醒', '{meeting} 的通知不要了'],
  },
  'watch.list': {
    en: ['what are you keeping tabs on', 'what do you keep an eye on for me', 'which meetings are you keeping an eye on', 'what are you monitoring for me', 'which lobbies do I get alerts for', 'what am I getting lobby alerts for', 'what are you watching', 'which meetings are you watching', 'list my watched meetings', 'show my watches', 'what meetings do you monitor for me', 'my lobby alerts', 'which lobbies do you watch', 'list watches', 'show the meetings you are watching'],
    zh: ['列一下你在监控的会议', '哪些会议开了大厅提醒', '我开了哪些提醒', '你在盯着哪些会议', '正在监控哪些会议', '我的关注列表', '你在关注哪些会议', '关注列表', '我关注了哪些会议', '显示关注的会议'],
  },
  'alerts.routeHere': {
    en: ['forward the {meeting} lobby pings to this chat', 'notify this channel when people wait for {meeting}', 'can the alerts for {meeting} go to this chat', 'send lobby alerts for {meeting} here', 'post alerts for {meeting} in this channel', 'route the lobby alerts of {meeting} to this chat', 'send {meeting} lobby notifications here', 'alerts for {meeting} in this channel please', 'deliver lobby alerts of {meeting} to this chat', 'notify this channel about {meeting} lobby', 'share the lobby alerts for {meeting} here'],
    zh: ['{meeting} 大厅有人的话在这个群说一声', '把 {meeting} 的大厅提醒发到这里', '在这个频道发送 {meeting} 的大厅提醒', '{meeting} 的提醒发到这个群'],
  },
  'meetings.list': {
    en: ['meetings list', 'list of my meetings', 'which meetings did I create', 'meetings I organized', 'show me my own meetings', 'what meetings have I set up', 'my meetings', 'list my meetings', 'show my meetings', 'what meetings do I have', 'show my skype meetings', 'list my online meetings', 'which meetings have I scheduled', 'display my meetings', 'my skype for business meetings', 'what are my meetings', 'what\'s on my calendar', 'what is on my schedule', 'anything on my agenda', 'what have I got lined up', 'show my calendar', 'my upcoming skype meetings'],
    zh: ['查看我的会议', '看看我的 Skype 会议', '我创建的会议有哪些', '我的会议', '列出我的会议', '显示我的会议', '我有哪些会议', '我都安排了什么会', '我有什么会', '我的日程上有哪些会', '我约了哪些会'],
  },
  'meetings.details': {
    en: ['what settings does {meeting} have', 'give me the info on {meeting}', 'info for {meeting}', 'when does {meeting} happen', 'tell me more about {meeting}', 'when is {meeting}', 'look up {meeting}', 'when does {meeting} start', 'show me the details of {meeting}', 'what time is {meeting}', 'details of {meeting}', 'show details for {meeting}', 'tell me about {meeting}', 'info on {meeting}', 'describe {meeting}', 'meeting details {meeting}', 'what is the join link of {meeting}', 'information about meeting {meeting}', 'open {meeting}', 'who organizes {meeting}', 'who is the organizer of {meeting}', 'what is the join link for {meeting}', 'how do I get into {meeting}', 'who is the host of {meeting}'],
    zh: ['{meeting} 这个会的设置', '看一下 {meeting} 的设置', '{meeting} 是几点开始的', '{meeting} 几点开始', '{meeting} 的具体信息', '{meeting} 的详情', '显示 {meeting} 的详细信息', '查看会议 {meeting}', '{meeting} 的信息', '{meeting} 的入会链接是什么', '{meeting} 的组织者是谁', '{meeting} 在哪里开'],
  },
  'meetings.create': {
    en: ['set up a short call named {name} {time}', 'we should schedule a meeting', 'book me a call named {name}', 'create a meeting called {name}', 'schedule a meeting called {name} at {time}', 'new meeting {name}', 'set up a meeting named {name}', 'book a meeting titled {name} {time}', 'create meeting {name}', 'make a new meeting called {name}', 'organize a meeting {name} from {time} to {time}', 'plan a meeting called {name} {time}', 'schedule {name} for {time}', 'create a locked meeting called {name}', 'add a meeting {name}', 'create an online meeting {name} with {person}', 'set up a meeting named {name} where dial-in users skip the lobby'],
    zh: ['约个会 叫 {name}', '帮我订个会 {name}', '安排一个 {name} 会', '创建一个叫 {name} 的会议', '新建会议 {name}', '安排一个会议 {name}', '创建会议 {name}', '预约一个会议，主题 {name}'],
  },
  'meetings.update': {
    en: ['make {meeting} invite only', 'callers should go straight in for {meeting}', '{meeting} needs to finish by {time}', 'open {meeting} to anyone', 'change {meeting} so only invited people get in', 'change {meeting} to locked', 'update {meeting}', 'rename meeting {meeting} to {name}', 'move {meeting} to {time}', 'reschedule {meeting} to {time}', 'set {meeting} access to invited only', 'make {meeting} open to everyone', 'change the subject of {meeting} to {name}', 'modify {meeting}', 'edit meeting {meeting}', 'let phone users bypass the lobby in {meeting}', 'change the time of {meeting}', 'set {meeting} to same enterprise'],
    zh: ['{meeting} 改为只有受邀的人能进', '把 {meeting} 改为锁定', '修改会议 {meeting}', '把 {meeting} 改到 {time}', '更新 {meeting}', '把 {meeting} 的主题改成 {name}'],
  },
  'meetings.delete': {
    en: ['call off {meeting}', 'remove {meeting} from my meetings', 'take {meeting} off my calendar', 'remove {meeting} from my calendar', 'we no longer need {meeting} so delete it', 'delete my meeting {meeting}', 'remove my {meeting} meeting', 'delete meeting {meeting}', 'delete {meeting}', 'remove meeting {meeting}', 'cancel {meeting}', 'cancel meeting {meeting}', 'get rid of {meeting}', 'erase the meeting {meeting}', 'drop {meeting}', 'remove the meeting called {meeting}', 'trash {meeting}', 'scrap {meeting}', 'nuke {meeting}', 'bin {meeting}', 'kill off {meeting}', 'scratch {meeting} from my calendar'],
    zh: ['{meeting} 这个会取消吧', '把 {meeting} 这个会取消掉', '把 {meeting} 删了', '把 {meeting} 从我的会议里删掉', '删除会议 {meeting}', '删除 {meeting}', '取消会议 {meeting}', '把 {meeting} 删掉', '{meeting} 不开了', '{meeting} 取消了吧', '不用开 {meeting} 了'],
  },
  'meetings.defaults': {
    en: ['if I do not pick anything what does a meeting get', 'what settings does a meeting get if I choose nothing', 'meeting defaults', 'default meeting settings', 'what are the defaults for a new meeting', 'show defaults', 'default values', 'what does a new meeting get by default', 'my meeting defaults', 'defaults please'],
    zh: ['看看默认值', '不选的话会议默认是什么', '会议默认设置', '会议默认值', '默认设置', '新会议的默认值是什么'],
  },
  'meetings.eligibleValues': {
    en: ['what can I set when I book a meeting', 'which settings may I pick when I create a meeting', 'which values am I allowed to set', 'what am I allowed to pick for access', 'what can I choose', 'which options can I pick', 'eligible values', 'what settings are allowed', 'what access levels can I choose', 'show the available meeting options', 'what values may I use', 'allowed settings for scheduling', 'my choices'],
    zh: ['建会的时候有哪些选项可以选', '我可以选择什么', '可选设置', '有哪些可选项', '可以选哪些值'],
  },
  'meetings.policies': {
    en: ['am I allowed to record', 'can I record meetings', "what rules did the admin set for meetings", 'are there any meeting restrictions', 'meeting policies', 'show the policies', 'what are my meeting policies', 'admin policies', 'policy', 'what does my administrator allow', 'show meeting policy', 'my policies'],
    zh: ['管理员定了哪些会议规则', '我能录制会议吗', '管理员有什么限制', '会议策略', '显示会议策略', '管理员的策略', '我的策略'],
  },
  'meetings.dialIn': {
    en: ['how do guests dial in', 'how do people call in', 'dial in numbers', 'dial-in numbers', 'phone numbers', 'how do I join by phone', 'what is the dial in number', 'conference phone number', 'call in numbers', 'show the dial in info', 'phone access numbers', 'dialin', 'can I call into the meeting', 'number to call for meetings'],
    zh: ['拨入号码', '电话号码', '电话入会号码', '怎么电话入会', '怎么用电话接入', '电话怎么加入会议', '拨号入会的号码是多少'],
  },
  'meetings.invitation': {
    en: ['invitation text', 'show the invitation', 'custom invitation', 'what is my invite text', 'meeting invitation text', 'invite text', 'show the custom text for invites', 'invitation', 'what does my invite say', 'invitation template', 'the text of my meeting invitations', 'what is in my invitation'],
    zh: ['邀请文本', '显示邀请', '会议邀请文本', '邀请内容', '邀请模板', '我的会议邀请里写了什么'],
  },
  'extensions.list': {
    en: ['which extensions are attached to {meeting}', 'extensions attached to {meeting}', 'what extension data is on {meeting}', 'does {meeting} have extensions', 'extensions of {meeting}', 'list the extensions of {meeting}', 'show extensions for {meeting}', 'what extensions does {meeting} have', 'meeting extensions {meeting}', 'custom data of {meeting}', 'extension list for {meeting}'],
    zh: ['{meeting} 有哪些扩展', '{meeting} 挂了什么扩展', '{meeting} 的扩展', '列出 {meeting} 的扩展', '查看会议扩展 {meeting}'],
  },
  'extensions.add': {
    en: ['attach extension id {keyword} to {meeting}', 'add extension roamed organizer data to {meeting}', 'add an extension to {meeting}', 'attach extension to {meeting}', 'add roamed participant data extension to {meeting}', 'create an extension on {meeting}', 'put extension undefined on {meeting}', 'add custom data to {meeting}', 'new extension for {meeting}'],
    zh: ['给 {meeting} 加一个扩展', '添加一个扩展', '给 {meeting} 添加扩展', '添加扩展到 {meeting}', '为 {meeting} 新增扩展'],
  },
  'groups.list': {
    en: ['which contact groups have I got', 'what contact groups exist', 'my groups', 'list my groups', 'show my contact groups', 'what groups do I have', 'contact groups', 'list contact groups', 'show groups', 'which groups are there', 'my contact lists', 'my lists of contacts', 'what contact lists do I have', 'groups of contacts I have', 'groups', 'my contact groups please'],
    zh: ['我有哪些分组', '我的分组', '列出我的分组', '联系人分组', '显示分组', '我的联系人列表', '我有几个分组'],
  },
  'groups.members': {
    en: ['which contacts are in {group}', 'who is in my {group} group', 'who is in {group}', 'members of {group}', 'list the members of group {group}', 'show the contacts in {group}', 'who belongs to {group}', 'list contacts of group {group}', 'who are the members of {group} group', 'people in group {group}'],
    zh: ['{group} 这个分组有哪些联系人', '{group} 这个分组里有什么人', '看看 {group} 的成员', '{group} 里有谁', '分组 {group} 的成员', '列出 {group} 的联系人', '{group} 分组成员'],
  },
  'groups.create': {
    en: ['new contact group {group}', 'I need a new group called {group}', 'add contact group {group}', 'add a new contact group {group}', 'create group {group}', 'new group {group}', 'make a contact group called {group}', 'add a group named {group}', 'create a contact group {group}', 'set up a group {group}', 'create a new group called {group}'],
    zh: ['建个联系人分组 {group}', '帮我建一个分组叫 {group}', '创建联系人分组 {group}', '创建分组 {group}', '新建分组 {group}', '添加一个分组 {group}', '建一个叫 {group} 的分组'],
  },
  'groups.rename': {
    en: ['rename {group} to {name} where {group} is a group', 'change my {group} group\'s name to {name}', 'rename {group} to {name}', 'change the group name {group} to {name}', 'rename group {group} to {name}', 'rename {group} group to {name}', 'change the name of group {group} to {name}', 'call group {group} {name} instead', 'rename my group {group} as {name}', 'group {group} should be renamed {name}'],
    zh: ['把 {group} 这个分组改名叫 {name}', '把 {group} 分组重命名成 {name}', '把分组 {group} 改名为 {name}', '重命名分组 {group} 为 {name}', '分组 {group} 改名成 {name}'],
  },
  'groups.delete': {
    en: ['I do not need the {group} group anymore delete it', 'delete group {group}', 'remove group {group}', 'delete the contact group {group}', 'get rid of group {group}', 'remove my {group} group', 'drop the group {group}', 'erase group {group}'],
    zh: ['把 {group} 这个分组删了', '删除分组 {group}', '移除分组 {group}', '把分组 {group} 删掉'],
  },
  'groups.presence': {
    en: ['follow status changes of {group}', 'let me know when anyone in {group} changes status', 'keep me posted on who is available in {group}', 'watch presence of {group}', 'subscribe to presence of {group}', 'presence of group {group}', 'track the status of {group}', 'tell me when {group} come online', 'follow the presence of group {group}', 'watch the availability of {group}', 'is anyone in {group} online'],
    zh: ['订阅 {group} 成员的状态', '{group} 的人上线时告诉我', '关注 {group} 的状态', '订阅 {group} 的在线状态', '分组 {group} 的在线状态', '{group} 的人在线吗'],
  },
  'groups.presenceStop': {
    en: ['unsubscribe from the presence of the {group} group', 'stop watching presence of {group}', 'stop presence updates for {group}', 'unsubscribe from the presence of {group}', 'no more status updates for {group}', 'stop tracking the status of {group}', 'cancel the presence subscription for group {group}', 'quit following the availability of {group}', 'end presence alerts for {group}', 'do not tell me when {group} come online anymore', 'stop the status updates of group {group}'],
    zh: ['别再推送 {group} 的在线状态', '以后不用告诉我 {group} 的状态', '停止关注 {group} 的状态', '取消订阅 {group} 的在线状态', '不再关注分组 {group} 的在线状态', '别再告诉我 {group} 的状态了', '取消关注 {group} 的状态'],
  },
  'huawei.ongoing': {
    en: ['find ongoing meetings about {keyword}', 'search for running meetings on {keyword}', 'look for live calls about {keyword}', 'did {person} start the {keyword} call', 'has the {keyword} meeting started', 'is the {keyword} call still going', 'meetings happening now', 'what is going on right now', 'any {keyword} meetings running', 'ongoing meetings with {keyword} in the title', 'is the {keyword} call running', 'are there {keyword} meetings in progress', 'list ongoing meetings', 'ongoing meetings about {keyword}', 'show the meetings in progress', 'which meetings are running now', 'current meetings', 'list all ongoing meetings', 'what meetings are happening right now', 'live meetings about {keyword}', 'active conferences', 'ongoing conferences matching {keyword}', 'meetings in progress now', 'in progress meetings', 'meetings in progress now', 'ongoing ones'],
    zh: ['全公司正在开的会', '跟 {keyword} 相关的会有在开的吗', '搜一下 {keyword}', '{keyword} 在开的会', '有正在开的 {keyword} 会议吗', '列出进行中的会议', '进行中的会议', '正在开的会议', '关于 {keyword} 的进行中会议', '现在有哪些会议在开', '所有进行中的会议'],
  },
  'huawei.scheduled': {
    en: ['find scheduled meetings about {keyword}', 'search upcoming meetings for {keyword}', 'reserved conferences on {keyword}', 'booked meetings with {keyword} in the subject', 'meetings that have not started yet', 'do we have any {keyword} meetings scheduled', 'are there {keyword} meetings coming up', 'list scheduled meetings', 'upcoming meetings', 'scheduled meetings about {keyword}', 'what meetings are coming up', 'show future meetings', 'planned conferences', 'list all scheduled meetings', 'which meetings are booked', 'upcoming conferences about {keyword}', 'meetings later today'],
    zh: ['接下来的会议', '还没开始的会有哪些', '之后要开的会', '预约了哪些和 {keyword} 有关的会', '列出预约的会议', '预约的会议', '即将召开的会议', '关于 {keyword} 的预约会议', '有哪些预定的会议', '之后安排的华为云会议', '华为云上预约的会', '华为云接下来的会议'],
  },
  'page.next': {
    en: ['give me more', 'show me the rest', 'more please', 'back', 'next page', 'next', 'more', 'show more', 'next one', 'previous page', 'go back a page', 'page {id}', 'more results', 'continue the list', 'the following page'],
    zh: ['下一页', '更多', '上一页', '继续', '第 2 页'],
  },
  'huawei.details': {
    en: ["what's happening in {id}", 'what is going on in meeting {id}', 'when does {id} start', 'who is the host of {id}', 'details of meeting {id}', 'show meeting {id}', 'info about {id}', 'what is meeting {id}', 'describe conference {id}', 'details for {id}', 'tell me about conference {id}', 'show me the details of {id}'],
    zh: ['{id} 的主持人是谁', '{id} 这个会是干什么的', '会议 {id} 的详情', '查看会议 {id}', '{id} 的详细信息', '会议 {id} 的信息'],
  },
  'huawei.participants': {
    en: ['how many attendees does {id} have', 'attendees of {id}', 'show the attendees of meeting {id}', 'who is in conference {id}', "who's in meeting {id}", 'participants of {id}', 'list attendees of {id}', 'who joined {id}', 'show participants in conference {id}', 'who is attending {id}', 'people in meeting {id}', 'who is on the call {id}'],
    zh: ['{id} 有多少人在线', '{id} 里都是谁', '会议 {id} 里有谁', '{id} 的参会人', '列出会议 {id} 的与会者', '谁在会议 {id} 里'],
  },
  'huawei.admitWaiting': {
    en: ['admit everyone waiting in {id}', 'let the waiting room of {id} in', 'admit all waiting in meeting {id}', 'let everybody waiting in {id} join', 'clear the waiting room of {id}', 'admit the waiting room {id}', 'let all waiting people into {id}', 'release the waiting room in conference {id}'],
    zh: ['把 {id} 等着的人都拉进会', '把 {id} 等候的人放进来', '让 {id} 等候室的人都进来', '等候室全部准入 {id}', '会议 {id} 等候室的人全部进来', '准入 {id} 等候室所有人'],
  },
  'huawei.watch': {
    en: ['watch my Huawei meeting {id}', 'watch my huawei meeting {meeting}', 'watch huawei meeting {id}', 'alert me when someone waits in my Huawei meeting {meeting}', 'watch the waiting room of huawei meeting {id}', 'monitor my Huawei Cloud meeting {meeting}', 'keep an eye on the waiting room of Huawei meeting {id}', 'start huawei waiting room alerts for {meeting}'],
    zh: ['关注我的华为会议 {id}', '关注华为会议 {meeting}', '华为会议 {id} 等候室有人时提醒我', '帮我盯着华为会议 {meeting} 的等候室', '监控华为云会议 {id}'],
  },
  'huawei.unwatch': {
    en: ['stop watching my Huawei meeting {id}', 'stop watching huawei meeting {meeting}', 'unwatch huawei meeting {id}', 'no more waiting room alerts for huawei meeting {meeting}', 'stop huawei waiting room alerts for {id}', 'stop watching all my huawei meetings'],
    zh: ['取消关注华为会议 {id}', '停止关注华为会议 {meeting}', '不再关注我的华为会议 {id}', '取消所有华为会议的关注'],
  },
  'huawei.end': {
    en: ['kill meeting {id}', 'end the call {id} now', 'end meeting {id}', 'end {id}', 'stop meeting {id}', 'terminate conference {id}', 'close meeting {id}', 'finish {id}', 'end the call {id}', 'shut down meeting {id}', 'hang up {id} for everyone'],
    zh: ['结束会议 {id}', '结束 {id}', '关闭会议 {id}', '终止会议 {id}', '把会议 {id} 结束掉'],
  },
  'huawei.mute': {
    en: ['let everyone speak again in {id}', 'turn everyone\'s mic back on in {id}', 'mute all mics in {id}', 'mute everybody in {id}', 'mute the participants of meeting {id}', 'mute everyone in {id}', 'unmute everyone in {id}', 'mute all in meeting {id}', 'mute {id}', 'unmute {id}', 'silence meeting {id}', 'mute all participants of {id}', 'turn off mute in {id}', 'unmute all in conference {id}', 'mute the whole meeting {id}'],
    zh: ['会议 {id} 全体静音', '全体静音 {id}', '取消静音 {id}', '会议 {id} 取消全体静音', '把 {id} 全部静音'],
  },
  'huawei.lock': {
    en: ['lock the conference {id}', 'unlock the meeting {id}', 'lock {id}', 'lock meeting {id}', 'unlock {id}', 'unlock meeting {id}', 'lock conference {id}', 'lock the meeting {id} so nobody else joins', 'unlock the conference {id}', 'open meeting {id} again'],
    zh: ['锁定会议 {id}', '锁定 {id}', '解锁会议 {id}', '解锁 {id}', '把会议 {id} 锁上'],
  },
  [NONE_INTENT]: {
    en: ['that was a good meeting', 'the call went well', 'we had a long call yesterday', 'remind me to {keyword}', 'set a reminder to {keyword}', 'set an alarm for {keyword}', 'book a flight to {keyword}', 'book a train ticket', 'book a taxi', 'book a table for dinner', 'calculate 5 plus 7', 'reserve a hotel room', 'what is the capital of France', 'tell me something funny', 'sing a song', 'what time is it', 'how old are you', 'hello', 'hi there', 'thanks', 'thank you', 'good morning', 'what is the weather like', 'tell me a joke', 'ok', 'cool', 'bye', 'how are you', 'lol', 'who won the game last night', 'order a pizza', 'sounds good', 'nice work', 'the build is broken again', 'see you tomorrow'],
    zh: ['你好', '谢谢', '今天天气怎么样', '讲个笑话', '再见', '好的'],
  },
};

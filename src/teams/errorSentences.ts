import { findAdapterError, ServiceError, userMessageOf } from '../errors.js';
import type { Language } from '../nlu/recognition.js';
import { lookup } from '../tables.js';
import { codeForStatus, UcwaError, type UcwaProblem } from '../ucwa/index.js';
import { HuaweiError } from '../huawei/index.js';
import { huaweiErrorSentence } from './huaweiErrorSentences.js';

/**
 * The sentences people read when a service refused or failed, in English and Chinese. Adapters return typed errors
 * (status, code, subcode, a typed problem); the words live here, on the Teams side. Plain text by contract: callers
 * put it into markdown through `md`/`escapeMarkdown`, since a detail may quote what was typed.
 */
type Words = Record<Language, string>;

// Subcodes named on the UCWA seed pages and the generic ones a bot meets; anything else falls back to the code.
const ucwaSubcodes: Record<string, Words> = {
  InvalidExchangeServerVersion: {
    en: "Skype for Business can't reach a supported Exchange mailbox for this, so the feature isn't available for this account.",
    zh: 'Skype for Business 无法访问受支持的 Exchange 邮箱，因此此帐户无法使用该功能。',
  },
  CallbackChannelError: { en: "Skype for Business couldn't reach my event channel. Please try again in a moment.", zh: 'Skype for Business 无法连接我的事件通道，请稍后重试。' },
  AlreadyExists: { en: 'That already exists in Skype for Business.', zh: '该项在 Skype for Business 中已存在。' },
  TooManyGroups: { en: 'You have reached the maximum number of contact groups in Skype for Business.', zh: '您在 Skype for Business 中的联系人组已达上限。' },
  None: { en: "Skype for Business doesn't support that request right now.", zh: 'Skype for Business 目前不支持该请求。' },
  CannotRedirect: {
    en: 'Skype for Business is unavailable: your home server is down and no backup pool is configured. Please try again later.',
    zh: 'Skype for Business 不可用：您的主服务器已停止运行，且未配置备用池。请稍后重试。',
  },
  Forbidden: { en: "Skype for Business says you don't have permission to do that.", zh: 'Skype for Business 表示您无权执行此操作。' },
  ApplicationNotFound: { en: 'My Skype for Business session expired. Please try again.', zh: '我的 Skype for Business 会话已过期，请重试。' },
  InactiveApplicationExpired: { en: 'My Skype for Business session expired after being idle. Please sign in again.', zh: '我的 Skype for Business 会话因闲置已过期，请重新登录。' },
  TooManyApplications: { en: 'You are signed in to Skype for Business from too many apps. Sign out of one and try again.', zh: '您在太多应用中登录了 Skype for Business。请退出其中一个后重试。' },
  UserAgentNotAllowed: { en: 'Your Skype for Business server does not allow this bot to sign in. Please contact your administrator.', zh: '您的 Skype for Business 服务器不允许此机器人登录，请联系管理员。' },
  ParameterValidationFailure: { en: 'Skype for Business rejected some of the details I sent.', zh: 'Skype for Business 拒绝了我发送的部分信息。' },
  TooManyOnlineMeetings: { en: 'You have reached the maximum number of Skype meetings. Delete an old one and try again.', zh: '您的 Skype 会议数量已达上限。请删除一个旧会议后重试。' },
  DestinationNotFound: { en: "I couldn't find that Skype meeting.", zh: '找不到该 Skype 会议。' },
  PGetReplaced: { en: 'Another copy of this session took over the event channel.', zh: '此会话的另一个副本接管了事件通道。' },
  TooManyLobbyParticipants: { en: 'Too many people are waiting in the lobby.', zh: '大厅中等候的人太多。' },
  Denied: { en: 'The lobby participant was denied entry to the meeting.', zh: '大厅中的与会者被拒绝进入会议。' },
  MigrationInProgress: { en: 'Your contact list is being migrated and is read-only for now. Please try again later.', zh: '您的联系人列表正在迁移，暂时只读。请稍后重试。' },
};

const ucwaCodes: Record<string, Words> = {
  BadRequest: { en: 'Skype for Business did not accept that request.', zh: 'Skype for Business 未接受该请求。' },
  Forbidden: { en: "Skype for Business says you don't have permission to do that.", zh: 'Skype for Business 表示您无权执行此操作。' },
  NotFound: { en: 'That no longer exists in Skype for Business (it may have ended or been deleted).', zh: '该项在 Skype for Business 中已不存在（可能已结束或被删除）。' },
  Conflict: { en: 'Skype for Business could not do that right now because something changed. Please try again.', zh: '由于情况有变，Skype for Business 暂时无法执行此操作。请重试。' },
  Gone: { en: 'That Skype for Business session has ended. Please sign in again.', zh: '该 Skype for Business 会话已结束，请重新登录。' },
  PreconditionFailed: { en: 'Someone else changed that at the same time. Please try again.', zh: '有人同时修改了该项，请重试。' },
  PreConditionFailed: { en: 'Someone else changed that at the same time. Please try again.', zh: '有人同时修改了该项，请重试。' },
  TooManyRequests: { en: 'Skype for Business is busy. Please try again in a moment.', zh: 'Skype for Business 正忙，请稍后重试。' },
  ServiceFailure: { en: 'Skype for Business had a problem on its side. Please try again in a moment.', zh: 'Skype for Business 端出现问题，请稍后重试。' },
  ServiceUnavailable: { en: 'Skype for Business is temporarily unavailable. Please try again in a moment.', zh: 'Skype for Business 暂时不可用，请稍后重试。' },
  Timeout: { en: 'Skype for Business took too long to answer. Please try again.', zh: 'Skype for Business 响应超时，请重试。' },
  ForeignOrigin: { en: 'I refused to follow a Skype for Business link to an unexpected server.', zh: '我拒绝了指向意外服务器的 Skype for Business 链接。' },
  NetworkFailure: { en: "I couldn't reach the Skype for Business server. Please try again in a moment.", zh: '无法连接 Skype for Business 服务器，请稍后重试。' },
  InvalidResponse: { en: 'The Skype for Business server sent an answer I could not understand.', zh: 'Skype for Business 服务器返回了无法识别的响应。' },
  SignInFailed: { en: "I couldn't sign in to Skype for Business with those credentials.", zh: '无法使用这些凭据登录 Skype for Business。' },
  NotSignedIn: { en: 'Please sign in to Skype for Business first.', zh: '请先登录 Skype for Business。' },
  MissingLink: {
    en: "Skype for Business doesn't offer that action here (you may not have permission, or it isn't available).",
    zh: 'Skype for Business 在此不提供该操作（您可能没有权限，或该操作不可用）。',
  },
  InvalidInput: { en: 'Some of the details are not valid.', zh: '部分信息无效。' },
  Aborted: { en: 'The request was cancelled.', zh: '请求已取消。' },
};

const ucwaFallback: Words = { en: 'Skype for Business could not do that. Please try again.', zh: 'Skype for Business 无法执行此操作，请重试。' };
const generic: Words = { en: 'Something went wrong on my side. Please try again in a moment.', zh: '我这边出了点问题，请稍后再试。' };

/** Our own findings, worded; `detail`s are our technical texts (field names), shown as they are. */
function problemSentence(problem: UcwaProblem, language: Language): string {
  const zh = language === 'zh';
  switch (problem.kind) {
    case 'notMeetingAddress':
      return zh ? '这看起来不像 Skype 会议地址。' : "That doesn't look like a Skype meeting address.";
    case 'participantNotActionable':
      if (problem.action === 'admit') return zh ? '无法准入此人：此人已不在等候，或您无权在此会议中准入他人。' : "I can't admit that person: they are no longer waiting, or you can't admit people in this meeting.";
      return zh ? '无法拒绝此人：此人已不在等候，或您无权管理此大厅。' : "I can't deny that person: they are no longer waiting, or you can't manage this lobby.";
    case 'groupNameLength':
      return zh ? `组名须为 1 到 ${problem.max} 个字符。` : `A group name must be 1 to ${problem.max} characters long.`;
    case 'credentialsMissing':
      return zh ? '请同时提供用户名和密码。' : 'Please give both a user name and a password.';
    case 'tokenEndpointElsewhere':
      return zh ? 'Skype for Business 服务器要求在另一台服务器上输入密码，因此我没有发送密码。' : 'The Skype for Business server asked for your password on a different server, so I did not send it.';
    case 'passwordGrantUnsupported':
      return zh ? '此 Skype for Business 服务器不接受密码登录，需要使用 Azure AD 登录。' : "This Skype for Business server doesn't accept password sign-in; an Azure AD sign-in is needed.";
    case 'passwordRefused':
      return zh ? 'Skype for Business 未接受该用户名和密码。' : "Skype for Business didn't accept that user name and password.";
    case 'signInFailed':
      return zh ? '无法登录 Skype for Business。' : "I couldn't sign in to Skype for Business.";
    case 'meetingInvalid':
      return zh ? `无法保存该会议：${problem.problems.join('；')}。` : `That meeting can't be saved: ${problem.problems.join('; ')}.`;
    case 'extensionInvalid':
      return zh ? `无效：${problem.detail}。` : `That isn't valid: ${problem.detail}.`;
    case 'serverNotFound':
      return zh ? '找不到您的 Skype for Business 服务器，请检查发现地址。' : "I couldn't find your Skype for Business server. Please check the discovery address.";
    case 'unsafeDiscovery':
      return zh ? 'Skype for Business 发现过程指向了不安全的地址，因此我已停止。' : 'Skype for Business discovery pointed to an unsafe address, so I stopped.';
  }
}

/** A UCWA failure as people read it: our own problem first, then the server's subcode, code, and HTTP status. */
export function ucwaSentence(error: Pick<UcwaError, 'status' | 'code' | 'subcode' | 'problem'>, language: Language): string {
  if (error.problem) return problemSentence(error.problem, language);
  const words =
    (error.subcode ? lookup(ucwaSubcodes, error.subcode) : undefined) ??
    lookup(ucwaCodes, error.code) ??
    (error.status === undefined ? undefined : lookup(ucwaCodes, codeForStatus(error.status)));
  return (words ?? ucwaFallback)[language];
}

/**
 * What to tell a person about any error, in their language: a UCWA or Huawei failure worded on this side; another adapter's own
 * (English) sentence while it still carries one; else a safe generic sentence, never the error's text.
 */
export function errorSentenceOf(error: unknown, language: Language = 'en'): string {
  const found = findAdapterError(error);
  if (found instanceof UcwaError) return ucwaSentence(found, language);
  if (found instanceof HuaweiError) return huaweiErrorSentence(found, language);
  if (found instanceof ServiceError) return userMessageOf(found);
  return generic[language];
}

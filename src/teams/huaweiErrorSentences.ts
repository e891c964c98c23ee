import { HuaweiError } from '../huawei/index.js';
import type { Language } from '../nlu/recognition.js';
import { lookup } from '../tables.js';

/**
 * What a failed Huawei call means to the person, in English and Chinese: the Teams side words the adapter's typed
 * errors (code, status, whether the bot's own credentials were refused).
 */
const accountNotFound = {
  en: "Your Huawei Cloud Meeting account wasn't found. Ask an administrator to add you to the enterprise.",
  zh: '找不到您的华为云会议账号，请让管理员把您加入企业。',
};
const credentialsRejected = {
  en: "Huawei Cloud Meeting rejected the bot's app credentials (App ID or App Key). Ask an administrator to check the bot's Huawei settings.",
  zh: '华为云会议拒绝了机器人的应用凭据（App ID 或 App Key），请让管理员检查机器人的华为设置。',
};

const byCode: Record<string, Record<Language, string>> = {
  'MMC.111072065': { en: "I couldn't find that meeting, or Huawei Cloud Meeting didn't let me control it.", zh: '找不到该会议，或华为云会议不允许我控制它。' },
  'MMC.111070005': { en: "That meeting doesn't exist or has already ended.", zh: '该会议不存在或已经结束。' },
  'MMC.111072005': { en: "That meeting hasn't started yet or has already ended.", zh: '该会议尚未开始或已经结束。' },
  'MMC.111072013': { en: 'That meeting ID belongs to a different meeting room meeting.', zh: '该会议 ID 属于另一个云会议室会议。' },
  'MMC.111072014': { en: 'That meeting room meeting has already ended.', zh: '该云会议室会议已经结束。' },
  'MMC.111072015': { en: "That meeting room meeting hasn't started yet.", zh: '该云会议室会议尚未开始。' },
  'USG.201040000': accountNotFound,
  'USG.206030000': accountNotFound,
  'USG.206010007': { en: "Your Huawei Cloud Meeting account isn't activated yet.", zh: '您的华为云会议账号尚未激活。' },
  'USG.206010025': credentialsRejected,
  'USG.206010057': credentialsRejected,
  'USG.206010000': credentialsRejected,
  'USG.000000004': { en: 'My Huawei Cloud Meeting sign-in expired. Please try again.', zh: '我的华为云会议登录已过期，请重试。' },
  'USG.000000005': { en: 'My Huawei Cloud Meeting sign-in expired. Please try again.', zh: '我的华为云会议登录已过期，请重试。' },
  NOT_HOST: { en: 'Only the meeting host or a Huawei Cloud Meeting administrator can do that.', zh: '只有会议主持人或华为云会议管理员才能这样做。' },
  TIMEOUT: { en: 'Huawei Cloud Meeting took too long to answer. Please try again in a moment.', zh: '华为云会议响应超时，请稍后再试。' },
  NETWORK: { en: "I couldn't reach Huawei Cloud Meeting. Please try again in a moment.", zh: '无法连接华为云会议，请稍后再试。' },
  BAD_RESPONSE: { en: 'Huawei Cloud Meeting sent an answer I could not read. Please try again later.', zh: '华为云会议返回了无法识别的应答，请稍后再试。' },
  NO_CREDENTIALS: { en: 'The bot has no Huawei Cloud Meeting credentials configured. Ask an administrator to set them up.', zh: '机器人尚未配置华为云会议凭据，请联系管理员。' },
};

const byStatus: Record<string, Record<Language, string>> = {
  400: { en: 'Huawei Cloud Meeting did not accept that request.', zh: '华为云会议没有接受该请求。' },
  401: {
    en: "Huawei Cloud Meeting did not accept the bot's sign-in. Please try again; if it keeps happening, ask an administrator to check the bot's Huawei settings.",
    zh: '华为云会议没有接受机器人的登录。请重试；如果一直出现，请让管理员检查机器人的华为设置。',
  },
  403: { en: "You don't have permission to do that in Huawei Cloud Meeting.", zh: '您没有在华为云会议中执行此操作的权限。' },
  404: { en: "I couldn't find that in Huawei Cloud Meeting.", zh: '在华为云会议中找不到它。' },
  412: { en: 'That Huawei Cloud Meeting account is disabled.', zh: '该华为云会议账号已被停用。' },
  423: { en: 'That Huawei Cloud Meeting account is locked.', zh: '该华为云会议账号已被锁定。' },
  429: { en: 'Huawei Cloud Meeting is busy right now. Please try again in a moment.', zh: '华为云会议当前繁忙，请稍后再试。' },
};

const serverTrouble = { en: 'Huawei Cloud Meeting is having trouble right now. Please try again in a moment.', zh: '华为云会议暂时出现问题，请稍后再试。' };
const somethingWrong = { en: 'Something went wrong talking to Huawei Cloud Meeting. Please try again in a moment.', zh: '与华为云会议通信时出了点问题，请稍后再试。' };

/**
 * Plain text (the caller escapes it for markdown). Left to do: INVALID_ARGUMENT still shows the adapter's own English
 * description of the rule that was broken (page size, search length …), as before.
 */
export function huaweiErrorSentence(error: HuaweiError, language: Language): string {
  if (error.isCredentialFailure || error.isSignInRefused) return credentialsRejected[language];
  if (error.code === 'INVALID_ARGUMENT') return error.userMessage;
  const known = error.code ? lookup(byCode, error.code) : undefined;
  if (known) return known[language];
  const status = error.status === undefined ? undefined : lookup(byStatus, String(error.status));
  if (status) return status[language];
  if (error.status !== undefined && error.status >= 500) return serverTrouble[language];
  return somethingWrong[language];
}

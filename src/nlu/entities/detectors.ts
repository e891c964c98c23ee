import type { Entities } from '../catalog.js';
import { chineseDigit, isMeetingId, type Token } from '../text.js';

/** Single values read from anywhere in the sentence: meeting ids, quoted names, settings, toggles, pages. */

export function meetingIdIn(tokens: Token[], text: string): string | undefined {
  const token = tokens.find((t) => !t.quoted && isMeetingId(t.original));
  if (token) {
    return token.original;
  }
  return /(?<!\d)(\d{6,12})(?!\d)/u.exec(text)?.[1];
}

export function quotedIn(tokens: Token[]): string | undefined {
  return tokens.find((t) => t.quoted)?.original;
}

export function accessLevelIn(text: string): string | undefined {
  if (/\b(?:lock(?:ed)?|closed|nobody|no one|noone)\b|锁定|锁上/iu.test(text)) {
    return 'Locked';
  }
  if (/\b(?:same (?:enterprise|company|organi[sz]ation)|(?:my|our) (?:company|organi[sz]ation|enterprise|firm)|internal(?: only)?|company[- ]only|in-?house(?: only)?|colleagues only|coworkers only|employees only|staff only|only (?:colleagues|coworkers|employees|staff)|(?:company|internal|our) (?:people|staff|employees|folks)(?: only)?|(?:people|anyone|everyone|everybody|only people|folks) (?:in|from|at|inside) (?:my|our|the) (?:company|org|organi[sz]ation|enterprise|firm))\b|同一企业|企业内部|公司内部|本公司|本企业/iu.test(text)) {
    return 'SameEnterprise';
  }
  if (/\b(?:invit(?:ed|ees)[- ]only|invited (?:people|guests|attendees)|only invit(?:ed|ees)|invite[- ]only|invited)\b|受邀|仅邀请|被邀请/iu.test(text)) {
    return 'Invited';
  }
  if (/\b(?:open to (?:everyone|anyone|all|everybody)|(?:everyone|anyone|everybody|anybody) can (?:join|enter|come in|get in)|public|open)\b|所有人|公开|任何人|(?:大家|谁)都?(?:可以|能)(?:进|加入|参加|入会)/iu.test(text)) {
    return 'Everyone';
  }
  return undefined;
}

export function phoneBypassIn(text: string): string | undefined {
  if (!/\b(?:phone|dial ?in|dial-in|pstn|callers?)\b|电话|拨号|拨入/iu.test(text)) {
    return undefined;
  }
  // Chinese says "no need to wait" (不用等) for bypassing, and "must wait too" (也要…等) for not: negation first.
  // "no lobby bypass for dial-in", "without the lobby bypass": the bypass said away (CN: it was read as wanted).
  if (/\b(?:not|dont|never|no longer|stop|cannot|cant|shouldnt|mustnt) (?:let .+ )?(?:bypass|skip)|\b(?:no|without(?: the| a)?|minus) (?:lobby )?bypass(?:ing)?\b|\b(?:turn|switch) off (?:the )?(?:lobby )?bypass|\b(?:disable|remove|end) (?:the )?(?:lobby )?bypass|不(?:能|要|可以|准|许)(?:再)?(?:绕过|跳过|直接)|(?:不要|别|不准|不许)(?:再)?让.{0,12}(?:绕过|跳过|直接进)/iu.test(text)) {
    return 'Disabled';
  }
  // "把…的电话用户跳过大厅关掉": the bypass itself switched off.
  if (/(?:绕过|跳过|免等|直接进)(?:大厅|等候室)?(?:的?(?:功能|设置|选项))?\s*(?:给)?(?:关掉|关闭|取消|禁用|去掉|停掉|关了)/u.test(text)) {
    return 'Disabled';
  }
  // "so dial-in callers dont have to wait in the lobby": the wait said away is the bypass.
  if (/\b(?:dont|don't|do not|doesnt|doesn't|does not|no longer|never|wont|won't|shouldnt|shouldn't|not) (?:have to |need to |needs? to |must |got to |be made to )?(?:wait|go through (?:the )?lobby|sit in (?:the )?lobby)\b|\bwithout (?:waiting|the lobby)\b/iu.test(text)) {
    return 'Enabled';
  }
  if (/(?:不用|无需|不必|不需要)(?:再)?(?:在大厅里?)?等|免等|直接(?:进入|进|入会|加入|进会)|绕过|跳过/u.test(text)) {
    return 'Enabled';
  }
  if (/\b(?:wait|waits|go through) (?:in )?(?:the )?lobby|\bdisabled?\b|等待|(?:也|都|要|需要|得|必须|一样)(?:要)?(?:在大厅)?(?:里)?等|禁用/iu.test(text)) {
    return 'Disabled';
  }
  if (/\b(?:bypass|skip|avoid|straight in|enabled?|directly)\b|启用/iu.test(text)) {
    return 'Enabled';
  }
  return undefined;
}

/**
 * Leaders named by name rather than address ("with Anna and Raj as leaders", "make Sarah Lee the leader",
 * "王伟和李娜当主持人"): the create dialog then asks for their addresses instead of dropping them.
 */
export function leaderNamesIn(text: string): string[] | undefined {
  const name = String.raw`\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*)*`;
  const names = String.raw`${name}(?:\s*,\s*${name})*(?:,?\s+and\s+${name})?`;
  const role = String.raw`(?:leaders?|presenters?|hosts?|co-?organi[sz]ers?)`;
  const english = [
    new RegExp(String.raw`\bwith (${names}) as (?:the |our )?${role}\b`, 'u'),
    new RegExp(String.raw`\bmake (${names}) (?:the |a |our )?${role}\b`, 'u'),
    // "…, Anna and Raj as presenters": the names open their clause.
    new RegExp(String.raw`(?:^|,\s*)(${names}) as (?:the |our )?${role}\b`, 'u'),
    new RegExp(String.raw`\b${role}(?: are| is|:)?\s+(${names})`, 'u'),
    // "…, Mehmet presenting": the leader named, then what they do.
    new RegExp(String.raw`(?:^|,\s*)(${names})(?: (?:is|are|will be))? (?:presenting|hosting|leading|presents|hosts|leads)\b`, 'u'),
    // "… on thursday 9:30 with Ana and Raj presenting": the leaders after "with", then what they do.
    new RegExp(String.raw`\bwith (${names}) (?:presenting|hosting|leading)\b`, 'u'),
    // "…, Anna and Raj present", "Lee will host": the bare verb (said with will/to, or last in its clause); "Anna is
    // present" says she attends, so "is/are" before the bare verb names no leader.
    new RegExp(String.raw`(?:^|,\s*)(${names})(?: (?:will|to|are going to|is going to|gonna))? (?:present|host|lead|co-?host)(?=\s*(?:$|[,.;!]|and\b))`, 'u'),
  ];
  for (const pattern of english) {
    const found = pattern.exec(text)?.[1];
    if (found) {
      return found.split(/\s*,\s*(?:and\s+)?|\s+and\s+/u).map((n) => n.trim()).filter(Boolean);
    }
  }
  // "设李娜和王强为主持人", "指定刘波当主持人", "主持人是张敏": who leads, said with the role word before or after.
  // People type spaces around the names they list ("主持人是 李强 和 何雪"), so 和/、 may carry spaces either side.
  // A Latin name may stand in the list too ("主讲人是王芳和 David").
  const zhName = String.raw`(?:[\u4e00-\u9fff]{2,20}?|\p{Lu}[\p{L}'.-]*)`;
  const zhNames = String.raw`(?:[\u4e00-\u9fff、和]{2,20}?|\p{Lu}[\p{L}'.-]*)(?:\s*[和、]\s*${zhName})*`;
  const chinese = new RegExp(String.raw`(?:^|[，,\s])(?:让|请|由|设置?|指定|安排|把)?\s*(${zhNames})\s*(?:来)?(?:当|做|作为|担任|为|设为|设置为|当成)(?:会议)?(?:主持人|组织者|演示者|主讲人|主讲|讲者|分享人)`, 'u').exec(text)?.[1]
    ?? new RegExp(String.raw`(?:主持人|演示者|主讲人|主讲|讲者|分享人)(?:是|为|由|[:：])\s*(${zhNames})(?:来当|担任)?(?=[，,。；;\s]|$)`, 'u').exec(text)?.[1]
    // "…，主持人张伟和李娜": the role word opens its clause, the names follow it directly.
    ?? new RegExp(String.raw`(?:^|[，,])\s*(?:主持人|演示者|主讲人|分享人)\s*(${zhNames})(?=[，,。；;]|$)`, 'u').exec(text)?.[1]
    // "…，王磊主持", "由李娜和 David 主讲": the leaders, then the verb of leading, last in their clause.
    ?? new RegExp(String.raw`(?:^|[，,\s])(?:由|请|让)?\s*(${zhNames})\s*(?:来)?(?:主持|主讲|带领)(?=[，,。；;\s]|$)`, 'u').exec(text)?.[1];
  return chinese ? chinese.split(/\s*(?:和|、)\s*/u).map((n) => n.trim()).filter(Boolean) : undefined;
}

export function leadersIn(text: string): string[] | undefined {
  // The lookbehind starts a match only where an address can start; without it a long run of letters is retried
  // from every position inside it, which is quadratic in the length of the text.
  const found = text.match(/(?<![\p{L}\p{N}._%+-])(?:sip:)?[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu);
  return found && found.length > 0 ? [...new Set(found)] : undefined;
}

export function extensionTypeIn(text: string): Entities['extensionType'] {
  if (/organi[sz]er\s*data|roamedorganizerdata|\borgani[sz]er\b|组织者|主持人的?漫游|组织人/iu.test(text)) {
    return 'RoamedOrganizerData';
  }
  if (/participant\s*data|roamedparticipantdata|\bparticipant\b|参与者|参会者|参会人|与会者|与会人/iu.test(text)) {
    return 'RoamedParticipantData';
  }
  if (/\bundefined\b|未定义/iu.test(text)) {
    return 'Undefined';
  }
  return undefined;
}

export function pageIn(text: string): string {
  const number = /\bpage (\d+)\b|第\s*(\d+)\s*页|\bpage number (\d+)\b/iu.exec(text);
  if (number) {
    return number[1] ?? number[2] ?? number[3] ?? 'next';
  }
  // "第二页": the page's number written in Chinese.
  const han = /第\s*([一二两三四五六七八九十])\s*页/u.exec(text)?.[1];
  const written = han === undefined ? undefined : chineseDigit(han);
  if (written !== undefined) {
    return String(written);
  }
  if (/\b(?:previous|prev|back|before|last page|earlier)\b|上一页|前一页|上页|返回/iu.test(text)) {
    return 'previous';
  }
  return 'next';
}

export function turnsOff(intent: string, text: string): boolean {
  if (intent === 'huawei.mute') {
    return /\bun-?mute|\bmics? back on|\b(?:turn|switch) (?:their |everyones |the )?mics? (?:back )?on|\blet (?:people|everyone|everybody|them|folks|all)\b.*\b(?:talk|speak)\b|\b(?:turn|switch) off (?:the )?mute|\bstop muting|\bunsilence|\b(?:release|lift|remove) (?:the )?mute|\b(?:talk|speak) again\b|取消.{0,16}静音|解除.{0,16}静音|关闭静音|静音\s*(?:给)?(?:取消|解除|关掉|去掉|撤掉|解开|放开)|(?:可以|能)?(?:说话|发言|讲话|开麦)/iu.test(text);
  }
  return /\bun-?lock|\bopen (?:.+ )?(?:again|up)|\breopen|\b(?:remove|lift|release) (?:the )?lock|解锁|解除.{0,16}锁定|取消.{0,16}锁定|(?:设成|设为|改成|改为|调成|设置为|设置成)(?:不|不要|不再)(?:锁定|锁住|锁)|不(?:要|再)?锁了|的锁\s*(?:给)?(?:解开|打开|取消|解除|去掉|撤掉)/iu.test(text);
}

export function wantsAll(text: string): boolean {
  // "都放进来": 都 before the verb of letting in means all of them.
  // "open the lobby doors", 打开等候室的门: the doors opened let everyone waiting in.
  return /\b(?:all|every|everyone|everybody|whole|entire|company-?wide|enterprise|organi[sz]ation-?wide)\b|\bopen(?: up)? (?:the )?(?:lobby|waiting room)(?:'s|s)? (?:doors?|gates?)\b|所有|全部|全体|整个|^(?:把|就)?(?:他们|她们|人)?都(?:放|让|拉|请)?进|(?:打开|开开|开一下)(?:大厅|等候室)的?门/iu.test(text);
}

/** When creating, "everyone" and "open" are too common in subjects; only explicit access phrases count. */
export function createAccessLevel(text: string): string | undefined {
  if (/\b(?:locked|lock it)\b|锁定/iu.test(text)) {
    return 'Locked';
  }
  const level = accessLevelIn(text);
  // "所有人都能进", "任何人都可以加入", "anybody can get in": who may enter, said as a clause of its own.
  return level === 'Everyone' && !/\bopen to (?:everyone|anyone|all|everybody)|(?:everyone|anyone|everybody|anybody) (?:can|may) (?:join|enter|come in|get in)|(?:所有人|任何人|大家|谁)都?(?:可以|能)?(?:进入?|加入|入会|参加)/iu.test(text) ? undefined : level;
}

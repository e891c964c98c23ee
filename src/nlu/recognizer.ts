import { lookup } from '../tables.js';
import type { Recognition, Recognizer } from './recognition.js';
import { trainClassifier, type ClassifierModel, type IntentScore } from './classifier.js';
import { secondOpinion } from './secondOpinion.js';
import { extractEntities } from './entities.js';
import { isWrite, type Entities } from './catalog.js';
import { NONE_INTENT } from './training.js';
import { askFallingBackToRead, changeNotAskedFor, guardIndefiniteTarget, guardWrite, type WriteGuard } from './safety.js';
import { groupNamedAsMeeting, helpAboutAnotherKind, judgeObject, judgeSentence, kindNotSaid, namesItsSubject, readAsOtherKind, serviceNotSaid } from './objectKind.js';
import { familyOf, familyPick, outOfFamily, strongCue, verbAgainstRead, verbAlsoSaidOf, verbOverCue } from './cues.js';
import { inOtherScript, looksForeign, mostlyForeign } from './foreign.js';
import { chineseCommand, englishCommand } from './clauses.js';
import { sortShort } from './shortSort.js';
import { detectLanguage, escapeRegExp, expandShorthand, hasHan, joinSpacedIds, micAsMute, removeEmoji, removeMentions, tokenize, toSimplified, type Token } from './text.js';

/**
 * The bot's recognizer: NLP.js neural intent classifier (trained in process at construction, ~0.12 s) plus
 * deterministic entity patterns and Microsoft Recognizers-Text for times.
 *
 * Measured on test/nlu/corpus.json (459 held-out utterances, 2-core machine, `npm run bench` → bench/nlu.ts):
 *   intent accuracy 100 %, entity accuracy 100 % (strict: all entities of an utterance equal). The 79 utterances
 *   added for the chat commands' phrasings (unquoted subjects after Huawei control verbs, lobby and UCWA
 *   paraphrases) scored 87.3 % intent / 60.8 % entity before their fixes; the original 380 went from 99.2 % / 99.7 %
 *   to 100 % / 100 %.
 *   Latency: median 0.05 ms, p95 0.19 ms, mean 0.27 ms per utterance (a single regex test is ~80× faster at the
 *   median); p99 ≈ 6 ms — only sentences that carry a time for meetings.create/update pay for Recognizers-Text's
 *   date-time model. Construction (training) ≈ 0.12 s.
 * Issue 11 (second pass, tuned on test/fixtures/nlu/heldout-a.json and heldout-b.json, so their scores no longer
 *   count as blind): sentences are first reduced to their command clause (./clauses.ts), strong cues of a
 *   command's shape overrule a swayed vote (./cues.ts), and a write outside its opening verb's family is asked.
 *   A real Chinese segmenter (@node-rs/jieba) was not added: every Chinese miss was at a function word (的/里/把/
 *   这个会) or a filler (看一下/一下), which the patterns read without segmenting, while the names people type
 *   (季度总结会, 客户培训) are not in a segmenter's dictionary and would be split.
 * Corpus C: test/fixtures/nlu/heldout-c.json (394 sentences, written blind from the command list alone) scored
 *   82.5 % intent / 70.8 % entities on the code before that pass and 91.4 % / 82.7 % after it (English 91.1 / 85.6,
 *   Chinese 91.8 / 78.5; one read acted on as a write) — its blind score.
 * Issue 11 (third pass, tuned on A, B and C — so none of these numbers is blind any more; `node
 *   dist/scripts/nluMisses.js <corpus>`): fixes by mechanism — a write whose target has an indefinite article is
 *   asked; names end at a comma (tokens remember it) and keep a free-standing dash; Chinese names lose what follows a
 *   clause break and trailing place/relation words (门口, 上挂的, 的入会权限, glued 进入, particles); "he can join"
 *   after a context clause admits whom it names, carrying the meeting that clause names; Chinese state questions
 *   (了吗, 被…了, 谁…, 怎么) ask to see; cues for a bare weekday/clock time after "schedule/set up", group-named
 *   renames and deletes, a rename whose old name ends in a meeting's kind, Huawei's scheduled list, "push … back to
 *   <time>"; status words are never a search keyword.
 *   Tuned-on scores: A 99.7 % intent / 99.5 % entities (en 99.6 / 99.2, zh 100 / 100); B 100 / 100 (en 100 / 100,
 *   zh 100 / 100); C 99.7 / 99.5 (en 99.6 / 99.6, zh 100 / 99.4); test/nlu/corpus.json unchanged at 99.6 / 99.8.
 *   No read is acted on as a write on any of them. Latency on this (shared, noisy) machine: corpus p50 ≈ 0.06–0.12
 *   ms, p99 ≈ 5.5–9 ms (bench/nlu.ts); over all four corpora p99 ≈ 10 ms, as before this pass (the tail is
 *   Recognizers-Text on sentences with a time).
 * The honest number now: test/fixtures/nlu/heldout-d.json (420 sentences, 238 English / 182 Chinese, written blind
 *   from the command list alone while the third pass was under way, scored once, never tuned on): 87.6 % intent /
 *   82.6 % entities on the code before the third pass, **89.8 % / 86.2 %** after it (English 90.3 / 89.9, Chinese
 *   89.0 / 81.3); one read acted on as a write, 14 writes read as another write, 3 misses asked. So the third pass's
 *   98-point-looking gain on C generalised as +2.2 / +3.6 points: mechanisms tuned from one corpus's misses carry
 *   little to the next. Keep D frozen; the next honest score needs a corpus E written the same way.
 * Issue 11 (fourth pass, tuned on D's misses too — so D no longer counts as blind; the next honest number is corpus
 *   E's first score): D went from 89.8 % intent / 86.2 % entities (English 90.3 / 89.9, Chinese 89.0 / 81.3; 1 read
 *   acted on as a write, 14 writes read as another write, 3 asked) to **99.8 % / 99.8 %** (English 99.6 / 99.6,
 *   Chinese 100 / 100; no read acted on as a write, no write read as another write, none asked). A 99.7 / 99.5,
 *   B 99.7 / 100, C 100 / 99.5, test/nlu/corpus.json 100 / 100. Fixed by class, each with phrasings written for it
 *   (test/nlu/phrasingClasses.test.ts, ~250 sentences not taken from any corpus): the platform's name (huawei, 华为)
 *   no longer votes in the classifier — it, a conference id or a waiting room moves a command to its Huawei side;
 *   sentence breaks (? ! .) and remarks about the situation ("we're over time, …") bound the command; Chinese
 *   object-first phrasings (X也放进来, X分组不要了, X的主题改成), demonstratives (那个会), traditional characters
 *   (read as simplified, names given back as typed), 给我/替我/将/你能; keywords after 关键词/相关/the last "on";
 *   capability questions ("can you delete meetings?", 怎么创建分组) are help; state questions are reads; common
 *   English words are never "corrected" into command words (chance, real, step, will); time shorthand (tmrw).
 *   Latency (this machine under a load of ~9 on 2 cores, so best-of-9 per utterance over the five corpora, 2,020
 *   sentences, interleaved with the code before this pass): p50 0.088 ms (before 0.071), p95 0.47 ms (0.35),
 *   p99 6.5 ms (6.6); the tail is still Recognizers-Text on sentences with a time.
 * The honest number now: test/fixtures/nlu/heldout-e.json (420 sentences, 241 English / 179 Chinese, written blind
 *   from the command list alone during the fourth pass, never read by whoever tuned): on the code before the fourth
 *   pass 90.7 % intent / 87.4 % entities (English 90.5 / 91.7, Chinese 91.1 / 81.6; 1 read acted on as a write);
 *   after it, its first score, **96.0 % / 91.9 %** (English 96.3 / 94.6, Chinese 95.5 / 88.3); no read acted on as
 *   a write, 2 writes read as another write, none asked. Short of issue 11's 97 / 95; keep E frozen, never tune on
 *   it, and write a corpus F the same way for the next honest score.
 * Issue 11 (fifth pass, tuned on E's misses — so E no longer counts as blind; the next honest number is corpus F's
 *   first score): E 96.0 / 91.9 → 98.1 % / 94.5 % (English 96.3 / 94.6 → 100 / 99.2, Chinese 95.5 / 88.3 unchanged:
 *   the Chinese misses were left for a later pass); D 99.8 / 99.8 → 100 / 100; A 99.7 / 99.5, B 99.7 / 100,
 *   C 100 / 99.5, corpus.json 100 / 100 unchanged; no read acted on as a write on any corpus, one write read as
 *   another on E (外包团队这个组不要了 → meetings.delete, was two). Fixed by class, with phrasings in
 *   test/nlu/phrasingClassesE.test.ts: common words one edit from a command word are not typos (lift, pause, held,
 *   quiet …); a rename naming its meeting is never a list; "which of my meetings do you monitor"; rules someone set
 *   are policies; "when does <meeting> start" and "show <name> review" are details; a conference id makes "open …
 *   up" a Huawei unlock; a remark about the people before "unmute them"; who joined <meeting>; "with X in the
 *   title"; company-only; "<person>'s request to join <meeting>"; "…, but first <command>"; "and is it …?" is a
 *   second question. Latency before the pass (best-of-9 per utterance, 2,440 sentences, load ≈ 1.7 on 2 cores):
 *   p50 0.07 ms, p99 6.0–6.4 ms; after it (one run, 2,864 sentences): p50 0.09 ms, p99 6.0 ms.
 * The honest number now: test/fixtures/nlu/heldout-f.json (424 sentences, 244 English / 180 Chinese, written blind
 *   from the command list alone during the fifth pass, never read by whoever tuned): on the fourth pass's code
 *   96.7 % intent / 93.6 % entities (English 97.1 / 95.1, Chinese 96.1 / 91.7); after the fifth pass, its first
 *   score, **96.7 % / 93.6 %**, unchanged (the fifth pass fixed English phrasings E had and F does not); no read
 *   acted on as a write, 2 writes read as another write, 5 misses asked. Short of issue 11's 97 / 95, mostly on
 *   Chinese entities; keep F frozen and never tune on it.
 * Issue 11 (sixth pass, Chinese; tuned on E's misses — A–D had no Chinese ones left — and on phrasings written for
 *   the pass; F was not opened, printed or scored, so its next score is the honest one): E 98.1 / 94.5 →
 *   **100 % / 99.5 %** (English 100 / 99.2 unchanged, Chinese 95.5 / 88.3 → 100 / 100; one write read as another
 *   and one miss asked → none);
 *   A 99.7 / 99.5 (en 99.6 / 99.2, zh 100 / 100), B 99.7 / 100 (en 99.6 / 100, zh 100 / 100), C 100 / 99.5
 *   (en 100 / 99.6, zh 100 / 99.4), D 100 / 100 and test/nlu/corpus.json 100 / 100 (en 100 / 100, zh 100 / 100)
 *   unchanged; no read acted on as a write on any corpus. E's 21 Chinese misses were grouped into classes, and each
 *   class was then probed with ~380 new phrasings of other names, verbs and particles (test/nlu/phrasingClassesZh
 *   .test.ts keeps 364 of them, none a corpus sentence, plus 17 questions that must never act): a meeting said
 *   first and alone ("新员工培训 全员静音", entities.ts withTopic; an opener such as 好的 or OK is not one);
 *   把/将…给<verb>; words glued after a name (可以, 给, 里, 的等候室, 那场, 那个人, 明天的, 开始时间, 从我的会议里,
 *   快开始了); the mute or the lock named, then lifted
 *   (静音解除, 锁解开); <name>可以结束了 / 不要了 / 不用开…了; verbs the rules lacked (同意, 拉进/接进/加进 <meeting>,
 *   请出去, 踢出大厅, 往…里加, 改个名叫, 不用再关注, 订阅, 留意, 组织, 发起, 设…为主持人, 有人要进/来了); questions
 *   (是几点的, 是什么时候, <meeting>有多少人, 大厅里有几个人, 是不是已经…); subjects with measure words (安排一个 X
 *   的会, 约一场 X 会, 约一个 X，…) and times said first; 这个组 is a group; urgency, wishes and requests before the
 *   verb (马上, 我想, 拜托, 劳驾, 你帮我; 能帮我…吗 runs, other 吗 questions stay questions); a reason clause
 *   (别让人再进来), a scene clause (到了, 快开始了) and what is not needed before a bare verb (我不需要X了，删了吧);
 *   who may enter is a setting (都可以进, 只让…进); times across a
 *   comma and 开始…结束; 请问 and 63 more traditional characters; questions about the bot and writing requests are
 *   none. Three faults older than the pass were found on the way: Recognizers-Text's Chinese parser throws on "早会"
 *   and "明早九点" (the recognizer crashed; datetime.ts now spells out 明早/今早/明晚 and reads a throwing sentence
 *   part by part), and "给周例会加过扩展吗" / "周例会只让公司内部的人进吗" were acted on as writes (now the extension
 *   list and the meeting's details). @node-rs/jieba was again not added: every class above sits at a function word,
 *   a particle or a construction, which the patterns read directly, and the names people give meetings are not in a
 *   segmenter's dictionary. Latency (best-of-9 per utterance over the six corpora, 2,440 sentences, load ≈ 4 on 2
 *   cores, interleaved with the code before the pass; two runs): p50 0.09 → 0.11 ms, p95 0.31–0.36 → 0.35–0.41 ms,
 *   p99 5.7–6.1 → 5.4–6.0 ms; bench/nlu.ts's single runs under that load give p99 5–18 ms for both (noise).
 * Held-out after the sixth pass (neither corpus tuned on): F 96.7 / 93.6 → **97.4 % / 94.6 %** (English 97.1 / 95.1
 *   unchanged, Chinese 96.1 / 91.7 → 97.8 / 93.9; four sentences fixed, none broken; no read acted on as a write,
 *   2 writes read as another, 3 asked). test/fixtures/nlu/heldout-g.json (423 sentences, 245 English / 178 Chinese,
 *   written blind from the command list alone during the sixth pass), its first score, on the fifth pass's code:
 *   **97.6 % / 94.3 %** (English 98.8 / 94.7, Chinese 96.1 / 93.8; no read acted on as a write, 2 writes read as
 *   another, none asked); after the sixth pass the same (one sentence fixed, one broken). So the Chinese pass carried
 *   +4 sentences to F and none to G: intent meets issue 11's 97 % on both, entities (94.3–94.6 %, Chinese 93.8–93.9,
 *   English 94.7–95.1) do not reach 95. Keep G frozen and never tune on it.
 * Issue 11 (seventh pass, F tuned on — so F no longer counts as blind; the next honest number is the next blind
 *   corpus's first score): F 97.4 / 94.6 → **100 % / 100 %** (English 97.1 / 95.1 → 100 / 100, Chinese 97.8 / 93.9
 *   → 100 / 100; writes read as another write 2 → 0, misses asked 3 → 0); A 99.7 / 99.5 → 100 / 99.7 (en 99.6 /
 *   99.2 → 100 / 99.6, zh 100 / 100; the arithmetic class fixed one of A's); B 99.7 / 100 (en 99.6 / 100, zh 100 /
 *   100), C 100 / 99.5 (en 100 / 99.6, zh 100 / 99.4), D 100 / 100, E 100 / 99.5 (en 100 / 99.2, zh 100 / 100) and
 *   test/nlu/corpus.json 100 / 100 (en 100 / 100, zh 100 / 100) unchanged; no read acted on as a write on any corpus.
 *   Each of F's 25 misses was named as a mechanism and probed with new phrasings (test/nlu/phrasingClassesF.test.ts,
 *   119 sentences, none a corpus sentence): Chinese leaders listed with spaces around 和/、; a clock range whose am/pm
 *   is said once at its end ("10-11:30am", "11-1pm"; datetime.ts gives the start its half of the day and the spans
 *   back as typed, so the subject still ends at the time); <名称> 的会议详情; everyone waiting said as "all the
 *   waiting <people>" or 所有在…等的人 (所有在 is who, not whose lobby); a group named with 分组 and renamed with
 *   改叫/更名为/的名字改为; watching who is online in a group (盯着 X 这个分组谁在线) is its presence, "stop tracking
 *   who is online in <group>"; microphone slang (闭麦, 关麦, 禁麦, 开麦) read as the mute; a group not needed any more
 *   then a bare verb after the comma; a search word set apart by spaces after 预约的, and 於 (關於) with eight more
 *   traditional characters; 把 X 加入关注 / 加到关注列表; an access adjective before 会议 (锁定的会议 X) is never the
 *   subject; "bring <person> in from the lobby"; verbs typed short or glued (resched, letin, mut, unmut); binding
 *   one's account (绑定…账户) is signing in, never the sign-out; "list the people waiting in my lobbies" asks who is
 *   waiting; "give <meeting> a/an … extension"; "restrict/limit <meeting> to <who>"; a free-standing + or & inside
 *   a name; arithmetic is none; "<topic> - anything running on that?" (a pronoun as the search word points back at
 *   the topic said first). No F label looked wrong. Found while probing and older than the pass: "pull
 *   <person> in from the lobby" was read as lobby.reject (a write read as another write) and "get <person> in from the
 *   waiting room" as none — both admit now (cue 'bring <person> in from the lobby', after the merge); left alone: "看看 X 这个分组谁在线" as lobby.who, "放进 周例会 大厅里的王芳" loses both entities, a glued
 *   & (R&D, Q&A) is dropped from a name, 公开的会议 sets no access level. Latency (bench/nlu.ts, load ≈ 1.3 on 2
 *   cores, three runs interleaved with the code before the pass): p50 0.09–0.10 → 0.09–0.11 ms, p99 6.3–6.5 →
 *   6.9–7.7 ms (single runs before it gave 7.8 ms; the tail is still Recognizers-Text).
 * Held-out after the seventh pass: corpus G (never tuned on; its third score, after its first on the fifth pass's
 *   code and one after the sixth): 97.6 / 94.3 → **97.9 % / 94.6 %** (English 98.8 / 94.7 unchanged, Chinese 96.1 /
 *   93.8 → 96.6 / 94.4; two sentences fixed, one broken; no read acted on as a write, 2 writes read as another, none
 *   asked). F's 25 misses, all fixed, carried two sentences to G: intent passes issue 11's 97 %, entities stay under
 *   95 (English 94.7, Chinese 94.4).
 * Issue 11 (eighth pass, G tuned on — so G no longer counts as blind; the next honest number is the next blind
 *   corpus's first score): G 97.9 / 94.6 → **100 % / 100 %** (English 98.8 / 94.7 → 100 / 100, Chinese 96.6 / 94.4 →
 *   100 / 100; writes read as another write 2 → 0, none asked, no read acted on as a write); A 100 / 99.7, B 99.7 /
 *   100, C 100 / 99.5, D 100 / 100, E 100 / 99.5, F 100 / 100 and test/nlu/corpus.json 100 / 100 unchanged (per
 *   language too). Each of G's 25 misses was named as a mechanism and probed with new phrasings
 *   (test/nlu/phrasingClassesG.test.ts, 174 sentences, none a corpus sentence). Safety first: "make meeting <id>
 *   unlocked again" was a create — a meeting named by its id, or made into a state ("make the meeting X invite
 *   only"), exists, so the create cue stands aside; "post <meeting> lobby notifications here so the team can admit
 *   people" was an admission — a purpose clause whose subject is a team or a role ("so the hosts can …") is cut, and
 *   post/route/forward alerts is a verb family. Probing the same near-ties found "post … lobby alerts here so everyone
 *   can join" changing the meeting's access unasked: an opening verb that names its command outright (admit, reject,
 *   delete, post/route/forward alerts; cues.ts `overCues`) now outranks a strong cue naming another change, and the
 *   two are asked; deleting or removing alerts (删除…的提醒) stops the watch rather than deleting the meeting.
 *   Entities and wording: "everything about <meeting>", "what do you have on …"; "the <Name> call" (after an article,
 *   a capitalised name and a lower-case "call": "the investor call" and "Vendor call" stay as typed); everyone with a
 *   relative clause ("everyone who's waiting", "everybody who's queued for X"); "admit/reject <person> who is waiting
 *   for X" (the clause swayed it to the list of who waits); a phone number typed in groups is one word of an
 *   antecedent ("the caller on 0412 555 019 is fine, let them in"); emoji dropped before reading; 拒绝/驳回/谢绝 <人>
 *   进入 <会议>; "stuck / sitting in the <meeting> lobby", 大厅里都有谁; 225 more traditional characters (細, 張 …)
 *   and 详细资料; <名称>取消吧，删了 (the second clause repeats the verb); "<meeting> should be <setting>, change it"
 *   (read as "make <meeting> <setting>"); who may enter in a clause after a new time ("…, and make it company folks
 *   only", "…，并且只允许公司内部的人进入"); <分组>分组的名字改成; a search word before 会议 and after 预约好的/安排好的;
 *   "for the whole company" is all, never the search word; 我的会议 <名称> after a watch verb; a group's 联系人/成员;
 *   注销/登出/退出登录; 能设置哪些选项; small talk with 什么/啥 that names nothing the bot keeps is none, not help; a
 *   Chinese purpose clause (方便大家准入, 好让…); 设成不锁定 unlocks. No G label looked wrong. Left alone:
 *   "让产品评审的人都可以进" reads the person as 产品评审的人都; "拒绝周例会的提醒" rejects a person called that (rare); a
 *   "+" before a phone number is dropped from a person; "这是什么" is a details request; "make meeting Q3 planning
 *   locked for tomorrow" creates "Q3 planning locked"; "change Board prep so the whole team can join" is asked (no
 *   access level names "the whole team"); the older misses of A, B, C and E. Latency (best-of-9 per utterance over
 *   A–G and corpus.json, 3,287 sentences, load ≈ 6.5 on 2 cores, interleaved with the code before the pass, two
 *   runs): p50 0.074–0.084 → 0.077–0.089 ms, p99 6.0–7.6 → 6.2–6.7 ms; best-of-15 at load ≈ 3.5 (two runs): p50
 *   0.067–0.073 → 0.072–0.073 ms, p99 5.4–5.8 → 5.6–5.7 ms, mean 0.32–0.34 → 0.33 ms. bench/nlu.ts's single runs
 *   swing with the load for both (p99 5.6–44 ms before, 8.7–42 ms after, load 4–10): noise.
 * Held-out: test/fixtures/nlu/heldout-h.json (436 sentences, 251 English / 185 Chinese by the scorer's count of Han
 *   text; written blind from the command list alone while the eighth pass ran, in a session that saw neither the
 *   recognizer nor any corpus). Its first score, on the seventh pass's code: **98.9 % / 95.9 %** (English 98.8 /
 *   94.8, Chinese 98.9 / 97.3; no read acted on as a write, 1 write read as another, none asked); on the eighth
 *   pass's code, still never tuned on: **99.1 % / 96.1 %** (English 98.8 / 94.8, Chinese 99.5 / 97.8; the same
 *   0 / 1 / 0). Against issue 11: intent, entities overall and Chinese pass; English entities miss 95 by one
 *   sentence, and one write is still read as another write unasked. Its misses were not looked at before these two
 *   scores were taken.
 * Issue 11 (ninth pass, tuned on H's misses — so H no longer counts as blind; the next honest number is the next blind
 *   corpus's first score): H 99.1 / 96.1 → **99.8 % / 100 %** (English 98.8 / 94.8 → 99.6 / 100, Chinese 99.5 / 97.8
 *   → 100 / 100; writes read as another write 1 → 0, no read acted on as a write, none asked); A 100 / 99.7, B 99.7 /
 *   100, C 100 / 99.5, D 100 / 100, E 100 / 99.5, F 100 / 100, G 100 / 100 and test/nlu/corpus.json 100 / 100
 *   unchanged. Classes, each probed with new phrasings (test/nlu/phrasingClassesH.test.ts, 63 tests, none a corpus
 *   sentence): Huawei as the company a person comes from ("the guest from Huawei", 来自华为的, 华为来的) is not the
 *   platform, so the lobby admits that person — this was H's write read as another write (Huawei's "admit everyone
 *   in the waiting room"); "the Huawei folks", 华为的同事 (the company's people or the platform's waiting room) are
 *   asked; a number sign before digits and an ampersand inside a word stay in names (Retro #12, R&D weekly — six of
 *   H's entity misses); "everyone/all the guests waiting for <meeting> can come in" admits all of that meeting's
 *   lobby (a cue, and the entities); "send <person> away, not invited" (a reason after the verb); "open/pull up
 *   <meeting> details"; "all-hands" is a name, not "all"; "<meeting> should be invited-only from now on" (hyphenated
 *   settings, a trailing "from now on", and 以后/今后/从现在起 glued to a Chinese name); "list attendees in <conference
 *   id>"; Chinese search words after a state (正在进行的 X 会议, 即将召开的 X 会议) or set apart after 搜索…会议. Found
 *   while probing and fixed: an opening verb that names its change (admit, reject, delete, post …) against a read
 *   the classifier preferred is now asked ("admit everyone waiting in my Huawei meeting" listed meetings, unasked).
 *   No H label looked wrong. Left alone: "is the printer on the 3rd floor working?" is read as a meeting's details
 *   (a read; no rule separates it from a state question about a meeting without fitting the sentence); "let everyone
 *   waiting in my huawei meeting <id> in" still lists meetings (the "let" family is not one that overrules a read);
 *   "list attendees of <subject>" is none; 季度总结会以后都锁上吧 keeps 都 in the name; B's one older miss. Latency
 *   (best-of-9 per utterance over A–G and corpus.json, 3,287 sentences, load ≈ 3–3.5 on 2 cores, interleaved with
 *   the code before the pass, both orders): p99 5.8–6.0 → 5.9–6.1 ms (unchanged within noise), p50 0.073–0.075 →
 *   0.087–0.091 ms, mean 0.33–0.35 → 0.36–0.37 ms (≈ +15 µs per utterance, the new cues and patterns).
 * Issue 11 (tenth pass, tuned on test/fixtures/nlu/heldout-i.json (424) and heldout-j.json (426), written blind — so
 *   neither counts as blind any more; the next honest number is the next blind corpus's first score). Before the pass
 *   (eighth pass's code): I 97.4 % / 93.9 % (en 97.1 / 91.8, zh 97.8 / 96.6; 1 read acted on as a write, 2 writes
 *   read as another write, 1 asked), J 97.9 / 93.4 (en 98.4 / 94.3, zh 97.2 / 92.3; 2 / 1 / 2). After it (merged
 *   with the ninth pass): I **99.3 % / 98.1 %** (en 99.6 / 97.6, zh 98.9 / 98.9; 0 / 0 / 1 asked), J **99.1 % /
 *   99.3 %** (en 99.6 / 99.2, zh 98.3 / 99.4; 0 / 0 / 1). A–G, H (ninth pass's 99.8 / 100) and
 *   test/nlu/corpus.json unchanged (H's English entities had gone 94.8 → 98.0 on this pass alone). Classes, with
 *   phrasings written for them in test/nlu/phrasingClassesIJ.test.ts (~125, none a corpus sentence). Safety: a
 *   sentence of German/French/Spanish function words is none before the classifier reads it ("Ich bin …" deleted a
 *   meeting through "bin"); a document sent, mailed or shared ("send the Q1 report to finance") is none, and
 *   "contract" is no typo of "contact"; 群组 is a contact group like 分组 (刪掉群組 X deleted a meeting); Huawei's
 *   "admit all waiting in <subject>" without an id or a waiting room is asked (Huawei or Skype: corpus.json labels
 *   it Huawei, I the lobby — the platform is not said); "waiting-room" hyphenated is Huawei's; "we don't need X - y
 *   any more, delete that meeting" (a dash inside the name, "that meeting"/"this one" point back like "it"); a
 *   negation typed without its apostrophe is never corrected into its affirmative ("Marco shouldn't be let in" was
 *   run as an admission — found while probing, older than the pass). Entities: a glued &, # or + before a digit
 *   and brackets stay in a name (R&D, #7, +1 425 …, (final)); "all-hands" is no "all"; who may enter said as its
 *   own clause when creating (所有人都能进, anybody can get in); search words of ongoing/reserved meetings (正在进行的
 *   X会议, X 相关会议, meetings with X, "<topic> — anything in progress?"; "at the moment", "reserved", 云 are none);
 *   "<person> shouldn't join <meeting>", deny <person> entry/access to <meeting>, let <person> join <meeting>,
 *   admit all/<person> for <meeting>; "go ahead and"/"feel free to" after a context clause; 删了 <会议>(吧),
 *   不要放/别放 <人> 进 <会议>, 建立/新增分组, 追踪 as 跟踪; a weekday inside a name (周五例会, Friday standup) is no
 *   new time for an update. Intents: reserved meetings asked are Huawei's scheduled list; 通知/提醒…发到本频道;
 *   删掉我的会议 <名称>; "list the meetings you're keeping an eye on" (youre/theyre no longer corrected to
 *   your/their). Labels that look wrong: "会议 年终复盘 的信息" is labelled meetings.details, but "会议 <名称> 的
 *   信息" is Huawei's details phrasing by design (left as Huawei). Left alone: "what does X meeting look like,
 *   details pls", "Q3规划会是几点开始的，给我看看详情" (a question clause before a request keeps the clause in the
 *   name); "called X and make Y the leader"; "named X on March 20 from … to …" (the date is lost); "<group> should
 *   be called Y now, pls rename it"; "no more online/offline pings for <group>"; "<name> 那边谁在大厅";
 *   "only people from our company should be able to get into X, pls update it"; "我所有的会议都帮我盯着大厅";
 *   會議的預設值是什麼; small talk (这个bug谁在跟, 明天几点下班) read as commands (reads, no write); "schedule X
 *   tomorrow 4pm, everybody can join" is asked (the clause sways to an admission); "admit Ana for now" keeps "for";
 *   "跟踪周例会的大厅" is a lobby question; "bin the Retro meeting" deletes without naming it. Latency (best-of-9 per
 *   utterance over A–J and corpus.json, 4,573 sentences, load ≈ 1.2–1.4 on 2 cores, interleaved with main's code
 *   (ninth pass) in both orders): p99 7.52 / 6.91 → 7.55 / 6.90 ms (unchanged), p50 0.059–0.060 → 0.061–0.062 ms,
 *   mean 0.376–0.390 → 0.365–0.376 ms, p95 4.3–4.6 → 0.43–0.50 ms (p95 sat on the edge of the time-bearing
 *   sentences: an update's names are taken out before times are looked for, so 15 renames no longer reach
 *   Recognizers-Text, 5–8 ms → 0.1–0.2 ms).
 * Held-out, the number that counts for the tenth pass: test/fixtures/nlu/heldout-k.json (425 sentences, 243 English
 *   / 182 Chinese, written blind from the command list alone while the ninth and tenth passes ran; its misses never
 *   looked at). Its scores, each taken once per pass: eighth pass 98.1 % / 92.5 % (English 97.9 / 90.9, Chinese
 *   98.4 / 94.5; 1 read acted on as a write); ninth 98.1 / 94.8 (the same read→write); tenth **98.4 % / 94.8 %**
 *   (English 98.4 / 94.7, Chinese 98.4 / 95.1; **no read acted on as a write, no write read as another**, 1 miss
 *   asked). I and J, blind before the tenth pass, gave on the eighth/ninth pass's code I 97.4 / 93.9 → 97.6 / 96.0
 *   and J 97.9 / 93.4 → 97.9 / 94.4, with 1–2 reads acted on as writes each. Against issue 11 on K: intent, each
 *   language's intent, Chinese entities and both safety counts pass; entities overall (94.8) and English (94.7) miss
 *   95 by one sentence each.
 * Issue 11 (eleventh pass, tuned on K's and L's misses — so neither counts as blind any more; the next honest number
 *   is the next blind corpus's first score; an earlier attempt at this pass was lost). K (425) 98.4 % / 94.8 % (en
 *   98.4 / 94.7, zh 98.4 / 95.1; 1 miss asked) → **100 % / 100 %** (en 100 / 100, zh 100 / 100); L (423) 98.1 / 95.7
 *   (en 97.6 / 94.8, zh 98.9 / 97.1; 1 write read as another write unasked) → **100 % / 100 %** (en 100 / 100, zh
 *   100 / 100); no read acted on as a write, no write read as another, none asked on either. A–H and
 *   test/nlu/corpus.json unchanged, per language too; J 99.1 → 99.3 intent (zh 98.3 → 98.9: office small talk) and I
 *   98.1 → 98.3 entities (en 97.6 → 98.0: a weekday and a clock range said apart), nothing lost anywhere. Classes,
 *   each probed with new phrasings in test/nlu/phrasingClassesKL.test.ts (127 tests, none a corpus sentence).
 *   Safety: "rename Board prep (Fri) to …" renamed a contact group — a tag after a meeting's kind (a weekday, a
 *   number, v2, draft) keeps the rename a meeting's; 销 was learned from 注销 alone, so 报销/销售/营销 voted for the
 *   sign-out (报销单怎么填 offered it) — any other 销 is a unit of its own (classifier.ts); "only invited ppl for
 *   <meeting>" sets who may enter, but said as a question changes nothing (a cue may be statement-only). Intents:
 *   office small talk (怎么填/报/开, 几点下班) is none; chat shorthand any1/some1/abt and "w/" (kept in names); "who's
 *   waiting in <meeting>" is the lobby whatever the name sways; more/full details, setup or config of <meeting>; a
 *   named meeting's settings are its details, not the options; 回访 and 信息 are no letter written; "track who's
 *   available in <group>" is presence; the Huawei schedule/calendar; 让 <id> 所有人都可以说话 over the options;
 *   提醒发这里 over a details read; who's hosting <id>. Entities: names end before a remark or a second question
 *   (", are people waiting?", ", wrong meeting", ", any guests?", "? need the details"), and "before I …," opens no
 *   command; "X can join now" names no meeting "now"; "kick out <person> from the <meeting> lobby"; "… should go to
 *   this chat"; "<meeting>'s info"; square brackets and a colon inside a name (Legal review [draft], QBR: Contoso; a
 *   label such as "group:" still drops it); "->"/"=>" between names is "to"; an extension id after its type; "when X
 *   contacts are available" names group X; times — "1:1" is no time, a weekday and a clock range returned apart are
 *   one time, a weekday range said on that day is next week's, a time said before the name leaves the name after it
 *   (建个会 周五下午3点 设计走查); leaders "<name> presenting", 主讲人/分享人 and Latin names in a Chinese list;
 *   谁都可以进; Chinese groups coming online said without 他们 (X分组谁上线了, X有人上线了), status stopped with
 *   别再通知/提醒我, 联络人 (Taiwan) read as 联系人; 会议是 <name> as a clause of its own; 大厅来人了; 不让 <人> 进; a
 *   topic before 的设置改一下：; lobby bypass turned off, then the meeting; two-word search words before
 *   "meetings". No K or L label looked wrong. Left alone (older than the pass, found while probing): "让 <id>
 *   所有人都可以说话吗" and "提醒会发这里吗" act (吗 after a request is often polite); "what are the settings for a new
 *   meeting" lists meetings and asks about a create; "change Board prep (Fri) to Board prep (Mon)" reads Monday as a
 *   new time; a time said before "schedule" ("on tuesday from 10 to 11am schedule X") is none; "the Vendor call
 *   lobby" drops "call"; "every1 in the X lobby can come in" is asked; A's, B's, C's, E's, H's, I's and J's older
 *   misses. Latency (best-of-9 per utterance over A–L and corpus.json, 5,421 sentences, load ≈ 4–6 on 2 cores shared
 *   with another session's bench, interleaved with main's code (8848670) in both orders): p99 6.24–6.59 → 6.11–6.85
 *   ms, p95 0.55–1.0 → 0.52–1.06 ms, p50 0.094–0.143 → 0.091–0.153 ms, mean 0.39–0.42 → 0.37–0.46 ms (whichever
 *   recognizer is loaded first is faster at the median: unchanged within noise).
 * Held-out: test/fixtures/nlu/heldout-m.json (434 sentences, 257 English / 177 Chinese by the scorer's count of Han
 *   text; written blind; its misses never looked at before these two scores). Its first score, on the tenth pass's
 *   code: **94.9 % / 92.4 %** (English 94.6 / 89.9, Chinese 95.5 / 96.0; 1 read acted on as a write, 2 writes read as
 *   another write unasked, 3 misses asked); its second, on the eleventh's: **95.2 % / 93.3 %** (English 94.9 / 91.4,
 *   Chinese 95.5 / 96.0; the same 1 / 2 / 3). The eleventh pass's 100 / 100 on K and L carried +0.3 / +0.9 points
 *   here.
 * Issue 11 (twelfth pass, tuned on M's misses — so M no longer counts as blind; the next honest number is the next
 *   blind corpus's first score): M 95.2 / 93.3 (en 94.9 / 91.4, zh 95.5 / 96.0) → **99.8 % / 98.8 %** (en 99.6 /
 *   98.1, zh 100 / 100); no read acted on as a write, none asked; the one write left "read as another" is a label
 *   (below). A–L and test/nlu/corpus.json unchanged, per language and miss for miss, except J 99.3 → 99.5 intent (zh
 *   98.9 → 99.4: 會議的預設值是什麼 is the defaults now). Classes, each probed with new phrasings in
 *   test/nlu/phrasingClassesM.test.ts (183 tests, none a corpus sentence). Safety first: "send the meeting notes to
 *   Dana" changed a meeting — notes, recaps, minutes, action items … sent are none, and so is anything sent or
 *   forwarded *to someone* (the bot hands nothing to people; "send the meeting link to Dana" was a change too); "I
 *   don't need Golf Club anymore, delete that group" deleted a meeting — a demonstrative keeps the noun it carries
 *   ("that group" → "the Golf Club group"), and "we're done with X" names what "that group" is; found while probing:
 *   删掉<名称>这个组 deleted a meeting (这个组 after the name is a group), "remove Dana from the Hikers group" deleted a group
 *   called "Dana from the Hikers" (a member moved in or out of a group is none, as adding one was), "let folks in
 *   <id> talk" muted (letting people talk lifts the mute, whatever stands between), "push the Retro out to friday
 *   10am" signed out (a move's shape overrules sign-in/out); and a change not asked for now is none (nothing runs;
 *   the nearest commands are offered): forbidden or put off ("don't delete Board prep" rejected someone, 别删周例会
 *   deleted, 先别结束 <id> ended, 先别放张伟进来 admitted — "don't let X in", 别让X进 and the stops still run), planned or someone
 *   else's wish ("I'm going to delete X later", "my boss wants to cancel X", 老板想取消…, "whether to lock"), or a Chinese
 *   question or narration about one (谁把周例会锁了, 我能删周例会吗, 要不要把周例会取消, …会怎样, 我不小心删了周例会) — safety.ts's changeNotAskedFor.
 *   Intents: a conference id read out in threes (955 031 840, 921-738-496) is one id, phone numbers (0412 555 019, +1
 *   425 …) stay as typed; del/rm as an opening verb only (a person called Del stays Del); changes of presence asked
 *   to be seen ("show me presence updates for X", "I want to see / tell me when X contacts are busy or free") are the
 *   presence watch, though they open with a verb of seeing (a cue may see the future: Cue.seesTheFuture); Chinese
 *   reads said as a noun phrase (列出分组, 看下我建的组, 會議原則, X上挂了什么自定义数据, 关注的会议有哪些, 帮我盯着我所有的会议, 忘掉我的登录信息); Taiwan's words
 *   read as the mainland's (預設 默认, 連結 链接, 監看 监控, 使用者, 設定, 錄影); who is queued / lined up / stuck / knocking outside
 *   <meeting> (and its door); the people (folks, guests, callers) waiting at an id can join = its waiting room; "can
 *   you record X?", "transcribe X" are none (the bot records nothing; whether one may record or invite externals
 *   stays the policies); "reject the unknown dial-in number" (a caller refused, not the dial-in read);
 *   "allowed/possible values for new meetings"; "next week/Monday" asked about is a list, not the next page ("push X
 *   to next tuesday" keeps its time); off the watch list; "is <meeting> happening yet" is the ongoing list searched
 *   by its name; who leads/organised, where is, what is <meeting> about are its details; "show me the extensions on
 *   X" lists without asking; hesitations and sign-offs (umm, basically, no worries, ya can, lol, cheers, for good);
 *   moved by a stretch of time ("push X back by an hour" turned a page). Entities: the text to explain keeps its
 *   particles (解析 …吧); leaders said with a bare verb last in their clause ("Anna and Raj present", "Lee will host";
 *   "Ana is present" attends); 明早/今晚 said after a name are cut from it (the spelled-out form Recognizers-Text needs
 *   is mapped back to what was typed); settings read from shorthand (only ppl from our company); "every huawei
 *   meeting" is all; the meeting after the people a phone setting is about ("make dial-in callers wait in the lobby
 *   for X"); "who did I put in <group>"; a search word ends before a state (onboarding are live atm); "that standup
 *   thing" is standup; 帮 before a Chinese name; 把扩展 X 加到 <会议> 上; 有人在大厅等 <会议> 的时候, 有人在等 <会议> 吗, 搜一下 X 相关的会; "<person>
 *   isn't invited to / expected at <meeting>, turn him away" carries the meeting; everyone waiting counted ("all 3
 *   guests"); everyone in the X lobby can come in; 都让进来; 那组; a reason after a comma ("…, not on the invite") ends the
 *   person; a relative clause after a meeting ("… who isn't from our company") is no part of it; capitalised words
 *   before a colon open a name (Lunch & Learn: AI basics — and "lunch & learn", "coffee chat" are no food booked); a
 *   rename to a name of two words or more ending in a meeting's kind is a meeting's; 那个叫 Kevin 的; 关掉<会议>的大厅提醒;
 *   leaders before 主持/主讲 (王磊主持; 分享 stays a kind of meeting); <会议>有几个人在等 is its lobby; "王磊不是我们的人，拒了吧" (a bare lobby
 *   verb after a clause about a person acts on that person). M labels that look wrong (left in the corpus, not
 *   edited): "lock the design crit" is labelled meetings.update (accessLevel Locked), but corpus.json ("lock meeting
 *   Quarterly roadmap review", "lock the conference Sprint demo"), E ("please lock the investor call") and the
 *   phrasing suites read "lock <subject>" as Huawei's lock — this is M's one remaining "write read as another write";
 *   four people are labelled without their article ("caller from Contoso", "caller", "guest from Northwind Traders",
 *   "unknown dial-in number") where A–L keep it in 30-odd labels ("the caller", "the guest from northwind", "the
 *   anonymous caller") — the four entity misses left. Left alone: "delete Hikers", "删除徒步队" (a bare name is read as a
 *   meeting; the corpora always say "group" for a group); "Book club is dead, remove that group" (a name that opens
 *   with a verb, asked); "Suppliers should be called Vendors now" is none; "所有人都可以进了" is asked (options or
 *   admission); "what's the status of <meeting>" asks members or presence; "who is queued for <id>" is Huawei's
 *   details; "what's going on with X", "how is X going" list ongoing meetings without a search word; "把门口那位请进来"
 *   admits "那位"; "stop <meeting>" stops a watch without naming it; "周例会往后推半小时" has no new time (a shift needs the
 *   meeting's own time); "下周一有哪些预设的会议" reads 预设 as a default. Latency (best-of-9 per utterance over A–M and
 *   corpus.json, 5,855 sentences, load ≈ 1.0–2.8 on 2 cores, interleaved with main's code (d22c4ad; NLU unchanged on
 *   main since) in both orders, taken twice, the second on the final code): p99 5.41–6.23 → 5.19–6.03 ms, p95
 *   0.26–0.41 → 0.29–0.61 ms, p50 0.077–0.104 → 0.086–0.129 ms, mean 0.32–0.38 → 0.31–0.40 ms (whichever recognizer
 *   is measured first in a pair is slower at the median, in both orders: unchanged within noise).
 * The honest number after the twelfth pass: test/fixtures/nlu/heldout-n.json (424 sentences, 251 English / 173 Chinese,
 *   reference time Thursday 2025-11-13 09:20; written blind from the command list alone while the eleventh pass ran,
 *   by a helper that read nothing else; scored once, on the twelfth pass's code, before anyone looked at it):
 *   **95.8 % intent / 94.8 % entities** (English 96.4 / 95.2, Chinese 94.8 / 94.2); 3 reads acted on as writes,
 *   2 writes read as another write unasked, 5 misses asked. On its 334 sentences not found verbatim in an earlier
 *   corpus: 94.6 / 93.4 (English 95.6 / 94.1, Chinese 93.1 / 92.3). Two entity misses differ from the label only by a
 *   leading article on a person (the guide for M and N said to drop articles; A–L keep them on descriptions). So the
 *   eleventh and twelfth passes took K, L and M to 100 / 100 and 99.8 / 98.8, and carried M +0.3 / +0.9 and N to
 *   this: issue 11's 97 / 95 and its zero reads-as-writes are not met on a corpus nobody tuned on.
 * Issue 11 (safety fixes from N's misses — N no longer counts as blind): only N's 3 reads acted on as writes and 2 writes
 *   read as another were fixed, by class, each probed with new phrasings in test/nlu/phrasingClassesN.test.ts (37 tests,
 *   none a corpus sentence). N 95.8 / 94.8 → 96.9 / 95.8 (en 96.4 / 95.2 → 97.2 / 96.0, zh 94.8 / 94.2 → 96.5 / 95.4);
 *   reads acted on as writes 3 → 0, writes read as another unasked 2 → 0; A–M and corpus.json unchanged miss for miss.
 *   Classes (cues.ts, one entity pattern): a room, desk or projector booked (订一间会议室, "book a conference room") is
 *   none, as flights and tables were; a channel, group chat, poll or document created ("create a Teams channel", 建个频道,
 *   拉个群聊) is none — the bot makes meetings and contact groups only (分组/群组 still create groups); a Chinese rename
 *   that says 会议 or 这个会议/这场会 (會議 X 改名為 Y) renames a meeting, where a space after 会议 had hidden the meeting's
 *   kind and 改名 voted for a group; a group's 上线/在线/上下线 提醒·通知·推送 stopped is the presence stop (it stopped a
 *   meeting watch, or with the verb first started the presence watch), and its group is read.
 * Issue 11 (thirteenth pass; the code that corpus O's first score is taken on):
 *   - A second opinion (./secondOpinion.ts): the same classifier trained once more on every labelled sentence tuned
 *     on (corpus.json and heldout A–N, P: 6,716 sentences, entity words turned into slots), stored in
 *     secondOpinion.json. It is heard only when the rules find no command and the first classifier heard some command
 *     word (strength ≥ 0.1), at a score ≥ 0.8; a write it finds is asked, never run. Put in the first classifier's
 *     place, it lost 35 sentences the rules read right across the 15 corpora for 12 gained (each corpus left out of
 *     its training in turn); as a second opinion it gained 3 on N and lost none.
 *   - Tuned on N's remaining misses (test/nlu/phrasingClassesN2.test.ts) and on corpus P (heldout-p.json, written
 *     blind, first score on this pass's code before P's own fixes 96.8 / 95.9, en 97.4 / 96.6, zh 95.9 / 94.7, 2 reads
 *     acted on as writes; test/nlu/phrasingClassesP.test.ts): N 96.9 / 95.8 → 100 / 99.3, P → 100 / 100, A 99.7 → 100
 *     entities, J 99.5 / 99.1 → 99.8 / 99.8; nothing else changed. Clock ranges said once or not at all ("from 1 to
 *     2:30pm" after a date, "from 9 to 10:30 tomorrow") are rewritten as Recognizers-Text reads them right (both ends
 *     with minutes and half). The scorer counts a conference id typed in groups ("918 204 337") as the id.
 *   - Then five more corpora were written blind the same way (guide and command list only; the guide now keeps the
 *     article on a person's description, as A–L did), each scored once on the code of its day before anyone looked
 *     at it, then tuned on by class (test/nlu/phrasingClasses{Q,R,S,O,T}.test.ts, new phrasings, no corpus sentence):
 *
 *     | corpus | sentences | first score: intent / entities | en | zh | read→write / write→write / asked |
 *     |---|---|---|---|---|---|
 *     | P | 437 | 96.8 / 95.9 | 97.4 / 96.6 | 95.9 / 94.7 | 2 / 1 / 6 |
 *     | Q | 426 | 97.9 / 95.5 | 98.0 / 95.2 | 97.7 / 96.0 | 0 / 1 / 4 |
 *     | R | 434 | 97.5 / 94.7 | 98.5 / 97.0 | 95.9 / 91.1 | 0 / 2 / 1 |
 *     | S | 441 | 97.7 / 96.6 | 97.0 / 95.1 | 98.9 / 98.9 | 1 / 1 / 1 |
 *     | O (sealed since the start of the pass) | 434 | 98.2 / 97.7 | 97.7 / 97.3 | 98.9 / 98.3 | 1 / 0 / 3 |
 *     | T (after O's fixes) | 445 | 97.1 / 95.1 | 97.0 / 95.9 | 97.2 / 93.8 | 2 / 4 / 3 |
 *
 *     So on sentences nobody tuned for, this code reads 97–98 % of commands right and 95–98 % of names, times and
 *     keywords, both languages mostly above 95; but each new corpus of ~440 still holds 0–2 reads acted on as writes
 *     and 0–4 writes read as another, each a phrasing no rule had seen (a room "on the 4th floor" booked, a channel
 *     made "in Teams", "let anyone join"). T's safety misses were fixed after its score (T → 98.9 / 96.2, 0 / 0);
 *     every corpus tuned on is now 98.2–100 % intent. Latency (best of 3 per utterance over all 8,896 sentences,
 *     load ≈ 1): p50 0.06 ms, p95 0.15 ms, p99 6.8 ms, max 10.3 ms.
 *   - Sixteenth pass (6–7 December): a change runs only on a thing of its kind (./objectKind.ts): an email, a room, a
 *     password, the person's own phone, an idiom's "object" ("drop me a line") make a write none; an appointment, or a
 *     plural of people deleted, is asked. Written before U was scored, from a list of what people change in a day
 *     (test/nlu/phrasingClassesObjectKind.test.ts). The guide now asks for ~30 none sentences that sound like commands
 *     and for reads said with words of change, so these corpora are harder than O–T. Five corpora, each written blind,
 *     scored once on the code of its day before anyone read it, then tuned on by class (phrasingClasses{U,V,W,X}):
 *
 *     | corpus | sentences | first score: intent / entities | en | zh | read→write / write→write / asked |
 *     |---|---|---|---|---|---|
 *     | U | 431 | 93.7 / 94.0 | 93.2 / 94.8 | 94.5 / 92.8 | 0 / 2 / 4 |
 *     | V | 433 | 97.0 / 96.3 | 96.9 / 96.9 | 97.1 / 95.4 | 0 / 1 / 4 |
 *     | W | 420 | 93.8 / 93.6 | 91.8 / 91.4 | 97.0 / 97.0 | 0 / 3 / 5 |
 *     | X | 423 | 96.9 / 95.0 (96.2 with 组 scored as the name) | 96.0 / 96.0 | 98.2 / 93.5 | 0 / 2 / 7 |
 *     | Y (not tuned on) | 423 | 96.7 / 96.2 | 95.2 / 94.8 | 98.8 / 98.2 | 1 / 4 / 4 |
 *
 *     So on sentences nobody tuned for: 94–97 % of commands, 94–96 % of names; four corpora in a row (1,707 sentences)
 *     with no read acted on as a write, the fifth with one; each still holds 1–4 writes read as another write (a bare
 *     rename or delete whose object's kind is not said, a lock of a named meeting). Tuned: U 97.7 / 96.5, V 99.3 / 98.2,
 *     W 97.1 / 95.0, X 98.3 / 96.9. Groups named with 组 after them are found under their own name
 *     (dialogs/ucwa/pick.ts), and the scorer counts both spellings as one, as it does a grouped conference id.
 *   - Seventeenth pass (7 December): what the sentence leaves open, what exists settles. A rename or delete whose
 *     object's kind is not said ("rename Launch to Launch v2", 删掉同事) and a lock of a named meeting ("lock down
 *     Retro": Huawei's lock or Skype's access) are offered as a question of kind (`askWhy: 'kind'`, ./objectKind.ts
 *     kindNotSaid / serviceNotSaid); the router asks each capability whether the person has such a thing and runs the
 *     one reading whose object exists (dialogs/router.ts settledByWhatExists), asking only when both or neither do.
 *     Then Y, Z and AA tuned on by class (phrasingClasses{Y,Z,AA}), each written blind while the one before was tuned:
 *
 *     | corpus | sentences | first score: intent / entities | en | zh | read→write / write→write / asked |
 *     |---|---|---|---|---|---|
 *     | Z | 430 | 96.5 / 95.8 | 97.2 / 96.0 | 95.5 / 95.5 | 1 / 0 / 5 |
 *     | AA | 425 | 98.1 / 97.4 | 97.5 / 96.7 | 98.9 / 98.4 | 1 / 2 / 1 |
 *     | AB (not tuned on) | 427 | 97.7 / 96.5 | 97.1 / 95.1 | 98.4 / 98.4 | 0 / 0 / 6 |
 *
 *     Tuned: Y 99.3 / 99.5, Z 99.5 / 99.5, AA 99.5 / 99.3, all with no read acted on as a write and no write read as
 *     another unasked. The two reads that became writes (Z's "debugparse …", AA's "interpret …") were the explain
 *     command typed under other names.
 *   Latency (issue 11's last line): 4 % of sentences carry a time, and Recognizers-Text set the p99. Its date-time
 *     package 1.3.2 (was the suite's 1.1.4, which recompiled patterns with lookbehinds on every match) with each
 *     language's model built once, and a patch (patches/) keeping its last word-boundary normalisation, halved it:
 *     the bench's measure (corpus.json, 5 rounds, every sample) p99 11.9–13.1 → 6.1–7.2 ms; best of 3 over the
 *     11,881 tuned sentences 11.0–16.4 → 6.8–7.3 ms (load ~2, alternating with the build before). Every tuned corpus
 *     reads exactly as before.
 *   Then four more corpora written blind, each scored once before anyone read it, AC, AD and AE each tuned on by
 *     class before the next was scored (phrasingClasses{AC,AD,AE}); two changes in one message are now asked
 *     (twoChangesAsked), a question of when a meeting ends ends nothing:
 *
 *     | corpus | sentences | first score: intent / entities | en | zh | read→write / write→write / asked | tuned |
 *     |---|---|---|---|---|---|---|
 *     | AC | 421 | 93.1 / 93.8 | 93.4 / 93.8 | 92.6 / 93.9 | 2 / 1 / 8 | 97.9 / 97.1, 0 / 0 |
 *     | AD | 434 | 97.9 / 96.8 | 97.6 / 96.8 | 98.3 / 96.7 | 0 / 1 / 2 | 99.3 / 98.2, 0 / 0 |
 *     | AE | 427 | 94.6 / 94.8 | 93.9 / 93.9 | 95.6 / 96.2 | 1 / 2 / 12 | 95.8 / 95.6, 0 / 0 |
 *     | AF | 442 | 97.5 / 95.9 | 96.2 / 95.4 | 99.5 / 96.7 | 0 / 1 / 6 | 98.0 / 96.4, 0 / 0 |
 *     | AG (tuned on its two wrong writes only) | 420 | 97.1 / 96.2 | 96.4 / 96.0 | 98.2 / 96.5 | 1 / 1 / 6 | 97.4 / 96.7, 0 / 0 |
 *     | AH (7 December; brief rewritten from the catalog) | 426 | 97.7 / 95.1 | 98.0 / 96.4 | 97.2 / 93.3 | 0 / 1 / 4 | 99.3 / 98.4, 0 / 0 |
 *     | AI (7 December, after AH's tuning) | 430 | 97.0 / 97.4 | 96.5 / 97.3 | 97.6 / 97.6 | 0 / 2 / 3 | 98.4 / 98.8, 0 / 0 |
 *     | AJ (7 December, after AI's tuning) | 424 | 96.9 / 95.5 | 96.4 / 96.0 | 97.7 / 94.8 | 0 / 1 / 4 | 99.1 / 99.1, 0 / 0 |
 *     | AK (7 December, after AJ's tuning; tuned on its one wrong write only) | 428 | 97.7 / 95.6 | 97.3 / 95.3 | 98.2 / 95.9 | 0 / 1 / 3 | 97.9 / 95.8, 0 / 0 |
 *     | AL (7 December, after AK's) | 420 | 97.1 / 96.4 | 96.0 / 96.0 | 98.8 / 97.1 | 1 / 2 / 1 | 99.3 / 99.8, 0 / 0 |
 *     | AM (7 December, after AL's) | 434 | 96.1 / 95.9 | 94.5 / 96.1 | 98.3 / 95.6 | **0 / 0** / 3 | 99.3 / 99.3, 0 / 0 |
 *     | AN (7 December, after AM's) | 422 | 98.1 / 96.2 | 97.3 / 96.1 | 99.4 / 96.4 | 0 / 1 / 2 | 99.5 / 98.6, 0 / 0 |
 *     | AO (7 December, after AN's) | 421 | 99.0 / 98.6 | 98.8 / 99.2 | 99.4 / 97.7 | 1 / 0 / 1 | 99.5 / 99.8, 0 / 0 |
 *     | AP (written beside AO, same code) | 427 | 98.1 / 96.3 | 98.0 / 95.7 | 98.3 / 97.1 | 0 / 1 / 1 | 99.1 / 98.6, 0 / 0 |
 *     | AQ (7 December, after AO's and AP's) | 421 | 97.1 / 96.4 | 97.3 / 97.7 | 97.0 / 94.5 | 0 / 2 / 2 | 99.3 / 97.9, 0 / 0 |
 *     | AR (written beside AQ, same code) | 423 | 97.2 / 96.7 | 97.2 / 98.0 | 97.0 / 94.7 | 0 / 1 / 0 | 100 / 98.6, 0 / 0 |
 *     | AS (7 December, after AQ's and AR's) | 425 | 97.2 / 96.0 | 96.9 / 95.7 | 97.6 / 96.5 | **0 / 0** / 2 | 97.2 / 96.2 (one class only) |
 *     | AT (written beside AS, same code) | 432 | 98.1 / 98.4 | 97.6 / 97.6 | 98.9 / 99.4 | **0 / 0** / 2 | not tuned on |
 *     | AU (7 December, after AS's one class) | 427 | 95.8 / 96.3 | 95.3 / 96.1 | 96.5 / 96.5 | 0 / 1 / 3 | one class only |
 *     | AV (after AU's one class) | 428 | 97.0 / 97.2 | 95.6 / 96.0 | 98.9 / 98.9 | 0 / 1 / 2 | its one class: 97.2 / 97.2 |
 *     | AW (written beside AV, same code) | 421 | 97.6 / 97.6 | 97.6 / 97.2 | 97.6 / 98.2 | 0 / 2 / 2 | its two classes: 98.1 / 98.1 |
 *     | AX (after AV's and AW's classes) | 427 | 98.4 / 98.1 | 98.0 / 98.0 | 98.9 / 98.3 | 1 / 0 / 1 | its one class: 98.6 / 98.4 |
 *     | AY (written beside AX, same code) | 419 | 96.9 / 95.9 | 97.2 / 96.4 | 96.5 / 95.3 | 0 / 3 / 3 | one of three classes, the other two before AZ |
 *     | AZ (after AY's three classes) | 423 | 98.3 / 97.4 | 98.0 / 96.8 | 98.8 / 98.2 | 0 / 1 / 2 | its classes: 99.5 / 98.6 |
 *     | BA (written beside AZ, same code) | 432 | 98.4 / 98.1 | 97.6 / 98.0 | 99.4 / 98.3 | 0 / 2 / 2 | its classes: 99.3 / 99.5 |
 *     | BB (after AZ's and BA's classes) | 427 | 95.8 / 95.8 | 94.8 / 96.0 | 97.2 / 95.5 | 0 / 2 / 2 | its classes: 98.6 / 98.1 |
 *     | **BC** (written beside BB, same code) | 421 | **98.6 / 96.9** | 98.8 / 96.0 | 98.2 / 98.2 | **0 / 0** / 1 | not tuned on |
 *     | BD (after BB's classes) | 422 | 98.1 / 98.3 | 96.8 / 97.2 | 100 / 100 | 0 / 1 / 3 | its one write class |
 *     | **BE** (written beside BD, same code) | 430 | **98.4 / 98.1** | 97.6 / 98.4 | 99.4 / 97.7 | **0 / 0** / 2 | not tuned on |
 *     | BF (after BD's class) | 420 | 97.9 / 96.2 | 97.2 / 94.4 | 98.8 / 98.8 | 0 / 2 / 1 | its classes: 99.0 / 98.3 |
 *     | **BG** (written beside BF, same code) | 422 | **97.6 / 95.5** | 96.9 / 95.7 | 98.8 / 95.2 | **0 / 0** / 1 | not tuned on |
 *     | BH (after BF's classes) | 426 | 96.7 / 96.7 | 96.9 / 96.9 | 96.5 / 96.5 | 0 / 1 / 1 | its classes: 97.7 / 97.4 |
 *     | BI (written beside BH, same code) | 421 | 97.6 / 96.4 | 96.4 / 95.2 | 99.4 / 98.2 | 0 / 1 / 1 | its classes: 98.3 / 96.9 |
 *     | BJ (after BH's and BI's classes) | 419 | 98.3 / 97.6 | 98.0 / 97.2 | 98.8 / 98.2 | 1 / 2 / 3 | its classes: 99.3 / 98.3 |
 *     | BK (written beside BJ, same code) | 424 | 98.1 / 98.3 | 98.0 / 98.0 | 98.3 / 98.8 | 0 / 1 / 1 | its classes: 98.8 / 98.8 |
 *     | BL (after BJ's and BK's classes) | 428 | 96.3 / 96.5 | 95.7 / 96.9 | 97.1 / 95.9 | 0 / 2 / 1 | its write classes: 96.5 / 96.7 |
 *     | BM (written beside BL, same code) | 419 | 98.1 / 97.1 | 98.4 / 97.2 | 97.6 / 97.0 | 0 / 2 / 1 | its write classes: 98.6 / 97.6 |
 *     | **BN** (after BL's and BM's write classes) | 420 | **99.3 / 98.1** | 99.6 / 98.0 | 98.8 / 98.2 | **0 / 0** / 1 | not tuned on |
 *     | BO (written beside BN, same code) | 428 | 96.7 / 96.7 | 95.6 / 94.8 | 98.3 / 99.4 | 1 / 0 / 4 | its classes: 99.1 / 98.6 |
 *     | **BP** (after BO's classes) | 426 | **97.4 / 95.3** | 98.0 / 95.3 | 96.5 / 95.3 | **0 / 0** / 4 | not tuned on |
 *     | **BQ** (written beside BP, same code) | 421 | **98.1 / 97.9** | 97.6 / 97.6 | 98.8 / 98.2 | **0 / 0** / 5 | not tuned on |
 *     | **BR** (same code as BP and BQ) | 433 | **99.1 / 98.4** | 98.8 / 98.4 | 99.4 / 98.3 | **0 / 0** / 2 | not tuned on |
 *     | BS (written beside BR, same code) | 428 | 98.6 / 97.7 | 98.8 / 98.0 | 98.3 / 97.1 | 0 / 1 / 3 | its classes: 99.1 / 98.4 |
 *     | BT (after BS's classes) | 418 | 98.6 / 98.1 | 98.0 / 97.6 | 99.4 / 98.8 | 0 / 1 / 3 | its classes: 99.8 / 98.8 |
 *     | BU (written beside BT, same code) | 429 | 97.7 / 97.4 | 97.6 / 97.2 | 97.8 / 97.8 | 0 / 2 / 5 | its classes: 98.8 / 97.9 |
 *     | BV (after BT's and BU's classes) | 419 | 96.7 / 96.9 | 96.4 / 96.4 | 97.1 / 97.6 | 0 / 1 / 4 | its classes: 99.0 / 97.9 |
 *     | **BW** (written beside BV, same code) | 424 | **99.1 / 98.1** | 98.4 / 97.6 | 100 / 98.8 | **0 / 0** / 1 | not tuned on |
 *     | BX (after BV's classes) | 418 | 98.1 / 96.9 | 98.0 / 96.8 | 98.2 / 97.0 | 0 / 1 / 2 | its classes: 98.6 / 97.4 |
 *     | **BY** (written beside BX, same code) | 429 | **97.7 / 97.2** | 97.3 / 96.5 | 98.3 / 98.3 | **0 / 0** / 6 | not tuned on |
 *     | **BZ** (after BX's classes) | 423 | **98.3 / 99.1** | 98.0 / 98.8 | 98.8 / 99.4 | **0 / 0** / 5 | not tuned on |
 *     | CA (written beside BZ, same code) | 422 | 98.1 / 98.1 | 98.0 / 98.8 | 98.2 / 97.0 | 1 / 0 / 3 | its one write class |
 *     | **CB** (after CA's write class) | 436 | **98.4 / 98.2** | 98.4 / 98.4 | 98.4 / 97.8 | **0 / 0** / 4 | its classes: 98.9 / 98.6 |
 *     | **CC** (written beside CB, same code) | 428 | **99.1 / 99.3** | 98.8 / 99.2 | 99.4 / 99.4 | **0 / 0** / 1 | its classes: 99.8 / 99.8 |
 *     | CD (same code as CB and CC) | 420 | 96.9 / 96.9 | 96.4 / 96.4 | 97.6 / 97.6 | 0 / 1 / 7 | its classes: 98.1 / 97.9 |
 *     | CE (written beside CD, same code) | 423 | 97.6 / 95.7 | 98.4 / 96.0 | 96.5 / 95.3 | 0 / 2 / 5 | its classes: 98.1 / 97.2 |
 *     | **CF** (after CB to CE's classes) | 420 | **97.9 / 98.3** | 98.0 / 98.8 | 97.6 / 97.6 | **0 / 0** / 3 | its classes: 98.6 / 99.0 |
 *     | CG (written beside CF, same code) | 418 | 98.1 / 97.1 | 97.2 / 96.4 | 99.4 / 98.2 | 2 / 1 / 3 | its classes: 99.3 / 98.8 |
 *     | CH (after CF's and CG's classes) | 425 | 98.4 / 98.6 | 97.6 / 97.6 | 99.4 / 100 | 0 / 1 / 2 | its classes: 99.3 / 99.5 |
 *     | **CI** (written beside CH, same code) | 427 | **98.4 / 97.4** | 98.4 / 97.7 | 98.2 / 97.1 | **0 / 0** / 1 | its classes: 99.8 / 98.6 |
 *     | **CJ** (after CH's and CI's classes) | 420 | **97.6 / 97.9** | 97.6 / 97.6 | 97.7 / 98.3 | **0 / 0** / 3 | its classes: 98.8 / 98.3 |
 *     | CK (written beside CJ, same code) | 422 | 97.9 / 96.2 | 97.3 / 95.7 | 98.8 / 97.0 | 0 / 2 / 1 | its classes: 98.6 / 97.4 |
 *     | **CL** (after CJ's and CK's classes) | 425 | **98.6 / 98.1** | 98.8 / 98.0 | 98.2 / 98.2 | **0 / 0** / 3 | not tuned on |
 *     | CM (written beside CL, same code) | 420 | 97.6 / 97.6 | 96.0 / 96.8 | 100 / 98.8 | 0 / 1 / 3 | its one write class: 97.9 / 98.1 |
 *     | **CN** (after CM's write class) | 437 | **98.4 / 97.5** | 98.8 / 98.1 | 97.8 / 96.6 | **0 / 0** / 6 | not tuned on |
 *     | **CO** (written beside CN, same code) | 418 | **98.3 / 98.1** | 97.6 / 97.6 | 99.4 / 98.8 | **0 / 0** / 2 | not tuned on |
 *
 *     Blind first scores now range 93.1–97.9 % from one corpus to the next: a corpus's score says as much about
 *     its writer as about the recognizer, and what one pass fixes carries about half a point to the next. Every
 *     fresh corpus has still found one to three wrong writes (AH: one, "<id> 有人在等，让他们进来" admitted a person
 *     called "<id> 有人"; AI: two, a watch and a presence subscription "cancelled" read as starting one and as deleting
 *     a meeting; AJ: one, "i don't care when Family is online anymore, turn it off" turned away a "person"; AK: one, "<meeting>
 *     允许所有人进入" admitted everyone waiting instead of changing who may enter; AL: three, "the watch I bought is broken"
 *     started a watch, "let everyone join <meeting>, not just invitees" admitted everyone waiting, and "别让别人再进 <id>
 *     了，锁了吧" turned away a person). AK met every number of issue 11's first condition at its first score except that
 *     one write. AM, the first fresh corpus with no wrong write at all (no read acted on as a write, no write read
 *     as another unasked), missed on intent instead (96.1, English 94.5). AN met every number but one write ("ppl are stuck in the waiting room
 *     of <id>, let them in" admitted everyone in a Skype lobby, not that Huawei waiting room: "ppl" was no people). AO and AP, written
 *     side by side and scored on the same code, each held one wrong write (AO: 我们组下周去团建 created a contact
 *     group; AP: "get rid of Board Members" deleted a meeting unasked). After AO and AP the scorer counts a Chinese name
 *     with and without its 会 as one (test/nlu/corpus.ts sameMeetingName); the first scores above were taken before. AQ and AR
 *     (after AO's and AP's tuning) again held wrong writes, all between a group's presence alerts and a meeting's lobby
 *     alerts or a group booked as a meeting (AQ: 读书会的人上下线别再通知我了, 新建一个叫 读书会 的组; AR: 别再推送 <group> 的上线
 *     提醒了), and their Chinese entities (94.5, 94.7) missed 95. AS and AT, written side by side after
 *     that and scored on the same code, are the first pair to meet every number of issue 11's first condition at
 *     their first score: intent ≥ 97, entities ≥ 95, English and Chinese ≥ 95 each, no read acted on as a write and no
 *     write run unasked (what was asked instead: whether a name was a meeting's or a contact group's, three times, and
 *     whether "lock down Q3 planning" meant the Huawei lock or the Skype for Business access level).
 *     Only one class of AS was tuned on afterwards (a number ending a name before "june 7" had booked 2 June); AT was
 *     not tuned on. The next three, scored after them, did not hold that: AU
 *     (95.8 % intent, one write read as another: 读书会 renamed as a meeting), AV and AW (one and two such writes: "need a
 *     meeting, …, lock it" changed a meeting, 新建一个联系人组叫 校友会 booked one, 让 <id> 的人都可以说话了 admitted everyone
 *     waiting). Only those classes were tuned on. AX (監控清單 started a watch) and AY (three writes read as
 *     another) did not hold it either. Of the seven pairs after them (AZ and BA, BB and BC, BD and BE, BF and BG, BH and
 *     BI, BJ and BK, BL and BM), one corpus of each of three pairs met every number (BC, BE, BG) and the others held one to three
 *     wrong writes (a booking read as a change, a meeting "killed" ended rather than deleted, a sign-out as a watch stop,
 *     a meeting and a group taken for each other; BJ's "i'm watching the football later" started a watch). Of the six
 *     after them, four met every number at their first score: BN (beside BO, whose "our all hands got moved to the big
 *     auditorium" moved a meeting: a change told as done is news since), then BP, BQ and BR, all three scored on one
 *     recognizer (9a346da); BS, beside BR, renamed a contact group where a meeting was renamed into a 发布会. BT and BU,
 *     after BS's tuning, met every number but their writes: three read as another unasked, all a group's change taken
 *     for a meeting's or a watch ("update group name A -> B", "start a group …, call it …", 刪除讀書會組). BV's one
 *     ("quit telling me when <group> people come online" started presence alerts) was this stop's own doing: a cue
 *     widened for BO no longer saw "quit" as a negation; BW met every number. BX deleted a group "Conference 2044 speakers" as a meeting "2044
 *     speakers"; BY met every number; so did BZ, and CA's one miss was a read acted on as a
 *     write ("the new contact group feature looks neat" made a group). Of the fourteen fresh corpora BN to CA, seven
 *     met every number at their first score; the other seven held one or two wrong writes (two of them reads acted on
 *     as writes, BO's and CA's). Intent ≥ 97 in twelve of fourteen, entities ≥ 95 in all fourteen. CB and CC, then CD
 *     and CE, were all four scored on one recognizer (8502166): CB and CC met every number, CD let "them" in at an id
 *     into a Skype lobby called the id, CE booked a meeting pointed at with 那个会 and set, and deleted with no name a
 *     group of 伙伴 "不用了，删除". After their tuning, CF met every number; CG, beside it, booked a meeting for "got any
 *     skype meetings set up?", muted everyone for "i'm muted lol, my headset is broken" and turned away a person for
 *     "<id> 别让别人再进了，锁上". After that tuning, CI met every number and CH, beside it, let everyone in for "quit
 *     monitoring the waiting room of <id>". CJ met every number and CK, beside it, made a group of "make <meeting> locked,
 *     nobody new gets in" and ended a meeting for "stop telling me when <group> go online"; CL met every number and CM
 *     unlocked a meeting for "open up <id> for whoever's waiting". CN and CO, written side by side after that, both met
 *     every number (the first pair to since CB and CC, both scored on 8502166). Of the fourteen fresh corpora CB to CO,
 *     eight met every number at their first score (CB, CC, CF, CI, CJ, CL, CN, CO), intent ≥ 97 in thirteen and
 *     entities ≥ 95 in all fourteen; the other six held one to three
 *     wrong writes, at the edges of two commands (who waits and a Huawei waiting room, a lock and a refusal, a
 *     meeting and a group, a state told and a command). BF's English entities (94.4) counted ids typed
 *     with hyphens as misses; the scorer counts them as the id since (test/nlu/corpus.ts sameConferenceId). AH, AI and
 *     AJ had no read acted on as a write at their first score (AE and AG had one each). The brief a writer gets is `node dist/scripts/nluCorpusBrief.js <folder> <letter> <time>`.
 */

const OPENING_VERBS_OF_CHANGE = new Set(['change', 'make', 'set', 'update', 'lock', 'unlock', 'switch', 'turn', 'open', 'close', 'move', 'modify', 'edit']);

/**
 * "change Board prep so nobody can join" offered as admitting a person called "change Board prep so nobody": a reading
 * whose name starts with the sentence's own first word took the command for a name, and is not offered.
 */
function swallowsTheCommand(entities: Entities, normalised: string): boolean {
  const firstWord = normalised.split(' ')[0];
  if (!firstWord || !OPENING_VERBS_OF_CHANGE.has(firstWord) || /\p{Script=Han}/u.test(normalised)) return false;
  return Object.values(entities).some((value) => typeof value === 'string' && value.split(' ').length >= 3 && value.toLowerCase().split(' ')[0] === firstWord);
}

export interface RecognizerOptions {
  /** The reference "now" for relative times ("tomorrow at 3pm"); tests pin it. */
  now?: () => Date;
  /** The classifier heard when the rules find no command (./secondOpinion.ts's stored one unless a test gives its own). */
  secondOpinion?: ClassifierModel;
}

// Below these, the text is not a command: the network barely reacts to any feature (strength), or two or
// more intents share the vote (share of the normalised score).
const MIN_STRENGTH = 0.25;
const MIN_SHARE = 0.35;
const MAX_ALTERNATIVES = 3;

const LEADING_POLITENESS_WORDS = [
  ['could', 'you'], ['can', 'you'], ['would', 'you'], ['will', 'you'], ['i', 'want', 'to'], ['i', 'would', 'like', 'to'],
  ['id', 'like', 'to'], ['i', 'need', 'to'], ['go', 'ahead', 'and'], ['hey'], ['hi'], ['hello'], ['ok'], ['okay'], ['so'],
  ['bot'], ['meetingbot'], ['yo'], ['quick', 'question'], ['lets'], ['now'],
  ['would', 'you', 'mind'], ['do', 'you', 'mind'], ['we', 'want', 'to'], ['we', 'need', 'to'], ['we', 'would', 'like', 'to'], ['wed', 'like', 'to'], ['you', 'can'], ['you', 'may'], ['i', 'need', 'you', 'to'], ['id', 'like', 'you', 'to'],
  ['can', 'we'], ['could', 'we'], ['be', 'a', 'dear', 'and'],
  ['i', 'was', 'wondering', 'if', 'you', 'could'], ['i', 'wonder', 'if', 'you', 'could'], ['i', 'was', 'hoping', 'you', 'could'],
  ['would', 'you', 'be', 'so', 'kind', 'as', 'to'], ['would', 'you', 'kindly'], ['if', 'you', 'could'], ['is', 'it', 'possible', 'to'],
  ['any', 'chance', 'you', 'could'], ['do', 'me', 'a', 'favor', 'and'], ['do', 'me', 'a', 'favour', 'and'], ['just'],
  // Twelfth pass: hesitations and acknowledgements said before the command ("umm", "ok so basically", "no worries, …").
  ['um'], ['umm'], ['uh'], ['uhm'], ['er'], ['basically'], ['ya'], ['yeah'], ['yep'], ['sure'], ['alright'], ['all', 'right'],
  ['ya', 'can'], ['yah', 'can'], ['no', 'worries'], ['no', 'problem'], ['cool'], ['great'], ['perfect'], ['awesome'], ['right', 'so'], ['well'], ['actually'],
] as const;
// Longest first, so "would you mind" goes whole rather than leaving "mind" behind "would you".
const LEADING_POLITENESS = [...LEADING_POLITENESS_WORDS].sort((a, b) => b.length - a.length);
// "would you mind admitting Carlos": after the politeness the verb comes as a gerund; read it as the command verb.
const GERUNDS: Readonly<Record<string, string>> = {
  admitting: 'admit', letting: 'let', rejecting: 'reject', declining: 'decline', denying: 'deny', deleting: 'delete',
  removing: 'remove', cancelling: 'cancel', canceling: 'cancel', creating: 'create', scheduling: 'schedule', ending: 'end',
  muting: 'mute', unmuting: 'unmute', locking: 'lock', unlocking: 'unlock', renaming: 'rename', adding: 'add', sending: 'send',
  turning: 'turn', showing: 'show', listing: 'list', bringing: 'bring', setting: 'set', booking: 'book', moving: 'move',
};
const ANYWHERE_FILLER = new Set(['please', 'pls', 'plz', 'kindly', 'pleaseee', 'plese']);
// Longest first, like the leading politeness; "when you get a chance", "real quick": when, not what.
const TRAILING_FILLER_WORDS = [
  ['thanks'], ['thank', 'you'], ['thx'], ['ty'], ['for', 'me'], ['asap'], ['bot'], ['when', 'you', 'get', 'a', 'chance'], ['when', 'you', 'can'],
  ['real', 'quick'], ['right', 'away'], ['as', 'well'], ['too'], ['if', 'possible'], ['if', 'you', 'can'], ['for', 'a', 'bit'], ['quickly'],
  ['at', 'your', 'convenience'], ['whenever', 'you', 'can'],
  // Twelfth pass: chat sign-offs.
  ['for', 'good'], ['once', 'and', 'for', 'all'], ['lol'], ['haha'], ['cheers'], ['thanks', 'a', 'lot'], ['ta'], ['mate'], ['much', 'appreciated'], ['appreciate', 'it'],
] as const;
const TRAILING_FILLER = [...TRAILING_FILLER_WORDS].sort((a, b) => b.length - a.length);

export function createRecognizer(options: RecognizerOptions = {}): Recognizer {
  const model = trainClassifier();
  const fallback = options.secondOpinion ?? secondOpinion();
  const now = options.now ?? (() => new Date());
  return {
    recognize(text: string, locale?: string): Recognition {
      const at = now();
      const whole = recognizeWith(model, at, text, locale, fallback);
      return twoChangesAsked(whole, text, (part) => recognizeWith(model, at, part, locale, fallback)) ?? whole;
    },
  };
}

// "disconnect my account and stop the lobby pings", "admit Bob and lock the meeting": a second command after "and".
const SECOND_COMMAND_EN = /^(.+?)[\s,]+(?:and|then|and then|and also|plus)\s+(?:also\s+|please\s+|pls\s+)?((?:admit|let|reject|deny|turn away|kick|lock|unlock|mute|unmute|end|delete|cancel|remove|rename|stop|unwatch|watch|sign|log|disconnect|create|schedule|book)\b.*)$/iu;

/**
 * One message, two changes: the bot runs one command per message, and which one was meant first is not for it to
 * guess (the classifier heard "stop" louder than "disconnect"). Both are offered as one question; nothing runs
 * unasked. A change and a read, or a setting of the meeting being booked ("… and let phone users bypass the
 * lobby"), are one command as before.
 */
function twoChangesAsked(whole: Recognition, input: string, recognize: (part: string) => Recognition): Recognition | undefined {
  if (whole.foreign || whole.tooLong || whole.language !== 'en') return undefined;
  const parts = SECOND_COMMAND_EN.exec(removeMentions(input).trim());
  // One word before "and" is most often a name ("Bob and Carol"); a sign-out typed as one word is a command.
  if (!parts?.[1] || !parts[2] || (parts[1].trim().split(/\s+/u).length < 2 && !/^(?:logout|signout|logoff)$/iu.test(parts[1].trim()))) return undefined;
  // The second part first: it is the shorter, and most often a setting of the booking the whole sentence is.
  const second = recognize(parts[2]);
  if (!isWrite(second.intent) || (BOOKINGS_AND_SETTINGS.has(whole.intent) && second.intent === 'meetings.update')) return undefined;
  const first = recognize(parts[1]);
  if (!isWrite(first.intent) || first.intent === second.intent) return undefined;
  if (BOOKINGS_AND_SETTINGS.has(first.intent) && second.intent === 'meetings.update') return undefined;
  // "open the waiting room of 612908451 and let everybody through": one change, said twice.
  if (SAME_CHANGE.some((pair) => pair.has(first.intent) && pair.has(second.intent))) return undefined;
  // "disconnect my account and stop the lobby pings": signing out stops its alerts too (dialogs/lobby/account.ts).
  const covers = (reading: Recognition, other: Recognition): boolean => lookup(COVERS, reading.intent)?.includes(other.intent) ?? false;
  const covering = covers(first, second) ? first : covers(second, first) ? second : undefined;
  if (covering) {
    const explanation = [...whole.explanation, `"${parts[1].trim()}" and "${parts[2].trim()}": ${covering.intent} does both → ${covering.intent}`];
    return { ...whole, intent: covering.intent, entities: covering.entities, ask: undefined, askWhy: undefined, score: Math.max(whole.score, covering.score), explanation };
  }
  const ask = [{ intent: first.intent, entities: first.entities }, { intent: second.intent, entities: second.entities }];
  const explanation = [...whole.explanation, `two changes in one message ("${parts[1].trim()}" → ${first.intent}, "${parts[2].trim()}" → ${second.intent}) → asked which`];
  return { ...whole, intent: first.intent, entities: first.entities, ask, explanation, askWhy: undefined };
}

const BOOKINGS_AND_SETTINGS: ReadonlySet<string> = new Set(['meetings.create', 'meetings.update']);
const SAME_CHANGE: ReadonlyArray<ReadonlySet<string>> = [new Set(['huawei.admitWaiting', 'lobby.admit'])];
const COVERS: Readonly<Record<string, readonly string[]>> = { signOut: ['watch.stop', 'groups.presenceStop'] };

// The second opinion speaks only when it is this sure (its reading's score); below it, "I didn't catch that" with
// the nearest commands is the better answer. Chosen leaving each corpus out of its training in turn: at 0.7–0.95 it
// read 3 more of corpus N's sentences right and none of the 15 corpora's wrong; below 0.7 small talk became commands.
const SECOND_OPINION_MIN_SCORE = 0.8;
// …and only about a sentence in which the first classifier heard some command at all: "show me the blue thing for the
// Q3 stuff" (strength 0.01) holds no command word, only the shape of one, and is better answered "I didn't catch that".
const SECOND_OPINION_MIN_FIRST_STRENGTH = 0.1;

/**
 * When the rules find no command, the second opinion (./secondOpinion.ts) reads the sentence with the same rules
 * over a classifier that has learned from every labelled sentence. A write it finds was not clearly meant, so it
 * is asked, never run.
 */
function reconsidered(first: Recognition, second: Recognition): Recognition {
  if (second.intent === NONE_INTENT || second.foreign || second.score < SECOND_OPINION_MIN_SCORE) return first;
  const explanation = [...first.explanation, `second opinion (trained on the labelled corpora): ${second.intent} (${second.score.toFixed(2)})`, ...second.explanation.map((line) => `  ${line}`)];
  const ask = second.ask ?? (isWrite(second.intent) ? [{ intent: second.intent, entities: second.entities }] : undefined);
  return { ...second, explanation, ...(ask ? { ask } : {}) };
}

/**
 * A command is one sentence: the longest in every corpus people wrote is 109 characters. Teams lets 28,000 through,
 * and read whole, such a text cost Recognizers-Text minutes (a run of digits is a number it tries at every position)
 * and overflowed V8's stack compiling a case-insensitive pattern around a name that long. So a text this much longer
 * than any command is not read, and the person is told why.
 */
export const LONGEST_COMMAND = 500;
// Mention tags and emoji are taken out before the length counts; a text this long is refused before even that.
const LONGEST_RAW_TEXT = 4 * LONGEST_COMMAND;
// Every character toSimplified converts, and every word the recognizer reads as another (群组, 门口 …), is in here.
const HAN_OR_COMPATIBILITY = /[\u3400-\u9fff\uf900-\ufaff]/u;

function tooLong(text: string, locale: string | undefined, explanation: string[]): Recognition {
  explanation.push(`${text.length} characters, longer than any command (${LONGEST_COMMAND}) → not read`);
  const language = detectLanguage(text.slice(0, LONGEST_COMMAND), locale);
  return { intent: NONE_INTENT, score: 1, entities: {}, language, text: '', explanation, alternatives: [], tooLong: true };
}

const ENDS_AS_QUESTION = /[?？]\s*$/u;

function recognizeWith(model: ClassifierModel, now: Date, input: string, locale?: string, fallback?: ClassifierModel): Recognition {
  const explanation: string[] = [];
  if (input.length > LONGEST_RAW_TEXT) return tooLong(input, locale, explanation);
  const typed = joinSpacedIds(removeEmoji(removeMentions(input)));
  if (typed.length > LONGEST_COMMAND) return tooLong(typed, locale, explanation);
  // 群组 is another word for a contact group (分组), 追踪 for 跟踪, 联络人 (Taiwan) for 联系人; the same length, so names are
  // still given back as typed. Taiwan's words read as the mainland's the patterns know: 預設 is 默认 (a default), 連結
  // 链接 (a link), 監看 监控 (to watch).
  // A text without a Han character (most English ones) is left as it is: none of these twelve replaces can change it.
  const text = !HAN_OR_COMPATIBILITY.test(typed) ? typed : toSimplified(typed).replace(/群组/gu, '分组').replace(/追踪/gu, '跟踪').replace(/联络人/gu, '联系人').replace(/预设(?!计)/gu, '默认')
    .replace(/连结/gu, '链接').replace(/监看|监视/gu, '监控')
    // Thirteenth pass: Taiwan's 扩充 (擴充) is the mainland's 扩展, an extension.
    .replace(/扩充/gu, '扩展')
    // 登入 (Taiwan) is 登录, to sign in.
    .replace(/登入/gu, '登录')
    // 门口 (the doorway) is where people wait to be let in: the lobby (大厅), the same length.
    .replace(/门口/gu, '大厅')
    // A meeting's 细节 are its 详情 (details), the same length.
    .replace(/的细节/gu, '的详情')
    // 资讯 (Taiwan's 資訊, information) of a meeting are its details too.
    .replace(/资讯/gu, '详情');
  const language = detectLanguage(text, locale);
  const chinese = hasHan(text) && (detectLanguage(text) === 'zh' || chineseVerbFirst(text));
  explanation.push(`text: "${text}" (language ${language}${locale ? `, locale ${locale}` : ''})`);

  if (inOtherScript(text) || (!hasHan(text) && mostlyForeign(text))) {
    // Japanese shares Han characters with Chinese; the kana (or hangul, Cyrillic…) show it is not Chinese; a Latin
    // sentence of German or French function words is no English command either.
    explanation.push('written in a script or language I do not read → none');
    return { intent: NONE_INTENT, score: 1, entities: {}, language, text, explanation, alternatives: [], foreign: true };
  }
  if (asksWhatTheBotCanDo(text, chinese)) {
    // "can you delete meetings?", "你能删除会议吗": a question about the bot, answered by help; nothing is run.
    explanation.push('asks whether I can do something in general → help');
    return { intent: 'help', score: 1, entities: {}, language, text, explanation, alternatives: [] };
  }
  const clause = chinese ? chineseCommand(text) : englishCommand(text);
  explanation.push(...clause.notes.map((note) => `clauses: ${note}`));
  const command = chinese ? micAsMute(clause.text) : expandShorthand(clause.text);
  const { tokens, corrections } = correctTokens(model, tokenize(command));
  if (corrections.length > 0) {
    explanation.push(`typos corrected: ${corrections.join(', ')}`);
  }
  const commandTokens = chinese ? tokens : stripPoliteness(tokens);
  const normalised = chinese ? stripChinesePoliteness(command) : commandTokens.map((t) => t.norm).join(' ');
  if (!chinese) {
    explanation.push(`normalised: "${normalised}"`);
  }

  const classification = model.classify(commandTokens, chinese, normalised);
  explanation.push(`features: ${classification.features.join(' ') || '(none known)'}`);
  const ranked = classification.ranked;
  const top: IntentScore | undefined = ranked[0];
  explanation.push(`scores: ${ranked.slice(0, MAX_ALTERNATIVES + 1).map((r) => `${r.intent} ${r.score.toFixed(2)}`).join(', ') || '-'}; network strength ${classification.strength.toFixed(2)}`);

  let intent = top?.intent ?? NONE_INTENT;
  let score = top?.score ?? 1;
  // None because the classifier was unsure (not because the sentence refused a change): the second opinion may read it.
  let unclear = false;
  // The reading the opening verb picked where the classifier was unsure: its other readings stay rivals.
  let pickedByVerb = false;
  const explains = asksForExplanation(commandTokens, normalised, chinese);
  if (explains) {
    // "explain <anything>": the rest is arbitrary text that would sway the classifier, so the prefix decides.
    explanation.push('starts with "explain" → debugParse');
    intent = 'debugParse';
    score = 1;
  } else if ((!top || classification.strength < MIN_STRENGTH || top.score < MIN_SHARE) && familyPick(ranked, normalised, chinese)) {
    intent = familyPick(ranked, normalised, chinese) ?? NONE_INTENT;
    score = Math.max(ranked.find((r) => r.intent === intent)?.score ?? 0, MIN_SHARE);
    pickedByVerb = true;
    explanation.push(`no intent is clear, but the opening verb names ${intent}`);
  } else if (!top || classification.strength < MIN_STRENGTH || top.score < MIN_SHARE) {
    explanation.push(`no intent is clear enough (needs strength ≥ ${MIN_STRENGTH} and share ≥ ${MIN_SHARE}) → none`);
    unclear = classification.strength >= SECOND_OPINION_MIN_FIRST_STRENGTH;
    intent = NONE_INTENT;
    score = top ? 1 - top.score : 1;
  } else {
    explanation.push(`intent ${intent} (${score.toFixed(2)}) because of ${classification.evidence.join(', ') || 'the bias'}`);
  }

  // Only a sentence that asks for an explanation keeps its text away from the cues; the classifier's debugParse (球友组解散吧,
  // 解 of 解析) is weighed like any reading.
  const cue = explains ? undefined : strongCue(intent, normalised, chinese, ENDS_AS_QUESTION.test(command));
  if (cue) {
    explanation.push(cue.reason);
  }
  if (cue && !cue.confirmed) {
    intent = cue.intent;
    score = Math.max(score, ranked.find((r) => r.intent === cue.intent)?.score ?? 0, MIN_SHARE);
  }

  // 分析 inside a name (关注 月度经营分析) is no request to explain: in Chinese the explanation is asked with its verb first,
  // so the classifier's debugParse, when no cue read the sentence otherwise, gives way to its next reading.
  if (intent === 'debugParse' && !explains && chinese && !/^(?:帮我|请|麻烦|你)?(?:解析|解释|调试|分析|怎么|如何)/u.test(normalised) && ranked[1]) {
    explanation.push(`debugParse heard in a name, not asked for → ${ranked[1].intent}`);
    intent = ranked[1].intent;
    score = ranked[1].score;
  }
  const markers = platformMarkers(command);
  const redirected = redirectByMeetingId(intent, command, markers);
  if (redirected) {
    explanation.push(redirected.reason);
    intent = redirected.intent;
  }

  const family = familyOf(normalised, chinese);
  // The classifier's readings on the side the text names ("watch my Huawei meeting …" ranks watch.start, which is
  // huawei.watch there): a reading is no rival of its own counterpart.
  const sided = onSide(ranked, command, markers);
  // With an opening verb that names the command, only another reading of the same verb can be "close" — and a change
  // the verb is also said of, when the classifier leaned to it and the verb picked the reading ("we don't need
  // Onboarding 101 anymore, kill it": it leaned to a deletion, "kill" names an end first).
  const leaned = pickedByVerb && top && verbAlsoSaidOf(normalised, chinese).includes(top.intent) ? top.intent : undefined;
  const rivals = family?.includes(intent) ? sided.filter((r) => r.intent === intent || family.includes(r.intent) || r.intent === leaned) : sided;
  const guard = cue?.asked
    ? askFallingBackToRead(intent, cue.reason)
    : cue
    ? cueGuard(intent, verbOverCue(intent, ranked, normalised, chinese))
    : guardWrite(intent, score, rivals, normalised, chinese, outOfFamily(intent, ranked, normalised, chinese));
  if (redirected?.ask && !guard.ask) {
    guard.ask = redirected.ask;
  }
  const verbReading = guard.ask || guard.intent !== intent ? undefined : verbAgainstRead(intent, sided, normalised, chinese);
  if (verbReading) {
    guard.ask = [verbReading, intent];
    guard.reason = `read ${intent} against the opening verb's ${verbReading} → ask`;
  }
  if (guard.reason) {
    explanation.push(guard.reason);
    // A reading the guard brings in is read with the same Skype-or-Huawei markers as the classifier's.
    const side = (name: string): string => (name === intent ? name : redirectByMeetingId(name, command, markers)?.intent ?? name);
    guard.intent = side(guard.intent);
    guard.ask = guard.ask ? [...new Set(guard.ask.map(side))] : undefined;
    intent = guard.intent;
  }

  if (redirected?.ask && !guard.ask && guard.intent === redirected.intent) {
    guard.ask = redirected.ask;
  }
  // A stop is itself said with a negation ("don't ping me about Retro any more"): only other changes are checked.
  const notAsked = isWrite(intent) && !STOPS.has(intent) ? changeNotAskedFor(clause.text, chinese, clause.askedFor) : undefined;
  if (notAsked) {
    explanation.push(notAsked);
    unclear = false;
    intent = NONE_INTENT;
    guard.ask = undefined;
  }

  const extract = (name: string): ReturnType<typeof extractEntities> => name === NONE_INTENT
    ? { entities: {}, trace: [] }
    // The text to explain is given back whole: its particles (吧, 吗) are part of what was said.
    : extractEntities({ intent: name, language: chinese ? 'zh' : 'en', tokens: commandTokens, text: chinese && name !== 'debugParse' ? normalised : command, now });
  let { entities, trace } = extract(intent);
  explanation.push(...trace.map((line) => `entities: ${line}`));
  // A write asked about once its object is known: the reading reported becomes the guard's, read afresh.
  const askInstead = (asked: WriteGuard): void => {
    explanation.push(asked.reason ?? '');
    guard.ask = asked.ask;
    if (asked.intent === intent) return;
    intent = asked.intent;
    ({ entities, trace } = extract(intent));
    explanation.push(...trace.map((line) => `entities: ${line}`));
  };
  const indefinite = guard.ask ? undefined : guardIndefiniteTarget(intent, entities);
  if (indefinite) askInstead(indefinite);
  const group = groupNamedAsMeeting(intent, entities, command);
  if (group) {
    explanation.push(`"${entities.meeting}" is a contact group's name (…组) → ${group}`);
    const named = entities.meeting;
    intent = group;
    ({ entities, trace } = extract(intent));
    // "帮我删了球友组": the group's rules do not read a meeting's phrasing; the name the meeting's rules found is the group.
    if (!entities.group && named) entities = { ...entities, group: named.replace(/(?<=\S)(?:分组|组|組)$/u, '') };
  }
  // 中午订个外卖: the booking asked about (a new meeting) is of a thing of another kind, so the read it falls back to is no
  // answer either. (Only a booking: "how can people join from their phone?" asks about a change whose object is no
  // thing booked, and its read, the dial-in, is the answer.)
  const askedAboutAnotherKind = (guard.ask ?? []).filter((asked) => BOOKINGS.has(asked)).map((asked) => judgeSentence(asked, {}, command, chinese)).find((verdict) => verdict?.kind === 'foreign');
  const objectVerdict = intent === 'help'
    ? helpAboutAnotherKind(command, chinese)
    : judgeObject(intent, entities, chinese, namesItsSubject(command, chinese), command) ?? judgeSentence(intent, entities, command, chinese) ?? askedAboutAnotherKind;
  if (objectVerdict?.kind === 'foreign') {
    explanation.push(`${objectVerdict.reason} → none`);
    unclear = false;
    intent = NONE_INTENT;
    guard.ask = undefined;
    ({ entities, trace } = extract(intent));
  } else if (objectVerdict && !guard.ask) {
    askInstead(askFallingBackToRead(intent, objectVerdict.reason));
  }
  let askWhy: Recognition['askWhy'];
  const unsaid = guard.ask || intent === NONE_INTENT ? undefined : kindNotSaid(intent, entities, `${text} ${normalised}`, chinese) ?? serviceNotSaid(intent, entities, text);
  if (unsaid) {
    explanation.push(`what kind of thing "${entities.meeting ?? entities.group}" is (${unsaid.join(' or ')}) is not said → ask, settled by what exists`);
    guard.ask = unsaid;
    askWhy = 'kind';
  }
  entities = asTyped(entities, text, typed);
  if (intent === 'debugParse' && typeof entities.keyword === 'string') entities = { ...entities, keyword: spacedAsTyped(entities.keyword, removeEmoji(removeMentions(input))) };
  const found = Object.entries(entities).map(([slot, value]) => `${slot}=${JSON.stringify(value)}`);
  explanation.push(`entities: ${found.join(', ') || '(none)'}`);

  const alternatives = ranked.filter((r) => r.intent !== intent).slice(0, MAX_ALTERNATIVES).map((r) => ({ intent: r.intent, score: round(r.score) }));
  const result: Recognition = { intent, score: round(score), entities, language, text: normalised, explanation, alternatives };
  if (guard.ask) {
    const otherReading = (name: string): Entities => {
      const own = asTyped(extract(name).entities, text, typed);
      return askWhy === 'kind' ? readAsOtherKind(name, own, entities) : own;
    };
    const offered = guard.ask.map((name) => ({ intent: name, entities: name === intent ? entities : otherReading(name) }));
    const sensible = offered.filter((reading) => reading.intent === intent || !swallowsTheCommand(reading.entities, normalised));
    result.ask = sensible.length > 0 ? sensible : offered;
    if (askWhy) result.askWhy = askWhy;
  }
  if (intent === NONE_INTENT && looksForeign(text)) {
    explanation.push('written in a language I do not speak');
    result.foreign = true;
  }
  if (fallback && unclear && intent === NONE_INTENT && !result.foreign) {
    return reconsidered(result, recognizeWith(fallback, now, input, locale));
  }
  return result;
}

/**
 * A cue's shape settles a reading, but not against the opening verb: "post Budget review lobby alerts here so everyone
 * can join" has the shape of a setting ("so everyone can join") and opens with a verb that routes alerts. Two changes
 * compete, so the person is asked; neither runs unasked.
 */
function cueGuard(intent: string, verbReading: string | undefined): WriteGuard {
  return verbReading && verbReading !== intent
    ? { intent: verbReading, ask: [verbReading, intent], reason: `write ${intent} (a strong cue) is not what the opening verb asks for (${verbReading}) → ask` }
    : { intent };
}

/** The ranked readings moved to the side the text's markers name, the scores of readings that meet added up. */
function onSide(ranked: readonly IntentScore[], command: string, markers: PlatformMarkers): IntentScore[] {
  // A list, not a Map spread into one: the readings are a handful, and the Map, its spread and V8's sort were ~2 KB of
  // a recognition's garbage. Readings that meet keep the place the first of them took, as the Map's order did.
  const sided: IntentScore[] = [];
  for (const r of ranked) {
    const name = redirectByMeetingId(r.intent, command, markers)?.intent ?? r.intent;
    const met = readingOf(sided, name);
    if (met) met.score += r.score;
    else sided.push({ intent: name, score: r.score });
  }
  return sortShort(sided, byScore);
}

function readingOf(readings: readonly IntentScore[], intent: string): IntentScore | undefined {
  for (const reading of readings) if (reading.intent === intent) return reading;
  return undefined;
}

function byScore(a: IntentScore, b: IntentScore): number {
  return b.score - a.score;
}

/**
 * Huawei Cloud meetings are addressed by a numeric conference id and have a "waiting room"; Skype for Business
 * meetings by subject and have a "lobby"; contact groups are never named by a bare number. When the classifier picks one side but the text carries the other
 * side's marker, the marker wins. Huawei's own command phrasings count as markers too, so a subject works where an
 * id does: "details of meeting <subject>", "who's in meeting <subject>" (a contact group is never called
 * "meeting …") and "admit everyone waiting in <subject>" (the Skype lobby is named as such).
 */
const HUAWEI_COUNTERPART: Readonly<Record<string, string>> = {
  'meetings.details': 'huawei.details', 'lobby.admit': 'huawei.admitWaiting', 'groups.members': 'huawei.participants',
};
const UCWA_COUNTERPART: Readonly<Record<string, string>> = { 'huawei.details': 'meetings.details', 'huawei.admitWaiting': 'lobby.admit' };

const MEETING_NOUN = String.raw`(?:the\s+)?(?:meeting|conference|call)\s+(?!(?:details|info|link)\b)[\p{L}\d"“「'‘]`;
const HUAWEI_PHRASE: Readonly<Record<string, RegExp>> = {
  'meetings.details': new RegExp(String.raw`\b(?:details?|info|information)\s+(?:of|for|on)\s+${MEETING_NOUN}|^(?:查看|显示)?\s*会议\s*\S.*?的(?:详情|详细信息|信息)`, 'iu'),
  'groups.members': new RegExp(String.raw`^(?!.*\bgroup\b).*\bwho(?:'s|’s|s|\s+is|\s+are)?\s+(?:in|on|attending|inside|at)\s+${MEETING_NOUN}|谁在会议|^会议\s*\S.*?(?:里|中)(?:有谁|都有谁)`, 'iu'),
  // Huawei's phrasing is "waiting in <subject>"; "everyone waiting for Budget review" is the Skype lobby.
  'lobby.admit': /^(?!.*\b(?:lobby|lobbies)\b|.*大厅).*\b(?:all|everyone|everybody)\b.*\bwaiting\s+(?:in|at)\s+\S/iu,
};

// "remove <meeting> from my online meetings": the thing removed is a meeting, not a visitor in a lobby.
const OFF_MY_MEETINGS = /^(?!.*\b(?:lobby|lobbies|waiting)\b).*\b(?:remove|take|drop|delete)\b.+\b(?:from|off|out of) (?:my|our|the) (?:online |skype )?(?:meetings|calendar|schedule|diary|agenda)\b/iu;

const STOPS: ReadonlySet<string> = new Set(['watch.stop', 'huawei.unwatch', 'groups.presenceStop', 'signOut']);

const NOT_LET_IN = /^(?:please\s+)?(?:do not|don['’]?t|never|no need to)\s+(?:let|admit|allow)\b|^(?:请|麻烦)?(?:不要|别|不准|不许|不用)(?:让|放)/iu;

/**
 * "watch my Huawei meeting …", "show me the huawei meeting Q2 roadmap", "华为会议 季度复盘 里有谁": the platform named
 * outright decides the side. The classifier does not see the platform's name (classifier.ts), so the command is
 * read from the other words and moved to its Huawei counterpart here.
 */
// "every cloud meeting", 云会议: Huawei Cloud Meeting's own name for its meetings names the platform too.
const HUAWEI_NAMED = /\bhuawei\b|华为|\bcloud (?:meetings?|conferences?|calls?)\b|云会议/iu;
const HUAWEI_NAMED_COUNTERPART: Readonly<Record<string, string>> = {
  'watch.start': 'huawei.watch', 'watch.stop': 'huawei.unwatch', 'meetings.details': 'huawei.details', 'lobby.who': 'huawei.participants',
  'groups.members': 'huawei.participants', 'lobby.admit': 'huawei.admitWaiting',
};
// A change of a Skype meeting's setting that is a Huawei control: locking, muting.
const HUAWEI_UPDATE = [
  { intent: 'huawei.lock', words: /\b(?:un)?lock(?:ed)?\b|\bopen\b.*\bup\b|\breopen\b|锁/iu },
  { intent: 'huawei.mute', words: /\b(?:un)?mute\b|静音/iu },
] as const;
// A lobby watch for a conference id or a waiting room is Huawei's (Skype meetings have a lobby and a subject).
const WATCH_BY_MARKER: Readonly<Record<string, string>> = { 'watch.start': 'huawei.watch', 'watch.stop': 'huawei.unwatch' };

// "the guest from Huawei", 来自华为的访客: the company a person comes from, not the platform of the meeting.
const HUAWEI_ORIGIN = /\b(?:from|of|with)\s+huawei\b(?!\s+(?:cloud\s+)?(?:meetings?|calls?|conferences?|rooms?|sessions?|waiting))|来自\s*华为|华为(?:那边|方面)?(?:来|派来)的/giu;
// "admit the Huawei guests", 华为的访客放进来: a person named by the company, unless a meeting or a waiting room is named too.
const HUAWEI_PERSON = /\bhuawei\s+(?:guests?|visitors?|people|folks|guys?|colleagues?|partners?|contractors?|engineers?|reps?|representatives?|team|delegation)\b|华为的?(?:访客|客人|来宾|同事|人|朋友|工程师|伙伴|团队|代表)/iu;
const HUAWEI_PLACE = /\bhuawei\s+(?:cloud\s+)?(?:meetings?|calls?|conferences?|rooms?|sessions?)\b|\bcloud (?:meetings?|conferences?|calls?)\b|华为(?:云)?(?:会议|会)|云会议|waiting\s*room|等候室|(?<![A-Za-z\d])\d{6,12}(?![A-Za-z\d])/iu;

function huaweiNamed(intent: string, text: string, markers: PlatformMarkers): { intent: string; reason: string; ask?: string[] } | undefined {
  if (!markers.huaweiNamed) {
    return undefined;
  }
  if (intent === 'lobby.admit' && HUAWEI_PERSON.test(text) && !HUAWEI_PLACE.test(text)) {
    // Guests from the company or everyone in the platform's waiting room: both admit people, so ask.
    return { intent, ask: [intent, 'huawei.admitWaiting'], reason: 'Huawei names the people, not clearly the platform → ask' };
  }
  const side = lookup(HUAWEI_NAMED_COUNTERPART, intent) ?? (intent === 'meetings.update' ? huaweiUpdate(text) : undefined);
  return side ? { intent: side, reason: `Huawei named → ${side}` } : undefined;
}

/**
 * What a sentence says of the platform, read once: every reading of the sentence (the classifier's, onSide's, the
 * guard's) is moved by the same markers, and reading them again for each was a replace and three tests per reading.
 */
interface PlatformMarkers {
  /** The platform's name, not as the company a person comes from. */
  huaweiNamed: boolean;
  conferenceId: boolean;
  waitingRoom: boolean;
}

// Only Latin letters glue to an id: "209384756是什么会" holds one.
const CONFERENCE_ID = /(?<![A-Za-z\d])\d{6,12}(?![A-Za-z\d])/u;
const WAITING_ROOM = /waiting[\s-]*room|等候室/iu;
// "the folks waiting for 980113725 can join now": the people waiting at a conference id, plural, are its waiting room.
const EVERYONE_WAITING = /\b(?:all|everyone|everybody|(?:the|those|these) (?:people|folks|guests|visitors|callers|attendees|ones))\b|(?:^|\s)(?:folks|people|ppl|peeps|guests|visitors|callers|attendees) (?:who are |still )?waiting\b|所有|都/iu;

function platformMarkers(text: string): PlatformMarkers {
  return { huaweiNamed: HUAWEI_NAMED.test(text.replace(HUAWEI_ORIGIN, ' ')), conferenceId: CONFERENCE_ID.test(text), waitingRoom: WAITING_ROOM.test(text) };
}

function huaweiUpdate(text: string): string | undefined {
  for (const update of HUAWEI_UPDATE) if (update.words.test(text)) return update.intent;
  return undefined;
}

function redirectByMeetingId(intent: string, text: string, markers: PlatformMarkers): { intent: string; reason: string; ask?: string[] } | undefined {
  const named = huaweiNamed(intent, text, markers);
  if (named) return named;
  if ((intent === 'lobby.admit' || intent === 'lobby.who' || intent === NONE_INTENT) && NOT_LET_IN.test(text)) {
    return { intent: 'lobby.reject', reason: '"don\'t let … in" → lobby.reject' };
  }
  if (intent === 'lobby.reject' && OFF_MY_MEETINGS.test(text)) {
    return { intent: 'meetings.delete', reason: 'removed from "my meetings" or a calendar → meetings.delete' };
  }
  const { conferenceId, waitingRoom } = markers;
  // "open 690471382 back up": a Skype meeting's access read on a conference id is Huawei's lock (or mute).
  const idControl = intent === 'meetings.update' && conferenceId ? huaweiUpdate(text) : undefined;
  if (idControl) {
    return { intent: idControl, reason: `a conference id with a lock or mute word → ${idControl}` };
  }
  const watch = lookup(WATCH_BY_MARKER, intent);
  if (watch && (conferenceId || waitingRoom)) {
    return { intent: watch, reason: `a conference id or waiting room → ${watch}` };
  }
  const huaweiPhrase = lookup(HUAWEI_PHRASE, intent)?.test(text) ?? false;
  const toHuawei = lookup(HUAWEI_COUNTERPART, intent);
  if (toHuawei && huaweiPhrase) {
    // "admit all the people waiting in R&D sync": Huawei's phrasing, but a subject (no id, no waiting room) names a
    // meeting on either platform; admitting a whole lobby on the wrong one is a write, so both are offered.
    const unsure = intent === 'lobby.admit' && !conferenceId && !waitingRoom;
    return { intent: toHuawei, reason: `a Huawei command phrasing → ${toHuawei}${unsure ? ' (a subject, no id: ask)' : ''}`, ...(unsure ? { ask: [toHuawei, intent] } : {}) };
  }
  if (toHuawei && conferenceId && (intent !== 'lobby.admit' || waitingRoom || EVERYONE_WAITING.test(text))) {
    return { intent: toHuawei, reason: `a conference id is present → ${toHuawei}` };
  }
  if (intent === 'huawei.admitWaiting' && !conferenceId && !waitingRoom && HUAWEI_PHRASE['lobby.admit']?.test(text)) {
    return { intent, reason: 'Huawei\'s phrasing on a subject (no id, no waiting room): ask', ask: [intent, 'lobby.admit'] };
  }
  const toUcwa = lookup(UCWA_COUNTERPART, intent);
  if (toUcwa && !conferenceId && !waitingRoom && !HUAWEI_PHRASE[toUcwa]?.test(text)) {
    return { intent: toUcwa, reason: `no conference id or waiting room → ${toUcwa}` };
  }
  return undefined;
}

/**
 * Names read from a sentence typed in traditional characters are given back as typed ("週例會", not "周例会"): the
 * meeting is called what its organiser called it. The conversion is one character for one, so positions agree.
 */
function asTyped(entities: Entities, converted: string, typed: string): Entities {
  if (converted === typed) {
    return entities;
  }
  const restore = (value: string): string => {
    const at = converted.indexOf(value);
    return at >= 0 ? typed.slice(at, at + value.length) : value;
  };
  return Object.fromEntries(Object.entries(entities).map(([slot, value]) => [slot, typeof value === 'string' ? restore(value) : value])) as Entities;
}

const BOOKINGS: ReadonlySet<string> = new Set(['meetings.create', 'groups.create']);

/**
 * "explain lock 923 456 781": the sentence to explain is given back as it was typed, its ids spaced as they were
 * (the recogniser reads ids joined), wherever it sits in the message.
 */
function spacedAsTyped(value: string, raw: string): string {
  if (raw.includes(value)) return value;
  // Joining took out the spaces between an id's digits ("923 456 781"): the typed text is the value with them put
  // back ("how would you parse 'mute everyone in 923 456 781'"). The value is escaped and at most LONGEST_COMMAND long.
  return new RegExp(escapeRegExp(value).replace(/(?<=\d)(?=\d)/gu, ' ?'), 'u').exec(raw)?.[0] ?? value;
}

/**
 * "关注 Budget review", "删除会议 Weekly sync": a Chinese command whose name is English has more Latin letters than
 * Han characters, yet is Chinese — the command words are. An English sentence that starts with a Chinese name
 * ("张伟 can come in") has English function words around it.
 */
function chineseVerbFirst(text: string): boolean {
  // "把 Alice Wood 放进 Budget review": a one-character opening verb of a Chinese command counts too.
  return /^\s*(?:[\u3400-\u9fff]{2,}|[把将让请]\s*\S)/u.test(text) && !/\b(?:to|in|into|the|can|could|please|of|for|is|are|be|let|and|now|may|should|from|on|at)\b/iu.test(text);
}

// A capability question names a command and at most a kind of thing, no particular one: no name, id or quote.
const CAPABILITY_EN = /^(?:(?:can|could|will|do) you (?:also |even |actually |really )?|are you (?:able|allowed) to |is it possible to |do you know how to )(?:delete|create|make|add|remove|rename|schedule|book|set up|admit|reject|watch|monitor|stop|lock|unlock|mute|unmute|end|cancel|change|move|let|block|kick)(?: (?:meetings|groups|people|participants|guests|visitors|calls|alerts|contacts|lobbies|things|stuff|online meetings|huawei meetings))*\s*\??$|^what does (?:the )?(?:delete|create|make|add|remove|rename|schedule|book|set up|admit|reject|watch|monitor|stop|lock|unlock|mute|unmute|end|cancel|change|move|let|block|kick) (?:command )?do\??$/iu;
const CAPABILITY_ZH = /^你(?:能|可以|会)(?:不能|不会)?(?:帮我)?(?:删除|创建|新建|静音|锁定|结束|重命名|关注|拒绝|准入|放人|安排|修改)(?:会议|分组|人|会)?(?:吗|么|不)?[？?]?$|^(?:怎么|如何|怎样)(?:才能)?(?:创建|新建|删除|添加|关注|取消关注|设置|拒绝|准入|锁定|静音|结束|重命名|改名)/u;

function asksWhatTheBotCanDo(text: string, chinese: boolean): boolean {
  return chinese ? CAPABILITY_ZH.test(text.trim()) : CAPABILITY_EN.test(text.trim());
}

// Module constants, as every English sentence is tested against them (a regex literal is a new object each time).
const HOW_WOULD_YOU_READ = /^(?:how (?:would|do|did) you (?:understand|read|parse|interpret)|show (?:me )?how you (?:parse|read|understand|interpret)|what would you do with|what do you make of|how would you handle) \S/u;
const WHICH_READING = /^(?:what|which) (?:intent|command|reading) (?:is|would be|does|do you get for|would you pick for) \S/u;

function asksForExplanation(tokens: Token[], normalised: string, chinese: boolean): boolean {
  if (chinese) {
    return /^(?:帮我|请|麻烦)?(?:(?:解析|解释|调试)(?:一下)?|分析(?:一下)?(?=这句|\s*[:：]|\s+\S))(?:这句话|这句)?\s*[:：]?\s*\S/u.test(normalised)
      // "你是怎么理解“取消关注周例会”的": how a quoted sentence is understood.
      || /^(?:你)?(?:是|会)?(?:怎么|如何|怎样)(?:理解|解析|看)\s*[“"「'‘]/u.test(normalised)
      // "你会怎么理解这句：锁定会议 912345678": the sentence after a colon.
      || /^(?:你)?(?:是|会)?(?:怎么|如何|怎样)(?:理解|解析|看)(?:下面)?(?:这句话?|这个句子)?\s*[:：]\s*\S/u.test(normalised)
      // "你会怎么理解 锁定会议 912345678": the sentence after a space.
      || /^(?:你)?(?:是|会)?(?:怎么|如何|怎样)(?:理解|解析)\s+\S/u.test(normalised);
  }
  if (HOW_WOULD_YOU_READ.test(normalised)) {
    return true;
  }
  // "what intent is 'who is waiting'": the reading of a quoted sentence, asked.
  if (WHICH_READING.test(normalised) && tokens.some((token) => token.quoted)) {
    return true;
  }
  const first = tokens[0]?.norm;
  // "debugparse create group Vendors": the command's own name, typed as one word.
  return tokens.length > 1 && (first === 'explain' || first === 'parse' || first === 'interpret' || first === 'debugparse' || (first === 'debug' && tokens[1]?.norm !== 'mode'));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Typos that are real words ("sing in"): the spelling corrector only touches words outside the vocabulary, and
 * "sing" is in it (small talk), so the word is fixed only where the next words leave a single reading.
 */
const REAL_WORD_TYPOS: ReadonlyArray<{ typed: string; meant: string; next: RegExp }> = [
  { typed: 'sing', meant: 'sign', next: /^(?:in|out|into|off|on|me (?:in|out|off))\b/u },
];

function realWordTypo(tokens: readonly Token[], i: number): string | undefined {
  const typed = tokens[i]?.norm;
  for (const typo of REAL_WORD_TYPOS) {
    // The next words are joined only for a word that is such a typo: joining them for every word was ~0.2 KB a token.
    if (typo.typed === typed && typo.next.test(nextWords(tokens, i, 2))) return typo.meant;
  }
  return undefined;
}

function nextWords(tokens: readonly Token[], i: number, count: number): string {
  return tokens.slice(i + 1, i + 1 + count).map((t) => t.norm).join(' ');
}

/** Chat shorthand read as the word it stands for ("mtg", "grp", "re:"); the user's spelling stays in `original`. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  mtg: 'meeting', mtgs: 'meetings', mtng: 'meeting', mtngs: 'meetings', grp: 'group', grps: 'groups', re: 'about', ppl: 'people',
  // Eleventh pass: numbers for syllables (any1, some1) and abt, w/ (the tokenizer reads "w/" as "with").
  any1: 'anyone', some1: 'someone', no1: 'no one', abt: 'about', bout: 'about',
  u: 'you', ur: 'your', pls: 'please', 'in-progress': 'ongoing', inprogress: 'ongoing', 'on-going': 'ongoing', plz: 'please', msg: 'message', ext: 'extension', exts: 'extensions', conf: 'conference', confs: 'conferences',
};

// "del grp Partners 2025", "rm the Retro meeting": shorthand verbs, read only where a verb stands (first), so a person
// called Del stays Del.
const OPENING_ABBREVIATIONS: Readonly<Record<string, string>> = { del: 'delete', rm: 'remove', sched: 'schedule', resched: 'reschedule' };

const CAPITALISED = /^\p{Lu}/u;

/** Capitalised words after the first are names people typed on purpose ("Core team"): never "corrected". */
function correctTokens(model: ClassifierModel, tokens: Token[]): { tokens: Token[]; corrections: string[] } {
  const corrections: string[] = [];
  const shouting = tokens.every((t) => t.original === t.original.toUpperCase());
  const corrected = tokens.map((token, i) => {
    const named = i > 0 && !shouting && CAPITALISED.test(token.original);
    const opening = i === 0 ? lookup(OPENING_ABBREVIATIONS, token.norm) : undefined;
    const fixed = token.quoted ? undefined : opening ?? lookup(ABBREVIATIONS, token.norm) ?? (named ? undefined : model.correct(token.norm) ?? realWordTypo(tokens, i));
    if (!fixed) {
      return token;
    }
    corrections.push(`${token.norm}→${fixed}`);
    return { ...token, norm: fixed };
  });
  return { tokens: corrected, corrections };
}

function startsWith(tokens: readonly Token[], words: readonly string[], at: number): boolean {
  return words.every((word, i) => tokens[at + i]?.norm === word && !tokens[at + i]?.quoted);
}

/** Drops "could you", "please", "thanks" and the like, but never the whole sentence ("thanks" stays "thanks"). */
function stripPoliteness(tokens: Token[]): Token[] {
  let rest = tokens.filter((t) => t.quoted || !ANYWHERE_FILLER.has(t.norm));
  let changed = true;
  while (changed) {
    changed = false;
    for (const words of LEADING_POLITENESS) {
      if (rest.length > words.length && startsWith(rest, words, 0)) {
        rest = rest.slice(words.length);
        changed = true;
      }
    }
    for (const words of TRAILING_FILLER) {
      if (rest.length > words.length && startsWith(rest, words, rest.length - words.length)) {
        rest = rest.slice(0, rest.length - words.length);
        changed = true;
      }
    }
  }
  if (rest.length === 0) {
    return tokens;
  }
  const first = rest[0]!;
  const verb = first.quoted ? undefined : lookup(GERUNDS, first.norm);
  return verb && rest.length > 1 ? [{ ...first, norm: verb }, ...rest.slice(1)] : rest;
}

// "能帮我锁一下周例会吗", "可以把张伟放进来吗": a request put as a question; its 吗 asks for the command, not about it.
// Only a request put to the bot (你…, …帮我) counts; "可以删掉周例会吗" may ask whether it is allowed.
const POLITE_REQUEST_ZH = /^(?:你(?:能不能|可不可以|可以|能否|能)(?:帮我|帮忙|替我|给我)?|(?:能不能|可不可以|可以|能否|能)(?:帮我|帮忙|替我|给我))\s*\S/u;

function stripChinesePoliteness(text: string): string {
  const request = POLITE_REQUEST_ZH.test(text) && !/^(?:你)?(?:能|可以)(?:帮我|为我|替我)?(?:做|干)/u.test(text);
  // The 么 of 什么 asks what, it is no question particle.
  const stripped = (request ? text.replace(/(?:吗|(?<!什)么|不|好吗|行吗)?[？?。]*$/u, '') : text)
    // "你能把周例会删了吗" asks for the deletion; "你能干嘛" asks what the bot does, so a short rest keeps 你能.
    .replace(/^(?:你能不能|你可不可以|你可以|你能|能否)\s*(?=\S{3,})/u, '')
    // Urgency (马上, 赶紧, 现在就), wishes (我想, 我要) and requests (拜托, 劳驾, 你帮我) before the verb say how, not what.
    .replace(/^(?:(?:请问|请你?|麻烦你?|你(?=帮|给|替)|帮我|替我|给我|帮忙|能不能|可不可以|可以|能(?=帮|把|给|替)|拜托|劳驾|我想|我要|我需要|我希望|我打算|马上|赶紧|赶快|立刻|立即|现在就|快点|快(?=把|帮|让|给))\s*)+(?=.{2,})/u, '')
    // 将 is the written form of 把 ("将张三拒绝"): the patterns read one.
    .replace(/^将\s*(?=\S{2})/u, '把')
    // "把年度战略会给结束了", "把王磊给我放进来": 给 before the verb of a 把 sentence only stresses it.
    .replace(/^(把\s*\S.*?)给(?:我)?(?=[锁删结关放拒拉踢请取解静移停改加挪推设])/u, '$1')
    // "以后不用盯着周例会了": from now on, said before a "no more", is when, not what.
    .replace(/^(?:以后|今后|往后|从现在起|从今天起)(?:就)?(?=不|别|都不)/u, '')
    // "锁一下周例会": 一下 after the opening verb softens it; the command is the verb and its object.
    .replace(/^(锁|锁住|解锁|静音|结束|删|删除|取消|关注|拒绝|准入|关闭|终止|监控)一下(?=\S{2})/u, '$1')
    // Particles pile up at the end ("锁一下吧", "删了呗", "放进来哈，谢谢"): none of them is part of the command.
    .replace(/(?:一下)?(?:[吧呢呗哈啊呀嘛啦]|[，,]?\s*(?:谢谢你?|多谢)|好吗|好不好)*[。？！?!.~～]*$/u, '')
    .trim();
  return stripped || text;
}

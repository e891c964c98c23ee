import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Entities } from '../../src/nlu/catalog.js';
import type { Recognition, Recognizer } from '../../src/nlu/recognition.js';

/** Loads and scores the held-out accuracy corpus (test/nlu/corpus.json); shared by the test and bench/nlu.ts. */

const utteranceSchema = z.object({
  text: z.string(),
  intent: z.string().min(1),
  entities: z.record(z.union([z.string(), z.boolean(), z.array(z.string())])),
  locale: z.string().optional(),
});
const corpusSchema = z.object({
  referenceTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/u),
  utterances: z.array(utteranceSchema).min(1),
});

export type CorpusUtterance = z.infer<typeof utteranceSchema>;
export interface Corpus {
  /** Local time the corpus's relative times ("tomorrow at 3pm") are written against. */
  referenceTime: Date;
  utterances: CorpusUtterance[];
}

// The JSON stays in test/nlu (not copied by tsc), so it is found relative to the source tree from dist/ too.
export function corpusPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, 'corpus.json'), resolve(here, '../../../test/nlu/corpus.json')];
  return candidates.find((path) => { try { readFileSync(path); return true; } catch { return false; } }) ?? candidates[0]!;
}

/**
 * Frozen corpora nobody has tuned on yet: their next score is an honest one, so the recognizer's second opinion
 * (scripts/trainSecondOpinion.ts) must not learn from them. A corpus leaves this list when a pass tunes on it.
 * AK to AR are the exceptions: their misses were tuned on by hand (test/nlu/phrasingClassesAK.test.ts, …AL…, …AM…,
 * …AN…, …AOAP…, …AQAR…), but retraining the second opinion with any one of them silenced it (with AK it read none of the 1,034
 * tuned sentences the rules leave unread, against 7 without; with AL or AM it spoke on none of the tuned sentences,
 * against 6 of 15,305 without, all six right), so they stay out of its training; their next scores are not blind ones.
 * The second opinion is a narrow net (it speaks when the rules read nothing and it is sure); retraining it is worth it
 * only when it keeps speaking.
 */
export const UNTUNED_CORPORA: ReadonlySet<string> = new Set<string>(['heldout-ab.json', 'heldout-ak.json', 'heldout-al.json', 'heldout-am.json', 'heldout-an.json', 'heldout-ao.json', 'heldout-ap.json', 'heldout-aq.json', 'heldout-ar.json', 'heldout-as.json', 'heldout-at.json', 'heldout-au.json', 'heldout-av.json', 'heldout-aw.json', 'heldout-ax.json', 'heldout-ay.json', 'heldout-az.json', 'heldout-ba.json', 'heldout-bb.json', 'heldout-bc.json', 'heldout-bd.json', 'heldout-be.json', 'heldout-bf.json', 'heldout-bg.json', 'heldout-bh.json', 'heldout-bi.json', 'heldout-bj.json', 'heldout-bk.json', 'heldout-bl.json', 'heldout-bm.json', 'heldout-bn.json', 'heldout-bo.json', 'heldout-bp.json', 'heldout-bq.json', 'heldout-br.json', 'heldout-bs.json', 'heldout-bt.json', 'heldout-bu.json', 'heldout-bv.json', 'heldout-bw.json', 'heldout-bx.json', 'heldout-by.json', 'heldout-bz.json', 'heldout-ca.json', 'heldout-cb.json', 'heldout-cc.json', 'heldout-cd.json', 'heldout-ce.json', 'heldout-cf.json', 'heldout-cg.json', 'heldout-ch.json', 'heldout-ci.json', 'heldout-cj.json', 'heldout-ck.json', 'heldout-cl.json', 'heldout-cm.json', 'heldout-cn.json', 'heldout-co.json']);

/** What the second opinion records of each corpus it learned from, so that a changed or added corpus is noticed. */
export function corpusFingerprint(path: string): { corpus: string; sha256: string } {
  return { corpus: basename(path), sha256: createHash('sha256').update(readFileSync(path)).digest('hex') };
}

/** test/nlu/corpus.json and every frozen held-out corpus that has been tuned on, in a stable order. */
export function corporaTunedOn(): string[] {
  const folder = resolve(dirname(corpusPath()), '../fixtures/nlu');
  const heldOut = readdirSync(folder).filter((name) => /^heldout-.+\.json$/u.test(name) && !UNTUNED_CORPORA.has(name)).sort();
  return [corpusPath(), ...heldOut.map((name) => resolve(folder, name))];
}

export function loadCorpus(path = corpusPath()): Corpus {
  const parsed = corpusSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const [date, time] = parsed.referenceTime.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number];
  return { referenceTime: new Date(y, m - 1, d, hh, mm, ss), utterances: parsed.utterances };
}

export interface Miss {
  text: string;
  expected: { intent: string; entities: Entities | Record<string, unknown> };
  actual: Pick<Recognition, 'intent' | 'entities' | 'score'>;
}

export interface CorpusScore {
  total: number;
  intentAccuracy: number;
  entityAccuracy: number;
  intentMisses: Miss[];
  entityMisses: Miss[];
}

/** Entity accuracy is strict: an utterance counts only when its entities equal the expected ones exactly. */
export function scoreCorpus(recognizer: Recognizer, corpus: Corpus): CorpusScore {
  const intentMisses: Miss[] = [];
  const entityMisses: Miss[] = [];
  for (const utterance of corpus.utterances) {
    const result = recognizer.recognize(utterance.text, utterance.locale);
    const miss: Miss = {
      text: utterance.text,
      expected: { intent: utterance.intent, entities: utterance.entities },
      actual: { intent: result.intent, entities: result.entities, score: result.score },
    };
    if (result.intent !== utterance.intent) {
      intentMisses.push(miss);
    }
    if (canonical(result.entities) !== canonical(utterance.entities)) {
      entityMisses.push(miss);
    }
  }
  const total = corpus.utterances.length;
  return {
    total,
    intentAccuracy: (total - intentMisses.length) / total,
    entityAccuracy: (total - entityMisses.length) / total,
    intentMisses,
    entityMisses,
  };
}

function canonical(entities: object): string {
  return JSON.stringify(Object.entries(entities).map(([slot, value]) => [slot, slot === 'meeting' ? sameMeetingName(sameConferenceId(value)) : slot === 'group' ? sameGroup(value) : value]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

// "供应商组" and "供应商" find the same contact group (dialogs/ucwa/pick.ts matchByName tries the name without the kind
// said after it); the writers labelled both ways (36 kept 组, 19 dropped it), so the two spellings score as one.
function sameGroup(value: unknown): unknown {
  return typeof value === 'string' && /\p{Script=Han}(?:分组|组|組)$/u.test(value) ? value.replace(/(?:分组|组|組)$/u, '') : value;
}

// "技术分享会" and "技术分享" find the same meeting (dialogs/ucwa/pick.ts matchByName and src/alerts/meetings.ts try a
// Chinese name without the 会/会议 said after it); the writers labelled both ways (the brief asks for the name without
// its kind, older corpora kept 会), so the two spellings score as one. A name of two characters or fewer keeps its
// 会 (周会, 例会).
function sameMeetingName(value: unknown): unknown {
  return typeof value === 'string' && /\p{Script=Han}{2}(?:会议|会)$/u.test(value) ? value.replace(/(?:会议|会)$/u, '') : value;
}

// A conference id typed in groups ("918 204 337", "903-771-245") is the id 918204337, which is what the bot acts on;
// the corpora's writers labelled it both ways (M and N joined, P as typed; BF kept the hyphens), so the spellings score
// as one. (Hyphens since BF; its first score was taken before.)
function sameConferenceId(value: unknown): unknown {
  return typeof value === 'string' && /^\d{3}(?:[ -]\d{3}){2,3}$/u.test(value) ? value.replace(/[ -]/gu, '') : value;
}

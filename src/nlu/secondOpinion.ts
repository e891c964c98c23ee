import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadClassifier, type ClassifierModel } from './classifier.js';

/**
 * The second opinion: the same classifier, trained once more on every labelled sentence the project has tuned on
 * (the frozen corpora, ~6,000 sentences written by people who had not read the recognizer) as well as on
 * ./training.ts. The rules were written against the first classifier and stay the judge; this one is asked only
 * when they find no command at all (see recognizer.ts), because it generalises to new phrasings where the rules
 * have no pattern, while, put in the first one's place, it unsettled phrasings the rules already read right.
 *
 * It is trained by `node dist/scripts/trainSecondOpinion.js` and stored beside this module (secondOpinion.json):
 * training takes seconds, which a cold start and every test process would otherwise pay.
 */

const FILE_NAME = 'secondOpinion.json';

const storedSchema = z.object({
  trainedOn: z.array(z.object({ corpus: z.string(), sha256: z.string(), sentences: z.number() })),
  classifier: z.object({
    network: z.object({
      settings: z.record(z.unknown()),
      features: z.array(z.string()),
      intents: z.array(z.string()),
      perceptrons: z.array(z.array(z.number())),
    }),
    vocabulary: z.array(z.tuple([z.string(), z.number()])),
    correctionVocabulary: z.array(z.tuple([z.string(), z.number()])),
  }),
});

export type StoredSecondOpinion = z.infer<typeof storedSchema>;

// The JSON is data, not code: tsc does not copy it, so from dist/ it is read (and written) in the source tree.
export function secondOpinionPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const inDist = basename(resolve(here, '../..')) === 'dist';
  return inDist ? resolve(here, '../../../src/nlu', FILE_NAME) : resolve(here, FILE_NAME);
}

export function readSecondOpinion(path = secondOpinionPath()): StoredSecondOpinion {
  return storedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

let loaded: ClassifierModel | undefined;

/** Loaded once per process; the bot cannot start without it (a missing file is a broken build, not a choice). */
export function secondOpinion(): ClassifierModel {
  loaded ??= loadClassifier(readSecondOpinion().classifier);
  return loaded;
}

import { isWrite } from '../src/nlu/catalog.js';
import { createRecognizer } from '../src/nlu/recognizer.js';
import { heldOutCorpora } from '../bench/nlu.js';
import { corpusPath, loadCorpus, scoreCorpus } from '../test/nlu/corpus.js';

/**
 * Prints every miss of the frozen corpora (intent first, then entities), per language, so a fix can be aimed at a
 * mechanism rather than a sentence. `node dist/scripts/nluMisses.js [corpus-name-part]`.
 */
const filter = process.argv[2];
const paths = [corpusPath(), ...heldOutCorpora()].filter((path) => !filter || path.includes(filter));
for (const path of paths) {
  const corpus = loadCorpus(path);
  const recognizer = createRecognizer({ now: () => corpus.referenceTime });
  const score = scoreCorpus(recognizer, corpus);
  const zh = (text: string): boolean => /[\u3400-\u9fff]/u.test(text);
  const byLanguage = (language: 'en' | 'zh'): string => {
    const all = corpus.utterances.filter((u) => zh(u.text) === (language === 'zh'));
    const intentOk = all.length - score.intentMisses.filter((m) => zh(m.text) === (language === 'zh')).length;
    const entityOk = all.length - score.entityMisses.filter((m) => zh(m.text) === (language === 'zh')).length;
    return `${language} ${all.length}: intent ${(100 * intentOk / all.length).toFixed(1)} %, entities ${(100 * entityOk / all.length).toFixed(1)} %`;
  };
  console.log(`\n=== ${path.split('/').pop()}: intent ${(100 * score.intentAccuracy).toFixed(1)} %, entities ${(100 * score.entityAccuracy).toFixed(1)} % (${byLanguage('en')}; ${byLanguage('zh')})`);
  for (const miss of score.intentMisses) {
    const result = recognizer.recognize(miss.text);
    const flag = isWrite(miss.actual.intent) ? (result.ask ? ' [write, asks]' : isWrite(miss.expected.intent) ? ' [WRITE-vs-WRITE]' : ' [READ→WRITE]') : '';
    console.log(`I ${miss.expected.intent} → ${miss.actual.intent}${flag}: ${miss.text}   ${JSON.stringify(miss.actual.entities)}`);
  }
  for (const miss of score.entityMisses.filter((m) => m.expected.intent === m.actual.intent)) {
    console.log(`E [${miss.expected.intent}] ${miss.text}\n    want ${JSON.stringify(miss.expected.entities)}\n    got  ${JSON.stringify(miss.actual.entities)}`);
  }
}

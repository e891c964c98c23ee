/**
 * "Is this a language I don't speak?" — asked only after the recognizer found no command, so a French name in an
 * English command never triggers it. Scripts the bot never reads (kana, hangul, Cyrillic, Arabic, …) decide at
 * once; Latin-script languages are told by their commonest function words. Hand-written: language identifiers on
 * npm (franc, cld) are unreliable on chat-length text and the bot only needs "English, Chinese or neither".
 */

const OTHER_SCRIPT = /[\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff\u0e00-\u0e7f\u0900-\u097f]/u;

// Words that are not English words (or are, but rarely begin a chat message in English), per language.
const FUNCTION_WORDS = new Set([
  // French
  'je', 'tu', 'vous', 'nous', 'le', 'la', 'les', 'des', 'du', 'est', 'sont', 'pour', 'avec', 'dans', 'qui', 'quoi', 'quelle', 'quelles', 'quel', 'mes', 'mon', 'ma', 'réunion', 'réunions', 'bonjour', 'salut', 'merci', 'plaît', 'peux', 'pouvez', 'voudrais', 'aide', 'ce', 'cette', 'sur', 'et', 'pas', 'une', 'un', 'faire', 'montre', 'moi', 'liste', 'laisse', 'entrer', "qu'est-ce", 'comment', 'ça',
  // Spanish
  'el', 'los', 'las', 'por', 'favor', 'reunión', 'reuniones', 'hola', 'quién', 'quien', 'está', 'están', 'qué', 'que', 'mis', 'muéstrame', 'muestra', 'puedes', 'ayuda', 'gracias', 'con', 'para', 'sala', 'espera', 'deja', 'entrar', 'mi', 'una', 'hay', 'cuáles', 'lista',
  // German
  'ich', 'bin', 'heute', 'morgen', 'gestern', 'jetzt', 'noch', 'schon', 'auch', 'habe', 'hast', 'hat', 'homeoffice', 'urlaub', 'krank', 'du', 'sie', 'wir', 'der', 'die', 'das', 'und', 'ist', 'sind', 'wer', 'was', 'welche', 'meine', 'mein', 'besprechung', 'besprechungen', 'hallo', 'bitte', 'danke', 'zeig', 'zeige', 'mir', 'kannst', 'können', 'hilfe', 'im', 'warteraum', 'lass', 'herein', 'rein', 'nicht', 'ein', 'eine', 'mit', 'für', 'auf', 'alle', 'wartet', 'besprechungsraum',
  // Portuguese / Italian, the next most likely guests
  'olá', 'obrigado', 'reunião', 'reuniões', 'minhas', 'você', 'ciao', 'grazie', 'riunione', 'riunioni', 'mostrami', 'chi', 'sono', 'il', 'della',
]);

// English words that also appear in the lists above; a message made of these alone is English.
const ENGLISH_TOO = new Set(['die', 'was', 'me', 'a', 'in', 'on', 'to', 'is', 'no', 'son', 'come', 'ma', 'mon', 'sale', 'sure', 'us', 'pour', 'des', 'ok', 'un', 'con', 'el', 'ich', 'ce', 'et', 'du', 'il', 'chi', 'sono', 'mir', 'mi', 'hay', 'rein', 'que', 'hat']);

/** Kana, hangul, Cyrillic…: a script neither English nor Chinese is written in. */
export function inOtherScript(text: string): boolean {
  return OTHER_SCRIPT.test(text);
}

export function looksForeign(text: string): boolean {
  if (OTHER_SCRIPT.test(text)) {
    return true;
  }
  const { words, foreign, strong } = functionWordsIn(text);
  if (words === 0) {
    return false;
  }
  const accented = /[àâçéèêëîïôûùüÿñæœäöß¿¡]/u.test(text);
  return strong >= 1 && (foreign * 2 >= words || (accented && foreign >= 1) || strong >= 2);
}

/**
 * A sentence made of another language's function words ("Ich bin heute im Homeoffice"): decided before the
 * classifier reads it, since a stray English-looking word ("bin") would otherwise vote for a command.
 */
export function mostlyForeign(text: string): boolean {
  const { words, foreign, strong } = functionWordsIn(text);
  return strong >= 2 && foreign * 3 >= words * 2;
}

/** How many words the text has, how many are another language's function words, and how many of those no English word. */
function functionWordsIn(text: string): { words: number; foreign: number; strong: number } {
  // Counted, not filtered into two more arrays: every English sentence is asked this once.
  const words = text.toLowerCase().match(LATIN_WORD) ?? [];
  let foreign = 0;
  let strong = 0;
  for (const word of words) {
    if (!FUNCTION_WORDS.has(word)) continue;
    foreign += 1;
    if (!ENGLISH_TOO.has(word)) strong += 1;
  }
  return { words: words.length, foreign, strong };
}

const LATIN_WORD = /[\p{L}'-]+/gu;

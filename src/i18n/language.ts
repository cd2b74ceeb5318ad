import { phrases, splitWords, type Word } from '../text/words.js';

export type Lang = 'da' | 'en';

/** The languages the bot speaks; DEFAULT_LANGUAGE is one of them. */
export const LANGUAGES: readonly Lang[] = ['da', 'en'];

/** Danish, unless the operator says otherwise: KOMBIT's users are the municipalities. */
export const DEFAULT_LANGUAGE: Lang = 'da';

/** Words of questions in general; each feature adds the words of its own phrases (`languageWords`, its samples). */
const COMMON_WORDS = {
  da: `hvornår skifter skifte skiftet skiftede hvilke hvilket hvad hvem til og er har mangler dato datoen datoer systemer
    systemet næste denne dette måned kvartal år uge på af den det vis uden ingen med alle allerede endnu sidste forrige
    januar februar marts maj juni juli oktober kommer bliver hvordan kan jeg du vi
    skift skiftene planlagt planlagte kommende frister frist oversigten nu`,
  en: `when does do did switch switches switched which what who the is are have has missing date dates systems next
    this month quarter year week on of show without no all already yet last january february march may june july october
    will how can i you we about
    planned upcoming scheduled deadlines deadline digest now`,
};

/**
 * Words written alike in both languages (Danes say "survey" too), or KOMBIT's names: they never tell
 * the language ("status for FBS", "survey Acadre"), even when a feature's samples use them in only
 * one of the two.
 */
const EITHER_LANGUAGE = new Set(
  phrases(`for status system plan data i a se send test ok hi kl survey
    klik ch2 sts sts2 kombit fki`)[0],
);

/** A feature's samples, or its own language words: phrases written in Danish and in English. */
export interface PhraseWords {
  da: readonly string[];
  en: readonly string[];
}

/**
 * Danish or English from the words alone, or null when they do not tell (no word of either, or as
 * many of each): the caller then goes on to what the conversation last spoke, then the default.
 */
export type LanguageDetector = (text: string, words: readonly Word[]) => Lang | null;

/**
 * The detector, knowing the common words and every feature's phrase words (its `languageWords` and
 * the samples its routes declare, so "planlagte skift" or "send oversigten nu" are known as Danish).
 * A word that both languages' phrases use, a name (written with a capital or a digit in the
 * samples) or a word of both languages counts for neither.
 */
export function languageDetector(...sources: PhraseWords[]): LanguageDetector {
  const [danish, english] = wordSets([{ da: [COMMON_WORDS.da], en: [COMMON_WORDS.en] }, ...sources]);
  return (text, words) => {
    // æ, ø, å tell Danish, but not in a name written with a capital ("Who runs UDK Begravelseshjælp?").
    // A capitalised first word that is a Danish question word ("Hvornår") counts below as such.
    const danishLetters = words.some(({ original }) => /[æøå]/i.test(original) && !/^\p{Lu}/u.test(original));
    let da = danishLetters || (words.length === 0 && /[æøå]/i.test(text)) ? 2 : 0;
    let en = 0;
    for (const { folded } of words) {
      if (danish.has(folded)) da += 1;
      if (english.has(folded)) en += 1;
    }
    if (da > en) return 'da';
    if (en > da) return 'en';
    return null;
  };
}

function wordSets(sources: readonly PhraseWords[]): [Set<string>, Set<string>] {
  const lowerCaseWords = (written: readonly string[]) =>
    written.flatMap((phrase) => splitWords(phrase).filter(({ original }) => original === original.toLowerCase() && !/\d/.test(original)).map(({ folded }) => folded));
  const da = new Set(sources.flatMap((source) => lowerCaseWords(source.da)));
  const en = new Set(sources.flatMap((source) => lowerCaseWords(source.en)));
  const neither = (word: string, other: Set<string>) => other.has(word) || EITHER_LANGUAGE.has(word);
  return [new Set([...da].filter((word) => !neither(word, en))), new Set([...en].filter((word) => !neither(word, da)))];
}

/** The language of a turn whose words do not tell: what the conversation last spoke, else the default. */
export function languageOr(detected: Lang | null, remembered: Lang | null | undefined, fallback: Lang = DEFAULT_LANGUAGE): Lang {
  return detected ?? remembered ?? fallback;
}

/**
 * The detector with the common words only, Danish when they do not tell: for a reply about an error
 * before any feature or conversation is known. The client's locale is not asked: Teams reports en-US
 * for many Danes.
 */
const commonWords = languageDetector();
export function detectLanguage(text: string, words: readonly Word[] = splitWords(text), fallback: Lang = DEFAULT_LANGUAGE): Lang {
  return commonWords(text, words) ?? fallback;
}

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

import { phrases, type Word } from '../text/words.js';

export type Lang = 'da' | 'en';

/** Words of questions in general; each feature adds the words of its own phrases (`languageWords`). */
const COMMON_WORDS = {
  da: `hvornår skifter skifte skiftet skiftede hvilke hvilket hvad hvem til og er har mangler dato datoen datoer systemer
    systemet næste denne dette måned kvartal år uge på af den det vis uden ingen med alle allerede endnu sidste forrige
    januar februar marts maj juni juli oktober kommer bliver hvordan kan jeg du vi`,
  en: `when does do did switch switches switched which what who the is are have has missing date dates systems next
    this month quarter year week on of show without no all already yet last january february march may june july october
    will how can i you we about`,
};

export type LanguageDetector = (text: string, words: readonly Word[], locale?: string | null) => Lang;

/**
 * Danish or English, from the words themselves; the client's locale only breaks a tie (Teams'
 * locale is the client's setting, not the language a person writes in), and Danish is the default.
 */
export function languageDetector(featureWords: { da: readonly string[]; en: readonly string[] } = { da: [], en: [] }): LanguageDetector {
  const danish = new Set([...(phrases(COMMON_WORDS.da)[0] ?? []), ...featureWords.da.flatMap((word) => phrases(word)[0] ?? [])]);
  const english = new Set([...(phrases(COMMON_WORDS.en)[0] ?? []), ...featureWords.en.flatMap((word) => phrases(word)[0] ?? [])]);
  return (text, words, locale) => {
    let da = /[æøå]/i.test(text) ? 2 : 0;
    let en = 0;
    for (const { folded } of words) {
      if (danish.has(folded)) da += 1;
      if (english.has(folded)) en += 1;
    }
    if (da > en) return 'da';
    if (en > da) return 'en';
    return languageOfLocale(locale);
  };
}

/** The detector with the common words only: for a reply about an error, before any feature is known. */
export const detectLanguage: LanguageDetector = languageDetector();

export function languageOfLocale(locale?: string | null): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'da';
}

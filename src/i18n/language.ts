import { phrases, type Word } from '../text/words.js';

export type Lang = 'da' | 'en';

const [DANISH_WORDS = [], ENGLISH_WORDS = []] = [
  phrases(`hvornår skifter skifte skiftet skiftede hvilke hvilket hvad hvem til og er har mangler dato datoen datoer systemer
    systemet hjælp næste denne dette måned kvartal år uge på af den det vis spørg leverandøren tak hej uden ingen med
    alle allerede endnu sidste forrige januar februar marts maj juni juli oktober kommer bliver hvordan kan jeg du vi
    frist frister oversigt ugens abonner`)[0],
  phrases(`when does do did switch switches switched which what who the is are have has missing date dates systems help next
    this month quarter year week on of show ask vendor thanks hello hi without no all already yet last january february
    march may june july october will how can i you we deadline deadlines digest subscribe about`)[0],
];
const DANISH = new Set(DANISH_WORDS);
const ENGLISH = new Set(ENGLISH_WORDS);

/**
 * Danish or English, from the words themselves; the client's locale only breaks a tie (Teams'
 * locale is the client's setting, not the language a person writes in), and Danish is the default.
 */
export function detectLanguage(text: string, words: readonly Word[], locale?: string | null): Lang {
  let danish = /[æøå]/i.test(text) ? 2 : 0;
  let english = 0;
  for (const { folded } of words) {
    if (DANISH.has(folded)) danish += 1;
    if (ENGLISH.has(folded)) english += 1;
  }
  if (danish > english) return 'da';
  if (english > danish) return 'en';
  return languageOfLocale(locale);
}

export function languageOfLocale(locale?: string | null): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'da';
}

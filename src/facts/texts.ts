import type { Lang } from '../i18n/language.js';

/** Texts of the deck's facts, in Danish and English. */
export const FACT_TEXTS = {
  da: {
    title: (subject: string) => `Det siger KOMBIT om ${subject}`,
    source: 'Kilde',
    link: 'Link',
    asOf: 'Pr.',
  },
  en: {
    title: (subject: string) => `What KOMBIT says about ${subject}`,
    source: 'Source',
    link: 'Link',
    asOf: 'As of',
    /** The deck is Danish: an English answer says its text is a translation. */
    translated: "KOMBIT's Danish text, translated",
  },
} as const;

/** Known sources by their Danish name, as an English answer names them. */
const SOURCES_EN: Record<string, string> = {
  'kombit programledermøde januar 2025': "KOMBIT programme managers' meeting, January 2025",
};

/** A source as the answer's language names it; a source without an English name is quoted as Danish. */
export function sourceName(source: string, lang: Lang): string {
  if (lang === 'da') return source;
  return SOURCES_EN[source.trim().toLocaleLowerCase('da')] ?? danishQuote(source);
}

/** Danish text in an English answer: quoted and marked, never passed off as English. */
export function danishQuote(text: string): string {
  return `"${text}" (Danish)`;
}

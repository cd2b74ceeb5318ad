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

export { sourceName } from '../i18n/sources.js';

import type { AskedKind } from './askedKind.js';

/** Texts of the deck's facts, in Danish and English. */
export const FACT_TEXTS = {
  da: {
    title: (subject: string) => `Det siger KOMBIT om ${subject}`,
    source: 'Kilde',
    link: 'Link',
    openLink: 'Åbn kilden',
    asOf: 'Pr.',
    notTold: (kind: AskedKind) =>
      `Det fremgår ikke af KOMBITs præsentation, ${{ who: 'hvem det er', count: 'hvor mange det er', when: 'hvornår det er', deadline: 'hvad fristen er', price: 'hvad det koster' }[kind]}. Det her er, hvad den siger om emnet:`,
  },
  en: {
    title: (subject: string) => `What KOMBIT says about ${subject}`,
    source: 'Source',
    link: 'Link',
    openLink: 'Open the source',
    asOf: 'As of',
    notTold: (kind: AskedKind) =>
      `KOMBIT's presentation does not say ${{ who: 'who it is', count: 'how many', when: 'when', deadline: 'what the deadline is', price: 'what it costs' }[kind]}: that is not known. This is what it says about it:`,
    /** The deck is Danish: an English answer says its text is a translation. */
    translated: "KOMBIT's Danish text, translated",
  },
} as const;

export { sourceName } from '../i18n/sources.js';

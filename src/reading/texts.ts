import type { Lang } from '../i18n/language.js';

const quoted = (words: readonly string[]) => words.map((word) => `"${word}"`).join(', ');

/** Texts of a question understood in part, in Danish and English. */
export const READING_TEXTS = {
  da: {
    notUnderstood: (words: readonly string[]) => `Jeg forstod ikke ${quoted(words)} i spørgsmålet, så det ved jeg ikke noget om.`,
    understoodPart: (part: string) => `Jeg har svaret på den del jeg forstod (${part}):`,
    onlyNames: (names: string) => `Jeg forstod kun at det handler om ${names}.`,
    nothingKnown: 'KOMBITs præsentation siger ikke mere om det, så jeg svarer ikke på resten.',
    tryThese: 'Måske vil du spørge om:',
    whenSwitch: (name: string) => `hvornår skifter ${name} til CH2?`,
    deadlinesFor: (name: string) => `frister for ${name}`,
    generic: ['frister', 'hvilke systemer mangler en dato?', 'hjælp'],
  },
  en: {
    notUnderstood: (words: readonly string[]) => `I did not understand ${quoted(words)} in the question, so I do not know about that.`,
    understoodPart: (part: string) => `I have answered the part I understood (${part}):`,
    onlyNames: (names: string) => `I only understood that it is about ${names}.`,
    nothingKnown: "KOMBIT's presentation says no more about it, so I do not answer the rest.",
    tryThese: 'You may want to ask:',
    whenSwitch: (name: string) => `when does ${name} switch to CH2?`,
    deadlinesFor: (name: string) => `deadlines for ${name}`,
    generic: ['deadlines', 'which systems are missing a date?', 'help'],
  },
} satisfies Record<Lang, unknown>;

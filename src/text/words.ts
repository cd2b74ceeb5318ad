import { fold } from './fold.js';

/** A word of a question: as typed (for showing it back) and folded (for comparing). */
export interface Word {
  original: string;
  folded: string;
}

/** Splits a question into words, keeping each word's original spelling beside its folded form. */
export function splitWords(text: string): Word[] {
  // A possessive "KOMBIT's" is the name, not the name and a word "s".
  return text
    .replace(/(\p{L})['’´]s(?![\p{L}\p{N}])/gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .map((original) => ({ original, folded: fold(original).replace(/ /g, '') }))
    .filter((word) => word.folded !== '');
}

/** Folds each of a list of phrases written naturally ("næste måned") into word lists. */
export function phrases(...written: string[]): string[][] {
  return written.map((phrase) => splitWords(phrase).map((word) => word.folded));
}

import { fold } from './fold.js';

/** A word of a question: as typed (for showing it back) and folded (for comparing). */
export interface Word {
  original: string;
  folded: string;
}

/** Splits a question into words, keeping each word's original spelling beside its folded form. */
export function splitWords(text: string): Word[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map((original) => ({ original, folded: fold(original).replace(/ /g, '') }))
    .filter((word) => word.folded !== '');
}

/** True when `words` holds `phrase` (folded words) starting at `index`. */
export function phraseAt(words: readonly Word[], index: number, phrase: readonly string[]): boolean {
  return phrase.every((part, offset) => words[index + offset]?.folded === part);
}

/** The index where the phrase starts, or -1. */
export function findPhrase(words: readonly Word[], phrase: readonly string[]): number {
  for (let index = 0; index + phrase.length <= words.length; index += 1) {
    if (phraseAt(words, index, phrase)) return index;
  }
  return -1;
}

/** Folds each of a list of phrases written naturally ("næste måned") into word lists. */
export function phrases(...written: string[]): string[][] {
  return written.map((phrase) => splitWords(phrase).map((word) => word.folded));
}

import type { Word } from './words.js';

/**
 * A set of phrases (each a list of folded words) found in a question by their first word, so a
 * question is checked only against phrases that can start in it.
 */
export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<string, { phrase: string[]; value: T }[]>();

  constructor(entries: Iterable<[string[], T]>) {
    for (const [phrase, value] of entries) {
      const first = phrase[0];
      if (first === undefined) continue;
      const list = this.byFirstWord.get(first) ?? [];
      list.push({ phrase, value });
      this.byFirstWord.set(first, list);
    }
  }

  /** The first phrase found, in the order of the words: its value, where it starts and its length. */
  find(words: readonly Word[]): { value: T; start: number; length: number } | null {
    for (let start = 0; start < words.length; start += 1) {
      for (const { phrase, value } of this.byFirstWord.get((words[start] as Word).folded) ?? []) {
        if (phrase.every((part, offset) => words[start + offset]?.folded === part)) return { value, start, length: phrase.length };
      }
    }
    return null;
  }

  has(words: readonly Word[]): boolean {
    return this.find(words) !== null;
  }
}

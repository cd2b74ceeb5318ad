import { splitWords, type Word } from '../text/words.js';
import type { ChatTurn, MessageMatcher } from './types.js';

/** Matches a message that says exactly one of the phrases (any case, æøå folded, punctuation ignored). */
export function exactly(...written: string[]): MessageMatcher<true> {
  const accepted = new Set(written.map((phrase) => foldedKey(splitWords(phrase))));
  return (turn: ChatTurn) => (accepted.has(foldedKey(turn.words)) ? true : null);
}

function foldedKey(words: readonly Word[]): string {
  return words.map((word) => word.folded).join(' ');
}

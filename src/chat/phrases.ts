import { fold } from '../text/fold.js';
import type { ChatTurn, MessageMatcher } from './types.js';

/** Matches a message that says exactly one of the phrases (any case, æøå folded, punctuation ignored). */
export function exactly(...written: string[]): MessageMatcher<true> {
  const accepted = new Set(written.map(fold));
  return (turn: ChatTurn) => (accepted.has(fold(turn.text)) ? true : null);
}

/** Reads a string field of card data; anything else is treated as missing. */
export function textField(data: Record<string, unknown>, field: string, maxLength = 200): string | null {
  const value = data[field];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > maxLength ? null : trimmed;
}

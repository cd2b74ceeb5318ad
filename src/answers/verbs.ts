import { z } from 'zod';
import { cardText } from '../chat/cardData.js';
import { MAX_MESSAGE_CHARS } from '../chat/types.js';
import type { SwitchTopic } from '../registry/system.js';

/** Card verbs of the answers feature, shared by the cards that send them and the handlers. */
export const AnswerVerbs = {
  /** A "did you mean" button: `{ system, topic }`. */
  pick: 'answers.pick',
  /** Teams rebuilds an answer's card for the person looking at it (their own buttons): `{ question }`. */
  refresh: 'answers.refresh',
  /** "Er 'Nexsu' et system?" answered: `{ name, answer: 'yes' | 'no' }`; yes offers the vendor survey. */
  isSystem: 'answers.isSystem',
} as const;

/** Search commands of the message extension; the manifest declares the same ids. */
export const AnswerSearches = {
  /** "Systemer": find a system and insert its switch dates as a card. */
  systems: 'systems',
} as const;

/** What each verb's card sends, checked before its handler runs. */
export const AnswerActionData = {
  pick: z.object({
    system: cardText(),
    // A topic a card cannot send widens the answer to both switches, as a question without one does.
    topic: z.enum(['ch2', 'sts2', 'both'] satisfies SwitchTopic[]).catch('both'),
  }),
  refresh: z.object({ question: cardText(MAX_MESSAGE_CHARS) }),
  isSystem: z.object({ name: cardText(100), answer: z.enum(['yes', 'no']) }),
} as const;

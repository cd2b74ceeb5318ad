import { z } from 'zod';
import { cardText } from '../chat/cardData.js';

/** Card verbs of the reading feature. */
export const ReadingVerbs = {
  /** A button that asks a question: `{ question }`, answered as if it had been written. */
  ask: 'reading.ask',
} as const;

/** What each verb's card sends, checked before its handler runs. */
export const ReadingActionData = {
  ask: z.object({ question: cardText() }),
} as const;

/** Card verbs of the reading feature. */
export const ReadingVerbs = {
  /** A button that asks a question: `{ question }`, answered as if it had been written. */
  ask: 'reading.ask',
} as const;

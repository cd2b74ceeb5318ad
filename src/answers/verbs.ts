/** Card verbs of the answers feature, shared by the cards that send them and the handlers. */
export const AnswerVerbs = {
  /** A "did you mean" button: `{ system, topic }`. */
  pick: 'answers.pick',
} as const;

/** Search commands of the message extension; the manifest declares the same ids. */
export const AnswerSearches = {
  /** "Systemer": find a system and insert its switch dates as a card. */
  systems: 'systems',
} as const;

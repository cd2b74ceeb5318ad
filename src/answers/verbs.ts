/** Card verbs of the answers feature, shared by the cards that send them and the handlers. */
export const AnswerVerbs = {
  /** A "did you mean" button: `{ system, topic }`. */
  pick: 'answers.pick',
} as const;

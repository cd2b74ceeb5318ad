/** Card verbs of the vendor survey feature. */
export const SurveyVerbs = {
  /** "Ask the vendor": `{ system }`, a name that may not be in the registry yet. */
  request: 'survey.request',
  /** The survey card's send button: `{ surveyId }` plus the card's inputs. */
  submit: 'survey.submit',
  /** "Change the answer" on a receipt: `{ surveyId, answerId }`. */
  edit: 'survey.edit',
  /** An administrator approves an answer: `{ surveyId, answerId }`. */
  approve: 'survey.approve',
  /** An administrator rejects an answer: `{ surveyId, answerId }` plus the input `reason`. */
  reject: 'survey.reject',
  /** "Review" in the list of open surveys: `{ surveyId }`. */
  review: 'survey.review',
  /** An administrator closes a survey without an answer: `{ surveyId }`. */
  close: 'survey.close',
} as const;

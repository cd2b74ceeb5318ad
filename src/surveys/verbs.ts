/** Card verbs of the vendor survey feature. */
export const SurveyVerbs = {
  /** "Ask the vendor": `{ system }`, a name that may not be in the registry yet. */
  request: 'survey.request',
} as const;

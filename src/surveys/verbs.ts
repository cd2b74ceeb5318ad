import { z } from 'zod';
import { cardText } from '../chat/cardData.js';

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
  /** An administrator closes a survey without an answer, once asked to confirm: `{ surveyId, from? }`. */
  close: 'survey.close',
  /** "Fortryd" under the typed close's question: the survey stays open, `{ surveyId }`. */
  keep: 'survey.keep',
  /** The list of open surveys as the viewer sees it (its refresh, and "Fortryd" under "Luk uden svar"): `{}`. */
  list: 'survey.list',
  /** A survey's card as the viewer sees it (its refresh): `{ surveyId }`. */
  view: 'survey.view',
} as const;

const surveyId = cardText();
/** A form field as typed; what it must say is the answer rules' to tell, field by field (answerInput.ts). */
const typed = z.string().optional();

/** What each verb's card sends, checked before its handler runs. */
export const SurveyActionData = {
  request: z.object({ system: cardText(100) }),
  submit: z.object({
    surveyId,
    status: typed,
    ch2Date: typed,
    sts2Date: typed,
    vendor: typed,
    contactName: typed,
    contactEmail: typed,
    comment: typed,
  }),
  edit: z.object({ surveyId, answerId: cardText().optional() }),
  review: z.object({ surveyId }),
  close: z.object({ surveyId, from: z.enum(['list']).optional() }),
  keep: z.object({ surveyId }),
  list: z.object({}),
  view: z.object({ surveyId }),
  /** approve and reject: the reason is the reject card's input (needed to reject, checked by the service). */
  decision: z.object({ surveyId, answerId: cardText(), reason: z.string().trim().max(500).optional() }),
} as const;

import { z } from 'zod';
import type { Lang } from '../i18n/language.js';
import type { ValidAnswer } from './answerInput.js';

export { ANSWER_STATUSES, type AnswerStatus } from './answerInput.js';

/** Who asked for a date, and where to tell them the outcome. */
export interface Requester {
  userId: string;
  name: string | null;
  aadObjectId: string | null;
  conversationId: string;
  lang: Lang;
}

export type AnswerSource =
  | { channel: 'teams'; conversationId: string; activityId: string | null }
  | { channel: 'link'; nonce: string | null };

/** One answer from a vendor, as submitted. Never changed afterwards. */
export interface SurveyAnswer extends ValidAnswer {
  id: string;
  submittedAt: string;
  submittedBy: { userId: string | null; name: string | null; aadObjectId: string | null };
  source: AnswerSource;
  lang: Lang;
}

/** KOMBIT's decision, which closes the survey: an answer approved or rejected, or closed without one. */
export interface Review {
  decision: 'approved' | 'rejected' | 'closed';
  /** The answer decided on; null when closed without one. */
  answerId: string | null;
  /** The administrator; `cli` for `cli surveys close`. Kept in the history for administrators only. */
  by: { aadObjectId: string; name: string | null };
  at: string;
  reason: string | null;
  /**
   * An approval's values for KOMBIT's list (when the bot writes back to it), in the same event as the
   * approval: the write-back queue is derived from approvals not yet written back, so no crash between
   * "approved" and "queued" can lose it.
   */
  writeBack?: ApprovedValues;
}

/** What an approval writes back to KOMBIT's list: the system's name and values after the approval. */
export interface ApprovedValues {
  system: string;
  fields: { ch2Date: string | null; sts2Date: string | null; status: string | null; vendor: string | null };
}

export interface Survey {
  id: string;
  /** The system's name as the registry has it, or as the requester typed it for a new system. */
  system: string;
  /** False for a system the registry did not know when the survey was opened. */
  systemKnown: boolean;
  createdAt: string;
  requesters: Requester[];
  answers: SurveyAnswer[];
  review: Review | null;
}

/** Open until KOMBIT approves or rejects an answer. */
export function isOpen(survey: Survey): boolean {
  return survey.review === null;
}

export function latestAnswer(survey: Survey): SurveyAnswer | null {
  return survey.answers[survey.answers.length - 1] ?? null;
}

/** The journal's events; the surveys are what replaying them gives. */
export type SurveyEvent =
  | { type: 'requested'; at: string; surveyId: string; system: string; systemKnown: boolean; requester: Requester }
  | { type: 'joined'; at: string; surveyId: string; requester: Requester }
  | { type: 'answered'; at: string; surveyId: string; answer: SurveyAnswer }
  | { type: 'reviewed'; at: string; surveyId: string; review: Review };

const requesterShape = z.looseObject({ name: z.string().nullable().optional() });
/** What every stored survey event has at least: checked when the journal is read, so a damaged one is set aside. */
const surveyEventShape = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('requested'), at: z.string(), surveyId: z.string(), system: z.string().min(1), requester: requesterShape }),
  z.looseObject({ type: z.literal('joined'), at: z.string(), surveyId: z.string(), requester: requesterShape }),
  z.looseObject({ type: z.literal('answered'), at: z.string(), surveyId: z.string(), answer: z.looseObject({ id: z.string() }) }),
  z.looseObject({ type: z.literal('reviewed'), at: z.string(), surveyId: z.string(), review: z.looseObject({}) }),
]);

/** Throws when a stored event is not a survey event (the journal sets it aside and reports it). */
export function checkSurveyEvent(value: unknown): asserts value is SurveyEvent {
  const checked = surveyEventShape.safeParse(value);
  if (!checked.success) throw new Error(`not a survey event: ${checked.error.issues.map((issue) => `${issue.path.join('.') || 'type'} ${issue.message}`).join('; ')}`);
}

/** Applies one event to the surveys (by id), in place. */
export function applyEvent(surveys: Map<string, Survey>, event: SurveyEvent): void {
  if (event.type === 'requested') {
    surveys.set(event.surveyId, {
      id: event.surveyId,
      system: event.system,
      systemKnown: event.systemKnown,
      createdAt: event.at,
      requesters: [event.requester],
      answers: [],
      review: null,
    });
    return;
  }
  const survey = surveys.get(event.surveyId);
  if (!survey) return;
  if (event.type === 'joined') survey.requesters.push(event.requester);
  else if (event.type === 'answered') survey.answers.push(event.answer);
  else survey.review = event.review;
}

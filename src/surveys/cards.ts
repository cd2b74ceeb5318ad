import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import { formatTimestampDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import { ANSWER_FIELDS, type AnswerField, type AnswerInput, type AnswerProblem } from './answerInput.js';
import { answerDetails, statusLine } from './present.js';
import { ANSWER_STATUSES, type Survey, type SurveyAnswer } from './survey.js';
import { SurveyVerbs } from './verbs.js';

const card = (name: string) => cardTemplate(new URL(`./cards/${name}.json`, import.meta.url));
const TEMPLATES = { survey: card('survey'), receipt: card('receipt'), review: card('review'), surveyList: card('surveyList') };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface SurveyCardOptions {
  lang: Lang;
  /** The survey link for vendors outside Teams. */
  link: string | null;
  /** Values to show in the inputs: what was typed, or an earlier answer to change. */
  values?: Partial<AnswerInput>;
  problems?: Partial<Record<AnswerField, AnswerProblem>>;
  requesterName?: string | null;
}

/** The survey a vendor fills in: status, dates, vendor, contact, comment; errors beside each field. */
export function surveyCard(survey: Survey, options: SurveyCardOptions): AdaptiveCard {
  const m = surveyMessages(options.lang);
  const values = Object.fromEntries(ANSWER_FIELDS.map((field) => [field, options.values?.[field] ?? ''])) as AnswerInput;
  const errors: Partial<Record<AnswerField, string>> = {};
  for (const [field, problem] of Object.entries(options.problems ?? {}) as [AnswerField, AnswerProblem][]) {
    const typed = values[field];
    errors[field] = problem === 'INVALID_DATE' && typed ? `"${typed}": ${m.problem[problem]}` : m.problem[problem];
  }
  // A date input can only hold a real ISO day; what could not be read is named in the error instead.
  for (const field of ['ch2Date', 'sts2Date'] as const) if (!ISO_DAY.test(values[field])) values[field] = '';
  const hasProblems = Object.keys(errors).length > 0;
  return renderCard(TEMPLATES.survey, {
    lang: options.lang,
    surveyId: survey.id,
    verb: SurveyVerbs.submit,
    title: m.title(survey.system),
    intro: m.intro(survey.system, options.requesterName ?? survey.requesters[0]?.name ?? null),
    newSystemIntro: survey.systemKnown ? null : m.newSystemIntro,
    errorSummary: hasProblems ? m.fixProblems : null,
    labels: m.label,
    help: { dates: m.help.ch2Date ?? '', comment: m.help.comment ?? '' },
    problems: { statusRequired: m.problem.STATUS_REQUIRED },
    statusChoices: ANSWER_STATUSES.map((status) => ({ title: m.statusChoice[status], value: status })),
    values,
    errors,
    submitButton: m.submitButton,
    link: options.link,
    linkLine: options.link ? m.linkLine(options.link) : null,
    openLinkButton: m.openLinkButton,
  });
}

/** Shown to whoever sent an answer: what was registered, and a button to change it. */
export function receiptCard(survey: Survey, answer: SurveyAnswer, lang: Lang): AdaptiveCard {
  const m = surveyMessages(lang);
  return renderCard(TEMPLATES.receipt, {
    lang,
    verb: SurveyVerbs.edit,
    surveyId: survey.id,
    answerId: answer.id,
    headline: m.receipt(survey.system, statusLine(survey.system, answer, lang)),
    pending: m.reviewPending,
    editButton: m.editButton,
  });
}

/** For KOMBIT's administrators: the answer, a reason field, approve and reject; `notice` above it. */
export function reviewCard(survey: Survey, answer: SurveyAnswer, lang: Lang, notice: string | null = null): AdaptiveCard {
  const m = surveyMessages(lang);
  return renderCard(TEMPLATES.review, {
    lang,
    notice,
    surveyId: survey.id,
    answerId: answer.id,
    title: m.reviewTitle(survey.system),
    details: answerDetails(survey, answer, lang),
    reasonLabel: m.reasonLabel,
    approveButton: m.approveButton,
    rejectButton: m.rejectButton,
    approveVerb: SurveyVerbs.approve,
    rejectVerb: SurveyVerbs.reject,
  });
}

/** How many open surveys the list shows; the rest are counted ("+N more"). */
export const SURVEY_LIST_LIMIT = 10;

/** "åbne forespørgsler": the oldest open surveys, and for administrators buttons to review or close them. */
export function surveyListCard(surveys: Survey[], lang: Lang, isAdmin: boolean, subjectOf: (survey: Survey) => string = (survey) => survey.system): AdaptiveCard {
  const m = surveyMessages(lang);
  const shown = surveys.slice(0, SURVEY_LIST_LIMIT);
  const hidden = surveys.length - shown.length;
  return renderCard(TEMPLATES.surveyList, {
    lang,
    title: m.openTitle,
    none: m.openNone,
    more: hidden > 0 ? m.more(hidden) : null,
    reviewButton: m.reviewButton,
    reviewVerb: SurveyVerbs.review,
    closeButton: m.closeButton,
    closeVerb: SurveyVerbs.close,
    items: shown.map((survey) => ({
      surveyId: survey.id,
      line: m.openLine(subjectOf(survey), formatTimestampDay(survey.createdAt, lang), survey.requesters.length, survey.answers.length),
      state: survey.answers.length === 0 ? m.awaitingAnswer : m.awaitingReview,
      canReview: isAdmin && survey.answers.length > 0,
      canClose: isAdmin,
    })),
  });
}

/** The text lines of the open-surveys list, for the plain-text version. */
export function surveyListText(surveys: Survey[], lang: Lang, subjectOf: (survey: Survey) => string = (survey) => survey.system): string {
  const m = surveyMessages(lang);
  if (surveys.length === 0) return `${m.openTitle}\n${m.openNone}`;
  const shown = surveys.slice(0, SURVEY_LIST_LIMIT);
  const lines = shown.map(
    (survey) =>
      `- ${m.openLine(subjectOf(survey), formatTimestampDay(survey.createdAt, lang), survey.requesters.length, survey.answers.length)} · ${
        survey.answers.length === 0 ? m.awaitingAnswer : m.awaitingReview
      }`,
  );
  if (surveys.length > shown.length) lines.push(m.more(surveys.length - shown.length));
  return [m.openTitle, ...lines].join('\n');
}

import { MAX_REFRESH_USERS } from '../../cards/cardActions.js';
import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import { formatDay, formatTimestampDay } from '../i18n/format.js';
import type { SystemRecord } from '../registry/system.js';
import { approvedRecord } from './approval.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import { ANSWER_FIELDS, EARLIEST_DAY, LATEST_DAY, type AnswerField, type AnswerInput, type AnswerProblem } from './answerInput.js';
import { answerDetails, statusLine } from './present.js';
import { ANSWER_STATUSES, isOpen, type Survey, type SurveyAnswer } from './survey.js';
import { SurveyVerbs } from './verbs.js';

const card = (name: string) => cardTemplate(new URL(`./cards/${name}.json`, import.meta.url));
const TEMPLATES = {
  survey: card('survey'),
  receipt: card('receipt'),
  review: card('review'),
  surveyList: card('surveyList'),
  status: card('status'),
  closeConfirm: card('closeConfirm'),
};

/**
 * "Luk spørgeskemaet om X uden svar?" with "Ja, luk" and "Fortryd": what a typed close answers, so
 * nothing closes without a second, deliberate press (as "Luk uden svar" in the list).
 */
export function closeConfirmCard(survey: Survey, subject: string, lang: Lang): AdaptiveCard {
  const m = surveyMessages(lang);
  return renderCard(TEMPLATES.closeConfirm, {
    lang,
    confirm: m.closeConfirm(subject, survey.requesters.length),
    closeYes: m.closeYes,
    closeNo: m.closeNo,
    closeVerb: SurveyVerbs.close,
    keepVerb: SurveyVerbs.keep,
    surveyId: survey.id,
  });
}

/**
 * Who Teams rebuilds a survey card for at once in a group chat or channel (Universal Actions
 * `refresh`): the people it concerns there. Empty in a personal chat, which Teams refreshes for its
 * one person anyway.
 */
export type RefreshUsers = readonly string[];

/**
 * The card rebuilt for whoever looks at it (`survey.view` for a survey's cards, `survey.list` for the
 * list), so each sees their own view: the form, their receipt, the status, or the decision buttons.
 */
function withRefresh(card: AdaptiveCard, verb: string, data: Record<string, unknown>, userIds: RefreshUsers): AdaptiveCard {
  const ids = userIds.slice(0, MAX_REFRESH_USERS);
  return { ...card, refresh: { action: { type: 'Action.Execute', verb, data: { ...data, verb } }, ...(ids.length > 0 ? { userIds: [...ids] } : {}) } };
}

/** A survey's card with the refresh that shows each viewer their own view of it. */
function surveyRefreshed(card: AdaptiveCard, survey: Survey, lang: Lang, userIds: RefreshUsers): AdaptiveCard {
  return withRefresh(card, SurveyVerbs.view, { surveyId: survey.id, lang }, userIds);
}

/**
 * "Send til leverandøren": a prepared mail (mailto: with subject and body). Teams has no action that
 * copies to the clipboard, so the card shows the link as text to select and copy, beside this mail
 * and a button that opens the form. Every part is URL-encoded: the system's name is typed by people.
 */
export function vendorMailto(system: string, link: string, lang: Lang): string {
  const m = surveyMessages(lang);
  return `mailto:?subject=${encodeURIComponent(m.mailSubject(system))}&body=${encodeURIComponent(m.mailBody(system, link))}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface SurveyCardOptions {
  lang: Lang;
  /** The survey link for vendors outside Teams. */
  link: string | null;
  /** Values to show in the inputs: what was typed, or an earlier answer to change. */
  values?: Partial<AnswerInput>;
  problems?: Partial<Record<AnswerField, AnswerProblem>>;
  requesterName?: string | null;
  /** Who Teams rebuilds the card for at once in a shared conversation. */
  refreshUsers?: RefreshUsers;
  /** The vendor's name is required: the registry has none (as the answer rules check); without it, for a new system. */
  vendorRequired?: boolean;
}

/** The survey a vendor fills in: status, dates, vendor, contact, comment; errors beside each field. */
export function surveyCard(survey: Survey, options: SurveyCardOptions): AdaptiveCard {
  return surveyRefreshed(surveyForm(survey, options), survey, options.lang, options.refreshUsers ?? []);
}

function surveyForm(survey: Survey, options: SurveyCardOptions): AdaptiveCard {
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
    problems: { statusRequired: m.problem.STATUS_REQUIRED, dateRange: m.dateRange, vendorRequired: m.problem.VENDOR_REQUIRED },
    earliest: EARLIEST_DAY,
    latest: LATEST_DAY,
    vendorRequired: options.vendorRequired ?? !survey.systemKnown,
    statusChoices: ANSWER_STATUSES.map((status) => ({ title: m.statusChoice[status], value: status })),
    values,
    errors,
    submitButton: m.submitButton,
    link: options.link,
    copyLinkLabel: m.copyLinkLabel,
    copyLinkHelp: m.copyLinkHelp,
    mailButton: m.mailButton,
    mailto: options.link ? vendorMailto(survey.system, options.link, options.lang) : null,
    openLinkButton: m.openLinkButton,
  });
}

/**
 * Shown to whoever sent an answer: what was registered, where KOMBIT's review stands (waiting,
 * approved, rejected, closed), and while it waits a button to change it.
 */
export function receiptCard(survey: Survey, answer: SurveyAnswer, lang: Lang, refreshUsers: RefreshUsers = []): AdaptiveCard {
  const m = surveyMessages(lang);
  const card = renderCard(TEMPLATES.receipt, {
    lang,
    verb: SurveyVerbs.edit,
    surveyId: survey.id,
    answerId: answer.id,
    headline: m.receipt(survey.system, statusLine(survey.system, answer, lang)),
    state: isOpen(survey) ? m.reviewPending : decisionLine(survey, lang),
    editable: isOpen(survey),
    editButton: m.editButton,
  });
  return surveyRefreshed(card, survey, lang, refreshUsers);
}

/** What KOMBIT decided, as those who asked are told it; null while the survey is open. */
export function decisionLine(survey: Survey, lang: Lang): string {
  const m = surveyMessages(lang);
  const review = survey.review;
  if (review === null) return m.reviewPending;
  if (review.decision === 'closed') return m.notifyClosed(survey.system);
  if (review.decision === 'rejected') return m.notifyRejected(survey.system, review.reason ?? '');
  const answer = survey.answers.find((candidate) => candidate.id === review.answerId);
  return m.notifyApproved(survey.system, answer ? statusLine(survey.system, answer, lang) : '');
}

/**
 * A survey's state for everyone but the one who answered: answered and waiting for KOMBIT, or what
 * KOMBIT decided (for administrators also who decided and when).
 */
export function statusCard(survey: Survey, lang: Lang, options: { forAdmin?: boolean; refreshUsers?: RefreshUsers } = {}): AdaptiveCard {
  return surveyRefreshed(renderCard(TEMPLATES.status, statusOf(survey, lang, options.forAdmin ?? false)), survey, lang, options.refreshUsers ?? []);
}

/** The plain text of a status card. */
export function statusText(survey: Survey, lang: Lang, forAdmin = false): string {
  const { title, lines } = statusOf(survey, lang, forAdmin);
  return [title, ...lines].join('\n');
}

function statusOf(survey: Survey, lang: Lang, forAdmin: boolean): { title: string; lines: string[] } {
  const m = surveyMessages(lang);
  const latest = survey.answers[survey.answers.length - 1];
  const title = isOpen(survey) ? m.answeredPending(survey.system, latest ? formatTimestampDay(latest.submittedAt, lang) : '') : decisionLine(survey, lang);
  const review = survey.review;
  if (!forAdmin || review === null) return { title, lines: [] };
  const by = review.by.name ?? review.by.aadObjectId;
  const day = formatTimestampDay(review.at, lang);
  const line =
    review.decision === 'approved'
      ? m.approvedCard(survey.system, by, day)
      : review.decision === 'rejected'
        ? m.rejectedCard(survey.system, by, day, review.reason ?? '')
        : m.closedByAdmin(survey.system, day);
  return { title, lines: [line] };
}

/**
 * For KOMBIT's administrators: the answer, what approving it changes on the list ("nu → nyt", from
 * the system as the registry has it now), a reason field, approve and reject; `notice` above it.
 */
export function reviewCard(
  survey: Survey,
  answer: SurveyAnswer,
  lang: Lang,
  current: SystemRecord | undefined,
  options: { notice?: string | null; refreshUsers?: RefreshUsers } = {},
): AdaptiveCard {
  const m = surveyMessages(lang);
  const card = renderCard(TEMPLATES.review, {
    lang,
    notice: options.notice ?? null,
    surveyId: survey.id,
    answerId: answer.id,
    title: m.reviewTitle(survey.system),
    details: answerDetails(survey, answer, lang),
    changeTitle: m.changeTitle,
    changes: changesOf(survey, answer, current, lang),
    reasonLabel: m.reasonLabel,
    approveButton: m.approveButton,
    rejectButton: m.rejectButton,
    approveVerb: SurveyVerbs.approve,
    rejectVerb: SurveyVerbs.reject,
  });
  return surveyRefreshed(card, survey, lang, options.refreshUsers ?? []);
}

/** "CH2-dato: ukendt → 3. marts 2026", or "… (uændret)": the list's values now and after approval. */
function changesOf(survey: Survey, answer: SurveyAnswer, current: SystemRecord | undefined, lang: Lang): { label: string; value: string }[] {
  const m = surveyMessages(lang);
  const next = approvedRecord(current, survey, answer, answer.submittedAt);
  const day = (value: string | null) => (value ? formatDay(value, lang) : m.unknownValue);
  const rows: [string, string, string][] = [
    [m.label.ch2Date, day(current?.ch2Date ?? null), day(next.ch2Date)],
    [m.label.sts2Date, day(current?.sts2Date ?? null), day(next.sts2Date)],
    ['Status', m.registryStatus[current?.status ?? 'none'], m.registryStatus[next.status ?? 'none']],
    [m.label.vendor, current?.vendor ?? m.unknownValue, next.vendor ?? m.unknownValue],
  ];
  return rows.map(([label, now, after]) => ({ label, value: now === after ? `${now} (${m.unchanged})` : `${now} → ${after}` }));
}

/** How many open surveys the list shows; the rest are counted ("+N more"). */
export const SURVEY_LIST_LIMIT = 10;

export interface SurveyListOptions {
  isAdmin: boolean;
  subjectOf?: (survey: Survey) => string;
  /** Said above the list: what was just done in it ("closed without an answer"). */
  notice?: string | null;
  refreshUsers?: RefreshUsers;
}

/**
 * "åbne forespørgsler": the oldest open surveys, and for administrators buttons to review or close
 * them; rebuilt per viewer (`survey.list`), so only administrators see those buttons.
 */
export function surveyListCard(surveys: Survey[], lang: Lang, options: SurveyListOptions): AdaptiveCard {
  const m = surveyMessages(lang);
  const { isAdmin, subjectOf = (survey: Survey) => survey.system } = options;
  const shown = surveys.slice(0, SURVEY_LIST_LIMIT);
  const hidden = surveys.length - shown.length;
  const card = renderCard(TEMPLATES.surveyList, {
    lang,
    title: m.openTitle,
    notice: options.notice ?? null,
    none: m.openNone,
    more: hidden > 0 ? m.more(hidden) : null,
    reviewButton: m.reviewButton,
    reviewVerb: SurveyVerbs.review,
    closeButton: m.closeButton,
    closeVerb: SurveyVerbs.close,
    listVerb: SurveyVerbs.list,
    closeYes: m.closeYes,
    closeNo: m.closeNo,
    items: shown.map((survey) => ({
      surveyId: survey.id,
      line: m.openLine(subjectOf(survey), formatTimestampDay(survey.createdAt, lang), survey.requesters.length, survey.answers.length),
      state: survey.answers.length === 0 ? m.awaitingAnswer : m.awaitingReview,
      canReview: isAdmin && survey.answers.length > 0,
      canClose: isAdmin,
      // "Luk uden svar" opens this question with "Ja, luk" and "Fortryd" under the line: nothing closes at one press.
      confirm: m.closeConfirm(subjectOf(survey), survey.requesters.length),
    })),
  });
  return withRefresh(card, SurveyVerbs.list, { lang }, options.refreshUsers ?? []);
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

import type { AdaptiveCard } from '../../cards/render.js';
import type { Notifier, Reply } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import type { Log } from '../log.js';
import type { RegistryService } from '../registry/service.js';
import type { SystemRecord } from '../registry/system.js';
import { receiptCard, reviewCard, statusCard, statusText, surveyCard, surveyListCard, surveyListText, type RefreshUsers } from './cards.js';
import { statusLine } from './present.js';
import type { SentCard, SentCards } from './sentCards.js';
import type { SurveyService } from './service.js';
import { shownSubject } from './subject.js';
import { isOpen, latestAnswer, type Survey, type SurveyAnswer } from './survey.js';
import { surveyMessages } from './texts.js';

/** Whoever looks at a survey card: Teams asks for their own view of it (refresh) or they pressed a button. */
export interface SurveyViewer {
  userId: string;
  aadObjectId: string | null;
  isAdmin: boolean;
}

export interface SurveyViewContext {
  lang: Lang;
  /** The survey link for vendors outside Teams, for the form. */
  link: string | null;
  /** The system as the registry has it now (for "nu → nyt"). */
  current: SystemRecord | undefined;
  refreshUsers: RefreshUsers;
}

/**
 * A survey's card as one person sees it: an administrator the decision buttons while an answer
 * waits; whoever answered their receipt (with "Ret svaret" while KOMBIT has not decided); everyone
 * else the form while nobody has answered, and the status after.
 */
export function surveyViewFor(survey: Survey, viewer: SurveyViewer, context: SurveyViewContext): Reply & { card: AdaptiveCard } {
  const { lang, refreshUsers } = context;
  const m = surveyMessages(lang);
  const latest = latestAnswer(survey);
  const decided = survey.review?.answerId ? survey.answers.find((answer) => answer.id === survey.review?.answerId) : undefined;
  const theirs = decided ?? latest;
  if (theirs && answeredBy(theirs, viewer)) return receiptReply(survey, theirs, lang, refreshUsers);
  if (!isOpen(survey)) return { text: statusText(survey, lang, viewer.isAdmin), card: statusCard(survey, lang, { forAdmin: viewer.isAdmin, refreshUsers }) };
  if (latest && viewer.isAdmin) {
    return { text: m.reviewTitle(survey.system), card: reviewCard(survey, latest, lang, context.current, { refreshUsers }) };
  }
  if (latest) return { text: statusText(survey, lang), card: statusCard(survey, lang, { refreshUsers }) };
  return { text: m.title(survey.system), card: surveyCard(survey, { lang, link: context.link, refreshUsers, vendorRequired: !context.current?.vendor }) };
}

/** The receipt of an answer, with its plain text. */
export function receiptReply(survey: Survey, answer: SurveyAnswer, lang: Lang, refreshUsers: RefreshUsers = []): Reply & { card: AdaptiveCard } {
  const m = surveyMessages(lang);
  const state = isOpen(survey) ? m.reviewPending : statusText(survey, lang);
  return { text: `${m.receipt(survey.system, statusLine(survey.system, answer, lang))}\n${state}`, card: receiptCard(survey, answer, lang, refreshUsers) };
}

/** Whether this person sent the answer (by Entra ID object id where both have one, else by Teams user id). */
export function answeredBy(answer: SurveyAnswer, viewer: Pick<SurveyViewer, 'userId' | 'aadObjectId'>): boolean {
  const by = answer.submittedBy;
  if (by.aadObjectId !== null && viewer.aadObjectId !== null) return by.aadObjectId === viewer.aadObjectId;
  return by.userId !== null && by.userId === viewer.userId;
}

/**
 * The people in one conversation a survey concerns (those who asked there, those who answered
 * there): Teams rebuilds its cards there for them at once.
 */
export function peopleIn(survey: Survey, conversationId: string, also: readonly string[] = []): string[] {
  const asked = survey.requesters.filter((requester) => requester.conversationId === conversationId).map((requester) => requester.userId);
  const answered = survey.answers
    .filter((answer) => answer.source.channel === 'teams' && answer.source.conversationId === conversationId)
    .map((answer) => answer.submittedBy.userId)
    .filter((userId): userId is string => userId !== null);
  return [...new Set([...also, ...asked, ...answered])];
}

export interface CardUpdateDeps {
  sent: SentCards;
  surveys: SurveyService;
  registry: RegistryService;
  notifier: Notifier;
  log?: Log;
}

/**
 * After a survey changed (an answer, a decision, a close), every message holding one of its cards
 * is updated in place, and so are the latest lists of open surveys; `except` is the message the
 * change was made from, which its invoke response already replaced.
 */
export async function updateSentCards(survey: Survey, deps: CardUpdateDeps, except: string | null): Promise<void> {
  const registry = await deps.registry.current();
  for (const card of deps.sent.of(survey.id)) {
    if (card.activityId === except) continue;
    deps.notifier.update(card, sentCardView(survey, card, !registry.find(survey.system)?.vendor));
  }
  const open = deps.surveys.open();
  for (const list of deps.sent.latestLists()) {
    if (list.activityId === except) continue;
    const subjectOf = (shown: Survey) => (list.admin ? shown.system : shownSubject(shown, list.lang, (name) => registry.find(name) !== undefined));
    deps.notifier.update(list, {
      text: surveyListText(open, list.lang, subjectOf),
      card: surveyListCard(open, list.lang, { isAdmin: list.admin, subjectOf, refreshUsers: [] }),
    });
  }
}

/**
 * What a noted message shows after a change, to everyone in it: an administrator's review card the
 * decision; a receipt its answer with KOMBIT's decision; any other card the survey's status. Each
 * carries the refresh, so Teams rebuilds it per viewer where it can.
 */
function sentCardView(survey: Survey, card: SentCard, vendorRequired: boolean): Reply & { card: AdaptiveCard } {
  const refreshUsers = card.shared ? peopleIn(survey, card.conversationId) : [];
  if (card.kind === 'review') return { text: statusText(survey, card.lang, true), card: statusCard(survey, card.lang, { forAdmin: true, refreshUsers }) };
  const answer = card.answerId ? survey.answers.find((candidate) => candidate.id === card.answerId) : undefined;
  // In a shared chat the receipt is one person's view: the message itself shows the status, and the
  // answerer gets their receipt back through the refresh.
  if (answer && !card.shared) return receiptReply(survey, answer, card.lang);
  if (isOpen(survey) && survey.answers.length === 0) {
    return { text: surveyMessages(card.lang).title(survey.system), card: surveyCard(survey, { lang: card.lang, link: null, refreshUsers, vendorRequired }) };
  }
  return { text: statusText(survey, card.lang), card: statusCard(survey, card.lang, { refreshUsers }) };
}

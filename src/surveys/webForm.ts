import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse, HttpRoute } from '../app/contributions.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import type { Log } from '../log.js';
import { answerInputOf } from './answerInput.js';
import { formPage, messagePage, savedPage } from './formPage.js';
import { checkLinkToken } from './linkToken.js';
import type { SurveyService } from './service.js';
import { isOpen, type Survey } from './survey.js';
import type { Clock } from '../time/clock.js';

export interface SurveyPageDeps {
  surveys: SurveyService;
  secret: string;
  /** The ids of keys the bot signed links with before: such a link is too old, not forged. */
  retiredKeyIds?: readonly string[];
  clock: Clock;
  log: Log;
  /** Called after an answer is stored, to tell KOMBIT's administrators. */
  onAnswer: (survey: Survey, answerId: string) => Promise<void>;
}

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // The token is in the URL: never send it on to another site.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * GET and POST /survey/TOKEN: the survey form for vendors outside Teams. Public: the signed link
 * (linkToken.ts) is the vendor's only key, and it opens one survey until it expires.
 */
export function surveyFormRoutes(deps: SurveyPageDeps): HttpRoute[] {
  return [
    { method: 'GET', path: '/survey/:token', access: 'public', handle: async (req) => showForm(req, deps) },
    { method: 'POST', path: '/survey/:token', access: 'public', handle: async (req) => submitForm(req, deps) },
  ];
}

function showForm(req: HttpRequest, deps: SurveyPageDeps): HttpResponse {
  const lang = langOf(req);
  const opened = openSurvey(req, lang, deps);
  if ('status' in opened) return send(opened.status, opened.html);
  return send(200, formPage(opened.survey, formOptions(req, lang, randomUUID())));
}

async function submitForm(req: HttpRequest, deps: SurveyPageDeps): Promise<HttpResponse> {
  const lang = langOf(req);
  const opened = openSurvey(req, lang, deps);
  if ('status' in opened) return send(opened.status, opened.html);
  const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  const input = answerInputOf(body);
  const nonce = typeof body.nonce === 'string' && body.nonce.length <= 100 ? body.nonce : randomUUID();
  const submitter = { userId: null, name: input.contactName || null, aadObjectId: null };
  const m = surveyMessages(lang);
  let outcome: Awaited<ReturnType<SurveyService['submit']>>;
  try {
    outcome = await deps.surveys.submit(opened.survey.id, input, submitter, { channel: 'link', nonce }, lang);
  } catch (error) {
    // The store is down: say so politely with the vendor's values kept (the same nonce, so sending
    // again stores it once); what failed (an address, a path) is for the log only.
    deps.log.error({ err: error, surveyId: opened.survey.id }, 'a survey answer from the web form could not be stored');
    return send(503, formPage(opened.survey, { ...formOptions(req, lang, nonce), values: input, notice: m.pageNotSaved }));
  }
  switch (outcome.kind) {
    case 'invalid':
      return send(400, formPage(outcome.survey, { ...formOptions(req, lang, nonce), values: input, problems: outcome.problems }));
    case 'stored':
      // The answer is stored: telling the administrators may fail without taking the receipt away.
      await deps.onAnswer(outcome.survey, outcome.answer.id).catch((error: unknown) => {
        deps.log.error({ err: error, surveyId: outcome.survey.id }, 'the administrators could not be told about a survey answer');
      });
      return send(200, savedPage(outcome.survey, outcome.answer, lang));
    case 'duplicate':
      return send(200, savedPage(outcome.survey, outcome.answer, lang));
    case 'closed':
      return send(410, messagePage(lang, m.pageTitle(outcome.survey.system), m.pageClosed(outcome.survey.system)));
    case 'not-found':
      return send(404, messagePage(lang, m.pageNotFound, m.pageNotFound));
  }
}

function openSurvey(req: HttpRequest, lang: Lang, deps: SurveyPageDeps): { survey: Survey } | { status: number; html: string } {
  const m = surveyMessages(lang);
  const token = req.params.token ?? '';
  const checked = checkLinkToken(token, deps.secret, deps.clock.now(), deps.retiredKeyIds);
  if (!checked.ok) {
    deps.log.info({ reason: checked.reason }, 'survey link refused');
    if (checked.reason === 'expired') return { status: 410, html: messagePage(lang, m.pageExpired, m.pageExpired) };
    if (checked.reason === 'stale') return { status: 410, html: messagePage(lang, m.pageStale, m.pageStale) };
    return { status: 403, html: messagePage(lang, m.pageForged, m.pageForged) };
  }
  const survey = deps.surveys.get(checked.surveyId);
  if (!survey) return { status: 404, html: messagePage(lang, m.pageNotFound, m.pageNotFound) };
  if (!isOpen(survey)) return { status: 410, html: messagePage(lang, m.pageTitle(survey.system), m.pageClosed(survey.system)) };
  return { survey };
}

function formOptions(req: HttpRequest, lang: Lang, nonce: string) {
  const path = req.path;
  return {
    lang,
    nonce,
    action: lang === 'en' ? `${path}?lang=en` : path,
    otherLanguageUrl: lang === 'en' ? path : `${path}?lang=en`,
  };
}

/**
 * English for ?lang=en, Danish otherwise. The browser's own language is not used: people in Danish
 * municipalities often run English browsers; the link carries the language of the chat it came from,
 * and the page offers the other language.
 */
function langOf(req: HttpRequest): Lang {
  return req.query.get('lang') === 'en' ? 'en' : 'da';
}

function send(status: number, html: string): HttpResponse {
  const { 'content-type': type, ...headers } = HEADERS;
  return { status, type, body: html, headers };
}

import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Lang } from '../src/i18n/language.js';
import { surveyMessages } from '../src/surveys/texts.js';
import type { Log } from '../src/log.js';
import { answerInputOf } from '../src/surveys/answerInput.js';
import { formPage, messagePage, savedPage } from '../src/surveys/formPage.js';
import { checkLinkToken } from '../src/surveys/linkToken.js';
import type { SurveyService } from '../src/surveys/service.js';
import { isOpen, type Survey } from '../src/surveys/survey.js';
import type { Clock } from '../src/time/clock.js';

export interface SurveyPageDeps {
  surveys: SurveyService;
  secret: string;
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

/** GET and POST /survey/TOKEN: the survey form for vendors outside Teams. */
export function registerSurveyPages(server: Server, deps: SurveyPageDeps): void {
  server.get('/survey/:token', async (req, res) => {
    const lang = langOf(req);
    const opened = openSurvey(req, lang, deps);
    if ('status' in opened) return send(res, opened.status, opened.html);
    send(res, 200, formPage(opened.survey, formOptions(req, lang, randomUUID())));
  });

  server.post('/survey/:token', async (req, res) => {
    const lang = langOf(req);
    const opened = openSurvey(req, lang, deps);
    if ('status' in opened) return send(res, opened.status, opened.html);
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
      return send(res, 503, formPage(opened.survey, { ...formOptions(req, lang, nonce), values: input, notice: m.pageNotSaved }));
    }
    switch (outcome.kind) {
      case 'invalid':
        return send(res, 400, formPage(outcome.survey, { ...formOptions(req, lang, nonce), values: input, problems: outcome.problems }));
      case 'stored':
        // The answer is stored: telling the administrators may fail without taking the receipt away.
        await deps.onAnswer(outcome.survey, outcome.answer.id).catch((error: unknown) => {
          deps.log.error({ err: error, surveyId: outcome.survey.id }, 'the administrators could not be told about a survey answer');
        });
        return send(res, 200, savedPage(outcome.survey, outcome.answer, lang));
      case 'duplicate':
        return send(res, 200, savedPage(outcome.survey, outcome.answer, lang));
      case 'closed':
        return send(res, 410, messagePage(lang, m.pageTitle(outcome.survey.system), m.pageClosed(outcome.survey.system)));
      case 'not-found':
        return send(res, 404, messagePage(lang, m.pageNotFound, m.pageNotFound));
    }
  });
}

function openSurvey(req: Request, lang: Lang, deps: SurveyPageDeps): { survey: Survey } | { status: number; html: string } {
  const m = surveyMessages(lang);
  const token = String(req.params.token ?? '');
  const checked = checkLinkToken(token, deps.secret, deps.clock.now());
  if (!checked.ok) {
    deps.log.info({ reason: checked.reason }, 'survey link refused');
    return checked.reason === 'expired'
      ? { status: 410, html: messagePage(lang, m.pageExpired, m.pageExpired) }
      : { status: 403, html: messagePage(lang, m.pageForged, m.pageForged) };
  }
  const survey = deps.surveys.get(checked.surveyId);
  if (!survey) return { status: 404, html: messagePage(lang, m.pageNotFound, m.pageNotFound) };
  if (!isOpen(survey)) return { status: 410, html: messagePage(lang, m.pageTitle(survey.system), m.pageClosed(survey.system)) };
  return { survey };
}

function formOptions(req: Request, lang: Lang, nonce: string) {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
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
function langOf(req: Request): Lang {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') === 'en' ? 'en' : 'da';
}

function send(res: Response, status: number, html: string): void {
  res.writeHead(status, HEADERS);
  res.end(html);
}

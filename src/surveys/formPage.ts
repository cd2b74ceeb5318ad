import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import { ANSWER_LIMITS, EARLIEST_DAY, LATEST_DAY, type AnswerField, type AnswerInput, type AnswerProblem } from './answerInput.js';
import { answerDetails, statusLine } from './present.js';
import { ANSWER_STATUSES, type Survey, type SurveyAnswer } from './survey.js';

/** Everything from outside goes through here before it is written into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The form's colours: every text colour is at least 4.5:1 against what it is written on (WCAG AA). */
const COLOUR = {
  page: '#f5f5f5',
  sheet: '#ffffff',
  text: '#1b1b1b',
  help: '#505050',
  error: '#a4262c',
  button: '#1f4e79',
  buttonText: '#ffffff',
  done: '#107c10',
  focus: '#005fb8',
} as const;

/** The pairs of text and background colour the form uses, for the contrast test. */
export const FORM_TEXT_COLOURS: readonly { name: string; foreground: string; background: string }[] = [
  { name: 'text', foreground: COLOUR.text, background: COLOUR.sheet },
  { name: 'help', foreground: COLOUR.help, background: COLOUR.sheet },
  { name: 'error', foreground: COLOUR.error, background: COLOUR.sheet },
  { name: 'required mark', foreground: COLOUR.error, background: COLOUR.sheet },
  { name: 'button', foreground: COLOUR.buttonText, background: COLOUR.button },
];

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:${COLOUR.page};color:${COLOUR.text};line-height:1.45}
main{max-width:40rem;margin:0 auto;padding:1.5rem;background:${COLOUR.sheet};min-height:100vh}
h1{font-size:1.4rem;margin-top:0}fieldset{border:1px solid #c8c8c8;border-radius:4px;margin:0 0 1rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}.field{margin:0 0 1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
.choice label{display:inline;font-weight:400;margin-left:.4rem}.choice{margin:.3rem 0}.required{color:${COLOUR.error};font-weight:400}
input[type=text],input[type=email],input[type=date],textarea{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #767676;border-radius:4px;font:inherit}
textarea{min-height:6rem}.help{color:${COLOUR.help};font-size:.9rem;margin:.25rem 0 0}
.error{color:${COLOUR.error};font-weight:600;margin:.25rem 0 0}[aria-invalid=true]{border-color:${COLOUR.error};border-width:2px}
.summary{border:2px solid ${COLOUR.error};border-radius:4px;padding:.5rem 1rem;margin-bottom:1rem}
.done{border:2px solid ${COLOUR.done};border-radius:4px;padding:.5rem 1rem}
button{background:${COLOUR.button};color:${COLOUR.buttonText};border:0;border-radius:4px;padding:.6rem 1.2rem;font:inherit;font-weight:600;cursor:pointer}
:focus-visible{outline:3px solid ${COLOUR.focus};outline-offset:2px}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}
`;

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body>
</html>`;
}

export interface FormPageOptions {
  lang: Lang;
  action: string;
  otherLanguageUrl: string;
  nonce: string;
  values?: Partial<AnswerInput>;
  problems?: Partial<Record<AnswerField, AnswerProblem>>;
  /** Said above the form: why what was sent is not saved (the store is down), with the values kept. */
  notice?: string;
}

/** The survey as a plain HTML form: no JavaScript, labels on every field, errors tied to their fields. */
export function formPage(survey: Survey, options: FormPageOptions): string {
  const { lang } = options;
  const m = surveyMessages(lang);
  const values = options.values ?? {};
  const problems = options.problems ?? {};
  const value = (field: AnswerField) => escapeHtml(values[field] ?? '');
  const errorOf = (field: AnswerField) => {
    const problem = problems[field];
    if (!problem) return '';
    const typed = values[field];
    const text = problem === 'INVALID_DATE' && typed ? `"${typed}": ${m.problem[problem]}` : m.problem[problem];
    return `<p class="error" id="${field}-error">${escapeHtml(text)}</p>`;
  };
  const invalid = (field: AnswerField, describedBy: string[] = []) => {
    const ids = [...describedBy, ...(problems[field] ? [`${field}-error`] : [])];
    return `${problems[field] ? ' aria-invalid="true"' : ''}${ids.length ? ` aria-describedby="${ids.join(' ')}"` : ''}`;
  };
  const requiredMark = `<span class="required">${escapeHtml(m.requiredMark)}</span>`;
  const text = (field: 'vendor' | 'contactName' | 'contactEmail', type: string, autocomplete: string, required = false) => `
<div class="field"><label for="${field}">${escapeHtml(m.label[field])}${required ? ` ${requiredMark}` : ''}</label>
<input type="${type}" id="${field}" name="${field}" value="${value(field)}" maxlength="${ANSWER_LIMITS[field]}" autocomplete="${autocomplete}"${required ? ' aria-required="true"' : ''}${invalid(field)}>
${errorOf(field)}</div>`;
  const date = (field: 'ch2Date' | 'sts2Date') => `
<div class="field"><label for="${field}">${escapeHtml(m.label[field])}</label>
<input type="date" id="${field}" name="${field}" value="${value(field)}" min="${EARLIEST_DAY}" max="${LATEST_DAY}"${invalid(field, ['dates-help'])}>
${errorOf(field)}</div>`;
  const summary = Object.keys(problems).length
    ? `<div class="summary" role="alert" id="problems"><p><strong>${escapeHtml(m.fixProblems)}</strong></p><ul>${Object.entries(problems)
        .map(([field, problem]) => `<li><a href="#${field === 'status' ? 'status-planned' : field}">${escapeHtml(m.label[field as AnswerField])}: ${escapeHtml(m.problem[problem as AnswerProblem])}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const radios = ANSWER_STATUSES.map(
    (status) =>
      `<div class="choice"><input type="radio" id="status-${status}" name="status" value="${status}"${values.status === status ? ' checked' : ''}><label for="status-${status}">${escapeHtml(m.statusChoice[status])}</label></div>`,
  ).join('\n');
  const body = `
<h1>${escapeHtml(m.title(survey.system))}</h1>
<p>${escapeHtml(m.intro(survey.system, survey.requesters[0]?.name ?? null))}</p>
${survey.systemKnown ? '' : `<p>${escapeHtml(m.newSystemIntro)}</p>`}
${options.notice ? `<div class="summary" role="alert" id="notice"><p><strong>${escapeHtml(options.notice)}</strong></p></div>` : ''}
${summary}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
<input type="hidden" name="nonce" value="${escapeHtml(options.nonce)}">
<fieldset${problems.status ? ' aria-describedby="status-error"' : ''}><legend>${escapeHtml(m.label.status)} ${requiredMark}</legend>
${radios}
${errorOf('status')}</fieldset>
${date('ch2Date')}
${date('sts2Date')}
<p class="help" id="dates-help">${escapeHtml(m.help.ch2Date ?? '')}</p>
${text('vendor', 'text', 'organization', !survey.systemKnown)}
${text('contactName', 'text', 'name')}
${text('contactEmail', 'email', 'email')}
<div class="field"><label for="comment">${escapeHtml(m.label.comment)}</label>
<textarea id="comment" name="comment" maxlength="${ANSWER_LIMITS.comment}"${invalid('comment', ['comment-help'])}>${value('comment')}</textarea>
<p class="help" id="comment-help">${escapeHtml(m.help.comment ?? '')}</p>${errorOf('comment')}</div>
<button type="submit">${escapeHtml(m.submitButton)}</button>
</form>
<p><a href="${escapeHtml(options.otherLanguageUrl)}" lang="${lang === 'da' ? 'en' : 'da'}">${escapeHtml(m.otherLanguage)}</a></p>`;
  return page(lang, m.pageTitle(survey.system), body);
}

/** Shown after a stored answer: what was registered. */
export function savedPage(survey: Survey, answer: SurveyAnswer, lang: Lang): string {
  const m = surveyMessages(lang);
  const details = answerDetails(survey, answer, lang)
    .map((detail) => `<dt>${escapeHtml(detail.label)}</dt><dd>${escapeHtml(detail.value)}</dd>`)
    .join('');
  const body = `<h1>${escapeHtml(m.pageTitle(survey.system))}</h1>
<div class="done" role="status"><p><strong>${escapeHtml(m.receipt(survey.system, statusLine(survey.system, answer, lang)))}</strong></p>
<p>${escapeHtml(m.pageSaved)} ${escapeHtml(m.reviewPending)}</p></div><dl>${details}</dl>`;
  return page(lang, m.pageTitle(survey.system), body);
}

/** A page that says why the link cannot be used (expired, forged, closed, unknown). */
export function messagePage(lang: Lang, title: string, message: string): string {
  return page(lang, title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

import { formatDay, formatTimestampDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import type { Survey, SurveyAnswer } from './survey.js';

/** "til Context Handler 2 den 3. marts 2026 og til STS 2 den 1. juni 2026" — in the reader's language. */
export function datesPhrase(answer: Pick<SurveyAnswer, 'ch2Date' | 'sts2Date'>, lang: Lang): string {
  const m = surveyMessages(lang);
  const parts: string[] = [];
  if (answer.ch2Date) parts.push(m.toCh2On(formatDay(answer.ch2Date, lang)));
  if (answer.sts2Date) parts.push(m.toSts2On(formatDay(answer.sts2Date, lang)));
  return parts.join(m.and);
}

/** One sentence saying what the vendor answered. */
export function statusLine(system: string, answer: SurveyAnswer, lang: Lang): string {
  const line = surveyMessages(lang).statusLine;
  switch (answer.status) {
    case 'planned':
      return line.planned(system, datesPhrase(answer, lang));
    case 'switched':
      return line.switched(system, datesPhrase(answer, lang));
    case 'not-applicable':
      return line['not-applicable'](system);
    case 'undecided':
      return line.undecided(system);
  }
}

/** The answer's fields as label/value pairs, for the review card, the CLI and the receipt page. */
export function answerDetails(survey: Survey, answer: SurveyAnswer, lang: Lang): { label: string; value: string }[] {
  const m = surveyMessages(lang);
  const details = [
    { label: m.label.status, value: m.statusChoice[answer.status] },
    { label: m.label.ch2Date, value: answer.ch2Date ? formatDay(answer.ch2Date, lang) : '—' },
    { label: m.label.sts2Date, value: answer.sts2Date ? formatDay(answer.sts2Date, lang) : '—' },
    { label: m.label.vendor, value: answer.vendor ?? '—' },
    { label: m.label.contactName, value: answer.contactName ?? '—' },
    { label: m.label.contactEmail, value: answer.contactEmail ?? '—' },
    { label: m.label.comment, value: answer.comment ?? '—' },
    {
      label: m.reviewFacts.submitted,
      value: `${formatTimestampDay(answer.submittedAt, lang)}${answer.submittedBy.name ? `, ${answer.submittedBy.name}` : ''}`,
    },
    { label: m.reviewFacts.via, value: answer.source.channel === 'teams' ? m.reviewFacts.viaTeams : m.reviewFacts.viaLink },
  ];
  if (!survey.systemKnown) details.push({ label: m.reviewFacts.newSystem, value: m.reviewFacts.yes });
  return details;
}

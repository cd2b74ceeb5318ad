import { digestCard } from '../deadlines/card.js';
import type { Reply } from '../chat/types.js';
import { buildDigest, type SurveySummary } from '../deadlines/digest.js';
import { digestViewToText, presentDigest, withCalendar } from '../deadlines/present.js';
import type { Lang } from '../i18n/language.js';
import type { Deadline } from '../deadlines/deadline.js';
import { nameKey, type SystemRecord } from '../registry/system.js';
import { shownSubject } from '../surveys/subject.js';
import type { Survey } from '../surveys/survey.js';
import type { IsoDate } from '../time/calendarDate.js';

/** What a digest is made from: the registry's deadlines and systems. */
export interface DigestData {
  deadlines: readonly Deadline[];
  systems: readonly SystemRecord[];
}

/** The open surveys as the digest shows them: a name only when the registry knows it (see shownSubject). */
function summaries(openSurveys: readonly Survey[], systems: readonly SystemRecord[], lang: Lang): SurveySummary[] {
  const names = new Set(systems.flatMap((system) => [system.name, ...system.aliases].map(nameKey)));
  const knows = (name: string) => names.has(nameKey(name));
  return openSurveys.map((s) => ({ system: shownSubject(s, lang, knows), createdAt: s.createdAt, requesters: s.requesters.length, answers: s.answers.length }));
}

function view(data: DigestData, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang) {
  return presentDigest(buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: summaries(openSurveys, data.systems, lang), asOf }), lang);
}

/** The digest for day D as plain text (the CLI's preview). */
export function digestText(data: DigestData, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang): string {
  return digestViewToText(view(data, openSurveys, asOf, lang));
}

/** The digest for day D as a message: the card, with its text, and the calendar feed's link when there is one. */
export function digestReply(data: DigestData, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang, calendarUrl: string | null = null): Reply {
  const digestView = withCalendar(view(data, openSurveys, asOf, lang), calendarUrl, lang);
  return { text: digestViewToText(digestView), summary: digestView.title, card: digestCard(digestView) };
}

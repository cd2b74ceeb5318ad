import { digestCard } from '../../cards/digestCard.js';
import type { Reply } from '../chat/types.js';
import { buildDigest, type SurveySummary } from '../deadlines/digest.js';
import { digestViewToText, presentDigest } from '../deadlines/present.js';
import type { Lang } from '../i18n/language.js';
import type { RegistryData } from '../store/registryStore.js';
import type { Survey } from '../surveys/survey.js';
import type { IsoDate } from '../time/calendarDate.js';

function summaries(openSurveys: readonly Survey[]): SurveySummary[] {
  return openSurveys.map((s) => ({ system: s.system, createdAt: s.createdAt, requesters: s.requesters.length, answers: s.answers.length }));
}

function view(data: Pick<RegistryData, 'deadlines' | 'systems'>, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang) {
  return presentDigest(buildDigest({ deadlines: data.deadlines, systems: data.systems, surveys: summaries(openSurveys), asOf }), lang);
}

/** The digest for day D as plain text (the CLI's preview). */
export function digestText(data: Pick<RegistryData, 'deadlines' | 'systems'>, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang): string {
  return digestViewToText(view(data, openSurveys, asOf, lang));
}

/** The digest for day D as a message: the card, with its text. */
export function digestReply(data: Pick<RegistryData, 'deadlines' | 'systems'>, openSurveys: readonly Survey[], asOf: IsoDate, lang: Lang): Reply {
  const digestView = view(data, openSurveys, asOf, lang);
  return { text: digestViewToText(digestView), summary: digestView.title, card: digestCard(digestView) };
}

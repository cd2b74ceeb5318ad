import type { DigestSection } from '../app/digestSection.js';
import { buildDigest, type SurveySummary } from '../deadlines/digest.js';
import { presentDigestPart } from '../deadlines/present.js';
import type { Lang } from '../i18n/language.js';
import { nameKey, type SystemRecord } from '../registry/system.js';
import type { SurveyService } from './service.js';
import { shownSubject } from './subject.js';
import type { Survey } from './survey.js';

/** The open surveys as the digest shows them: a name only when the registry knows it (see shownSubject). */
export function surveySummaries(openSurveys: readonly Survey[], systems: readonly SystemRecord[], lang: Lang): SurveySummary[] {
  const names = new Set(systems.flatMap((system) => [system.name, ...system.aliases].map(nameKey)));
  const knows = (name: string) => names.has(nameKey(name));
  return openSurveys.map((s) => ({ system: shownSubject(s, lang, knows), createdAt: s.createdAt, requesters: s.requesters.length, answers: s.answers.length }));
}

/** The digest's section of surveys still open after a week, taking in what the CLI recorded meanwhile. */
export function openSurveysSection(surveys: SurveyService): DigestSection {
  return {
    key: 'surveys.open',
    order: 70,
    compute: async ({ registry, asOf, lang }) => {
      await surveys.refresh();
      const digest = buildDigest({ deadlines: [], systems: [], surveys: surveySummaries(surveys.open(), registry.systems, lang), asOf });
      return presentDigestPart(digest, 'staleSurveys', lang);
    },
  };
}

import { NEXT_STEP_TEXTS } from '../deadlines/answerTexts.js';
import { answersAbout } from '../deadlines/nextSteps.js';
import type { Lang } from '../i18n/language.js';
import type { NextStep } from '../links/nextStep.js';
import type { OverviewLink } from '../links/overview.js';
import type { Registry } from '../registry/registry.js';
import type { IsoDate } from '../time/calendarDate.js';
import type { DeckFact } from './fact.js';

/**
 * The questions related to facts, each one that answers on the data: the switch of a subject that is
 * a system, "Frister for …" of a subject with dated items; then the overview.
 */
export function factNextSteps(facts: readonly DeckFact[], lang: Lang, data: { registry: Registry; today: IsoDate; facts: readonly DeckFact[] }, overview: OverviewLink | null): NextStep[] {
  const m = NEXT_STEP_TEXTS[lang];
  const steps: NextStep[] = [];
  for (const subject of [...new Set(facts.map((fact) => fact.subject))].slice(0, 2)) {
    const system = data.registry.find(subject);
    if (system) steps.push({ title: m.switchOf(system.name), question: m.switchOfQuestion(system.name) });
    if (answersAbout(m.deadlinesForQuestion(subject), data)) steps.push({ title: m.deadlinesFor(subject), question: m.deadlinesForQuestion(subject) });
  }
  return overview ? [...steps.slice(0, 1), overview, ...steps.slice(1)] : steps;
}

import type { DeckFact } from '../facts/fact.js';
import type { Lang } from '../i18n/language.js';
import { nextStepsOf, type NextStep } from '../links/nextStep.js';
import type { OverviewLink } from '../links/overview.js';
import type { Registry } from '../registry/registry.js';
import { splitWords } from '../text/words.js';
import type { IsoDate } from '../time/calendarDate.js';
import { NEXT_STEP_TEXTS } from './answerTexts.js';
import { answerDeadlineQuestion, type DeadlineAnswer } from './questions.js';

/** The data a question is asked of, to know before offering it that its answer is not empty. */
export interface AskedOf {
  registry: Registry;
  today: IsoDate;
  facts: readonly DeckFact[];
}

/** Whether a deadline answer shows something dated or undated from the data (not only "none"). */
export function showsItems(answer: DeadlineAnswer | null): boolean {
  return answer !== null && (answer.items.length > 0 || answer.unknownDays.length > 0 || (answer.switches?.length ?? 0) > 0);
}

/** Whether this deadline question, asked of the data, answers with items. */
export function answersWithItems(question: string, data: AskedOf): boolean {
  return showsItems(answerDeadlineQuestion(question, splitWords(question), data.registry, data.today, data.facts));
}

/**
 * Whether "frister for X", asked of the data, lists X's own items: a name the data has no items of
 * is read as plain "frister" (the next 14 days), which is no answer about X.
 */
export function answersAbout(question: string, data: AskedOf): boolean {
  const answer = answerDeadlineQuestion(question, splitWords(question), data.registry, data.today, data.facts);
  return answer !== null && answer.solution !== null && showsItems(answer);
}

/** The solutions of an answer's items, in the order shown: what it lists first, then the rest. */
function solutionsOf(answer: DeadlineAnswer): string[] {
  const shown = [...answer.items, ...answer.unknownDays, ...(answer.nextAfter ?? []), ...answer.latest];
  return [...new Set(shown.map((item) => item.solution))];
}

/**
 * One to three next steps under a deadline answer, each one whose answer is not empty: the switch of
 * the solution asked about when it is a system, "Frister for …" of a solution it shows (not the list
 * just given), what happens next week, and the overview.
 */
export function deadlineNextSteps(answer: DeadlineAnswer, asked: string, lang: Lang, data: AskedOf, overview: OverviewLink | null): NextStep[] {
  const m = NEXT_STEP_TEXTS[lang];
  const solutions = answer.solution ? [answer.solution, ...solutionsOf(answer).filter((solution) => solution !== answer.solution)] : solutionsOf(answer);
  const steps: (NextStep | null)[] = [];
  // "frister for SAPA" already lists all of SAPA: offering it again would answer the same.
  const allOf = (solution: string) => answer.solution === solution && answer.code === null && answer.category === null && answer.when.kind === 'all';
  for (const solution of solutions.slice(0, 2)) {
    const system = data.registry.find(solution);
    if (system) steps.push({ title: m.switchOf(system.name), question: m.switchOfQuestion(system.name) });
    if (!allOf(solution) && answersAbout(m.deadlinesForQuestion(solution), data)) steps.push({ title: m.deadlinesFor(solution), question: m.deadlinesForQuestion(solution) });
  }
  if (overview) steps.splice(Math.min(steps.length, 2), 0, overview);
  if (answersWithItems(m.nextWeekQuestion, data)) steps.push({ title: m.nextWeek, question: m.nextWeekQuestion });
  // Never the question just answered, however it was offered.
  const same = (question: string) => question.trim().toLocaleLowerCase(lang) === asked.trim().toLocaleLowerCase(lang);
  return nextStepsOf(steps.filter((step) => step === null || 'url' in step || !same(step.question)));
}

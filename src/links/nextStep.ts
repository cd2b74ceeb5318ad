/**
 * A next step offered under an answer: a question asked as if typed (Teams' imBack, so it goes through
 * the router as the user's message), or a page opened. Issue #23: each answer offers one to three.
 */
export type NextStep = { title: string; question: string } | { title: string; url: string };

/** The most next steps an answer offers (an "ask the vendor" button counts as one). */
export const MAX_NEXT_STEPS = 3;

/** The steps without repeats (by question or page), at most `max`. */
export function nextStepsOf(steps: readonly (NextStep | null)[], max = MAX_NEXT_STEPS): NextStep[] {
  const seen = new Set<string>();
  const kept: NextStep[] = [];
  for (const step of steps) {
    if (step === null) continue;
    const key = 'url' in step ? `url:${step.url}` : `ask:${step.question.toLocaleLowerCase('da')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(step);
  }
  return kept.slice(0, Math.max(max, 0));
}

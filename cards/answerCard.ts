import type { AnswerView } from '../src/answers/present.js';
import { AnswerVerbs } from '../src/answers/verbs.js';
import { SurveyVerbs } from '../src/surveys/verbs.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** The card for an answer: one block per system, lists, "did you mean" buttons, "ask the vendor". */
export function answerCard(view: AnswerView): AdaptiveCard {
  const askVendor = (ask: AnswerView['askVendor']) => (ask === null ? null : { ...ask, verb: SurveyVerbs.request });
  return renderCard('answer', {
    lang: view.lang,
    title: view.title,
    lines: view.lines,
    facts: view.facts.map((fact) => ({ ...fact, askVendor: askVendor(fact.askVendor) })),
    items: view.items,
    more: view.more,
    choices: view.choices.map((choice) => ({ ...choice, verb: AnswerVerbs.pick, topic: view.topic })),
    askVendor: askVendor(view.askVendor),
  });
}

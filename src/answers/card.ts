import { withContributedButtons, type CardRefresh, type ContributedButton } from '../../cards/cardActions.js';
import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import { SurveyVerbs } from '../surveys/verbs.js';
import type { AnswerView } from './present.js';
import { AnswerVerbs } from './verbs.js';

const ANSWER = cardTemplate(new URL('./cards/answer.json', import.meta.url));

/**
 * The card for an answer: one block per system, lists, "did you mean" buttons, "ask the vendor", and
 * the buttons other features put on its systems ("Følg"), rebuilt per viewer through `refresh`.
 */
export function answerCard(view: AnswerView, contributed?: { buttons: readonly ContributedButton[]; refresh: CardRefresh }): AdaptiveCard {
  const askVendor = (ask: AnswerView['askVendor']) => (ask === null ? null : { ...ask, verb: SurveyVerbs.request });
  const card = renderCard(ANSWER, {
    lang: view.lang,
    title: view.title,
    lines: view.lines,
    // The details as two compact columns of TextRuns (a FactSet would read the data as Markdown).
    facts: view.facts.map((fact) => ({ ...fact, askVendor: askVendor(fact.askVendor) })),
    items: view.items,
    rest: view.rest,
    showAll: view.showAll,
    more: view.more,
    choices: view.choices.map((choice) => ({ ...choice, verb: AnswerVerbs.pick, topic: view.topic })),
    isSystem: view.isSystem,
    isSystemVerb: AnswerVerbs.isSystem,
    askVendor: askVendor(view.askVendor),
    // A next step asks its question as the user (imBack), so it goes through the router as typed; or opens a page.
    asks: view.next.filter((step) => 'question' in step),
    opens: view.next.filter((step) => 'url' in step),
  });
  return contributed ? withContributedButtons(card, contributed.buttons, contributed.refresh) : card;
}

import { withContributedButtons, type CardRefresh, type ContributedButton } from '../../cards/cardActions.js';
import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import type { DigestView } from './present.js';

const DIGEST = cardTemplate(new URL('./cards/digest.json', import.meta.url));

/** The weekly digest, and deadline answers: sections of lines, a heading per week under "due soon". */
export function digestCard(view: DigestView): AdaptiveCard {
  return renderCard(DIGEST, view);
}

/** A deadline answer's card, with the buttons other features put on its deadlines, rebuilt per viewer. */
export function deadlineAnswerCard(card: AdaptiveCard, buttons: readonly ContributedButton[], refresh: CardRefresh): AdaptiveCard {
  return withContributedButtons(card, buttons, refresh);
}

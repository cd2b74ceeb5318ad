import { withContributedButtons, type CardRefresh, type ContributedButton } from '../../cards/cardActions.js';
import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import type { DigestView, Line } from './present.js';

const DIGEST = cardTemplate(new URL('./cards/digest.json', import.meta.url));

/**
 * The weekly digest, and deadline answers: sections of lines, a heading per week under "due soon"; a
 * line's lead opens its KLIK task where the data has the link; in a channel "Vis alle" opens the rest.
 */
export function digestCard(view: DigestView): AdaptiveCard {
  // Every field the template reads, bound: a section from another feature has no links or hidden lines.
  const line = (item: Line) => ({ lead: item.lead, text: item.text, url: item.url ?? null });
  return renderCard(DIGEST, {
    ...view,
    // A next step asks its question as the user (imBack), so it goes through the router as typed; or opens a page.
    asks: (view.next ?? []).filter((step) => 'question' in step),
    links: [...(view.links ?? []), ...(view.next ?? []).filter((step) => 'url' in step)],
    sections: view.sections.map((section) => ({
      heading: section.heading,
      more: section.more,
      groups: section.groups.map((group) => ({ heading: group.heading, lines: group.lines.map(line) })),
      rest: (section.rest ?? []).map((group) => ({ heading: group.heading, lines: group.lines.map(line) })),
      showAll: section.showAll ?? null,
      showAllUrl: section.showAllUrl ?? null,
    })),
  });
}

/** A deadline answer's card, with the buttons other features put on its deadlines, rebuilt per viewer. */
export function deadlineAnswerCard(card: AdaptiveCard, buttons: readonly ContributedButton[], refresh: CardRefresh): AdaptiveCard {
  return withContributedButtons(card, buttons, refresh);
}

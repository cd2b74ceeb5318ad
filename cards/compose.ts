import type { AdaptiveCard } from './render.js';

/**
 * Several cards as one, one under the other with a separator: the answers to the parts of a question
 * asked in one message. Each card's body is kept as it was rendered (and checked) by its feature.
 */
export function stackCards(cards: readonly AdaptiveCard[]): AdaptiveCard {
  const body = cards.map((card, index) => ({ type: 'Container', ...(index > 0 ? { separator: true, spacing: 'Large' } : {}), items: card.body }));
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
}

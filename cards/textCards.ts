import { cardTemplate, renderCard, type AdaptiveCard } from './render.js';

const MESSAGE = cardTemplate(new URL('./templates/message.json', import.meta.url));
const LINK = cardTemplate(new URL('./templates/link.json', import.meta.url));

/** A card of plain lines; for short notices. */
export function messageCard(lines: string[]): AdaptiveCard {
  return renderCard(MESSAGE, { lines });
}

/** A short notice with one button that opens a page (KOMBIT's status page, say). */
export function linkCard(lines: string[], button: string, url: string): AdaptiveCard {
  return renderCard(LINK, { lines, button, url });
}

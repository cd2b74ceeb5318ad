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

const SUBSCRIBE = cardTemplate(new URL('./templates/subscribe.json', import.meta.url));

/** One calendar feed offered for subscription: Outlook on the web, a webcal: link, and its address to copy. */
export interface SubscribeFeed {
  title: string;
  url: string;
  outlookUrl: string;
  webcalUrl: string;
}

/** How to get calendar feeds into a calendar, each with "Abonnér i Outlook", webcal and "Kopiér link". */
export function subscribeCard(view: { howTo: string; copyLabel: string; subscribe: string; webcal: string; copy: string; feeds: SubscribeFeed[] }): AdaptiveCard {
  // The labels are the same for every feed; the template repeats them inside each feed's container.
  const { feeds, ...labels } = view;
  return renderCard(SUBSCRIBE, { howTo: view.howTo, feeds: feeds.map((feed) => ({ ...labels, ...feed })) });
}

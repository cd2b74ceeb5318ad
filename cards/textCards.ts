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

const QUESTIONS = cardTemplate(new URL('./templates/questions.json', import.meta.url));

/**
 * A card of plain lines with questions to ask as buttons: each sends its question as the user's message
 * (Teams' imBack), so it goes through the router as if typed, and shows in the chat as asked.
 */
export function questionsCard(lines: string[], questions: readonly string[]): AdaptiveCard {
  return renderCard(QUESTIONS, { lines, questions });
}

/** What a question button sends: Teams posts `value` as the user's message. */
export function askAction(title: string, question: string): { type: 'Action.Submit'; title: string; data: { msteams: { type: 'imBack'; value: string } } } {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: question } } };
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

import type { Lang } from '../src/i18n/language.js';
import { messages } from '../src/i18n/messages.js';
import { renderCard, type AdaptiveCard } from './render.js';

/** A card of plain lines; for short notices. */
export function messageCard(lines: string[]): AdaptiveCard {
  return renderCard('message', { lines });
}

/** Help, and on install the welcome: what the bot does and questions to try. */
export function helpCard(lang: Lang, greeting: string | null = null): AdaptiveCard {
  const m = messages(lang);
  return renderCard('help', { greeting, title: m.helpTitle, intro: m.helpIntro, examples: m.helpExamples });
}

/** A short notice with one button that opens a page (KOMBIT's status page, say). */
export function linkCard(lines: string[], button: string, url: string): AdaptiveCard {
  return renderCard('link', { lines, button, url });
}

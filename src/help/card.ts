import { cardTemplate, renderCard, type AdaptiveCard } from '../../cards/render.js';
import { DEADLINES_FEED_NAME, outlookSubscribeUrl } from '../calendar/link.js';
import type { Lang } from '../i18n/language.js';
import type { OverviewLink } from '../links/overview.js';
import { helpTexts } from './texts.js';

const HELP = cardTemplate(new URL('./cards/help.json', import.meta.url));

/**
 * Help, and on install the welcome: what the bot does, and questions to try as buttons that ask them
 * (imBack: Teams sends the question as the user's message, so it is answered as if typed).
 */
export function helpCard(lang: Lang, greeting: string | null, calendarUrl: string, examples: string[], overview: OverviewLink | null = null): AdaptiveCard {
  const m = helpTexts(lang);
  return renderCard(HELP, {
    greeting,
    title: m.helpTitle,
    intro: m.helpIntro,
    examplesLine: m.examplesLine,
    examples,
    overview,
    calendarLine: m.calendarLine,
    calendarButton: m.calendarButton,
    calendarUrl: outlookSubscribeUrl(calendarUrl, DEADLINES_FEED_NAME),
  });
}

import { linkCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import { exactly } from '../chat/phrases.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../deadlines/deadline.js';
import { deadlinesFeed, knownSolution } from './feed.js';
import { plainLine } from '../text/plainText.js';
import { CALENDAR_FEED_PATH, calendarFeedUrl } from './link.js';
import { calendarTexts } from './texts.js';

const ASK = exactly('kalender', 'kalenderen', 'abonnér i outlook', 'abonner i outlook', 'outlook', 'calendar', 'subscribe in outlook', 'ical');

/**
 * The deadlines in people's calendars: GET /calendar/deadlines.ics, an iCalendar feed Outlook
 * subscribes to (?solution=SAPA and ?kind=klik|agreement|event narrow it), and "kalender" in chat.
 */
export const calendar = defineFeature({
  name: 'calendar',
  languageWords: { da: 'kalender', en: 'calendar' },
  register: (router, { config }) => {
    router.message(ASK, (turn) => {
      const t = calendarTexts(turn.lang);
      const url = calendarFeedUrl(config.publicBaseUrl);
      const lines = [t.howTo, url];
      return { text: lines.join('\n'), card: linkCard(lines, t.subscribe, url) };
    }, { samples: { da: ['kalender', 'abonnér i outlook'], en: ['calendar', 'subscribe in outlook'] } });
  },
  routes: ({ registry, clock }) => [
    {
      method: 'GET',
      path: CALENDAR_FEED_PATH,
      // Outlook subscribes without signing in: the feed holds only the deck's published deadlines.
      access: 'public',
      async handle({ query }) {
        const kind = query.get('kind');
        if (kind !== null && !(DEADLINE_KINDS as readonly string[]).includes(kind)) {
          const shown = plainLine(kind, 40);
          return { status: 400, type: 'text/plain; charset=utf-8', body: `${calendarTexts('da').badKind(shown)}\n${calendarTexts('en').badKind(shown)}\n` };
        }
        const asked = query.get('solution')?.trim().slice(0, 100) || null;
        const { deadlines } = await registry.current();
        // Only a solution the data knows: the link's own text never reaches the feed.
        const solution = asked === null ? null : knownSolution(deadlines, asked);
        if (asked !== null && solution === null) {
          const shown = plainLine(asked, 40);
          return { status: 404, type: 'text/plain; charset=utf-8', body: `${calendarTexts('da').unknownSolution(shown)}\n${calendarTexts('en').unknownSolution(shown)}\n` };
        }
        const body = deadlinesFeed(deadlines, { solution, kind: kind as DeadlineKind | null }, clock.now());
        return {
          status: 200,
          type: 'text/calendar; charset=utf-8',
          body,
          headers: { 'cache-control': 'public, max-age=900', 'content-disposition': 'inline; filename="fki-frister.ics"' },
        };
      },
    },
  ],
});

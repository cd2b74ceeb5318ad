import { subscribeCard } from '../../cards/textCards.js';
import { defineFeature } from '../app/feature.js';
import { exactly } from '../chat/phrases.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../deadlines/deadline.js';
import { deadlinesFeed, knownSolution, switchesFeed } from './feed.js';
import { calendarDayAt, DANISH_ZONE } from '../time/calendarDate.js';
import { plainLine } from '../text/plainText.js';
import { CALENDAR_FEED_PATH, calendarFeedUrl, DEADLINES_FEED_NAME, outlookSubscribeUrl, SWITCHES_FEED_NAME, switchesFeedUrl, webcalUrl } from './link.js';
import { calendarTexts } from './texts.js';

const ASK = exactly('kalender', 'kalenderen', 'abonnér i outlook', 'abonner i outlook', 'outlook', 'calendar', 'subscribe in outlook', 'ical');

/** `?kind=switches`: the CH2 and STS 2 switch dates instead of the deadlines. */
const SWITCHES_KIND = 'switches';

const FEED_HEADERS = (filename: string) => ({ 'cache-control': 'public, max-age=900', 'content-disposition': `inline; filename="${filename}"` });

/**
 * The deadlines in people's calendars: GET /calendar/deadlines.ics, an iCalendar feed Outlook
 * subscribes to (?solution=SAPA and ?kind=klik|agreement|event narrow it; ?kind=switches gives the
 * CH2/STS 2 switch dates), and "kalender" in chat: "Abonnér i Outlook" (Outlook on the web's "add
 * from web"), a webcal: link and the address to copy, for each feed.
 */
export const calendar = defineFeature({
  name: 'calendar',
  languageWords: { da: 'kalender', en: 'calendar' },
  register: (router, { config }) => {
    router.message(ASK, (turn) => {
      const t = calendarTexts(turn.lang);
      const feeds = [
        { title: t.deadlinesFeed, url: calendarFeedUrl(config.publicBaseUrl), name: DEADLINES_FEED_NAME },
        { title: t.switchesFeed, url: switchesFeedUrl(config.publicBaseUrl), name: SWITCHES_FEED_NAME },
      ].map(({ title, url, name }) => ({ title, url, outlookUrl: outlookSubscribeUrl(url, name), webcalUrl: webcalUrl(url) }));
      const lines = [t.howTo, ...feeds.flatMap((feed) => [`${feed.title}: ${feed.url}`, `${t.subscribe}: ${feed.outlookUrl}`])];
      return { text: lines.join('\n'), card: subscribeCard({ howTo: t.howTo, copyLabel: t.copyLabel, subscribe: t.subscribe, webcal: t.webcal, copy: t.copy, feeds }) };
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
        if (kind === SWITCHES_KIND) {
          const body = switchesFeed((await registry.current()).systems, clock.now(), calendarDayAt(clock.now(), DANISH_ZONE));
          return { status: 200, type: 'text/calendar; charset=utf-8', body, headers: FEED_HEADERS('fki-skift.ics') };
        }
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
          headers: FEED_HEADERS('fki-frister.ics'),
        };
      },
    },
  ],
});

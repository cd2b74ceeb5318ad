import { createRequire } from 'node:module';
import path from 'node:path';
import { defineFeature } from '../app/feature.js';
import { calendarFeedUrl, DEADLINES_FEED_NAME, outlookSubscribeUrl, SWITCHES_FEED_NAME, switchesFeedUrl, webcalUrl } from '../calendar/link.js';
import { isExampleData } from '../registry/exampleData.js';
import { effectiveStatus, isOverdue, visibleNote } from '../registry/system.js';
import { calendarDayAt } from '../time/calendarDate.js';

const require = createRequire(import.meta.url);
const TEAMS_JS = path.join(path.dirname(require.resolve('@microsoft/teams-js/package.json')), 'dist', 'umd', 'MicrosoftTeams.min.js');

/**
 * The overview tab "CH2-overblik": its page (plain HTML, CSS and type-checked JavaScript in ./page/,
 * served under /tab/) and the data it reads, GET /api/overview: the registry, read-only, without
 * contact details. Public, as the calendar feed: it shows only what the deck and KOMBIT's list publish.
 */
export const overview = defineFeature({
  name: 'overview',
  pages: [
    {
      path: '/tab',
      dir: new URL('./page/', import.meta.url),
      files: {
        // The bot's own folding of æøå and punctuation, so the tab's search matches as chat does.
        'fold.js': new URL('../text/fold.js', import.meta.url),
        // Formula cells neutralised in the CSV download as in every CSV the bot writes.
        'csvCell.js': new URL('../text/csvCell.js', import.meta.url),
        'teams.js': TEAMS_JS,
      },
      headers: {
        // Teams shows the tab in a frame; outside Teams it is a plain page.
        'content-security-policy':
          "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft",
      },
    },
  ],
  routes: ({ registry, clock, config, overviewLines }) => [
    {
      method: 'GET',
      path: '/api/overview',
      access: 'public',
      async handle() {
        const current = await registry.current();
        const today = calendarDayAt(clock.now());
        // What other features add to each row ("Følges af 3"): `lines`, in the tab's two languages.
        const lines = await overviewLines([
          ...current.systems.map((subject) => ({ on: 'system' as const, subject })),
          ...current.deadlines.map((subject) => ({ on: 'deadline' as const, subject })),
        ]);
        const systemLines = lines.slice(0, current.systems.length);
        const deadlineLines = lines.slice(current.systems.length);
        const body = {
          today,
          systems: current.systems.map((s, index) => ({
            name: s.name, fullName: s.fullName, aliases: s.aliases, owner: s.owner, vendor: s.vendor, ch2Date: s.ch2Date,
            sts2Date: s.sts2Date, status: effectiveStatus(s, today), overdue: isOverdue(s, today), source: s.source,
            note: visibleNote(s, today), updatedAt: s.updatedAt, example: isExampleData(s), lines: systemLines[index] ?? [],
          })),
          deadlines: current.deadlines.map((d, index) => ({ ...d, url: webUrl(d.url), example: isExampleData(d), lines: deadlineLines[index] ?? [] })),
          // The same subscription links as the chat's "kalender": Outlook on the web's "add from web", webcal:, the address.
          calendars: [
            { kind: 'deadlines', feed: calendarFeedUrl(config.publicBaseUrl), name: DEADLINES_FEED_NAME },
            { kind: 'switches', feed: switchesFeedUrl(config.publicBaseUrl), name: SWITCHES_FEED_NAME },
          ].map(({ kind, feed, name }) => ({ kind, feed, outlook: outlookSubscribeUrl(feed, name), webcal: webcalUrl(feed) })),
        };
        return { status: 200, type: 'application/json', body: JSON.stringify(body), headers: { 'cache-control': 'no-store' } };
      },
    },
  ],
});

/** A link the tab may open: http(s) only, so no `javascript:` from the data ever becomes a link. */
function webUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
}

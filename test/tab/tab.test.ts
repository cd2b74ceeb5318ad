import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { system, testData } from '../support/fixtures.js';
import { DEADLINES_FEED_NAME, outlookSubscribeUrl } from '../../src/calendar/link.js';
import { EXAMPLE_DATA_SOURCE } from '../../src/registry/exampleData.js';

describe('the overview tab', () => {
  it('reads the registry from /api/overview: dates and status, no contact details', async () => {
    const bot = await BotHarness.start({ data: testData() });
    try {
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const response = await fetch(`${bot.server.url}/api/overview`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { today: string; systems: Record<string, unknown>[]; deadlines: unknown[] };
      assert.equal(body.today, '2025-02-10');
      assert.equal(body.systems.length, testData().systems.length);
      assert.equal(body.deadlines.length, testData().deadlines.length);
      const opus = body.systems.find((s) => s.name === 'Opus');
      assert.equal(opus?.status, 'planned');
      assert.doesNotMatch(JSON.stringify(body), /contactEmail|requesters|surveyId/);
      assert.equal((await fetch(`${bot.server.url}/tab/..%2Fpackage.json`)).status, 404, "only the tab's own files are served");
      assert.equal((await fetch(`${bot.server.url}/tab/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
      const served = await (await fetch(`${bot.server.url}/tab/fold.js`)).text();
      assert.equal(served, await readFile(new URL('../../src/text/fold.js', import.meta.url), 'utf8'), "the tab searches with the bot's own folding");
    } finally {
      await bot.stop();
    }
  });

  it("gives the tab Outlook's subscription links, the KLIK tasks' http(s) links only, and which rows are example data", async () => {
    const data = testData();
    const [k53, k54] = [data.deadlines.find((d) => d.code === 'K53')!, data.deadlines.find((d) => d.code === 'K54')!];
    k53.url = 'https://klik.example.test/opgaver/K53';
    k54.url = 'javascript:alert(1)';
    data.systems.push(system({ name: 'Eksempel Booking', source: EXAMPLE_DATA_SOURCE }));
    const bot = await BotHarness.start({ data });
    try {
      const body = (await (await fetch(`${bot.server.url}/api/overview`)).json()) as {
        systems: { name: string; example: boolean }[];
        deadlines: { code: string | null; url: string | null; example: boolean }[];
        calendars: { kind: string; feed: string; outlook: string; webcal: string }[];
      };
      const feed = `${bot.server.url}/calendar/deadlines.ics`;
      assert.deepEqual(body.calendars[0], { kind: 'deadlines', feed, outlook: outlookSubscribeUrl(feed, DEADLINES_FEED_NAME), webcal: feed.replace(/^http:/, 'webcal:') });
      assert.equal(body.calendars[1]?.kind, 'switches');
      assert.equal(body.deadlines.find((d) => d.code === 'K53')?.url, 'https://klik.example.test/opgaver/K53');
      assert.equal(body.deadlines.find((d) => d.code === 'K54')?.url, null, 'no script link from the data');
      assert.deepEqual(body.systems.filter((s) => s.example).map((s) => s.name), ['Eksempel Booking']);
      assert.ok(body.deadlines.every((d) => d.example === false));
    } finally {
      await bot.stop();
    }
  });
});

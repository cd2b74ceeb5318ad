import assert from 'node:assert/strict';
import { fold as botFold } from '../../src/text/fold.js';
// @ts-expect-error -- the tab's module is plain JavaScript for the browser, type-checked by tsconfig.tab.json
import { fold as tabFold } from '../../tab/fold.js';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { testData } from '../support/fixtures.js';

describe('the overview tab', () => {
  it('folds what people type exactly as the bot does', () => {
    const samples = [
      'Køreprøvebooking', 'Koereproevebooking', 'KOREPROVEBOOKING', 'Fælles Bibliotekssystem', 'Sags- og Partsoverblik', 'CH-2',
      'Årets ÆØÅ æøå', 'Crème brûlée', 'FK-ORG', '  spaces  and\ttabs ', 'Ødis', 'Aarhus', 'does', 'naïve café', '123-abc', '',
    ];
    for (const text of samples) assert.equal(tabFold(text), botFold(text), text);
  });

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
    } finally {
      await bot.stop();
    }
  });
});

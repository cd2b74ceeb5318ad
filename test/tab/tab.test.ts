import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { BotHarness } from '../support/botHarness.js';
import { cardAction } from '../support/activities.js';
import { testData } from '../support/fixtures.js';

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
});

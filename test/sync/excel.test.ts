import assert from 'node:assert/strict';
import { cardAction } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { testData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

describe('KOMBIT\'s list as an Excel table in the room\'s files', function () {
  this.timeout(60_000);

  it('syncs from the table (dates as Excel serial numbers) and writes an approved answer into its row', async () => {
    const graph = await new StandInGraph().start();
    graph.workbook.header = ['System', 'Leverandør', 'CH2-dato', 'STS2-dato', 'Status', 'Kilde', 'Bemærkning'];
    graph.workbook.rows = [
      ['SAPA', '', 45678, '', 'switched', 'KOMBIT', ''],
      ['Aula', 'Eksempel A/S', '', '', 'unknown', '', 'Spørg Eksempel A/S'],
    ];
    const env = {
      ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't',
      GRAPH_DRIVE_ID: graph.workbook.driveId, GRAPH_ITEM_ID: graph.workbook.itemId, GRAPH_TABLE: graph.workbook.table,
    };
    const bot = await BotHarness.start({ data: testData(), env });
    try {
      const summary = await bot.app.syncNow('en');
      assert.match(String(summary), /0 added, 2 changed/);
      assert.equal((await bot.app.registry.current()).find('SAPA')?.ch2Date, '2025-01-21', 'Excel serial 45678');
      assert.equal((await bot.app.registry.current()).find('Aula')?.note, 'Spørg Eksempel A/S');

      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const survey = bot.app.surveys.openFor('Aula')!;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, status: 'planned', ch2Date: '2026-03-03' }));
      const answerId = bot.app.surveys.get(survey.id)!.answers[0]!.id;
      await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId: survey.id, answerId, lang: 'da' }, { from: ADMIN }));
      await bot.app.sync.pushWriteBacks(); // joins the push the approval started

      assert.deepEqual(graph.writes.map((w) => [w.method, w.path.replace(/^.*\/rows/, 'rows')]), [['PATCH', 'rows/itemAt(index=1)']]);
      assert.deepEqual(graph.workbook.rows[1], ['Aula', 'Eksempel A/S', '2026-03-03', '', 'planned', '', 'Spørg Eksempel A/S'], 'only the mapped cells changed');
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});

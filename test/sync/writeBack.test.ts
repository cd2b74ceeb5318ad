import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cardAction } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { SHAREPOINT_COLUMNS as COLUMNS, testData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';
import { cliInProcess } from '../support/cli.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

describe('approved vendor answers written back to KOMBIT\'s list', function () {
  this.timeout(60_000);
  let graph: StandInGraph;
  let bot: BotHarness;

  beforeEach(async () => {
    graph = await new StandInGraph().start();
    graph.columns = COLUMNS;
    graph.items = [{ id: '41', lastModifiedDateTime: '2025-02-01T08:00:00Z', fields: { Title: 'Aula', Leverand_x00f8_r: 'Eksempel A/S' } }];
    bot = await BotHarness.start({
      data: testData(),
      env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId },
    });
  });
  afterEach(async () => {
    await bot.stop();
    await graph.stop();
  });

  async function approve(system: string, fields: Record<string, string>) {
    await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system, lang: 'da' }));
    const survey = bot.app.surveys.openFor(system)!;
    await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, lang: 'da', ...fields }));
    const answerId = bot.app.surveys.get(survey.id)!.answers.at(-1)!.id;
    await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId: survey.id, answerId, lang: 'da' }, { from: ADMIN }));
  }

  /** The approval started a push in the background: join it (or push what is still waiting). */
  const settle = () => bot.app.sync.pushWriteBacks();

  it('updates the row of a known system, and adds a row for a new one', async () => {
    await approve('Aula', { status: 'planned', ch2Date: '2026-03-03' });
    await approve('Acadre', { status: 'planned', ch2Date: '2026-05-01', vendor: 'Tabulex' });
    await settle();
    const patch = graph.writes.find((w) => w.method === 'PATCH');
    assert.equal(patch?.path, `/v1.0/sites/${graph.siteId}/lists/${graph.listId}/items/41/fields`);
    assert.deepEqual(patch?.body, { CH2_x002d_dato: '2026-03-03', STS2_x002d_dato: null, Status: 'planned', Leverand_x00f8_r: 'Eksempel A/S' });
    const post = graph.writes.find((w) => w.method === 'POST');
    assert.deepEqual(post?.body, { fields: { CH2_x002d_dato: '2026-05-01', STS2_x002d_dato: null, Status: 'planned', Leverand_x00f8_r: 'Tabulex', Title: 'Acadre' } });
    assert.equal(bot.app.sync.writeBacks.waiting, 0);
  });

  it('keeps a write the list refused, reports it, and delivers it at the next sync', async () => {
    graph.failWrites = 503;
    await approve('Aula', { status: 'planned', ch2Date: '2026-03-03' });
    await bot.app.sync.pushWriteBacks();
    assert.equal(bot.app.sync.writeBacks.waiting, 1, 'still queued');
    const journal = (await readFile(path.join(bot.dataDir, 'sync-writeback.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    // The approval carries the values (nothing separate to queue): the journal holds the failed try.
    assert.ok(journal.length >= 1, 'the failed try is recorded');
    assert.deepEqual(new Set(journal.map((event) => event.type)), new Set(['failed']));
    assert.equal(graph.writes.length, 0);

    graph.failWrites = null;
    const summary = await bot.app.syncNow('da');
    assert.match(String(summary), /Synkronisering med KOMBITs liste/);
    assert.equal(bot.app.sync.writeBacks.waiting, 0);
    assert.deepEqual(graph.writes.map((w) => w.method), ['PATCH']);
  });
});

describe('cli sync writes approved answers back first', function () {
  this.timeout(60_000);
  it('delivers what the bot could not, and the bot does not send it again', async () => {
    const graph = await new StandInGraph().start();
    graph.columns = COLUMNS;
    graph.items = [{ id: '41', lastModifiedDateTime: '2025-02-01T08:00:00Z', fields: { Title: 'Aula', Leverand_x00f8_r: 'Eksempel A/S' } }];
    const env = { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId };
    const bot = await BotHarness.start({ data: testData(), env });
    try {
      graph.failWrites = 503;
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const survey = bot.app.surveys.openFor('Aula')!;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
      const answerId = bot.app.surveys.get(survey.id)!.answers[0]!.id;
      await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId: survey.id, answerId, lang: 'da' }, { from: ADMIN }));
      await bot.app.sync.pushWriteBacks();
      assert.equal(bot.app.sync.writeBacks.waiting, 1);

      graph.failWrites = null;
      const run = await cliInProcess(['sync'], { DATA_DIR: bot.dataDir, ...env });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(graph.writes.map((w) => [w.method, w.body]), [['PATCH', { CH2_x002d_dato: '2026-03-03', STS2_x002d_dato: null, Status: 'planned', Leverand_x00f8_r: 'Eksempel A/S' }]]);
      await bot.app.syncNow('da');
      assert.equal(graph.writes.length, 1, 'the bot took in that the CLI delivered it');
      assert.equal(bot.app.sync.writeBacks.waiting, 0);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });
});

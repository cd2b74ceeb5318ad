import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { cardAction, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { SHAREPOINT_COLUMNS as COLUMNS, testData } from '../support/fixtures.js';
import { freshDatabase } from '../support/postgres.js';
import { createLog } from '../../src/log.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import type { RegistryStore } from '../../src/store/registryStore.js';
import { StandInGraph } from '../support/standInGraph.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };
type Sent = { text?: string; attachments?: { content: { fallbackText?: string } }[] };
const textOf = (activity: unknown) => String((activity as Sent | undefined)?.attachments?.[0]?.content.fallbackText ?? (activity as Sent | undefined)?.text ?? '');

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * How the bot's write-back journal is made to fail right after an approval (what a crash there does
 * to a second write), and made to work again before the restart.
 */
interface Backend {
  name: string;
  env(): Promise<{ env: Record<string, string>; dataDir?: string; store?: RegistryStore; done(): Promise<void> }>;
  breakWriteBackJournal(bot: BotHarness, env: Record<string, string>): Promise<void>;
  mendWriteBackJournal(bot: BotHarness, env: Record<string, string>): Promise<void>;
}

const BACKENDS: Backend[] = [
  {
    name: 'files',
    async env() {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'fki-approval-'));
      // The registry in the data folder too, so that a restart finds what the approval changed.
      const store = new FileRegistryStore(dataDir, createLog('silent'));
      await store.update(() => testData());
      return { env: {}, dataDir, store, done: () => rm(dataDir, { recursive: true, force: true }) };
    },
    // A folder where the journal should be: every append to it fails.
    breakWriteBackJournal: (bot) => mkdir(path.join(bot.dataDir, 'sync-writeback.jsonl')).then(() => undefined),
    mendWriteBackJournal: (bot) => rm(path.join(bot.dataDir, 'sync-writeback.jsonl'), { recursive: true, force: true }),
  },
  {
    name: 'PostgreSQL',
    async env() {
      const url = await freshDatabase();
      return { env: { DATABASE_URL: url }, done: async () => {} };
    },
    breakWriteBackJournal: (_bot, env) =>
      sql(
        env.DATABASE_URL!,
        `CREATE OR REPLACE FUNCTION refuse_write_back() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'injected: the write-back journal fails'; END $$;
         CREATE TRIGGER refuse_write_back BEFORE INSERT ON journal_events FOR EACH ROW WHEN (NEW.journal = 'sync-writeback') EXECUTE FUNCTION refuse_write_back();`,
      ),
    mendWriteBackJournal: (_bot, env) => sql(env.DATABASE_URL!, 'DROP TRIGGER refuse_write_back ON journal_events'),
  },
];

for (const backend of BACKENDS) {
  describe(`an approval and its write-back to KOMBIT's list are one durable step: ${backend.name}`, function () {
    this.timeout(60_000);

    it('writes the approved date back after a failure right after the approval, and no sync puts the old date back meanwhile', async () => {
      const graph = await new StandInGraph().start();
      graph.columns = COLUMNS;
      graph.items = [{ id: '41', lastModifiedDateTime: '2025-02-01T08:00:00Z', fields: { Title: 'Aula', Leverand_x00f8_r: 'Eksempel A/S', CH2_x002d_dato: '2026-01-15', Status: 'planned' } }];
      const { env: storeEnv, dataDir, store, done } = await backend.env();
      const env = { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId, ...storeEnv };
      const start = () => BotHarness.start({ data: testData(), env, ...(dataDir ? { dataDir } : {}), ...(store ? { store } : {}) });
      let bot = await start();
      try {
        await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
        const survey = bot.app.surveys.openFor('Aula')!;
        await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, lang: 'da', status: 'planned', ch2Date: '2026-03-03', vendor: 'Eksempel A/S' }));
        const answerId = bot.app.surveys.get(survey.id)!.answers.at(-1)!.id;

        // The list is unreachable and the write-back journal fails at the moment of approval: a crash there.
        graph.failWrites = 503;
        await backend.breakWriteBackJournal(bot, env);
        const approve = cardAction(bot.serviceUrl, 'survey.approve', { surveyId: survey.id, answerId, lang: 'da' }, { from: ADMIN });
        await bot.post(approve);
        await bot.settled();
        await bot.stop();
        await backend.mendWriteBackJournal(bot, env);

        bot = await start();
        await bot.settled();
        assert.equal(bot.app.sync.writeBacks.waiting, 1, 'the approved date is still on its way to the list');
        // The administrator's retry is told it is handled, and it is: the write-back is pending.
        const retry = await bot.post(approve);
        assert.match(JSON.stringify(retry.body), /Svaret om Aula er allerede behandlet/);

        // Someone edits the row (not the date) after the approval, while the list refuses writes: the
        // sync must not take the row's old date.
        graph.items[0]!.lastModifiedDateTime = '2025-02-11T08:00:00Z';
        graph.items[0]!.fields.Note = 'Kontakt: servicedesk';
        await bot.app.syncNow('da');
        await bot.post(personalMessage(bot.serviceUrl, 'hvornår skifter Aula?'));
        assert.match(textOf(bot.connector.sentTo('a:personal-chat-alex').at(-1)), /Aula skifter til Context Handler 2 den 3\. marts 2026/);

        graph.failWrites = null;
        await bot.app.syncNow('da');
        assert.deepEqual(
          graph.writes.map((write) => [write.method, (write.body as Record<string, unknown>).CH2_x002d_dato]),
          [['PATCH', '2026-03-03']],
          'the approved date reached the list, once',
        );
        assert.equal(bot.app.sync.writeBacks.waiting, 0);
      } finally {
        await bot.stop();
        await graph.stop();
        await done();
      }
    });
  });
}

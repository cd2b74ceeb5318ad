import assert from 'node:assert/strict';
import { createLog } from '../../src/log.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { fileStorage } from '../../src/store/fileStorage.js';
import { openStorage } from '../../src/store/openStorage.js';
import type { DocumentName } from '../../src/store/storage.js';
import { cardAction, installation, personalMessage } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cliInProcess } from '../support/cli.js';
import { testData } from '../support/fixtures.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';
import { freshDatabase } from '../support/postgres.js';

const ADMIN_ID = '00000000-0000-0000-0000-0000000000ad';

describe('cli migrate-store: from files to PostgreSQL', function () {
  this.timeout(60_000);
  const folder = temporaryFolderPerTest('migrate');

  it('copies the registry, every journal and every document, and the bot then runs on the database as it ran on the files', async () => {
    const files = await BotHarness.start({ dataDir: folder.path, store: new FileRegistryStore(folder.path) });
    await files.app.registry.update(() => testData());
    await files.post(cardAction(files.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
    const surveyId = files.app.surveys.openFor('Aula')!.id;
    await files.post(cardAction(files.serviceUrl, 'survey.submit', { surveyId, lang: 'da', status: 'planned', ch2Date: '2026-03-03' }));
    await files.post(installation(files.serviceUrl, 'channel'));
    // A journal a feature brings (not one of the core's) moves too.
    await files.app.storage.journal<{ note: string }>('featureLog').transact(async (_written, append) => append({ note: 'kept' }));
    await files.stop();
    assert.equal((await cliInProcess(['admins', 'add', ADMIN_ID], { DATA_DIR: folder.path })).code, 0);

    const url = await freshDatabase();
    const run = await cliInProcess(['migrate-store'], { DATA_DIR: folder.path, DATABASE_URL: url });
    assert.equal(run.code, 0, run.stderr);
    // Events: the two of the survey, the registry change it journalled, the feature's note. The survey
    // links' key ids move too, so a link signed before the move is still told apart from a forged one.
    assert.match(run.stdout, /Flyttet til databasen: \d+ systemer, \d+ frister, 4 hændelser og dokumenterne admins, survey-link-key, conversations, languages, subscriptions\./);

    const source = fileStorage(folder.path);
    const target = await openStorage({ dataDir: '/nonexistent', databaseUrl: url }, createLog('silent'));
    try {
      assert.deepEqual(await target.registry.read(), await source.registry.read());
      assert.deepEqual((await target.journalNames()).sort(), (await source.journalNames()).sort());
      for (const name of await source.journalNames()) {
        assert.deepEqual(await target.journal(name).open(), await source.journal(name).open(), name);
      }
      for (const name of ['admins', 'survey-link-key', 'conversations', 'subscriptions'] as DocumentName[]) {
        assert.deepEqual(await target.document(name, {}).read(), await source.document(name, {}).read(), name);
      }
      // Conversations and subscriptions are keyed records now: every record moves.
      for (const name of ['conversations', 'subscriptions']) {
        const copied = await target.keyed(name, { readOnly: true }).entries();
        assert.ok(copied.length > 0, name);
        assert.deepEqual(copied.sort(), (await source.keyed(name, { readOnly: true }).entries()).sort(), name);
      }
    } finally {
      await target.close();
    }

    const again = await cliInProcess(['migrate-store', '--lang', 'en'], { DATA_DIR: folder.path, DATABASE_URL: url });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already holds data; nothing was moved/);
    assert.equal((await cliInProcess(['migrate-store'], { DATA_DIR: folder.path })).code, 2, 'without DATABASE_URL there is nowhere to move to');

    const onDatabase = await BotHarness.start({ env: { DATABASE_URL: url, ADMIN_AAD_OBJECT_IDS: '' } });
    try {
      assert.equal(onDatabase.app.storage.kind, 'postgres');
      assert.equal(onDatabase.app.surveys.get(surveyId)?.answers[0]?.ch2Date, '2026-03-03');
      assert.equal((await onDatabase.app.subscriptions.all()).length, 1);
      assert.equal(await onDatabase.app.admins.isAdmin(ADMIN_ID), true);
      await onDatabase.post(personalMessage(onDatabase.serviceUrl, 'hvornår skifter Aula?'));
      assert.match(JSON.stringify(onDatabase.connector.sentTo('a:personal-chat-alex').at(-1)), /Eksempel A\/S/);
    } finally {
      await onDatabase.stop();
    }
  });
});

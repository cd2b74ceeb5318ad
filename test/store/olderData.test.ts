import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createLog } from '../../src/log.js';
import { openStorage } from '../../src/store/openStorage.js';
import { starterData } from '../support/fixtures.js';
import { freshDatabase } from '../support/postgres.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

const log = createLog('silent');
const SENT = { type: 'sent', week: '2025-W07', conversationId: '19:team' };
const APPROVED = { id: 'approval:s1', at: '2025-02-10T10:00:00Z', system: 'Aula', fields: { ch2Date: '2025-05-01' } };
const OPENED = { type: 'opened', id: 's1' };

describe('state stored by the release before opens as it is', function () {
  this.timeout(30_000);
  const folder = temporaryFolderPerTest('older-data');

  it('reads a data folder of before: the registry, a document and the journals the digest and sync keep, and rewrites each file as it was', async () => {
    const line = (event: object) => `${JSON.stringify(event)}\n`;
    const registryText = `${JSON.stringify(starterData(), null, 2)}\n`;
    await writeFile(path.join(folder.path, 'registry.json'), registryText);
    await writeFile(path.join(folder.path, 'registry.last-good.json'), registryText);
    await writeFile(path.join(folder.path, 'admins.json'), `${JSON.stringify({ admins: [{ aadObjectId: 'a1', name: 'Kirsten' }] }, null, 2)}\n`);
    await writeFile(path.join(folder.path, 'digest-outbox.jsonl'), line(SENT));
    await writeFile(path.join(folder.path, 'sync-writeback.jsonl'), line(APPROVED));
    await writeFile(path.join(folder.path, 'surveys.jsonl'), line(OPENED));

    const storage = await openStorage({ dataDir: folder.path }, log);
    assert.deepEqual(await storage.registry.read(), starterData());
    assert.deepEqual(await storage.document('admins', { admins: [] as object[] }).read(), { admins: [{ aadObjectId: 'a1', name: 'Kirsten' }] });
    assert.deepEqual((await storage.journalNames()).sort(), ['digest-outbox', 'surveys', 'sync-writeback']);
    assert.deepEqual(await storage.journal('digest-outbox').open(), [SENT]);
    assert.deepEqual(await storage.journal('sync-writeback').open(), [APPROVED]);
    assert.deepEqual(await storage.journal('surveys').open(), [OPENED]);

    // Written again through lowdb, a file is what the release before wrote for the same data.
    await storage.registry.update((data) => structuredClone(data));
    assert.equal(await readFile(path.join(folder.path, 'registry.json'), 'utf8'), registryText);
    await storage.document('admins', { admins: [] as object[] }).change(() => true);
    assert.equal(await readFile(path.join(folder.path, 'admins.last-good.json'), 'utf8'), await readFile(path.join(folder.path, 'admins.json'), 'utf8'));
    assert.deepEqual((await readdir(folder.path)).filter((file) => file.endsWith('.tmp') || file.endsWith('.lock')), [], 'no temporary file or lock is left');
    await storage.close();
  });

  it('reads a database of before: the digest\'s and sync\'s journals under their names of then are found under the names the features give them now', async () => {
    const url = await freshDatabase();
    const before = await openStorage({ dataDir: '/nonexistent', databaseUrl: url }, log);
    await before.close();
    // The database as the release before left it: the journals under their old names, the migration not run.
    const pool = new pg.Pool({ connectionString: url });
    try {
      await pool.query("DELETE FROM fki_migrations WHERE name = '1798400000000_journals-named-as-their-files'");
      await pool.query("INSERT INTO journal_events (journal, event) VALUES ('digestOutbox', $1), ('writeBack', $2), ('surveys', $3)", [SENT, APPROVED, OPENED].map((event) => JSON.stringify(event)));
    } finally {
      await pool.end();
    }

    const storage = await openStorage({ dataDir: '/nonexistent', databaseUrl: url }, log);
    try {
      assert.deepEqual(await storage.journalNames(), ['digest-outbox', 'surveys', 'sync-writeback']);
      assert.deepEqual(await storage.journal('digest-outbox').open(), [SENT]);
      assert.deepEqual(await storage.journal('sync-writeback').open(), [APPROVED]);
      assert.deepEqual(await storage.journal('surveys').open(), [OPENED]);
    } finally {
      await storage.close();
    }
  });
});

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegistryChange } from '../../src/registry/changes.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { ManualClock } from '../../src/time/clock.js';
import { createLog } from '../../src/log.js';
import { REGISTRY_CHANGES_JOURNAL, RegistryService, type RegistryChangeEntry } from '../../src/registry/service.js';
import { memoryStorage } from '../../src/store/memoryStorage.js';
import { MemoryRegistryStore } from '../../src/store/registryStore.js';
import { cardAction } from '../support/activities.js';
import { BotHarness } from '../support/botHarness.js';
import { cliInProcess } from '../support/cli.js';
import { SHAREPOINT_COLUMNS as COLUMNS, testData } from '../support/fixtures.js';
import { StandInGraph } from '../support/standInGraph.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';

const ADMIN = { id: '29:admin', name: 'Kirsten KOMBIT', aadObjectId: '00000000-0000-0000-0000-0000000000ad' };

/** What a subscriber heard, in a shape a test can compare: the system's name, the field, the new value, who changed it. */
function heardBy(bot: BotHarness): () => { name: string | null; field: string; after: unknown; source: string; here: boolean }[] {
  const heard: RegistryChange[] = [];
  bot.app.registry.subscribe('test', (changes) => {
    heard.push(...changes);
  });
  return () => heard.map(({ item, field, after, source, writtenHere }) => ({ name: item.type === 'system' ? item.name : null, field, after, source, here: writtenHere }));
}

describe('registry changes are events every subscriber hears', () => {
  const folder = temporaryFolderPerTest('changes');

  it('tells of an approval and of a sync with KOMBIT\'s list, each with its source', async () => {
    const graph = await new StandInGraph().start();
    graph.columns = COLUMNS;
    graph.items = [{ id: '41', lastModifiedDateTime: '2025-02-12T08:00:00Z', fields: { Title: 'Aula', Leverand_x00f8_r: 'Eksempel A/S', CH2_x002d_dato: '2026-03-03', Status: 'planned' } }];
    const bot = await BotHarness.start({
      data: testData(),
      env: { ADMIN_AAD_OBJECT_IDS: ADMIN.aadObjectId, GRAPH_BASE_URL: `${graph.url}/`, GRAPH_ACCESS_TOKEN: 't', GRAPH_SITE_ID: graph.siteId, GRAPH_LIST_ID: graph.listId },
    });
    try {
      const heard = heardBy(bot);
      await bot.post(cardAction(bot.serviceUrl, 'survey.request', { system: 'Aula', lang: 'da' }));
      const survey = bot.app.surveys.openFor('Aula')!;
      await bot.post(cardAction(bot.serviceUrl, 'survey.submit', { surveyId: survey.id, lang: 'da', status: 'planned', ch2Date: '2026-01-20' }));
      const answerId = bot.app.surveys.get(survey.id)!.answers.at(-1)!.id;
      await bot.post(cardAction(bot.serviceUrl, 'survey.approve', { surveyId: survey.id, answerId, lang: 'da' }, { from: ADMIN }));
      assert.deepEqual(heard().filter((change) => change.field === 'ch2Date'), [{ name: 'Aula', field: 'ch2Date', after: '2026-01-20', source: 'approval', here: true }]);
      // The write-back hears the same event: the approved date goes to the list (join its push).
      await bot.app.sync.pushWriteBacks();
      assert.equal(graph.writes.filter((write) => write.method === 'PATCH').length, 1);

      // KOMBIT moves the date in the list, later than the approval: the sync takes it.
      graph.items[0]!.lastModifiedDateTime = '2025-02-20T08:00:00Z';
      graph.items[0]!.fields.CH2_x002d_dato = '2026-04-14';
      await bot.app.syncNow('da');
      await bot.app.registry.delivered();
      assert.deepEqual(heard().filter((change) => change.field === 'ch2Date').at(-1), { name: 'Aula', field: 'ch2Date', after: '2026-04-14', source: 'sync', here: true });
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });

  it('tells a running bot of what another process changed: `cli import` as an import, a file written behind its back as external', async () => {
    await new FileRegistryStore(folder.path).update(() => testData());
    const clock = new ManualClock('2025-02-10T09:00:00+01:00');
    const bot = await BotHarness.start({ dataDir: folder.path, store: new FileRegistryStore(folder.path), clock });
    // The bot looks at the store again once a second has passed since it last looked.
    const nextLook = async () => {
      clock.set(new Date(clock.now().getTime() + 1500));
      await bot.app.registry.current();
      await bot.app.registry.delivered();
    };
    try {
      const heard = heardBy(bot);
      const file = path.join(folder.path, 'import.json');
      await writeFile(file, JSON.stringify({ systems: [{ name: 'Tværsystem', vendor: 'Eksempel A/S', ch2Date: '2027-05-04', status: 'planned' }] }));
      const imported = await cliInProcess(['import', file], { DATA_DIR: folder.path });
      assert.equal(imported.code, 0, imported.stderr);
      await nextLook();
      assert.deepEqual(heard(), [{ name: 'Tværsystem', field: 'record', after: heard()[0]?.after, source: 'import', here: false }]);
      assert.equal((heard()[0]?.after as { ch2Date?: string }).ch2Date, '2027-05-04');

      // Written straight to the store, journalled by no one: told one look later, as external.
      await new FileRegistryStore(folder.path).update((data) => ({ ...data, systems: data.systems.map((system) => (system.name === 'Aula' ? { ...system, vendor: 'Ny leverandør' } : system)) }));
      await nextLook();
      await nextLook();
      assert.deepEqual(heard().slice(1), [{ name: 'Aula', field: 'vendor', after: 'Ny leverandør', source: 'external', here: false }]);
      await nextLook();
      assert.equal(heard().length, 2, 'told once');
    } finally {
      await bot.stop();
    }
  });
});

describe('registry changes between two processes on one storage', () => {
  /** Two registries on one storage, as two processes (or instances) have; each with its own clock. */
  async function twoProcesses() {
    const storage = memoryStorage(new MemoryRegistryStore(testData()));
    const clock = new ManualClock('2025-02-10T09:00:00+01:00');
    const writer = RegistryService.of(storage, clock, createLog('silent'));
    const reader = RegistryService.of(storage, clock, createLog('silent'));
    await writer.current();
    await reader.current();
    const heard: RegistryChange[] = [];
    reader.subscribe('test', (changes) => {
      heard.push(...changes);
    });
    const look = async () => {
      clock.set(new Date(clock.now().getTime() + 1500));
      await reader.current();
      await reader.delivered();
    };
    return { storage, writer, reader, heard, look };
  }
  const aulaVendor = (vendor: string) => (data: Parameters<Parameters<RegistryService['write']>[0]>[0]) => ({
    ...data,
    systems: data.systems.map((system) => (system.name === 'Aula' ? { ...system, vendor } : system)),
  });

  it('tells the other process each change once, with the source the writer gave', async () => {
    const { writer, heard, look } = await twoProcesses();
    await writer.write(aulaVendor('Første A/S'), { source: 'import' });
    await look();
    await look();
    assert.deepEqual(heard.map(({ field, after, source, writtenHere }) => ({ field, after, source, writtenHere })), [{ field: 'vendor', after: 'Første A/S', source: 'import', writtenHere: false }]);
  });

  it('keeps the source of a change whose journal entry comes after the new registry was seen', async () => {
    const { storage, heard, look } = await twoProcesses();
    // A writer that stored the registry, and journals its entry only after the reader looked.
    await storage.registry.update(aulaVendor('Anden A/S'));
    await look();
    assert.deepEqual(heard, [], 'not yet told: its entry may still come');
    const change = { item: { type: 'system' as const, id: 'aula', name: 'Aula' }, field: 'vendor', before: 'Eksempel A/S', after: 'Anden A/S', source: 'sync' as const, at: '2025-02-10T08:00:00Z', writtenHere: true };
    await storage.journal<RegistryChangeEntry>(REGISTRY_CHANGES_JOURNAL).transact(async (_written, append) => append({ at: change.at, source: 'sync', changes: [change] }));
    await look();
    await look();
    assert.deepEqual(heard.map(({ after, source }) => ({ after, source })), [{ after: 'Anden A/S', source: 'sync' }]);
  });
});

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportRegistry } from '../../src/registry/exporter.js';
import { ImportFileError, readImportText } from '../../src/registry/importFormats.js';
import { applyImport } from '../../src/registry/importer.js';
import { FileRegistryStore } from '../../src/store/fileRegistryStore.js';
import { emptyRegistryData, type RegistryData } from '../../src/registry/registryData.js';
import { temporaryFolderPerTest } from '../support/tempFolder.js';
import { starterData } from '../support/fixtures.js';

const NOW = new Date('2025-02-10T08:00:00Z');

function importText(current: RegistryData, text: string, file: string, replace = false) {
  return applyImport(current, readImportText(text, file), { replace, now: NOW });
}

describe('importing and exporting the registry', () => {
  it('imports the starter data and exports it back to the same records (JSON)', () => {
    const first = importText(emptyRegistryData(), JSON.stringify(starterData()), 'starter.json');
    assert.ok(first.ok);
    const again = importText(emptyRegistryData(), exportRegistry(first.data, 'json'), 'export.json');
    assert.ok(again.ok);
    assert.deepEqual(again.data, first.data);
    assert.equal(first.data.systems.length, starterData().systems.length);
    assert.equal(first.data.deadlines.length, starterData().deadlines.length);
  });

  it('round-trips systems and deadlines through CSV', () => {
    const first = importText(emptyRegistryData(), JSON.stringify(starterData()), 'starter.json');
    assert.ok(first.ok);
    const systemsCsv = exportRegistry(first.data, 'csv', 'systems');
    const deadlinesCsv = exportRegistry(first.data, 'csv', 'deadlines');
    let data = emptyRegistryData();
    for (const [text, file] of [[systemsCsv, 's.csv'], [deadlinesCsv, 'd.csv']] as const) {
      const outcome = importText(data, text, file);
      assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problems));
      data = outcome.data;
    }
    assert.deepEqual(data, first.data);
  });

  it('reads every accepted date format and both delimiters', () => {
    const semicolon = 'name;ch2Date;sts2Date\nA;2025-01-21;21-01-2025\nB;21.01.2025;21/01/2025\n';
    const comma = 'name,ch2Date,aliases\nC,1/2/2026,"C one|C two"\n';
    const a = importText(emptyRegistryData(), semicolon, 'a.csv');
    const b = importText(emptyRegistryData(), comma, 'b.csv');
    assert.ok(a.ok && b.ok);
    assert.deepEqual(a.data.systems.map((s) => [s.ch2Date, s.sts2Date]), [['2025-01-21', '2025-01-21'], ['2025-01-21', '2025-01-21']]);
    assert.equal(b.data.systems[0]?.ch2Date, '2026-02-01');
    assert.deepEqual(b.data.systems[0]?.aliases, ['C one', 'C two']);
  });

  it('upserts by name in any case, changing only the columns the file has', () => {
    const start = importText(emptyRegistryData(), JSON.stringify(starterData()), 'starter.json');
    assert.ok(start.ok);
    const outcome = importText(start.data, 'name;ch2Date;status\nfbs;03.03.2026;planned\nNexus;;\n', 'update.csv');
    assert.ok(outcome.ok);
    const fbs = outcome.data.systems.find((s) => s.name === 'fbs' || s.name === 'FBS');
    assert.equal(fbs?.ch2Date, '2026-03-03');
    assert.equal(fbs?.vendor, 'Systematic', 'a column the file lacks keeps its value');
    assert.equal(fbs?.updatedAt, NOW.toISOString());
    assert.equal(outcome.data.systems.length, start.data.systems.length + 1);
    assert.deepEqual(outcome.changes.systems, { added: 1, updated: 1, unchanged: 0, removed: 0 });
  });

  it('replaces the table with --replace', () => {
    const start = importText(emptyRegistryData(), JSON.stringify(starterData()), 'starter.json');
    assert.ok(start.ok);
    const outcome = importText(start.data, 'name\nOnly\n', 'only.csv', true);
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.data.systems.map((s) => s.name), ['Only']);
    assert.equal(outcome.data.deadlines.length, start.data.deadlines.length, 'deadlines are not in the file, so they stay');
    assert.equal(outcome.changes.systems?.removed, start.data.systems.length);
  });

  const BAD: [string, string, string, { row: number; field: string | null; code: string }][] = [
    ['unknown status', 'x.csv', 'name;status\nA;done\n', { row: 2, field: 'status', code: 'INVALID_STATUS' }],
    ['impossible date', 'x.csv', 'name;ch2Date\nA;2025-01-01\nB;31.02.2025\n', { row: 3, field: 'ch2Date', code: 'INVALID_DATE' }],
    ['missing name', 'x.csv', 'name;vendor\n;KMD\n', { row: 2, field: 'name', code: 'REQUIRED' }],
    ['duplicate names', 'x.csv', 'name\nAula\nAULA\n', { row: 3, field: 'name', code: 'DUPLICATE_NAME' }],
    ['planned without a date', 'x.json', '{"systems":[{"name":"A","status":"planned"}]}', { row: 1, field: 'status', code: 'DATE_REQUIRED_FOR_STATUS' }],
    ['unknown column', 'x.csv', 'name;ch2date\nA;2025-01-01\n', { row: 2, field: 'ch2date', code: 'UNKNOWN_FIELD' }],
    ['a deadline of unknown kind', 'x.json', '{"deadlines":[{"solution":"SAPA","title":"T","kind":"meeting"}]}', { row: 1, field: 'kind', code: 'INVALID_KIND' }],
    ['a row that is no object', 'x.json', '{"systems":["SAPA"]}', { row: 1, field: null, code: 'NOT_A_RECORD' }],
  ];
  for (const [what, file, text, expected] of BAD) {
    it(`reports ${what} with its row and field, and changes nothing`, () => {
      const before = starterData();
      const outcome = importText(before, text, file);
      assert.equal(outcome.ok, false);
      assert.ok(!outcome.ok);
      const problem = outcome.problems.find((p) => p.code === expected.code);
      assert.ok(problem, JSON.stringify(outcome.problems));
      assert.equal(problem.row, expected.row);
      assert.equal(problem.field, expected.field);
      assert.deepEqual(before, starterData(), 'the current data is untouched');
    });
  }

  for (const [what, file, text, code] of [
    ['malformed JSON', 'x.json', '{"systems": [', 'MALFORMED_JSON'],
    ['malformed CSV', 'x.csv', 'name;vendor\n"A;KMD\n', 'MALFORMED_CSV'],
    ['an empty file', 'x.csv', '  \n', 'EMPTY_FILE'],
    ['a CSV of neither systems nor deadlines', 'x.csv', 'foo;bar\n1;2\n', 'UNKNOWN_TABLE'],
    ['JSON without the tables', 'x.json', '{"items": []}', 'UNKNOWN_TABLE'],
  ] as const) {
    it(`rejects ${what}`, () => {
      assert.throws(() => readImportText(text, file), (error: unknown) => error instanceof ImportFileError && error.code === code);
    });
  }

  describe('the file store', () => {
    const folder = temporaryFolderPerTest('store');

    it('creates its folder on first write and reads back what it wrote', async () => {
      const store = new FileRegistryStore(path.join(folder.path, 'nested', 'data'));
      assert.equal(await store.isEmpty(), true);
      await store.update(() => starterData());
      assert.equal(await store.isEmpty(), false);
      assert.deepEqual(await store.read(), starterData());
    });

    it('changes its revision when the data changes, so a running bot reloads', async () => {
      const store = new FileRegistryStore(folder.path);
      await store.update(() => starterData());
      const before = await store.revision();
      const data = starterData();
      data.systems.pop();
      await store.update(() => data);
      assert.notEqual(await store.revision(), before);
    });

    it('never shows a reader a half-written file', async () => {
      const store = new FileRegistryStore(folder.path);
      const big = starterData();
      for (let i = 0; i < 2000; i += 1) big.systems.push({ ...big.systems[0]!, name: `System ${i}` });
      await store.update(() => starterData());
      const writes = Array.from({ length: 10 }, (_, i) => store.update(() => i % 2 === 0 ? big : starterData()));
      const reads = Array.from({ length: 50 }, async () => JSON.parse(await readFile(store.file, 'utf8')) as RegistryData);
      const seen = await Promise.all(reads);
      const starter = starterData().systems.length;
      await Promise.all(writes);
      for (const data of seen) assert.ok([starter, starter + 2000].includes(data.systems.length), `saw ${data.systems.length} systems`);
    });

    it('is left untouched by an import with errors', async () => {
      const store = new FileRegistryStore(folder.path);
      await store.update(() => starterData());
      const before = await readFile(store.file, 'utf8');
      await writeFile(path.join(folder.path, 'bad.csv'), 'name;status\nAula;done\n');
      const outcome = importText(await store.read(), await readFile(path.join(folder.path, 'bad.csv'), 'utf8'), 'bad.csv');
      assert.equal(outcome.ok, false);
      assert.equal(await readFile(store.file, 'utf8'), before);
    });
  });
});

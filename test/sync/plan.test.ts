import assert from 'node:assert/strict';
import { ColumnMapError, DEFAULT_COLUMN_MAP, parseColumnMap, resolveColumns } from '../../src/sync/columns.js';
import { LIST_SOURCE, planSync } from '../../src/sync/plan.js';
import { rowOf, type ListItem } from '../../src/sync/rows.js';
import { SHAREPOINT_COLUMNS as COLUMNS, starterData } from '../support/fixtures.js';

const { byInternalName } = resolveColumns(DEFAULT_COLUMN_MAP, COLUMNS);
const NOW = new Date('2026-11-29T10:00:00Z');

function item(id: string, fields: Record<string, unknown>, lastModified = '2026-11-01T08:00:00Z'): ListItem {
  return { id, lastModifiedDateTime: lastModified, fields };
}

describe('the column map of the SharePoint list', () => {
  it('resolves display names to SharePoint\'s internal names, and keeps internal names as they are', () => {
    assert.deepEqual(byInternalName, {
      Title: 'name', Leverand_x00f8_r: 'vendor', CH2_x002d_dato: 'ch2Date', STS2_x002d_dato: 'sts2Date', Status: 'status', Kilde: 'source', Bem_x00e6_rkning: 'note',
    });
    const custom = resolveColumns(parseColumnMap('{"Title":"name","Leverand_x00f8_r":"vendor","Gone":"note"}'), COLUMNS);
    assert.deepEqual(custom.byInternalName, { Title: 'name', Leverand_x00f8_r: 'vendor' });
    assert.deepEqual(custom.missing, ['Gone']);
  });

  it('refuses a map that is not JSON, names an unknown field, or lacks the name', () => {
    assert.throws(() => parseColumnMap('{'), ColumnMapError);
    assert.throws(() => parseColumnMap('{"System":"systemName"}'), /not a registry field/);
    assert.throws(() => parseColumnMap('{"Leverandør":"vendor"}'), /must map a column to "name"/);
    assert.deepEqual(parseColumnMap(''), DEFAULT_COLUMN_MAP);
  });
});

describe('reading list rows', () => {
  it("reads SharePoint's date columns as the day in Copenhagen, and the CSV formats too", () => {
    const row = rowOf(item('1', { Title: 'Aula', CH2_x002d_dato: '2026-03-02T23:00:00Z', STS2_x002d_dato: '01.06.2026', Status: 'planned' }), byInternalName);
    assert.ok(row.ok);
    assert.deepEqual([row.system.ch2Date, row.system.sts2Date], ['2026-03-03', '2026-06-01']);
  });

  it('reports a row that fails validation, whole', () => {
    const row = rowOf(item('7', { Title: 'Aula', Status: 'done', CH2_x002d_dato: '31.02.2026' }), byInternalName);
    assert.equal(row.ok, false);
    assert.deepEqual(!row.ok && row.problems.map((p) => [p.field, p.code]), [['ch2Date', 'INVALID_DATE'], ['status', 'INVALID_STATUS']]);
  });
});

describe('planning a sync', () => {
  const rows = (...items: ListItem[]) => items.map((i) => rowOf(i, byInternalName));

  it('adds new systems and updates changed fields with the list as their source, leaving the rest alone', () => {
    // Aula with a vendor of the test's own, so that only the date and status change.
    const data = starterData();
    data.systems.find((s) => s.name === 'Aula')!.vendor = 'Eksempel A/S';
    const plan = planSync(
      data,
      rows(
        item('1', { Title: 'Aula', Leverand_x00f8_r: 'Eksempel A/S', CH2_x002d_dato: '2026-03-03', Status: 'planned' }),
        item('2', { Title: 'Nexus', Leverand_x00f8_r: 'Systematic', CH2_x002d_dato: '2026-05-01', Status: 'planned' }),
        item('3', { Title: 'SAPA', CH2_x002d_dato: '2025-01-21', Status: 'switched' }),
      ),
      new Map(),
      NOW,
    );
    assert.deepEqual(plan.added, ['Nexus']);
    assert.deepEqual(plan.updated, [{ name: 'Aula', fields: ['ch2Date', 'status'] }]);
    assert.equal(plan.unchanged, 1);
    const aula = plan.data.systems.find((s) => s.name === 'Aula')!;
    assert.deepEqual([aula.ch2Date, aula.source, aula.updatedAt, aula.fullName], ['2026-03-03', LIST_SOURCE, NOW.toISOString(), 'Aula']);
    assert.equal(plan.data.systems.find((s) => s.name === 'Nexus')?.vendor, 'Systematic');
  });

  it('changes nothing the second time, and skips invalid and duplicate rows without touching the rest', () => {
    const first = planSync(starterData(), rows(item('1', { Title: 'Aula', CH2_x002d_dato: '2026-03-03', Status: 'planned' })), new Map(), NOW);
    const again = planSync(first.data, rows(item('1', { Title: 'Aula', CH2_x002d_dato: '2026-03-03', Status: 'planned' })), new Map(), NOW);
    assert.deepEqual([again.added, again.updated, again.unchanged], [[], [], 1]);
    const messy = planSync(
      first.data,
      rows(
        item('4', { Title: 'KY', Status: 'planned' }),
        item('5', { Title: 'FBS', CH2_x002d_dato: '2026-08-01', Status: 'planned' }),
        item('6', { Title: 'fbs', CH2_x002d_dato: '2026-09-01', Status: 'planned' }),
      ),
      new Map(),
      NOW,
    );
    assert.deepEqual(messy.invalid.map((i) => [i.itemId, i.problems[0]?.code]), [['4', 'DATE_REQUIRED_FOR_STATUS']]);
    assert.deepEqual(messy.duplicates, [{ itemId: '6', name: 'fbs' }]);
    assert.equal(messy.data.systems.find((s) => s.name === 'KY')?.status, 'unknown', 'the invalid row changed nothing');
    assert.equal(messy.data.systems.find((s) => s.name === 'FBS')?.ch2Date, '2026-08-01');
  });

  it('keeps a vendor date KOMBIT approved after the row last changed, and says so', () => {
    const data = starterData();
    const aula = data.systems.find((s) => s.name === 'Aula')!;
    Object.assign(aula, { ch2Date: '2026-04-01', status: 'planned', source: 'Leverandørens svar (Kari, 2026-11-20), godkendt af Kirsten 2026-11-21' });
    const approvals = new Map([['aula', '2026-11-21T09:00:00Z']]);
    const stale = planSync(data, rows(item('1', { Title: 'Aula', CH2_x002d_dato: '', Status: 'unknown' }, '2026-11-01T08:00:00Z')), approvals, NOW);
    assert.deepEqual(stale.updated, []);
    assert.deepEqual(stale.keptApproved, [{ name: 'Aula', fields: ['ch2Date', 'status'], approvedAt: '2026-11-21T09:00:00Z', listChangedAt: '2026-11-01T08:00:00Z' }]);
    assert.equal(stale.data.systems.find((s) => s.name === 'Aula')?.ch2Date, '2026-04-01');

    const newer = planSync(data, rows(item('1', { Title: 'Aula', CH2_x002d_dato: '2026-05-15', Status: 'planned' }, '2026-11-25T08:00:00Z')), approvals, NOW);
    assert.deepEqual(newer.keptApproved, []);
    assert.deepEqual(newer.updated, [{ name: 'Aula', fields: ['ch2Date'] }]);
    assert.equal(newer.data.systems.find((s) => s.name === 'Aula')?.source, LIST_SOURCE, 'the list changed the row after the approval: the list wins');
  });
});

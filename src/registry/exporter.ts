import { stringify } from 'csv-stringify/sync';
import type { RegistryData } from '../store/registryStore.js';
import { neutraliseCsvCell } from '../text/csvCell.js';
import { escapeInvisibleInJson, visibleCell } from '../text/plainText.js';
import { DEADLINE_FIELDS, SYSTEM_FIELDS } from './records.js';

export type ExportFormat = 'json' | 'csv';

/**
 * The registry in the import format, so that export → import round-trips. CSV cells that a spreadsheet
 * would run as a formula are neutralised; the import reads them back to their text.
 */
export function exportRegistry(data: RegistryData, format: ExportFormat, table: 'systems' | 'deadlines' = 'systems'): string {
  if (format === 'json') return `${escapeInvisibleInJson(JSON.stringify(data, null, 2))}\n`;
  const fields: readonly string[] = table === 'systems' ? SYSTEM_FIELDS : DEADLINE_FIELDS;
  const rows = (data[table] as unknown as Record<string, unknown>[]).map((record) =>
    fields.map((field) => {
      const value = record[field];
      if (Array.isArray(value)) return neutraliseCsvCell(visibleCell(value.join('|')));
      return neutraliseCsvCell(visibleCell(value === null || value === undefined ? '' : String(value)));
    }),
  );
  return stringify(rows, { header: true, columns: [...fields], delimiter: ';' });
}

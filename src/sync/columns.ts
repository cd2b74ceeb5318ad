import { SYSTEM_FIELDS } from '../registry/records.js';
import type { SystemRecord } from '../registry/system.js';

/** The list's columns as Graph describes them: the internal name and the name people see. */
export interface ListColumn {
  name: string;
  displayName: string;
}

export const DEFAULT_COLUMN_MAP: Record<string, keyof SystemRecord> = {
  System: 'name',
  Leverandør: 'vendor',
  'CH2-dato': 'ch2Date',
  'STS2-dato': 'sts2Date',
  Status: 'status',
  Kilde: 'source',
  Bemærkning: 'note',
};

export class ColumnMapError extends Error {}

/** Reads GRAPH_COLUMN_MAP (JSON: list column → registry field); the default when empty. */
export function parseColumnMap(json: string | undefined): Record<string, keyof SystemRecord> {
  if (!json || json.trim() === '') return { ...DEFAULT_COLUMN_MAP };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ColumnMapError(`GRAPH_COLUMN_MAP is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ColumnMapError('GRAPH_COLUMN_MAP must be a JSON object');
  const map: Record<string, keyof SystemRecord> = {};
  for (const [column, field] of Object.entries(parsed)) {
    if (typeof field !== 'string' || !(SYSTEM_FIELDS as string[]).includes(field)) {
      throw new ColumnMapError(`GRAPH_COLUMN_MAP maps "${column}" to "${String(field)}", which is not a registry field (${SYSTEM_FIELDS.join(', ')})`);
    }
    map[column] = field as keyof SystemRecord;
  }
  if (!Object.values(map).includes('name')) throw new ColumnMapError('GRAPH_COLUMN_MAP must map a column to "name"');
  return map;
}

/**
 * The map keyed by the list's internal column names. A key may be a display name ("Leverandør") or
 * an internal name ("Leverand_x00f8_r"); SharePoint encodes special characters in internal names, so
 * display names are looked up in the list's columns. Returns the columns it could not find, too.
 */
export function resolveColumns(
  map: Record<string, keyof SystemRecord>,
  columns: readonly ListColumn[],
): { byInternalName: Record<string, keyof SystemRecord>; missing: string[] } {
  const byInternalName: Record<string, keyof SystemRecord> = {};
  const missing: string[] = [];
  for (const [key, field] of Object.entries(map)) {
    const column = columns.find((c) => c.name === key) ?? columns.find((c) => c.displayName === key);
    if (column) byInternalName[column.name] = field;
    else missing.push(key);
  }
  return { byInternalName, missing };
}

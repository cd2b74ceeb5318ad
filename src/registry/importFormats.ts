import { parse as parseCsv } from 'csv-parse/sync';
import { restoreCsvCell } from '../text/csvCell.js';
import { DEADLINE_FIELDS, SYSTEM_FIELDS } from './records.js';

/** A row as read from a file, before validation, with where it stood for error messages. */
export interface RawRow {
  /** 1-based: the line in a CSV file, the position in a JSON array. */
  row: number;
  /** Untrusted: validation reports a row that is not an object at its position. */
  fields: unknown;
}

export interface RawTables {
  /** In JSON a row is the position in its list, in CSV the line of the file. */
  format: 'json' | 'csv';
  systems?: RawRow[];
  deadlines?: RawRow[];
}

export type FileProblemCode = 'MALFORMED_JSON' | 'MALFORMED_CSV' | 'UNKNOWN_TABLE' | 'EMPTY_FILE' | 'NOT_A_LIST';

export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly detail: string = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** Reads the text of an import file: JSON (`{ systems, deadlines }`) or CSV (one table). */
export function readImportText(text: string, fileName: string): RawTables {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new ImportFileError('EMPTY_FILE');
  const looksLikeJson = fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('{');
  return looksLikeJson ? readJson(trimmed) : readCsv(trimmed);
}

function readJson(text: string): RawTables {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('MALFORMED_JSON', (error as Error).message);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ImportFileError('UNKNOWN_TABLE');
  const record = data as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => key !== 'systems' && key !== 'deadlines');
  if (unknownKeys.length > 0 || (!('systems' in record) && !('deadlines' in record))) {
    throw new ImportFileError('UNKNOWN_TABLE', unknownKeys.join(', '));
  }
  const tables: RawTables = { format: 'json' };
  for (const table of ['systems', 'deadlines'] as const) {
    if (!(table in record)) continue;
    const list = record[table];
    if (!Array.isArray(list)) throw new ImportFileError('NOT_A_LIST', table);
    tables[table] = list.map((fields: unknown, index) => ({ row: index + 1, fields }));
  }
  return tables;
}

function readCsv(text: string): RawTables {
  const headerLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(headerLine, ';') >= count(headerLine, ',') ? ';' : ',';
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    throw new ImportFileError('MALFORMED_CSV', (error as Error).message);
  }
  const header = headerLine.split(delimiter).map((column) => column.trim().replace(/^"|"$/g, ''));
  const table = tableOfHeader(header);
  // Cells our exports neutralised ("'=…", so that no spreadsheet runs them) come back as their text.
  const restored = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([column, value]) => [column, restoreCsvCell(value)]));
  return { format: 'csv', [table]: records.map(({ record, info }) => ({ row: info.lines, fields: restored(record) })) };
}

function tableOfHeader(header: string[]): 'systems' | 'deadlines' {
  if (header.includes('name')) return 'systems';
  if (header.includes('solution') && header.includes('title')) return 'deadlines';
  const known = new Set<string>([...SYSTEM_FIELDS, ...DEADLINE_FIELDS]);
  throw new ImportFileError('UNKNOWN_TABLE', header.filter((column) => !known.has(column)).join(', '));
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

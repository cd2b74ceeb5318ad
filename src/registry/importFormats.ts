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

export type FileProblemCode = 'MALFORMED_JSON' | 'MALFORMED_CSV' | 'UNKNOWN_TABLE' | 'EMPTY_FILE' | 'NOT_A_LIST' | 'UNKNOWN_ENCODING';

export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly detail: string = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The text of an import file's bytes. A BOM decides (UTF-8, UTF-16 LE/BE); without one, bytes that
 * are valid UTF-8 are UTF-8, and anything else is Windows-1252, what Excel on a Danish Windows saves
 * as "CSV (semikolonsepareret)". NUL bytes without a BOM (UTF-16 that lost its BOM) are refused.
 */
export function decodeImportFile(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0xef, 0xbb, 0xbf)) return { text: strictDecode('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (starts(0xff, 0xfe)) return { text: strictDecode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (starts(0xfe, 0xff)) return { text: strictDecode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.includes(0)) throw new ImportFileError('UNKNOWN_ENCODING');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Windows-1252's 0x80–0x9F (€, ‚, ƒ, „ …); five bytes have no character and stay as they are. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 as the WHATWG Encoding standard defines it. Node 20's TextDecoder('windows-1252')
 * decodes as ISO-8859-1 (0x80 becomes U+0080, not €), so the 32 bytes that differ are mapped here.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ImportFileError('UNKNOWN_ENCODING');
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

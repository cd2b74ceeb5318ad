import { deadlineKey, type Deadline } from '../deadlines/deadline.js';
import type { RegistryData } from '../store/registryStore.js';
import type { RawRow, RawTables } from './importFormats.js';
import { parseDeadline, parseSystem, type RecordProblem } from './records.js';
import { nameKey, type SystemRecord } from './system.js';

export type TableName = 'systems' | 'deadlines';

export interface ImportProblem extends Omit<RecordProblem, 'code'> {
  table: TableName;
  row: number;
  code: RecordProblem['code'] | 'DUPLICATE_NAME' | 'DUPLICATE_DEADLINE';
  /** For a duplicate: the row that has the same name or deadline first. */
  duplicateOf?: number;
}

export interface TableChanges {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export type ImportOutcome =
  | {
      ok: true;
      data: RegistryData;
      changes: Partial<Record<TableName, TableChanges>>;
      /** With `replace`: what the import would take out of each table (a system's name, a deadline's code or title). */
      removed: Partial<Record<TableName, string[]>>;
    }
  | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** Replace the tables the file holds instead of upserting into them. */
  replace: boolean;
  /** Stamped on records that the import adds or changes, unless the file gives `updatedAt`. */
  now: Date;
  /**
   * False for the starter data: loading it is not a change of any fact, and the deck gives no day
   * a fact changed, so `updatedAt` stays unknown rather than become the day the file was loaded.
   */
  stamp?: boolean;
}

/**
 * Validates every row and merges the file into the current data. All or nothing: any problem and
 * the outcome carries only the problems; the caller writes `data` only on success.
 */
export function applyImport(current: RegistryData, tables: RawTables, options: ImportOptions): ImportOutcome {
  const problems: ImportProblem[] = [];
  const systems = tables.systems && validateRows('systems', tables.systems, parseSystem, (s) => nameKey(s.name), problems);
  const deadlines = tables.deadlines && validateRows('deadlines', tables.deadlines, parseDeadline, deadlineKey, problems);
  if (problems.length > 0) return { ok: false, problems };

  const data: RegistryData = structuredClone(current);
  const changes: Partial<Record<TableName, TableChanges>> = {};
  const removed: Partial<Record<TableName, string[]>> = {};
  const stamp = options.now.toISOString();
  if (systems) {
    const merged = merge(current.systems, systems, (s) => nameKey(s.name), options.replace, (s, presentFields) =>
      (s.updatedAt !== null && presentFields.has('updatedAt')) || options.stamp === false ? s : { ...s, updatedAt: stamp },
    );
    data.systems = merged.records;
    changes.systems = merged.changes;
    removed.systems = merged.removed.map((s) => s.name);
  }
  if (deadlines) {
    const merged = merge(current.deadlines, deadlines, deadlineKey, options.replace, (d) => d);
    data.deadlines = merged.records;
    changes.deadlines = merged.changes;
    removed.deadlines = merged.removed.map((d) => (d.code ? `${d.solution} ${d.code}` : `${d.solution}: ${d.title}`));
  }
  return { ok: true, data, changes, removed };
}

interface ValidRow<T> {
  value: T;
  presentFields: Set<string>;
}

function validateRows<T>(
  table: TableName,
  rows: RawRow[],
  parse: (input: unknown) => { ok: true; value: T } | { ok: false; problems: RecordProblem[] },
  keyOf: (value: T) => string,
  problems: ImportProblem[],
): ValidRow<T>[] {
  const valid: ValidRow<T>[] = [];
  const firstRowOfKey = new Map<string, number>();
  for (const { row, fields } of rows) {
    const parsed = parse(fields);
    // Duplicates are found even among invalid rows, so one run reports every problem.
    const key = parsed.ok ? keyOf(parsed.value) : rawNameKey(table, fields);
    const earlier = key === null ? undefined : firstRowOfKey.get(key);
    if (earlier !== undefined) problems.push(duplicateProblem(table, row, fields, earlier));
    else if (key !== null) firstRowOfKey.set(key, row);
    if (!parsed.ok) problems.push(...parsed.problems.map((problem) => ({ ...problem, table, row })));
    if (parsed.ok && earlier === undefined) valid.push({ value: parsed.value, presentFields: presentFieldsOf(fields) });
  }
  return valid;
}

/** The key of a row that failed validation, when its name alone is readable (systems only). */
function rawNameKey(table: TableName, fields: unknown): string | null {
  const name = table === 'systems' && typeof fields === 'object' && fields !== null ? (fields as { name?: unknown }).name : null;
  return typeof name === 'string' && name.trim() !== '' ? nameKey(name) : null;
}

function duplicateProblem(table: TableName, row: number, fields: unknown, earlier: number): ImportProblem {
  const raw = (typeof fields === 'object' && fields !== null ? fields : {}) as Record<string, unknown>;
  const field = table === 'systems' ? 'name' : raw.code ? 'code' : 'title';
  const value = raw[field];
  const code = table === 'systems' ? 'DUPLICATE_NAME' : 'DUPLICATE_DEADLINE';
  return { table, row, field, code, duplicateOf: earlier, ...(typeof value === 'string' ? { value } : {}) };
}

function presentFieldsOf(fields: unknown): Set<string> {
  const record = fields as Record<string, unknown>; // validated as an object by parse()
  return new Set(Object.keys(record).filter((key) => record[key] !== undefined));
}

/**
 * Upsert by key: an imported row overwrites only the fields the file has (a CSV with just
 * `name;ch2Date` changes dates and nothing else); `replace` keeps only what the file holds.
 */
function merge<T extends SystemRecord | Deadline>(
  existing: T[],
  incoming: ValidRow<T>[],
  keyOf: (value: T) => string,
  replace: boolean,
  stampChanged: (value: T, presentFields: Set<string>) => T,
): { records: T[]; changes: TableChanges; removed: T[] } {
  const changes: TableChanges = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const byKey = new Map(existing.map((record) => [keyOf(record), record]));
  const incomingKeys = new Set<string>();
  const records: T[] = replace ? [] : [...existing];
  const position = new Map(records.map((record, index) => [keyOf(record), index]));
  for (const { value, presentFields } of incoming) {
    const key = keyOf(value);
    incomingKeys.add(key);
    const before = byKey.get(key);
    const candidate = before === undefined ? value : overlay(before, value, presentFields);
    const changed = before === undefined || !sameContent(before, candidate);
    const record = changed ? stampChanged(candidate, presentFields) : before;
    if (before === undefined) changes.added += 1;
    else if (changed) changes.updated += 1;
    else changes.unchanged += 1;
    const at = position.get(key);
    if (at === undefined) records.push(record);
    else records[at] = record;
  }
  const removed = replace ? existing.filter((record) => !incomingKeys.has(keyOf(record))) : [];
  changes.removed = removed.length;
  return { records, changes, removed };
}

function overlay<T extends object>(before: T, value: T, presentFields: Set<string>): T {
  const result = { ...before };
  for (const field of Object.keys(value) as (keyof T)[]) {
    if (presentFields.has(String(field))) result[field] = value[field];
  }
  return result;
}

function sameContent<T extends object>(a: T, b: T): boolean {
  const strip = (record: T) => JSON.stringify({ ...record, updatedAt: undefined });
  return strip(a) === strip(b);
}

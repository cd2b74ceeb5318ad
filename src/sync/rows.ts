import { DateTime } from 'luxon';
import { parseSystem, type RecordProblem } from '../registry/records.js';
import type { SystemRecord } from '../registry/system.js';
import { DANISH_ZONE } from '../time/calendarDate.js';

/** A list item as Graph returns it (with `expand=fields`). */
export interface ListItem {
  id: string;
  lastModifiedDateTime: string;
  fields: Record<string, unknown>;
}

export type ListRow =
  | { ok: true; itemId: string; lastModified: string; system: SystemRecord; presentFields: Set<keyof SystemRecord> }
  | { ok: false; itemId: string; problems: RecordProblem[] };

const DATE_FIELDS = new Set(['ch2Date', 'sts2Date']);

/**
 * A list item as a registry record, validated like an import. SharePoint keeps a date column as the
 * instant of midnight where the site is (2026-03-02T23:00:00Z for 3 March in Copenhagen): such a
 * value is read as the day it is in Europe/Copenhagen.
 */
export function rowOf(item: ListItem, byInternalName: Record<string, keyof SystemRecord>): ListRow {
  const fields: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(byInternalName)) {
    if (!(column in item.fields)) continue;
    const value = item.fields[column];
    fields[field] = DATE_FIELDS.has(field) ? asCalendarDay(value) : value;
  }
  const parsed = parseSystem(fields);
  if (!parsed.ok) return { ok: false, itemId: item.id, problems: parsed.problems };
  return {
    ok: true,
    itemId: item.id,
    lastModified: item.lastModifiedDateTime,
    system: parsed.value,
    presentFields: new Set(Object.keys(fields) as (keyof SystemRecord)[]),
  };
}

/** Excel counts days from 30 December 1899 (its serial date numbers). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function asCalendarDay(value: unknown): unknown {
  // An Excel date cell arrives as its serial number (46084 is 3 March 2026).
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    return new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || !/T\d{2}:\d{2}/.test(value)) return value;
  const instant = DateTime.fromISO(value, { setZone: true });
  return instant.isValid ? instant.setZone(DANISH_ZONE).toISODate() : value;
}

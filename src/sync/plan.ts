import { nameKey, type SystemRecord } from '../registry/system.js';
import type { RecordProblem } from '../registry/records.js';
import type { RegistryData } from '../store/registryStore.js';
import type { ListRow } from './rows.js';

/** The source a system gets when the sync changes it. */
export const LIST_SOURCE = 'KOMBITs liste';

/** Fields an approved vendor answer sets, and that a stale list row must not overwrite. */
const APPROVED_FIELDS: readonly (keyof SystemRecord)[] = ['ch2Date', 'sts2Date', 'status', 'vendor'];
/** Fields whose change counts as a change of the system (and stamps the list as its source). */
const SYNCED_FIELDS: readonly (keyof SystemRecord)[] = ['fullName', 'aliases', 'owner', 'vendor', 'ch2Date', 'sts2Date', 'status', 'note'];

export interface SyncPlan {
  data: RegistryData;
  added: string[];
  updated: { name: string; fields: (keyof SystemRecord)[] }[];
  unchanged: number;
  invalid: { itemId: string; problems: RecordProblem[] }[];
  /** Newer approved vendor answers the list did not overwrite: the list row has not changed since. */
  keptApproved: { name: string; fields: (keyof SystemRecord)[]; approvedAt: string; listChangedAt: string }[];
  duplicates: { itemId: string; name: string }[];
}

/**
 * What a sync of the list does to the registry. New systems are added; changed fields are updated
 * (source: the list); invalid rows are reported and skipped whole. A vendor's answer approved after
 * the list row last changed wins until the list changes that row again: the sync keeps it and says so.
 */
export function planSync(
  current: RegistryData,
  rows: readonly ListRow[],
  approvals: ReadonlyMap<string, string>,
  now: Date,
  writeBacksPending: ReadonlySet<string> = new Set(),
): SyncPlan {
  const plan: SyncPlan = { data: structuredClone(current), added: [], updated: [], unchanged: 0, invalid: [], keptApproved: [], duplicates: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.ok) {
      plan.invalid.push({ itemId: row.itemId, problems: row.problems });
      continue;
    }
    const key = nameKey(row.system.name);
    if (seen.has(key)) {
      plan.duplicates.push({ itemId: row.itemId, name: row.system.name });
      continue;
    }
    seen.add(key);
    const index = plan.data.systems.findIndex((system) => nameKey(system.name) === key);
    if (index < 0) {
      plan.data.systems.push({ ...row.system, source: row.system.source ?? LIST_SOURCE, updatedAt: now.toISOString() });
      plan.added.push(row.system.name);
      continue;
    }
    const existing = plan.data.systems[index]!;
    const approvedAt = approvals.get(key);
    // An approval the list has not taken yet wins too: the row, however recently edited, holds the old values.
    const approvalIsNewer = approvedAt !== undefined && (Date.parse(approvedAt) > Date.parse(row.lastModified) || writeBacksPending.has(key));
    const changed: (keyof SystemRecord)[] = [];
    const kept: (keyof SystemRecord)[] = [];
    const next: SystemRecord = { ...existing };
    for (const field of SYNCED_FIELDS) {
      if (!row.presentFields.has(field)) continue;
      if (JSON.stringify(existing[field]) === JSON.stringify(row.system[field])) continue;
      if (approvalIsNewer && APPROVED_FIELDS.includes(field)) {
        kept.push(field);
        continue;
      }
      (next as unknown as Record<string, unknown>)[field] = row.system[field];
      changed.push(field);
    }
    if (kept.length > 0) plan.keptApproved.push({ name: existing.name, fields: kept, approvedAt: approvedAt!, listChangedAt: row.lastModified });
    if (changed.length === 0) {
      plan.unchanged += 1;
      continue;
    }
    next.source = row.presentFields.has('source') && row.system.source ? row.system.source : LIST_SOURCE;
    next.updatedAt = now.toISOString();
    plan.data.systems[index] = next;
    plan.updated.push({ name: existing.name, fields: changed });
  }
  return plan;
}

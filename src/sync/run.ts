import type { Lang } from '../i18n/language.js';
import { syncTexts } from './texts.js';
import { nameKey } from '../registry/system.js';
import type { RegistryData, RegistryStore } from '../store/registryStore.js';
import type { Survey } from '../surveys/survey.js';
import { resolveColumns, type ListColumn } from './columns.js';
import { planSync, type SyncPlan } from './plan.js';
import { rowOf, type ListItem } from './rows.js';
import type { SystemRecord } from '../registry/system.js';

/** Where the list comes from: Microsoft Graph in the bot, a stand-in in tests. */
export interface ListSource {
  columns(): Promise<ListColumn[]>;
  items(): Promise<ListItem[]>;
}

export type SyncOutcome = { ok: true; plan: SyncPlan; written: boolean } | { ok: false; missingColumns: string[] };

/** When KOMBIT last approved a vendor's answer, per system (name key). */
export function approvalsOf(surveys: readonly Survey[]): Map<string, string> {
  const approvals = new Map<string, string>();
  for (const survey of surveys) {
    if (survey.review?.decision !== 'approved') continue;
    const key = nameKey(survey.system);
    const earlier = approvals.get(key);
    if (!earlier || earlier < survey.review.at) approvals.set(key, survey.review.at);
  }
  return approvals;
}

/**
 * Reads the list, then plans and (unless it is a dry run) writes the changes in one go through the
 * registry's write path: planned from the newest registry, with the approvals as they are at that
 * moment, so that an answer approved while the list was being read is not overwritten.
 */
export async function runSync(input: {
  source: ListSource;
  /** The registry: read for a dry run, changed through its one write path otherwise. */
  store: Pick<RegistryStore, 'read' | 'update'>;
  columnMap: Record<string, keyof SystemRecord>;
  approvals: () => ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string>>;
  /** Systems (name keys) whose approved values are still on their way to the list. */
  writeBacksPending?: () => ReadonlySet<string>;
  now: Date;
  dryRun: boolean;
}): Promise<SyncOutcome> {
  const { byInternalName, missing } = resolveColumns(input.columnMap, await input.source.columns());
  if (missing.length > 0) return { ok: false, missingColumns: missing };
  const rows = (await input.source.items()).map((item) => rowOf(item, byInternalName));
  const planFrom = async (data: RegistryData) => planSync(data, rows, await input.approvals(), input.now, input.writeBacksPending?.());
  const hasChanges = (plan: SyncPlan) => plan.added.length + plan.updated.length > 0;
  if (input.dryRun) return { ok: true, plan: await planFrom(await input.store.read()), written: false };
  let plan!: SyncPlan;
  const written = await input.store.update(async (data) => {
    plan = await planFrom(data);
    return hasChanges(plan) ? plan.data : null;
  });
  return { ok: true, plan, written };
}

/** What a person is told when the list lacks columns the map names. */
export function missingColumnsText(missing: readonly string[], lang: Lang): string {
  return syncTexts(lang).missingColumns(missing.join(', '));
}

/** The summary a person reads after a sync, in Danish or English. */
export function syncSummary(plan: SyncPlan, dryRun: boolean, lang: Lang): string {
  const t = syncTexts(lang);
  const lines = [t.summary(plan.added.length, plan.updated.length, plan.unchanged, dryRun)];
  for (const name of plan.added) lines.push(`  + ${name}`);
  for (const { name, fields } of plan.updated) lines.push(`  ~ ${name}: ${fields.join(', ')}`);
  if (plan.keptApproved.length > 0) {
    lines.push(t.keptHeading);
    for (const kept of plan.keptApproved) {
      lines.push(`  = ${kept.name}: ${kept.fields.join(', ')} (${t.kept(kept.approvedAt.slice(0, 10), kept.listChangedAt.slice(0, 10))})`);
    }
  }
  if (plan.invalid.length + plan.duplicates.length > 0) {
    lines.push(t.skippedHeading);
    for (const invalid of plan.invalid) {
      lines.push(`  ! ${t.item} ${invalid.itemId}: ${invalid.problems.map((p) => `${p.field ?? ''} ${p.code}${p.value ? ` ("${p.value}")` : ''}`.trim()).join('; ')}`);
    }
    for (const duplicate of plan.duplicates) lines.push(`  ! ${t.item} ${duplicate.itemId}: ${duplicate.name} ${t.twice}`);
  }
  return lines.join('\n');
}

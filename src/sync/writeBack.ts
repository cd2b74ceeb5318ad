import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import { nameKey, type SystemRecord } from '../registry/system.js';
import { JournalProjection } from '../store/journal.js';
import type { EventLog } from '../store/storage.js';
import { resolveColumns, type ListColumn } from './columns.js';
import type { ListItem } from './rows.js';
import type { Survey } from '../surveys/survey.js';

/** The fields an approved vendor answer writes back to the list. */
export type WriteBackFields = Partial<Pick<SystemRecord, 'ch2Date' | 'sts2Date' | 'status' | 'vendor'>>;

export type WriteBackEvent =
  /** Written by earlier versions (an approval now carries its values): still delivered when pending. */
  | { type: 'queued'; id: string; at: string; system: string; fields: WriteBackFields }
  | { type: 'done'; id: string; at: string; itemId: string; created: boolean }
  | { type: 'failed'; id: string; at: string; reason: string };

/** The list as the write-back needs it. */
export interface WritableList {
  columns(): Promise<ListColumn[]>;
  items(): Promise<ListItem[]>;
  updateItem(itemId: string, fields: Record<string, unknown>): Promise<void>;
  createItem(fields: Record<string, unknown>): Promise<string>;
}

/** An approval whose values go to the list: derived from the survey journal, not queued separately. */
export interface ApprovedWriteBack {
  /** Stable per approval: `approval:<surveyId>`. */
  id: string;
  at: string;
  system: string;
  fields: WriteBackFields;
}

/** What a push sends: an approval's values, or an entry an earlier version queued. */
type PendingWriteBack = Pick<ApprovedWriteBack, 'id' | 'system' | 'fields'>;

/**
 * Approved vendor answers on their way back to KOMBIT's list. What is pending is derived: every
 * approval that carries values for the list (written in the approval's own event) and has no `done`
 * here yet, so a crash right after an approval loses nothing. It stays pending until the list has
 * taken it: a write that fails is logged and tried again at the next sync or approval, never lost.
 */
export class WriteBackQueue {
  /** Entries queued by earlier versions, not yet delivered. */
  private readonly queued = new Map<string, PendingWriteBack>();
  private readonly delivered = new Set<string>();
  private readonly failures = new Map<string, number>();
  private approved: readonly ApprovedWriteBack[] = [];
  private running: Promise<WriteBackSummary> | null = null;
  private projection!: JournalProjection<WriteBackEvent>;

  private constructor(
    private readonly approvals: () => readonly ApprovedWriteBack[] | Promise<readonly ApprovedWriteBack[]>,
    private readonly log?: Log,
  ) {}

  static async load(
    journal: EventLog<WriteBackEvent>,
    approvals: () => readonly ApprovedWriteBack[] | Promise<readonly ApprovedWriteBack[]>,
    log?: Log,
  ): Promise<WriteBackQueue> {
    const queue = new WriteBackQueue(approvals, log);
    queue.projection = await JournalProjection.open(journal, (event) => queue.apply(event));
    await queue.lookAgain();
    return queue;
  }

  get waiting(): number {
    return this.pendingEntries().length;
  }

  /** The systems (name keys) with an approved value still on its way: a sync must not undo it. */
  pendingSystems(): ReadonlySet<string> {
    return new Set(this.pendingEntries().map((entry) => nameKey(entry.system)));
  }

  /** Takes in new approvals (and deliveries others recorded); call after an approval. */
  async lookAgain(): Promise<void> {
    await this.projection.refresh();
    this.approved = await this.approvals();
  }

  /** Queues values by hand (a test, a tool): an approval queues itself. */
  async enqueue(system: string, fields: WriteBackFields, now: Date): Promise<void> {
    await this.record({ type: 'queued', id: randomUUID(), at: now.toISOString(), system, fields });
  }

  private pendingEntries(): PendingWriteBack[] {
    const fromApprovals = this.approved.filter((entry) => !this.delivered.has(entry.id));
    return [...this.queued.values(), ...fromApprovals];
  }

  /** Resolves when no push is in progress (a test's teardown, a graceful shutdown). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** Sends what is pending; one push at a time. */
  push(list: WritableList, columnMap: Record<string, keyof SystemRecord>, now: () => Date): Promise<WriteBackSummary> {
    this.running ??= this.pushOnce(list, columnMap, now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pushOnce(list: WritableList, columnMap: Record<string, keyof SystemRecord>, now: () => Date): Promise<WriteBackSummary> {
    const summary: WriteBackSummary = { updated: 0, created: 0, failed: 0 };
    // The CLI's sync may have delivered some meanwhile, and approvals may be new: take them in.
    await this.lookAgain();
    if (this.waiting === 0) return summary;
    const { byInternalName } = resolveColumns(columnMap, await list.columns());
    const columnOf = Object.fromEntries(Object.entries(byInternalName).map(([column, field]) => [field, column])) as Partial<Record<keyof SystemRecord, string>>;
    const nameColumn = columnOf.name;
    if (!nameColumn) throw new Error('The list has no column for the system name');
    const itemByName = new Map((await list.items()).map((item) => [nameKey(String(item.fields[nameColumn] ?? '')), item.id]));
    for (const entry of this.pendingEntries()) {
      const fields: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(entry.fields)) {
        const column = columnOf[field as keyof SystemRecord];
        if (column) fields[column] = value;
      }
      const itemId = itemByName.get(nameKey(entry.system));
      try {
        if (itemId) {
          await list.updateItem(itemId, fields);
          await this.record({ type: 'done', id: entry.id, at: now().toISOString(), itemId, created: false });
          summary.updated += 1;
        } else {
          const created = await list.createItem({ ...fields, [nameColumn]: entry.system });
          itemByName.set(nameKey(entry.system), created);
          await this.record({ type: 'done', id: entry.id, at: now().toISOString(), itemId: created, created: true });
          summary.created += 1;
        }
      } catch (error) {
        const reason = (error as { statusCode?: number }).statusCode ? `HTTP ${(error as { statusCode: number }).statusCode}` : String((error as Error).message ?? error);
        await this.record({ type: 'failed', id: entry.id, at: now().toISOString(), reason });
        this.log?.error({ system: entry.system, reason, attempts: this.failures.get(entry.id) }, 'could not write an approved answer back to the list; tried again at the next sync');
        summary.failed += 1;
      }
    }
    return summary;
  }

  private record(event: WriteBackEvent): Promise<void> {
    return this.projection.record(event);
  }

  private apply(event: WriteBackEvent): void {
    if (event.type === 'queued') {
      if (!this.delivered.has(event.id)) this.queued.set(event.id, event);
    } else if (event.type === 'done') {
      this.queued.delete(event.id);
      this.delivered.add(event.id);
    } else this.failures.set(event.id, (this.failures.get(event.id) ?? 0) + 1);
  }
}

/** The approvals that carry values for the list, in the order they were approved. */
export function approvedWriteBacks(surveys: readonly Survey[]): ApprovedWriteBack[] {
  const entries: ApprovedWriteBack[] = [];
  for (const survey of surveys) {
    const review = survey.review;
    if (review?.decision !== 'approved' || !review.writeBack) continue;
    entries.push({ id: `approval:${survey.id}`, at: review.at, system: review.writeBack.system, fields: { ...review.writeBack.fields } as WriteBackFields });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

export interface WriteBackSummary {
  updated: number;
  created: number;
  failed: number;
}

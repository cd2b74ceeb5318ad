import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import { nameKey, type SystemRecord } from '../registry/system.js';
import { JournalProjection } from '../store/journal.js';
import type { EventLog } from '../store/storage.js';
import { resolveColumns, type ListColumn } from './columns.js';
import type { ListItem } from './rows.js';

/** The fields an approved vendor answer writes back to the list. */
export type WriteBackFields = Partial<Pick<SystemRecord, 'ch2Date' | 'sts2Date' | 'status' | 'vendor'>>;

export type WriteBackEvent =
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

/**
 * Approved vendor answers on their way back to KOMBIT's list. An answer is queued in the journal
 * (flushed to disk) before anything is sent, and stays pending until the list has taken it: a write
 * that fails is logged and tried again at the next sync or approval, never lost.
 */
export class WriteBackQueue {
  private readonly pending = new Map<string, Extract<WriteBackEvent, { type: 'queued' }>>();
  private readonly failures = new Map<string, number>();
  private running: Promise<WriteBackSummary> | null = null;
  private projection!: JournalProjection<WriteBackEvent>;

  private constructor(private readonly log?: Log) {}

  static async load(journal: EventLog<WriteBackEvent>, log?: Log): Promise<WriteBackQueue> {
    const queue = new WriteBackQueue(log);
    queue.projection = await JournalProjection.open(journal, (event) => queue.apply(event));
    return queue;
  }

  get waiting(): number {
    return this.pending.size;
  }

  async enqueue(system: string, fields: WriteBackFields, now: Date): Promise<void> {
    await this.record({ type: 'queued', id: randomUUID(), at: now.toISOString(), system, fields });
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
    // The CLI's sync may have delivered some meanwhile: take in what it recorded.
    await this.projection.refresh();
    if (this.pending.size === 0) return summary;
    const { byInternalName } = resolveColumns(columnMap, await list.columns());
    const columnOf = Object.fromEntries(Object.entries(byInternalName).map(([column, field]) => [field, column])) as Partial<Record<keyof SystemRecord, string>>;
    const nameColumn = columnOf.name;
    if (!nameColumn) throw new Error('The list has no column for the system name');
    const itemByName = new Map((await list.items()).map((item) => [nameKey(String(item.fields[nameColumn] ?? '')), item.id]));
    for (const entry of [...this.pending.values()]) {
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
    if (event.type === 'queued') this.pending.set(event.id, event);
    else if (event.type === 'done') this.pending.delete(event.id);
    else this.failures.set(event.id, (this.failures.get(event.id) ?? 0) + 1);
  }
}

export interface WriteBackSummary {
  updated: number;
  created: number;
  failed: number;
}

import { isDeepStrictEqual } from 'node:util';
import type { Log } from '../log.js';
import { deadlineKey, type Deadline } from '../deadlines/deadline.js';
import type { RegistryData } from '../store/registryStore.js';
import { SerialQueue } from '../store/serial.js';
import { nameKey, type SystemRecord } from './system.js';

/**
 * Who changed the registry: KOMBIT approving a vendor's answer, `cli import`, the sync with KOMBIT's
 * list, an edit in code or a test (`edit`), or a writer that did not say (`external`: a file restored
 * by hand, an older version, a tool writing to the store directly).
 */
export type RegistryChangeSource = 'approval' | 'import' | 'sync' | 'edit' | 'external';

/** The record that changed: a system (by its name key) or a deadline (by `deadlineKey`). */
export type RegistryItem =
  | { type: 'system'; id: string; name: string }
  | { type: 'deadline'; id: string; solution: string; code: string | null; title: string };

/**
 * One field of one record that changed, after the change is durable. A record added or removed is one
 * change of the field `record`, with the whole record after (added) or before (removed). A deadline
 * without a KLIK code is known by its title and day, so a new day of one is removed + added; a system
 * is known by its name, so a renamed one is removed + added.
 * `updatedAt` is bookkeeping, not a change of its own.
 */
export interface RegistryChange {
  item: RegistryItem;
  field: string;
  before: unknown;
  after: unknown;
  source: RegistryChangeSource;
  /** When the change was written (ISO timestamp). */
  at: string;
  /**
   * Written by this process (false: read from another's journal entry, or found by comparing). With
   * several instances each hears every change; work that one of them must do once (a write-back) is
   * done by the one that wrote it.
   */
  writtenHere: boolean;
}

/** Whoever wants to hear of changes: all changes of one write come together, in one call. */
export type RegistryChangeHandler = (changes: readonly RegistryChange[]) => Promise<void> | void;

const IGNORED_FIELDS = new Set(['updatedAt']);

/** What differs between two registries, field by field. */
export function registryDiff(before: RegistryData, after: RegistryData, source: RegistryChangeSource, at: string, writtenHere: boolean): RegistryChange[] {
  const systemItem = (system: SystemRecord): RegistryItem => ({ type: 'system', id: nameKey(system.name), name: system.name });
  const deadlineItem = (deadline: Deadline): RegistryItem => ({
    type: 'deadline',
    id: deadlineKey(deadline),
    solution: deadline.solution,
    code: deadline.code,
    title: deadline.title,
  });
  return [
    ...diffRecords(before.systems, after.systems, (system) => nameKey(system.name), systemItem, source, at, writtenHere),
    ...diffRecords(before.deadlines, after.deadlines, deadlineKey, deadlineItem, source, at, writtenHere),
  ];
}

function diffRecords<R extends object>(
  before: readonly R[],
  after: readonly R[],
  keyOf: (record: R) => string,
  itemOf: (record: R) => RegistryItem,
  source: RegistryChangeSource,
  at: string,
  writtenHere: boolean,
): RegistryChange[] {
  const changes: RegistryChange[] = [];
  const old = new Map(before.map((record) => [keyOf(record), record]));
  const seen = new Set<string>();
  for (const record of after) {
    const key = keyOf(record);
    seen.add(key);
    const earlier = old.get(key);
    if (earlier === undefined) {
      changes.push({ item: itemOf(record), field: 'record', before: null, after: record, source, at, writtenHere });
      continue;
    }
    const fields = new Set([...Object.keys(earlier), ...Object.keys(record)]);
    for (const field of fields) {
      if (IGNORED_FIELDS.has(field)) continue;
      const was = (earlier as Record<string, unknown>)[field] ?? null;
      const is = (record as Record<string, unknown>)[field] ?? null;
      if (!isDeepStrictEqual(was, is)) changes.push({ item: itemOf(record), field, before: was, after: is, source, at, writtenHere });
    }
  }
  for (const [key, record] of old) if (!seen.has(key)) changes.push({ item: itemOf(record), field: 'record', before: record, after: null, source, at, writtenHere });
  return changes;
}

/** The key under which a change is known when it is read back from the journal and seen in a reload. */
export function changeKey(change: Pick<RegistryChange, 'item' | 'field' | 'after'>): string {
  return `${change.item.type}|${change.item.id}|${change.field}|${JSON.stringify(change.after)}`;
}

/**
 * Delivers changes to every subscriber, one write after another, in the order written; off the
 * writer's path (a subscriber may read what the writer is still finishing, e.g. the survey journal).
 * A subscriber that throws is logged; the others still get the change.
 */
export class RegistryChangeBus {
  private readonly handlers: { name: string; handle: RegistryChangeHandler }[] = [];
  private readonly deliveries = new SerialQueue();

  constructor(private readonly log?: Log) {}

  subscribe(name: string, handle: RegistryChangeHandler): () => void {
    const entry = { name, handle };
    this.handlers.push(entry);
    return () => {
      const index = this.handlers.indexOf(entry);
      if (index >= 0) this.handlers.splice(index, 1);
    };
  }

  emit(changes: readonly RegistryChange[]): void {
    if (changes.length === 0 || this.handlers.length === 0) return;
    const handlers = [...this.handlers];
    void this.deliveries.run(async () => {
      for (const { name, handle } of handlers) {
        try {
          await handle(changes);
        } catch (error) {
          this.log?.error({ err: error, subscriber: name, changes: changes.length }, 'a subscriber to registry changes failed');
        }
      }
    });
  }

  /** Resolves once every change emitted so far has been delivered (tests, a graceful stop). */
  delivered(): Promise<void> {
    return this.deliveries.idle();
  }
}

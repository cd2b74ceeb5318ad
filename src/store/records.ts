import { isStoredName } from './dataFiles.js';
import type { DocumentName } from './storage.js';

/**
 * A collection of keyed records' name, chosen by the one that keeps it ('conversations',
 * 'subscriptions'): like a journal's (isStoredName), so that every backend can use it as it is.
 */
export type RecordsName = string;

export function isRecordsName(name: string): boolean {
  return isStoredName(name);
}

/** A change as it is stored: the new value, or null for a deleted record. */
export type RecordChange<T> = [key: string, value: T | null];

export interface RecordsOptions<T> {
  /**
   * A second key each record can be found by in O(1) (the Azure AD object id of a personal chat's
   * user), lower-cased; null for a record that has none.
   */
  indexBy?: (value: T) => string | null;
  /**
   * The whole document this collection was kept in before: its entries are copied into records once,
   * the first time the collection is opened, and the document is then kept aside (`….migrated`).
   */
  legacy?: { document: DocumentName; entries: (data: Record<string, unknown>) => [string, T][] };
  /** Reads only: no migration, no repair, no writes (copying a storage as it is). */
  readOnly?: boolean;
}

/**
 * Records by key, each written on its own: a put or a delete costs the same with ten records as with
 * ten thousand (an appended line, or a row upserted), never a rewrite of the whole collection. Reads
 * are answered from memory, kept up to date with what other processes or instances write.
 *
 * Changes are visible to reads at once; the promise a change returns resolves when the change is
 * durable (changes made close together share one flush to the disk or one database round trip). A
 * change that could not be stored is undone in memory (unless a later change replaced it), and its
 * promise rejects.
 */
export interface KeyedRecords<T extends object> {
  readonly name: RecordsName;
  get(key: string): Promise<T | undefined>;
  /** The record whose `indexBy` is this (lower-cased); the most recently written when several are. */
  findBy(indexKey: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  /** False when there was no such record. */
  delete(key: string): Promise<boolean>;
  /** Every record with its key. */
  entries(): Promise<[string, T][]>;
  size(): Promise<number>;
  /** Resolves when every change asked for so far is durable (shutdown, tests). */
  flushed(): Promise<void>;
  /** Damage found while opening (a document of before set aside), or null; for /healthz. */
  problem?(): string | null;
}

/**
 * The records in memory, with the secondary index: what every backend answers reads from. Applying a
 * change costs O(1).
 */
export class RecordMap<T extends object> {
  readonly values = new Map<string, T>();
  private readonly index = new Map<string, Set<string>>();

  constructor(private readonly indexBy?: (value: T) => string | null) {}

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  findBy(indexKey: string): T | undefined {
    const keys = this.index.get(indexKey.toLowerCase());
    if (!keys) return undefined;
    let last: string | undefined;
    for (const key of keys) last = key;
    return last === undefined ? undefined : this.values.get(last);
  }

  /** Applies a stored change; returns the value the key had before. */
  apply([key, value]: RecordChange<T>): T | undefined {
    const before = this.values.get(key);
    if (before !== undefined) this.unindex(key, before);
    if (value === null) {
      this.values.delete(key);
    } else {
      this.values.set(key, value);
      const indexKey = this.indexBy?.(value)?.toLowerCase();
      if (indexKey) {
        // Re-inserted last: the most recently written record wins a lookup.
        const keys = this.index.get(indexKey) ?? new Set<string>();
        keys.delete(key);
        keys.add(key);
        this.index.set(indexKey, keys);
      }
    }
    return before;
  }

  private unindex(key: string, value: T): void {
    const indexKey = this.indexBy?.(value)?.toLowerCase();
    if (!indexKey) return;
    const keys = this.index.get(indexKey);
    keys?.delete(key);
    if (keys?.size === 0) this.index.delete(indexKey);
  }
}

/** Writes a batch of changes durably (one append, one statement); may apply others' changes first. */
export type BatchWriter<T> = (changes: RecordChange<T>[]) => Promise<void>;

interface Pending<T> {
  change: RecordChange<T>;
  /** The value before the first change of this key that is not durable yet: what a failure restores. */
  before: T | undefined;
}

/**
 * Group commit: changes asked for while a batch is being written wait for the next batch, so a burst
 * of N changes costs a few flushes, not N. Changes are applied to the map at once.
 */
export class GroupCommit<T extends object> {
  private pending = new Map<string, Pending<T>>();
  private waiters: { resolve(): void; reject(error: unknown): void }[] = [];
  /** Keys of the batch being written, with what a failure would restore. */
  private writing = new Map<string, Pending<T>>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly map: RecordMap<T>,
    private readonly write: BatchWriter<T>,
  ) {}

  /** Whether a change of this key is not durable yet (another writer's older change must not replace it). */
  isPending(key: string): boolean {
    return this.pending.has(key) || this.writing.has(key);
  }

  /** Changes not handed to a batch yet, with the durable value each replaces (what a snapshot must keep). */
  unwritten(): Iterable<[string, T | undefined]> {
    return [...this.pending].map(([key, entry]) => [key, entry.before] as [string, T | undefined]);
  }

  change(change: RecordChange<T>): Promise<void> {
    const [key] = change;
    const before = this.map.apply(change);
    const known = this.pending.get(key);
    this.pending.set(key, { change, before: known ? known.before : before });
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.running ??= this.drain();
    return durable;
  }

  /** Resolves when everything asked for so far is durable (or failed). */
  async flushed(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Lets the changes of the same tick (and of requests arriving together) join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.size > 0) {
      this.writing = this.pending;
      this.pending = new Map();
      const waiters = this.waiters;
      this.waiters = [];
      try {
        await this.write([...this.writing.values()].map((entry) => entry.change));
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const [key, entry] of this.writing) {
          const newer = this.pending.get(key);
          // A later change of the key is still to be written: it decides, and a failure of it restores this one's before.
          if (newer) newer.before = entry.before;
          else this.map.apply([key, entry.before ?? null]);
        }
        for (const waiter of waiters) waiter.reject(error);
      } finally {
        this.writing = new Map();
      }
    }
    this.running = null;
  }
}

/**
 * What every backend's keyed records share: answers from a map in memory, changes through a group
 * commit, another process's changes taken in by `refresh` (`missed`: the record asked for is not in
 * memory, so look now). A backend gives its loading, its refreshing and its batch writing.
 */
export abstract class CachedRecords<T extends object> implements KeyedRecords<T> {
  protected readonly map: RecordMap<T>;
  protected readonly commits: GroupCommit<T>;
  private loaded: Promise<void> = Promise.resolve();

  protected constructor(
    readonly name: string,
    protected readonly options: RecordsOptions<T>,
  ) {
    this.map = new RecordMap(options.indexBy);
    this.commits = new GroupCommit(this.map, (changes) => this.writeBatch(changes));
  }

  /** Called once by the backend's constructor, when its own fields are set. */
  protected startLoading(): void {
    this.loaded = this.load();
    // Failure is reported to whoever reads or writes first; this keeps it from being unhandled meanwhile.
    this.loaded.catch(() => undefined);
  }

  protected abstract load(): Promise<void>;
  protected abstract refresh(missed: boolean): Promise<void>;
  protected abstract writeBatch(changes: RecordChange<T>[]): Promise<void>;
  protected abstract describe(): string;

  async get(key: string): Promise<T | undefined> {
    await this.loaded;
    await this.refresh(this.map.get(key) === undefined);
    return this.map.get(key);
  }

  async findBy(indexKey: string): Promise<T | undefined> {
    await this.loaded;
    await this.refresh(this.map.findBy(indexKey) === undefined);
    return this.map.findBy(indexKey);
  }

  async put(key: string, value: T): Promise<void> {
    await this.loaded;
    this.assertWritable();
    return this.commits.change([key, value]);
  }

  async delete(key: string): Promise<boolean> {
    await this.loaded;
    this.assertWritable();
    await this.refresh(this.map.get(key) === undefined);
    if (this.map.get(key) === undefined) return false;
    await this.commits.change([key, null]);
    return true;
  }

  async entries(): Promise<[string, T][]> {
    await this.loaded;
    await this.refresh(true);
    return [...this.map.values.entries()];
  }

  async size(): Promise<number> {
    await this.loaded;
    return this.map.values.size;
  }

  async flushed(): Promise<void> {
    await this.loaded.catch(() => undefined);
    await this.commits.flushed();
  }

  private assertWritable(): void {
    if (this.options.readOnly) throw new Error(`${this.describe()} was opened to be read only`);
  }
}

import type { Log } from '../log.js';
import type { Clock } from '../time/clock.js';
import type { RegistryChange as RegistryEdit, RegistryData, RegistryStore } from '../store/registryStore.js';
import type { EventLog, Storage } from '../store/storage.js';
import { changeKey, registryDiff, RegistryChangeBus, type RegistryChange, type RegistryChangeHandler, type RegistryChangeSource } from './changes.js';
import { Registry } from './registry.js';

/** How often a running bot looks whether the stored registry changed (an import by the CLI). */
const RECHECK_MS = 1000;

/** The journal of registry changes: which write changed what, and who wrote it. */
export const REGISTRY_CHANGES_JOURNAL = 'registryChanges';

/** One write's changes, as journalled for other processes and for a subscriber catching up. */
export interface RegistryChangeEntry {
  at: string;
  source: RegistryChangeSource;
  changes: RegistryChange[];
}

export interface RegistryWriteOptions {
  /** Who changes it; `edit` unless told. */
  source?: RegistryChangeSource;
  /** Runs once the change is stored, while no one else can write (to record what caused it). */
  afterWrite?: () => Promise<void>;
}

/**
 * Hands out the current registry snapshot, reloading it when the store changed underneath, and tells
 * subscribers what changed (`changes`), once each change is durable:
 * - a write through `update` or `write` (approval, import, sync) is told at once, with its source, and
 *   journalled (`registryChanges`) for the other processes;
 * - a change another process made (`cli import` while the bot runs, another instance on PostgreSQL)
 *   is told at the next reload, with the source that process journalled; a change nobody journalled
 *   (a file restored by hand) is told as `external`, found by comparing the registry before and after.
 */
export class RegistryService {
  private snapshot: Registry | null = null;
  private data: RegistryData | null = null;
  private revision: string | null = null;
  private checkedAt = -Infinity;
  private loading: Promise<Registry> | null = null;
  /** Changes already told (own writes, journal entries read), not to be told again as `external`. */
  private readonly told = new Set<string>();
  /** Found by comparing at the last reload, told as `external` at the next one unless a journal entry names them. */
  private unaccounted: RegistryChange[] = [];
  private journalOpened: Promise<void> | null = null;

  /** Subscribe here to hear of every change of the registry. */
  readonly changes: RegistryChangeBus;

  constructor(
    private readonly store: RegistryStore,
    private readonly clock: Clock,
    private readonly log?: Log,
    private readonly journal?: EventLog<RegistryChangeEntry>,
  ) {
    this.changes = new RegistryChangeBus(log);
  }

  /** The registry of a storage, with its change journal. */
  static of(storage: Storage, clock: Clock, log?: Log): RegistryService {
    return new RegistryService(storage.registry, clock, log, storage.journal<RegistryChangeEntry>(REGISTRY_CHANGES_JOURNAL));
  }

  subscribe(name: string, handler: RegistryChangeHandler): () => void {
    return this.changes.subscribe(name, handler);
  }

  async current(): Promise<Registry> {
    const now = this.clock.now().getTime();
    if (this.snapshot !== null && now - this.checkedAt < RECHECK_MS) return this.snapshot;
    this.loading ??= this.refresh(now).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Looks at the store again at the next read (after another writer changed it in this process). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /**
   * Changes the stored registry through the store's one write path (one writer at a time, across
   * processes) and answers from the change at once.
   */
  async update(change: RegistryEdit, options: RegistryWriteOptions = {}): Promise<Registry> {
    await this.write(change, options);
    return this.current();
  }

  /** Like `update`; says whether anything was written. */
  async write(change: RegistryEdit, options: RegistryWriteOptions = {}): Promise<boolean> {
    const source = options.source ?? 'edit';
    const at = this.clock.now().toISOString();
    let changes: RegistryChange[] = [];
    try {
      const written = await this.store.update(
        async (data, stored) => {
          const before = structuredClone(data);
          const next = await change(data, stored);
          changes = next === null ? [] : registryDiff(before, next, source, at, true);
          return next;
        },
        async () => {
          await options.afterWrite?.();
          await this.journalChanges({ at, source, changes });
        },
      );
      if (written) {
        for (const one of changes) this.told.add(changeKey(one));
        this.changes.emit(changes);
      }
      return written;
    } finally {
      this.checkedAt = -Infinity;
    }
  }

  /**
   * Every change journalled after the entry number `after` (0: all), oldest first: how a subscriber
   * that must not miss one catches up after a crash, keeping the number of the last entry it handled.
   * Pass a journal of its own (`storage.journal(REGISTRY_CHANGES_JOURNAL)`): reading moves its place.
   */
  static async journalledSince(journal: EventLog<RegistryChangeEntry>, after: number): Promise<{ entries: RegistryChangeEntry[]; last: number }> {
    const all = await journal.open();
    return { entries: all.slice(after), last: all.length };
  }

  /** Resolves once every change told so far reached every subscriber. */
  delivered(): Promise<void> {
    return this.changes.delivered();
  }

  private async journalChanges(entry: RegistryChangeEntry): Promise<void> {
    if (!this.journal || entry.changes.length === 0) return;
    try {
      await this.openJournal();
      await this.journal.transact(async (written, append) => {
        // What others wrote before this: told first, in the order written.
        this.takeJournalled(written);
        await append(entry);
      });
    } catch (error) {
      // The change is stored; other processes then see it as `external` when they reload.
      this.log?.error({ err: error }, 'could not journal a registry change; other processes see it without its source');
    }
  }

  /** Reads past the journal's history once: only what is written from now on is news. */
  private openJournal(): Promise<void> {
    this.journalOpened ??= (async () => {
      await this.journal?.open();
    })();
    return this.journalOpened;
  }

  /**
   * Tells what other processes journalled. A change the last reload already found (waiting as
   * unaccounted) is settled by its entry; any other is remembered as told, for the next reload.
   */
  private takeJournalled(entries: readonly RegistryChangeEntry[]): void {
    for (const entry of entries) {
      const changes = (entry.changes ?? []).map((change) => ({ ...change, writtenHere: false }));
      for (const change of changes) {
        const key = changeKey(change);
        const waiting = this.unaccounted.findIndex((candidate) => changeKey(candidate) === key);
        if (waiting >= 0) this.unaccounted.splice(waiting, 1);
        else this.told.add(key);
      }
      this.changes.emit(changes);
    }
  }

  private async refresh(now: number): Promise<Registry> {
    try {
      return await this.reloadIfChanged(now);
    } catch (error) {
      // A store that fails for a moment must not stop the answers: keep the last good registry and try
      // again at the next check. Without one (at start) there is nothing to fall back on.
      if (this.snapshot === null) throw error;
      this.checkedAt = now;
      this.log?.error({ err: error }, 'could not reload the registry; answering from the last one loaded');
      return this.snapshot;
    }
  }

  private async reloadIfChanged(now: number): Promise<Registry> {
    const revision = await this.store.revision();
    this.checkedAt = now;
    if (this.snapshot === null) await this.openJournal().catch((error: unknown) => this.log?.error({ err: error }, 'could not read the registry change journal'));
    const changed = this.snapshot === null || revision !== this.revision;
    let data = this.data;
    if (changed) {
      data = await this.store.read();
      const registry = new Registry(data);
      // Build the name index now, on load, rather than inside the first question after it.
      void registry.matcher;
      this.snapshot = registry;
      this.revision = revision;
    }
    if (this.snapshot !== null && this.data !== null) await this.tellOthersChanges(changed ? data : null);
    this.data = data;
    return this.snapshot!;
  }

  /**
   * What other processes changed: their journal entries, with their source; then what the registry
   * shows changed that no entry named, told as `external` one check later (an entry is written just
   * after the registry, so it may not be there yet at the moment the new registry is seen).
   */
  private async tellOthersChanges(newData: RegistryData | null): Promise<void> {
    if (this.journal) {
      try {
        await this.openJournal();
        this.takeJournalled(await this.journal.readNew());
      } catch (error) {
        this.log?.error({ err: error }, 'could not read the registry change journal');
      }
    }
    this.changes.emit(this.unaccounted);
    this.unaccounted = [];
    if (newData !== null && this.data !== null) {
      const found = registryDiff(this.data, newData, 'external', this.clock.now().toISOString(), false);
      this.unaccounted = found.filter((change) => !this.told.has(changeKey(change)));
      for (const change of found) this.told.delete(changeKey(change));
    }
  }
}

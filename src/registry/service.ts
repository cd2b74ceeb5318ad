import type { Log } from '../log.js';
import type { Clock } from '../time/clock.js';
import type { RegistryChange, RegistryStore } from '../store/registryStore.js';
import { Registry } from './registry.js';

/** How often a running bot looks whether the stored registry changed (an import by the CLI). */
const RECHECK_MS = 1000;

/** Hands out the current registry snapshot, reloading it when the store changed underneath. */
export class RegistryService {
  private snapshot: Registry | null = null;
  private revision: string | null = null;
  private checkedAt = -Infinity;
  private loading: Promise<Registry> | null = null;

  constructor(
    private readonly store: RegistryStore,
    private readonly clock: Clock,
    private readonly log?: Log,
  ) {}

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
   * processes) and answers from the change at once. `afterWrite` runs while no one else can write.
   */
  async update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<Registry> {
    try {
      await this.store.update(change, afterWrite);
    } finally {
      this.checkedAt = -Infinity;
    }
    return this.current();
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
    if (this.snapshot === null || revision !== this.revision) {
      const registry = new Registry(await this.store.read());
      // Build the name index now, on load, rather than inside the first question after it.
      void registry.matcher;
      this.snapshot = registry;
      this.revision = revision;
    }
    return this.snapshot;
  }
}

import { SerialQueue } from './serial.js';
import { emptyRegistryData, type RegistryData } from '../registry/registryData.js';

/** What the registry holds is the registry's to define (src/registry/registryData.ts); the store keeps it. */
export type { RegistryData };

/**
 * A change to the registry: the new data, or null to leave it as it is. `stored.empty` is true when
 * nothing has ever been stored (the seed fills only an empty store).
 */
export type RegistryChange = (data: RegistryData, stored: { empty: boolean }) => RegistryData | null | Promise<RegistryData | null>;

/**
 * Where the registry lives. Small on purpose: a shared database can replace the file later.
 * `revision()` changes whenever the stored data changes, so a running bot can notice that the CLI
 * imported new data.
 */
export interface RegistryStore {
  read(): Promise<RegistryData>;
  /**
   * The one way to change the registry (import, sync, approval, seed): reads the newest data, applies
   * `change` and stores the result atomically, with no other writer in between, in this process or
   * another. `afterWrite` runs once the result is stored, still alone (to record what caused it).
   * Returns whether anything was written.
   */
  update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<boolean>;
  revision(): Promise<string>;
  /** True when nothing has ever been stored. */
  isEmpty(): Promise<boolean>;
  /** A problem the operator must hear about (e.g. answering from the last good copy), or null. */
  problem?(): string | null;
}

/** Keeps the registry in memory; for tests and benchmarks. */
export class MemoryRegistryStore implements RegistryStore {
  private data: RegistryData | null;
  private counter = 0;
  private readonly writes = new SerialQueue();

  constructor(initial?: RegistryData) {
    this.data = initial === undefined ? null : structuredClone(initial);
  }

  async read(): Promise<RegistryData> {
    return structuredClone(this.data ?? emptyRegistryData());
  }

  update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<boolean> {
    return this.writes.run(async () => {
      const changed = await change(await this.read(), { empty: this.data === null });
      if (changed === null) return false;
      this.data = structuredClone(changed);
      this.counter += 1;
      await afterWrite?.();
      return true;
    });
  }

  async revision(): Promise<string> {
    return String(this.counter);
  }

  async isEmpty(): Promise<boolean> {
    return this.data === null;
  }
}

import type { Deadline } from '../deadlines/deadline.js';
import type { SystemRecord } from '../registry/system.js';

export interface RegistryData {
  systems: SystemRecord[];
  deadlines: Deadline[];
}

/**
 * Where the registry lives. Small on purpose: a shared database can replace the file later.
 * `revision()` changes whenever the stored data changes, so a running bot can notice that the CLI
 * imported new data.
 */
export interface RegistryStore {
  read(): Promise<RegistryData>;
  /** Replaces the stored data atomically: readers see the old or the new data, never a mix. */
  write(data: RegistryData): Promise<void>;
  revision(): Promise<string>;
  /** True when nothing has ever been stored. */
  isEmpty(): Promise<boolean>;
}

/**
 * Data as stored by an older version, brought to today's shape: deadlines written before KLIK
 * status existed have none (unknown), never a guessed one.
 */
export function normaliseRegistryData(data: { systems?: SystemRecord[]; deadlines?: Partial<Deadline>[] }): RegistryData {
  return {
    systems: data.systems ?? [],
    deadlines: (data.deadlines ?? []).map((deadline) => ({ ...deadline, klikStatus: deadline.klikStatus ?? null }) as Deadline),
  };
}

export function emptyRegistryData(): RegistryData {
  return { systems: [], deadlines: [] };
}

/** Keeps the registry in memory; for tests and benchmarks. */
export class MemoryRegistryStore implements RegistryStore {
  private data: RegistryData | null;
  private counter = 0;

  constructor(initial?: RegistryData) {
    this.data = initial === undefined ? null : structuredClone(initial);
  }

  async read(): Promise<RegistryData> {
    return structuredClone(this.data ?? emptyRegistryData());
  }

  async write(data: RegistryData): Promise<void> {
    this.data = structuredClone(data);
    this.counter += 1;
  }

  async revision(): Promise<string> {
    return String(this.counter);
  }

  async isEmpty(): Promise<boolean> {
    return this.data === null;
  }
}

import { SerialQueue } from './serial.js';
import type { Deadline } from '../deadlines/deadline.js';
import { formatDay } from '../i18n/format.js';
import type { SystemRecord } from '../registry/system.js';

export interface RegistryData {
  systems: SystemRecord[];
  deadlines: Deadline[];
}

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

/** The provenance older versions wrote for an approved answer, naming the vendor's contact and the admin. */
const NAMED_APPROVAL = /^Leverandørens svar \(.*\), godkendt af .* (\d{4}-\d{2}-\d{2})$/s;

/**
 * Data as stored by an older version, brought to today's shape: deadlines written before KLIK
 * status existed have none (unknown), never a guessed one; an approval's provenance names
 * organisations, not the people (who stay in the survey history).
 */
export function normaliseRegistryData(data: { systems?: SystemRecord[]; deadlines?: Partial<Deadline>[] }): RegistryData {
  return {
    systems: (data.systems ?? []).map((system) => {
      const approvedOn = system.source?.match(NAMED_APPROVAL)?.[1];
      return approvedOn ? { ...system, source: `Leverandørens svar, godkendt af KOMBIT ${formatDay(approvedOn, 'da')}` } : system;
    }),
    deadlines: (data.deadlines ?? []).map((deadline) => ({ ...deadline, klikStatus: deadline.klikStatus ?? null, from: deadline.from ?? null, note: deadline.note ?? null }) as Deadline),
  };
}

export function emptyRegistryData(): RegistryData {
  return { systems: [], deadlines: [] };
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

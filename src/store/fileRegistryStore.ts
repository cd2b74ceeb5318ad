import { Low } from 'lowdb';
import path from 'node:path';
import type { Log } from '../log.js';
import { checkStoredRegistry, emptyRegistryData, type RegistryData } from '../registry/registryData.js';
import { DATA_FILES } from './dataFiles.js';
import { DurableJsonFile } from './durableJsonFile.js';
import { fileExists } from './missingFile.js';
import type { RegistryChange, RegistryStore } from './registryStore.js';

/** The registry file cannot be read and there is no good copy to answer from. */
export class RegistryUnreadableError extends Error {}

/**
 * The registry as one JSON file in the data folder, kept by lowdb's `Low` through our adapter
 * (DurableJsonFile). Every change is a read-modify-write under a lock that the CLI and the bot both
 * take, written to a temporary file of its own, flushed and renamed; after each write the same data
 * is kept as `registry.last-good.json`. When `registry.json` cannot be read (damaged by hand, by a
 * disk, by an older version), the bot answers from that copy and says so loudly in the log and on
 * /healthz; the next change sets the damaged file aside (`registry.json.damaged-<time>`) before
 * replacing it. What a usable record is, and how older data is brought up to date, is the registry's
 * (checkStoredRegistry): the store only keeps the file.
 */
export class FileRegistryStore implements RegistryStore {
  readonly file: string;
  private readonly adapter: DurableJsonFile<RegistryData>;
  private readonly db: Low<RegistryData>;
  private damage: string | null = null;

  constructor(
    dataDir: string,
    private readonly log?: Log,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, DATA_FILES.registry);
    this.adapter = new DurableJsonFile(this.file, checkStoredRegistry, log);
    this.db = new Low(this.adapter, emptyRegistryData());
  }

  get lastGood(): string {
    return this.adapter.lastGood;
  }

  async read(): Promise<RegistryData> {
    return (await this.load()).data;
  }

  update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<boolean> {
    return this.adapter.locked(async () => {
      const current = await this.load();
      const next = await change(structuredClone(current.data), { empty: current.empty });
      if (next === null) return false;
      if (current.damaged) await this.keepDamagedAside();
      this.db.data = next;
      await this.db.write();
      this.damage = null;
      await afterWrite?.();
      return true;
    });
  }

  async revision(): Promise<string> {
    return this.adapter.version();
  }

  /** Neither the file nor its last good copy exists (as `load` decides), known without reading them. */
  async isEmpty(): Promise<boolean> {
    return !(await fileExists(this.file)) && !(await fileExists(this.lastGood));
  }

  problem(): string | null {
    return this.damage;
  }

  /**
   * The registry to answer from. Read with the adapter's `inspect`, not lowdb's `read`: falling back to
   * the last good copy needs to know whether the file was missing, damaged, or had records left out.
   */
  private async load(): Promise<{ data: RegistryData; empty: boolean; damaged: boolean }> {
    const main = await this.adapter.inspect('file');
    if (main.kind === 'ok' && main.leftOut.length === 0) {
      this.damage = null;
      return { data: main.value, empty: false, damaged: false };
    }
    const copy = await this.adapter.inspect('lastGood');
    if (main.kind === 'ok') {
      // Records that are not records (null, no name): the last good copy when it is whole, else the rest.
      const what = `${main.leftOut.length} record(s) in ${path.basename(this.file)} are invalid (${main.leftOut.slice(0, 5).join('; ')})`;
      if (copy.kind === 'ok' && copy.leftOut.length === 0) return this.fromCopy(copy.value, what);
      const problem = `${what}: set aside; answering from the other records`;
      if (this.damage !== problem) this.log?.error({ file: path.basename(this.file), setAside: main.leftOut }, problem);
      this.damage = problem;
      return { data: main.value, empty: false, damaged: true };
    }
    if (main.kind === 'missing' && copy.kind === 'missing') return { data: emptyRegistryData(), empty: true, damaged: false };
    if (main.kind === 'missing' && copy.kind === 'ok') {
      // Deleted by hand: the copy is what was last stored, not an empty registry to seed.
      return this.fromCopy(copy.value, `${this.file} is missing`);
    }
    const reason = main.kind === 'damaged' ? main.reason : 'missing';
    if (copy.kind !== 'ok') {
      throw new RegistryUnreadableError(
        `The registry ${this.file} cannot be read (${reason}) and there is no good copy (${this.lastGood}). ` +
          'Restore it from a backup, or move it away to start again from the starter data.',
      );
    }
    return this.fromCopy(copy.value, `${this.file} cannot be read (${reason})`);
  }

  private fromCopy(value: RegistryData, why: string): { data: RegistryData; empty: boolean; damaged: boolean } {
    const problem = `${why}: answering from the last good copy ${this.lastGood}; the next change replaces it`;
    if (this.damage !== problem) this.log?.error({ file: this.file, lastGood: this.lastGood }, problem);
    this.damage = problem;
    return { data: value, empty: false, damaged: true };
  }

  private async keepDamagedAside(): Promise<void> {
    const aside = await this.adapter.setAside(this.now(), 'copy');
    if (aside !== null) this.log?.warn({ file: this.file, keptAside: aside }, 'the damaged registry file was kept aside before it was replaced');
  }
}

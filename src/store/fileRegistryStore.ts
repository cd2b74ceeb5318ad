import { DATA_FILES } from './dataFiles.js';
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomicFile.js';
import { withFileLock } from './fileLock.js';
import { fileExists, readTextIfExists } from './missingFile.js';
import { emptyRegistryData, normaliseRegistryData, type RegistryChange, type RegistryData, type RegistryStore } from './registryStore.js';

/** The registry file cannot be read and there is no good copy to answer from. */
export class RegistryUnreadableError extends Error {}

/**
 * The registry as one JSON file in the data folder. Every change is a read-modify-write under a lock
 * that the CLI and the bot both take, written to a temporary file of its own, flushed and renamed
 * (see writeFileAtomic). After each write the same data is kept as `registry.last-good.json`: when
 * `registry.json` cannot be read (damaged by hand, by a disk, by an older version), the bot answers
 * from that copy and says so loudly in the log and on /healthz; the next change sets the damaged file
 * aside (`registry.json.damaged-<time>`) before replacing it.
 */
export class FileRegistryStore implements RegistryStore {
  readonly file: string;
  readonly lastGood: string;
  private damage: string | null = null;

  constructor(
    dataDir: string,
    private readonly log?: Log,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, DATA_FILES.registry);
    this.lastGood = path.join(dataDir, DATA_FILES.registryLastGood);
  }

  async read(): Promise<RegistryData> {
    return (await this.load()).data;
  }

  update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<boolean> {
    return withFileLock(
      this.file,
      async () => {
        const current = await this.load();
        const next = await change(structuredClone(current.data), { empty: current.empty });
        if (next === null) return false;
        if (current.damaged) await this.setDamagedAside();
        const text = `${JSON.stringify(next, null, 2)}\n`;
        await writeFileAtomic(this.file, text);
        await writeFileAtomic(this.lastGood, text);
        this.damage = null;
        await afterWrite?.();
        return true;
      },
      this.log,
    );
  }

  async revision(): Promise<string> {
    try {
      const info = await stat(this.file);
      return `${info.mtimeMs}:${info.size}:${info.ino}`;
    } catch {
      return 'missing';
    }
  }

  /** Neither the file nor its last good copy exists (as `load` decides), known without reading them. */
  async isEmpty(): Promise<boolean> {
    return !(await fileExists(this.file)) && !(await fileExists(this.lastGood));
  }

  problem(): string | null {
    return this.damage;
  }

  private async load(): Promise<{ data: RegistryData; empty: boolean; damaged: boolean }> {
    const main = await readJson(this.file);
    if (main.kind === 'ok' && main.setAside.length === 0) {
      this.damage = null;
      return { data: normaliseRegistryData(main.value as RegistryData), empty: false, damaged: false };
    }
    const copy = await readJson(this.lastGood);
    if (main.kind === 'ok') {
      // Records that are not records (null, no name): the last good copy when it is whole, else the rest.
      const what = `${main.setAside.length} record(s) in ${path.basename(this.file)} are invalid (${main.setAside.slice(0, 5).join('; ')})`;
      if (copy.kind === 'ok' && copy.setAside.length === 0) return this.fromCopy(copy.value, what);
      const problem = `${what}: set aside; answering from the other records`;
      if (this.damage !== problem) this.log?.error({ file: path.basename(this.file), setAside: main.setAside }, problem);
      this.damage = problem;
      return { data: normaliseRegistryData(main.value as RegistryData), empty: false, damaged: true };
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

  private fromCopy(value: unknown, why: string): { data: RegistryData; empty: boolean; damaged: boolean } {
    const problem = `${why}: answering from the last good copy ${this.lastGood}; the next change replaces it`;
    if (this.damage !== problem) this.log?.error({ file: this.file, lastGood: this.lastGood }, problem);
    this.damage = problem;
    return { data: normaliseRegistryData(value as RegistryData), empty: false, damaged: true };
  }

  private async setDamagedAside(): Promise<void> {
    const aside = `${this.file}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await copyFile(this.file, aside);
      this.log?.warn({ file: this.file, keptAside: aside }, 'the damaged registry file was kept aside before it was replaced');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** A readable registry file: its valid records, and what was set aside (which record, why). */
type JsonRead = { kind: 'ok'; value: RegistryData; setAside: string[] } | { kind: 'missing' } | { kind: 'damaged'; reason: string };

/** What a stored record needs at least for the bot to use it; the rest is as the importer checked it. */
const storedSystem = z.looseObject({
  name: z.string().trim().min(1),
  aliases: z.array(z.string()).optional(),
  ch2Date: z.string().nullable().optional(),
  sts2Date: z.string().nullable().optional(),
});
const storedDeadline = z.looseObject({ solution: z.string().trim().min(1), title: z.string(), deadline: z.string().nullable().optional() });

function validRecords<T>(list: unknown[], shape: z.ZodType<T>, kind: string, setAside: string[]): T[] {
  const kept: T[] = [];
  list.forEach((record, index) => {
    const checked = shape.safeParse(record);
    if (checked.success) kept.push(record as T);
    else setAside.push(`${kind} #${index + 1}: ${record === null ? 'null' : checked.error.issues.map((issue) => issue.path.join('.') || 'record').join(', ')}`);
  });
  return kept;
}

async function readJson(file: string): Promise<JsonRead> {
  const text = await readTextIfExists(file);
  if (text === null) return { kind: 'missing' };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !Array.isArray((value as { systems?: unknown }).systems)) {
      return { kind: 'damaged', reason: 'not a registry: no "systems" list' };
    }
    const { systems, deadlines } = value as { systems: unknown[]; deadlines?: unknown };
    if (deadlines !== undefined && !Array.isArray(deadlines)) return { kind: 'damaged', reason: 'not a registry: "deadlines" is not a list' };
    const setAside: string[] = [];
    const records = {
      ...(value as object),
      systems: validRecords(systems, storedSystem, 'system', setAside),
      deadlines: validRecords(deadlines ?? [], storedDeadline, 'deadline', setAside),
    } as unknown as RegistryData;
    return { kind: 'ok', value: records, setAside };
  } catch (error) {
    return { kind: 'damaged', reason: (error as Error).message };
  }
}

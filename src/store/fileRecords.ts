import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomicFile.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { Journal } from './journal.js';
import { fileExists } from './missingFile.js';
import type { JsonDocument } from './jsonDocument.js';
import { CachedRecords, type RecordChange, type RecordsOptions } from './records.js';

/** One line of a records file: the changes of one batch, in order. */
interface RecordsLine<T> {
  changes: RecordChange<T>[];
}

/** Compacting pays once the file holds this many more changes than there are records, and most are superseded. */
const COMPACT_AFTER_CHANGES = 2_000;
/** Records per line of a compacted file: lines stay a few hundred KB at most. */
const RECORDS_PER_LINE = 500;

/**
 * Keyed records as a journal of changes in DATA_DIR (`<name>.records.jsonl`), replayed into memory
 * when opened. A batch of changes is one appended line, flushed (fdatasync) once; a crash can only cut
 * off a line that was never acknowledged, and the journal repairs that. When most of the file is
 * superseded changes, it is rewritten as the records alone (atomically: a reader sees the old file or
 * the new). Other processes' appends are read before each batch and before every read that misses.
 */
export class FileRecords<T extends object> extends CachedRecords<T> {
  private journal: Journal<RecordsLine<T>>;
  /** Changes in the file: compared with the records they add up to, to decide when to compact. */
  private changesInFile = 0;

  constructor(
    name: string,
    private readonly file: string,
    private readonly legacyDocument: JsonDocument<Record<string, unknown>> | null,
    options: RecordsOptions<T>,
    private readonly log?: Log,
    private readonly io: DiskIo = diskIo,
  ) {
    super(name, options);
    this.journal = new Journal(file, log, undefined, io);
    this.startLoading();
  }

  protected describe(): string {
    return this.file;
  }

  protected async load(): Promise<void> {
    const lines = this.options.readOnly ? await this.journal.readNew() : await this.journal.open();
    for (const line of lines) this.applyLine(line);
    if (this.options.readOnly) return;
    await this.migrateLegacy();
    if (this.shouldCompact()) await this.compact();
  }

  /** The whole document of before: its records are written (those not written since), then it is kept aside. */
  private async migrateLegacy(): Promise<void> {
    const { legacy } = this.options;
    const document = this.legacyDocument;
    if (!legacy || !document) return;
    if (!(await fileExists(document.file))) return;
    const data = await document.read();
    const fresh = legacy.entries(data).filter(([key]) => this.map.get(key) === undefined);
    await Promise.all(fresh.map(([key, value]) => this.commits.change([key, value])));
    await rename(document.file, `${document.file}.migrated`);
    this.log?.info({ from: path.basename(document.file), to: path.basename(this.file), records: fresh.length }, 'moved a whole-document file to keyed records; the old file is kept as .migrated');
  }

  /** Damage found in the document of before while moving it over (set aside, its last good copy used), or null. */
  problem(): string | null {
    return this.legacyDocument?.problem() ?? null;
  }

  /** Reads what other processes appended since (a stat when nothing was); only when a record was missed or all are read. */
  protected async refresh(missed: boolean): Promise<void> {
    if (!missed) return;
    if (!(await this.journal.changedSinceRead())) return;
    for (const line of await this.journal.readNew()) this.applyLine(line, true);
  }

  private applyLine(line: RecordsLine<T>, fromOthers = false): void {
    for (const change of line.changes ?? []) {
      this.changesInFile += 1;
      // A change of ours not yet on disk comes after this one in the file: it decides.
      if (fromOthers && this.commits.isPending(change[0])) continue;
      this.map.apply(change);
    }
  }

  protected async writeBatch(changes: RecordChange<T>[]): Promise<void> {
    await this.journal.transact(async (written, append) => {
      for (const line of written) this.applyLine(line, true);
      await append({ changes });
    });
    this.changesInFile += changes.length;
    if (!this.shouldCompact()) return;
    // The batch is durable whatever happens here: a compaction that fails is tried again later.
    await this.compact().catch((error: unknown) => this.log?.error({ err: error, file: this.file }, 'could not compact a records file; it is tried again after more changes'));
  }

  private shouldCompact(): boolean {
    return this.changesInFile > COMPACT_AFTER_CHANGES && this.changesInFile > 2 * this.map.values.size;
  }

  /**
   * Rewrites the file as the records alone, under the journal's lock (after what others appended), and
   * reads it anew through a fresh journal, so that its offsets are those of the new file.
   */
  private async compact(): Promise<void> {
    const before = this.changesInFile;
    await this.journal.transact(async (written) => {
      for (const line of written) this.applyLine(line, true);
      // What is durable: a change not yet written is left out, the value it replaces kept.
      const durable = new Map(this.map.values);
      for (const [key, before] of this.commits.unwritten()) {
        if (before === undefined) durable.delete(key);
        else durable.set(key, before);
      }
      const entries = [...durable.entries()];
      const lines: string[] = [];
      for (let start = 0; start < entries.length; start += RECORDS_PER_LINE) {
        lines.push(`${JSON.stringify({ changes: entries.slice(start, start + RECORDS_PER_LINE) })}\n`);
      }
      await writeFileAtomic(this.file, lines.join(''));
    });
    this.journal = new Journal(this.file, this.log, undefined, this.io);
    this.changesInFile = 0;
    for (const line of await this.journal.readNew()) this.applyLine(line, true);
    this.log?.info({ file: this.file, changesBefore: before, records: this.map.values.size }, 'compacted a records file');
  }
}

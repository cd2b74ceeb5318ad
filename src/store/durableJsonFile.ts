import type { Adapter } from 'lowdb';
import { copyFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomicFile.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { withFileLock } from './fileLock.js';
import { readTextIfExists } from './missingFile.js';

/**
 * How a file's parsed JSON is told apart from damage, given by whoever owns the data: the value to use
 * (with the parts left out, named), or why it cannot be used at all.
 */
export type JsonCheck<T> = (value: unknown) => { ok: true; value: T; leftOut: string[] } | { ok: false; reason: string };

/** A file as read: its value (and what the check left out), no file, or damaged (not JSON, or not the shape). */
export type JsonFileRead<T> = { kind: 'ok'; value: T; leftOut: string[] } | { kind: 'missing' } | { kind: 'damaged'; reason: string };

/** The file holds something that is not JSON, or not of the shape its reader needs. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} is damaged: ${reason}`);
    this.name = 'DamagedFileError';
  }
}

/**
 * lowdb's adapter for one JSON file in the data folder, with the store's guarantees: a write goes to a
 * temporary file of its own, is flushed, renamed over the file and the folder flushed (writeFileAtomic,
 * through the DiskIo seam, so a full disk throws StoreWriteError and leaves the file as it was); then the
 * same text is kept as `<name>.last-good.json`. `read` is null when there is no file and throws
 * DamagedFileError when the file is not JSON or fails the check.
 *
 * lowdb reads and writes but does not lock: a change is `locked(() => read, change, write)`, one at a
 * time in this process and across processes (the CLI and the bot) by the file's lock.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly lastGood: string;

  constructor(
    readonly file: string,
    private readonly check: JsonCheck<T>,
    private readonly log?: Log,
    private readonly io: DiskIo = diskIo,
  ) {
    this.lastGood = file.replace(/\.json$/, '') + '.last-good.json';
  }

  async read(): Promise<T | null> {
    const read = await this.inspect('file');
    if (read.kind === 'damaged') throw new DamagedFileError(path.basename(this.file), read.reason);
    return read.kind === 'ok' ? read.value : null;
  }

  async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileAtomic(this.file, text, this.io);
    await writeFileAtomic(this.lastGood, text, this.io);
  }

  /** Writes the file alone, leaving the last good copy as it is (when the data came from that copy). */
  async writeFileOnly(data: T): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, this.io);
  }

  /** Reads the file or its last good copy, saying which of the three it is: for readers that fall back. */
  async inspect(which: 'file' | 'lastGood'): Promise<JsonFileRead<T>> {
    const text = await readTextIfExists(which === 'file' ? this.file : this.lastGood);
    if (text === null) return { kind: 'missing' };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { kind: 'damaged', reason: (error as Error).message };
    }
    const checked = this.check(value);
    return checked.ok ? { kind: 'ok', value: checked.value, leftOut: checked.leftOut } : { kind: 'damaged', reason: checked.reason };
  }

  /** Runs `work` holding the file's lock: alone in this process and among every process on the folder. */
  locked<R>(work: () => Promise<R>): Promise<R> {
    return withFileLock(this.file, work, this.log);
  }

  /** Changes whenever the file is replaced (every write renames a new file over it); 'missing' without one. */
  async version(): Promise<string> {
    try {
      const info = await stat(this.file);
      return `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  /**
   * Keeps the damaged file as `<file>.damaged-<time>` for an operator to look at: moved, or copied when
   * it stays in use until the next write replaces it. Returns the name it was kept as, or null when
   * there was no file.
   */
  async setAside(at: Date, how: 'move' | 'copy'): Promise<string | null> {
    const aside = `${this.file}.damaged-${at.toISOString().replace(/[:.]/g, '-')}`;
    try {
      await (how === 'move' ? rename(this.file, aside) : copyFile(this.file, aside));
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

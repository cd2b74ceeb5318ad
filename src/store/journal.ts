import { appendFile, mkdir, open, stat, truncate, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { withFileLock } from './fileLock.js';
import { SerialQueue } from './serial.js';
import type { EventLog } from './storage.js';
import { diskIo, writeWhole, type DiskIo } from './diskIo.js';

const NEWLINE = 0x0a;

/**
 * An append-only journal of JSON lines: every process that writes it appends under the journal's
 * lock, and each append is flushed to the disk (fdatasync) before it is acknowledged.
 *
 * A crash can leave the last line cut short. That line was never acknowledged; left in place, the next
 * append would be glued to it and lost too. So whoever takes the lock first repairs the tail: the cut
 * bytes go to a file beside the journal (`…jsonl.torn-<time>`), the journal is truncated to its last
 * whole line, and the repair is logged. A damaged line elsewhere is logged and skipped, never silently.
 */
export class Journal<E> implements EventLog<E> {
  /** Bytes of the file already read: what follows was written since (by this process or another). */
  private offset = 0;
  /** Reads and transactions of this process, one at a time: each moves `offset`. */
  private readonly turns = new SerialQueue();

  constructor(
    readonly file: string,
    private readonly log?: Log,
    private readonly now: () => Date = () => new Date(),
    private readonly io: DiskIo = diskIo,
  ) {}

  get name(): string {
    return this.file;
  }

  /** Repairs a torn tail, then every event, oldest first. */
  open(): Promise<E[]> {
    return this.inTurn(() => {
      this.offset = 0;
      return this.locked(() => this.readUnread());
    });
  }

  /** Events written since the last read, whole lines only (a line being written is left for later). */
  readNew(): Promise<E[]> {
    return this.inTurn(() => this.readUnread());
  }

  private async readUnread(): Promise<E[]> {
    const handle = await openIfExists(this.file);
    if (!handle) return [];
    try {
      const { size } = await handle.stat();
      if (size < this.offset) this.offset = 0; // replaced by a restore: read it anew
      if (size === this.offset) return [];
      const buffer = Buffer.alloc(size - this.offset);
      await handle.read(buffer, 0, buffer.length, this.offset);
      const end = buffer.lastIndexOf(NEWLINE) + 1;
      const events = this.parse(buffer.subarray(0, end).toString('utf8'), this.offset);
      this.offset += end;
      return events;
    } finally {
      await handle.close();
    }
  }

  /**
   * Runs `work` holding the journal's lock, after reading what others wrote (handed to `work` to apply
   * first); `append` inside it writes events, each flushed before it returns.
   */
  transact<T>(work: (written: E[], append: (event: E) => Promise<void>) => Promise<T>): Promise<T> {
    return this.inTurn(() =>
      this.locked(async () => {
        const written = await this.readUnread();
        const afterRead = this.offset;
        try {
          return await work(written, (event) => this.appendLocked(event));
        } catch (error) {
          // The caller applies nothing of a failed transaction: lines it did get on disk are read again
          // (and applied then), so memory never differs from the disk.
          this.offset = afterRead;
          throw error;
        }
      }),
    );
  }

  async probe(): Promise<void> {
    const handle = await openIfExists(this.file);
    if (!handle) return;
    try {
      await handle.read(Buffer.alloc(1), 0, 1, 0);
    } finally {
      await handle.close();
    }
  }

  /** Changes since the file was last read, without waiting for the lock. */
  async changedSinceRead(): Promise<boolean> {
    try {
      return (await stat(this.file)).size !== this.offset;
    } catch {
      return this.offset !== 0;
    }
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    return this.turns.run(work);
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return withFileLock(
      this.file,
      async () => {
        await this.repairTail();
        return work();
      },
      this.log,
    );
  }

  /**
   * Under the lock: writes the event's line whole and flushes it, or throws StoreWriteError with the
   * journal exactly as it was (a short write is cut off again, so the next append is not glued to it).
   */
  private async appendLocked(event: E): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(event)}\n`, 'utf8');
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, 'a');
    let before = 0;
    try {
      before = (await handle.stat()).size;
      await writeWhole(this.io, handle, line, before, path.basename(this.file));
    } catch (error) {
      await this.undoAppend(handle, before, error);
      throw error;
    } finally {
      await handle.close();
    }
    // Under the lock nobody else wrote in between: the file now ends where this line ends.
    this.offset += line.length;
  }

  /** Cuts the journal back to where the failed append began: the bytes were never acknowledged. */
  private async undoAppend(handle: FileHandle, length: number, cause: unknown): Promise<void> {
    try {
      await handle.truncate(length);
      await handle.datasync().catch(() => undefined);
      this.log?.error({ file: this.file, err: cause }, 'an event could not be written whole (disk full?): not stored, and the journal was cut back to its last whole line');
    } catch (error) {
      // The next lock holder's tail repair moves a cut line aside; it was never acknowledged either way.
      this.log?.error({ file: this.file, err: cause, truncateError: error }, 'an event could not be written whole, and the journal could not be cut back now: the next write repairs it');
    }
  }

  /** Under the lock: cuts a line a crash left unfinished off the end, keeping its bytes aside. */
  private async repairTail(): Promise<void> {
    const handle = await openIfExists(this.file);
    if (!handle) return;
    let cut: { keep: number; torn: Buffer };
    try {
      const { size } = await handle.stat();
      if (size === 0) return;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] === NEWLINE) return;
      const whole = Buffer.alloc(size);
      await handle.read(whole, 0, size, 0);
      const keep = whole.lastIndexOf(NEWLINE) + 1;
      cut = { keep, torn: whole.subarray(keep) };
    } finally {
      await handle.close();
    }
    const aside = `${this.file}.torn-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    await appendFile(aside, cut.torn);
    await truncate(this.file, cut.keep);
    const flush = await open(this.file, 'r+');
    try {
      await flush.datasync();
    } finally {
      await flush.close();
    }
    this.log?.warn(
      { file: this.file, bytes: cut.torn.length, keptAside: aside },
      'the journal ended in a line cut short by a crash (never acknowledged): moved it aside and truncated the journal to its last whole line',
    );
  }

  private parse(text: string, startOffset: number): E[] {
    const events: E[] = [];
    let position = startOffset;
    for (const line of text.split('\n')) {
      const bytes = Buffer.byteLength(line, 'utf8') + 1;
      if (line.trim() !== '') {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          value = undefined;
        }
        // Every event is a JSON object: `null`, a number or a list is as damaged as broken JSON.
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) events.push(value as E);
        else this.log?.error({ file: this.file, byteOffset: position, text: line.slice(0, 200) }, 'damaged line in a journal: skipped');
      }
      position += bytes;
    }
    return events;
  }
}

/** The file open for reading, or null when there is none yet. */
async function openIfExists(file: string): Promise<FileHandle | null> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * State that is the replay of a journal: loaded at open, changed only by recording events, and kept
 * up to date with events other processes append (the CLI closing a survey while the bot runs).
 */
export class JournalProjection<E> {
  private constructor(
    readonly journal: EventLog<E>,
    private readonly apply: (event: E) => void,
  ) {}

  static async open<E>(journal: EventLog<E>, apply: (event: E) => void, log?: Log): Promise<JournalProjection<E>> {
    const safely = applyingSafely(journal.name, apply, log);
    for (const event of await journal.open()) safely(event);
    return new JournalProjection(journal, safely);
  }

  /** Applies what others appended since the last look; returns whether anything changed. */
  async refresh(): Promise<boolean> {
    if (!(await this.journal.changedSinceRead())) return false;
    const events = await this.journal.readNew();
    for (const event of events) this.apply(event);
    return events.length > 0;
  }

  /** Records events: all are durable, and then applied, before this returns. */
  record(...events: E[]): Promise<void> {
    return this.transact(async (append) => {
      for (const event of events) await append(event);
    });
  }

  /**
   * Decides and records with no other writer in between, in this process or another: `work` sees the
   * state with everything recorded so far. What it appends is applied only once the whole transaction
   * is durable (file: every line written and synced; PostgreSQL: committed); when it fails, nothing of
   * it is applied, so nothing is acknowledged that a restart would not find.
   */
  async transact<T>(work: (append: (event: E) => Promise<void>) => Promise<T>): Promise<T> {
    const appended: E[] = [];
    const result = await this.journal.transact(async (written, append) => {
      for (const event of written) this.apply(event);
      return work(async (event) => {
        await append(event);
        appended.push(event);
      });
    });
    for (const event of appended) this.apply(event);
    return result;
  }
}

/**
 * `apply`, but an event it cannot take (a record of the wrong shape, written by hand or by another
 * version) is set aside and reported instead of ending the start with a stack trace.
 */
function applyingSafely<E>(journal: string, apply: (event: E) => void, log?: Log): (event: E) => void {
  return (event) => {
    try {
      apply(event);
    } catch (error) {
      const reported = { journal: path.basename(journal), event: JSON.stringify(event).slice(0, 200), reason: (error as Error).message };
      if (log) log.error(reported, 'an event in a journal has the wrong shape: skipped');
      else console.error(`an event in a journal has the wrong shape: skipped (${JSON.stringify(reported)})`);
    }
  };
}

import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * An append-only journal of JSON lines. `append` returns once the line is written *and* flushed to
 * the disk (fdatasync), so whatever it acknowledges survives a crash; appends from one process are
 * written one at a time, in order.
 */
export class Journal<E> {
  private queue: Promise<unknown> = Promise.resolve();
  private folderReady: Promise<unknown> | null = null;

  constructor(readonly file: string) {}

  append(event: E): Promise<void> {
    const line = `${JSON.stringify(event)}\n`;
    const write = this.queue.then(() => this.write(line));
    this.queue = write.catch(() => undefined);
    return write;
  }

  private async write(line: string): Promise<void> {
    this.folderReady ??= mkdir(path.dirname(this.file), { recursive: true });
    await this.folderReady;
    const handle = await open(this.file, 'a');
    try {
      await handle.write(line);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /**
   * Every event, oldest first. A last line cut short by a crash mid-write was never acknowledged and
   * is skipped; a damaged line elsewhere is reported through `onDamaged`, not silently dropped.
   */
  async readAll(onDamaged: (lineNumber: number, text: string) => void = () => {}): Promise<E[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const lines = text.split('\n');
    const events: E[] = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        events.push(JSON.parse(line) as E);
      } catch {
        const isLast = index >= lines.length - 2;
        if (!isLast || text.endsWith('\n')) onDamaged(index + 1, line);
      }
    });
    return events;
  }
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/**
 * A small JSON file in the data folder (lowdb: written to a temporary file and renamed). Changes are
 * made one at a time and written only when they changed something. A `shared` document is read from
 * disk before every read and change, because another process (the CLI) writes it too.
 */
export class JsonDocument<T extends object> {
  private readonly db: Low<T>;
  private loaded: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    defaults: T,
    private readonly options: { shared?: boolean } = {},
  ) {
    this.db = new Low<T>(new JSONFile<T>(file), defaults);
  }

  /** The current contents. Change them only through `change`. */
  async read(): Promise<T> {
    await this.load();
    return this.db.data;
  }

  /** Applies a change; `apply` says whether it changed anything (and only then is the file written). */
  change(apply: (data: T) => boolean): Promise<boolean> {
    const next = this.queue.then(async () => {
      await this.load();
      const changed = apply(this.db.data);
      if (changed) {
        // lowdb's writer puts its temporary file beside the target: the folder must exist.
        await mkdir(path.dirname(this.file), { recursive: true });
        await this.db.write();
      }
      return changed;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private load(): Promise<void> {
    if (this.options.shared) return this.db.read();
    this.loaded ??= this.db.read();
    return this.loaded;
  }
}

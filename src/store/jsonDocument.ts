import { readFile, stat } from 'node:fs/promises';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomicFile.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { withFileLock } from './fileLock.js';

/**
 * A small JSON file in the data folder (administrators, conversations, subscriptions). Changes are
 * made one at a time under the file's lock, and written atomically only when they changed something.
 * Another process (the CLI) may write it too: every read looks whether the file was replaced since,
 * and reads it again only then. A file that cannot be read is an error with its name, never an empty
 * document.
 */
export class JsonDocument<T extends object> {
  private data: T | null = null;
  /** What the file was when `data` was read: it is read again only when it changed. */
  private readAs: string | null = null;

  constructor(
    readonly file: string,
    private readonly defaults: T,
    private readonly log?: Log,
    private readonly io: DiskIo = diskIo,
  ) {}

  /** The current contents. Change them only through `change`. */
  async read(): Promise<T> {
    return this.load();
  }

  /** Applies a change; `apply` says whether it changed anything (and only then is the file written). */
  change(apply: (data: T) => boolean): Promise<boolean> {
    return withFileLock(
      this.file,
      async () => {
        // A copy: what is kept in memory is only ever what is on disk.
        const data = structuredClone(await this.load());
        if (!apply(data)) return false;
        await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, this.io);
        this.data = data;
        this.readAs = await versionOf(this.file);
        return true;
      },
      this.log,
    );
  }

  private async load(): Promise<T> {
    const version = await versionOf(this.file);
    if (this.data !== null && version === this.readAs) return this.data;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.data = structuredClone(this.defaults);
      this.readAs = 'missing';
      return this.data;
    }
    this.readAs = version;
    try {
      this.data = { ...structuredClone(this.defaults), ...(JSON.parse(text) as T) };
    } catch (error) {
      throw new Error(`${this.file} cannot be read: ${(error as Error).message}`);
    }
    return this.data;
  }
}

/** Changes whenever the file is replaced (every write renames a new file over it). */
async function versionOf(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

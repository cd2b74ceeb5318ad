import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomicFile.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { withFileLock } from './fileLock.js';
import { readTextIfExists } from './missingFile.js';

/**
 * A small JSON file in the data folder (administrators, conversations, subscriptions). Changes are
 * made one at a time under the file's lock, and written atomically only when they changed something;
 * after each write the same text is kept as `<name>.last-good.json`. Another process (the CLI) may
 * write it too: every read looks whether the file was replaced since, and reads it again only then.
 *
 * A file that is not valid JSON, or not the document's shape, is set aside loudly: renamed
 * `<file>.damaged-<time>`, logged as an error, and the last good copy (or, with none, the empty
 * document) is used and written back, so the rest of the bot keeps working. `problem()` names the
 * damage (for /healthz) until the bot restarts: an operator should look at the file set aside.
 */
export class JsonDocument<T extends object> {
  private data: T | null = null;
  /** What the file was when `data` was read: it is read again only when it changed. */
  private readAs: string | null = null;
  private damage: string | null = null;
  readonly lastGood: string;

  constructor(
    readonly file: string,
    private readonly defaults: T,
    private readonly log?: Log,
    private readonly io: DiskIo = diskIo,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.lastGood = file.replace(/\.json$/, '') + '.last-good.json';
  }

  /** The current contents. Change them only through `change`. */
  async read(): Promise<T> {
    return this.load();
  }

  /** What is wrong with the document (damaged and set aside), or null. Names files, never paths. */
  problem(): string | null {
    return this.damage;
  }

  /** Applies a change; `apply` says whether it changed anything (and only then is the file written). */
  change(apply: (data: T) => boolean): Promise<boolean> {
    return withFileLock(
      this.file,
      async () => {
        // A copy: what is kept in memory is only ever what is on disk.
        const data = structuredClone(await this.load(true));
        if (!apply(data)) return false;
        await this.write(data);
        return true;
      },
      this.log,
    );
  }

  private async write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileAtomic(this.file, text, this.io);
    await writeFileAtomic(this.lastGood, text, this.io);
    this.data = data;
    this.readAs = await versionOf(this.file);
  }

  private async load(locked = false): Promise<T> {
    const version = await versionOf(this.file);
    if (this.data !== null && version === this.readAs) return this.data;
    const read = await readDocument(this.file, this.defaults);
    if (read.kind === 'missing') {
      this.data = structuredClone(this.defaults);
      this.readAs = 'missing';
      return this.data;
    }
    if (read.kind === 'ok') {
      this.readAs = version;
      this.data = read.value;
      return this.data;
    }
    return locked ? this.recover(read.reason) : withFileLock(this.file, () => this.recover(read.reason), this.log);
  }

  /** Under the lock: sets a damaged file aside and goes on with the last good copy (or the empty document). */
  private async recover(reason: string): Promise<T> {
    // Another reader may have recovered it while this one waited for the lock.
    const again = await readDocument(this.file, this.defaults);
    if (again.kind === 'ok') {
      this.readAs = await versionOf(this.file);
      this.data = again.value;
      return this.data;
    }
    const name = path.basename(this.file);
    const aside = `${this.file}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    if (again.kind === 'damaged') await rename(this.file, aside);
    const copy = await readDocument(this.lastGood, this.defaults);
    const data = copy.kind === 'ok' ? copy.value : structuredClone(this.defaults);
    const from = copy.kind === 'ok' ? `its last good copy ${path.basename(this.lastGood)}` : 'an empty document (there is no good copy)';
    this.damage = `${name} was damaged: set aside as ${path.basename(aside)}; going on with ${from}`;
    this.log?.error({ file: name, keptAside: path.basename(aside), reason, lastGood: copy.kind === 'ok' }, this.damage);
    const text = `${JSON.stringify(data, null, 2)}\n`;
    await writeFileAtomic(this.file, text, this.io);
    this.data = data;
    this.readAs = await versionOf(this.file);
    return data;
  }
}

type DocumentRead<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'damaged'; reason: string };

/** Reads a document: its defaults filled in; damaged when it is not JSON or not of the defaults' shape. */
async function readDocument<T extends object>(file: string, defaults: T): Promise<DocumentRead<T>> {
  const text = await readTextIfExists(file);
  if (text === null) return { kind: 'missing' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: (error as Error).message };
  }
  if (!isPlainObject(value)) return { kind: 'damaged', reason: 'not a JSON object' };
  for (const [key, fallback] of Object.entries(defaults)) {
    if (key in value && kindOf(value[key]) !== kindOf(fallback)) return { kind: 'damaged', reason: `"${key}" is not ${kindOf(fallback)}` };
  }
  return { kind: 'ok', value: { ...structuredClone(defaults), ...(value as T) } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
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

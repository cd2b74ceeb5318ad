import { Low } from 'lowdb';
import path from 'node:path';
import type { Log } from '../log.js';
import { diskIo, type DiskIo } from './diskIo.js';
import { DamagedFileError, DurableJsonFile, type JsonCheck } from './durableJsonFile.js';

/**
 * A small JSON document in the data folder (a feature's settings, administrators; conversations and
 * subscriptions before they became keyed records), kept by lowdb's `Low` through our adapter
 * (DurableJsonFile: atomic, flushed, with a last good copy). Changes are made one at a time under the
 * file's lock, and written only when they changed something. Another process (the CLI) may write it
 * too: every read looks whether the file was replaced since, and reads it again only then.
 *
 * A file that is not valid JSON, or not the document's shape, is set aside loudly: renamed
 * `<file>.damaged-<time>`, logged as an error, and the last good copy (or, with none, the empty
 * document) is used and written back, so the rest of the bot keeps working. `problem()` names the
 * damage (for /healthz) until the bot restarts: an operator should look at the file set aside.
 */
export class JsonDocument<T extends object> {
  private readonly adapter: DurableJsonFile<T>;
  private readonly db: Low<T>;
  /** What the file was when `db.data` was read: it is read again only when it changed. */
  private readAs: string | null = null;
  private damage: string | null = null;

  constructor(
    readonly file: string,
    private readonly defaults: T,
    private readonly log?: Log,
    io: DiskIo = diskIo,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.adapter = new DurableJsonFile(file, shapeOf(defaults), log, io);
    this.db = new Low(this.adapter, structuredClone(defaults));
  }

  get lastGood(): string {
    return this.adapter.lastGood;
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
    return this.adapter.locked(async () => {
      // A copy: what is kept in memory is only ever what is on disk.
      const data = structuredClone(await this.load(true));
      if (!apply(data)) return false;
      const before = this.db.data;
      this.db.data = data;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = before;
        throw error;
      }
      this.readAs = await this.adapter.version();
      return true;
    });
  }

  private async load(locked = false): Promise<T> {
    const version = await this.adapter.version();
    if (this.readAs !== null && version === this.readAs) return this.db.data;
    // lowdb keeps what it held when there is no file: start from the defaults.
    const before = this.db.data;
    this.db.data = structuredClone(this.defaults);
    try {
      await this.db.read();
    } catch (error) {
      this.db.data = before;
      if (!(error instanceof DamagedFileError)) throw error;
      return locked ? this.recover(error.reason) : this.adapter.locked(() => this.recover(error.reason));
    }
    this.readAs = version;
    return this.db.data;
  }

  /** Under the lock: sets a damaged file aside and goes on with the last good copy (or the empty document). */
  private async recover(reason: string): Promise<T> {
    // Another reader may have recovered it while this one waited for the lock.
    const again = await this.adapter.inspect('file');
    if (again.kind === 'ok') {
      this.readAs = await this.adapter.version();
      this.db.data = again.value;
      return this.db.data;
    }
    const name = path.basename(this.file);
    const aside = again.kind === 'damaged' ? await this.adapter.setAside(this.now(), 'move') : null;
    const copy = await this.adapter.inspect('lastGood');
    const data = copy.kind === 'ok' ? copy.value : structuredClone(this.defaults);
    const from = copy.kind === 'ok' ? `its last good copy ${path.basename(this.lastGood)}` : 'an empty document (there is no good copy)';
    // A file gone meanwhile (deleted by hand) has nothing to keep aside.
    const keptAside = aside === null ? null : path.basename(aside);
    this.damage = `${name} was damaged: ${keptAside ? `set aside as ${keptAside}` : 'it is gone'}; going on with ${from}`;
    this.log?.error({ file: name, keptAside, reason, lastGood: copy.kind === 'ok' }, this.damage);
    await this.adapter.writeFileOnly(data);
    this.db.data = data;
    this.readAs = await this.adapter.version();
    return data;
  }
}

/** A document is damaged when it is not a JSON object, or a value has another kind than its default's; the defaults fill in the rest. */
function shapeOf<T extends object>(defaults: T): JsonCheck<T> {
  return (value) => {
    if (!isPlainObject(value)) return { ok: false, reason: 'not a JSON object' };
    for (const [key, fallback] of Object.entries(defaults)) {
      if (key in value && kindOf(value[key]) !== kindOf(fallback)) return { ok: false, reason: `"${key}" is not ${kindOf(fallback)}` };
    }
    return { ok: true, value: { ...structuredClone(defaults), ...(value as T) }, leftOut: [] };
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}

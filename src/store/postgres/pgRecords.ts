import type pg from 'pg';
import { CachedRecords, type RecordChange, type RecordsOptions } from '../records.js';
import { inTransaction, lockName } from './database.js';

/** How stale a read that finds its record may be: another instance's change shows within this. */
const REFRESH_MS = 1_000;

/**
 * Keyed records as rows of `keyed_records`: a batch of changes is one `INSERT … ON CONFLICT DO UPDATE`
 * in a transaction under the collection's lock (so revisions commit in order). Reads are answered from
 * memory, which takes in the rows changed since (by revision) at most once a second, and at once when
 * a record is not found.
 */
export class PgRecords<T extends object> extends CachedRecords<T> {
  private lastRevision = 0;
  private refreshedAt = 0;

  constructor(
    private readonly pool: pg.Pool,
    name: string,
    options: RecordsOptions<T>,
  ) {
    super(name, options);
    this.startLoading();
  }

  protected describe(): string {
    return `the records "${this.name}"`;
  }

  protected async load(): Promise<void> {
    if (!this.options.readOnly) await this.migrateLegacy();
    await this.refresh(true);
  }

  /** The document of before: its entries become rows (those not written since), and it is renamed `….migrated`. */
  private async migrateLegacy(): Promise<void> {
    const legacy = this.options.legacy;
    if (!legacy) return;
    await inTransaction(this.pool, async (client) => {
      await lockName(client, `records:${this.name}`);
      const { rows } = await client.query<{ data: Record<string, unknown> }>('SELECT data FROM documents WHERE name = $1', [legacy.document]);
      if (!rows[0]) return;
      const entries = legacy.entries(rows[0].data);
      await client.query(
        `INSERT INTO keyed_records (collection, key, value, revision)
         SELECT $1, k, v::jsonb, nextval('keyed_records_revision') FROM unnest($2::text[], $3::text[]) AS t(k, v)
         ON CONFLICT (collection, key) DO NOTHING`,
        [this.name, entries.map(([key]) => key), entries.map(([, value]) => JSON.stringify(value))],
      );
      await client.query('DELETE FROM documents WHERE name = $1', [`${legacy.document}.migrated`]);
      await client.query('UPDATE documents SET name = $2 WHERE name = $1', [legacy.document, `${legacy.document}.migrated`]);
    });
  }

  /** Takes in the rows changed since the last look: always when `now`, else at most once a second. */
  protected async refresh(now: boolean): Promise<void> {
    if (!now && Date.now() - this.refreshedAt < REFRESH_MS) return;
    this.refreshedAt = Date.now();
    const { rows } = await this.pool.query<{ key: string; value: T | null; revision: string }>(
      'SELECT key, value, revision::text AS revision FROM keyed_records WHERE collection = $1 AND revision > $2 ORDER BY revision',
      [this.name, this.lastRevision],
    );
    for (const row of rows) {
      // A change of ours not yet stored comes after this one: it decides.
      if (!this.commits.isPending(row.key)) this.map.apply([row.key, row.value]);
      this.lastRevision = Math.max(this.lastRevision, Number(row.revision));
    }
  }

  protected async writeBatch(changes: RecordChange<T>[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await lockName(client, `records:${this.name}`);
      await client.query(
        `INSERT INTO keyed_records (collection, key, value, revision)
         SELECT $1, k, v::jsonb, nextval('keyed_records_revision') FROM unnest($2::text[], $3::text[]) AS t(k, v)
         ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value, revision = EXCLUDED.revision, updated_at = now()`,
        [this.name, changes.map(([key]) => key), changes.map(([, value]) => (value === null ? null : JSON.stringify(value)))],
      );
    });
  }
}

import type pg from 'pg';
import type { Log } from '../../log.js';
import { emptyRegistryData, normaliseRegistryData, type RegistryData } from '../../registry/registryData.js';
import type { RegistryChange, RegistryStore } from '../registryStore.js';
import { SerialQueue } from '../serial.js';
import { isDocumentName, isJournalName, type DocumentName, type EventLog, type JournalName, type Leadership, type Storage, type StoredDocument } from '../storage.js';
import { inTransaction, isDatabaseFailure, lockName, unavailable } from './database.js';
import { PgLeadership } from './leadership.js';
import { PgPresence } from './presence.js';
import { PgRecords } from './pgRecords.js';
import { isRecordsName, type KeyedRecords, type RecordsName, type RecordsOptions } from '../records.js';

/** A read: the database's failure becomes StoreUnavailableError, as a change's does. */
async function read<R>(query: Promise<R>): Promise<R> {
  try {
    return await query;
  } catch (error) {
    throw isDatabaseFailure(error) ? unavailable(error, 'could not read from the database') : error;
  }
}

/** The registry as one row; every change in a transaction under the registry's lock. */
class PgRegistryStore implements RegistryStore {
  constructor(private readonly pool: pg.Pool) {}

  async read(): Promise<RegistryData> {
    const { rows } = await read(this.pool.query<{ data: RegistryData }>('SELECT data FROM registry WHERE id = 1'));
    return rows[0] ? normaliseRegistryData(rows[0].data) : emptyRegistryData();
  }

  update(change: RegistryChange, afterWrite?: () => Promise<void>): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockName(client, 'registry');
      const { rows } = await client.query<{ data: RegistryData }>('SELECT data FROM registry WHERE id = 1');
      const current = rows[0] ? normaliseRegistryData(rows[0].data) : emptyRegistryData();
      const next = await change(current, { empty: rows.length === 0 });
      if (next === null) return false;
      await client.query(
        `INSERT INTO registry (id, data, revision) VALUES (1, $1, 1)
         ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, revision = registry.revision + 1, updated_at = now()`,
        [JSON.stringify(next)],
      );
      await afterWrite?.();
      return true;
    });
  }

  async revision(): Promise<string> {
    const { rows } = await read(this.pool.query<{ revision: string }>('SELECT revision::text AS revision FROM registry WHERE id = 1'));
    return rows[0]?.revision ?? 'missing';
  }

  async isEmpty(): Promise<boolean> {
    return (await this.revision()) === 'missing';
  }
}

/** A journal as rows of `journal_events`, in the order of their sequence number. */
class PgEventLog<E> implements EventLog<E> {
  private lastSeq = 0;
  private readonly turns = new SerialQueue();

  constructor(
    private readonly pool: pg.Pool,
    readonly name: string,
  ) {}

  open(): Promise<E[]> {
    return this.turns.run(async () => {
      this.lastSeq = 0;
      return this.fetch(this.pool);
    });
  }

  readNew(): Promise<E[]> {
    return this.turns.run(() => this.fetch(this.pool));
  }

  async changedSinceRead(): Promise<boolean> {
    const { rows } = await read(this.pool.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM journal_events WHERE journal = $1', [this.name]));
    return Number(rows[0]?.seq ?? 0) !== this.lastSeq;
  }

  async probe(): Promise<void> {
    await read(this.pool.query('SELECT 1 FROM journal_events WHERE journal = $1 LIMIT 1', [this.name]));
  }

  transact<T>(work: (written: E[], append: (event: E) => Promise<void>) => Promise<T>): Promise<T> {
    return this.turns.run(async () => {
      let afterRead = this.lastSeq;
      try {
        return await inTransaction(this.pool, async (client) => {
          await lockName(client, `journal:${this.name}`);
          const written = await this.fetch(client);
          afterRead = this.lastSeq;
          return work(written, async (event) => {
            const { rows } = await client.query<{ seq: string }>('INSERT INTO journal_events (journal, event) VALUES ($1, $2) RETURNING seq::text AS seq', [
              this.name,
              JSON.stringify(event),
            ]);
            this.lastSeq = Number(rows[0]!.seq);
          });
        });
      } catch (error) {
        // Nothing this transaction appended was stored; what others had committed was read (and applied
        // by the caller) already, so the next read starts right after that, never twice.
        this.lastSeq = afterRead;
        throw error;
      }
    });
  }

  private async fetch(client: pg.Pool | pg.PoolClient): Promise<E[]> {
    const { rows } = await read(
      client.query<{ seq: string; event: E }>('SELECT seq::text AS seq, event FROM journal_events WHERE journal = $1 AND seq > $2 ORDER BY seq', [
        this.name,
        this.lastSeq,
      ]),
    );
    if (rows.length > 0) this.lastSeq = Number(rows[rows.length - 1]!.seq);
    return rows.map((row) => row.event);
  }
}

/** A document as one row of `documents`; every change in a transaction under the document's lock. */
class PgDocument<T extends object> implements StoredDocument<T> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly name: string,
    private readonly defaults: T,
  ) {}

  async read(): Promise<T> {
    const { rows } = await read(this.pool.query<{ data: T }>('SELECT data FROM documents WHERE name = $1', [this.name]));
    return { ...structuredClone(this.defaults), ...rows[0]?.data };
  }

  change(apply: (data: T) => boolean): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockName(client, `document:${this.name}`);
      const { rows } = await client.query<{ data: T }>('SELECT data FROM documents WHERE name = $1', [this.name]);
      const data = { ...structuredClone(this.defaults), ...rows[0]?.data } as T;
      if (!apply(data)) return false;
      await client.query(
        `INSERT INTO documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
        [this.name, JSON.stringify(data)],
      );
      return true;
    });
  }
}

export interface PgStorageOptions {
  /** How often a follower tries to become the leader (and the leader checks it still is). */
  leaderPollMs?: number;
}

/**
 * All state in PostgreSQL, for several instances of the bot on one database. Each instance polls the
 * registry's revision and the journals it reads (at most once a second), so a change made through any
 * instance or the CLI is answered by every instance within a few seconds.
 */
export function postgresStorage(pool: pg.Pool, log: Log, options: PgStorageOptions = {}): Storage {
  const registry = new PgRegistryStore(pool);
  let leadership: PgLeadership | null = null;
  const presence = new PgPresence(pool, log);
  const opened: KeyedRecords<object>[] = [];
  const journalsOpened = new Set<JournalName>();
  return {
    kind: 'postgres',
    registry,
    journal: <E>(name: JournalName) => {
      if (!isJournalName(name)) throw new Error(`"${name}" is not a journal name`);
      journalsOpened.add(name);
      return new PgEventLog<E>(pool, name);
    },
    journalNames: async () => {
      const stored = (await pool.query<{ journal: string }>('SELECT DISTINCT journal FROM journal_events ORDER BY journal')).rows.map((row) => row.journal);
      return [...new Set([...journalsOpened, ...stored])];
    },
    document: <T extends object>(name: DocumentName, defaults: T) => {
      if (!isDocumentName(name)) throw new Error(`"${name}" is not a document name`);
      return new PgDocument<T>(pool, name, defaults);
    },
    documentNames: async () => (await pool.query<{ name: string }>('SELECT name FROM documents ORDER BY name')).rows.map((row) => row.name),
    keyed: <T extends object>(name: RecordsName, options: RecordsOptions<T> = {}) => {
      if (!isRecordsName(name)) throw new Error(`"${name}" is not a name for keyed records`);
      const records = new PgRecords<T>(pool, name, options);
      opened.push(records as unknown as KeyedRecords<object>);
      return records;
    },
    keyedNames: async () =>
      (await pool.query<{ collection: string }>('SELECT DISTINCT collection FROM keyed_records WHERE value IS NOT NULL ORDER BY collection')).rows.map((row) => row.collection),
    async leadership(): Promise<Leadership> {
      leadership ??= await PgLeadership.start(pool, log, options.leaderPollMs ?? 10_000);
      return leadership;
    },
    presence: () => presence,
    async close() {
      // Changes asked for before closing are stored before the pool ends.
      await Promise.all(opened.map((records) => records.flushed()));
      await presence.close();
      await leadership?.stop();
      await pool.end();
    },
  };
}

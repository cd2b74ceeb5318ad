import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import type { Log } from '../../log.js';
import { isStoreUnavailable, StoreUnavailableError } from '../unavailable.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * A pool of connections to DATABASE_URL, with the schema brought up to date first (node-pg-migrate,
 * versioned SQL files; its advisory lock makes instances that start together migrate once).
 */
export async function openDatabase(url: string, log: Log): Promise<pg.Pool> {
  await runner({
    databaseUrl: url,
    dir: MIGRATIONS,
    direction: 'up',
    migrationsTable: 'fki_migrations',
    // Instances that start together: the others wait for the first to migrate, then find nothing to do.
    advisoryLockMode: 'wait',
    count: Infinity,
    log: (message) => log.debug({ migration: message }, 'database migration'),
    verbose: false,
  });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection that breaks (the database restarts, a backend is terminated) must not take the process
  // down: idle ones report to the pool, and every connection, also one checked out in a transaction,
  // has a handler of its own. The query under way fails and its caller decides.
  pool.on('error', (error) => log.error({ err: error }, 'an idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => log.warn({ err: error }, 'a database connection failed; it is discarded and the next change opens a new one'));
  });
  return pool;
}

/**
 * Runs work in one transaction on one connection: committed when it returns, rolled back when it throws.
 * When the database fails (the connection drops, COMMIT is refused) the connection is discarded, not
 * returned to the pool, and the caller gets a StoreUnavailableError: nothing of the work was kept.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw unavailable(error, 'could not reach the database');
  }
  let broken: unknown = null;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    try {
      await client.query('COMMIT');
    } catch (error) {
      broken = error;
      throw unavailable(error, 'the database did not commit the change');
    }
    return result;
  } catch (error) {
    if (broken === null) {
      await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
        broken = rollbackFailed;
      });
    }
    if (isStoreUnavailable(error)) throw error;
    throw isDatabaseFailure(error) ? unavailable(error, 'the database failed during a change') : error;
  } finally {
    // A connection whose transaction ended in doubt is destroyed: the pool must not hand it out again.
    client.release(broken === null ? undefined : (broken as Error));
  }
}

/** An error of the database or of the connection to it (not one of the work's own). */
export function isDatabaseFailure(error: unknown): boolean {
  if (error instanceof pg.DatabaseError || isStoreUnavailable(error)) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, EPIPE…
  return typeof message === 'string' && /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed/i.test(message);
}

/** The database's failure as the one error the callers know. */
export function unavailable(error: unknown, what: string): StoreUnavailableError {
  return isStoreUnavailable(error) ? error : new StoreUnavailableError(`${what}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/** Takes the transaction's advisory lock on a name: others wait until it commits or rolls back. */
export async function lockName(client: pg.PoolClient, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fki:${name}`]);
}

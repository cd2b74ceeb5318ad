import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import type { Log } from '../../log.js';

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
  // An idle connection that breaks (a database restart) must not take the process down.
  pool.on('error', (error) => log.error({ err: error }, 'an idle database connection failed'));
  return pool;
}

/** Runs work in one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Takes the transaction's advisory lock on a name: others wait until it commits or rolls back. */
export async function lockName(client: pg.PoolClient, name: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fki:${name}`]);
}

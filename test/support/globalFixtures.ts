import { startPostgres } from './postgres.js';

/**
 * Mocha's global fixtures for `npm test` (.mocharc.cjs): one PostgreSQL cluster for the whole run,
 * started before the workers (which inherit TEST_DATABASE_URL) and stopped after them. A worker that
 * started its own could not stop it: mocha ends its workers without their exit handlers.
 */
let postgres: Awaited<ReturnType<typeof startPostgres>> | null = null;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  postgres = await startPostgres();
  process.env.TEST_DATABASE_URL = postgres.url;
  process.once('exit', postgres.stop);
}

export function mochaGlobalTeardown(): void {
  postgres?.stop();
}

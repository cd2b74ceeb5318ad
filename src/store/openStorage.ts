import { dataDirOf } from '../config.js';
import type { Log } from '../log.js';
import { FileRegistryStore } from './fileRegistryStore.js';
import { fileStorage } from './fileStorage.js';
import type { RegistryStore } from './registryStore.js';
import type { Storage } from './storage.js';

export interface StorageSettings {
  dataDir: string;
  /** postgres://…: all state in PostgreSQL; unset: files in dataDir. */
  databaseUrl?: string | null;
  /** How often an instance tries to become the leader (PostgreSQL only). */
  leaderPollMs?: number;
}

/** Where state lives, from the environment (DATABASE_URL, else DATA_DIR). */
export function storageSettingsOf(env: NodeJS.ProcessEnv): StorageSettings {
  const seconds = Number(env.LEADER_POLL_SECONDS ?? '');
  return {
    dataDir: dataDirOf(env),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    ...(Number.isFinite(seconds) && seconds > 0 ? { leaderPollMs: seconds * 1000 } : {}),
  };
}

/** The storage the settings ask for: PostgreSQL when a database URL is given, else files in DATA_DIR. */
export async function openStorage(settings: StorageSettings, log: Log, registry?: RegistryStore): Promise<Storage> {
  if (settings.databaseUrl) {
    // Loaded only with a database: the driver and the migrations cost a start without one 100 ms.
    const [{ openDatabase }, { postgresStorage }] = await Promise.all([import('./postgres/database.js'), import('./postgres/pgStorage.js')]);
    const pool = await openDatabase(settings.databaseUrl, log);
    return postgresStorage(pool, log, settings.leaderPollMs !== undefined ? { leaderPollMs: settings.leaderPollMs } : {});
  }
  return fileStorage(settings.dataDir, log, registry ?? new FileRegistryStore(settings.dataDir, log));
}

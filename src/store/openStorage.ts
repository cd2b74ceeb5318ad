import { dataDirOf } from '../config.js';
import type { Log } from '../log.js';
import { FileRegistryStore } from './fileRegistryStore.js';
import { fileStorage } from './fileStorage.js';
import type { RegistryStore } from './registryStore.js';
import type { Storage } from './storage.js';

export interface StorageSettings {
  dataDir: string;
}

/** Where state lives, from the environment (DATA_DIR). */
export function storageSettingsOf(env: NodeJS.ProcessEnv): StorageSettings {
  return { dataDir: dataDirOf(env) };
}

/** The storage the settings ask for: files in DATA_DIR. */
export async function openStorage(settings: StorageSettings, log: Log, registry?: RegistryStore): Promise<Storage> {
  return fileStorage(settings.dataDir, log, registry ?? new FileRegistryStore(settings.dataDir, log));
}

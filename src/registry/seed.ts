import { readFile } from 'node:fs/promises';
import type { RegistryStore } from '../store/registryStore.js';
import { emptyRegistryData } from './registryData.js';
import { readImportText } from './importFormats.js';
import { applyImport } from './importer.js';

/** The facts from KOMBIT's January 2025 meeting that the bot ships with. */
export const STARTER_DATA = new URL('./starter.json', import.meta.url);

/**
 * Fills an empty store with the starter data, validated like any import. Returns whether it did.
 * A store that holds anything, even an emptied registry, is left alone.
 */
export async function seedIfEmpty(store: RegistryStore, now: Date, starter: URL = STARTER_DATA): Promise<boolean> {
  if (!(await store.isEmpty())) return false;
  const tables = readImportText(await readFile(starter, 'utf8'), starter.pathname);
  const outcome = applyImport(emptyRegistryData(), tables, { replace: true, now, stamp: false });
  if (!outcome.ok) throw new Error(`The shipped starter data is invalid: ${JSON.stringify(outcome.problems)}`);
  // Checked again under the store's lock: another process may have filled it meanwhile.
  return store.update((_data, stored) => (stored.empty ? outcome.data : null));
}

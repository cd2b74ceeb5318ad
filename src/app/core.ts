import type { Log } from '../log.js';
import { seedIfEmpty } from '../registry/seed.js';
import { RegistryService } from '../registry/service.js';
import type { Storage } from '../store/storage.js';
import type { Clock } from '../time/clock.js';

export interface CoreDeps {
  log: Log;
  clock: Clock;
  storage: Storage;
}

/**
 * What every front end stands on besides the storage: the registry (seeded when empty), with its
 * change events. Everything else belongs to a feature.
 */
export async function createCore({ log, clock, storage }: CoreDeps) {
  if (await seedIfEmpty(storage.registry, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = RegistryService.of(storage, clock, log);
  // Load the registry and build its name index before the first question, not inside it.
  await registry.current();
  return { storage, registry };
}

export type Core = Awaited<ReturnType<typeof createCore>>;

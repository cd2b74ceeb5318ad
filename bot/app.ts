import { registerAnswers } from '../src/answers/chat.js';
import type { Config } from '../src/config.js';
import { registerHelp } from '../src/help/chat.js';
import type { Log } from '../src/log.js';
import { seedIfEmpty } from '../src/registry/seed.js';
import { RegistryService } from '../src/registry/service.js';
import { FileRegistryStore } from '../src/store/fileRegistryStore.js';
import type { RegistryStore } from '../src/store/registryStore.js';
import { registerSurveys } from '../src/surveys/chat.js';
import { systemClock, type Clock } from '../src/time/clock.js';
import { createAdapter } from './adapter.js';
import { Router } from './router.js';
import { FkiBot } from './teamsBot.js';

export interface AppDeps {
  config: Config;
  log: Log;
  clock?: Clock;
  store?: RegistryStore;
}

/** Everything the server needs, wired: store, registry, features, bot, adapter. */
export async function createApp({ config, log, clock = systemClock, store }: AppDeps) {
  const registryStore = store ?? new FileRegistryStore(config.dataDir);
  if (await seedIfEmpty(registryStore, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = new RegistryService(registryStore, clock, log);
  // Load the registry and build its name index before the server listens, not in the first question.
  await registry.current();

  const router = new Router();
  // The features, in the order their phrases are tried. A new feature is one more line here.
  registerHelp(router);
  registerAnswers(router, { registry, clock });
  registerSurveys(router);

  const adapter = createAdapter(config, log);
  const bot = new FkiBot(router, log);
  return { config, log, clock, registry, router, adapter, bot };
}

export type App = Awaited<ReturnType<typeof createApp>>;

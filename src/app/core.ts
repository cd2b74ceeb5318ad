import path from 'node:path';
import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { seedIfEmpty } from '../registry/seed.js';
import { RegistryService } from '../registry/service.js';
import { DATA_FILES } from '../store/dataFiles.js';
import { Journal } from '../store/journal.js';
import type { RegistryStore } from '../store/registryStore.js';
import { AdminDirectory } from '../surveys/admins.js';
import { SurveyLinks } from '../surveys/links.js';
import { SurveyService } from '../surveys/service.js';
import type { SurveyEvent } from '../surveys/survey.js';
import type { Clock } from '../time/clock.js';

export { DATA_FILES } from '../store/dataFiles.js';

export interface CoreDeps {
  config: Config;
  log: Log;
  clock: Clock;
  store: RegistryStore;
}

/**
 * The state and services every front end and several features stand on: the registry (seeded when
 * empty), the administrators, the surveys and their links. A feature's own state is its own.
 */
export async function createCore({ config, log, clock, store }: CoreDeps) {
  if (await seedIfEmpty(store, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = new RegistryService(store, clock, log);
  // Load the registry and build its name index before the first question, not inside it.
  await registry.current();

  const admins = new AdminDirectory(config.dataDir, config.adminIds);
  const journal = new Journal<SurveyEvent>(path.join(config.dataDir, DATA_FILES.surveys), log);
  const surveys = await SurveyService.load({ journal, registry, admins, clock, log, openLimitPerDay: config.surveyOpenLimitPerDay });
  const links = new SurveyLinks(config.publicBaseUrl, config.surveyLinkSecret, config.surveyLinkDays, clock);

  return { registry, admins, surveys, links };
}

export type Core = Awaited<ReturnType<typeof createCore>>;

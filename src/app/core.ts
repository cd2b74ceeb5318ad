import type { Config } from '../config.js';
import type { Log } from '../log.js';
import { seedIfEmpty } from '../registry/seed.js';
import { RegistryService } from '../registry/service.js';
import type { Storage } from '../store/storage.js';
import { AdminDirectory } from '../surveys/admins.js';
import { SurveyLinks } from '../surveys/links.js';
import { SurveyService } from '../surveys/service.js';
import type { SurveyEvent } from '../surveys/survey.js';
import type { Clock } from '../time/clock.js';

export interface CoreDeps {
  config: Config;
  log: Log;
  clock: Clock;
  storage: Storage;
  /** Whether approvals are written back to KOMBIT's list (GRAPH_* configured). */
  writesBack?: boolean;
}

/**
 * The state and services every front end and several features stand on: the storage, the registry
 * (seeded when empty), the administrators, the surveys and their links. A feature's own state is its own.
 */
export async function createCore({ config, log, clock, storage, writesBack = false }: CoreDeps) {
  if (await seedIfEmpty(storage.registry, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = new RegistryService(storage.registry, clock, log);
  // Load the registry and build its name index before the first question, not inside it.
  await registry.current();

  const admins = new AdminDirectory(storage, config.adminIds);
  const surveys = await SurveyService.load({
    journal: storage.journal<SurveyEvent>('surveys'),
    registry,
    admins,
    clock,
    log,
    openLimitPerDay: config.surveyOpenLimitPerDay,
    writesBack,
  });
  const links = new SurveyLinks(config.publicBaseUrl, config.surveyLinkSecret, config.surveyLinkDays, clock);
  return { storage, registry, admins, surveys, links };
}

export type Core = Awaited<ReturnType<typeof createCore>>;

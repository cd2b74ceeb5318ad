import path from 'node:path';
import type { Config } from '../config.js';
import { digestReply } from '../digest/compose.js';
import { DigestOutbox, type OutboxEvent } from '../digest/outbox.js';
import { RateLimiter } from '../digest/rateLimiter.js';
import { DigestService, type DigestSender } from '../digest/service.js';
import { SubscriptionStore } from '../digest/subscriptions.js';
import type { Lang } from '../i18n/language.js';
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
  /** Where digests go out (the bot's proactive sender; the CLI's sends nothing). */
  digestSender: DigestSender;
}

/**
 * The state and services every front end stands on: the registry (seeded when empty), the surveys,
 * the administrators, the digest's subscriptions and outbox. The bot adds Teams; the CLI uses it as is.
 */
export async function createCore({ config, log, clock, store, digestSender }: CoreDeps) {
  if (await seedIfEmpty(store, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = new RegistryService(store, clock, log);
  // Load the registry and build its name index before the first question, not inside it.
  await registry.current();

  const admins = new AdminDirectory(config.dataDir, config.adminIds);
  const journal = new Journal<SurveyEvent>(path.join(config.dataDir, DATA_FILES.surveys), log);
  const surveys = await SurveyService.load({ journal, registry, admins, clock, log, openLimitPerDay: config.surveyOpenLimitPerDay });
  const links = new SurveyLinks(config.publicBaseUrl, config.surveyLinkSecret, config.surveyLinkDays, clock);

  const subscriptions = new SubscriptionStore(config.dataDir);
  const outbox = await DigestOutbox.load(new Journal<OutboxEvent>(path.join(config.dataDir, DATA_FILES.digestOutbox), log));
  const compose = async (asOf: string, lang: Lang) => {
    await surveys.refresh();
    return digestReply(await registry.current(), surveys.open(), asOf, lang);
  };
  const digests = new DigestService({
    subscriptions,
    outbox,
    sender: digestSender,
    compose,
    limiter: new RateLimiter(config.digest.ratePerSecond),
    schedule: { pattern: config.digest.cron, zone: config.digest.zone },
    log,
  });
  return { registry, admins, surveys, links, subscriptions, outbox, compose, digests };
}

export type Core = Awaited<ReturnType<typeof createCore>>;

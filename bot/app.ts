import path from 'node:path';
import { registerAnswers } from '../src/answers/chat.js';
import type { Config } from '../src/config.js';
import { registerDeadlines } from '../src/deadlines/chat.js';
import { registerDigest } from '../src/digest/chat.js';
import { digestReply } from '../src/digest/compose.js';
import { DigestOutbox, type OutboxEvent } from '../src/digest/outbox.js';
import { RateLimiter } from '../src/digest/rateLimiter.js';
import { DigestService } from '../src/digest/service.js';
import { SubscriptionStore } from '../src/digest/subscriptions.js';
import { registerHelp } from '../src/help/chat.js';
import { registerSync } from '../src/sync/chat.js';
import { ColumnMapError, parseColumnMap } from '../src/sync/columns.js';
import { approvalsOf, missingColumnsText, runSync, syncSummary } from '../src/sync/run.js';
import { WriteBackQueue, type WriteBackEvent } from '../src/sync/writeBack.js';
import { graphSettings, graphSource } from './graph.js';
import type { Log } from '../src/log.js';
import { seedIfEmpty } from '../src/registry/seed.js';
import { RegistryService } from '../src/registry/service.js';
import { FileRegistryStore } from '../src/store/fileRegistryStore.js';
import { Journal } from '../src/store/journal.js';
import type { RegistryStore } from '../src/store/registryStore.js';
import { AdminDirectory } from '../src/surveys/admins.js';
import { registerSurveys, tellAdmins } from '../src/surveys/chat.js';
import { SurveyLinks } from '../src/surveys/links.js';
import { SurveyService } from '../src/surveys/service.js';
import type { SurveyEvent } from '../src/surveys/survey.js';
import { systemClock, type Clock } from '../src/time/clock.js';
import { createAdapter } from './adapter.js';
import { ConversationStore } from './conversations.js';
import { ProactiveNotifier, type DeliveryOptions } from './notifier.js';
import { Router } from './router.js';
import { FkiBot } from './teamsBot.js';

export interface AppDeps {
  config: Config;
  /** The environment, for the Microsoft Graph settings (GRAPH_*). */
  env?: NodeJS.ProcessEnv;
  log: Log;
  clock?: Clock;
  store?: RegistryStore;
  delivery?: Partial<DeliveryOptions>;
}

/** Everything the server needs, wired: stores, registry, surveys, features, bot, adapter. */
export async function createApp({ config, log, clock = systemClock, store, delivery, env = process.env }: AppDeps) {
  const registryStore = store ?? new FileRegistryStore(config.dataDir);
  if (await seedIfEmpty(registryStore, clock.now())) log.info('registry was empty: loaded the starter data');
  const registry = new RegistryService(registryStore, clock, log);
  // Load the registry and build its name index before the server listens, not in the first question.
  await registry.current();

  const admins = new AdminDirectory(config.dataDir, config.adminIds);
  const journal = new Journal<SurveyEvent>(path.join(config.dataDir, 'surveys.jsonl'));
  const surveys = await SurveyService.load({ journal, registry, admins, clock, log });
  const links = new SurveyLinks(config.publicBaseUrl, config.surveyLinkSecret, config.surveyLinkDays, clock);
  if (config.surveyLinkSecretGenerated) {
    log.warn('SURVEY_LINK_SECRET is not set: survey links are signed with a key made for this run and stop working when the bot restarts');
  }

  const adapter = createAdapter(config, log);
  const conversations = new ConversationStore(config.dataDir);
  const notifier = new ProactiveNotifier(adapter, config.appId, conversations, log, delivery);

  const subscriptions = new SubscriptionStore(config.dataDir);
  const outbox = await DigestOutbox.load(new Journal<OutboxEvent>(path.join(config.dataDir, 'digest-outbox.jsonl')));
  // The digest's own sender: up to 5 tries per channel (each retried by botbuilder's pipeline too).
  const digestSender = new ProactiveNotifier(adapter, config.appId, conversations, log, { ...delivery, maxAttempts: 5 });
  const compose = async (asOf: string, lang: 'da' | 'en') => digestReply(await registry.current(), surveys.open(), asOf, lang);
  const digests = new DigestService({
    subscriptions,
    outbox,
    sender: digestSender,
    compose,
    limiter: new RateLimiter(config.digest.ratePerSecond),
    schedule: { pattern: config.digest.cron, zone: config.digest.zone },
    log,
  });

  const graph = graphSettings(env);
  // The environment does not change while the bot runs: read the column map once.
  const columnMap = (() => {
    try {
      return parseColumnMap(env.GRAPH_COLUMN_MAP);
    } catch (error) {
      if (!(error instanceof ColumnMapError)) throw error;
      return error;
    }
  })();
  const writeBacks = await WriteBackQueue.load(new Journal<WriteBackEvent>(path.join(config.dataDir, 'sync-writeback.jsonl')), log);
  /** Sends approved answers still on their way to the list; a failure stays queued for the next try. */
  const pushWriteBacks = async (source = 'missing' in graph ? null : graphSource(graph)) => {
    if (source === null || columnMap instanceof Error || writeBacks.waiting === 0) return;
    const summary = await writeBacks.push(source, columnMap, () => clock.now());
    if (summary.updated + summary.created > 0) log.info({ ...summary }, 'approved answers written back to the list');
  };
  const afterApproval = async (survey: { system: string }) => {
    if ('missing' in graph) return;
    const system = (await registry.current()).find(survey.system);
    if (!system) return;
    await writeBacks.enqueue(system.name, { ch2Date: system.ch2Date, sts2Date: system.sts2Date, status: system.status, vendor: system.vendor }, clock.now());
    void pushWriteBacks().catch((error: unknown) => log.error({ err: error }, 'write-back to the list failed; tried again at the next sync'));
  };
  /** One sync with KOMBIT's list; null when it is not configured. Used by the schedule and by "sync now". */
  const syncNow = async (lang: 'da' | 'en'): Promise<string | null> => {
    if ('missing' in graph) return null;
    if (columnMap instanceof Error) {
      log.error({ reason: columnMap.message }, 'sync: GRAPH_COLUMN_MAP is invalid');
      return columnMap.message;
    }
    // One source for the run: the write-back and the sync share its columns.
    const source = graphSource(graph);
    // Approved answers go to the list first, so the sync reads them back instead of undoing them.
    await pushWriteBacks(source).catch((error: unknown) => log.error({ err: error }, 'write-back to the list failed; tried again at the next sync'));
    const outcome = await runSync({ source, store: registryStore, columnMap, approvals: approvalsOf(surveys.all()), now: clock.now(), dryRun: false });
    registry.invalidate();
    if (!outcome.ok) {
      log.error({ missing: outcome.missingColumns }, 'sync: the list lacks mapped columns');
      return missingColumnsText(outcome.missingColumns, lang);
    }
    const { plan } = outcome;
    log.info({ added: plan.added.length, updated: plan.updated.length, invalid: plan.invalid.length, kept: plan.keptApproved.length }, 'synced with KOMBIT\'s list');
    return syncSummary(plan, false, lang);
  };

  const router = new Router();
  // The features, in the order their phrases are tried. A new feature is one more line here.
  registerHelp(router);
  registerSurveys(router, { surveys, registry, admins, links, notifier, afterApproval });
  registerDeadlines(router, { registry, clock });
  registerSync(router, { admins, syncNow });
  registerDigest(router, {
    digests,
    subscriptions,
    admins,
    notifier,
    clock,
    zone: config.digest.zone,
    compose,
    subscribeTeamsOnInstall: config.digest.subscribeTeamsOnInstall,
    log,
  });
  registerAnswers(router, { registry, clock, pendingAnswers: () => surveys.pendingAnswers() });

  const bot = new FkiBot(
    router,
    log,
    (activity) => conversations.record(activity, clock.now()),
    async (conversationId) => {
      await conversations.forget(conversationId);
    },
  );
  const onLinkAnswer = async (survey: Parameters<typeof tellAdmins>[0], answerId: string) => {
    const answer = survey.answers.find((candidate) => candidate.id === answerId);
    if (answer) await tellAdmins(survey, answer, { admins, notifier });
  };
  return { config, log, clock, registry, router, adapter, bot, surveys, admins, conversations, notifier, onLinkAnswer, digests, subscriptions, digestSender, syncNow, graphConfigured: !('missing' in graph), writeBacks, pushWriteBacks };
}

export type App = Awaited<ReturnType<typeof createApp>>;

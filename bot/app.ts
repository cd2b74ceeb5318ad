import { createCore } from '../src/app/core.js';
import type { Feature } from '../src/app/feature.js';
import { appLanguageDetector, FEATURES } from '../src/app/features.js';
import { FenceService, PersonalChatInstallerService, provided, type ProvidedService } from '../src/app/services.js';
import { startFeatures } from '../src/app/start.js';
import { AdminsService } from '../src/admins/feature.js';
import { DigestRunsService, DigestSenderService, DigestSubscriptionsService } from '../src/digest/services.js';
import { ConversationLanguages, ConversationLanguagesService } from '../src/i18n/conversationLanguages.js';
import type { Config } from '../src/config.js';
import type { Log } from '../src/log.js';
import { openStorage } from '../src/store/openStorage.js';
import type { Storage } from '../src/store/storage.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';
import type { RegistryStore } from '../src/store/registryStore.js';
import { SurveysService } from '../src/surveys/services.js';
import { ListSyncService } from '../src/sync/services.js';
import { systemClock, type Clock } from '../src/time/clock.js';
import { createAdapter, type ConnectorRetry } from './adapter.js';
import { appInstallerSettings, GraphAppInstaller } from './appInstaller.js';
import { ConversationStore } from './conversations.js';
import { ProactiveNotifier, type DeliveryOptions } from './notifier.js';
import type { Notifier } from '../src/chat/types.js';
import { SendPacer, type PacerOptions } from './pacing.js';
import { WelcomeQueue } from './welcomes.js';
import { Router } from '../src/chat/router.js';
import { FkiBot } from './teamsBot.js';
import { TurnsInFlight } from './inbound.js';

export interface AppDeps {
  config: Config;
  /** The environment, for the Microsoft Graph settings (GRAPH_*). */
  env?: NodeJS.ProcessEnv;
  log: Log;
  clock?: Clock;
  /** Where state lives; files in DATA_DIR (or PostgreSQL with DATABASE_URL) unless a test gives its own. */
  storage?: Storage;
  /** With the default storage: a registry store of the test's own (one that fails, say). */
  store?: RegistryStore;
  delivery?: Partial<DeliveryOptions>;
  /** botbuilder's retry waits on a failing connector (a test shortens them); botbuilder's own when left out. */
  connectorRetry?: ConnectorRetry;
  /** Teams' limits on proactive sends (a test passes its own clock). */
  pacing?: Partial<PacerOptions>;
  /** The app's features; the product's list unless a test adds one. */
  features?: readonly Feature[];
  /** Whether this bot may still send: the data folder lock (files); always with a database or in tests. */
  fence?: Fence;
  /** Services of the edge besides the bot's own (the app installer for people without a 1:1 chat, say). */
  edge?: readonly ProvidedService[];
  /** What the features' notifications pass through before they are sent (the Playground's example-data mark). */
  notifications?: (notifier: Notifier) => Notifier;
}

/** Everything the server needs: the storage, the registry, the notifier, the features started, the bot. */
export async function createApp({ config, log, clock = systemClock, storage: given, store, delivery, connectorRetry, pacing, env = process.env, features = FEATURES, fence = alwaysHeld, edge = [], notifications = (notifier: Notifier) => notifier }: AppDeps) {
  const storage = given ?? (await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, leaderPollMs: config.leaderPollMs }, log, store));
  const { registry } = await createCore({ log, clock, storage });

  const adapter = createAdapter(config, log, connectorRetry);
  const conversations = new ConversationStore(storage);
  // Every proactive send of the app shares one pace: Teams' limits are per app and tenant.
  const pacer = new SendPacer(pacing);
  const notifier = new ProactiveNotifier(adapter, config.appId, conversations, log, { pacer, ...delivery, fence });
  // The digest's own sender: up to 5 tries per channel (each retried by botbuilder's pipeline too).
  const digestSender = new ProactiveNotifier(adapter, config.appId, conversations, log, { pacer, ...delivery, maxAttempts: 5, fence });

  // Each conversation's last language: for the pipeline's language middleware and for what features send unasked.
  const languages = new ConversationLanguages(storage);
  const started = await startFeatures({ config, storage, registry, clock, log, notifier: notifications(notifier), env, dataDir: config.dataDir }, features, [
    provided(DigestSenderService, digestSender),
    provided(ConversationLanguagesService, languages),
    provided(FenceService, fence),
    ...edge,
    ...graphInstaller(edge, env, log, delivery?.sleep),
  ]);
  const router = new Router({ log });
  started.register(router);

  const welcomes = new WelcomeQueue(storage, { compose: async (turn) => router.handleWelcome(turn), send: (conversationId, reply) => notifier.send(conversationId, reply), log });
  // With a database the leader sends what is left (bot/start.ts), so that instances do not each send it.
  if (storage.kind !== 'postgres') await welcomes.resume();
  const bot = new FkiBot(router, log, {
    allowedTenantIds: config.allowedTenantIds,
    detect: appLanguageDetector(features, router),
    languages,
    defaultLanguage: config.defaultLanguage,
    now: () => clock.now(),
    onEveryActivity: (activity) => conversations.record(activity, clock.now()),
    onRemoved: async (conversationId) => {
      await conversations.forget(conversationId);
    },
    postLater: (conversationId, reply) => notifier.toConversation(conversationId, reply),
    queueWelcome: (turn) => welcomes.enqueue(turn, clock.now()),
  });

  // What the edge itself calls (/healthz, a graceful stop), asked of the features by key.
  const { service: sync, syncNow } = started.service(ListSyncService);
  return {
    turns: new TurnsInFlight(),
    config,
    log,
    clock,
    fence,
    storage,
    registry,
    registryStore: storage.registry,
    router,
    schedules: started.schedules,
    routes: started.routes,
    adapter,
    bot,
    surveys: started.service(SurveysService),
    admins: started.service(AdminsService),
    conversations,
    notifier,
    welcomes,
    digests: started.service(DigestRunsService),
    subscriptions: started.service(DigestSubscriptionsService),
    digestSender,
    syncNow,
    sync,
    /** A started feature's service, by its key (tests, and what the edge must call). */
    service: started.service,
    /** A started feature's own state (tests). */
    stateOf: started.stateOf,
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;

/**
 * The app installer for people without a 1:1 chat (Følg), through Microsoft Graph where it has a
 * credential, unless the edge was given one of its own (a test's). It waits between tries as the
 * notifier does (a test's own sleep returns at once).
 */
function graphInstaller(edge: readonly ProvidedService[], env: NodeJS.ProcessEnv, log: Log, sleep?: (ms: number) => Promise<void>): ProvidedService[] {
  if (edge.some(({ key }) => key === PersonalChatInstallerService)) return [];
  const settings = appInstallerSettings(env);
  return settings ? [provided(PersonalChatInstallerService, new GraphAppInstaller(settings, log, sleep ? { sleep } : {}))] : [];
}

import { createCore } from '../src/app/core.js';
import { SyncService } from '../src/sync/service.js';
import { graphSettings } from '../src/sync/graph.js';
import type { Feature } from '../src/app/feature.js';
import { FEATURES, languageWordsOf, startFeatures } from '../src/app/features.js';
import { digest } from '../src/digest/feature.js';
import { languageDetector } from '../src/i18n/language.js';
import type { Config } from '../src/config.js';
import type { Log } from '../src/log.js';
import { openStorage } from '../src/store/openStorage.js';
import type { Storage } from '../src/store/storage.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';
import type { RegistryStore } from '../src/store/registryStore.js';
import { tellAdmins } from '../src/surveys/chat.js';
import { systemClock, type Clock } from '../src/time/clock.js';
import { createAdapter } from './adapter.js';
import { ConversationStore } from './conversations.js';
import { ProactiveNotifier, type DeliveryOptions } from './notifier.js';
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
  /** Teams' limits on proactive sends (a test passes its own clock). */
  pacing?: Partial<PacerOptions>;
  /** The app's features; the product's list unless a test adds one. */
  features?: readonly Feature[];
  /** Whether this bot may still send: the data folder lock (files); always with a database or in tests. */
  fence?: Fence;
}

/** Everything the server needs, wired: stores, registry, surveys, features, bot, adapter. */
export async function createApp({ config, log, clock = systemClock, storage: given, store, delivery, pacing, env = process.env, features = FEATURES, fence = alwaysHeld }: AppDeps) {
  const storage = given ?? (await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, leaderPollMs: config.leaderPollMs }, log, store));
  const registryStore = storage.registry;
  const adapter = createAdapter(config, log);
  const conversations = new ConversationStore(storage);
  // Every proactive send of the app shares one pace: Teams' limits are per app and tenant.
  const pacer = new SendPacer(pacing);
  const notifier = new ProactiveNotifier(adapter, config.appId, conversations, log, { pacer, ...delivery, fence });
  // The digest's own sender: up to 5 tries per channel (each retried by botbuilder's pipeline too).
  const digestSender = new ProactiveNotifier(adapter, config.appId, conversations, log, { pacer, ...delivery, maxAttempts: 5, fence });
  const core = await createCore({ config, log, clock, storage, writesBack: !('missing' in graphSettings(env)) });
  const { registry, admins, surveys } = core;
  if (config.surveyLinkSecretGenerated) {
    log.warn('SURVEY_LINK_SECRET is not set: survey links are signed with a key made for this run and stop working when the bot restarts');
  }

  const sync = await SyncService.create({ env, storage, clock, log, surveys: () => surveys.all(), registry });
  // Approvals a crash (or a failed write) left on their way to KOMBIT's list go now, not at the next sync.
  sync.pushInBackground();
  const afterApproval = async (survey: { system: string }) => {
    const system = (await registry.current()).find(survey.system);
    if (system) await sync.queueApproved(system);
  };
  /** One sync with KOMBIT's list; null when it is not configured. Used by "synkroniser nu". */
  const syncNow = async (lang: 'da' | 'en'): Promise<string | null> => {
    const result = await sync.run({ lang });
    return result.kind === 'not-configured' ? null : result.text;
  };

  const router = new Router({ log });
  const started = await startFeatures(
    { ...core, config, env, dataDir: config.dataDir, clock, log, notifier, digestSender, afterApproval, syncNow, syncConfigured: sync.configured, fence },
    features,
  );
  started.register(router);
  const { digests, subscriptions } = started.stateOf(digest);

  const welcomes = new WelcomeQueue(storage, { compose: async (turn) => router.handleWelcome(turn), send: (conversationId, reply) => notifier.send(conversationId, reply), log });
  // With a database the leader sends what is left (bot/start.ts), so that instances do not each send it.
  if (storage.kind !== 'postgres') await welcomes.resume();
  const bot = new FkiBot(router, log, {
    allowedTenantIds: config.allowedTenantIds,
    detect: languageDetector(languageWordsOf(features)),
    onEveryActivity: (activity) => conversations.record(activity, clock.now()),
    onRemoved: async (conversationId) => {
      await conversations.forget(conversationId);
    },
    postLater: (conversationId, reply) => notifier.toConversation(conversationId, reply),
    queueWelcome: (turn) => welcomes.enqueue(turn, clock.now()),
  });
  const onLinkAnswer = async (survey: Parameters<typeof tellAdmins>[0], answerId: string) => {
    const answer = survey.answers.find((candidate) => candidate.id === answerId);
    if (answer) await tellAdmins(survey, answer, { admins, notifier });
  };
  return { turns: new TurnsInFlight(), config, log, clock, fence, storage, registry, registryStore, router, schedules: started.schedules, routes: started.routes, adapter, bot, surveys, admins, conversations, notifier, welcomes, onLinkAnswer, digests, subscriptions, digestSender, syncNow, sync };
}

export type App = Awaited<ReturnType<typeof createApp>>;

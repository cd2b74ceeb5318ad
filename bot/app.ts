import path from 'node:path';
import { createCore, DATA_FILES } from '../src/app/core.js';
import { registerFeatures } from '../src/app/features.js';
import type { Config } from '../src/config.js';
import { ColumnMapError, parseColumnMap } from '../src/sync/columns.js';
import { approvalsOf, missingColumnsText, runSync, syncSummary } from '../src/sync/run.js';
import { WriteBackQueue, type WriteBackEvent } from '../src/sync/writeBack.js';
import { graphSettings, graphSource } from './graph.js';
import type { Log } from '../src/log.js';
import { FileRegistryStore } from '../src/store/fileRegistryStore.js';
import { Journal } from '../src/store/journal.js';
import type { RegistryStore } from '../src/store/registryStore.js';
import { tellAdmins } from '../src/surveys/chat.js';
import { systemClock, type Clock } from '../src/time/clock.js';
import { createAdapter } from './adapter.js';
import { ConversationStore } from './conversations.js';
import { ProactiveNotifier, type DeliveryOptions } from './notifier.js';
import { Router } from '../src/chat/router.js';
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
  const registryStore = store ?? new FileRegistryStore(config.dataDir, log);
  const adapter = createAdapter(config, log);
  const conversations = new ConversationStore(config.dataDir);
  const notifier = new ProactiveNotifier(adapter, config.appId, conversations, log, delivery);
  // The digest's own sender: up to 5 tries per channel (each retried by botbuilder's pipeline too).
  const digestSender = new ProactiveNotifier(adapter, config.appId, conversations, log, { ...delivery, maxAttempts: 5 });
  const core = await createCore({ config, log, clock, store: registryStore, digestSender });
  const { registry, admins, surveys, subscriptions, digests } = core;
  if (config.surveyLinkSecretGenerated) {
    log.warn('SURVEY_LINK_SECRET is not set: survey links are signed with a key made for this run and stop working when the bot restarts');
  }

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
  const writeBacks = await WriteBackQueue.load(new Journal<WriteBackEvent>(path.join(config.dataDir, DATA_FILES.writeBack), log), log);
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
    const outcome = await runSync({ source, store: registryStore, columnMap, approvals: () => approvalsOf(surveys.all()), now: clock.now(), dryRun: false });
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
  registerFeatures(router, {
    ...core,
    clock,
    log,
    notifier,
    afterApproval,
    digestZone: config.digest.zone,
    subscribeTeamsOnInstall: config.digest.subscribeTeamsOnInstall,
    syncNow,
    statusPageUrl: config.statusPageUrl,
  });

  const bot = new FkiBot(router, log, {
    allowedTenantIds: config.allowedTenantIds,
    onEveryActivity: (activity) => conversations.record(activity, clock.now()),
    onRemoved: async (conversationId) => {
      await conversations.forget(conversationId);
    },
  });
  const onLinkAnswer = async (survey: Parameters<typeof tellAdmins>[0], answerId: string) => {
    const answer = survey.answers.find((candidate) => candidate.id === answerId);
    if (answer) await tellAdmins(survey, answer, { admins, notifier });
  };
  return { config, log, clock, registry, registryStore, router, adapter, bot, surveys, admins, conversations, notifier, onLinkAnswer, digests, subscriptions, digestSender, syncNow, graphConfigured: !('missing' in graph), writeBacks, pushWriteBacks };
}

export type App = Awaited<ReturnType<typeof createApp>>;

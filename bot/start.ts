import { ConfigError, loadConfig, loadDotEnv, type Config } from '../src/config.js';
import { createLog, type Log } from '../src/log.js';
import { checkFeatureSettings } from '../src/app/feature.js';
import { FEATURES } from '../src/app/features.js';
import { lockDataFolder } from '../src/store/instanceLock.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';
import { startFailure } from './startFailure.js';
import { createApp, type App, type AppDeps } from './app.js';
import { fencedLeadership, startSchedules, type CronTimer } from './scheduler.js';
import { startServer } from './server.js';

export interface StartOptions {
  /** The settings; the process's environment (after `.env`, see `dotEnvFile`) when left out. */
  env?: NodeJS.ProcessEnv;
  /** A `.env` file to load into the process's environment first (`npm start` and the Playground: `.env`). */
  dotEnvFile?: string;
  /** A refusal of the configuration that this way of starting adds (the Playground wants local mode). */
  check?: (config: Config) => string | null;
  /** Where the bot logs; JSON lines on stdout at LOG_LEVEL when left out. */
  log?: Log;
  /** What a test injects into the app (a clock, a storage, features, delivery and pacing options). */
  app?: Omit<Partial<AppDeps>, 'config' | 'log' | 'fence' | 'env'>;
  /** What runs the schedules on their crons (croner when left out; a test's own hand). */
  cronTimer?: CronTimer;
}

/** A bot that started: its app, where it listens, and a graceful stop. */
export interface RunningBot {
  app: App;
  /** `http://host:port`, with the port the system gave when PORT is 0. */
  url: string;
  /**
   * A graceful stop: no new schedule runs or requests; the digest deliveries in flight finish (no
   * new ones start: the next leader or start sends the rest), then write-backs and messages under
   * way; every journal event is on disk when it was acknowledged, so nothing is left to flush but
   * the database pool and the data folder lock.
   */
  stop(): Promise<void>;
}

/**
 * Loads the configuration, builds the bot and starts its server and schedules. A failure to start
 * throws a StartError whose message is the one line that tells the operator what to do; only the
 * entry points (bot/main.ts, bot/playground.ts) end the process.
 */
export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  let config: Config | null = null;
  try {
    return await startWith(options, (loaded) => (config = loaded));
  } catch (error) {
    throw startFailure(error, config);
  }
}

async function startWith(options: StartOptions, loaded: (config: Config) => void): Promise<RunningBot> {
  if (options.dotEnvFile !== undefined) loadDotEnv(options.dotEnvFile);
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  loaded(config);
  checkFeatureSettings(options.app?.features ?? FEATURES, env);
  const refusal = options.check?.(config) ?? null;
  if (refusal !== null) throw new ConfigError(refusal);
  const log = options.log ?? createLog(config.logLevel);
  let releaseDataFolder: () => Promise<void> = async () => {};
  let fence: Fence = alwaysHeld;
  // With files, one bot per data folder; with PostgreSQL, any number, one of them leading.
  if (config.databaseUrl === null) {
    const lock = await lockDataFolder(config.dataDir, log);
    releaseDataFolder = () => lock.release();
    fence = lock;
  }
  let app: App | undefined;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    app = await createApp({ ...options.app, config, log, fence, env });
    server = await startServer(app);
  } catch (error) {
    // What was opened before the failure (a database pool, the lock) must not keep a test's process alive.
    await app?.storage.close().catch(() => {});
    await releaseDataFolder().catch(() => {});
    throw error;
  }
  if (!config.localMode && config.allowedTenantIds.length === 0) {
    log.warn('ALLOWED_TENANT_IDS is not set: the bot answers users of any tenant; set it to KOMBIT\'s tenant id');
  }
  if (config.opsToken === null && !config.opsOpenWithoutToken) {
    log.warn('OPS_TOKEN is not set: /metrics and the detailed /healthz are closed; set OPS_TOKEN to scrape them');
  }
  if (config.localMode) {
    log.warn({ url: server.url }, `local mode: MicrosoftAppId is empty, so requests are not authenticated; listening on ${config.host}`);
  }
  log.info({ url: `${server.url}/api/messages` }, 'FKI Bot is listening');
  const started = app;
  const leadership = await started.storage.leadership();
  const schedules = startSchedules(started.schedules, started.clock, log, fencedLeadership(leadership, fence), options.cronTimer);
  if (started.storage.kind === 'postgres') {
    const resumeWelcomes = () => void started.welcomes.resume().catch((error: unknown) => log.error({ err: error }, 'could not read the queued welcomes'));
    if (leadership.isLeader()) resumeWelcomes();
    leadership.onElected(resumeWelcomes);
  }
  let stopping: Promise<void> | null = null;
  const stop = async () => {
    schedules.stop();
    started.digests.stop();
    started.welcomes.stop();
    await server.close();
    await started.turns.idle();
    await started.digests.idle();
    await started.welcomes.idle();
    await started.sync.idle();
    await started.notifier.idle();
    // A feature's scheduled run under way (a catch-up at start, say) finishes its writes before the store closes.
    await schedules.idle();
    await started.notifier.idle();
    await started.storage.close();
    await releaseDataFolder();
  };
  return {
    app: started,
    url: server.url,
    // Once: a second call (a signal during a test's own stop) waits for the first.
    stop: () => (stopping ??= stop()),
  };
}

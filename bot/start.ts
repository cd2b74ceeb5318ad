import { ConfigError, loadConfig, loadDotEnv, type Config } from '../src/config.js';
import { createLog } from '../src/log.js';
import { checkFeatureSettings } from '../src/app/feature.js';
import { FEATURES } from '../src/app/features.js';
import { lockDataFolder } from '../src/store/instanceLock.js';
import { startFailureLine } from './startFailure.js';
import { createApp, type App } from './app.js';
import { startSchedules } from './scheduler.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Loads the configuration, builds the bot and starts its server; any failure to start ends the
 * process with one line that says what to do. Shared by `npm start` and `npm run playground`.
 */
export async function startBot(check: (config: Config) => string | null = () => null): Promise<{ app: App; server: RunningServer }> {
  let config: Config | null = null;
  try {
    return await startWith(check, (loaded) => (config = loaded));
  } catch (error) {
    // Every start failure is one line that says what to do; the details only at LOG_LEVEL=debug.
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
    console.error(startFailureLine(error, config));
    process.exit(1);
  }
}

async function startWith(check: (config: Config) => string | null, loaded: (config: Config) => void): Promise<{ app: App; server: RunningServer }> {
  loadDotEnv();
  const config = loadConfig();
  loaded(config);
  checkFeatureSettings(FEATURES, process.env);
  const refusal = check(config);
  if (refusal !== null) throw new ConfigError(refusal);
  const log = createLog(config.logLevel);
  let releaseDataFolder: () => Promise<void> = async () => {};
  // With files, one bot per data folder; with PostgreSQL, any number, one of them leading.
  if (config.databaseUrl === null) releaseDataFolder = await lockDataFolder(config.dataDir, log);
  let app: App;
  let server: RunningServer;
  try {
    app = await createApp({ config, log });
    server = await startServer(app);
  } catch (error) {
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
  const leadership = await app.storage.leadership();
  const schedules = startSchedules(app.schedules, app.clock, log, leadership);
  if (app.storage.kind === 'postgres') {
    const resumeWelcomes = () => void app.welcomes.resume().catch((error: unknown) => log.error({ err: error }, 'could not read the queued welcomes'));
    if (leadership.isLeader()) resumeWelcomes();
    leadership.onElected(resumeWelcomes);
  }
  return {
    app,
    server: {
      url: server.url,
      /**
       * A graceful stop: no new schedule runs or requests; the digest deliveries in flight finish (no
       * new ones start: the next leader or start sends the rest), then write-backs and messages under
       * way; every journal event is on disk when it was acknowledged, so nothing is left to flush but
       * the database pool and the data folder lock.
       */
      async close() {
        schedules.stop();
        app.digests.stop();
        app.welcomes.stop();
        await server.close();
        await app.turns.idle();
        await app.digests.idle();
        await app.welcomes.idle();
        await app.sync.idle();
        await app.notifier.idle();
        await app.storage.close();
        await releaseDataFolder();
      },
    },
  };
}

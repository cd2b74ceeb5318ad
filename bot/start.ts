import { ConfigError, loadConfig, loadDotEnv, type Config } from '../src/config.js';
import { createLog } from '../src/log.js';
import { checkFeatureSettings } from '../src/app/feature.js';
import { FEATURES } from '../src/app/features.js';
import { RegistryUnreadableError } from '../src/store/fileRegistryStore.js';
import { InstanceLockedError, lockDataFolder } from '../src/store/instanceLock.js';
import { alwaysHeld, type Fence } from '../src/store/fence.js';
import { createApp, type App } from './app.js';
import { fencedLeadership, startSchedules } from './scheduler.js';
import { startServer, type RunningServer } from './server.js';

/**
 * Loads the configuration, builds the bot and starts its server; a configuration error ends the
 * process with the reason. Shared by `npm start` and `npm run playground`.
 */
export async function startBot(check: (config: Config) => string | null = () => null): Promise<{ app: App; server: RunningServer }> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
    checkFeatureSettings(FEATURES, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const refusal = check(config);
  if (refusal !== null) {
    console.error(refusal);
    process.exit(1);
  }
  const log = createLog(config.logLevel);
  let releaseDataFolder: () => Promise<void> = async () => {};
  let fence: Fence = alwaysHeld;
  let app: App;
  try {
    // With files, one bot per data folder; with PostgreSQL, any number, one of them leading.
    if (config.databaseUrl === null) {
      const lock = await lockDataFolder(config.dataDir, log);
      releaseDataFolder = () => lock.release();
      fence = lock;
    }
    app = await createApp({ config, log, fence });
  } catch (error) {
    // What the operator can fix gets one line, not a stack trace.
    if (!(error instanceof InstanceLockedError || error instanceof RegistryUnreadableError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  let server: RunningServer;
  try {
    server = await startServer(app);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`Port ${config.port} on ${config.host} is already in use: stop what uses it, or set PORT to a free port.`);
    process.exit(1);
  }
  if (!config.localMode && config.allowedTenantIds.length === 0) {
    log.warn('ALLOWED_TENANT_IDS is not set: the bot answers users of any tenant; set it to KOMBIT\'s tenant id');
  }
  if (config.localMode) {
    log.warn({ url: server.url }, `local mode: MicrosoftAppId is empty, so requests are not authenticated; listening on ${config.host}`);
  }
  log.info({ url: `${server.url}/api/messages` }, 'FKI Bot is listening');
  const schedules = startSchedules(app.schedules, app.clock, log, fencedLeadership(await app.storage.leadership(), fence));
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
        await server.close();
        await app.digests.idle();
        await app.sync.idle();
        await app.notifier.idle();
        await app.storage.close();
        await releaseDataFolder();
      },
    },
  };
}

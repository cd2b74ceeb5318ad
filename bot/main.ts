import { ConfigError, loadConfig } from '../src/config.js';
import { createLog } from '../src/log.js';
import { createApp } from './app.js';
import { startServer } from './server.js';

/** `npm start`: the bot on PORT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createLog(config.logLevel);
  const app = await createApp({ config, log });
  const server = await startServer(app);
  if (config.localMode) {
    log.warn(
      { url: server.url },
      `local mode: MicrosoftAppId is empty, so requests are not authenticated; listening on ${config.host} only`,
    );
  }
  log.info({ url: `${server.url}/api/messages` }, 'FKI Bot is listening');
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await main();

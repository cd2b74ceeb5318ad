import { startBot } from './start.js';

/** How long a stop may take before the process ends anyway (Azure and Docker wait 30 s by default). */
const STOP_DEADLINE_MS = 25_000;

/** `npm start`: the bot on PORT, stopped gracefully on SIGTERM (a deploy, a scale-in) and SIGINT. */
const { app, server } = await startBot();
const stop = async (signal: string) => {
  app.log.info({ signal }, 'stopping: no new work; finishing what is in flight');
  setTimeout(() => {
    app.log.error('the graceful stop took too long; exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  try {
    await server.close();
    app.log.info('stopped');
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'the graceful stop failed');
    process.exit(1);
  }
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

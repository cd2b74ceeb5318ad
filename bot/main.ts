import { startBot, type RunningBot } from './start.js';
import { reportStartFailure } from './startFailure.js';

/** How long a stop may take before the process ends anyway (Azure and Docker wait 30 s by default). */
const STOP_DEADLINE_MS = 25_000;

/**
 * `npm start`: the bot on PORT, stopped gracefully on SIGTERM (a deploy, a scale-in) and SIGINT.
 * The one place, with the Playground, that ends the process: a failed start is one line and exit 1.
 */
let bot: RunningBot;
try {
  bot = await startBot({ dotEnvFile: '.env' });
} catch (error) {
  process.exit(reportStartFailure(error));
}
const stop = async (signal: string) => {
  bot.app.log.info({ signal }, 'stopping: no new work; finishing what is in flight');
  setTimeout(() => {
    bot.app.log.error('the graceful stop took too long; exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  try {
    await bot.stop();
    bot.app.log.info('stopped');
    process.exit(0);
  } catch (error) {
    bot.app.log.error({ err: error }, 'the graceful stop failed');
    process.exit(1);
  }
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

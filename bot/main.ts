import { startBot } from './start.js';

/** `npm start`: the bot on PORT. */
const { app, server } = await startBot();
const stop = async (signal: string) => {
  app.log.info({ signal }, 'stopping');
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

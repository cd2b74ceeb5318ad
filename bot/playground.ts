import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadDotEnv } from '../src/config.js';
import { exampleDataOptions, playgroundBanner, PLAYGROUND_USER } from './playgroundSetup.js';
import { startBot, type RunningBot } from './start.js';
import { reportStartFailure } from './startFailure.js';

/**
 * `npm run playground`: the bot in local mode plus Microsoft 365 Agents Playground, a Teams-like
 * web client with a mock Bot Connector, so anyone can chat with the bot without a tenant.
 */
const require = createRequire(import.meta.url);
/** How long a stop may take before both processes end anyway. */
const STOP_DEADLINE_MS = 10_000;
const PLAYGROUND_CLI = path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

async function main(): Promise<void> {
  loadDotEnv('.env');
  const example = exampleDataOptions(process.env, new Date());
  let bot: RunningBot;
  try {
    bot = await startBot({
      ...example?.options,
      check: (config) => (config.localMode ? null : 'The Playground talks to the bot without authentication: unset MicrosoftAppId to use it.'),
    });
  } catch (error) {
    process.exit(reportStartFailure(error));
  }
  const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);

  const playground = spawn(
    process.execPath,
    [
      PLAYGROUND_CLI, 'start',
      '--app-endpoint', `${bot.url}/api/messages`,
      '--channel-id', 'msteams',
      '--port', String(playgroundPort),
      '--disable-telemetry',
    ],
    // Without TEAMSAPPTESTER_BROWSER=none the Playground tries to open a browser and exits silently when it cannot.
    { env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  playground.stdout.setEncoding('utf8');
  playground.stdout.on('data', (chunk: string) => {
    const listening = /Listening on (\d+)/.exec(chunk);
    if (listening) {
      void bot.app.admins.isAdmin(PLAYGROUND_USER.aadObjectId).then((userIsAdmin) => {
        const { config } = bot.app;
        console.log(playgroundBanner({
          botUrl: bot.url, playgroundUrl: `http://localhost:${listening[1]}`, publicBaseUrl: config.publicBaseUrl, userIsAdmin,
          exampleDataDir: example?.dataDir ?? null,
        }));
      });
    }
  });
  playground.stderr.pipe(process.stderr);

  const stop = async (code: number) => {
    // A stop that waits on a connection the Playground keeps open must not leave both running.
    setTimeout(() => {
      playground.kill('SIGKILL');
      process.exit(code);
    }, STOP_DEADLINE_MS).unref();
    playground.kill('SIGTERM');
    await bot.stop();
    process.exit(code);
  };
  playground.on('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`The Playground stopped (exit code ${code}); its log is ./devTools/m365agentsplayground.log`);
    }
    void stop(code ?? 0);
  });
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

await main();

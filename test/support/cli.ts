import { FEATURES } from '../../src/app/features.js';
import type { Feature } from '../../src/app/feature.js';
import { runCli } from '../../src/cli/main.js';
import type { Storage } from '../../src/store/storage.js';
import { adminsFromEnvironment } from '../../src/config.js';
import { openStorage, storageSettingsOf } from '../../src/store/openStorage.js';
import { systemClock, type Clock } from '../../src/time/clock.js';
import { captureLog } from './logCapture.js';
import type { RunResult } from './run.js';

/**
 * The command line run in this process, as `npm run cli` runs it (the storage DATA_DIR or
 * DATABASE_URL names, the environment's settings), without the second a new process costs. `env` is
 * what the user exported.
 */
export async function cliInProcess(
  args: string[],
  env: Record<string, string> & { DATA_DIR: string },
  clock: Clock = systemClock,
  /** The app's features, when a test adds one; a storage already open (memory, shared with a bot in the test). */
  { features = FEATURES, storage: given }: { features?: readonly Feature[]; storage?: Storage } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const log = captureLog('warn').log;
  const storage = given ?? (await openStorage(storageSettingsOf(env), log));
  try {
    const code = await runCli(args, {
      out: (text) => (stdout += `${text}\n`),
      err: (text) => (stderr += `${text}\n`),
      storage,
      clock,
      adminIds: adminsFromEnvironment(env.ADMIN_AAD_OBJECT_IDS),
      env,
      log,
    }, features);
    return { code, stdout, stderr };
  } finally {
    if (given === undefined) await storage.close();
  }
}

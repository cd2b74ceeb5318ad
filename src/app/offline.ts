import { Router } from '../chat/router.js';
import type { Notifier } from '../chat/types.js';
import type { Config } from '../config.js';
import { languageDetector, type LanguageDetector } from '../i18n/language.js';
import type { Log } from '../log.js';
import type { Storage } from '../store/storage.js';
import { syncTexts } from '../sync/texts.js';
import type { Clock } from '../time/clock.js';
import { createCore } from './core.js';
import type { Feature } from './feature.js';
import { FEATURES, languageWordsOf, startFeatures } from './features.js';

/** Outside Teams nobody is notified and nothing is sent. */
const silentNotifier: Notifier = {
  send: async () => ({ outcome: 'failed', reason: 'nothing is sent outside Teams' }),
  personalChatOf: async () => null,
  toConversation: () => {},
  toUser: () => {},
  canReachUser: async () => false,
};

/**
 * The bot's router and features without Teams (`cli ask`, tests of the routing): the same list in
 * the same order, on the given data, with a notifier and a digest sender that send nothing.
 */
export async function offlineRouter(options: {
  config: Config;
  env: NodeJS.ProcessEnv;
  storage: Storage;
  clock: Clock;
  log: Log;
  features?: readonly Feature[];
}): Promise<{ router: Router; detect: LanguageDetector }> {
  const { config, env, storage, clock, log, features = FEATURES } = options;
  const core = await createCore({ config, log, clock, storage });
  const started = await startFeatures(
    {
      ...core,
      config,
      env,
      dataDir: config.dataDir,
      clock,
      log,
      notifier: silentNotifier,
      digestSender: { send: async () => ({ outcome: 'failed', reason: 'nothing is sent outside Teams' }) },
      syncNow: async (lang) => syncTexts(lang).fromTheCli,
      syncConfigured: false,
    },
    features,
  );
  const router = new Router({ log });
  started.register(router);
  return { router, detect: languageDetector(languageWordsOf(features)) };
}

import { Router } from '../chat/router.js';
import type { Notifier } from '../chat/types.js';
import type { Config } from '../config.js';
import type { LanguageDetector } from '../i18n/language.js';
import type { Log } from '../log.js';
import type { Storage } from '../store/storage.js';
import type { Clock } from '../time/clock.js';
import { createCore } from './core.js';
import type { Feature } from './feature.js';
import { appLanguageDetector, FEATURES } from './features.js';
import { startFeatures } from './start.js';

/** Outside Teams nobody is notified and nothing is sent. */
export const silentNotifier: Notifier = {
  send: async () => ({ outcome: 'failed', reason: 'nothing is sent outside Teams' }),
  personalChatOf: async () => null,
  toConversation: () => {},
  toUser: () => {},
  canReachUser: async () => false,
  update: () => {},
};

/**
 * The bot's router and features without Teams (`cli ask`, tests of the routing): the same list in
 * the same order, on the given data, with a notifier that sends nothing.
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
  const { registry } = await createCore({ log, clock, storage });
  const started = await startFeatures({ config, storage, registry, clock, log, notifier: silentNotifier, env, dataDir: config.dataDir }, features);
  const router = new Router({ log });
  started.register(router);
  return { router, detect: appLanguageDetector(features, router) };
}

import { offlineRouter } from '../app/offline.js';
import { chatTurn } from '../chat/turn.js';
import { errorBoundary, language } from '../chat/pipeline.js';
import { loadConfig } from '../config.js';
import type { Lang } from '../i18n/language.js';
import { createLog } from '../log.js';
import { copyToMemory } from '../store/memoryStorage.js';
import type { Storage } from '../store/storage.js';
import type { Clock } from '../time/clock.js';

export interface AskOptions {
  question: string;
  lang?: Lang;
  storage: Storage;
  clock: Clock;
  env: NodeJS.ProcessEnv;
}

/**
 * What the bot would answer to a question, through the bot's own router and features, on the day
 * the clock says. It runs on a copy of the storage in memory, so a question that would change
 * something in the bot ("abonner på oversigt", "spørg leverandøren om X") shows the answer and
 * changes nothing.
 */
export async function askLikeTheBot(options: AskOptions): Promise<{ text: string; understood: boolean }> {
  // The settings as the bot reads them, subscribing no team on install.
  const env = { ...options.env, LOG_LEVEL: 'silent', DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL: 'false' };
  const config = loadConfig(env);
  const storage = await copyToMemory(options.storage);
  const log = createLog('silent');
  const { router, detect } = await offlineRouter({ config, env, storage, clock: options.clock, log });
  // The bot's pipeline without Teams' tenant and conversation: the language, the error boundary, the features' middleware.
  const { lang } = options;
  const run = router.pipeline([language(lang ? () => lang : detect, { defaultLanguage: config.defaultLanguage }), errorBoundary(log)]);
  const outcome = await run(chatTurn(options.question, { conversation: { id: 'cli' }, user: { id: 'cli' } }));
  if (outcome.type !== 'reply') return { text: '', understood: false };
  return { text: outcome.reply.text, understood: outcome.understood };
}

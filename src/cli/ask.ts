import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChatTurn } from '../chat/types.js';
import { offlineRouter } from '../app/offline.js';
import { loadConfig } from '../config.js';
import type { Lang } from '../i18n/language.js';
import { createLog } from '../log.js';
import { MemoryRegistryStore, type RegistryStore } from '../store/registryStore.js';
import { splitWords } from '../text/words.js';
import type { Clock } from '../time/clock.js';

export interface AskOptions {
  question: string;
  lang?: Lang;
  store: RegistryStore;
  clock: Clock;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

/**
 * What the bot would answer to a question, through the bot's own router and features, on the day
 * the clock says. It runs on a copy of the data folder and of the registry, so a question that
 * would change something in the bot ("abonner på oversigt", "spørg leverandøren om X") shows the
 * answer and changes nothing.
 */
export async function askLikeTheBot(options: AskOptions): Promise<{ text: string; understood: boolean }> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'fki-ask-'));
  try {
    // Locks held by the running bot stay behind: the copy is nobody else's.
    const notALock = (source: string) => !source.endsWith('.lock');
    await cp(options.dataDir, scratch, { recursive: true, force: true, filter: notALock }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    // The settings as the bot reads them, on the scratch copy, subscribing no team on install.
    const env = { ...options.env, DATA_DIR: scratch, LOG_LEVEL: 'silent', DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL: 'false' };
    const config = loadConfig(env);
    const store = new MemoryRegistryStore(await options.store.read());
    const { router, detect } = await offlineRouter({ config, env, store, clock: options.clock, log: createLog('silent') });
    const words = splitWords(options.question);
    const turn: ChatTurn = {
      text: options.question,
      words,
      lang: options.lang ?? detect(options.question, words, null),
      locale: null,
      conversation: { id: 'cli', kind: 'personal', teamId: null, tenantId: null },
      user: { id: 'cli', name: null, aadObjectId: null },
      activityId: null,
    };
    const { reply, understood } = await router.route(turn);
    return { text: reply.text, understood };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

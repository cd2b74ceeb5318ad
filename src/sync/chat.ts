import { z } from 'zod';
import { defineFeature } from '../app/feature.js';
import { cronSetting } from '../time/cron.js';
import { adminOnly } from '../chat/guards.js';
import { syncTexts } from './texts.js';
import { syncCommands } from './cli.js';
import type { ChatRouter } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import type { AdminDirectory } from '../surveys/admins.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases } from '../text/words.js';

export interface SyncChatDeps {
  admins: AdminDirectory;
  /** Runs a sync now and returns its summary; null when the list is not configured. */
  syncNow: (lang: Lang) => Promise<string | null>;
}

const SYNC_NOW = new PhraseIndex<Lang>([
  ...phrases('synkroniser nu', 'synkronisér nu', 'synkroniser listen', 'synkroniser listen nu').map((p) => [p, 'da'] as [string[], Lang]),
  ...phrases('sync now', 'sync the list', 'sync the list now').map((p) => [p, 'en'] as [string[], Lang]),
]);

/** "synkroniser nu": an administrator syncs the registry with KOMBIT's list and gets the summary. */
export function registerSync(router: ChatRouter, deps: SyncChatDeps): void {
  router.message(
    (turn) => {
      const found = SYNC_NOW.find(turn.words);
      return found && found.start === 0 ? found.value : null;
    },
    async (_turn, lang) => ({ text: (await deps.syncNow(lang)) ?? syncTexts(lang).notConfigured }),
    { guard: adminOnly(deps.admins, (lang) => syncTexts(lang).adminsOnlyWhat), samples: { da: ['synkroniser nu', 'synkroniser listen'], en: ['sync now', 'sync the list'] } },
  );
}

export const sync = defineFeature({
  name: 'sync',
  settings: z.object({
    /** When the bot syncs with KOMBIT's list (cron, in DIGEST_TZ); only when the list is configured. */
    SYNC_CRON: cronSetting.default('0 * * * *'),
  }),
  register: (router, context) => registerSync(router, context),
  cli: syncCommands,
  schedules: (context, { settings }) =>
    context.syncConfigured
      ? [{ name: 'sync with KOMBIT\'s list', cron: settings.SYNC_CRON, zone: context.config.zone, run: () => context.syncNow('da') }]
      : [],
});


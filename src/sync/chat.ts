import { adminOnly } from '../chat/guards.js';
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
    async (_turn, lang) => {
      const da = lang === 'da';
      const summary = await deps.syncNow(lang);
      if (summary === null) {
        return {
          text: da
            ? 'Synkroniseringen er ikke sat op: sæt GRAPH_SITE_ID og GRAPH_LIST_ID (en SharePoint-liste) eller GRAPH_DRIVE_ID, GRAPH_ITEM_ID og GRAPH_TABLE (en Excel-tabel).'
            : 'The sync is not set up: set GRAPH_SITE_ID and GRAPH_LIST_ID (a SharePoint list) or GRAPH_DRIVE_ID, GRAPH_ITEM_ID and GRAPH_TABLE (an Excel table).',
        };
      }
      return { text: summary };
    },
    { guard: adminOnly(deps.admins, { da: 'synkronisere listen', en: 'sync the list' }) },
  );
}
